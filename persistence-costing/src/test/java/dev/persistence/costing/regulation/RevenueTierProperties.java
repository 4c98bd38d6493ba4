package dev.persistence.costing.regulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.testkit.Gen;
import dev.persistence.testkit.Property;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Revenue tiers: revenue above the figure always crosses, at or below never does, the verdict is monotonic in
 * revenue, and an assessment marks exactly the tiered obligations.
 */
class RevenueTierProperties {

  private static Optional<DeveloperRevenue> revenue(double usd) {
    return Optional.of(new DeveloperRevenue(usd, 2025));
  }

  @Test
  void aboveTheFigureAlwaysCrosses() {
    Property.forAll(Gen.logUniform(1e6, 1e12), Gen.logUniform(1.0000001, 1e3))
        .verify(
            (figure, factor) -> {
              RevenueTier tier = withFigure(figure);
              assertEquals(TierStatus.CROSSED, tier.status(revenue(figure * factor)));
              assertEquals(TierStatus.NOT_CROSSED, tier.status(revenue(figure / factor)));
              assertEquals(TierStatus.NOT_CROSSED, tier.status(revenue(figure)));
            });
  }

  @Test
  void theVerdictIsMonotonicInRevenue() {
    Property.forAll(Gen.logUniform(1e6, 1e12), Gen.logUniform(1e5, 1e13), Gen.logUniform(1e5, 1e13))
        .verify(
            (figure, a, b) -> {
              RevenueTier tier = withFigure(figure);
              double low = Math.min(a, b);
              double high = Math.max(a, b);
              if (tier.status(revenue(low)) == TierStatus.CROSSED) {
                assertEquals(TierStatus.CROSSED, tier.status(revenue(high)));
              }
            });
  }

  @Test
  void anAssessmentMarksExactlyTheTieredObligations() {
    Property.forAll(Gen.logUniform(1e5, 1e13), Gen.integers(0, 6), Gen.integers(0, 6))
        .verify(
            (usd, tiered, plain) -> {
              List<Obligation> obligations = new java.util.ArrayList<>();
              for (int i = 0; i < tiered; i++) {
                obligations.add(ObligationsTest.obligation("t" + i, ObligationsTest.SB53_LARGE.id()));
              }
              for (int i = 0; i < plain; i++) {
                obligations.add(ObligationsTest.obligation("p" + i, ""));
              }
              ObligationCatalog catalog = new ObligationCatalog("1", List.of(ObligationsTest.SB53_LARGE), obligations);
              List<ComputeThreshold> crossed = ComputeThresholds.crossed(2e26);
              List<AssessedObligation> known = catalog.assess(crossed, revenue(usd));
              List<AssessedObligation> unknown = catalog.assess(crossed, Optional.empty());
              assertEquals(tiered + plain, known.size());
              TierStatus expected = usd > 5e8 ? TierStatus.CROSSED : TierStatus.NOT_CROSSED;
              assertEquals((long) tiered, known.stream().filter(x -> x.status() == expected).count());
              assertEquals((long) tiered, unknown.stream().filter(x -> x.status() == TierStatus.UNKNOWN).count());
              assertTrue(known.stream().filter(x -> x.tier().isEmpty()).allMatch(AssessedObligation::mayApply));
            });
  }

  private static RevenueTier withFigure(double figure) {
    return RevenueTier.builder()
        .id("t")
        .instrument("law")
        .provision("section")
        .revenueUsdGreaterThan(figure)
        .basis("basis")
        .source("source")
        .verification(Verification.OFFICIAL)
        .build();
  }
}
