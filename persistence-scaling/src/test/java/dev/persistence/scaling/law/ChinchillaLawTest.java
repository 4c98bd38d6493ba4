package dev.persistence.scaling.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ChinchillaLawTest {
  private static final ChinchillaLaw[] LAWS = {
    ChinchillaLaw.HOFFMANN_2022, ChinchillaLaw.HOFFMANN_2022_UNROUNDED, ChinchillaLaw.BESIROGLU_2024,
    ChinchillaLaw.MUENNIGHOFF_2023
  };

  @Test
  void rejectsNonPositiveAndNanInputsNamingTheValue() {
    ChinchillaLaw law = ChinchillaLaw.HOFFMANN_2022;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> law.loss(0, 1e9));
    assertEquals("parameters (0.0) must be finite and > 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> law.loss(1e9, Double.NaN));
    assertEquals("tokens (NaN) must be finite and > 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> law.optimalParameters(-1));
    assertEquals("trainingFlops (-1.0) must be finite and > 0", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> law.loss(Double.POSITIVE_INFINITY, 1e9));
  }

  @Test
  void rejectsInvalidConstantsAtConstruction() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ChinchillaLaw.HOFFMANN_2022.overriding(OptionalDouble.empty(), OptionalDouble.empty(),
            OptionalDouble.empty(), OptionalDouble.of(-0.1), OptionalDouble.empty()));
    assertEquals("parameterExponent (alpha) (-0.1) must be finite and > 0", e.getMessage());
  }

  @Test
  void overridingReplacesOnlyTheGivenConstants() {
    ChinchillaLaw base = ChinchillaLaw.BESIROGLU_2024;
    assertSame(base, base.overriding(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
        OptionalDouble.empty(), OptionalDouble.empty()));
    ChinchillaLaw law = base.overriding(OptionalDouble.of(2.0), OptionalDouble.empty(), OptionalDouble.empty(),
        OptionalDouble.empty(), OptionalDouble.of(0.3));
    assertEquals(2.0, law.irreducibleLoss());
    assertEquals(base.parameterCoefficient(), law.parameterCoefficient());
    assertEquals(base.tokenCoefficient(), law.tokenCoefficient());
    assertEquals(base.parameterExponent(), law.parameterExponent());
    assertEquals(0.3, law.tokenExponent());
    assertEquals(base.loss(1e9, 2e10) - base.irreducibleLoss() + 2.0 - base.tokenTerm(2e10) + law.tokenTerm(2e10),
        law.loss(1e9, 2e10), 1e-12);
  }

  @Test
  void frontierSpendsTheBudgetAndMinimisesLossAlongIt() {
    for (ChinchillaLaw law : LAWS) {
      for (double c = 1e18; c <= 1e27; c *= 10) {
        double n = law.optimalParameters(c);
        double d = law.optimalTokens(c);
        assertEquals(c, 6 * n * d, 1e-9 * c, law.name());
        double best = law.loss(n, d);
        for (double factor : new double[] {0.5, 0.9, 0.99, 1.01, 1.1, 2}) {
          assertTrue(law.loss(n * factor, d / factor) > best, law.name() + " at " + c);
        }
        assertEquals(n, law.optimalParametersForTokens(d), 1e-9 * n);
      }
    }
  }

  @Test
  void exponentsSumToOne() {
    for (ChinchillaLaw law : LAWS) {
      assertEquals(1.0, law.frontierParameterExponent() + law.frontierTokenExponent(), 1e-15);
    }
  }

  @Test
  void lossDecreasesInParametersAndTokensAndStaysAboveE() {
    for (ChinchillaLaw law : LAWS) {
      double previous = Double.POSITIVE_INFINITY;
      for (double n = 1e6; n <= 1e13; n *= 3) {
        double loss = law.loss(n, 1e11);
        assertTrue(loss < previous && loss > law.irreducibleLoss());
        previous = loss;
      }
      previous = Double.POSITIVE_INFINITY;
      for (double d = 1e6; d <= 1e15; d *= 3) {
        double loss = law.loss(1e9, d);
        assertTrue(loss < previous && loss > law.irreducibleLoss());
        previous = loss;
      }
    }
  }
}
