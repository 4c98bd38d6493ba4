package dev.persistence.io.regulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.persistence.costing.regulation.AssessedObligation;
import dev.persistence.costing.regulation.ComputeThreshold;
import dev.persistence.costing.regulation.ComputeThresholds;
import dev.persistence.costing.regulation.DeveloperRevenue;
import dev.persistence.costing.regulation.Obligation;
import dev.persistence.costing.regulation.ObligationCatalog;
import dev.persistence.costing.regulation.RevenueTier;
import dev.persistence.costing.regulation.TierStatus;
import dev.persistence.io.InvalidDocumentException;
import dev.persistence.io.document.DocumentFormat;
import dev.persistence.io.document.Documents;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The bundled obligations document agrees with the texts quoted in reference/regulation.json (and the corrections in
 * reference/regulation-corrections.md): articles, dates, clocks and penalties.
 */
class ObligationDocumentsTest {

  private static final ObligationCatalog BUNDLED = ObligationDocuments.bundled();

  private static JsonNode item(String id) throws IOException {
    JsonNode all =
        new ObjectMapper().readTree(Path.of(System.getProperty("persistence.reference"), "regulation.json").toFile());
    for (JsonNode item : all) {
      if (item.get("id").asText().equals(id)) {
        return item;
      }
    }
    throw new AssertionError("no " + id);
  }

  private static Obligation get(String id) {
    return BUNDLED.obligations().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void euDatesAndFinesAreTheRegulations() throws IOException {
    JsonNode dates = item("reg-eu-dates").get("value");
    LocalDate chapterV = LocalDate.parse(dates.get("chapter_V_applies").asText());
    for (Obligation o : BUNDLED.obligations()) {
      if (o.instrument().equals("EU AI Act")) {
        assertEquals(chapterV, o.appliesFrom(), o.id());
        assertTrue(o.sanction().contains("3%") && o.sanction().contains("EUR 15,000,000"), o.id());
        assertTrue(o.sanction().contains("2 August 2026"), o.id());
      }
    }
    assertTrue(get("eu-ai-act-art53-1a").transition().contains("2 August 2027"));
    JsonNode fines = item("reg-eu-art101-fines").get("value");
    assertEquals(3, fines.get("pct_worldwide_turnover").asInt());
    assertEquals(15_000_000, fines.get("fixed_eur").asInt());
  }

  @Test
  void thresholdsBringTheirArticles() {
    // Llama 3.1 405B's 3.8e25 (Dubey et al. 2024): every GPAI provider's Art. 53 duties and the systemic-risk
    // Art. 55 ones; nothing from the 1e26 laws.
    List<Obligation> llama = BUNDLED.broughtBy(ComputeThresholds.crossed(3.8e25));
    Set<String> provisions = new HashSet<>();
    llama.forEach(o -> provisions.add(o.provision()));
    assertTrue(provisions.containsAll(
        Set.of("Art. 53(1)(a)", "Art. 53(1)(b)", "Art. 53(1)(c)", "Art. 53(1)(d)", "Art. 55(1)(a)", "Art. 55(1)(b)",
            "Art. 55(1)(c)", "Art. 55(1)(d)")), provisions.toString());
    assertFalse(llama.stream().anyMatch(o -> o.instrument().startsWith("California")));
    // 2e26 adds California and New York; the revoked executive order brings nothing.
    List<Obligation> frontier = BUNDLED.broughtBy(ComputeThresholds.crossed(2e26));
    assertTrue(frontier.stream().anyMatch(o -> o.instrument().startsWith("California")));
    assertTrue(frontier.stream().anyMatch(o -> o.instrument().startsWith("New York")));
    assertTrue(frontier.stream().noneMatch(o -> o.thresholdId().equals("us-eo-14110-reporting")));
  }

  @Test
  void californiaClocksAndPenaltyAreSb53s() throws IOException {
    JsonNode sb53 = item("reg-ca-sb53-obligations").get("value");
    Obligation incidents = get("ca-sb53-22757.13-incidents");
    assertTrue(incidents.duty().contains("within " + sb53.get("critical_incident_report_days").asInt() + " days"));
    assertTrue(incidents.duty().contains("within " + sb53.get("imminent_risk_disclosure_hours").asInt() + " hours"));
    assertEquals(LocalDate.parse(sb53.get("effective").asText()), incidents.appliesFrom());
    assertTrue(incidents.sanction().contains("$1,000,000"));
    assertEquals(500_000_000, item("reg-ca-sb53-thresholds").get("value").get("large_frontier_developer_revenue_usd_greater_than").asInt());
    assertTrue(get("ca-sb53-22757.12-framework").appliesTo().contains("$500M"));
    assertEquals("ca-sb53-large-frontier-developer", get("ca-sb53-22757.12-framework").revenueTier());
    assertEquals("", incidents.revenueTier());
  }

  @Test
  void newYorkIsTheEnactedChapterAmendment() throws IOException {
    JsonNode raise = item("reg-ny-raise").get("value");
    Obligation incidents = get("ny-raise-1422-incidents");
    assertTrue(incidents.duty().contains(raise.get("incident_report_hours").asInt() + " hours"));
    assertTrue(incidents.duty().contains(raise.get("imminent_risk_hours").asInt() + " hours"));
    assertTrue(incidents.sanction().contains("$1,000,000") && incidents.sanction().contains("$3,000,000"));
    assertEquals(LocalDate.of(2027, 1, 1), incidents.appliesFrom());
    // reference/regulation-corrections.md: the enacted definition has no $100M cost prong, only 1e26 operations.
    assertEquals(1e26, ComputeThreshold.NEW_YORK_RAISE_FRONTIER_MODEL.trainingFlops());
    assertFalse(ComputeThreshold.NEW_YORK_RAISE_FRONTIER_MODEL.whatCounts().contains("cost"));
  }

  @Test
  void everyObligationHasASourceAndADate() {
    Set<String> ids = new HashSet<>();
    for (Obligation o : BUNDLED.obligations()) {
      assertTrue(ids.add(o.id()), o.id());
      assertFalse(o.source().isBlank());
      assertTrue(ComputeThreshold.bundled().stream().anyMatch(t -> t.id().equals(o.thresholdId())), o.id());
      assertTrue(o.appliesOn(o.appliesFrom()) && !o.appliesOn(o.appliesFrom().minusDays(1)));
    }
  }

  @Test
  void californiasLargeDeveloperTierIsTheStatutes() throws IOException {
    // Bus. & Prof. Code 22757.11 (reference/regulation.json, reg-ca-sb53-thresholds, an official state page):
    // "annual gross revenues in excess of five hundred million dollars ($500,000,000) in the preceding calendar
    // year".
    JsonNode thresholds = item("reg-ca-sb53-thresholds");
    RevenueTier tier = BUNDLED.tier("ca-sb53-large-frontier-developer").orElseThrow();
    assertEquals(thresholds.get("value").get("large_frontier_developer_revenue_usd_greater_than").asDouble(), tier.revenueUsdGreaterThan());
    assertTrue(thresholds.get("quote").asText().contains("in excess of five hundred million dollars ($500,000,000) in the preceding calendar year"));
    assertTrue(tier.basis().contains("preceding calendar year") && tier.basis().contains("affiliates"));
    assertEquals(dev.persistence.costing.regulation.Verification.OFFICIAL, tier.verification());
    assertEquals(
        item("reg-ny-raise").get("value").get("large_developer_revenue_usd_greater_than").asDouble(),
        BUNDLED.tier("ny-raise-large-frontier-developer").orElseThrow().revenueUsdGreaterThan());
  }

  @Test
  void aFrontierRunsTieredObligationsFollowTheRevenue() {
    // 2e26 FLOP crosses SB 53's and the RAISE Act's 1e26: of their 9 obligations, 5 are the large developer's.
    List<ComputeThreshold> crossed = ComputeThresholds.crossed(2e26);
    List<AssessedObligation> unknown = BUNDLED.assess(crossed, Optional.empty());
    List<AssessedObligation> large = BUNDLED.assess(crossed, Optional.of(new DeveloperRevenue(6e8, 2025)));
    List<AssessedObligation> small = BUNDLED.assess(crossed, Optional.of(new DeveloperRevenue(5e8, 2025)));
    assertEquals(5, unknown.stream().filter(a -> a.status() == TierStatus.UNKNOWN).count());
    assertEquals(5, large.stream().filter(a -> a.status() == TierStatus.CROSSED).count());
    // Exactly $500M is not "in excess of" $500M.
    assertEquals(5, small.stream().filter(a -> a.status() == TierStatus.NOT_CROSSED).count());
    assertTrue(small.stream().filter(a -> a.tier().isEmpty()).allMatch(a -> a.status() == TierStatus.NONE));
  }

  @Test
  void theDocumentRoundTrips() {
    String text = Documents.print(ObligationDocuments.toJson(BUNDLED), DocumentFormat.YAML);
    assertEquals(BUNDLED, ObligationDocuments.parse(text, DocumentFormat.YAML, "copy.yaml"));
  }

  @Test
  void aUserFileOverridesByIdAndAdds() {
    String yaml =
        "catalogVersion: team-1\n"
            + "obligations:\n"
            + "  - id: ca-sb53-22757.13-incidents\n"
            + "    thresholdId: california-sb53-frontier-model\n"
            + "    instrument: California SB 53 (TFAIA)\n"
            + "    provision: section 22757.13\n"
            + "    duty: report critical safety incidents (our counsel's reading)\n"
            + "    appliesFrom: 2026-01-01\n"
            + "    sanction: up to $1,000,000 per violation\n"
            + "    source: counsel memo 2026-02\n"
            + "    verification: secondary\n";
    ObligationCatalog user = ObligationDocuments.parse(yaml, DocumentFormat.YAML, "team.yaml");
    ObligationCatalog merged = BUNDLED.withUserEntries(user);
    assertEquals(BUNDLED.obligations().size(), merged.obligations().size());
    int at = BUNDLED.obligations().indexOf(get("ca-sb53-22757.13-incidents"));
    assertEquals("counsel memo 2026-02", merged.obligations().get(at).source());
  }

  @Test
  void readingIsStrict() {
    InvalidDocumentException unknown =
        assertThrows(
            InvalidDocumentException.class,
            () ->
                ObligationDocuments.parse(
                    "{\"catalogVersion\": \"1\", \"obligations\": [], \"revenueTier\": []}", DocumentFormat.JSON, "bad.json"));
    assertTrue(unknown.getMessage().contains("revenueTiers"), unknown.getMessage());
    ObligationCatalog named =
                ObligationDocuments.parse(
                    "{\"catalogVersion\": \"1\", \"obligations\": [{\"id\": \"x\", \"thresholdId\": \"t\","
                        + " \"instrument\": \"i\", \"provision\": \"p\", \"duty\": \"d\", \"revenueTier\": \"nope\","
                        + " \"appliesFrom\": \"2026-01-01\", \"sanction\": \"s\", \"source\": \"s\","
                        + " \"verification\": \"official\"}]}",
                    DocumentFormat.JSON,
                    "bad.json");
    // A user's file may name a bundled tier; one that neither defines is an error once merged.
    IllegalArgumentException tier =
        assertThrows(IllegalArgumentException.class, () -> BUNDLED.withUserEntries(named).requireTiers());
    assertTrue(tier.getMessage().contains("revenueTier (nope)"), tier.getMessage());
  }
}
