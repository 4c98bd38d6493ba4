package dev.persistence.costing.program;

import static com.google.common.base.Preconditions.checkArgument;

import org.immutables.value.Value;

/**
 * One phase of a program: when it runs and what it costs besides people, in US dollars.
 *
 * <p>Compute is given in dollars (the training-run and serving calculators produce it); data is licensed tokens at
 * a price per million plus annotation at a price per item. Costs are spread evenly over the phase's months.
 */
@Value.Immutable
public abstract class Phase {

  /** Returns a new builder. */
  public static ImmutablePhase.Builder builder() {
    return ImmutablePhase.builder();
  }

  /** The phase's name. */
  public abstract String name();

  /** What the phase is for. */
  public abstract PhaseKind kind();

  /** Month the phase starts, counted from 0 at the program's start. */
  public abstract int startMonth();

  /** How many months the phase lasts, {@code > 0}. */
  public abstract int durationMonths();

  /** Compute cost of the phase in USD. */
  @Value.Default
  public double computeCostUsd() {
    return 0;
  }

  /** Licensed tokens bought for the phase. */
  @Value.Default
  public double licensedTokens() {
    return 0;
  }

  /** Price of licensed tokens in USD per million tokens. */
  @Value.Default
  public double licensedTokenPriceUsdPerMillion() {
    return 0;
  }

  /** Items annotated by people (SFT demonstrations, preference comparisons, red-team prompts). */
  @Value.Default
  public double annotatedItems() {
    return 0;
  }

  /** Price of one annotated item in USD. */
  @Value.Default
  public double annotationPriceUsdPerItem() {
    return 0;
  }

  /** Data bought or made for the phase in USD beyond licensed tokens and annotation (a data budget). */
  @Value.Default
  public double dataBudgetUsd() {
    return 0;
  }

  /** Other costs of the phase in USD (storage, external evaluations, legal review). */
  @Value.Default
  public double otherCostUsd() {
    return 0;
  }

  /**
   * Checks the rules of a valid {@code Phase} when one is built (Immutables {@code @Value.Check});
   * callers never need it.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  @Value.Check
  protected void check() {
    checkArgument(!name().isBlank(), "phase name must not be blank");
    checkArgument(startMonth() >= 0, "phase %s: startMonth (%s) must be >= 0", name(), startMonth());
    checkArgument(durationMonths() > 0, "phase %s: durationMonths (%s) must be > 0", name(), durationMonths());
    // Compared without adding, so that a huge start or length cannot overflow past the check.
    checkArgument(
        startMonth() <= Program.MAX_MONTHS - durationMonths(),
        "phase %s: startMonth (%s) + durationMonths (%s) must be <= %s (Program.MAX_MONTHS)",
        name(),
        startMonth(),
        durationMonths(),
        Program.MAX_MONTHS);
    nonNegative("computeCostUsd", computeCostUsd());
    nonNegative("licensedTokens", licensedTokens());
    nonNegative("licensedTokenPriceUsdPerMillion", licensedTokenPriceUsdPerMillion());
    nonNegative("annotatedItems", annotatedItems());
    nonNegative("annotationPriceUsdPerItem", annotationPriceUsdPerItem());
    nonNegative("dataBudgetUsd", dataBudgetUsd());
    nonNegative("otherCostUsd", otherCostUsd());
  }

  private void nonNegative(String field, double value) {
    checkArgument(
        value >= 0 && Double.isFinite(value), "phase %s: %s (%s) must be finite and >= 0", name(), field, value);
    checkArgument(
        value <= dev.persistence.core.exact.Amounts.upperBound(field),
        "phase %s: %s (%s) must be <= %s",
        name(),
        field,
        value,
        dev.persistence.core.exact.Amounts.upperBound(field));
  }

  /** Data cost in USD: licensed tokens, annotation and the data budget. */
  public double dataCostUsd() {
    return licensedTokens() / 1e6 * licensedTokenPriceUsdPerMillion()
        + annotatedItems() * annotationPriceUsdPerItem()
        + dataBudgetUsd();
  }

  /** Non-people cost of the phase in USD: compute, data and other. */
  public double costUsd() {
    return computeCostUsd() + dataCostUsd() + otherCostUsd();
  }

  /** The month after the phase's last month. */
  public int endMonth() {
    return startMonth() + durationMonths();
  }
}
