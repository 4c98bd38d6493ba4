package dev.persistence.scaling.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The sigmoid link falls with loss, the fitter recovers a link it generated, intervals hold the forecast. */
class SigmoidLinkProperties {

  @Test
  void scoreFallsWithLossBetweenFloorAndCeiling() {
    SigmoidLink link = new SigmoidLink(0.25, 0.9, 2.2, 3);
    double previous = Double.POSITIVE_INFINITY;
    for (double loss = 1.0; loss < 5; loss += 0.05) {
      double score = link.score(loss);
      assertTrue(score <= previous && score >= 0.25 && score <= 0.9);
      previous = score;
    }
    assertEquals((0.25 + 0.9) / 2, link.score(2.2), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> new SigmoidLink(0.5, 0.4, 2, 1));
    assertThrows(IllegalArgumentException.class, () -> new SigmoidLink(0, 1, 2, Double.NaN));
  }

  @Test
  void fitterRecoversAGeneratingLink() {
    for (double[] truth : new double[][] {{0.8, 2.5, 4}, {0.6, 3.0, 2}, {0.95, 2.0, 6}}) {
      SigmoidLink link = new SigmoidLink(0, truth[0], truth[1], truth[2]);
      double[] loss = new double[30];
      double[] score = new double[30];
      for (int i = 0; i < 30; i++) {
        loss[i] = 1.5 + i * 0.08;
        score[i] = link.score(loss[i]);
      }
      SigmoidLink fitted = new SigmoidFitter(0, 1).fit(loss, score);
      assertEquals(truth[0], fitted.ceiling(), 1e-4);
      assertEquals(truth[1], fitted.midpoint(), 1e-4);
      assertEquals(truth[2], fitted.slope(), 1e-3);
    }
  }

  /** 24 runs on an exact Chinchilla-form ladder (E = 1.7) with a little score noise. */
  private static List<CapabilityRun> ladder(SigmoidLink link) {
    SplittableRandom random = new SplittableRandom(7);
    List<CapabilityRun> runs = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      double parameters = 1e8 * Math.pow(2, i % 6);
      double tokens = 20 * parameters * (1 + i / 6);
      double loss = 1.7 + 400 / Math.pow(parameters, 0.34) + 410 / Math.pow(tokens, 0.28);
      runs.add(new CapabilityRun(parameters, tokens, loss, link.score(loss) + 0.01 * (random.nextDouble() - 0.5)));
    }
    return runs;
  }

  @Test
  void intervalsHoldThePointForecastAndWidenAwayFromTheRuns() {
    List<CapabilityRun> runs = ladder(new SigmoidLink(0, 0.7, 2.4, 3));
    // The bootstrap alone: each resample's own sigmoid, evaluated beyond the runs, widens the interval.
    CapabilityForecaster forecaster =
        CapabilityForecaster.fit(runs, new ForecastSettings(0, 1, 200, 3, 0.9, ExtrapolationError.NONE));
    double minLoss = runs.stream().mapToDouble(CapabilityRun::loss).min().orElseThrow();
    CapabilityForecast inside = forecaster.atLoss(minLoss + 0.2);
    CapabilityForecast beyond = forecaster.atLoss(minLoss - 0.4);
    for (CapabilityForecast f : List.of(inside, beyond)) {
      assertTrue(f.scoreLower() <= f.score() && f.score() <= f.scoreUpper(), f.toString());
    }
    assertTrue(beyond.scoreUpper() - beyond.scoreLower() > inside.scoreUpper() - inside.scoreLower());
    assertTrue(beyond.lossBeyondRuns() > 0 && inside.lossBeyondRuns() < 0);
    // Lower loss never forecasts a lower score; more compute never forecasts a higher loss.
    double previous = Double.NEGATIVE_INFINITY;
    for (double loss = minLoss + 1.0; loss > minLoss - 0.8; loss -= 0.1) {
      double score = forecaster.atLoss(loss).score();
      assertTrue(score >= previous, "loss " + loss);
      previous = score;
    }
    double previousLoss = Double.POSITIVE_INFINITY;
    for (double flops = 1e19; flops <= 1e24; flops *= 10) {
      double loss = forecaster.atCompute(flops).loss();
      assertTrue(loss <= previousLoss, "compute " + flops);
      previousLoss = loss;
    }
    CapabilityForecast compute = forecaster.atCompute(1e22);
    assertTrue(compute.extrapolationOom().getAsDouble() > 0);
    assertTrue(compute.lossLower().getAsDouble() <= compute.loss() && compute.loss() <= compute.lossUpper().getAsDouble());
  }

  @Test
  void extrapolationTermIsZeroInsideTheRunsAndGrowsWithTheDistanceBeyond() {
    List<CapabilityRun> runs = ladder(new SigmoidLink(0, 0.7, 2.4, 3));
    ForecastSettings settings = new ForecastSettings(0, 1, 200, 3, 0.9, ExtrapolationError.NONE);
    CapabilityForecaster off = CapabilityForecaster.fit(runs, settings);
    CapabilityForecaster on =
        CapabilityForecaster.fit(runs, settings.withExtrapolationError(ExtrapolationError.EPOCH_BBH_AGGREGATE));
    CapabilityForecaster task =
        CapabilityForecaster.fit(runs, settings.withExtrapolationError(ExtrapolationError.EPOCH_BIG_BENCH_TASK));
    double minLoss = runs.stream().mapToDouble(CapabilityRun::loss).min().orElseThrow();
    CapabilityForecast inside = on.atLoss(minLoss + 0.2);
    assertEquals(0, inside.scaledComputeOom());
    assertEquals(0, inside.extrapolationHalfWidth());
    assertEquals(inside.bootstrapLower(), inside.scoreLower(), 1e-15);
    assertEquals(inside.bootstrapUpper(), inside.scoreUpper(), 1e-15);
    double previousOom = 0;
    double previousHalfWidth = 0;
    for (double beyond = 0.05; beyond < 0.4; beyond += 0.05) {
      CapabilityForecast without = off.atLoss(minLoss - beyond);
      CapabilityForecast with = on.atLoss(minLoss - beyond);
      // Same seed, same resamples: the bootstrap component is the interval without the term.
      assertEquals(without.scoreLower(), with.bootstrapLower(), 1e-15);
      assertEquals(without.scoreUpper(), with.bootstrapUpper(), 1e-15);
      assertEquals(0, without.extrapolationHalfWidth());
      assertTrue(without.intervalComponents().contains("extrapolation term off"), without.intervalComponents());
      assertTrue(with.scaledComputeOom() > previousOom && with.extrapolationHalfWidth() > previousHalfWidth);
      assertTrue(with.scoreLower() < with.bootstrapLower() && with.scoreUpper() > with.bootstrapUpper(), with.toString());
      assertTrue(with.scoreLower() <= with.score() && with.score() <= with.scoreUpper());
      // A 90% normal interval: z = 1.6448536 (the standard normal's 95th percentile), sigma = MAE sqrt(pi / 2),
      // MAE = 6 points of a 0-1 score per order of magnitude (Owen 2024), in proportion to the distance.
      assertEquals(
          1.6448536269514722 * Math.sqrt(Math.PI / 2) * 0.06 * with.scaledComputeOom(),
          with.extrapolationHalfWidth(),
          1e-9);
      assertEquals(3 * with.extrapolationHalfWidth(), task.atLoss(minLoss - beyond).extrapolationHalfWidth(), 1e-9);
      assertTrue(with.intervalComponents().contains("Owen 2024"), with.intervalComponents());
      previousOom = with.scaledComputeOom();
      previousHalfWidth = with.extrapolationHalfWidth();
    }
    // Below the fitted law's irreducible loss no compute reaches the loss: no finite error, an error instead.
    assertThrows(IllegalArgumentException.class, () -> on.atLoss(1.0));
    // Far beyond, the 18-point term would pass the best score possible; the interval stops there.
    CapabilityForecast far = task.atLoss(1.9);
    assertTrue(far.scoreUpper() <= 1 && far.score() + far.extrapolationHalfWidth() > 1, far.toString());
    assertTrue(off.atLoss(1.0).score() > 0);
  }
}
