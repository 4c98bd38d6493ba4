package dev.persistence.report;

import dev.persistence.costing.plan.PlanReport;
import dev.persistence.io.plan.PlanReportJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * A {@link PlanReport} as one self-contained HTML page: headline figures, programme spend, timeline and team,
 * burn and runway, uncertainty, the compute-optimal check, the training step, the data mixture and serving, each
 * as a chart with the same figures in a table.
 *
 * <p>Everything the page needs is inline: the report's JSON document (exactly {@link PlanReportJson#toJsonText},
 * the text {@code persistence plan --json} prints, with {@code <} written as {@code \u003c} so that no string
 * can close the script element), Apache ECharts' minified script with its licence and notice (read from the
 * {@code org.webjars.npm:echarts} WebJar on the class path), the styles and the page's script. The page's content
 * security policy forbids every fetch, so it opens offline, can be mailed, and shows the same in a year. Charts
 * use ECharts' SVG renderer, so that a printed page is sharp and the page's DOM can be checked.
 *
 * <p>Every figure the page prints is a number of the JSON document, formatted: the page computes nothing but
 * unit scaling (the isoFLOP profiles, histograms and running sums are in the document).
 */
public final class PlanReportPage {
  private static final String WEBJAR = "META-INF/resources/webjars/echarts/";
  private static final String WEBJAR_POM = "META-INF/maven/org.webjars.npm/echarts/pom.properties";
  private static final String TEMPLATE = "plan-report.html";

  private PlanReportPage() {}

  /**
   * The page of a report.
   *
   * @param report the report
   */
  public static String html(PlanReport report) {
    return html(PlanReportJson.toJsonText(report), report.scenario().name());
  }

  /**
   * The page of a report's JSON document.
   *
   * @param json the document, as {@link PlanReportJson#toJsonText} writes it
   * @param title the scenario's name, the page's title
   */
  static String html(String json, String title) {
    String version = echartsVersion();
    String template = resource(PlanReportPage.class, TEMPLATE);
    String licence =
        "Apache ECharts " + version + " (org.webjars.npm:echarts), licensed under the Apache License 2.0.\n\n"
            + resource(WEBJAR + version + "/NOTICE") + "\n"
            + resource(WEBJAR + version + "/LICENSE") + "\n"
            + resource(WEBJAR + version + "/licenses/LICENSE-d3");
    return template
        .replace("@TITLE@", escapeHtml(title))
        .replace("@ECHARTS_VERSION@", version)
        .replace("/*@ECHARTS_LICENSE@*/", "/*!\n" + licence.replace("*/", "* /") + "\n*/")
        .replace("/*@ECHARTS@*/", scriptText(resource(WEBJAR + version + "/dist/echarts.min.js")))
        .replace("@DATA@", json.replace("<", "\\u003c"));
  }

  /** The ECharts version on the class path, from the WebJar's own Maven properties. */
  static String echartsVersion() {
    Properties properties = new Properties();
    try (InputStream in = open(WEBJAR_POM)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version");
  }

  /** Script text that cannot end its element early. */
  private static String scriptText(String script) {
    return script.replace("</script", "<\\/script");
  }

  private static String escapeHtml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static InputStream open(String path) {
    InputStream in = PlanReportPage.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException(
          path + " is not on the class path: the HTML report needs org.webjars.npm:echarts at run time");
    }
    return in;
  }

  private static String resource(String path) {
    try (InputStream in = open(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String resource(Class<?> owner, String name) {
    try (InputStream in = owner.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from " + owner.getPackageName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
