package dev.persistence.cli;

import dev.persistence.costing.plan.PlanReport;
import dev.persistence.costing.plan.PostTrainingReport;
import dev.persistence.costing.posttraining.ComponentKind;
import dev.persistence.costing.posttraining.RlStepTime;
import dev.persistence.costing.posttraining.StageComponent;
import dev.persistence.costing.posttraining.StageEstimate;
import dev.persistence.io.document.EnumNames;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The post-training parts of the text reports: one stage's breakdown, and the plan's post-training section (their
 * JSON is {@code io.posttraining.StageEstimateJson} and {@code io.plan.PlanReportJson}).
 */
final class PostTrainingReports {
  private PostTrainingReports() {}

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
