package dev.persistence.costing.posttraining;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.check.Checks;
import org.immutables.value.Value;

/**
 * Distillation of the policy (the student) from {@link #teacher()} over {@code prompts x samplesPerPrompt}
 * responses. Off-policy: the teacher's generation through the serving roofline (replicas of
 * {@link #teacherTensorParallel()} accelerators) plus the student's SFT on the responses. On-policy: the student
 * generates (colocated), the teacher forwards each sample, the student updates, {@link #promptsPerStep()} prompts
 * per step.
 */
@Value.Immutable
public abstract class Distillation implements PostTrainingStage {

  /** Returns a new builder. */
  public static ImmutableDistillation.Builder builder() {
    return ImmutableDistillation.builder();
  }

  @Override
  public StageKind kind() {
    return StageKind.DISTILLATION;
  }

  /** The teacher. */
  public abstract Architecture teacher();

  /** Off-policy or on-policy; off-policy by default. */
  @Value.Default
  public DistillationMode mode() {
    return DistillationMode.OFF_POLICY;
  }

  /** Prompts, {@code > 0}. */
  public abstract long prompts();

  /** Responses per prompt, {@code > 0}; 1 by default. */
  @Value.Default
  public int samplesPerPrompt() {
    return 1;
  }

  /** Mean prompt tokens, {@code > 0}. */
  public abstract int promptTokens();

  /** Mean response tokens, {@code > 0}. */
  public abstract double meanResponseTokens();

  /** Longest response, {@code >= meanResponseTokens}. */
  public abstract int maxResponseTokens();

  /** Off-policy: passes of the student's SFT over the responses, {@code > 0}; 1 by default. */
  @Value.Default
  public double epochs() {
    return 1;
  }

  /** Off-policy: real over processed tokens of the student's SFT, in (0, 1]; 1 by default. */
  @Value.Default
  public double packingEfficiency() {
    return 1;
  }

  /** Off-policy: accelerators per teacher replica, {@code > 0}; 8 by default. */
  @Value.Default
  public int teacherTensorParallel() {
    return 8;
  }

  /** On-policy: prompts per step, {@code > 0}; 512 by default. */
  @Value.Default
  public int promptsPerStep() {
    return 512;
  }

  /**
   * Checks the rules of a valid {@code Distillation} when one is built (Immutables {@code @Value.Check});
   * callers never need it.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  @Value.Check
  protected void check() {
    Checks.positive("distillation.prompts", prompts());
    Checks.positive("distillation.samplesPerPrompt", samplesPerPrompt());
    Checks.positive("distillation.promptTokens", promptTokens());
    Checks.positive("distillation.meanResponseTokens", meanResponseTokens());
    StageChecks.responseLengths("distillation", meanResponseTokens(), maxResponseTokens());
    Checks.positive("distillation.epochs", epochs());
    Checks.positiveFraction("distillation.packingEfficiency", packingEfficiency());
    Checks.positive("distillation.teacherTensorParallel", teacherTensorParallel());
    Checks.positive("distillation.promptsPerStep", promptsPerStep());
  }
}
