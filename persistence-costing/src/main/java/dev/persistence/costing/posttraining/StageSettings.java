package dev.persistence.costing.posttraining;

import dev.persistence.core.precision.WeightFormat;
import org.immutables.value.Value;

/**
 * How a stage uses its accelerators, the same whether a programme phase plans it ({@link PlannedStage}) or it is
 * costed on its own ({@link StageResources}): how training splits them, how generation replicas are formed, and the
 * calibration.
 */
public interface StageSettings {

  /** How training splits its accelerators; {@link TrainingLayout#ZERO3} by default. */
  @Value.Default
  default TrainingLayout trainingLayout() {
    return TrainingLayout.ZERO3;
  }

  /** Accelerators of one generation replica (tensor-parallel ranks), {@code > 0}; 1 by default. */
  @Value.Default
  default int generationTensorParallel() {
    return 1;
  }

  /** How generation replicas store weights; bf16 by default. */
  @Value.Default
  default WeightFormat generationWeightFormat() {
    return WeightFormat.BF16;
  }

  /** What generates; an inference engine by default. */
  @Value.Default
  default GenerationEngine generationEngine() {
    return GenerationEngine.INFERENCE_ENGINE;
  }

  /**
   * Most sequences one generation replica decodes at once, {@code > 0}; 256 by default, vLLM's
   * {@code max_num_seqs} default (vLLM engine arguments). For the training engine, the micro rollout batch.
   */
  @Value.Default
  default int generationBatchLimit() {
    return 256;
  }

  /** The calibration; {@link PostTrainingCalibration#TULU3_405B} by default. */
  @Value.Default
  default PostTrainingCalibration calibration() {
    return PostTrainingCalibration.TULU3_405B;
  }
}
