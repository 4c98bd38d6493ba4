package dev.persistence.io.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.costing.landscape.FrontierTrend;
import dev.persistence.costing.landscape.NotableModel;
import dev.persistence.costing.landscape.Positioning;
import dev.persistence.costing.landscape.TrendSelection;
import dev.persistence.io.catalog.NotableModelCatalog;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LandscapeJsonTest {
  private static final List<NotableModel> MODELS = NotableModelCatalog.bundled().models();

  /**
   * Epoch's Llama 3.1-405B: 3.8e25 FLOP (Confident), published 2024-07-23, 405B parameters (the Llama 3 paper's own
   * figures; reference/evaluation.json, ev-llama3-scaling-fit). A run of that compute at that date ties with it.
   */
  @Test
  void comparisonCarriesEpochsFigures() {
    Positioning p = Positioning.of(3.8e25, 405e9, LocalDate.of(2024, 7, 23), MODELS, Optional.empty(), 3);
    ObjectNode json = LandscapeJson.positioning(p, NotableModelCatalog.EPOCH_ATTRIBUTION);
    JsonNode llama = null;
    for (JsonNode c : json.get("nearestByCompute")) {
      if (c.get("model").asText().equals("Llama 3.1-405B")) {
        llama = c;
      }
    }
    assertTrue(llama != null, json.toString());
    assertEquals(3.8e25, llama.get("trainingComputeFlop").asDouble(), 1e-6 * 3.8e25);
    assertEquals(405e9, llama.get("totalParameters").asDouble(), 1e-6 * 405e9);
    assertEquals("2024-07-23", llama.get("publicationDate").asText());
    assertEquals("confident", llama.get("computeConfidence").asText());
    assertEquals(1.0, llama.get("ratio").asDouble(), 1e-12);
    assertTrue(json.get("attribution").asText().contains("CC BY 4.0"));
    assertFalse(json.has("trend"), "no trend asked for, none written");
  }

  /** Every model with a compute figure is a point; those without one cannot be placed and are left out. */
  @Test
  void modelsAreThoseWithCompute() {
    ArrayNode points = LandscapeJson.models(MODELS);
    long withCompute = MODELS.stream().filter(m -> m.trainingComputeFlop().isPresent()).count();
    assertEquals(withCompute, points.size());
    assertTrue(points.size() > 100, points.size() + " points");
    for (JsonNode point : points) {
      assertTrue(point.get("trainingComputeFlop").asDouble() > 0, point.toString());
      LocalDate.parse(point.get("publicationDate").asText());
    }
  }

  /** The line's ends lie on the fit: between them it rises by the fitted orders of magnitude per year. */
  @Test
  void trendLineRunsAlongTheFit() {
    FrontierTrend trend = FrontierTrend.fit(MODELS, TrendSelection.EPOCH_FRONTIER, LocalDate.MIN);
    for (LocalDate until : List.of(LocalDate.of(2027, 6, 30), trend.lastDate().minusYears(1))) {
      ArrayNode line = LandscapeJson.trendLine(trend, until);
      assertEquals(2, line.size());
      LocalDate first = LocalDate.parse(line.get(0).get("date").asText());
      LocalDate last = LocalDate.parse(line.get(1).get("date").asText());
      assertEquals(trend.firstDate(), first);
      assertEquals(until.isAfter(trend.lastDate()) ? until : trend.lastDate(), last, "reaches the later date");
      double years = FrontierTrend.decimalYear(last) - FrontierTrend.decimalYear(first);
      double rise =
          Math.log10(line.get(1).get("trainingFlop").asDouble() / line.get(0).get("trainingFlop").asDouble());
      assertEquals(trend.slopeOomPerYear(), rise / years, 1e-9);
    }
  }

  @Test
  void listingIsTheCatalogsModelsAndTheTrend() {
    dev.persistence.costing.landscape.ModelCatalog catalog = NotableModelCatalog.bundled();
    List<NotableModel> shown = MODELS.subList(0, 3);
    FrontierTrend trend = FrontierTrend.fit(MODELS, TrendSelection.EPOCH_FRONTIER, LocalDate.MIN);
    ObjectNode json = LandscapeJson.listing(catalog, shown, trend);
    List<String> keys = new java.util.ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("catalogVersion", "attribution", "count", "models", "frontierTrend"), keys);
    assertEquals(3, json.get("count").asInt());
    assertEquals(NotableModelCatalog.toJson(shown.get(0)), json.get("models").get(0));
    assertEquals(LandscapeJson.trend(trend), json.get("frontierTrend"));
  }
}
