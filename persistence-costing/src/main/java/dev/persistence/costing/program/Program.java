package dev.persistence.costing.program;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A model program: its phases, its team and its funding, from which {@link #budget()} derives the monthly burn,
 * the funding needed and the runway.
 *
 * <p>The contingency is the program's own choice (no published rate exists for it); it defaults to 0 so that a
 * plan never carries a reserve its authors did not write down.
 */
@Value.Immutable
public abstract class Program {

  /**
   * The longest program, phase end or milestone the budget accepts, in months: a century, beyond any model
   * program. Not a published figure: it bounds the month-by-month arrays the budget allocates, so that a typo in a
   * month (or an overflowing {@code startMonth + durationMonths}) is an error instead of an out-of-memory failure.
   */
  public static final int MAX_MONTHS = 1200;

  /** Returns a new builder. */
  public static ImmutableProgram.Builder builder() {
    return ImmutableProgram.builder();
  }

  /** The phases, in any order; they may overlap. */
  public abstract List<Phase> phases();

  /** The team. */
  public abstract List<Role> team();

  /** Milestones, for the timeline. */
  public abstract List<Milestone> milestones();

  /** Length of the program in months; defaults to the end of its last phase. */
  @Value.Default
  public int durationMonths() {
    int end = 1;
    for (Phase phase : phases()) {
      end = Math.max(end, phase.endMonth());
    }
    for (Milestone milestone : milestones()) {
      end = Math.max(end, milestone.month() + 1);
    }
    return end;
  }

  /** Reserve on top of the planned spend, as a fraction ({@code 0.2} = 20%), {@code >= 0}. */
  @Value.Default
  public double contingencyFraction() {
    return 0;
  }

  /** Funding in hand in USD, for the runway; empty when not given. */
  public abstract OptionalDouble fundingAvailableUsd();

  /**
   * Checks the rules of a valid {@code Program} when one is built (Immutables {@code @Value.Check});
   * callers never need it.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  @Value.Check
  protected void check() {
    checkArgument(
        durationMonths() > 0 && durationMonths() <= MAX_MONTHS,
        "durationMonths (%s) must be in [1, %s]",
        durationMonths(),
        MAX_MONTHS);
    Checks.nonNegative("contingencyFraction", contingencyFraction());
    checkArgument(
        contingencyFraction() <= dev.persistence.core.exact.Amounts.MAX_FRACTION,
        "contingencyFraction (%s) must be <= %s",
        contingencyFraction(),
        dev.persistence.core.exact.Amounts.MAX_FRACTION);
    fundingAvailableUsd()
        .ifPresent(
            funding ->
                checkArgument(
                    !(funding > dev.persistence.core.exact.Amounts.MAX_USD), "fundingAvailableUsd (%s) must be <= %s", funding, dev.persistence.core.exact.Amounts.MAX_USD));
    fundingAvailableUsd()
        .ifPresent(
            funding -> Checks.nonNegative("fundingAvailableUsd", funding));
    Set<String> names = new HashSet<>();
    for (Phase phase : phases()) {
      checkArgument(names.add(phase.name()), "phase name (%s) must be unique", phase.name());
      checkArgument(
          phase.endMonth() <= durationMonths(),
          "phase %s ends in month %s, after the program's durationMonths (%s)",
          phase.name(),
          phase.endMonth(),
          durationMonths());
    }
    for (Milestone milestone : milestones()) {
      checkArgument(
          milestone.month() < durationMonths(),
          "milestone %s is due in month %s, after the program's durationMonths (%s)",
          milestone.name(),
          milestone.month(),
          durationMonths());
    }
  }

  /** The budget: monthly burn, totals by category, funding needed and runway (derived, never serialized). */
  @Value.Lazy
  public ProgramBudget budget() {
    return ProgramBudget.of(this);
  }
}
