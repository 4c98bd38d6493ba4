package dev.persistence.costing.regulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The rules about obligations that are arithmetic, and the catalog's checks. The bundled obligations are data,
 * tested against reference/regulation.json in persistence-io (ObligationDocumentsTest).
 */
class ObligationsTest {

  /** SB 53's tier as Bus. & Prof. Code 22757.11 words it (reference/regulation.json, reg-ca-sb53-thresholds). */
  static final RevenueTier SB53_LARGE =
      RevenueTier.builder()
          .id("ca-sb53-large-frontier-developer")
          .instrument("California SB 53 (TFAIA)")
          .provision("Bus. & Prof. Code section 22757.11")
          .revenueUsdGreaterThan(500_000_000)
          .basis("annual gross revenues, together with affiliates, in the preceding calendar year")
          .source("reference/regulation.json, reg-ca-sb53-thresholds")
          .verification(Verification.OFFICIAL)
          .build();

  static Obligation obligation(String id, String tier) {
    return Obligation.builder()
        .id(id)
        .thresholdId(ComputeThreshold.CALIFORNIA_SB_53_FRONTIER_MODEL.id())
        .instrument("California SB 53 (TFAIA)")
        .provision("section 22757.12")
        .duty("a duty")
        .appliesTo("")
        .revenueTier(tier)
        .appliesFrom(LocalDate.of(2026, 1, 1))
        .transition("")
        .sanction("a sanction")
        .source("a source")
        .verification(Verification.SECONDARY)
        .build();
  }

  @Test
  void theModifierRuleIsMoreThanAThird() {
    // Commission GPAI guidelines (reference/regulation.json, reg-eu-guidelines-modifier): "more than a third".
    assertFalse(Obligations.modifierBecomesProvider(1e24, 3e24));
    assertTrue(Obligations.modifierBecomesProvider(Math.nextUp(1e24), 3e24));
    assertThrows(IllegalArgumentException.class, () -> Obligations.modifierBecomesProvider(-1, 3e24));
    assertThrows(IllegalArgumentException.class, () -> Obligations.modifierBecomesProvider(1, 0));
  }

  @Test
  void sb53sTierIsStrictlyAboveHalfABillion() {
    // "in excess of five hundred million dollars": $500,000,000 itself is not in the tier.
    assertEquals(TierStatus.NOT_CROSSED, SB53_LARGE.status(Optional.of(new DeveloperRevenue(500_000_000, 2025))));
    assertEquals(TierStatus.CROSSED, SB53_LARGE.status(Optional.of(new DeveloperRevenue(500_000_001, 2025))));
    assertEquals(TierStatus.UNKNOWN, SB53_LARGE.status(Optional.empty()));
  }

  @Test
  void theCatalogChecksItsIdsAndTiers() {
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ObligationCatalog("1", List.of(), List.of(obligation("a", "no-such-tier"))).requireTiers());
    assertTrue(missing.getMessage().contains("revenueTier (no-such-tier) must be one of"), missing.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> new ObligationCatalog("1", List.of(SB53_LARGE), List.of(obligation("a", ""), obligation("a", ""))));
    assertThrows(IllegalArgumentException.class, () -> new DeveloperRevenue(-1, 2025));
    IllegalArgumentException year = assertThrows(IllegalArgumentException.class, () -> new DeveloperRevenue(1, 20250));
    assertEquals("year (20250) must be in [1900, 2200]", year.getMessage());
  }

  @Test
  void aUserEntryReplacesByIdInPlace() {
    ObligationCatalog base =
        new ObligationCatalog("1", List.of(SB53_LARGE), List.of(obligation("a", ""), obligation("b", SB53_LARGE.id())));
    ObligationCatalog user = new ObligationCatalog("u", List.of(), List.of(obligation("a", SB53_LARGE.id()), obligation("c", "")));
    ObligationCatalog merged = base.withUserEntries(user);
    assertEquals(List.of("a", "b", "c"), merged.obligations().stream().map(Obligation::id).toList());
    assertEquals(SB53_LARGE.id(), merged.obligations().get(0).revenueTier());
    assertEquals("1+u", merged.version());
    // A user's file may name a bundled tier it does not define; the merged catalog has it.
    assertEquals(merged, merged.requireTiers());
  }
}
