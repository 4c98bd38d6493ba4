package dev.persistence.costing.money;

import dev.persistence.core.check.Checks;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.immutables.value.Value;

/**
 * A price per accelerator-hour, dated and sourced. Prices change often: the presets are starting points that a
 * scenario overrides; {@link #confirmed()} says whether the figure was checked against its source.
 */
@Value.Immutable
public abstract class CloudPrice {

  /** Returns a new builder. */
  public static ImmutableCloudPrice.Builder builder() {
    return ImmutableCloudPrice.builder();
  }

  /** Short name ({@code deepseek-v3-h800}); {@code user} unless named. */
  @Value.Default
  public String name() {
    return "user";
  }

  /** The accelerator it prices. */
  public abstract String accelerator();

  /** US dollars per accelerator-hour, {@code > 0}. */
  public abstract double usdPerAcceleratorHour();

  /** How it is contracted; on-demand unless given. */
  @Value.Default
  public PricingTerm term() {
    return PricingTerm.ON_DEMAND;
  }

  /** When the price held. */
  public abstract LocalDate asOf();

  /** Where it comes from. */
  public abstract String source();

  /** Whether the figure was seen in its source; {@code false} marks an assumption; true unless set: a price the user gives is taken as read. */
  @Value.Default
  public boolean confirmed() {
    return true;
  }


  /**
   * $2.00 per H800-hour: DeepSeek-AI 2024, DeepSeek-V3 Technical Report (arXiv:2412.19437), section 1 and
   * Table 1, "assuming the rental price of the H800 GPU is $2 per GPU hour".
   */
  public static final CloudPrice DEEPSEEK_V3_H800 =
      builder()
          .name("deepseek-v3-h800")
          .accelerator("H800")
          .usdPerAcceleratorHour(2.00)
          .term(PricingTerm.ASSUMED_RENTAL)
          .asOf(LocalDate.of(2024, 12, 27))
          .source("DeepSeek-V3 Technical Report, arXiv:2412.19437, Table 1: rental price $2 per H800 GPU hour")
          .confirmed(true)
          .build();

  /**
   * $2.00 per A100-40GB-hour: MosaicML, "Introducing MPT-7B" (blog, May 2023): about 9.5 days on 440 A100-40GB
   * for about $200k.
   */
  public static final CloudPrice MOSAICML_A100_40GB =
      builder()
          .name("mosaicml-a100-40gb")
          .accelerator("A100-40GB")
          .usdPerAcceleratorHour(2.00)
          .term(PricingTerm.ASSUMED_RENTAL)
          .asOf(LocalDate.of(2023, 5, 5))
          .source("MosaicML, Introducing MPT-7B (May 2023): ~$200k at $2/A100-40GB/hour")
          .confirmed(true)
          .build();

  /**
   * ASSUMPTION, not confirmed against a live price list: AWS p5.48xlarge (8 x H100 SXM) on-demand in us-east-1
   * at $98.32 per instance-hour in 2024, i.e. $12.29 per GPU-hour, before AWS's June 2025 price reduction.
   */
  public static final CloudPrice ASSUMED_H100_HYPERSCALER_ON_DEMAND_2024 =
      builder()
          .name("assumed-h100-hyperscaler-on-demand-2024")
          .accelerator("H100-SXM5-80GB")
          .usdPerAcceleratorHour(12.29)
          .term(PricingTerm.ON_DEMAND)
          .asOf(LocalDate.of(2024, 6, 1))
          .source("ASSUMPTION (from memory, not confirmed): AWS p5.48xlarge on-demand us-east-1 $98.32/h for 8 GPUs, 2024")
          .confirmed(false)
          .build();

  /**
   * ASSUMPTION, not confirmed: a multi-year reserved H100 SXM rate of $2.50 per GPU-hour from specialised GPU
   * clouds in 2025; the DeepSeek-V3 report's $2 H800 rental sits just below it.
   */
  public static final CloudPrice ASSUMED_H100_RESERVED_2025 =
      builder()
          .name("assumed-h100-reserved-2025")
          .accelerator("H100-SXM5-80GB")
          .usdPerAcceleratorHour(2.50)
          .term(PricingTerm.RESERVED)
          .asOf(LocalDate.of(2025, 6, 1))
          .source("ASSUMPTION (not confirmed): typical multi-year reserved H100 SXM rate at GPU clouds, mid-2025")
          .confirmed(false)
          .build();

  /**
   * Validates the price.
   *
   * @throws IllegalArgumentException if a text is blank, the price is not finite and positive, or a field is
   *     null
   */
  @Value.Check
  protected void check() {
    Checks.notBlank("price name", name());
    Checks.notBlank("price accelerator", accelerator());
    Checks.positive("usdPerAcceleratorHour", usdPerAcceleratorHour());
    Checks.notBlank("price source", source());
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
    return builder()
        .name("user")
        .accelerator(accelerator)
        .usdPerAcceleratorHour(usdPerAcceleratorHour)
        .term(term)
        .asOf(asOf)
        .source(source)
        .confirmed(true)
        .build();
  }
}
