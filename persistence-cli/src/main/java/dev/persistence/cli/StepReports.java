package dev.persistence.cli;

import dev.persistence.costing.steptime.StepTimeEstimate;
import dev.persistence.costing.steptime.TrainingTime;
import java.util.Locale;

/** The figures {@code train} and {@code search} print for one plan. */
final class StepReports {

  private StepReports() {}


  static void addRows(TextTable table, StepTimeEstimate estimate, Double tokens) {
    table.row("plan", estimate.plan().toString());
    table.row("step", String.format(Locale.ROOT, "%.4f s", estimate.stepSeconds()));
    table.row("tokens/s", String.format(Locale.ROOT, "%.4g", estimate.tokensPerSecond()));
    table.row("MFU", String.format(Locale.ROOT, "%.1f%%", 100 * estimate.modelFlopsUtilization()));
    table.row("HFU", String.format(Locale.ROOT, "%.1f%%", 100 * estimate.hardwareFlopsUtilization()));
    estimate.breakdown().asMap().forEach(
        (name, seconds) -> {
          if (seconds > 0) {
            table.row("  " + name, String.format(Locale.ROOT, "%.4f s", seconds));
          }
        });
    table.row(
        "memory/accelerator",
        String.format(
            Locale.ROOT, "%.2f GB of %.2f GB (%s)", estimate.memoryBytesPerAccelerator() / 1e9,
            estimate.memory().capacityBytes() / 1e9, estimate.fits() ? "fits" : "does NOT fit"));
    if (tokens != null) {
      TrainingTime time = estimate.trainingTime(tokens);
      table.row("training days", String.format(Locale.ROOT, "%.2f", time.days()));
      table.row("accelerator-hours", String.format(Locale.ROOT, "%.4g", time.acceleratorHours()));
    }
  }

  static Double tokens(String text) {
    if (text == null) {
      return null;
    }
    double value;
    try {
      value = Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--tokens (" + text + ") must be a number such as 300e9");
    }
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("--tokens (" + text + ") must be finite and > 0");
    }
    return value;
  }
}
