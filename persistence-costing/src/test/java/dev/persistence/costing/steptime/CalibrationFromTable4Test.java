package dev.persistence.costing.steptime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.precision.TrainingPrecision;
import dev.persistence.costing.calibration.Calibration;
import dev.persistence.costing.calibration.CalibrationFit;
import dev.persistence.costing.calibration.CalibrationFitter;
import dev.persistence.costing.calibration.CalibrationParameter;
import dev.persistence.costing.calibration.Observation;
import dev.persistence.costing.calibration.ReferenceJson;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bundled A100 calibration's fitted numbers come from Korthikanti et al. 2022 (arXiv:2205.05198) Table 4 (the
 * 22B model's per-layer forward and backward times): fitting from a perturbed start recovers them, and the fit
 * reproduces the table.
 */
class CalibrationFromTable4Test {

  static final EnumSet<CalibrationParameter> FITTED =
      EnumSet.of(
          CalibrationParameter.GEMM_PEAK_EFFICIENCY,
          CalibrationParameter.GEMM_HALF_EFFICIENCY_INTENSITY,
          CalibrationParameter.BACKWARD_TENSOR_PARALLEL_OVERLAP,
          CalibrationParameter.BACKWARD_MEMORY_TRAFFIC_RATIO);

  static List<Observation> table4() {
    Map<String, Object> paper = ReferenceJson.read("megatron/korthikanti-2022.json");
    // Table 3: 22B = 48 layers, hidden 6144, 64 heads, t = 8, micro-batch 4, sequence 2048, vocabulary 51200.
    Architecture model = Architecture.megatronGpt(48, 6144, 64, 51200, 2048);
    List<Observation> observations = new ArrayList<>();
    for (Map<String, Object> row : ReferenceJson.list(paper, "table4_22B_single_layer_ms")) {
      String experiment = (String) row.get("experiment");
      boolean sequenceParallel = experiment.contains("Sequence");
      ActivationRecomputation recomputation =
          experiment.contains("Selective")
              ? ActivationRecomputation.SELECTIVE
              : experiment.contains("with recompute") ? ActivationRecomputation.FULL : ActivationRecomputation.NONE;
      ParallelismPlan plan =
          ParallelismPlan.builder()
              .tensorParallel(8)
              .microBatchSize(4)
              .globalBatchSize(4)
              .sequenceLength(2048)
              .sequenceParallel(sequenceParallel)
              .recomputation(recomputation)
              .build();
      if (recomputation == ActivationRecomputation.NONE) {
        // The forward pass is the same with and without recomputation; take it from the rows without.
        observations.add(
            StepObservations.layer(
                experiment + " forward", model, Selene.cluster(8), TrainingPrecision.MEGATRON_BF16_ADAM_FP32_GRADIENTS,
                AttentionKernel.UNFUSED, plan, StepObservations.LayerPart.FORWARD,
                (Double) row.get("forward") / 1000));
      }
      observations.add(
          StepObservations.layer(
              experiment + " backward", model, Selene.cluster(8), TrainingPrecision.MEGATRON_BF16_ADAM_FP32_GRADIENTS,
              AttentionKernel.UNFUSED, plan, StepObservations.LayerPart.BACKWARD_WITH_RECOMPUTATION,
              (Double) row.get("backward") / 1000));
    }
    return observations;
  }

  @Test
  void fitRecoversTheBundledNumbersAndReproducesTable4() {
    Calibration bundled = Calibration.bundled("a100-sxm-80gb");
    Calibration start = bundled;
    for (CalibrationParameter parameter : FITTED) {
      start = start.withValue(parameter, bundled.value(parameter) * 1.15, "perturbed");
    }
    List<Observation> observations = table4();
    assertEquals(7, observations.size());
    CalibrationFit fit = CalibrationFitter.fit(start, FITTED, observations, "fit to Table 4");
    StringBuilder report = new StringBuilder();
    for (CalibrationParameter parameter : FITTED) {
      report.append(
          String.format(
              Locale.ROOT, "%s fitted %.4f bundled %.4f%n",
              parameter.key(), fit.calibration().value(parameter), bundled.value(parameter)));
    }
    report.append(String.format(Locale.ROOT, "rms relative error %.4f%n", fit.rootMeanSquareRelativeError()));
    System.out.print(report);
    for (CalibrationParameter parameter : FITTED) {
      assertEquals(bundled.value(parameter), fit.calibration().value(parameter), 0.03 * bundled.value(parameter),
          report.toString());
    }
    // Each of the seven Table 4 times within 2%.
    for (double error : fit.relativeErrors()) {
      assertTrue(Math.abs(error) < 0.02, report.toString());
    }
  }
}
