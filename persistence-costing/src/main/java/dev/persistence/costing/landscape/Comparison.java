package dev.persistence.costing.landscape;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
import java.util.Locale;

/**
 * A planned model measured against one catalog model: {@code ratio} is the plan's figure over the model's.
 *
 * @param model the catalog model
 * @param ratio plan / model, {@code > 0}
 */
public record Comparison(NotableModel model, double ratio) {

  /** Validates the comparison. */
  public Comparison {
    checkArgument(model != null, "model must not be null");
    Checks.positive("ratio", ratio);
  }

  /** {@code 2.7x Llama 3.1-405B (Epoch: confident)}; the confidence is left out when unknown. */
  public String text() {
    String confidence =
        model.computeConfidence() == ComputeConfidence.UNKNOWN
            ? ""
            : " (Epoch: " + model.computeConfidence().label() + ")";
    return String.format(Locale.ROOT, "%s %s%s", times(ratio), model.name(), confidence);
  }

  /** {@code 2.7x}, {@code 0.31x}, {@code 1,200x}: two or three significant figures. */
  static String times(double ratio) {
    if (ratio >= 100) {
      return String.format(Locale.ROOT, "%,.0fx", ratio);
    }
    if (ratio >= 10) {
      return String.format(Locale.ROOT, "%.0fx", ratio);
    }
    if (ratio >= 1) {
      return String.format(Locale.ROOT, "%.1fx", ratio);
    }
    return String.format(Locale.ROOT, "%.2gx", ratio);
  }
}
