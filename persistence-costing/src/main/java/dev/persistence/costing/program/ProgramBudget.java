package dev.persistence.costing.program;

import java.util.Arrays;
import java.util.OptionalInt;

/**
 * What a {@link Program} costs, month by month, in USD.
 *
 * <p>Phase costs are spread evenly over their months; people cost their loaded annual cost / 12 for each month
 * they are on the team (with the hiring ramp of {@link Role}). The funding needed is the total plus the
 * contingency. The runway is the number of whole months the funding in hand pays for.
 */
public final class ProgramBudget {
  private final double[] computeByMonth;
  private final double[] dataByMonth;
  private final double[] otherByMonth;
  private final double[] peopleByMonth;
  private final double[] headcountByMonth;
  private final double contingencyFraction;
  private final OptionalInt runwayMonths;

  private ProgramBudget(Program program) {
    int months = program.durationMonths();
    computeByMonth = new double[months];
    dataByMonth = new double[months];
    otherByMonth = new double[months];
    peopleByMonth = new double[months];
    headcountByMonth = new double[months];
    for (Phase phase : program.phases()) {
      for (int month = phase.startMonth(); month < phase.endMonth(); month++) {
        computeByMonth[month] += phase.computeCostUsd() / phase.durationMonths();
        dataByMonth[month] += phase.dataCostUsd() / phase.durationMonths();
        otherByMonth[month] += phase.otherCostUsd() / phase.durationMonths();
      }
    }
    for (Role role : program.team()) {
      for (int month = 0; month < months; month++) {
        peopleByMonth[month] += role.costInMonth(month);
        headcountByMonth[month] += role.headcountInMonth(month);
      }
    }
    contingencyFraction = program.contingencyFraction();
    if (program.fundingAvailableUsd().isPresent()) {
      double left = program.fundingAvailableUsd().getAsDouble();
      int paid = 0;
      while (paid < months && left >= burnInMonth(paid)) {
        left -= burnInMonth(paid);
        paid++;
      }
      runwayMonths = OptionalInt.of(paid);
    } else {
      runwayMonths = OptionalInt.empty();
    }
  }

  static ProgramBudget of(Program program) {
    return new ProgramBudget(program);
  }

  /** Months the budget covers. */
  public int months() {
    return computeByMonth.length;
  }

  /**
   * Spend in {@code month}, all categories, in USD.
   *
   * @param month the month, from 0
   */
  public double burnInMonth(int month) {
    return computeByMonth[month] + dataByMonth[month] + otherByMonth[month] + peopleByMonth[month];
  }

  /** The monthly spend, in USD, one entry per month. */
  public double[] monthlyBurnUsd() {
    double[] burn = new double[months()];
    for (int month = 0; month < burn.length; month++) {
      burn[month] = burnInMonth(month);
    }
    return burn;
  }

  /** Compute spend per month, in USD, one entry per month (a copy). */
  public double[] monthlyComputeUsd() {
    return computeByMonth.clone();
  }

  /** Data spend (licences and annotation) per month, in USD, one entry per month (a copy). */
  public double[] monthlyDataUsd() {
    return dataByMonth.clone();
  }

  /** People cost per month, in USD, one entry per month (a copy). */
  public double[] monthlyPeopleUsd() {
    return peopleByMonth.clone();
  }

  /** Other phase costs per month, in USD, one entry per month (a copy). */
  public double[] monthlyOtherUsd() {
    return otherByMonth.clone();
  }

  /** People on the team in each month, all roles, one entry per month (a copy). */
  public double[] monthlyHeadcount() {
    return headcountByMonth.clone();
  }

  /** Spend up to and including each month, in USD (the running sum of {@link #monthlyBurnUsd}). */
  public double[] cumulativeSpendUsd() {
    double[] cumulative = monthlyBurnUsd();
    for (int month = 1; month < cumulative.length; month++) {
      cumulative[month] += cumulative[month - 1];
    }
    return cumulative;
  }

  /** The largest monthly spend, in USD. */
  public double peakMonthlyBurnUsd() {
    return Arrays.stream(monthlyBurnUsd()).max().orElse(0);
  }

  /** Compute cost in USD. */
  public double computeUsd() {
    return Arrays.stream(computeByMonth).sum();
  }

  /** Data cost (licences and annotation) in USD. */
  public double dataUsd() {
    return Arrays.stream(dataByMonth).sum();
  }

  /** People cost in USD. */
  public double peopleUsd() {
    return Arrays.stream(peopleByMonth).sum();
  }

  /** Other phase costs in USD. */
  public double otherUsd() {
    return Arrays.stream(otherByMonth).sum();
  }

  /** Planned spend in USD: compute, data, people and other (their sum). */
  public double totalUsd() {
    return computeUsd() + dataUsd() + peopleUsd() + otherUsd();
  }

  /** The reserve in USD, {@code totalUsd x contingencyFraction}. */
  public double contingencyUsd() {
    return totalUsd() * contingencyFraction;
  }

  /** Funding needed in USD: the planned spend plus the contingency. */
  public double fundingNeededUsd() {
    return totalUsd() + contingencyUsd();
  }

  /** The largest team, in people, over the program. */
  public double peakHeadcount() {
    return Arrays.stream(headcountByMonth).max().orElse(0);
  }

  /** Whole months the funding in hand pays for; empty when no funding was given. */
  public OptionalInt runwayMonths() {
    return runwayMonths;
  }
}
