package dev.persistence.costing.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Invariants of the frontier trend and of positioning: a line is recovered exactly, the slope ignores a common
 * factor on every run, intervals hold the estimate, the rank and neighbours agree with the ratios.
 */
class LandscapeProperties {

  /** An entry's required fields, the source a placeholder. */
  private static ImmutableNotableModel.Builder entry(String name, String organization, LocalDate date) {
    return NotableModel.builder().name(name).organization(organization).publicationDate(date).source("test");
  }

  private static NotableModel model(String name, LocalDate date, double flop, double parameters, boolean frontier) {
    return entry(name, "org", date)
        .trainingComputeFlop(flop)
        .totalParameters(parameters)
        .epochFrontier(frontier)
        .build();
  }

  /** Runs on an exact line log10(FLOP) = 23 + slope (year - 2020), optionally with seeded noise. */
  private static List<NotableModel> line(double slope, double noise, long seed, double factor) {
    SplittableRandom random = new SplittableRandom(seed);
    List<NotableModel> models = new ArrayList<>();
    LocalDate date = LocalDate.of(2020, 1, 1);
    for (int i = 0; i < 40; i++) {
      double year = FrontierTrend.decimalYear(date) - 2020;
      double log = 23 + slope * year + noise * (random.nextDouble() - 0.5);
      models.add(model("m" + i, date, factor * Math.pow(10, log), 1e9 * (i + 1), true));
      date = date.plusDays(47);
    }
    return models;
  }

  @Test
  void anExactLineIsRecovered() {
    for (double slope : new double[] {0.1, 0.5, 0.7, 1.3}) {
      FrontierTrend trend = FrontierTrend.fit(line(slope, 0, 1, 1), TrendSelection.EPOCH_FRONTIER, LocalDate.MIN);
      assertEquals(slope, trend.slopeOomPerYear(), 1e-9);
      assertEquals(23, trend.interceptLog10Flop(), 1e-9);
      assertEquals(0, trend.slopeStandardError(), 1e-9);
      assertEquals(Math.pow(10, slope), trend.growthPerYear(), 1e-9);
      assertEquals(1e23, trend.flopAt(LocalDate.of(2020, 1, 1)), 1e23 * 1e-9);
    }
  }

  @Test
  void slopeIgnoresACommonFactorAndIntervalsHoldTheEstimate() {
    for (long seed = 1; seed <= 12; seed++) {
      FrontierTrend base = FrontierTrend.fit(line(0.6, 1.0, seed, 1), TrendSelection.EPOCH_FRONTIER, LocalDate.MIN);
      FrontierTrend scaled = FrontierTrend.fit(line(0.6, 1.0, seed, 37), TrendSelection.EPOCH_FRONTIER, LocalDate.MIN);
      assertEquals(base.slopeOomPerYear(), scaled.slopeOomPerYear(), 1e-9);
      assertEquals(base.slopeStandardError(), scaled.slopeStandardError(), 1e-9);
      assertTrue(base.slopeLower() < base.slopeOomPerYear() && base.slopeOomPerYear() < base.slopeUpper());
      assertTrue(
          base.bootstrapSlopeLower() < base.slopeOomPerYear() && base.slopeOomPerYear() < base.bootstrapSlopeUpper());
      FrontierTrend wider =
          FrontierTrend.fit(
              line(0.6, 1.0, seed, 1), TrendSelection.EPOCH_FRONTIER, LocalDate.MIN, LocalDate.MAX, 0.99, 500, 1);
      assertTrue(wider.slopeUpper() - wider.slopeLower() > base.slopeUpper() - base.slopeLower());
    }
  }

  @Test
  void topPerYearKeepsTheLargestOfEachYear() {
    List<NotableModel> models = line(0.6, 1.0, 3, 1);
    List<NotableModel> top = TrendSelection.topPerYear(2).select(models);
    for (NotableModel kept : top) {
      int year = kept.publicationDate().getYear();
      long larger =
          models.stream()
              .filter(m -> m.publicationDate().getYear() == year)
              .filter(m -> m.trainingComputeFlop().getAsDouble() > kept.trainingComputeFlop().getAsDouble())
              .count();
      assertTrue(larger < 2, kept.name());
    }
    assertThrows(IllegalArgumentException.class, () -> TrendSelection.topPerYear(0));
  }

  @Test
  void rankAndNeighboursAgreeWithTheRatios() {
    List<NotableModel> models = line(0.6, 1.0, 5, 1);
    LocalDate date = LocalDate.of(2023, 6, 1);
    for (double flop : new double[] {1e22, 3e23, 1e24, 5e24, 1e27}) {
      Positioning p = Positioning.of(flop, 7e10, date, models, Optional.empty(), 3);
      long published =
          models.stream().filter(m -> !m.publicationDate().isAfter(date)).count();
      long larger =
          models.stream()
              .filter(m -> !m.publicationDate().isAfter(date))
              .filter(m -> m.trainingComputeFlop().getAsDouble() > flop)
              .count();
      assertEquals(published, p.modelsCompared());
      assertEquals(larger + 1, p.rank());
      assertTrue(p.leader().ratio() <= p.nearestByCompute().get(0).ratio() || p.rank() == 1);
      p.below().ifPresent(c -> assertTrue(c.ratio() >= 1));
      p.above().ifPresent(c -> assertTrue(c.ratio() < 1));
      assertEquals(p.rank() == 1, p.above().isEmpty());
      for (int i = 1; i < p.nearestByCompute().size(); i++) {
        assertTrue(
            Math.abs(Math.log(p.nearestByCompute().get(i - 1).ratio()))
                <= Math.abs(Math.log(p.nearestByCompute().get(i).ratio())));
      }
    }
  }

  @Test
  void theHeadlineNamesTheNeighboursWithEpochsConfidence() {
    NotableModel llama =
        entry("Llama 3.1-405B", "Meta AI", LocalDate.of(2024, 7, 23))
            .trainingComputeFlop(3.8e25)
            .computeConfidence(ComputeConfidence.CONFIDENT)
            .build();
    NotableModel grok =
        entry("Grok 3", "xAI", LocalDate.of(2025, 2, 17))
            .trainingComputeFlop(3.5e26)
            .computeConfidence(ComputeConfidence.LIKELY)
            .build();
    Positioning p =
        Positioning.of(1.026e26, 1e12, LocalDate.of(2025, 6, 1), List.of(llama, grok), Optional.empty(), 3);
    assertEquals("2.7x Llama 3.1-405B (Epoch: confident), 0.29x Grok 3 (Epoch: likely)", p.headline());
    assertEquals(2, p.rank());
    assertThrows(
        IllegalArgumentException.class,
        () -> Positioning.of(1e26, 1e12, LocalDate.of(2020, 1, 1), List.of(llama, grok), Optional.empty(), 3));
  }

  @Test
  void badEntriesAreRejectedNamingTheField() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> entry("x", "o", LocalDate.of(2025, 1, 1)).trainingComputeFlop(Double.NaN).build());
    assertTrue(e.getMessage().contains("trainingComputeFlop (NaN)"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> entry("x", "o", LocalDate.of(2025, 1, 1)).totalParameters(1e9).activeParameters(2e9).build());
    assertTrue(e.getMessage().contains("activeParameters"), e.getMessage());
  }
}
