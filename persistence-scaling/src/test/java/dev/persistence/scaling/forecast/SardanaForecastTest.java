package dev.persistence.scaling.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Acceptance on data nobody here made: Sardana et al. 2024 ("Beyond Chinchilla-Optimal", arXiv:2401.00448),
 * 47 training runs with smoothed loss and MosaicML's gauntlet scores (reference/scaling/sardana-trainingresults.csv).
 * Fit the two-step forecast on the 150M-1.3B runs, forecast the 2.5B and 6B runs' core average from their loss
 * (and, as a harder test, from their parameters and tokens), and compare with what those runs scored.
 */
class SardanaForecastTest {

  record Row(String model, CapabilityRun run) {}

  static List<Row> rows() throws IOException {
    Path file = Path.of(System.getProperty("persistence.reference"), "scaling", "sardana-trainingresults.csv");
    List<String> lines = Files.readAllLines(file);
    List<String> header = List.of(lines.get(0).split(","));
    int model = header.indexOf("Model Name");
    int parameters = header.indexOf("Parameters");
    int tokens = header.indexOf("Tokens");
    int loss = header.indexOf("Smoothed Loss");
    int core = header.indexOf("eval_gauntlet/core_average");
    List<Row> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(",");
      rows.add(
          new Row(
              f[model],
              new CapabilityRun(
                  Double.parseDouble(f[parameters]),
                  Double.parseDouble(f[tokens]),
                  Double.parseDouble(f[loss]),
                  Double.parseDouble(f[core]))));
    }
    return rows;
  }

  static boolean large(Row row) {
    return row.model().equals("2.5B") || row.model().equals("6B");
  }

  @Test
  void forecastsTheLargestRunsFromTheSmallerOnes() throws IOException {
    List<Row> rows = rows();
    // Sardana et al.: 47 runs; 39 at 150M-1.3B, 8 at 2.5B and 6B.
    assertEquals(47, rows.size());
    List<CapabilityRun> small = new ArrayList<>();
    List<Row> held = new ArrayList<>();
    for (Row row : rows) {
      if (large(row)) {
        held.add(row);
      } else {
        small.add(row.run());
      }
    }
    assertEquals(39, small.size());
    // Default settings: the bootstrap plus Epoch's aggregate extrapolation error; the bootstrap components are the
    // interval without the term (same seed, same resamples).
    CapabilityForecaster forecaster = CapabilityForecaster.fit(small, ForecastSettings.DEFAULT);
    Tally fromLoss = new Tally();
    Tally twoStep = new Tally();
    StringBuilder report = new StringBuilder(forecaster.link().formula()).append('\n');
    for (Row row : held) {
      CapabilityRun run = row.run();
      CapabilityForecast l = forecaster.atLoss(run.loss());
      CapabilityForecast t = forecaster.at(run.parameters(), run.tokens());
      fromLoss.add(l, run.score());
      twoStep.add(t, run.score());
      report.append(
          String.format(
              Locale.ROOT,
              "%s %.0fB tokens: loss %.3f, core %.3f; from loss %.3f [%.3f, %.3f] bootstrap [%.3f, %.3f] %.2f OOM;"
                  + " two-step loss %.3f, core %.3f [%.3f, %.3f] bootstrap [%.3f, %.3f] %.2f OOM%n",
              row.model(),
              run.tokens() / 1e9,
              run.loss(),
              run.score(),
              l.score(),
              l.scoreLower(),
              l.scoreUpper(),
              l.bootstrapLower(),
              l.bootstrapUpper(),
              l.scaledComputeOom(),
              t.loss(),
              t.score(),
              t.scoreLower(),
              t.scoreUpper(),
              t.bootstrapLower(),
              t.bootstrapUpper(),
              t.scaledComputeOom()));
    }
    report.append("from loss: ").append(fromLoss.summary(held.size())).append('\n');
    report.append("two-step: ").append(twoStep.summary(held.size())).append('\n');
    System.out.print(report);
    // Measured (seed 1, 1,000 resamples), see README:
    assertTrue(fromLoss.error / held.size() < 0.015, report.toString());
    assertTrue(twoStep.error / held.size() < 0.035, report.toString());
    // The bootstrap alone covers 5 of 8 either way; the misses are the three runs furthest beyond the fitted loss.
    assertEquals(5, fromLoss.bootstrapCovered, report.toString());
    assertEquals(5, twoStep.bootstrapCovered, report.toString());
    // With Epoch's extrapolation term (measured: from loss 8/8, mean width 0.115, against 0.022 for the bootstrap
    // alone; two-step 7/8, mean width 0.098 against 0.075). The width is the price: Epoch's 6 points per order
    // of magnitude were measured on BIG-Bench Hard, and these runs' errors are 1-3 points.
    assertEquals(8, fromLoss.covered, report.toString());
    assertEquals(7, twoStep.covered, report.toString());
    assertTrue(fromLoss.bootstrapWidth / held.size() < 0.03, report.toString());
    assertTrue(fromLoss.width / held.size() > 0.10 && fromLoss.width / held.size() < 0.13, report.toString());
    assertTrue(twoStep.width / held.size() > 0.08 && twoStep.width / held.size() < 0.11, report.toString());
    double lowestFittedLoss = small.stream().mapToDouble(CapabilityRun::loss).min().orElseThrow();
    for (Row row : held) {
      CapabilityForecast l = forecaster.atLoss(row.run().loss());
      // The term is zero inside the fitted losses and only there.
      assertEquals(row.run().loss() < lowestFittedLoss, l.extrapolationHalfWidth() > 0, report.toString());
      if (!(row.run().score() >= l.bootstrapLower() && row.run().score() <= l.bootstrapUpper())) {
        // Every bootstrap miss is a run at least 0.09 nats below the lowest loss the fit saw, and an
        // underestimate, as the Llama 3 report found for its flagship ("it only slightly underestimates the final
        // performance", reference/evaluation.json, ev-llama3-405b-prediction).
        assertTrue(lowestFittedLoss - row.run().loss() > 0.09, row.model() + " " + report);
        assertTrue(row.run().score() > l.bootstrapUpper(), report.toString());
      }
    }
  }

  /** Coverage, width and error of a set of forecasts, with and without the extrapolation term. */
  private static final class Tally {
    double error;
    double width;
    double bootstrapWidth;
    int covered;
    int bootstrapCovered;

    void add(CapabilityForecast f, double truth) {
      error += Math.abs(f.score() - truth);
      width += f.scoreUpper() - f.scoreLower();
      bootstrapWidth += f.bootstrapUpper() - f.bootstrapLower();
      covered += f.covers(truth) ? 1 : 0;
      bootstrapCovered += truth >= f.bootstrapLower() && truth <= f.bootstrapUpper() ? 1 : 0;
    }

    String summary(int n) {
      return String.format(
          Locale.ROOT,
          "mean |error| %.4f; bootstrap only: covered %d/%d, mean width %.4f; with extrapolation: covered %d/%d,"
              + " mean width %.4f",
          error / n,
          bootstrapCovered,
          n,
          bootstrapWidth / n,
          covered,
          n,
          width / n);
    }
  }
}
