package dev.persistence.costing.training;

/**
 * Time-unit conversions, in one place: the hour and the day of the SI Brochure (BIPM, 9th edition, 2019, Table 8:
 * 1 h = 3600 s, 1 d = 86,400 s) and the Julian year of 365.25 days (IAU, the year of light-years), which this
 * project uses for amortisation and for months (a twelfth of it).
 */
public final class Durations {

  /** Seconds in an hour, 3600. */
  public static final double SECONDS_PER_HOUR = 3600.0;

  /** Hours in a day, 24. */
  public static final double HOURS_PER_DAY = 24.0;

  /** Seconds in a day, 86,400. */
  public static final double SECONDS_PER_DAY = SECONDS_PER_HOUR * HOURS_PER_DAY;

  /** Days in a Julian year, 365.25. */
  public static final double DAYS_PER_JULIAN_YEAR = 365.25;

  /** Hours in a Julian year, 8766. */
  public static final double HOURS_PER_JULIAN_YEAR = DAYS_PER_JULIAN_YEAR * HOURS_PER_DAY;

  /** Days in an average month, a twelfth of a Julian year: 30.4375. */
  public static final double DAYS_PER_MONTH = DAYS_PER_JULIAN_YEAR / 12;

  private Durations() {}
}
