package dev.persistence.scaling.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DataConstrainedLawTest {
  private final DataConstrainedLaw law = DataConstrainedLaw.MUENNIGHOFF_2023;

  @Test
  void oneEpochIsWorthItsTokensAndRepetitionSaturates() {
    double unique = 1e10;
    assertEquals(unique, law.effectiveTokens(unique, unique), 1e-3);
    assertEquals(5e9, law.effectiveTokens(5e9, unique), 1e-3);
    double previous = 0;
    for (double epochs = 1; epochs <= 1000; epochs *= 1.5) {
      double effective = law.effectiveTokens(epochs * unique, unique);
      // Monotone, never more than the raw tokens, never past the asymptote U (1 + R_D*).
      assertTrue(effective >= previous && effective <= epochs * unique * (1 + 1e-12));
      assertTrue(effective <= unique * (1 + law.tokenRepetitionDecay()));
      previous = effective;
    }
  }

  @Test
  void withAmpleDataTheLawIsItsBase() {
    // N below N_opt(U) and one epoch: N' = N, D' = D.
    double n = 1e8;
    double d = 2e9;
    assertEquals(law.base().loss(n, d), law.loss(n, d, 1e12), 1e-12);
  }

  @Test
  void rejectsInvalidInputs() {
    assertThrows(IllegalArgumentException.class, () -> law.loss(1e9, 1e10, 0));
    assertThrows(IllegalArgumentException.class, () -> law.effectiveTokens(Double.NaN, 1e9));
  }
}
