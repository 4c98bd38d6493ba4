package dev.persistence.scaling.forecast;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
import java.util.Locale;

/**
 * Step 2 of the two-step forecast: a benchmark score as a sigmoid of the loss,
 *
 * <pre>  score(L) = floor + (ceiling - floor) / (1 + exp(slope (L - midpoint)))</pre>
 *
 * falling from {@code ceiling} at low loss to {@code floor} (chance) at high loss. The Llama 3 report (arXiv:
 * 2407.21783, section 3.2.1) fits "a sigmoidal relation between the log-likelihood and accuracy"; Owen 2024
 * (Epoch AI, arXiv:2401.04757) fits the same shape from loss (or compute) to BIG-Bench scores. Neither publishes
 * its constants, so the link is always fitted to the user's runs ({@link SigmoidFitter}).
 *
 * @param floor the score at very high loss (chance), finite
 * @param ceiling the score at very low loss, {@code > floor}
 * @param midpoint the loss at which the score is half-way, finite
 * @param slope steepness, per nat, finite and {@code > 0}
 */
public record SigmoidLink(double floor, double ceiling, double midpoint, double slope) {

  /** Validates the link. */
  public SigmoidLink {
    Checks.finite("floor", floor);
    checkArgument(Double.isFinite(ceiling) && ceiling > floor, "ceiling (%s) must be finite and > floor (%s)", ceiling, floor);
    Checks.finite("midpoint", midpoint);
    Checks.positive("slope", slope);
  }

  /**
   * The score at loss {@code loss}.
   *
   * @param loss nats, finite
   */
  public double score(double loss) {
    Checks.finite("loss", loss);
    return floor + (ceiling - floor) / (1 + Math.exp(slope * (loss - midpoint)));
  }

  /** {@code score = 0.000 + (0.612 - 0.000) / (1 + exp(2.31 (L - 2.19)))}. */
  public String formula() {
    return String.format(
        Locale.ROOT,
        "score = %.3f + (%.3f - %.3f) / (1 + exp(%.3f (L - %.3f)))",
        floor,
        ceiling,
        floor,
        slope,
        midpoint);
  }
}
