package dev.persistence.cli;

import dev.persistence.costing.plan.PlanReport;
import dev.persistence.costing.plan.PostTrainingReport;
import dev.persistence.costing.posttraining.ComponentKind;
import dev.persistence.costing.posttraining.RlStepTime;
import dev.persistence.costing.posttraining.StageComponent;
import dev.persistence.costing.posttraining.StageEstimate;
import dev.persistence.io.document.EnumNames;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The post-training parts of the reports: one stage's breakdown, and the plan's post-training section. */
final class PostTrainingReports {
  private PostTrainingReports() {}

  /** One stage as JSON: totals, the per-step split (RL), and the breakdown. */
  static Map<String, Object> stageJson(StageEstimate estimate) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", EnumNames.kebabCase(estimate.kind()));
    out.put("accelerators", estimate.accelerators());
    out.put("wallClockHours", estimate.wallClockHours());
    out.put("acceleratorHours", estimate.acceleratorHours());
    out.put("flops", estimate.totalFlops());
    out.put("computeUsd", estimate.computeUsd());
    out.put("peopleUsd", estimate.peopleUsd());
    out.put("totalUsd", estimate.totalUsd());
    out.put("generationShare", estimate.generationShare());
    out.put("idleAcceleratorHours", estimate.acceleratorHours(ComponentKind.IDLE));
    estimate
        .step()
        .ifPresent(
            step -> {
              Map<String, Object> split = new LinkedHashMap<>();
              split.put("generationSeconds", step.generationSeconds());
              split.put("weightSyncSeconds", step.weightSyncSeconds());
              split.put("verifierSeconds", step.verifierSeconds());
              split.put("scoringSeconds", step.scoringSeconds());
              split.put("trainingSeconds", step.trainingSeconds());
              split.put("stepSeconds", step.stepSeconds());
              split.put("generationShare", step.generationShare());
              split.put("generationAccelerators", step.generationAccelerators());
              split.put("trainingAccelerators", step.trainingAccelerators());
              split.put("batchPerReplica", step.batchPerReplica());
              out.put("step", split);
            });
    List<Map<String, Object>> parts = new ArrayList<>();
    for (StageComponent component : estimate.components()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", component.name());
      row.put("kind", EnumNames.kebabCase(component.kind()));
      row.put("flops", component.flops());
      row.put("acceleratorHours", component.acceleratorHours());
      row.put("usd", component.usd());
      parts.add(row);
    }
    out.put("breakdown", parts);
    return out;
  }

  /** The plan's post-training section as JSON (empty stages when the scenario has none). */
  static Map<String, Object> postTrainingJson(PlanReport report) {
    PostTrainingReport post = report.postTraining();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("trainingFlops", post.trainingFlops());
    out.put("fractionOfPretraining", post.fractionOfPretraining());
    out.put("aboveEuModificationThreshold", post.aboveEuModificationThreshold());
    List<Map<String, Object>> stages = new ArrayList<>();
    for (PostTrainingReport.StageReport stage : post.stages()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("phase", stage.phase());
      row.put("months", stage.months());
      row.put("countsAsTraining", stage.countsAsTraining());
      row.putAll(stageJson(stage.estimate()));
      stages.add(row);
    }
    out.put("stages", stages);
    return out;
  }

  /** One stage as text. */
  static void printStage(String title, StageEstimate estimate, PrintWriter out) {
    out.println(title);
    TextTable table =
        new TextTable()
            .leftAligned()
            .row("accelerators", String.format(Locale.ROOT, "%,d", estimate.accelerators()))
            .row("wall clock", String.format(Locale.ROOT, "%.1f h (%.2f days)", estimate.wallClockHours(), estimate.wallClockDays()))
            .row("accelerator-hours", String.format(Locale.ROOT, "%,.0f (idle %,.0f)", estimate.acceleratorHours(), estimate.acceleratorHours(ComponentKind.IDLE)))
            .row("FLOPs", String.format(Locale.ROOT, "%.3e", estimate.totalFlops()))
            .row("cost", String.format(Locale.ROOT, "$%,.0f compute + $%,.0f people", estimate.computeUsd(), estimate.peopleUsd()))
            .row("generating", String.format(Locale.ROOT, "%.0f%% of the wall clock", 100 * estimate.generationShare()));
    if (estimate.step().isPresent()) {
      RlStepTime step = estimate.step().get();
      table.row(
          "one step",
          String.format(
              Locale.ROOT,
              "%.1f s: generate %.1f s, sync %.1f s, score %.1f s, train %.1f s (verifier %.1f s)",
              step.stepSeconds(),
              step.generationSeconds(),
              step.weightSyncSeconds(),
              step.scoringSeconds(),
              step.trainingSeconds(),
              step.verifierSeconds()));
      table.row(
          "accelerators (generate / train)",
          String.format(
              Locale.ROOT,
              "%,d / %,d, %,d sequences per replica at once",
              step.generationAccelerators(),
              step.trainingAccelerators(),
              step.batchPerReplica()));
    }
    table.print(out);
    TextTable parts = new TextTable().leftAligned();
    for (StageComponent component : estimate.components()) {
      parts.row(
          "  " + component.name() + " (" + EnumNames.kebabCase(component.kind()) + ")",
          String.format(Locale.ROOT, "%,12.0f accelerator-h  %.3e FLOP  $%,.0f", component.acceleratorHours(), component.flops(), component.usd()));
    }
    parts.print(out);
  }

  /** The plan's post-training section as text; nothing when the scenario has no stages. */
  static void printPostTraining(PlanReport report, PrintWriter out) {
    PostTrainingReport post = report.postTraining();
    if (post.stages().isEmpty()) {
      return;
    }
    out.println();
    out.println(
        String.format(
            Locale.ROOT,
            "Post-training (%.3e FLOP toward the thresholds, %.2f%% of pre-training%s)",
            post.trainingFlops(),
            100 * post.fractionOfPretraining(),
            post.aboveEuModificationThreshold() ? "; above the EU guidelines' one third" : ""));
    for (PostTrainingReport.StageReport stage : post.stages()) {
      printStage("  " + stage.phase() + " (" + stage.months() + " months)", stage.estimate(), out);
    }
  }
}
