package dev.persistence.costing.energy;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;

/**
 * Emissions per unit of electricity, kg CO2-equivalent per kWh.
 *
 * @param name what grid or contract it describes
 * @param kilogramsCo2ePerKilowattHour emissions factor, {@code >= 0}
 * @param accounting location- or market-based
 * @param source where the factor comes from
 */
public record GridIntensity(
    String name, double kilogramsCo2ePerKilowattHour, CarbonAccounting accounting, String source) {

  /**
   * 0.057 kg/kWh, France, location-based: the intensity Luccioni et al. 2022 (Estimating the Carbon Footprint of
   * BLOOM, arXiv:2211.02001, section 4) use for the Jean Zay supercomputer (57 gCO2eq/kWh).
   */
  public static final GridIntensity FRANCE_BLOOM =
      new GridIntensity(
          "France (Jean Zay)",
          0.057,
          CarbonAccounting.LOCATION_BASED,
          "Luccioni et al. 2022, arXiv:2211.02001: 57 gCO2eq/kWh for Jean Zay");

  /**
   * 0.429 kg/kWh, location-based: the intensity Patterson et al. 2021 (Carbon Emissions and Large Neural Network
   * Training, arXiv:2104.10350, Table 4) give for the Microsoft data centre that trained GPT-3. From memory, not verified against the paper: the
   * reference file marks the matching 552 t as unconfirmed.
   */
  public static final GridIntensity GPT3_PATTERSON =
      new GridIntensity(
          "GPT-3 data centre (Patterson et al.)",
          0.429,
          CarbonAccounting.LOCATION_BASED,
          "Patterson et al. 2021, arXiv:2104.10350 Table 4: 429 gCO2e/kWh (from memory, not verified here)");

  /** Fully matched renewable electricity under market-based accounting: 0 kg/kWh. */
  public static final GridIntensity FULLY_MATCHED_RENEWABLE =
      new GridIntensity(
          "100% matched renewable",
          0.0,
          CarbonAccounting.MARKET_BASED,
          "GHG Protocol Scope 2 Guidance (2015): contractual instruments covering all consumption");

  /**
   * Validates the intensity.
   *
   * @throws IllegalArgumentException if the factor is negative or not finite, or a text is blank
   */
  public GridIntensity {
    checkArgument(name != null && !name.isBlank(), "grid intensity name must not be blank");
    Checks.nonNegative("kilogramsCo2ePerKilowattHour", kilogramsCo2ePerKilowattHour);
    checkArgument(accounting != null, "accounting must not be null");
    checkArgument(source != null && !source.isBlank(), "grid intensity source must not be blank");
  }

  /**
   * Tonnes of CO2-equivalent for {@code kilowattHours}.
   *
   * @param kilowattHours energy, {@code >= 0}
   * @throws IllegalArgumentException if the energy is negative or not finite
   */
  public double tonnesCo2e(double kilowattHours) {
    Checks.nonNegative("kilowattHours", kilowattHours);
    return kilowattHours * kilogramsCo2ePerKilowattHour / 1000.0;
  }
}
