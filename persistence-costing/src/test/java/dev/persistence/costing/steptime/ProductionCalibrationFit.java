package dev.persistence.costing.steptime;

import dev.persistence.core.flops.FlopAccounting;
import dev.persistence.core.flops.FlopConvention;
import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.core.parallelism.ImmutableParallelismPlan;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.costing.calibration.Calibration;
import dev.persistence.costing.calibration.CalibrationFit;
import dev.persistence.costing.calibration.CalibrationFitter;
import dev.persistence.costing.calibration.CalibrationParameter;
import dev.persistence.costing.calibration.Observation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How the bundled {@code production-2025} calibration was fitted: Levenberg-Marquardt ({@link CalibrationFitter})
 * over the grade A/B runs of {@code reference/training-runs-modern.json}, as {@link ModernRuns} reads them. Not
 * part of the normal build: run with {@code -Dpersistence.fit=true} and copy the printed values into
 * {@code BundledCalibrations.PRODUCTION_2025} (main sources, costing's calibration package).
 */
class ProductionCalibrationFit {

  static List<Observation> observations(List<ModernRuns.Run> runs) {
    List<Observation> observations = new ArrayList<>();
    for (ModernRuns.Run run : runs) {
      ParallelismPlan plan = ModernRunsTest.asRun(run).orElse(
          ImmutableParallelismPlan.copyOf(run.plan()).withRecomputation(ActivationRecomputation.FULL));
      double megatronFlops =
          FlopAccounting.estimate(run.architecture(), plan.sequenceLength(), FlopConvention.MEGATRON,
                  ActivationRecomputation.NONE)
              .modelTrainingFlopsPerToken()
              * plan.globalBatchTokens();
      double measured = ModernRuns.measuredStepSeconds(run, megatronFlops);
      observations.add(
          new Observation(
              run.id(),
              measured,
              calibration ->
                  StepTimeModel.of(run.architecture(), run.cluster(), run.precision(), calibration,
                          AttentionKernel.FUSED, FlopConvention.MEGATRON)
                      .withActivationKernel(run.activationKernel())
                      .estimate(plan, ModernRunsTest.ALLOWANCE)
                      .stepSeconds()));
    }
    return observations;
  }

  @Test
  @EnabledIfSystemProperty(named = "persistence.fit", matches = "true")
  void fit() {
    List<ModernRuns.Run> runs = ModernRuns.gradeAb(new ArrayList<>());
    CalibrationFit fit =
        CalibrationFitter.fit(
            Calibration.bundled("production-2025"),
            EnumSet.of(
                CalibrationParameter.GEMM_PEAK_EFFICIENCY,
                CalibrationParameter.GEMM_HALF_EFFICIENCY_INTENSITY,
                CalibrationParameter.FP8_GEMM_EFFICIENCY,
                CalibrationParameter.DATA_PARALLEL_OVERLAP,
                CalibrationParameter.BACKWARD_TENSOR_PARALLEL_OVERLAP,
                // EXPERT_PARALLEL_OVERLAP and LAYER_OVERHEAD_SECONDS are held (BundledCalibrations says why).
                CalibrationParameter.SCALE_OUT_COLLECTIVE_EFFICIENCY,
                CalibrationParameter.PIPELINE_COMMUNICATION_OVERLAP,
                CalibrationParameter.FORWARD_TENSOR_PARALLEL_OVERLAP,
                CalibrationParameter.EXPERT_OVERHEAD_SECONDS,
                CalibrationParameter.GROUPED_GEMM_EFFICIENCY,
                CalibrationParameter.POWER_LIMIT_CLOCK_EXPONENT),
            observations(runs),
            "fit");
    for (CalibrationParameter parameter : CalibrationParameter.values()) {
      System.out.printf("%-40s %s%n", parameter.name(), fit.calibration().value(parameter));
    }
    System.out.println("mean |error| " + fit.meanAbsoluteRelativeError());
    for (int i = 0; i < runs.size(); i++) {
      System.out.printf("%-46s %+.3f%n", runs.get(i).id(), fit.relativeErrors().get(i));
    }
  }
}
