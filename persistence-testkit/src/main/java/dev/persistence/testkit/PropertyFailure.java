package dev.persistence.testkit;

import java.util.Locale;

/**
 * A property was falsified: carries the shrunk and the original counterexample, the tries before the failure,
 * the shrink steps and the seed that reproduces it.
 */
public final class PropertyFailure extends AssertionError {

  private static final long serialVersionUID = 1L;

  private final transient Object shrunk;
  private final transient Object original;
  /** Simpler counterexamples shrinking stepped through. */
  private final int shrinkSteps;
  private final transient PropertyReport report;

  PropertyFailure(
      String shrunkDescription,
      String originalDescription,
      Object shrunk,
      Object original,
      int shrinkSteps,
      PropertyReport report,
      int triesAllowed,
      boolean seedSetByProperty,
      Throwable cause) {
    super(message(shrunkDescription, originalDescription, shrinkSteps, report, triesAllowed, seedSetByProperty,
        cause), cause);
    this.shrunk = shrunk;
    this.original = original;
    this.shrinkSteps = shrinkSteps;
    this.report = report;
  }

  private static String message(
      String shrunkDescription,
      String originalDescription,
      int shrinkSteps,
      PropertyReport report,
      int triesAllowed,
      boolean seedSetByProperty,
      Throwable cause) {
    String newline = System.lineSeparator();
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "Property falsified after %d of %d tries (%d edge cases first), seed %d.%n",
            report.tries(),
            triesAllowed,
            report.edgeCasesTried(),
            report.seed()));
    text.append(String.format(Locale.ROOT, "Shrunk counterexample (%d shrink steps):%n", shrinkSteps));
    text.append(indent(shrunkDescription)).append(newline);
    text.append("Original counterexample:").append(newline);
    text.append(indent(originalDescription)).append(newline);
    if (cause != null) {
      text.append("Failure of the shrunk counterexample: ").append(cause).append(newline);
    }
    if (seedSetByProperty) {
      text.append(
          String.format(
              Locale.ROOT,
              "Reproduce: this property fixes .seed(%dL); rerun %s.",
              report.seed(),
              TestLocation.current().orElse("the test")));
    } else {
      text.append(
          String.format(
              Locale.ROOT,
              "Reproduce: rerun with -Dpersistence.seed=%d (%s), or add .seed(%dL) to this property.",
              report.seed(),
              TestLocation.rerunCommand(report.seed()),
              report.seed()));
    }
    if (!report.labelCounts().isEmpty()) {
      text.append(newline).append("Labels: ").append(report.summary());
    }
    return text.toString();
  }

  private static String indent(String text) {
    return "  " + text.replace("\n", "\n  ");
  }

  /** The shrunk counterexample (a list of the arguments for several generators). */
  public Object shrunk() {
    return shrunk;
  }

  /** The counterexample first found, before shrinking. */
  public Object original() {
    return original;
  }

  /** Tries made up to and including the failing one. */
  public int tries() {
    return report.tries();
  }

  /** Simpler counterexamples shrinking stepped through. */
  public int shrinkSteps() {
    return shrinkSteps;
  }

  /** The seed that reproduces the failure. */
  public long seed() {
    return report.seed();
  }

  /** The run up to the failure, with its label counts. */
  public PropertyReport report() {
    return report;
  }
}
