package dev.persistence.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The page in a real browser: Debian's headless Chromium, driven over its DevTools protocol, opens each bundled
 * scenario's page from disk with the network emulated offline. Fails on any console error, uncaught exception or
 * network request; checks that every chart container drew SVG paths, that every figure the page prints is its JSON
 * number correctly rounded, and that the page fits a phone's width. Writes screenshots (desktop, phone, print)
 * and the printed PDF under {@code target/plan-report/}.
 */
class PlanReportPageBrowserTest {
  static final Path OUT = Path.of("target", "plan-report");
  private static final Pattern NUMBER = Pattern.compile("-?\\$?\\d[\\d,]*(\\.\\d+)?(e-?\\d+)?");
  private static Path chromium;

  @BeforeAll
  static void chromium() {
    chromium = BrowserSetup.chromium();
  }

  @ParameterizedTest
  @ValueSource(strings = {"frontier.yaml", "competitive.yaml", "post-training.yaml", "minimal.yaml"})
  void pageRendersOfflineAndPrintsTheReportsFigures(String file) throws Exception {
    String name = file.replace(".yaml", "");
    String html = PlanReportPage.html(Bundled.report(file));
    Files.createDirectories(OUT);
    Path page = OUT.resolve(name + ".html").toAbsolutePath();
    Files.writeString(page, html, StandardCharsets.UTF_8);
    JsonNode json = new ObjectMapper().readTree(PlanReportPageTest.embeddedJson(html));
    String url = page.toUri().toString();

    try (Chromium browser = Chromium.start(chromium)) {
      browser.page("Network.enable", Chromium.params());
      browser.page(
          "Network.emulateNetworkConditions",
          Chromium.params().put("offline", true).put("latency", 0).put("downloadThroughput", -1)
              .put("uploadThroughput", -1));
      browser.page("Runtime.enable", Chromium.params());
      browser.page("Log.enable", Chromium.params());
      browser.page("Page.enable", Chromium.params());
      viewport(browser, 1280, 900, false);
      browser.page("Page.navigate", Chromium.params().put("url", url));
      browser.await("Page.loadEventFired", 60);

      int charts = browser.evaluate("Number(document.documentElement.dataset.charts || 0)").asInt();
      JsonNode containers =
          browser.evaluate(
              "Array.from(document.querySelectorAll('.chart')).map(function (el) { return {id: el.id,"
                  + " svg: el.querySelectorAll('svg').length, paths: el.querySelectorAll('svg path').length}; })");
      assertTrue(containers.size() >= 10, name + ": chart containers " + containers);
      assertEquals(containers.size(), charts, name + ": every container was given a chart");
      for (JsonNode chart : containers) {
        assertTrue(chart.get("svg").asInt() == 1 && chart.get("paths").asInt() > 0, name + ": " + chart);
      }
      for (String section : PlanReportPageTest.SECTIONS) {
        assertTrue(
            browser.evaluate("!!document.querySelector('#" + section + " .chart, #" + section + " .cards, #"
                + section + " .absent')").asBoolean(),
            name + ": section " + section + " shows something");
      }

      // An optional section is on the page exactly when the report has its part, and then draws or tabulates it.
      List<String> shown = new ArrayList<>(PlanReportPageTest.SECTIONS);
      for (String section : PlanReportPageTest.OPTIONAL_SECTIONS) {
        boolean present = browser.evaluate("!!document.getElementById('" + section + "')").asBoolean();
        boolean linked = browser.evaluate("!!document.querySelector('nav.toc a[href=\"#" + section + "\"]')").asBoolean();
        assertEquals(hasPart(json, section), present, name + ": section " + section);
        assertEquals(present, linked, name + ": contents link to " + section);
        if (present) {
          shown.add(section);
          assertTrue(
              browser.evaluate("document.querySelectorAll('#" + section + " .chart svg path, #" + section
                  + " tbody tr').length > 0").asBoolean(),
              name + ": section " + section + " draws something");
        }
      }
      if (json.has("positioning")) {
        String attribution = browser.evaluate("document.getElementById('positioning-attribution').textContent").asText();
        assertTrue(attribution.contains(json.get("positioning").get("attribution").asText()), name + ": " + attribution);
        assertTrue(attribution.contains("CC BY 4.0"), name + ": " + attribution);
        // Every catalog model with a compute figure is a mark, and the plan is one more.
        int marks = browser.evaluate("document.querySelectorAll('#chart-positioning svg path').length").asInt();
        assertTrue(marks > json.get("positioning").get("models").size(), name + ": " + marks + " marks");
      }
      if (json.has("obligations") && json.get("obligations").size() > 0) {
        assertEquals(json.get("obligations").size(),
            browser.evaluate("document.querySelectorAll('#table-obligations tbody tr').length").asInt(), name);
      }

      JsonNode figures =
          browser.evaluate(
              "Array.from(document.querySelectorAll('[data-path]')).map(function (el) { return {path:"
                  + " el.dataset.path, scale: Number(el.dataset.scale), text: el.textContent}; })");
      assertTrue(figures.size() > 80, name + ": " + figures.size() + " figures");
      List<String> wrong = new ArrayList<>();
      for (JsonNode figure : figures) {
        String problem = checkFigure(json, figure);
        if (problem != null) {
          wrong.add(problem);
        }
      }
      assertTrue(wrong.isEmpty(), name + ": figures that do not match the JSON:\n" + String.join("\n", wrong));

      browser.screenshot(OUT.resolve(name + "-desktop.png"), null);
      browser.screenshot(OUT.resolve(name + "-top.png"), new double[] {0, 0, 1280, 1500, 0.6});
      for (String section : shown) {
        JsonNode box =
            browser.evaluate(
                "(function () { var r = document.getElementById('" + section + "').getBoundingClientRect();"
                    + " return [r.left + scrollX, r.top + scrollY, r.width, r.height]; })()");
        browser.screenshot(
            OUT.resolve(name + "-" + section + ".png"),
            new double[] {box.get(0).asDouble(), box.get(1).asDouble(), box.get(2).asDouble(), box.get(3).asDouble(), 1});
      }

      // A phone opens the page at its own width: load it again there rather than shrink the desktop layout.
      viewport(browser, 390, 844, true);
      browser.page("Page.navigate", Chromium.params().put("url", url));
      browser.evaluate(
          "new Promise(function (done) { (function wait() { if (document.readyState === 'complete'"
              + " && document.documentElement.dataset.charts) { setTimeout(done, 200); } else { setTimeout(wait, 50); } })(); })");
      assertEquals(charts, browser.evaluate("Number(document.documentElement.dataset.charts || 0)").asInt());
      int width = browser.evaluate("document.documentElement.scrollWidth").asInt();
      assertTrue(width <= 390, name + ": the page is " + width + " px wide at a phone's 390 px");
      JsonNode narrow =
          browser.evaluate(
              "Array.from(document.querySelectorAll('.chart')).filter(function (el) {"
                  + " return el.getBoundingClientRect().width > 390; }).map(function (el) { return el.id; })");
      assertEquals(0, narrow.size(), name + ": charts wider than the phone " + narrow);
      browser.screenshot(OUT.resolve(name + "-phone.png"), null);

      viewport(browser, 794, 1123, false);
      browser.page("Emulation.setEmulatedMedia", Chromium.params().put("media", "print"));
      browser.evaluate("new Promise(function (done) { window.dispatchEvent(new Event('resize')); setTimeout(done, 400); })");
      browser.screenshot(OUT.resolve(name + "-print.png"), null);
      browser.page("Emulation.setEmulatedMedia", Chromium.params().put("media", ""));
      browser.printToPdf(OUT.resolve(name + ".pdf"));
      assertTrue(Files.size(OUT.resolve(name + ".pdf")) > 10_000, name + ": printed PDF");

      List<String> problems = new ArrayList<>();
      for (JsonNode event : browser.events()) {
        String method = event.path("method").asText();
        JsonNode params = event.path("params");
        switch (method) {
          case "Network.requestWillBeSent" -> {
            String requested = params.path("request").path("url").asText();
            if (!requested.equals(url)) {
              problems.add("network request: " + requested);
            }
          }
          case "Runtime.exceptionThrown" -> problems.add("exception: " + params.path("exceptionDetails"));
          case "Runtime.consoleAPICalled" -> {
            String type = params.path("type").asText();
            if (type.equals("error") || type.equals("assert") || type.equals("warning")) {
              problems.add("console." + type + ": " + params.path("args"));
            }
          }
          case "Log.entryAdded" -> {
            String level = params.path("entry").path("level").asText();
            if (level.equals("error") || level.equals("warning")) {
              problems.add("log " + level + ": " + params.path("entry"));
            }
          }
          default -> { }
        }
      }
      assertTrue(problems.isEmpty(), name + ":\n" + String.join("\n", problems));
    }
  }

  /** Whether the report's JSON has the part an optional section draws. */
  private static boolean hasPart(JsonNode json, String section) {
    return switch (section) {
      case "post-training" -> json.path("postTraining").path("stages").size() > 0;
      case "obligations" -> json.path("obligations").size() > 0;
      default -> json.has(section);
    };
  }

  private static void viewport(Chromium browser, int width, int height, boolean mobile) {
    browser.page(
        "Emulation.setDeviceMetricsOverride",
        Chromium.params().put("width", width).put("height", height).put("deviceScaleFactor", 1)
            .put("mobile", mobile));
  }

  /**
   * Null when the printed text is the JSON number at the figure's path divided by its scale and correctly
   * rounded to the digits printed (half a unit of the last printed digit), else what is wrong.
   */
  static String checkFigure(JsonNode json, JsonNode figure) {
    String path = figure.get("path").asText();
    String text = figure.get("text").asText();
    JsonNode value = json.at(path);
    if (!value.isNumber()) {
      return path + ": not a number in the JSON (" + value + ")";
    }
    Matcher matcher = NUMBER.matcher(text);
    if (!matcher.find()) {
      return path + ": no number in '" + text + "'";
    }
    String digits = matcher.group().replace("$", "").replace(",", "");
    BigDecimal printed = new BigDecimal(digits);
    double scale = figure.get("scale").asDouble();
    double shown = printed.doubleValue() * scale;
    double halfUnit = 0.5 * BigDecimal.ONE.movePointLeft(printed.scale()).doubleValue() * scale;
    double expected = value.asDouble();
    double slack = 1e-9 * Math.abs(expected) + 1e-12;
    if (Math.abs(shown - expected) > halfUnit + slack) {
      return String.format(Locale.ROOT, "%s: '%s' shows %s, the JSON has %s", path, text, shown, expected);
    }
    return null;
  }
}
