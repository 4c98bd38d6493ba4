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

  @Test
  void javaConstantsAndRegistryNamesFindTheSameLaw() {
    assertSame(ChinchillaLaw.HOFFMANN_2022, ScalingLaws.named("chinchilla"));
    assertSame(ChinchillaLaw.HOFFMANN_2022, ScalingLaws.named("ChinchillaLaw.HOFFMANN_2022"));
    assertSame(ChinchillaLaw.HOFFMANN_2022, ScalingLaws.named("HOFFMANN_2022"));
    assertSame(ChinchillaLaw.BESIROGLU_2024, ScalingLaws.named("besiroglu_2024"));
    assertSame(KaplanLaw.TABLE_5, ScalingLaws.named("KaplanLaw.TABLE_5"));
    // MUENNIGHOFF_2023 is a constant of two classes: only the qualified names are accepted.
    assertSame(ChinchillaLaw.MUENNIGHOFF_2023, ScalingLaws.named("ChinchillaLaw.MUENNIGHOFF_2023"));
    assertSame(DataConstrainedLaw.MUENNIGHOFF_2023, ScalingLaws.named("DataConstrainedLaw.MUENNIGHOFF_2023"));
    assertThrows(IllegalArgumentException.class, () -> ScalingLaws.named("MUENNIGHOFF_2023"));
    assertEquals("ChinchillaLaw.BESIROGLU_2024", ScalingLaws.javaConstant(ScalingLaws.named("epoch")).orElseThrow());
    for (ScalingLaw law : ScalingLaws.all()) {
      String constant = ScalingLaws.javaConstant(law).orElseThrow(() -> new AssertionError(law.name()));
      assertSame(law, ScalingLaws.named(constant), constant);
    }
    assertTrue(ScalingLaws.javaConstant(ChinchillaLaw.HOFFMANN_2022.overriding(
        java.util.OptionalDouble.of(1.7), java.util.OptionalDouble.empty(), java.util.OptionalDouble.empty(),
        java.util.OptionalDouble.empty(), java.util.OptionalDouble.empty())).isEmpty());
  }
}
