package dev.persistence.io.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.persistence.costing.landscape.FrontierTrend;
import dev.persistence.costing.landscape.Positioning;
import dev.persistence.costing.landscape.TrendSelection;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The frontier trend fitted to the bundled Epoch data agrees with the rate Epoch AI publishes for it
 * (reference/catalog/frontier-trend.json: Sevilla and Roldán 2024, "4-5x per year", "4x/year" for the frontier
 * since 2018), and the positioning of a published run reproduces Epoch's own figures.
 */
class FrontierTrendEpochTest {

  private static JsonNode reference() throws IOException {
    return new ObjectMapper()
        .readTree(Path.of(System.getProperty("persistence.reference"), "catalog", "frontier-trend.json").toFile())
        .get(0)
        .get("value");
  }

  @Test
  void epochFrontierModelsGrowAsEpochPublishes() throws IOException {
    JsonNode published = reference();
    FrontierTrend trend =
        FrontierTrend.fit(
            NotableModelCatalog.bundled().models(), TrendSelection.EPOCH_FRONTIER, LocalDate.of(2020, 1, 1));
    double low = published.get("growth_per_year_low").asDouble();
    double high = published.get("growth_per_year_high").asDouble();
    assertTrue(trend.growthPerYear() >= low && trend.growthPerYear() <= high, trend.summary());
    // The interval is honest about 30 points over six years: it must reach beyond one end of Epoch's range.
    assertTrue(Math.pow(10, trend.slopeLower()) < low || Math.pow(10, trend.slopeUpper()) > high, trend.summary());
    assertTrue(
        Math.pow(10, trend.bootstrapSlopeLower()) < published.get("frontier_since_2018").asDouble()
            || Math.pow(10, trend.bootstrapSlopeUpper()) > published.get("frontier_since_2018").asDouble(),
        trend.summary());
  }

  @Test
  void llama405bIsPlacedWithEpochsFigures() {
    // Epoch's Llama 3.1-405B: 3.8e25 FLOP (Confident), the Llama 3 paper's own figure (reference/evaluation.json,
    // ev-llama3-scaling-fit: budget 3.8e25). Placed at its own date, a run of that compute ties with it.
    Positioning p =
        Positioning.of(
            3.8e25, 405e9, LocalDate.of(2024, 7, 23), NotableModelCatalog.bundled().models(), Optional.empty(), 3);
    assertEquals(1.0, p.nearestByCompute().get(0).ratio(), 1e-12);
    assertEquals(1.0, p.nearestByParameters().get(0).ratio(), 1e-12);
    assertTrue(p.nearestByCompute().stream().anyMatch(c -> c.model().name().equals("Llama 3.1-405B")));
  }
}
