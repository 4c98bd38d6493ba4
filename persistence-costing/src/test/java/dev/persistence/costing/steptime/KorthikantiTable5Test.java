package dev.persistence.costing.steptime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.flops.FlopConvention;
import dev.persistence.core.precision.TrainingPrecision;
import dev.persistence.costing.calibration.Calibration;
import dev.persistence.costing.calibration.ReferenceJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The step-time model against Korthikanti et al. 2022 (arXiv:2205.05198) Table 5: end-to-end iteration times of
 * the 22B, 175B, 530B and 1T GPT models on A100s (Table 3 configurations), with full recomputation and with
 * sequence parallelism plus selective recomputation ("present work"). One calibration, the bundled A100 file,
 * fitted to Table 4 only. The bar: mean absolute error <= 3% and worst <= 6% (Calculon, Isaev et al. SC'23,
 * reports 3.65% and 8.87% on the same eight cases).
 */
class KorthikantiTable5Test {

  private static final double MEAN_BAR = 0.03;
  private static final double WORST_BAR = 0.06;

  /** Interleaving stages per Korthikanti et al. 2022 section 6 / Table 3 note: 3 for 175B and 530B. */
  private static int virtualStages(String model) {
    return model.startsWith("175B") || model.startsWith("530B") ? 3 : 1;
  }

  static List<Selene.Config> configs() {
    Map<String, Object> paper = ReferenceJson.read("megatron/korthikanti-2022.json");
    List<Selene.Config> configs = new ArrayList<>();
    for (Map<String, Object> row : ReferenceJson.list(paper, "table3_model_configs")) {
      int layers = ((Double) row.get("layers")).intValue();
      int hidden = ((Double) row.get("hidden")).intValue();
      int heads = ((Double) row.get("heads")).intValue();
      String model = (String) row.get("model");
      // Table 3 common settings: sequence length 2048, vocabulary 51200.
      Architecture architecture = Architecture.megatronGpt(layers, hidden, heads, 51200, 2048);
      configs.add(
          new Selene.Config(
              model,
              architecture,
              ((Double) row.get("tp")).intValue(),
              ((Double) row.get("pp")).intValue(),
              virtualStages(model),
              ((Double) row.get("gpus")).intValue(),
              ((Double) row.get("global_batch")).intValue(),
              ((Double) row.get("micro_batch")).intValue()));
    }
    return configs;
  }

  static StepTimeEstimate predict(Selene.Config config, boolean presentWork, Calibration calibration) {
    StepTimeModel model =
        StepTimeModel.of(
            config.architecture(),
            Selene.cluster(config.gpus()),
            TrainingPrecision.MEGATRON_BF16_ADAM_FP32_GRADIENTS,
            calibration,
            AttentionKernel.UNFUSED,
            FlopConvention.MEGATRON);
    return model.estimate(config.plan(presentWork));
  }

  @Test
  void iterationTimesWithinTheBar() {
    Map<String, Object> paper = ReferenceJson.read("megatron/korthikanti-2022.json");
    List<Map<String, Object>> table5 = ReferenceJson.list(paper, "table5_end_to_end");
    List<Selene.Config> configs = configs();
    Calibration a100 = Calibration.bundled("a100-sxm-80gb");
    double sum = 0;
    double worst = 0;
    int cases = 0;
    StringBuilder report = new StringBuilder();
    for (int i = 0; i < configs.size(); i++) {
      Selene.Config config = configs.get(i);
      Map<String, Object> measured = table5.get(i);
      assertTrue(config.model().startsWith((String) measured.get("model")), config.model());
      for (boolean presentWork : new boolean[] {false, true}) {
        double seconds =
            (Double) measured.get(presentWork ? "iter_s_present_work" : "iter_s_full_recompute");
        double predicted = predict(config, presentWork, a100).stepSeconds();
        double error = predicted / seconds - 1;
        report.append(
            String.format(
                Locale.ROOT,
                "%-14s %-22s measured %7.2f s predicted %7.2f s error %+6.2f%%%n",
                config.model(),
                presentWork ? "SP + selective" : "full recompute",
                seconds,
                predicted,
                100 * error));
        sum += Math.abs(error);
        worst = Math.max(worst, Math.abs(error));
        cases++;
      }
    }
    double mean = sum / cases;
    report.append(String.format(Locale.ROOT, "mean |error| %.2f%%, worst %.2f%%%n", 100 * mean, 100 * worst));
    System.out.print(report);
    assertEquals(8, cases);
    assertTrue(mean <= MEAN_BAR, report.toString());
    assertTrue(worst <= WORST_BAR, report.toString());
  }

  @Test
  void modelFlopsUtilizationNearTheReportedOnes() {
    // Table 5 MFU (model FLOPs per eq. 7 over 312 TFLOP/s) of the present-work runs; our MFU uses the same
    // count, so it can only differ through the predicted time: held to the same 6% (relative) as the times.
    Map<String, Object> paper = ReferenceJson.read("megatron/korthikanti-2022.json");
    List<Map<String, Object>> table5 = ReferenceJson.list(paper, "table5_end_to_end");
    List<Selene.Config> configs = configs();
    for (int i = 0; i < configs.size(); i++) {
      double mfu = predict(configs.get(i), true, Calibration.bundled("a100-sxm-80gb")).modelFlopsUtilization();
      double reported = (Double) table5.get(i).get("mfu_pct") / 100;
      assertEquals(reported, mfu, 0.06 * reported, configs.get(i).model());
    }
  }
}
