package dev.persistence.costing.posttraining;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.check.Checks;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * Reinforcement learning with rollouts (PPO, GRPO, RLVR). Each of {@link #steps()} steps: {@code promptsPerStep x
 * samplesPerPrompt} responses generated to a mean of {@link #meanResponseTokens()} (the maximum sets the key/value
 * cache each sequence may need and the padded training length); the reference model's forward (the KL term), the
 * reward model's forward (none for a verifier, which costs {@link #verifierSecondsPerStep()}), and for PPO the
 * value model's forward; then {@link #innerEpochs()} passes of the policy (and value) update over the generated
 * sequences in {@link #miniBatches()} optimizer steps each; then the new weights go to the generators.
 */
@Value.Immutable
public abstract class ReinforcementLearning implements PostTrainingStage {

  /** Returns a new builder. */
  public static ImmutableReinforcementLearning.Builder builder() {
    return ImmutableReinforcementLearning.builder();
  }

  @Override
  public StageKind kind() {
    return StageKind.RL;
  }

  /** The algorithm; GRPO by default. */
  @Value.Default
  public RlAlgorithm algorithm() {
    return RlAlgorithm.GRPO;
  }

  /** Optimizer iterations of the outer loop (rollout, score, update), {@code > 0}. */
  public abstract long steps();

  /** Prompts per step, {@code > 0}. */
  public abstract int promptsPerStep();

  /** Responses sampled per prompt (the group of GRPO), {@code > 0}; 1 by default. */
  @Value.Default
  public int samplesPerPrompt() {
    return 1;
  }

  /** Mean prompt tokens, {@code > 0}. */
  public abstract int promptTokens();

  /** Mean generated tokens per response, {@code >= 0}. */
  public abstract double meanResponseTokens();

  /** Longest response allowed, {@code >= meanResponseTokens}; sets memory and the padded training length. */
  public abstract int maxResponseTokens();

  /** Passes of the update over each step's sequences (PPO epochs), {@code > 0}; 1 by default. */
  @Value.Default
  public int innerEpochs() {
    return 1;
  }

  /** Optimizer steps per pass (mini-batches), {@code > 0}; 1 by default. */
  @Value.Default
  public int miniBatches() {
    return 1;
  }

  /** Whether a frozen reference model is forwarded for the KL term; true by default. */
  @Value.Default
  public boolean referenceModel() {
    return true;
  }

  /** A learned reward model forwarded on every sequence; empty for a verifier (RLVR). */
  public abstract Optional<Architecture> rewardModel();

  /** The value model of PPO; defaults to the policy's architecture. Ignored by critic-free algorithms. */
  public abstract Optional<Architecture> valueModel();

  /** Wall-clock seconds per step the verifier (or sandbox) takes, {@code >= 0}; 0 by default. */
  @Value.Default
  public double verifierSecondsPerStep() {
    return 0;
  }

  /** Colocated or disaggregated generation; colocated by default. */
  @Value.Default
  public RolloutPlacement placement() {
    return RolloutPlacement.COLOCATED;
  }

  /** Accelerators that generate when the placement is not colocated; the rest train. */
  public abstract OptionalLong generationAccelerators();

  /**
   * Whether training packs sequences to their real length (veRL's remove-padding); false by default: each
   * sequence is padded to {@code promptTokens + maxResponseTokens}, as open-instruct and OpenRLHF batches are.
   */
  @Value.Default
  public boolean sequencePacking() {
    return false;
  }

  /** Sequences generated per step. */
  public long sequencesPerStep() {
    return Math.multiplyExact((long) promptsPerStep(), samplesPerPrompt());
  }

  /**
   * Checks the rules of a valid {@code ReinforcementLearning} when one is built (Immutables {@code @Value.Check});
   * callers never need it.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  @Value.Check
  protected void check() {
    Checks.positive("rl.steps", steps());
    Checks.positive("rl.promptsPerStep", promptsPerStep());
    Checks.positive("rl.samplesPerPrompt", samplesPerPrompt());
    Checks.positive("rl.promptTokens", promptTokens());
    Checks.nonNegative("rl.meanResponseTokens", meanResponseTokens());
    StageChecks.responseLengths("rl", meanResponseTokens(), maxResponseTokens());
    checkArgument(
        meanResponseTokens() > 0 || maxResponseTokens() == 0,
        "rl.maxResponseTokens (%s) must be 0 when meanResponseTokens is 0",
        maxResponseTokens());
    Checks.positive("rl.innerEpochs", innerEpochs());
    Checks.positive("rl.miniBatches", miniBatches());
    Checks.nonNegative("rl.verifierSecondsPerStep", verifierSecondsPerStep());
    checkArgument(
        placement() == RolloutPlacement.COLOCATED || generationAccelerators().isPresent(),
        "rl.generationAccelerators is required when placement is %s",
        placement());
    generationAccelerators()
        .ifPresent(g -> Checks.positive("rl.generationAccelerators", g));
    sequencesPerStep();
  }
}
