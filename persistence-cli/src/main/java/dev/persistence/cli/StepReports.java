package dev.persistence.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.costing.steptime.StepTimeEstimate;
import dev.persistence.costing.steptime.TrainingTime;
import dev.persistence.io.search.SearchResultJson;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** The figures {@code train} and {@code search} print for one plan. */
final class StepReports {

  private StepReports() {}


  /**
   * One plan's figures, field by field, as {@code search --json} prints them ({@link SearchResultJson#estimate}), for
   * {@code train} to print beside its own.
   */
  static Map<String, Object> figures(StepTimeEstimate estimate, Double tokens) {
    ObjectNode figures =
        SearchResultJson.estimate(estimate, tokens == null ? OptionalDouble.empty() : OptionalDouble.of(tokens));
    Map<String, Object> map = new LinkedHashMap<>();
    figures.properties().forEach(field -> map.put(field.getKey(), field.getValue()));
    return map;
  }

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
