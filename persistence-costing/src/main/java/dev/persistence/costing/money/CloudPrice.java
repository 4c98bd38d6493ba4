package dev.persistence.costing.money;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A price per accelerator-hour, dated and sourced. Prices change often: the presets are starting points that a
 * scenario overrides; {@link #confirmed()} says whether the figure was checked against its source.
 *
 * @param name short name ({@code deepseek-v3-h800})
 * @param accelerator the accelerator it prices
 * @param usdPerAcceleratorHour US dollars per accelerator-hour, {@code > 0}
 * @param term how it is contracted
 * @param asOf when the price held
 * @param source where it comes from
 * @param confirmed whether the figure was seen in its source; {@code false} marks an assumption
 */
public record CloudPrice(
    String name,
    String accelerator,
    double usdPerAcceleratorHour,
    PricingTerm term,
    LocalDate asOf,
    String source,
    boolean confirmed) {

  /**
   * $2.00 per H800-hour: DeepSeek-AI 2024, DeepSeek-V3 Technical Report (arXiv:2412.19437), section 1 and
   * Table 1, "assuming the rental price of the H800 GPU is $2 per GPU hour".
   */
  public static final CloudPrice DEEPSEEK_V3_H800 =
      new CloudPrice(
          "deepseek-v3-h800",
          "H800",
          2.00,
          PricingTerm.ASSUMED_RENTAL,
          LocalDate.of(2024, 12, 27),
          "DeepSeek-V3 Technical Report, arXiv:2412.19437, Table 1: rental price $2 per H800 GPU hour",
          true);

  /**
   * $2.00 per A100-40GB-hour: MosaicML, "Introducing MPT-7B" (blog, May 2023): about 9.5 days on 440 A100-40GB
   * for about $200k.
   */
  public static final CloudPrice MOSAICML_A100_40GB =
      new CloudPrice(
          "mosaicml-a100-40gb",
          "A100-40GB",
          2.00,
          PricingTerm.ASSUMED_RENTAL,
          LocalDate.of(2023, 5, 5),
          "MosaicML, Introducing MPT-7B (May 2023): ~$200k at $2/A100-40GB/hour",
          true);

  /**
   * ASSUMPTION, not confirmed against a live price list: AWS p5.48xlarge (8 x H100 SXM) on-demand in us-east-1
   * at $98.32 per instance-hour in 2024, i.e. $12.29 per GPU-hour, before AWS's June 2025 price reduction.
   */
  public static final CloudPrice ASSUMED_H100_HYPERSCALER_ON_DEMAND_2024 =
      new CloudPrice(
          "assumed-h100-hyperscaler-on-demand-2024",
          "H100-SXM5-80GB",
          12.29,
          PricingTerm.ON_DEMAND,
          LocalDate.of(2024, 6, 1),
          "ASSUMPTION (from memory, not confirmed): AWS p5.48xlarge on-demand us-east-1 $98.32/h for 8 GPUs, 2024",
          false);

  /**
   * ASSUMPTION, not confirmed: a multi-year reserved H100 SXM rate of $2.50 per GPU-hour from specialised GPU
   * clouds in 2025; the DeepSeek-V3 report's $2 H800 rental sits just below it.
   */
  public static final CloudPrice ASSUMED_H100_RESERVED_2025 =
      new CloudPrice(
          "assumed-h100-reserved-2025",
          "H100-SXM5-80GB",
          2.50,
          PricingTerm.RESERVED,
          LocalDate.of(2025, 6, 1),
          "ASSUMPTION (not confirmed): typical multi-year reserved H100 SXM rate at GPU clouds, mid-2025",
          false);

  /**
   * Validates the price.
   *
   * @throws IllegalArgumentException if a text is blank, the price is not finite and positive, or a field is
   *     null
   */
  public CloudPrice {
    checkArgument(name != null && !name.isBlank(), "price name must not be blank");
    checkArgument(accelerator != null && !accelerator.isBlank(), "price accelerator must not be blank");
    Checks.positive("usdPerAcceleratorHour", usdPerAcceleratorHour);
    checkArgument(term != null, "term must not be null");
    checkArgument(asOf != null, "asOf must not be null");
    checkArgument(source != null && !source.isBlank(), "price source must not be blank");
  }

  /** The presets, in the order documented. */
  public static List<CloudPrice> presets() {
    return List.of(
        DEEPSEEK_V3_H800,
        MOSAICML_A100_40GB,
        ASSUMED_H100_HYPERSCALER_ON_DEMAND_2024,
        ASSUMED_H100_RESERVED_2025);
  }

  /**
   * The preset with this name, case-insensitively.
   *
   * @param name a preset's name
   * @throws IllegalArgumentException if no preset has that name
   */
  public static CloudPrice preset(String name) {
    String wanted = name == null ? "" : name.trim();
    for (CloudPrice price : presets()) {
      if (price.name().equalsIgnoreCase(wanted)) {
        return price;
      }
    }
    throw new IllegalArgumentException(
        String.format(
            Locale.ROOT,
            "cloud price (%s) must be one of %s",
            name,
            presets().stream().map(CloudPrice::name).toList()));
  }

  /**
   * A user's own price.
   *
   * @param accelerator the accelerator it prices
   * @param usdPerAcceleratorHour US dollars per accelerator-hour
   * @param term how it is contracted
   * @param asOf when it held
   * @param source where it comes from
   * @throws IllegalArgumentException as the constructor
   */
  public static CloudPrice of(
      String accelerator, double usdPerAcceleratorHour, PricingTerm term, LocalDate asOf, String source) {
    return new CloudPrice("user", accelerator, usdPerAcceleratorHour, term, asOf, source, true);
  }
}
