package dev.persistence.scaling.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.scaling.law.ChinchillaLaw;
import dev.persistence.scaling.law.DataConstrainedLaw;
import dev.persistence.testkit.Gen;
import dev.persistence.testkit.Property;
import org.junit.jupiter.api.Test;

/** Invariants of compute-optimal allocation over generated budgets and constraints (persistence-testkit). */
class AllocationProperties {
  private static final Gen<ChinchillaLaw> LAWS = Gen.elements(
      ChinchillaLaw.HOFFMANN_2022, ChinchillaLaw.HOFFMANN_2022_UNROUNDED, ChinchillaLaw.BESIROGLU_2024,
      ChinchillaLaw.MUENNIGHOFF_2023);

  @Test
  void aPlanSpendsExactlyItsBudgetAndRespectsItsCaps() {
    Property.forAll(LAWS, Gen.logUniform(1e18, 1e27), Gen.logUniform(0.05, 20)).verify((law, compute, capFactor) -> {
      double cap = law.optimalParameters(compute) * capFactor;
      Allocation a = AllocationProblem.builder().law(law).maxParameters(cap).build().forCompute(compute);
      assertEquals(compute, a.trainingFlops(), 1e-9 * compute);
      assertTrue(a.parameters() <= cap * (1 + 1e-12));
      assertEquals(capFactor < 1 ? BindingConstraint.MAX_PARAMETERS : BindingConstraint.NONE, a.bindingConstraint());
    });
  }

  @Test
  void moreComputeNeverRaisesTheLoss() {
    Property.forAll(LAWS, Gen.logUniform(1e18, 1e27), Gen.logUniform(1.01, 100)).verify((law, compute, more) -> {
      AllocationProblem problem = AllocationProblem.builder().law(law).build();
      assertTrue(problem.forCompute(compute * more).loss() < problem.forCompute(compute).loss());
    });
  }

  @Test
  void targetLossAndComputeBudgetAreInverses() {
    Property.forAll(LAWS, Gen.logUniform(1e19, 1e26), Gen.logUniform(1e9, 1e14)).verify((law, compute, inference) -> {
      AllocationProblem problem = AllocationProblem.builder().law(law).inferenceTokens(inference).build();
      Allocation byCompute = problem.forCompute(compute);
      Allocation byLoss = problem.forTargetLoss(byCompute.loss());
      // Same point from both sides: the lowest loss for a budget is reached at least cost by that budget.
      assertEquals(compute, byLoss.totalFlops(), 1e-6 * compute);
      assertEquals(byCompute.parameters(), byLoss.parameters(), 1e-4 * byCompute.parameters());
    });
  }

  @Test
  void repeatedDataIsNeverWorseThanStoppingAtTheUniqueTokens() {
    Property.forAll(Gen.logUniform(1e20, 1e24), Gen.logUniform(1e9, 1e12)).verify((compute, unique) -> {
      DataConstrainedLaw law = DataConstrainedLaw.MUENNIGHOFF_2023;
      Allocation repeated = AllocationProblem.builder().law(law).uniqueTokens(unique).build().forCompute(compute);
      Allocation capped = AllocationProblem.builder().law(law.base()).uniqueTokens(unique).build().forCompute(compute);
      assertEquals(compute, repeated.trainingFlops(), 1e-9 * compute);
      assertTrue(repeated.loss()
          <= law.loss(capped.parameters(), capped.tokens(), unique) + 1e-12);
    });
  }
}
