package dev.persistence.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.testkit.Gen;
import dev.persistence.testkit.Property;
import dev.persistence.testkit.data.DataGen;
import org.junit.jupiter.api.Test;

/** Invariants of {@link DataMixture#allocate} over generated mixtures and budgets. */
class DataMixtureProperties {

  @Test
  void tokensDrawnSumToTheBudget() {
    Property.forAll(DataGen.mixtures(), DataGen.budgets())
        .verify(
            (mixture, budget) -> {
              MixtureAllocation allocation = mixture.allocate(budget);
              assertEquals(budget, allocation.totalTokens(), 1e-12 * budget);
              for (SourceAllocation source : allocation.sources()) {
                assertTrue(source.tokens() >= 0);
              }
            });
  }

  @Test
  void epochsScaleLinearlyWithTheBudget() {
    Property.forAll(DataGen.mixtures(), DataGen.budgets(), Gen.doubles(0.01, 100.0))
        .verify(
            (mixture, budget, factor) -> {
              MixtureAllocation base = mixture.allocate(budget);
              MixtureAllocation scaled = mixture.allocate(budget * factor);
              for (int i = 0; i < base.sources().size(); i++) {
                double expected = base.sources().get(i).epochs() * factor;
                assertEquals(expected, scaled.sources().get(i).epochs(), 1e-12 * expected);
              }
            });
  }

  @Test
  void aSourceIsFlaggedExactlyWhenItsEpochsExceedTheCap() {
    Property.forAll(DataGen.mixtures(), DataGen.budgets())
        .verify(
            (mixture, budget) -> {
              for (SourceAllocation source : mixture.allocate(budget).sources()) {
                assertEquals(source.epochs() > mixture.epochCap(), source.overRepeated(), source.name());
                assertEquals(Math.min(source.tokens(), source.source().tokens()), source.uniqueTokens());
              }
            });
  }

  @Test
  void uniqueTokensNeverExceedTheBudgetOrWhatIsAvailable() {
    Property.forAll(DataGen.mixtures(), DataGen.budgets())
        .verify(
            (mixture, budget) -> {
              MixtureAllocation allocation = mixture.allocate(budget);
              assertTrue(allocation.uniqueTokens() <= budget * (1 + 1e-12));
              assertTrue(allocation.uniqueTokens() <= mixture.availableTokens() * (1 + 1e-12));
            });
  }
}
