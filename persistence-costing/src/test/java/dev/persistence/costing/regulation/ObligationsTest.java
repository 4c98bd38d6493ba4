package dev.persistence.costing.regulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The obligations agree with the texts quoted in reference/regulation.json (and the corrections in
 * reference/regulation-corrections.md): articles, dates, clocks and penalties.
 */
class ObligationsTest {

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
    return Obligations.bundled().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void euDatesAndFinesAreTheRegulations() throws IOException {
    JsonNode dates = item("reg-eu-dates").get("value");
    LocalDate chapterV = LocalDate.parse(dates.get("chapter_V_applies").asText());
    for (Obligation o : Obligations.bundled()) {
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
    List<Obligation> llama = Obligations.broughtBy(ComputeThresholds.crossed(3.8e25));
    Set<String> provisions = new HashSet<>();
    llama.forEach(o -> provisions.add(o.provision()));
    assertTrue(provisions.containsAll(
        Set.of("Art. 53(1)(a)", "Art. 53(1)(b)", "Art. 53(1)(c)", "Art. 53(1)(d)", "Art. 55(1)(a)", "Art. 55(1)(b)",
            "Art. 55(1)(c)", "Art. 55(1)(d)")), provisions.toString());
    assertFalse(llama.stream().anyMatch(o -> o.instrument().startsWith("California")));
    // 2e26 adds California and New York; the revoked executive order brings nothing.
    List<Obligation> frontier = Obligations.broughtBy(ComputeThresholds.crossed(2e26));
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
  void theModifierRuleIsMoreThanAThird() {
    // Commission GPAI guidelines (reference/regulation.json, reg-eu-guidelines-modifier): "more than a third".
    assertFalse(Obligations.modifierBecomesProvider(1e24, 3e24));
    assertTrue(Obligations.modifierBecomesProvider(Math.nextUp(1e24), 3e24));
    assertThrows(IllegalArgumentException.class, () -> Obligations.modifierBecomesProvider(-1, 3e24));
    assertThrows(IllegalArgumentException.class, () -> Obligations.modifierBecomesProvider(1, 0));
  }

  @Test
  void everyObligationHasASourceAndADate() {
    Set<String> ids = new HashSet<>();
    for (Obligation o : Obligations.bundled()) {
      assertTrue(ids.add(o.id()), o.id());
      assertFalse(o.source().isBlank());
      assertTrue(ComputeThreshold.bundled().stream().anyMatch(t -> t.id().equals(o.thresholdId())), o.id());
      assertTrue(o.appliesOn(o.appliesFrom()) && !o.appliesOn(o.appliesFrom().minusDays(1)));
    }
  }
}
