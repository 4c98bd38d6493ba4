package dev.persistence.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.persistence.costing.plan.PlanReport;
import dev.persistence.io.plan.PlanReportJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlanReportPageTest {
  static final List<String> SECTIONS =
      List.of("headline", "spend", "timeline", "runway", "uncertainty", "compute-optimal", "step", "data", "serving");
  /** Sections drawn only when the report has their part; dropped (with their contents link) otherwise. */
  static final List<String> OPTIONAL_SECTIONS = List.of("post-training", "positioning", "forecast", "obligations");
  static final List<String> CHARTS =
      List.of("chart-spend", "chart-timeline", "chart-runway", "chart-tornado", "chart-isoflop", "chart-step-time",
          "chart-memory", "chart-data", "chart-serving", "chart-post-training", "chart-positioning", "chart-forecast");
  private static final Pattern EMBEDDED =
      Pattern.compile("<script id=\"plan-report\" type=\"application/json\">\n(.*?)\n</script>", Pattern.DOTALL);

  /** The JSON document inside a page, as the page's script reads it. */
  static String embeddedJson(String html) {
    Matcher matcher = EMBEDDED.matcher(html);
    assertTrue(matcher.find(), "the page embeds its JSON document");
    return matcher.group(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"frontier.yaml", "competitive.yaml", "post-training.yaml"})
  void pageHoldsEverySection(String file) {
    String html = PlanReportPage.html(Bundled.report(file));
    for (String section : concat(SECTIONS, OPTIONAL_SECTIONS)) {
      assertTrue(html.contains("<section class=\"block\" id=\"" + section + "\">"), section);
    }
    for (String chart : CHARTS) {
      assertTrue(html.contains("class=\"chart") && html.contains("id=\"" + chart + "\""), chart);
    }
    assertTrue(html.contains("id=\"uncertainty-histograms\""));
    assertTrue(html.contains("<title>Plan: " + Bundled.report(file).scenario().name() + "</title>"), file);
  }

  static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /**
   * The document carries what the optional sections draw: the stages for post-training, the catalog's points and
   * the trend's ends for positioning (with Epoch AI's CC BY 4.0 attribution), the forecast's interval, the
   * obligations' sources; and nothing where the scenario has no such part.
   */
  @ParameterizedTest
  @ValueSource(strings = {"frontier.yaml", "competitive.yaml", "post-training.yaml", "minimal.yaml"})
  void documentCarriesTheOptionalSections(String file) throws Exception {
    PlanReport report = Bundled.report(file);
    var json = new ObjectMapper().readTree(embeddedJson(PlanReportPage.html(report)));
    assertEquals(report.postTraining().stages().size(), json.get("postTraining").get("stages").size(), file);
    assertEquals(report.scenario().positioning().isPresent(), json.has("positioning"), file);
    assertEquals(report.forecast().isPresent(), json.has("forecast"), file);
    if (json.has("positioning")) {
      var p = json.get("positioning");
      assertTrue(p.get("attribution").asText().contains("CC BY 4.0"), file);
      assertTrue(p.get("models").size() > 100, file);
      assertEquals(2, p.get("trendLine").size(), file);
      // The trend line reaches the plan's date: its end is the trend's own figure there.
      assertEquals(p.get("date").asText(), p.get("trendLine").get(1).get("date").asText(), file);
      assertEquals(p.get("trendFlopAtDate").asDouble(), p.get("trendLine").get(1).get("trainingFlop").asDouble(),
          1e-9 * p.get("trendFlopAtDate").asDouble(), file);
    }
    if (json.has("forecast")) {
      var f = json.get("forecast");
      assertTrue(f.get("scoreLower").asDouble() <= f.get("score").asDouble()
          && f.get("score").asDouble() <= f.get("scoreUpper").asDouble(), file);
    }
    for (var o : json.get("obligations")) {
      assertFalse(o.get("source").asText().isBlank(), o.toString());
    }
    assertEquals(report.thresholdsCrossed().isEmpty(), json.get("obligations").isEmpty(), file);
  }

  /** The page embeds exactly the document {@code plan --json} prints, with '<' written as its JSON escape. */
  @ParameterizedTest
  @ValueSource(strings = {"frontier.yaml", "competitive.yaml", "post-training.yaml"})
  void embeddedJsonIsTheReportsDocument(String file) throws Exception {
    PlanReport report = Bundled.report(file);
    String embedded = embeddedJson(PlanReportPage.html(report));
    String text = PlanReportJson.toJsonText(report);
    assertEquals(text, embedded.replace("\\u003c", "<"));
    ObjectMapper mapper = new ObjectMapper();
    assertEquals(mapper.readTree(text), mapper.readTree(embedded));
  }

  /** Nothing on the page can reach the network: no external script, style, font or image, and a CSP that forbids it. */
  @ParameterizedTest
  @ValueSource(strings = {"frontier.yaml", "competitive.yaml"})
  void pageIsSelfContained(String file) {
    String html = PlanReportPage.html(Bundled.report(file));
    assertTrue(html.contains("Content-Security-Policy\" content=\"default-src 'none';"));
    String page = html.substring(0, html.indexOf("/*!")) + html.substring(html.lastIndexOf("</script>\n<script>"));
    for (String reference : new String[] {"<script src", "<link", "@import", "url(", "<img", "<iframe"}) {
      assertFalse(page.contains(reference), reference);
    }
    long bytes = html.getBytes(StandardCharsets.UTF_8).length;
    assertTrue(bytes < 2_000_000, bytes + " bytes");
  }

  @Test
  void echartsIsInlineWithItsLicence() {
    String html = PlanReportPage.html(Bundled.report("competitive.yaml"));
    String version = PlanReportPage.echartsVersion();
    assertTrue(version.matches("\\d+\\.\\d+\\.\\d+"), version);
    assertTrue(html.contains("Apache ECharts " + version + " (org.webjars.npm:echarts), licensed under the Apache License 2.0."));
    assertTrue(html.contains("Apache License\n                           Version 2.0, January 2004"));
    assertTrue(html.contains("Copyright 2017-2022 The Apache Software Foundation"));
    assertTrue(html.contains("echarts.init(el, null, { renderer: 'svg' })"));
  }

  /** The browser test's figure check accepts a correctly rounded figure and rejects a wrong one. */
  @Test
  void figureCheckRejectsWrongFigures() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    var json = mapper.readTree("{\"a\": {\"usd\": 1.8347e8, \"n\": 24576, \"f\": 1.0117e26, \"neg\": -6.92026e6}}");
    java.util.function.BiFunction<String, String, String> check =
        (path, textAndScale) -> {
          String[] parts = textAndScale.split("@");
          var figure = mapper.createObjectNode().put("path", path).put("text", parts[0]).put("scale", Double.parseDouble(parts[1]));
          return PlanReportPageBrowserTest.checkFigure(json, figure);
        };
    assertEquals(null, check.apply("/a/usd", "$183.5M@1e6"));
    assertEquals(null, check.apply("/a/n", "24,576 accelerators@1"));
    assertEquals(null, check.apply("/a/f", "1.012e26 FLOP@1"));
    assertEquals(null, check.apply("/a/neg", "-$6.920M@1e6"));
    assertTrue(check.apply("/a/usd", "$183.4M@1e6") != null, "off by one in the last digit");
    assertTrue(check.apply("/a/usd", "$183.5k@1e3") != null, "wrong scale");
    assertTrue(check.apply("/a/n", "24,577@1") != null);
    assertTrue(check.apply("/a/neg", "$6.920M@1e6") != null, "lost sign");
    assertTrue(check.apply("/a/missing", "1@1") != null, "no such number");
  }

  /** A scenario name or a string in the document cannot close an element early. */
  @Test
  void markupInTheScenarioIsInert() {
    String json = "{\n  \"scenario\" : \"</script><script>alert(1)</script>\"\n}";
    String html = PlanReportPage.html(json, "<b>x</b> & </script>");
    assertTrue(html.contains("<title>Plan: &lt;b&gt;x&lt;/b&gt; &amp; &lt;/script&gt;</title>"));
    assertEquals(json.replace("<", "\\u003c"), embeddedJson(html));
  }
}
