package dev.persistence.testkit;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A property failed somewhere in an {@link Envelope}: names the violating point shrunk toward the nominal
 * values, the point first found (the worst one for a limit check), how many points violated it and the seed.
 */
public final class EnvelopeViolation extends AssertionError {

  private static final long serialVersionUID = 1L;

  private final transient EnvelopePoint shrunk;
  private final transient EnvelopePoint original;
  /** Points of the envelope that violated the check. */
  private final int violations;
  private final transient EnvelopeReport report;

  EnvelopeViolation(
      EnvelopeReport report,
      int violations,
      EnvelopePoint original,
      OptionalDouble originalValue,
      EnvelopePoint shrunk,
      OptionalDouble shrunkValue,
      int shrinkSteps,
      boolean seedSetByEnvelope,
      Throwable cause) {
    super(message(report, violations, original, originalValue, shrunk, shrunkValue, shrinkSteps,
        seedSetByEnvelope), cause);
    this.report = report;
    this.violations = violations;
    this.original = original;
    this.shrunk = shrunk;
  }

  private static String message(
      EnvelopeReport report,
      int violations,
      EnvelopePoint original,
      OptionalDouble originalValue,
      EnvelopePoint shrunk,
      OptionalDouble shrunkValue,
      int shrinkSteps,
      boolean seedSetByEnvelope) {
    String newline = System.lineSeparator();
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "%s is violated at %d of %d points (%s).%n",
            report.description(),
            violations,
            report.pointsChecked(),
            report.composition()));
    text.append(
        String.format(
            Locale.ROOT,
            "Violating point shrunk toward the nominal values (%d shrink steps)%s:%n",
            shrinkSteps,
            valueNote(shrunkValue)));
    text.append(shrunk.describe()).append(newline);
    text.append(originalValue.isPresent() ? "Worst point found" : "First violating point found")
        .append(valueNote(originalValue))
        .append(':')
        .append(newline);
    text.append(original.describe()).append(newline);
    text.append(
        seedSetByEnvelope
            ? String.format(Locale.ROOT, "Reproduce: this envelope fixes .seed(%dL); rerun the test.", report.seed())
            : String.format(
                Locale.ROOT,
                "Reproduce: rerun with -Dpersistence.seed=%d (%s), or add .seed(%dL) to this envelope.",
                report.seed(),
                TestLocation.rerunCommand(report.seed()),
                report.seed()));
    return text.toString();
  }

  private static String valueNote(OptionalDouble value) {
    return value.isPresent() ? " (value " + EnvelopeInput.format(value.getAsDouble()) + ")" : "";
  }

  /** The violating point shrunk toward the nominal values. */
  public EnvelopePoint shrunk() {
    return shrunk;
  }

  /** The first violating point found, or the worst one for a limit check. */
  public EnvelopePoint original() {
    return original;
  }

  /** Points at which the property failed. */
  public int violations() {
    return violations;
  }

  /** Points checked, and the seed that reproduces them. */
  public EnvelopeReport report() {
    return report;
  }
}
