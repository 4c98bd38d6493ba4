package dev.persistence.io.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.data.CurationPipelines;
import dev.persistence.core.data.LicenceClass;
import dev.persistence.io.document.DocumentFormat;
import org.junit.jupiter.api.Test;

/**
 * The bundled catalog reproduces its publishers' figures. Each expected value is the publisher's, cited; never
 * computed by our code.
 */
class DatasetCatalogTest {
  private static final DatasetCatalog CATALOG = DatasetCatalog.bundled();

  private static double tokens(String name) {
    return CATALOG.get(name).source().tokens();
  }

  @Test
  void publishedTokenCounts() {
    // HuggingFaceFW/blogpost-fineweb-v1: "15-trillion tokens, 44TB disk space" (GPT-2 tokenizer).
    assertEquals(15e12, tokens("fineweb"), 1);
    // Same post and the authors' release post: FineWeb-Edu "1.3 trillion tokens"; the score-2 version 5.4T.
    assertEquals(1.3e12, tokens("fineweb-edu"), 1);
    assertEquals(5.4e12, tokens("fineweb-edu-score-2"), 1);
    // together.ai/blog/redpajama-data-v2 (2023-10-30): "30 trillion filtered and deduplicated tokens".
    assertEquals(30e12, tokens("redpajama-v2"), 1);
    // Soldaini et al. 2024, arXiv:2402.00159 abstract: "a three-trillion-token English corpus".
    assertEquals(3e12, tokens("dolma"), 1);
    // Li et al. 2024, arXiv:2406.11794 abstract: "a standardized corpus of 240T tokens".
    assertEquals(240e12, tokens("dclm-pool"), 1);
    // Same paper, DCLM-Baseline 3.8T tokens (seen in secondary summaries only; the entry says so).
    assertEquals(3.8e12, tokens("dclm-baseline"), 1);
    assertEquals("secondary", CATALOG.get("dclm-baseline").status());
    // huggingface/blog starcoder2.md: The Stack v2 training dataset "~900B tokens".
    assertEquals(900e9, tokens("the-stack-v2"), 1);
    // EleutherAI/pythia README: "the deduped Pile (which contains 207B tokens in 1 epoch)".
    assertEquals(207e9, tokens("the-pile-deduplicated"), 1);
    // Penedo et al. 2023, arXiv:2306.01116 abstract: "an extract of 600 billion tokens".
    assertEquals(600e9, tokens("refinedweb"), 1);
    // Dodge et al. 2021 (arXiv:2104.08758): C4.EN 156B tokens (seen second-hand; the entry says so).
    assertEquals(156e9, tokens("c4"), 1);
    assertEquals("secondary", CATALOG.get("c4").status());
  }

  @Test
  void thePileIsPublishedInBytes() {
    // Gao et al. 2020, arXiv:2101.00027 abstract: "an 825 GiB English text corpus".
    assertEquals(825.0 * (1L << 30), CATALOG.get("the-pile").source().size().amount(), 1);
    // EleutherAI/pythia README: 299.9B tokens are "just under 1 epoch on the Pile": the derived ratio must put
    // the Pile just above that.
    double tokens = tokens("the-pile");
    assertTrue(tokens > 299.9e9 && tokens < 310e9, "tokens " + tokens);
    assertEquals("derived", CATALOG.get("the-pile").status());
  }

  @Test
  void publishedCurationLinksEntriesWithTheirPublishedYield() {
    // FineWeb (15T) through FineWeb-Edu's filter gives the FineWeb-Edu entry (1.3T): the catalog and the preset
    // agree with each other and with HuggingFaceFW/blogpost-fineweb-v1.
    double survivors =
        CATALOG.get("fineweb-edu").publishedCuration().orElseThrow().survivingTokens(tokens("fineweb"));
    assertEquals(tokens("fineweb-edu"), survivors, 1e3);
    double baseline = CurationPipelines.DCLM_BASELINE.survivingTokens(tokens("dclm-pool"));
    assertEquals(tokens("dclm-baseline"), baseline, 1e3);
    // Provenance only: the team does not run (or pay for) the publisher's pipeline.
    assertTrue(CATALOG.get("fineweb-edu").source().curation().isEmpty());
  }

  @Test
  void everyEntryIsDatedSourcedAndHasAStatus() {
    assertTrue(CATALOG.entries().size() >= 8);
    for (DatasetEntry entry : CATALOG.entries()) {
      assertFalse(entry.source().source().isBlank(), entry.name());
      assertFalse(entry.asOf().isBlank(), entry.name());
      assertFalse(entry.licenceName().isBlank(), entry.name());
      assertTrue(DatasetEntry.STATUSES.contains(entry.status()), entry.name());
      assertFalse(entry.source().size().tokenizer().isBlank(), entry.name());
    }
  }

  @Test
  void lookupIsByNameOrAliasIgnoringCase() {
    assertEquals("fineweb", CATALOG.get("HuggingFaceFW/FineWeb").name());
    assertEquals("the-stack-v2", CATALOG.get("STACK-V2").name());
    assertEquals(LicenceClass.LICENSED, CATALOG.get("the-stack-v2").source().licenceClass());
  }

  @Test
  void unknownNamesSuggestCloseOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CATALOG.get("finewbe"));
    assertTrue(e.getMessage().contains("unknown dataset \"finewbe\""), e.getMessage());
    assertTrue(e.getMessage().contains("did you mean fineweb"), e.getMessage());
  }

  @Test
  void userEntriesInYamlAddToAndReplaceBundledOnes() {
    String yaml =
        String.join(
            "\n",
            "catalogVersion: team-1",
            "datasets:",
            "  - name: fineweb",
            "    tokens: 18.5e12",
            "    tokenizer: gpt2",
            "    licence: public-permissive",
            "  - name: team-crawl",
            "    bytes: 4.0e13",
            "    bytesPerToken: 4.0",
            "    tokenizer: llama-3",
            "    licence: proprietary",
            "    qualityTier: low",
            "");
    DatasetCatalog merged = CATALOG.withUserEntries(DatasetCatalog.parse(yaml, DocumentFormat.YAML, "team.yaml"));
    assertEquals(18.5e12, merged.get("fineweb").source().tokens(), 1);
    assertEquals("user", merged.get("fineweb").status());
    assertEquals(1e13, merged.get("team-crawl").source().tokens(), 1);
    assertEquals(CATALOG.entries().size() + 1, merged.entries().size());
  }

  @Test
  void badUserEntriesNameThePath() {
    String json =
        "{\"catalogVersion\": \"x\", \"datasets\": [{\"name\": \"a\", \"tokens\": \"many\", \"licence\": \"licensed\"}]}";
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DatasetCatalog.parse(json, DocumentFormat.JSON, "c.json"));
    assertEquals("c.json: datasets[0].tokens: expected a number, got the string \"many\"", e.getMessage());
    String misspelt =
        "{\"catalogVersion\": \"x\", \"datasets\": [{\"name\": \"a\", \"tokens\": 1, \"licence\": \"licensed\","
            + " \"tokeniser\": \"gpt2\"}]}";
    IllegalArgumentException unknown =
        assertThrows(
            IllegalArgumentException.class, () -> DatasetCatalog.parse(misspelt, DocumentFormat.JSON, "c.json"));
    assertTrue(unknown.getMessage().contains("c.json: datasets[0].tokeniser: unknown field; did you mean tokenizer"), unknown.getMessage());
  }

  @Test
  void aNameUsedTwiceIsAnErrorAtTheLaterEntry() {
    String json =
        "{\"catalogVersion\": \"x\", \"datasets\": [{\"name\": \"a\", \"tokens\": 1, \"licence\": \"licensed\"},"
            + " {\"name\": \"b\", \"aliases\": [\"A\"], \"tokens\": 1, \"licence\": \"licensed\"}]}";
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DatasetCatalog.parse(json, DocumentFormat.JSON, "c.json"));
    assertEquals("c.json: datasets[1]: name or alias \"A\" is already used by a", e.getMessage());
  }

  @Test
  void listingAddsEachEntrysTokensToTheFileFormat() {
    DatasetCatalog catalog = DatasetCatalog.bundled();
    var listing = catalog.listingJson();
    assertEquals(catalog.entries().size(), listing.get("datasets").size());
    for (int i = 0; i < catalog.entries().size(); i++) {
      assertEquals(
          catalog.entries().get(i).source().tokens(), listing.get("datasets").get(i).get("uniqueTokens").asDouble());
      var entry = listing.get("datasets").get(i).deepCopy();
      ((com.fasterxml.jackson.databind.node.ObjectNode) entry).remove("uniqueTokens");
      assertEquals(catalog.toJson().get("datasets").get(i), entry);
    }
  }
}
