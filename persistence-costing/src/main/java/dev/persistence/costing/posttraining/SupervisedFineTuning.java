package dev.persistence.costing.posttraining;

import dev.persistence.core.check.Checks;
import org.immutables.value.Value;

/**
 * Supervised fine-tuning: {@code examples x meanTokensPerExample} tokens per epoch, packed into sequences of
 * {@link #sequenceLength()} at {@link #packingEfficiency()} (the share of a packed or padded sequence that holds
 * real tokens; 1 for perfect packing), {@link #epochs()} times.
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

  /** Tokens per packed (or padded) training sequence, {@code > 0}. */
  public abstract int sequenceLength();

  /** Real tokens over processed tokens, in (0, 1]; 1 (perfect packing) by default. */
  @Value.Default
  public double packingEfficiency() {
    return 1;
  }

  /** Sequences per optimizer step, {@code > 0}; 128 by default. */
  @Value.Default
  public int globalBatchSize() {
    return 128;
  }

  /** Tokens the trainer processes, padding included: {@code examples x tokens x epochs / packingEfficiency}. */
  public double processedTokens() {
    return examples() * meanTokensPerExample() * epochs() / packingEfficiency();
  }

  /**
   * Checks the rules of a valid {@code SupervisedFineTuning} when one is built (Immutables {@code @Value.Check});
   * callers never need it.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  @Value.Check
  protected void check() {
    StageChecks.positive("sft.examples", examples());
    StageChecks.positive("sft.meanTokensPerExample", meanTokensPerExample());
    StageChecks.positive("sft.epochs", epochs());
    StageChecks.positiveCount("sft.sequenceLength", sequenceLength());
    StageChecks.fraction("sft.packingEfficiency", packingEfficiency());
    StageChecks.positiveCount("sft.globalBatchSize", globalBatchSize());
    Checks.check(
        processedTokens() > 0 && Double.isFinite(processedTokens()),
        "sft.processedTokens",
        processedTokens(),
        String.format(
            java.util.Locale.ROOT,
            "must be finite and > 0: examples (%s) x meanTokensPerExample (%s) x epochs (%s) / packingEfficiency (%s)",
            examples(),
            meanTokensPerExample(),
            epochs(),
            packingEfficiency()));
  }
}
