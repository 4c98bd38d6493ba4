package dev.persistence.costing.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.persistence.costing.ReferenceRuns;
import dev.persistence.costing.training.ComputeUsage;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CloudCostTest {

  @Test
  void deepSeekV3TotalTrainingCost() {
    // DeepSeek-V3 Technical Report (arXiv:2412.19437) Table 1: 2.788M H800 GPU-hours in all (2.664M pre-training,
    // 119K context extension, 5K post-training) on 2048 H800, "assuming the rental price of the H800 GPU is $2 per
    // GPU hour": $5.576M. The paper's assumptions: rental only, no failures, research and ablations excluded.
    JsonNode deepSeek = ReferenceRuns.run("deepseek-v3");
    double hours = deepSeek.get("gpu_hours").get("total").asDouble();
    CostBreakdown cost = CloudCost.of(new ComputeUsage(hours, 2048), CloudPrice.DEEPSEEK_V3_H800);
    assertEquals(deepSeek.get("cost_usd").get("rate_per_gpu_hour").asDouble(), 2.0);
    assertEquals(deepSeek.get("cost_usd").get("total").asDouble(), cost.totalUsd(), 1e-6);
    assertEquals(cost.totalUsd(), cost.usd(CostComponent.CLOUD_RENTAL), 0.0);
  }

  @Test
  void mpt7bCost() {
    // MosaicML, Introducing MPT-7B (May 2023): about 9.5 days on 440 A100-40GB, about $200k at $2 per A100-hour.
    // 440 x 9.5 x 24 x $2 = $200,640: within 1% of the rounded "$200k".
    JsonNode mpt = ReferenceRuns.run("mpt-7b (bonus)");
    ComputeUsage usage = ComputeUsage.ofWallClock(mpt.get("gpus").asLong(), mpt.get("days").asDouble() * 24);
    double cost = CloudCost.of(usage, CloudPrice.MOSAICML_A100_40GB).totalUsd();
    assertEquals(mpt.get("cost_usd").asDouble(), cost, 0.01 * 200_000);
  }

  @Test
  void presetsAreDatedSourcedAndAssumptionsSaySo() {
    for (CloudPrice price : CloudPrice.presets()) {
      assertFalse(price.source().isBlank());
      assertTrue(price.asOf().isAfter(LocalDate.of(2020, 1, 1)));
      assertEquals(price, CloudPrice.preset(price.name().toUpperCase(java.util.Locale.ROOT)));
      if (!price.confirmed()) {
        assertTrue(price.source().startsWith("ASSUMPTION"), price.name());
      }
    }
  }

  @Test
  void rejections() {
    assertEquals(
        "cloud price (h100-cheap) must be one of [deepseek-v3-h800, mosaicml-a100-40gb,"
            + " assumed-h100-hyperscaler-on-demand-2024, assumed-h100-reserved-2025]",
        assertThrows(IllegalArgumentException.class, () -> CloudPrice.preset("h100-cheap")).getMessage());
    assertEquals(
        "usdPerAcceleratorHour (-1.0) must be finite and > 0",
        assertThrows(
                IllegalArgumentException.class,
                () -> CloudPrice.of("H100", -1, PricingTerm.ON_DEMAND, LocalDate.of(2025, 1, 1), "me"))
            .getMessage());
    assertEquals(
        "price source (\"\") must not be blank",
        assertThrows(
                IllegalArgumentException.class,
                () -> CloudPrice.of("H100", 1, PricingTerm.ON_DEMAND, LocalDate.of(2025, 1, 1), ""))
            .getMessage());
    assertEquals(
        "price accelerator (\" \") must not be blank",
        assertThrows(
                IllegalArgumentException.class,
                () -> CloudPrice.of(" ", 1, PricingTerm.ON_DEMAND, LocalDate.of(2025, 1, 1), "me"))
            .getMessage());
    // Immutables refuses a null attribute, naming it.
    assertEquals(
        "asOf",
        assertThrows(NullPointerException.class, () -> CloudPrice.of("H100", 1, PricingTerm.ON_DEMAND, null, "me"))
            .getMessage());
    assertEquals(
        "term",
        assertThrows(NullPointerException.class, () -> CloudPrice.of("H100", 1, null, LocalDate.of(2025, 1, 1), "me"))
            .getMessage());
    assertEquals(
        "ENERGY (-5.0 USD) must be finite and >= 0",
        assertThrows(
                IllegalArgumentException.class,
                () -> new CostBreakdown(java.util.Map.of(CostComponent.ENERGY, -5.0)))
            .getMessage());
  }
}
