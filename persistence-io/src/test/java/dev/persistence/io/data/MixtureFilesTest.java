package dev.persistence.io.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.data.CurationStageKind;
import dev.persistence.core.data.DataMixture;
import dev.persistence.core.data.LicenceClass;
import dev.persistence.io.catalog.DatasetCatalog;
import dev.persistence.io.document.DocumentFormat;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MixtureFilesTest {
  private static final DatasetCatalog CATALOG = DatasetCatalog.bundled();

  private static MixtureFile yaml(String... lines) {
    return MixtureFiles.parse(String.join("\n", lines) + "\n", DocumentFormat.YAML, "mix.yaml", CATALOG);
  }

  private static String error(String... lines) {
    return assertThrows(IllegalArgumentException.class, () -> yaml(lines)).getMessage();
  }

  @Test
  void readsTheExampleMixture() {
    Path example = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."), "examples/data/mixture.yaml");
    if (!example.toFile().exists()) {
      example = Path.of("../examples/data/mixture.yaml");
    }
    MixtureFile file = MixtureFiles.read(example, CATALOG);
    DataMixture mixture = file.mixture();
    assertEquals("example-15t-mix", mixture.name());
    assertEquals(6, mixture.components().size());
    assertEquals(1.3e12, mixture.components().get(0).source().tokens(), 1);
    assertEquals(LicenceClass.SYNTHETIC, mixture.components().get(5).source().licenceClass());
    // 2e11 generated tokens at an acceptance of 0.5.
    assertEquals(1e11, mixture.components().get(5).source().tokens(), 1);
    // 4e13 bytes at 4.2 bytes per token.
    assertEquals(4e13 / 4.2, mixture.components().get(4).source().tokens(), 1);
    assertEquals(25.0, file.curationCosts().usdPerTerabyte().get(CurationStageKind.TEXT_EXTRACTION));
    assertEquals(4.2, file.curationCosts().bytesPerToken());
  }

  @Test
  void unknownCatalogSourceSuggestsCloseNames() {
    String message = error("sources:", "  - catalog: fineweb-eud", "    weight: 1.0");
    assertTrue(
        message.startsWith("mix.yaml: sources[0].catalog: unknown dataset \"fineweb-eud\"; did you mean fineweb-edu"),
        message);
  }

  @Test
  void weightsNotSummingToOneAreOneError() {
    String message =
        error("name: m", "sources:", "  - {catalog: fineweb, weight: 0.5}", "  - {catalog: c4, weight: 0.3}");
    assertTrue(message.startsWith("mix.yaml: weights of mixture m sum to 0.8"), message);
    assertTrue(message.contains("must sum to 1"), message);
  }

  @Test
  void unknownFieldsSuggestTheIntendedOne() {
    String message = error("sources:", "  - {catalog: fineweb, wieght: 1.0}");
    assertTrue(message.contains("sources[0]"), message);
    message = error("sources:", "  - {catalog: fineweb, weight: 1.0, acquistion: {flatFeeUsd: 1}}");
    assertEquals("mix.yaml: sources[0].acquistion: unknown field; did you mean acquisition?", message);
  }

  @Test
  void badNumbersNameTheirPath() {
    String message =
        error(
            "sources:",
            "  - {catalog: fineweb, weight: 0.5}",
            "  - {name: books, tokens: lots, licence: licensed, weight: 0.5}");
    assertEquals("mix.yaml: sources[1].tokens: expected a number, got the string \"lots\"", message);
  }

  @Test
  void zeroTokenSourceWithWeightIsNamed() {
    String message =
        error(
            "sources:",
            "  - {catalog: fineweb, weight: 0.5}",
            "  - {name: empty-books, tokens: 0, licence: licensed, weight: 0.5}");
    assertTrue(message.contains("empty-books has no tokens"), message);
  }

  @Test
  void curationPresetsAndStagesAreRead() {
    MixtureFile file =
        yaml(
            "sources:",
            "  - name: crawl",
            "    tokens: 1e12",
            "    licence: proprietary",
            "    curation: {name: ours, stages: [{kind: fuzzy-deduplication, retention: 0.5}]}",
            "    weight: 1.0");
    assertEquals(0.5, file.mixture().components().get(0).source().curation().orElseThrow().retention());
    String message =
        error("sources:", "  - {name: crawl, tokens: 1e12, licence: proprietary, curation: refinedwbe, weight: 1}");
    assertTrue(message.contains("unknown curation preset \"refinedwbe\"; did you mean refinedweb?"), message);
  }

  @Test
  void aSourceNeedsExactlyOneSize() {
    String message = error("sources:", "  - {name: a, tokens: 1e9, bytes: 4e9, licence: licensed, weight: 1}");
    assertTrue(message.contains("sources[0]: needs exactly one of tokens"), message);
  }

  @Test
  void sizeRulesAreReportedAtTheFieldTheyConcern() {
    assertTrue(
        error("sources:", "  - {name: a, bytes: 4e9, licence: licensed, weight: 1}")
            .contains("sources[0].bytesPerToken: missing required field"));
    assertTrue(
        error("sources:", "  - {name: a, tokens: 4e9, tokensPerDocument: 3, licence: licensed, weight: 1}")
            .contains("sources[0].tokensPerDocument: only allowed with documents"));
    assertTrue(
        error("sources:", "  - {name: a, tokens: 4e9, weight: 1}").contains("sources[0].licence: missing required field"));
    String negative = error("sources:", "  - {name: a, tokens: -4, licence: licensed, weight: 1}");
    assertTrue(negative.contains("sources[0].tokens: amount (-4.0 TOKENS) must be finite and >= 0"), negative);
    String misspelt = error("sources:", "  - {name: a, tokens: 4e9, licence: licensed, wieght: 1}");
    assertTrue(misspelt.contains("did you mean weight?"), misspelt);
    String licence = error("sources:", "  - {name: a, tokens: 4e9, licnce: licensed, weight: 1}");
    assertTrue(licence.contains("sources[0].licnce: unknown field; did you mean licence?"), licence);
    String unknown = error("sources:", "  - {catalog: finewebedu, weight: 1}");
    assertTrue(unknown.contains("sources[0].catalog: unknown dataset \"finewebedu\""), unknown);
  }

  @Test
  void jsonMixturesWork() {
    MixtureFile file =
        MixtureFiles.parse(
            "{\"sources\": [{\"catalog\": \"dclm-baseline\", \"weight\": 1}]}", DocumentFormat.JSON, "m.json", CATALOG);
    assertEquals(3.8e12, file.mixture().availableTokens(), 1);
  }
}
