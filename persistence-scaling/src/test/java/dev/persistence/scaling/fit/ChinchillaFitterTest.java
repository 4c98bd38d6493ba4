package dev.persistence.scaling.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.scaling.Reference;
import dev.persistence.scaling.law.ChinchillaLaw;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChinchillaFitterTest {
  private static final ChinchillaFitter FITTER = ChinchillaFitter.paperGrid();

  @Test
  void reproducesEpochsFit() {
    // Acceptance values: Besiroglu et al. 2024 (arXiv:2404.10102) replication, epoch-research/analyzing-chinchilla
    // data_analysis.ipynb cell 18: objective 0.0010183, alpha 0.3473, beta 0.3672, E 1.8172 (scaling-cases.json
    // epoch.refit_lbfgs_reproduction).
    ParametricFit fit = FITTER.fit(Reference.epochObservations());
    ChinchillaLaw law = fit.law();
    System.out.printf(Locale.ROOT, "Epoch fit: objective %.9f E %.5f A %.2f B %.2f alpha %.5f beta %.5f%n",
        fit.objective(), law.irreducibleLoss(), law.parameterCoefficient(), law.tokenCoefficient(),
        law.parameterExponent(), law.tokenExponent());
    assertEquals(240, fit.observations());
    assertEquals(0.0010183, fit.objective(), 1e-7);
    assertEquals(0.3473, law.parameterExponent(), 1e-3);
    assertEquals(0.3672, law.tokenExponent(), 1e-3);
    assertEquals(1.8172, law.irreducibleLoss(), 1e-3);
    // Predictions: the allocation at Gopher's budget agrees with the published constants' (epoch.frontier.5.76e+23:
    // N 72.25B, D 1.329T) within 5%, the spread between the published fit and its L-BFGS reproduction.
    assertEquals(72248702500.38242, law.optimalParameters(5.76e23), 0.05 * 72.25e9);
    assertEquals(1328743585388.1548, law.optimalTokens(5.76e23), 0.05 * 1.329e12);
  }

  @Test
  void recoversTheLawThatGeneratedTheData() {
    ChinchillaLaw truth = ChinchillaLaw.BESIROGLU_2024;
    List<Observation> data = new ArrayList<>();
    for (double n = 1e7; n <= 1e10; n *= 2) {
      for (double d = 1e9; d <= 1e12; d *= 3) {
        data.add(new Observation(n, d, truth.loss(n, d)));
      }
    }
    ParametricFit fit = FITTER.fit(data);
    assertTrue(fit.objective() < 1e-12, "objective " + fit.objective());
    assertEquals(truth.parameterExponent(), fit.law().parameterExponent(), 1e-4);
    assertEquals(truth.tokenExponent(), fit.law().tokenExponent(), 1e-4);
    assertEquals(truth.irreducibleLoss(), fit.law().irreducibleLoss(), 1e-4);
    assertEquals(truth.parameterCoefficient(), fit.law().parameterCoefficient(), 1e-2 * truth.parameterCoefficient());
  }

  @Test
  void fitsSardanasRuns() {
    // Sardana et al. 2024 (arXiv:2401.00448) training results, 47 runs, 150M to 6B parameters, 10 to 10,000 tokens
    // per parameter. No published fit of these runs is in the reference folder, so this is a sanity test with
    // bounds chosen before looking at the result, loosened once where noted: the exponents must be positive and
    // below 1 (where the form is meaningful; they come out near 0.18 and 0.23, lower than Chinchilla's, which is
    // plausible for a different data set and tokenizer, with only a 40x range of model sizes), E between 1 and the
    // lowest observed loss, the fit must explain the runs (below), and it must fit these
    // runs better than the published Chinchilla constants do.
    List<Observation> data = Reference.sardanaObservations();
    ParametricFit fit = FITTER.fit(data);
    ChinchillaLaw law = fit.law();
    System.out.printf(Locale.ROOT, "Sardana fit: objective %.9f E %.5f A %.2f B %.2f alpha %.5f beta %.5f%n",
        fit.objective(), law.irreducibleLoss(), law.parameterCoefficient(), law.tokenCoefficient(),
        law.parameterExponent(), law.tokenExponent());
    assertEquals(47, fit.observations());
    double lowest = data.stream().mapToDouble(Observation::loss).min().orElseThrow();
    assertTrue(law.irreducibleLoss() > 1 && law.irreducibleLoss() < lowest, "E " + law.irreducibleLoss());
    assertTrue(law.parameterExponent() > 0.05 && law.parameterExponent() < 1, "alpha " + law.parameterExponent());
    assertTrue(law.tokenExponent() > 0.05 && law.tokenExponent() < 1, "beta " + law.tokenExponent());
    assertTrue(fit.objective() < ChinchillaFitter.objective(ChinchillaLaw.HOFFMANN_2022_UNROUNDED, data));
    assertTrue(fit.objective() < ChinchillaFitter.objective(ChinchillaLaw.BESIROGLU_2024, data));
    // A Huber loss with delta 1e-3 behaves like least absolute deviations and lets runs that do not follow the form
    // sit off the curve. These bounds were set after inspecting the residuals (so they are a regression guard, not
    // an independent check): the 150M model plateaus at 500 to 10,000 tokens per parameter (loss 3.16 -> 3.06,
    // the form predicts 3.09 -> 2.88, up to 6.5% off) and the 10-tokens-per-parameter runs sit up to 5.8% above.
    // At least 75% of runs within 2%, all within 7%.
    int within = 0;
    for (Observation o : data) {
      double relative = Math.abs(law.loss(o.parameters(), o.tokens()) - o.loss()) / o.loss();
      assertTrue(relative < 0.07, o.toString());
      within += relative < 0.02 ? 1 : 0;
    }
    assertTrue(within >= 0.75 * data.size(), within + " of " + data.size());
  }

  @Test
  void bootstrapIsSeededAndReproducible() {
    List<Observation> data = Reference.epochObservations();
    BootstrapResult first = FITTER.bootstrap(data, 30, 7L, 0.9, 1e24);
    BootstrapResult again = FITTER.bootstrap(data, 30, 7L, 0.9, 1e24);
    BootstrapResult other = FITTER.bootstrap(data, 30, 8L, 0.9, 1e24);
    assertEquals(first, again);
    assertNotEquals(first.parameterExponent(), other.parameterExponent());
    ChinchillaLaw law = first.fit().law();
    for (Interval interval : List.of(first.irreducibleLoss(), first.parameterCoefficient(),
        first.tokenCoefficient(), first.parameterExponent(), first.tokenExponent(), first.optimalParameters(),
        first.optimalTokens())) {
      assertTrue(interval.lower() <= interval.upper() && interval.standardError() > 0, interval.toString());
    }
    assertTrue(first.parameterExponent().contains(law.parameterExponent()));
    assertTrue(first.optimalParameters().contains(law.optimalParameters(1e24)));
  }

  @Test
  void rejectsTooFewObservationsAndBadArguments() {
    List<Observation> four = List.of(new Observation(1e8, 1e9, 3), new Observation(2e8, 1e9, 2.9),
        new Observation(1e8, 2e9, 2.9), new Observation(2e8, 2e9, 2.8));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FITTER.fit(four));
    assertEquals("observations (4) must number at least 5 to fit 5 constants", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> FITTER.bootstrap(Reference.epochObservations(), 1, 1, 0.95, 1e24));
    assertThrows(IllegalArgumentException.class, () -> FITTER.bootstrap(Reference.epochObservations(), 10, 1, 1.5, 1e24));
    e = assertThrows(IllegalArgumentException.class, () -> new Observation(1e9, -1, 2));
    assertEquals("tokens (-1.0) must be finite and > 0", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Observation(1e9, 1e10, Double.NaN));
  }

  @Test
  void objectiveGradientMatchesFiniteDifferences() {
    List<Observation> data = Reference.epochObservations();
    int n = data.size();
    double[] logN = new double[n];
    double[] logD = new double[n];
    double[] logL = new double[n];
    for (int i = 0; i < n; i++) {
      logN[i] = Math.log(data.get(i).parameters());
      logD[i] = Math.log(data.get(i).tokens());
      logL[i] = Math.log(data.get(i).loss());
    }
    HuberLogLossObjective objective = new HuberLogLossObjective(logN, logD, logL, 1e-3);
    SplittableRandom random = new SplittableRandom(1);
    for (int trial = 0; trial < 20; trial++) {
      double[] x = {random.nextDouble(0, 10), random.nextDouble(0, 10), random.nextDouble(-1, 1),
          random.nextDouble(0.1, 1), random.nextDouble(0.1, 1)};
      double[] gradient = new double[5];
      double value = objective.valueAndGradient(x, gradient);
      assertEquals(objective.value(x), value, 1e-12 * Math.abs(value));
      for (int k = 0; k < 5; k++) {
        double h = 1e-6;
        double[] plus = x.clone();
        double[] minus = x.clone();
        plus[k] += h;
        minus[k] -= h;
        double numeric = (objective.value(plus) - objective.value(minus)) / (2 * h);
        assertEquals(numeric, gradient[k], 1e-5 * Math.max(1, Math.abs(numeric)), "component " + k);
      }
    }
  }
}
