package dev.persistence.io.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.costing.plan.ImmutableScenario;
import dev.persistence.costing.plan.PlanReport;
import dev.persistence.costing.plan.Planner;
import dev.persistence.io.scenario.ScenarioFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlanReportJsonTest {
  static final Path EXAMPLES = Path.of("..", "examples");
  private static final Map<String, PlanReport> REPORTS = new ConcurrentHashMap<>();

  /** A bundled scenario planned once per test run, with fewer Monte Carlo samples to keep the suite quick. */
  static PlanReport bundled(String file) {
    return REPORTS.computeIfAbsent(
        file,
        name ->
            Planner.plan(ImmutableScenario.copyOf(ScenarioFiles.read(EXAMPLES.resolve(name))).withSamples(400)));
  }

  /** The document's sections in the order {@code plan --json} has always printed them. */
  @ParameterizedTest
  @ValueSource(strings = {"frontier.yaml", "competitive.yaml"})
  void sectionsInTheirOrder(String file) {
    ObjectNode json = PlanReportJson.toJson(bundled(file));
    List<String> names = new ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    List<String> sections = names.subList(names.indexOf("model"), names.size());
    assertEquals(
        List.of("model", "computeOptimal", "run", "data", "serving", "program", "uncertainty", "monteCarlo",
            "sensitivity", "targets"),
        sections.subList(0, 10),
        file);
    // Then the sections of post-training, regulation and the landscape; positioning and forecast when asked for.
    List<String> late = new ArrayList<>(List.of("postTraining", "obligations"));
    if (json.has("positioning")) {
      late.add("positioning");
    }
    if (json.has("forecast")) {
      late.add("forecast");
    }
    assertEquals(late, sections.subList(10, sections.size()), file);
    assertEquals(
        List.of("scenario", "totalCostUsd", "trainingCostUsd"), names.subList(0, 3), file);
  }

  /**
   * The forecast the planner fitted is the one written, at the parameters the compute-optimal check uses (active
   * ones) on the plan's tokens; the obligations are those of the thresholds crossed, each with its source.
   */
  @Test
  void forecastAndObligationsAreTheReports() {
    PlanReport report = bundled("competitive.yaml");
    JsonNode json = PlanReportJson.toJson(report);
    PlanReport.ForecastReport forecast = report.forecast().orElseThrow();
    assertEquals(forecast.forecast().score(), json.get("forecast").get("score").asDouble());
    assertEquals(report.computeOptimal().parametersUsed(), json.get("forecast").get("parameters").asDouble());
    assertEquals(report.scenario().trainingTokens(), json.get("forecast").get("tokens").asDouble());
    assertEquals(forecast.request().runs().size(), json.get("forecast").get("runsFitted").asInt());
    assertEquals(
        dev.persistence.io.regulation.ObligationDocuments.bundled().broughtBy(report.thresholdsCrossed()).size(),
        json.get("obligations").size());
    for (JsonNode o : json.get("obligations")) {
      assertTrue(report.thresholdsCrossed().stream().anyMatch(t -> t.id().equals(o.get("threshold").asText())), o.toString());
    }
  }

  /**
   * SB 53's large-developer duties follow the scenario's revenue: "in excess of" $500M in the preceding calendar
   * year (Bus. & Prof. Code 22757.11, reference/regulation.json reg-ca-sb53-thresholds); unknown without one.
   */
  @Test
  void revenueTiersAreChecked() {
    ImmutableScenario dense =
        ImmutableScenario.copyOf(ScenarioFiles.read(EXAMPLES.resolve("frontier-dense.yaml"))).withSamples(50);
    for (var c :
        List.of(
            new Object[] {dense, "unknown"},
            new Object[] {dense.withDeveloperRevenue(new dev.persistence.costing.regulation.DeveloperRevenue(6e8, 2026)), "crossed"},
            new Object[] {dense.withDeveloperRevenue(new dev.persistence.costing.regulation.DeveloperRevenue(5e8, 2026)), "not-crossed"})) {
      JsonNode json = PlanReportJson.toJson(Planner.plan((dev.persistence.costing.plan.Scenario) c[0]));
      int tiered = 0;
      for (JsonNode o : json.get("obligations")) {
        if (o.has("revenueTier")) {
          tiered++;
          assertEquals(c[1], o.get("revenueTier").get("status").asText(), o.toString());
          assertEquals(5e8, o.get("revenueTier").get("revenueUsdGreaterThan").asDouble());
        }
      }
      // SB 53's framework and internal-use summaries; RAISE's framework, internal-use summaries and disclosure.
      assertEquals(5, tiered, json.get("obligations").toString());
      assertEquals(!c[1].equals("unknown"), json.has("developerRevenue"));
    }
  }

  /** Percentiles read in rank order (the command's old map printed them in a per-JVM order). */
  @Test
  void percentilesInRankOrder() {
    JsonNode bands = PlanReportJson.toJson(bundled("competitive.yaml")).get("uncertainty");
    bands.properties().forEach(
        band -> {
          List<String> names = new ArrayList<>();
          band.getValue().fieldNames().forEachRemaining(names::add);
          assertEquals(List.of("p10", "p50", "p90"), names.subList(0, 3), band.getKey());
          assertTrue(band.getValue().get("p10").asDouble() <= band.getValue().get("p90").asDouble(), band.getKey());
        });
  }

  /** The text form is the tree, indented: parsing it back gives the same tree. */
  @Test
  void textIsTheTree() throws Exception {
    PlanReport report = bundled("competitive.yaml");
    String text = PlanReportJson.toJsonText(report);
    assertTrue(text.startsWith("{\n  \"scenario\" : "), text.substring(0, 40));
    // Compared as compact text: a parsed tree holds small longs as ints, which print the same.
    assertEquals(PlanReportJson.toJson(report).toString(), new ObjectMapper().readTree(text).toString());
  }
}
