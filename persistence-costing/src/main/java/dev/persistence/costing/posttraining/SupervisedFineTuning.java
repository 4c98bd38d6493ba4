package dev.persistence.costing.posttraining;

import dev.persistence.core.check.Checks;
import org.immutables.value.Value;

/**
 * Supervised fine-tuning: {@code examples x meanTokensPerExample} tokens per epoch, laid into training sequences
 * as {@link #packing()} says (packed into sequences of {@link #sequenceLength()} at {@link #packingEfficiency()},
 * one example per micro-batch at its own length, or each padded to {@link #sequenceLength()}), {@link #epochs()}
 * times.
 */
@Value.Immutable
public abstract class SupervisedFineTuning implements PostTrainingStage {

  /** Returns a new builder. */
  public static ImmutableSupervisedFineTuning.Builder builder() {
    return ImmutableSupervisedFineTuning.builder();
  }

  @Override
  public StageKind kind() {
    return StageKind.SFT;
  }

  /** Training examples, {@code > 0}. */
  public abstract double examples();

  /** Mean tokens per example (prompt and response), {@code > 0}. */
  public abstract double meanTokensPerExample();

  /** Passes over the examples, {@code > 0}; 1 by default. */
  @Value.Default
  public double epochs() {
    return 1;
  }

  /**
   * Tokens per packed or padded training sequence, {@code > 0}; with {@link Packing#PER_EXAMPLE} the longest an
   * example may be (the recipe's {@code max_seq_length}, which truncates).
   */
  public abstract int sequenceLength();

  /** How examples become training sequences; {@link Packing#PACKED} by default. */
  @Value.Default
  public Packing packing() {
    return Packing.PACKED;
  }

  /**
   * Real tokens over processed tokens of {@link Packing#PACKED} sequences, in (0, 1]; 1 (perfect packing) by
   * default. The other packings derive the share ({@link #realTokenShare()}) and leave this at 1.
   */
  @Value.Default
  public double packingEfficiency() {
    return 1;
  }

  /**
   * Real tokens over the tokens the trainer processes: {@link #packingEfficiency()} when packed, 1 for one example
   * per micro-batch (no padding), {@code meanTokensPerExample / sequenceLength} when every example is padded.
   */
  public double realTokenShare() {
    switch (packing()) {
      case PER_EXAMPLE:
        return 1;
      case PADDED:
        return meanTokensPerExample() / sequenceLength();
      default:
        return packingEfficiency();
    }
  }

  /**
   * Length of the sequences the trainer runs: {@link #sequenceLength()}, or the mean example (rounded up) when
   * each example is its own micro-batch.
   */
  public int trainingSequenceLength() {
    return packing() == Packing.PER_EXAMPLE
        ? (int) Math.min(sequenceLength(), Math.ceil(meanTokensPerExample()))
        : sequenceLength();
  }

  /** Sequences per optimizer step, {@code > 0}; 128 by default. */
  @Value.Default
  public int globalBatchSize() {
    return 128;
  }

  /** Tokens the trainer processes, padding included: {@code examples x tokens x epochs / realTokenShare}. */
  public double processedTokens() {
    return examples() * meanTokensPerExample() * epochs() / realTokenShare();
  }

  /**
   * Checks the rules of a valid {@code SupervisedFineTuning} when one is built (Immutables {@code @Value.Check});
   * callers never need it.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  @Value.Check
  protected void check() {
    Checks.positive("sft.examples", examples());
    Checks.positive("sft.meanTokensPerExample", meanTokensPerExample());
    Checks.positive("sft.epochs", epochs());
    Checks.positive("sft.sequenceLength", sequenceLength());
    Checks.positiveFraction("sft.packingEfficiency", packingEfficiency());
    StageChecks.derivedPacking("sft", packing(), packingEfficiency());
    if (packing() != Packing.PACKED) {
      Checks.check(
          meanTokensPerExample() <= sequenceLength(),
          "sft.meanTokensPerExample",
          meanTokensPerExample(),
          String.format(
              java.util.Locale.ROOT, "must be <= sequenceLength (%s) when packing is %s", sequenceLength(), packing()));
    }
    Checks.positive("sft.globalBatchSize", globalBatchSize());
    Checks.check(
        processedTokens() > 0 && Double.isFinite(processedTokens()),
        "sft.processedTokens",
        processedTokens(),
        String.format(
            java.util.Locale.ROOT,
            "must be finite and > 0: examples (%s) x meanTokensPerExample (%s) x epochs (%s) / realTokenShare (%s;"
                + " packing %s, packingEfficiency (%s))",
            examples(),
            meanTokensPerExample(),
            epochs(),
            realTokenShare(),
            packing(),
            packingEfficiency()));
  }
}
