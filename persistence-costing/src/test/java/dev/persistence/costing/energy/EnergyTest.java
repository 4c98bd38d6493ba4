package dev.persistence.costing.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.persistence.core.hardware.Cluster;
import dev.persistence.costing.ReferenceRuns;
import dev.persistence.costing.training.ComputeUsage;
import org.junit.jupiter.api.Test;

class EnergyTest {

  /** GPU-hours x watts, nothing else: the method of Meta's model cards and of BLOOM's dynamic energy. */
  private static PowerModel chipOnly(double watts, String source) {
    return new PowerModel(watts, 1.0, 1.0, 1.0, source);
  }

  @Test
  void bloomDynamicEnergyAndCarbon() {
    // Luccioni et al. 2022 (arXiv:2211.02001): BLOOM's final training used 1,082,990 A100 GPU-hours at the
    // 400 W TDP (dynamic power only, no PUE, no idle nodes): 433,196 kWh; at the French grid's 57 gCO2eq/kWh,
    // 24.7 tonnes. The paper's assumptions: TDP draw, PUE not applied to the dynamic figure, location-based.
    JsonNode bloom = ReferenceRuns.run("bloom-176b");
    ComputeUsage usage = new ComputeUsage(bloom.get("gpu_hours").asDouble(), 384);
    EnergyEstimate energy = EnergyEstimate.of(usage, chipOnly(400, "Luccioni et al. 2022: A100 TDP 400 W"));
    assertEquals(bloom.get("energy_kwh_dynamic").asDouble(), energy.facilityKilowattHours(), 1e-6);
    CarbonEstimate carbon =
        CarbonEstimate.of(energy, GridIntensity.FRANCE_BLOOM, GridIntensity.FULLY_MATCHED_RENEWABLE);
    assertEquals(bloom.get("co2_t").get("dynamic").asDouble(), carbon.locationBasedTonnes(), 0.05);
    // 384 GPUs for 1,082,990 h is 117.5 days; the paper reports 118 days 5 h of wall time (within 1%).
    assertEquals(118 + 5.0 / 24, usage.wallClockDays(), 0.01 * 118);
  }

  @Test
  void gpt3EnergyFromPattersonsAssumptions() {
    // Patterson et al. 2021 (arXiv:2104.10350) Table 4 as the reference quotes it: 10,000 V100 for 14.8 days at
    // 330 W average system power per processor (servers included), PUE 1.10: 1287 MWh. 14.8 days is rounded to
    // 0.1 day (+-0.34%); our product is 1289.4 MWh, 0.19% above.
    JsonNode gpt3 = ReferenceRuns.run("gpt3-175b");
    ComputeUsage usage = ComputeUsage.ofWallClock(10_000, 14.8 * 24);
    PowerModel patterson = new PowerModel(330, 1.0, 1.0, 1.10, "Patterson et al. 2021 Table 4");
    EnergyEstimate energy = EnergyEstimate.of(usage, patterson);
    assertEquals(gpt3.get("energy_mwh").asDouble(), energy.facilityMegawattHours(), 0.005 * 1287);
  }

  @Test
  void llama2CarbonTableFromGpuHoursAt400Watts() {
    // Llama 2 model card (meta-llama/llama MODEL_CARD.md): GPU-hours per model at 400 W "peak power capacity per
    // GPU device adjusted for power usage efficiency", and tCO2eq per model; no grid intensity is printed. Taking
    // the intensity implied by the 70B row (291.42 t over 1,720,320 h x 0.4 kW) reproduces the 7B and 13B rows to
    // the card's 0.01 t: the card used one intensity and energy = hours x 400 W.
    JsonNode family = ReferenceRuns.run("llama2-70b").get("family_totals");
    PowerModel meta = chipOnly(400, "Llama 2 model card: 400 W per A100");
    double kwh70 = EnergyEstimate.of(new ComputeUsage(family.get("gpu_hours_70b").asDouble(), 2048), meta)
        .facilityKilowattHours();
    GridIntensity implied =
        new GridIntensity(
            "Meta RSC (implied)",
            family.get("co2_70b").asDouble() * 1000 / kwh70,
            CarbonAccounting.LOCATION_BASED,
            "implied by the Llama 2 model card's 70B row");
    assertEquals(0.4235, implied.kilogramsCo2ePerKilowattHour(), 0.0001);
    for (String size : new String[] {"7b", "13b"}) {
      EnergyEstimate energy =
          EnergyEstimate.of(new ComputeUsage(family.get("gpu_hours_" + size).asDouble(), 1024), meta);
      assertEquals(family.get("co2_" + size).asDouble(), implied.tonnesCo2e(energy.facilityKilowattHours()), 0.01);
    }
    // Known discrepancy: the card's 539 t total over 3,311,616 h (34B included) is NOT reproduced by the same
    // intensity (561 t): the unreleased 34B row (1,038,336 h, 153.90 t in the paper) implies 0.371 kg/kWh.
    double total =
        implied.tonnesCo2e(
            EnergyEstimate.of(new ComputeUsage(family.get("gpu_hours_total_incl_34b").asDouble(), 2048), meta)
                .facilityKilowattHours());
    assertTrue(total - family.get("co2_total").asDouble() > 20, "the 34B row's inconsistency is documented");
  }

  @Test
  void llama31LocationAndMarketBasedCarbon() {
    // Llama 3.1 model card (meta-llama/llama-models models/llama3_1/MODEL_CARD.md): H100-80GB at 700 W TDP,
    // GPU-hours and location-based tCO2eq per model; market-based 0 (matched renewable energy). The intensity is
    // implied by the 405B row; the 8B and 70B rows follow within 1% (their GPU-hours are rounded to 3 digits).
    JsonNode card = ReferenceRuns.run("llama3.1");
    JsonNode hours = card.get("gpu_hours");
    JsonNode tonnes = card.get("co2_location_based_t");
    PowerModel meta = chipOnly(700, "Llama 3.1 model card: H100 700 W TDP");
    double kwh405 = EnergyEstimate.of(new ComputeUsage(hours.get("405b").asDouble(), 16_384), meta)
        .facilityKilowattHours();
    GridIntensity location =
        new GridIntensity(
            "Meta data centres (implied)",
            tonnes.get("405b").asDouble() * 1000 / kwh405,
            CarbonAccounting.LOCATION_BASED,
            "implied by the Llama 3.1 card's 405B row");
    for (String size : new String[] {"8b", "70b", "total"}) {
      EnergyEstimate energy = EnergyEstimate.of(new ComputeUsage(hours.get(size).asDouble(), 16_384), meta);
      CarbonEstimate carbon = CarbonEstimate.of(energy, location, GridIntensity.FULLY_MATCHED_RENEWABLE);
      double expected = tonnes.get(size).asDouble();
      assertEquals(expected, carbon.locationBasedTonnes(), 0.01 * expected, size);
      assertEquals(card.get("co2_market_based_t").asDouble(), carbon.marketBasedTonnes(), 0.0);
    }
  }

  @Test
  void llama3CarbonRows() {
    // Llama 3 model card: 1.3M h -> 390 t (8B), 6.4M h -> 1900 t (70B), H100 700 W. GPU-hours are given to 2
    // digits (+-3.8% for 1.3M), so the 8B row is checked against the 70B row's implied intensity within 4%.
    JsonNode card = ReferenceRuns.run("llama3-8b-70b");
    PowerModel meta = chipOnly(700, "Llama 3 model card: H100 700 W TDP");
    double kwh70 = EnergyEstimate.of(new ComputeUsage(card.get("gpu_hours").get("70b").asDouble(), 1), meta)
        .facilityKilowattHours();
    double intensity = card.get("co2_t").get("70b").asDouble() * 1000 / kwh70;
    double kwh8 = EnergyEstimate.of(new ComputeUsage(card.get("gpu_hours").get("8b").asDouble(), 1), meta)
        .facilityKilowattHours();
    assertEquals(card.get("co2_t").get("8b").asDouble(), kwh8 * intensity / 1000, 0.04 * 390);
  }

  @Test
  void epochPowerFormulaForAnH100() {
    // Epoch AI: TDP x 1.82 system overhead x PUE; an H100 (700 W) at PUE 1.14 draws 700 x 1.82 x 1.14 W.
    PowerModel epoch = PowerModel.epoch(ReferenceRuns.h100());
    assertEquals(700 * 1.82, epoch.itWattsPerAccelerator(), 1e-9);
    assertEquals(700 * 1.82 * 1.14, epoch.facilityWattsPerAccelerator(), 1e-9);
    // At 76% chip draw the server overhead stays: 700 x (0.76 + 0.82).
    assertEquals(700 * (0.76 + 0.82), epoch.withTdpFraction(0.76).itWattsPerAccelerator(), 1e-9);
    EnergyEstimate energy = EnergyEstimate.of(new ComputeUsage(1000, 8), epoch);
    assertEquals(1000 * 0.7, energy.acceleratorKilowattHours(), 1e-9);
    assertEquals(1000 * 0.7 * 0.82, energy.serverOverheadKilowattHours(), 1e-9);
    assertEquals(1000 * 0.7 * 1.82 * 0.14, energy.facilityOverheadKilowattHours(), 1e-9);
  }

  @Test
  void clusterPowerModelSpreadsNodeOverhead() {
    Cluster cluster =
        Cluster.builder()
            .accelerator(ReferenceRuns.h100())
            .acceleratorsPerNode(8)
            .nodeCount(4)
            .scaleOutBandwidthBytesPerSecondPerAccelerator(50e9)
            .scaleOutLatencySeconds(5e-6)
            .nodeOverheadPowerWatts(4600)
            .powerUsageEffectiveness(1.2)
            .build();
    PowerModel power = PowerModel.of(cluster, 1.0);
    // At full TDP it agrees with the cluster's own facility power: (32 x 700 + 4 x 4600) x 1.2.
    assertEquals(cluster.facilityPowerWatts() / 32, power.facilityWattsPerAccelerator(), 1e-9);
    // Under a 500 W board limit (TorchTitan's Grand Teton H100s) the chip draws at most 500 of its 700 W, and the
    // cluster's own figure agrees; a draw below the limit is left as it is.
    Cluster limited = Cluster.builder().from(cluster).powerLimitWatts(500).build();
    assertEquals(500.0 / 700, PowerModel.of(limited, 1.0).tdpFraction(), 1e-12);
    assertEquals(limited.facilityPowerWatts() / 32, PowerModel.of(limited, 1.0).facilityWattsPerAccelerator(), 1e-9);
    assertEquals(0.6, PowerModel.of(limited, 0.6).tdpFraction(), 1e-12);
  }

  @Test
  void rejections() {
    assertEquals(
        "acceleratorTdpWatts (0.0) must be finite and > 0",
        assertThrows(IllegalArgumentException.class, () -> new PowerModel(0, 1, 1, 1, "x")).getMessage());
    assertEquals(
        "tdpFraction (0.0) must be in (0, 1.5]",
        assertThrows(IllegalArgumentException.class, () -> new PowerModel(700, 0, 1, 1, "x")).getMessage());
    assertEquals(
        "serverToChipPowerRatio (0.9) must be finite and >= 1",
        assertThrows(IllegalArgumentException.class, () -> new PowerModel(700, 1, 0.9, 1, "x")).getMessage());
    assertEquals(
        "powerUsageEffectiveness (NaN) must be finite and >= 1",
        assertThrows(IllegalArgumentException.class, () -> new PowerModel(700, 1, 1, Double.NaN, "x"))
            .getMessage());
    assertEquals(
        "power model source must not be blank",
        assertThrows(IllegalArgumentException.class, () -> new PowerModel(700, 1, 1, 1, "")).getMessage());
    assertEquals(
        "kilogramsCo2ePerKilowattHour (-0.1) must be finite and >= 0",
        assertThrows(
                IllegalArgumentException.class,
                () -> new GridIntensity("x", -0.1, CarbonAccounting.LOCATION_BASED, "x"))
            .getMessage());
    assertEquals(
        "kilowattHours (-1.0) must be finite and >= 0",
        assertThrows(IllegalArgumentException.class, () -> GridIntensity.FRANCE_BLOOM.tonnesCo2e(-1))
            .getMessage());
    EnergyEstimate energy = new EnergyEstimate(1, 0, 0);
    assertEquals(
        "location intensity (100% matched renewable) must be LOCATION_BASED",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    CarbonEstimate.of(
                        energy, GridIntensity.FULLY_MATCHED_RENEWABLE, GridIntensity.FULLY_MATCHED_RENEWABLE))
            .getMessage());
    assertEquals(
        "market intensity (France (Jean Zay)) must be MARKET_BASED",
        assertThrows(
                IllegalArgumentException.class,
                () -> CarbonEstimate.of(energy, GridIntensity.FRANCE_BLOOM, GridIntensity.FRANCE_BLOOM))
            .getMessage());
    assertEquals(
        "acceleratorKilowattHours (-1.0) must be finite and >= 0",
        assertThrows(IllegalArgumentException.class, () -> new EnergyEstimate(-1, 0, 0)).getMessage());
  }
}
