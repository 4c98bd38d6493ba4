package dev.persistence.costing.steptime;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.hardware.Cluster;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.precision.TrainingPrecision;
import dev.persistence.costing.calibration.Observation;

/** {@link Observation}s built from the step-time model, for {@code CalibrationFitter}. */
public final class StepObservations {

  private StepObservations() {}

  /**
   * A measured training step.
   *
   * @param label what was measured
   * @param architecture the model
   * @param cluster the cluster
   * @param precision the training precision
   * @param attentionKernel the attention kernel used
   * @param plan the plan
   * @param measuredSeconds the measured step time, in seconds
   */
  public static Observation step(
      String label,
      Architecture architecture,
      Cluster cluster,
      TrainingPrecision precision,
      AttentionKernel attentionKernel,
      ParallelismPlan plan,
      double measuredSeconds) {
    plan.validateFor(architecture, plan.acceleratorCount());
    return new Observation(
        label,
        measuredSeconds,
        calibration ->
            StepTimeModel.of(
                    architecture,
                    cluster,
                    precision,
                    calibration,
                    attentionKernel,
                    dev.persistence.core.flops.FlopConvention.EXACT)
                .estimate(plan)
                .stepSeconds());
  }

  /** Which part of a layer's time an observation measured. */
  public enum LayerPart {
    /** The forward pass. */
    FORWARD,
    /** The backward pass with its recomputation. */
    BACKWARD_WITH_RECOMPUTATION
  }

  /**
   * A measured part of one transformer layer for one micro-batch (Korthikanti et al. 2022 Table 4 style).
   *
   * @param label what was measured
   * @param architecture the model
   * @param cluster the cluster
   * @param precision the training precision
   * @param attentionKernel the attention kernel used
   * @param plan the plan (tensor parallelism, micro-batch, sequence, sequence parallelism, recomputation)
   * @param part forward, or backward with recomputation
   * @param measuredSeconds the measured time, in seconds
   */
  public static Observation layer(
      String label,
      Architecture architecture,
      Cluster cluster,
      TrainingPrecision precision,
      AttentionKernel attentionKernel,
      ParallelismPlan plan,
      LayerPart part,
      double measuredSeconds) {
    return new Observation(
        label,
        measuredSeconds,
        calibration -> {
          LayerTime time =
              StepTimeModel.of(
                      architecture,
                      cluster,
                      precision,
                      calibration,
                      attentionKernel,
                      dev.persistence.core.flops.FlopConvention.EXACT)
                  .layerTime(plan);
          return part == LayerPart.FORWARD ? time.forwardSeconds() : time.backwardWithRecomputationSeconds();
        });
  }
}
