package dev.persistence.scaling.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.scaling.law.ChinchillaLaw;
import dev.persistence.scaling.law.DataConstrainedLaw;
import dev.persistence.scaling.law.KaplanLaw;
import org.junit.jupiter.api.Test;

class AllocationProblemTest {
  private static final ChinchillaLaw LAW = ChinchillaLaw.BESIROGLU_2024;

  private static ImmutableAllocationProblem.Builder problem() {
    return AllocationProblem.builder().law(LAW);
  }

  private interface Builder {}

  @Test
  void unconstrainedComputeAllocationIsTheClosedForm() {
    for (double c = 1e19; c <= 1e26; c *= 10) {
      Allocation a = problem().build().forCompute(c);
      assertEquals(LAW.optimalParameters(c), a.parameters(), 1e-12 * a.parameters());
      assertEquals(LAW.optimalTokens(c), a.tokens(), 1e-9 * a.tokens());
      assertEquals(c, a.trainingFlops(), 1e-9 * c);
      assertEquals(c, a.totalFlops(), 1e-9 * c);
      assertEquals(a.tokens() / a.parameters(), a.tokensPerParameter(), 1e-12);
      assertEquals(LAW.loss(a.parameters(), a.tokens()), a.loss(), 1e-12);
      assertEquals(BindingConstraint.NONE, a.bindingConstraint());
    }
  }

  @Test
  void numericSearchAgreesWithTheClosedForm() {
    // A data-constrained law without a unique-token cap is its base, but goes through the numeric search.
    DataConstrainedLaw numeric = DataConstrainedLaw.MUENNIGHOFF_2023;
    for (double c = 1e19; c <= 1e26; c *= 10) {
      Allocation a = AllocationProblem.builder().law(numeric).build().forCompute(c);
      double expected = numeric.base().optimalParameters(c);
      assertEquals(expected, a.parameters(), 1e-7 * expected);
    }
  }

  @Test
  void uniqueTokenCapBindsWhenTheOptimumNeedsMoreData() {
    double c = 1e24;
    double cap = LAW.optimalTokens(c) / 4;
    Allocation a = problem().uniqueTokens(cap).build().forCompute(c);
    assertEquals(BindingConstraint.UNIQUE_TOKENS, a.bindingConstraint());
    assertEquals(cap, a.tokens(), 1e-9 * cap);
    assertEquals(c, a.trainingFlops(), 1e-9 * c);
    Allocation loose = problem().uniqueTokens(LAW.optimalTokens(c) * 4).build().forCompute(c);
    assertEquals(BindingConstraint.NONE, loose.bindingConstraint());
  }

  @Test
  void repetitionBeatsAHardCap() {
    // Muennighoff et al.: with repetition modelled, training past the unique tokens beats stopping at them.
    double c = 1e22;
    double unique = 25e9;
    Allocation repeated = AllocationProblem.builder().law(DataConstrainedLaw.MUENNIGHOFF_2023)
        .uniqueTokens(unique).build().forCompute(c);
    Allocation capped = AllocationProblem.builder().law(ChinchillaLaw.MUENNIGHOFF_2023)
        .uniqueTokens(unique).build().forCompute(c);
    assertTrue(repeated.tokens() > unique);
    assertEquals(BindingConstraint.UNIQUE_TOKENS, capped.bindingConstraint());
    assertTrue(DataConstrainedLaw.MUENNIGHOFF_2023.loss(repeated.parameters(), repeated.tokens(), unique)
        <= DataConstrainedLaw.MUENNIGHOFF_2023.loss(capped.parameters(), capped.tokens(), unique));
  }

  @Test
  void parameterCapBinds() {
    double c = 1e25;
    double cap = LAW.optimalParameters(c) / 3;
    Allocation a = problem().maxParameters(cap).build().forCompute(c);
    assertEquals(BindingConstraint.MAX_PARAMETERS, a.bindingConstraint());
    assertEquals(cap, a.parameters(), 1e-9 * cap);
    assertEquals(c / (6 * cap), a.tokens(), 1e-9 * a.tokens());
  }

  @Test
  void fixedTokensFixTheModelSize() {
    Allocation a = problem().fixedTokens(1e12).build().forCompute(6e22);
    assertEquals(BindingConstraint.FIXED_TOKENS, a.bindingConstraint());
    assertEquals(1e10, a.parameters(), 1e-3);
    Allocation byLoss = problem().fixedTokens(1e12).build().forTargetLoss(a.loss());
    assertEquals(1e10, byLoss.parameters(), 1e-6 * 1e10);
  }

  @Test
  void targetLossWithoutInferenceLandsOnTheFrontier() {
    for (double c = 1e20; c <= 1e26; c *= 10) {
      double target = problem().build().forCompute(c).loss();
      Allocation a = problem().build().forTargetLoss(target);
      assertEquals(target, a.loss(), 1e-10);
      assertEquals(c, a.totalFlops(), 1e-7 * c);
      assertEquals(LAW.optimalParameters(c), a.parameters(), 1e-6 * a.parameters());
    }
  }

  @Test
  void inferenceDemandShrinksTheModelAndTrainsLonger() {
    // Sardana et al. 2024: with inference demand, the cheapest model at a loss is smaller and trained on more data.
    double target = problem().build().forCompute(1e24).loss();
    Allocation training = problem().build().forTargetLoss(target);
    double previousN = training.parameters();
    for (double inference : new double[] {1e12, 1e13, 1e14}) {
      Allocation a = problem().inferenceTokens(inference).build().forTargetLoss(target);
      assertEquals(target, a.loss(), 1e-10);
      assertTrue(a.parameters() < previousN);
      assertTrue(a.tokens() > training.tokens());
      assertEquals(a.trainingFlops() + 2 * a.parameters() * inference, a.totalFlops(), 1e-9 * a.totalFlops());
      // No other point on the loss curve is cheaper in total compute.
      for (double factor : new double[] {0.9, 1.1}) {
        double n = a.parameters() * factor;
        double room = target - LAW.irreducibleLoss() - LAW.parameterTerm(n);
        double d = Math.pow(LAW.tokenCoefficient() / room, 1 / LAW.tokenExponent());
        assertTrue(6 * n * d + 2 * n * inference > a.totalFlops());
      }
      previousN = a.parameters();
    }
  }

  @Test
  void inferenceDemandInAComputeBudgetIsSpentExactly() {
    Allocation a = problem().inferenceTokens(1e13).build().forCompute(1e24);
    assertEquals(1e24, a.totalFlops(), 1e-9 * 1e24);
    assertTrue(a.parameters() < LAW.optimalParameters(1e24));
  }

  @Test
  void worksForKaplanToo() {
    Allocation a = AllocationProblem.builder().law(KaplanLaw.TABLE_2).build().forTargetLoss(2.5);
    assertEquals(2.5, a.loss(), 1e-9);
  }

  @Test
  void rejectsInvalidBudgetsAndUnreachableLosses() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> problem().build().forCompute(0));
    assertEquals("compute (0.0) must be finite and > 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> problem().build().forTargetLoss(1.8172));
    assertEquals("targetLoss (1.8172) must be finite and > the irreducible loss E (1.8172) of law epoch", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> problem().build().forTargetLoss(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> problem().inferenceTokens(-1).build());
    assertThrows(IllegalArgumentException.class, () -> problem().uniqueTokens(1e9).maxParameters(1e9).build()
        .forCompute(1e25));
    assertThrows(IllegalArgumentException.class, () -> problem().uniqueTokens(1e9).build().forTargetLoss(1.9));
  }
}
