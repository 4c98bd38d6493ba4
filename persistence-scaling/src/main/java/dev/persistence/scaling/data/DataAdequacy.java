package dev.persistence.scaling.data;

import dev.persistence.core.check.Checks;
import dev.persistence.core.data.DataMixture;
import dev.persistence.core.data.MixtureAllocation;
import dev.persistence.scaling.law.DataConstrainedLaw;
import java.util.Locale;
import org.immutables.value.Value;

/**
 * Tokens available against tokens needed: for a model size and a token target, the unique tokens the mixture
 * supplies, the repetition it forces, and the loss penalty of that repetition under the data-constrained law.
 *
 * <p>The penalty compares the law's loss with the mixture's unique tokens, L(N, D, U), against the same law given
 * as many unique tokens as it trains on, L(N, D, D): the same law on both sides, so the difference is the
 * repetition alone (not a difference between two fits). The loss uses the mixture's totals (D = the target, U =
 * unique tokens drawn), which treats repetition as spread evenly over the mixture; {@link #effective()} reports
 * the per-source figures.
 */
@Value.Immutable
public abstract class DataAdequacy {

  /** Returns a new builder. */
  public static ImmutableDataAdequacy.Builder builder() {
    return ImmutableDataAdequacy.builder();
  }

  /** The token target. */
  public abstract TokenTarget target();

  /** Unique tokens in the sources with a positive weight. */
  public abstract double availableTokens();

  /** The mixture's tokens, unique tokens and effective tokens at the target. */
  public abstract MixtureEffectiveTokens effective();

  /** Training tokens per unique token drawn (1 means no repetition). */
  public abstract double repetition();

  /** How far the target exceeds the available unique tokens (0 if it does not). */
  public abstract double shortfallTokens();

  /** L(N, D, D): the law's loss with enough unique data. */
  public abstract double unconstrainedLoss();

  /** L(N, D, U): the law's loss with the mixture's unique tokens. */
  public abstract double dataConstrainedLoss();

  /** The mixture spread over the target. */
  public abstract MixtureAllocation allocation();


  /**
   * Validates the assessment.
   *
   * @throws IllegalArgumentException if a count is negative or not finite, or a loss is not finite
   */
  @Value.Check
  protected void check() {
    Checks.nonNegative("availableTokens", availableTokens());
    Checks.nonNegative("repetition", repetition());
    Checks.nonNegative("shortfallTokens", shortfallTokens());
    Checks.finite("unconstrainedLoss", unconstrainedLoss());
    Checks.finite("dataConstrainedLoss", dataConstrainedLoss());
  }

  /**
   * Assesses a mixture for a target.
   *
   * @param law the data-constrained law (usually {@link DataConstrainedLaw#MUENNIGHOFF_2023})
   * @param target the token target (see {@link TokenTarget})
   * @param mixture the mixture
   */
  public static DataAdequacy assess(DataConstrainedLaw law, TokenTarget target, DataMixture mixture) {
    MixtureAllocation allocation = mixture.allocate(target.tokens());
    MixtureEffectiveTokens effective = MixtureEffectiveTokens.of(law, allocation);
    double unique = effective.uniqueTokens();
    double tokens = target.tokens();
    double available = mixture.availableTokens();
    return builder()
        .target(target)
        .availableTokens(available)
        .effective(effective)
        .repetition(tokens / unique)
        .shortfallTokens(Math.max(0, tokens - available))
        .unconstrainedLoss(law.loss(target.parameters(), tokens, tokens))
        .dataConstrainedLoss(law.loss(target.parameters(), tokens, unique))
        .allocation(allocation)
        .build();
  }

  /** The loss penalty of the repetition, in nats per token: constrained minus unconstrained loss (&gt;= 0). */
  public double lossPenalty() {
    return dataConstrainedLoss() - unconstrainedLoss();
  }

  /** Whether the mixture holds at least the target's tokens, uniquely. */
  public boolean sufficient() {
    return shortfallTokens() == 0;
  }

  /**
   * A short summary instead of the record's dump of every source: {@code 15.00T tokens for 1.10T parameters
   * (compute-optimal ...): 7.65T unique available, 1.96 epochs, 14.32T effective, shortfall 7.35T, loss 1.8800 ->
   * 1.8923 (+0.0123 nats/token), 5 sources}. The per-source figures are in {@link #effective()} and
   * {@link #allocation()}.
   */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s tokens for %s parameters (%s): %s unique available, %.2f epochs, %s effective, shortfall %s,"
            + " loss %.4f -> %.4f (+%.4f nats/token), %d source%s",
        count(target().tokens()),
        count(target().parameters()),
        target().rationale(),
        count(availableTokens()),
        repetition(),
        count(effective().effectiveTokens()),
        count(shortfallTokens()),
        unconstrainedLoss(),
        dataConstrainedLoss(),
        lossPenalty(),
        effective().sources().size(),
        effective().sources().size() == 1 ? "" : "s");
  }

  /** A count with a T, B or M suffix and two decimals ({@code 7.65T}). */
  private static String count(double value) {
    double magnitude = Math.abs(value);
    if (magnitude >= 1e12) {
      return String.format(Locale.ROOT, "%.2fT", value / 1e12);
    }
    if (magnitude >= 1e9) {
      return String.format(Locale.ROOT, "%.2fB", value / 1e9);
    }
    if (magnitude >= 1e6) {
      return String.format(Locale.ROOT, "%.2fM", value / 1e6);
    }
    return String.format(Locale.ROOT, "%.0f", value);
  }
}
