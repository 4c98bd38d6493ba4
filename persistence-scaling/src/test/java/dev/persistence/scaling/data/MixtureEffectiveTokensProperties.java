package dev.persistence.scaling.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.data.DataMixture;
import dev.persistence.core.data.DataSize;
import dev.persistence.core.data.DataSource;
import dev.persistence.core.data.ImmutableDataSource;
import dev.persistence.core.data.MixtureComponent;
import dev.persistence.scaling.law.DataConstrainedLaw;
import dev.persistence.testkit.Gen;
import dev.persistence.testkit.Property;
import dev.persistence.testkit.data.DataGen;
import org.junit.jupiter.api.Test;

/** Invariants of a mixture's effective tokens under the Muennighoff et al. 2023 law. */
class MixtureEffectiveTokensProperties {
  private static final DataConstrainedLaw LAW = DataConstrainedLaw.MUENNIGHOFF_2023;

  @Test
  void effectiveTokensNeverExceedActualTokens() {
    Property.forAll(DataGen.mixtures(), DataGen.budgets())
        .verify(
            (mixture, budget) -> {
              MixtureEffectiveTokens effective = MixtureEffectiveTokens.of(LAW, mixture.allocate(budget));
              assertTrue(effective.effectiveTokens() <= effective.tokens() * (1 + 1e-12));
              for (SourceEffectiveTokens source : effective.sources()) {
                assertTrue(source.effectiveTokens() <= source.tokens() * (1 + 1e-12), source.name());
                assertTrue(source.effectiveTokens() >= source.uniqueTokens() * (1 - 1e-12), source.name());
              }
            });
  }

  @Test
  void withoutRepetitionEffectiveTokensEqualActualTokens() {
    Property.forAll(DataGen.mixtures(), Gen.doubles(0.01, 1.0))
        .verify(
            (mixture, fraction) -> {
              // The largest budget that repeats no source, times a fraction.
              double budget = Double.POSITIVE_INFINITY;
              for (MixtureComponent component : mixture.components()) {
                budget = Math.min(budget, component.source().tokens() / component.weight());
              }
              budget *= fraction;
              MixtureEffectiveTokens effective = MixtureEffectiveTokens.of(LAW, mixture.allocate(budget));
              assertEquals(effective.tokens(), effective.effectiveTokens(), 1e-12 * budget);
              assertEquals(effective.tokens(), effective.uniqueTokens(), 1e-12 * budget);
            });
  }

  @Test
  void moreUniqueDataNeverLowersEffectiveTokens() {
    Property.forAll(DataGen.mixtures(), DataGen.budgets(), Gen.doubles(1.0, 1000.0))
        .verify(
            (mixture, budget, growth) -> {
              int grown = 0;
              var larger = DataMixture.builder().from(mixture).components(java.util.List.of());
              for (MixtureComponent component : mixture.components()) {
                DataSource source = component.source();
                if (grown++ == 0) {
                  source =
                      ImmutableDataSource.copyOf(source)
                          .withSize(DataSize.tokens(source.tokens() * growth, source.size().tokenizer()));
                }
                larger.addComponents(new MixtureComponent(source, component.weight()));
              }
              double before = MixtureEffectiveTokens.of(LAW, mixture.allocate(budget)).effectiveTokens();
              double after = MixtureEffectiveTokens.of(LAW, larger.build().allocate(budget)).effectiveTokens();
              assertTrue(after >= before * (1 - 1e-12), before + " -> " + after);
            });
  }

  @Test
  void perSourceEffectiveTokensNeverExceedTheLawAppliedToTheTotals() {
    Property.forAll(DataGen.mixtures(), DataGen.budgets())
        .verify(
            (mixture, budget) -> {
              MixtureEffectiveTokens effective = MixtureEffectiveTokens.of(LAW, mixture.allocate(budget));
              double totals = LAW.effectiveTokens(effective.tokens(), effective.uniqueTokens());
              assertTrue(effective.effectiveTokens() <= totals * (1 + 1e-9));
            });
  }

  @Test
  void repetitionLossPenaltyIsNeverNegative() {
    Property.forAll(DataGen.mixtures(), DataGen.budgets(), Gen.logUniform(1e8, 1e12))
        .verify(
            (mixture, budget, parameters) -> {
              DataAdequacy adequacy =
                  DataAdequacy.assess(LAW, new TokenTarget(parameters, budget, "test"), mixture);
              assertTrue(adequacy.lossPenalty() >= -1e-12, "penalty " + adequacy.lossPenalty());
              assertTrue(adequacy.repetition() >= 1 - 1e-12);
            });
  }
}
