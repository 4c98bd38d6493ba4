package dev.persistence.io.energy;

import dev.persistence.costing.energy.CarbonAccounting;
import dev.persistence.costing.energy.GridIntensity;
import java.util.Collections;
import java.util.LinkedHashMap;
import static dev.persistence.io.document.ValueCodecs.FRACTION;
import static dev.persistence.io.document.ValueCodecs.NAME;
import static dev.persistence.io.document.ValueCodecs.NON_NEGATIVE_NUMBER;
import static dev.persistence.io.document.ValueCodecs.NUMBER;
import static dev.persistence.io.document.ValueCodecs.POSITIVE_NUMBER;
import static dev.persistence.io.document.ValueCodecs.enumeration;
import dev.persistence.costing.energy.PowerModel;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.ObjectCodec;
import dev.persistence.io.document.ValueCodecs;
import java.util.Map;

/**
 * Codecs of energy inputs ({@code dev.persistence.costing.energy}): power models.
 *
 * <pre>{@code
 * power: {acceleratorTdpWatts: 700, tdpFraction: 1.0, serverToChipPowerRatio: 1.82,
 *         powerUsageEffectiveness: 1.14, source: Epoch AI power formula}
 * }</pre>
 */
public final class EnergyCodecs {
  private EnergyCodecs() {}

  /** Grid presets by name (read by name, written by name). */
  static final Map<String, GridIntensity> GRID_PRESETS;

  static {
    Map<String, GridIntensity> presets = new LinkedHashMap<>();
    presets.put("france-bloom", GridIntensity.FRANCE_BLOOM);
    presets.put("gpt3-patterson", GridIntensity.GPT3_PATTERSON);
    presets.put("fully-matched-renewable", GridIntensity.FULLY_MATCHED_RENEWABLE);
    GRID_PRESETS = Collections.unmodifiableMap(presets);
  }

  /** Power models: TDP, the fraction drawn, server-to-chip ratio, PUE and a source. */
  public static final Codec<PowerModel> POWER_MODEL =
      ObjectCodec.record(PowerModel.class, "powerModel")
          .required("acceleratorTdpWatts", POSITIVE_NUMBER)
          .required("tdpFraction", FRACTION)
          .required("serverToChipPowerRatio", NUMBER)
          .required("powerUsageEffectiveness", NUMBER)
          .required("source", NAME)
          .build();

  private static final Codec<GridIntensity> GRID_INTENSITY =
      ObjectCodec.record(GridIntensity.class, "gridIntensity")
          .required("name", NAME)
          .required("kilogramsCo2ePerKilowattHour", NON_NEGATIVE_NUMBER)
          .optional("accounting", enumeration(CarbonAccounting.class))
          .byDefault(CarbonAccounting.LOCATION_BASED)
          .required("source", NAME)
          .build();

  /**
   * A grid intensity: a preset's name ({@code france-bloom}, {@code gpt3-patterson},
   * {@code fully-matched-renewable}) or {@code {name, kilogramsCo2ePerKilowattHour, accounting, source}}.
   */
  public static final Codec<GridIntensity> GRID =
      ValueCodecs.presetOrObject("grid", "grid", "a grid preset's name", () -> GRID_PRESETS, GRID_INTENSITY);
}
