package dev.persistence.costing.posttraining;

import dev.persistence.core.check.Checks;
import dev.persistence.core.architecture.Architecture;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Preference tuning on {@link #pairs()} chosen/rejected pairs: both responses (each with its prompt) through the
 * policy's forward and backward passes, plus, for losses that need one, the frozen reference model's forward
 * ({@link PreferenceLoss#needsReference()}); and, where the recipe has one, a reward model trained on the same
 * pairs (a Bradley-Terry loss: forward and backward of both responses, Ouyang et al. 2022 section 3.5).
 */
@Value.Immutable
public abstract class PreferenceTuning implements PostTrainingStage {

  /** Returns a new builder. */
  public static ImmutablePreferenceTuning.Builder builder() {
    return ImmutablePreferenceTuning.builder();
  }

  @Override
  public StageKind kind() {
    return StageKind.PREFERENCE;
  }

  /** The objective; DPO by default. */
  @Value.Default
  public PreferenceLoss loss() {
    return PreferenceLoss.DPO;
  }

  /** Preference pairs, {@code > 0}. */
  public abstract double pairs();

  /** Mean prompt tokens, {@code > 0}. */
  public abstract double promptTokens();

  /** Mean tokens of the chosen response, {@code > 0}. */
  public abstract double chosenTokens();

  /** Mean tokens of the rejected response, {@code > 0}. */
  public abstract double rejectedTokens();

  /** Passes over the pairs, {@code > 0}; 1 by default. */
  @Value.Default
  public double epochs() {
    return 1;
  }

  /**
   * Tokens per training sequence (one prompt plus one response, packed or padded), {@code > 0}; with
   * {@link Packing#PER_EXAMPLE} the longest a sequence may be (the recipe's {@code max_seq_length}).
   */
  public abstract int sequenceLength();

  /** How pairs become training sequences; {@link Packing#PACKED} by default. */
  @Value.Default
  public Packing packing() {
    return Packing.PACKED;
  }

  /**
   * Real tokens over processed tokens of {@link Packing#PACKED} sequences, in (0, 1]; 1 by default. The other
   * packings derive the share ({@link #realTokenShare()}) and leave this at 1.
   */
  @Value.Default
  public double packingEfficiency() {
    return 1;
  }

  /**
   * Tokens one model processes per pair, padding included: {@code tokensPerPair / packingEfficiency} when packed;
   * both sequences padded to the longer response when each pair is its own micro-batch
   * ({@code 2 x (prompt + max(chosen, rejected))}); both padded to {@link #sequenceLength()} when padded.
   */
  public double processedTokensPerPair() {
    switch (packing()) {
      case PER_EXAMPLE:
        return 2 * (promptTokens() + Math.max(chosenTokens(), rejectedTokens()));
      case PADDED:
        return 2.0 * sequenceLength();
      default:
        return tokensPerPair() / packingEfficiency();
    }
  }

  /** Real tokens over processed tokens: {@code tokensPerPair / processedTokensPerPair}. */
  public double realTokenShare() {
    return tokensPerPair() / processedTokensPerPair();
  }

  /**
   * Length of the sequences the trainer runs: {@link #sequenceLength()}, or the prompt and the longer response
   * (rounded up, at most {@link #sequenceLength()}) when each pair is its own micro-batch.
   */
  public int trainingSequenceLength() {
    return packing() == Packing.PER_EXAMPLE
        ? (int) Math.min(sequenceLength(), Math.ceil(promptTokens() + Math.max(chosenTokens(), rejectedTokens())))
        : sequenceLength();
  }

  /** Pairs per optimizer step, {@code > 0}; 128 by default. */
  @Value.Default
  public int globalBatchSize() {
    return 128;
  }

  /** A reward model trained on the same pairs first, if the recipe has one. */
  public abstract Optional<Architecture> rewardModel();

  /** Epochs of reward-model training, {@code > 0}; 1 by default. */
  @Value.Default
  public double rewardModelEpochs() {
    return 1;
  }

  /** Tokens of one pair through one model: both responses, each with its prompt. */
  public double tokensPerPair() {
    return 2 * promptTokens() + chosenTokens() + rejectedTokens();
  }

  /** Tokens the policy processes: {@code pairs x processedTokensPerPair x epochs}. */
  public double processedTokens() {
    return pairs() * processedTokensPerPair() * epochs();
  }

  /**
   * Checks the rules of a valid {@code PreferenceTuning} when one is built (Immutables {@code @Value.Check});
   * callers never need it.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  @Value.Check
  protected void check() {
    Checks.positive("preference.pairs", pairs());
    Checks.positive("preference.promptTokens", promptTokens());
    Checks.positive("preference.chosenTokens", chosenTokens());
    Checks.positive("preference.rejectedTokens", rejectedTokens());
    Checks.positive("preference.epochs", epochs());
    Checks.positive("preference.sequenceLength", sequenceLength());
    Checks.positiveFraction("preference.packingEfficiency", packingEfficiency());
    StageChecks.derivedPacking("preference", packing(), packingEfficiency());
    if (packing() == Packing.PADDED) {
      double longest = promptTokens() + Math.max(chosenTokens(), rejectedTokens());
      Checks.check(
          longest <= sequenceLength(),
          "preference.promptTokens + max(chosenTokens, rejectedTokens)",
          longest,
          String.format(java.util.Locale.ROOT, "must be <= sequenceLength (%s) when packing is PADDED", sequenceLength()));
    }
    Checks.positive("preference.globalBatchSize", globalBatchSize());
    Checks.positive("preference.rewardModelEpochs", rewardModelEpochs());
    Checks.check(
        processedTokens() > 0 && Double.isFinite(processedTokens()),
        "preference.processedTokens",
        processedTokens(),
        String.format(
            java.util.Locale.ROOT,
            "must be finite and > 0: pairs (%s) x (2 x promptTokens (%s) + chosenTokens (%s) + rejectedTokens (%s))"
                + " x epochs (%s) / realTokenShare (%s; packing %s, packingEfficiency (%s))",
            pairs(),
            promptTokens(),
            chosenTokens(),
            rejectedTokens(),
            epochs(),
            realTokenShare(),
            packing(),
            packingEfficiency()));
  }
}
