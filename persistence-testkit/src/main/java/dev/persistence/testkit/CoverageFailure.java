package dev.persistence.testkit;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A property held, but its generators did not cover a labelled region as often as {@code requireCoverage}
 * demanded, so the check proved less than it claims.
 */
public final class CoverageFailure extends AssertionError {

  private static final long serialVersionUID = 1L;

  private final transient PropertyReport report;

  CoverageFailure(
      PropertyReport report, Map<String, Double> required, List<String> missed, int triesAllowed) {
    super(message(report, required, missed));
    this.report = report;
  }

  private static String message(PropertyReport report, Map<String, Double> required, List<String> missed) {
    StringBuilder text = new StringBuilder("Insufficient coverage:");
    for (String label : missed) {
      text.append(
          String.format(
              Locale.ROOT,
              "%n  label '%s' covered %.1f%% (%d of %d tries), required >= %.1f%%",
              label,
              100 * report.fraction(label),
              report.labelCounts().get(label),
              report.tries(),
              100 * required.get(label)));
    }
    text.append(String.format(Locale.ROOT, "%nLabels: %s", report.summary()));
    text.append(
        String.format(
            Locale.ROOT,
            "%nReproduce: rerun with -Dpersistence.seed=%d (%s), or add .seed(%dL) to this property.",
            report.seed(),
            TestLocation.rerunCommand(report.seed()),
            report.seed()));
    return text.toString();
  }

  /** The run, with its label counts. */
  public PropertyReport report() {
    return report;
  }
}
