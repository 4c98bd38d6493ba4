package dev.persistence.scaling.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScalingLawsTest {
  @Test
  void everyLawHasAUniqueNameADescriptionAndASource() {
    Set<String> names = new HashSet<>();
    for (ScalingLaw law : ScalingLaws.all()) {
      assertTrue(names.add(law.name()), law.name());
      assertFalse(law.description().isBlank(), law.name());
      assertFalse(law.source().isBlank(), law.name());
      assertSame(law, ScalingLaws.named(law.name()));
    }
    assertTrue(names.containsAll(Set.of("chinchilla", "chinchilla-unrounded", "epoch", "muennighoff", "kaplan",
        "deepseek", "llama3", "krajewski-moe")));
  }

  @Test
  void lookupIsCaseInsensitiveAndUnknownNamesAreListed() {
    assertSame(ChinchillaLaw.BESIROGLU_2024, ScalingLaws.named("EPOCH"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScalingLaws.named("gpt5"));
    assertTrue(e.getMessage().startsWith("law (gpt5) is not one of chinchilla, chinchilla-unrounded"), e.getMessage());
  }

  @Test
  void unverifiedConstantsSayThatInTheirSource() {
    for (String name : new String[] {"clark-s-base", "clark-rl-r", "clark-hash", "kumar-precision"}) {
      assertTrue(ScalingLaws.named(name).source().contains("not checked"), name);
    }
    // Krajewski's Table 1 was read in the paper's own text, so its source must no longer claim otherwise.
    for (String name : new String[] {"krajewski-moe", "krajewski-dense"}) {
      assertTrue(ScalingLaws.named(name).source().contains("checked against the paper"), name);
      assertFalse(ScalingLaws.named(name).source().contains("not checked"), name);
    }
  }

  @Test
  void chinchillaFormAndLossLawLookups() {
    assertSame(ChinchillaLaw.MUENNIGHOFF_2023, ScalingLaws.chinchillaForm("muennighoff"));
    assertSame(KaplanLaw.TABLE_2, ScalingLaws.lossLaw("kaplan"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScalingLaws.chinchillaForm("kaplan"));
    assertTrue(e.getMessage().contains("is not of the form E + A/N^alpha + B/D^beta"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ScalingLaws.lossLaw("deepseek"));
    assertTrue(e.getMessage().startsWith("law (deepseek) does not predict loss"), e.getMessage());
  }

  @Test
  void petaflopDayConversionRoundTrips() {
    assertEquals(8.64e19, ComputeUnits.FLOPS_PER_PETAFLOP_DAY);
    for (double c = 1e15; c < 1e30; c *= 7) {
      assertEquals(c, ComputeUnits.flops(ComputeUnits.petaflopDays(c)), 1e-12 * c);
    }
    assertThrows(IllegalArgumentException.class, () -> ComputeUnits.petaflopDays(Double.NaN));
  }

  @Test
  void tokensPerParameterPresetsSpendTheBudget() {
    for (TokensPerParameter rule : TokensPerParameter.values()) {
      double n = rule.parametersForCompute(1e24);
      assertEquals(1e24, ComputeUnits.trainingFlops(n, rule.tokensForParameters(n)), 1e12);
      assertFalse(rule.source().isBlank());
    }
  }
}
