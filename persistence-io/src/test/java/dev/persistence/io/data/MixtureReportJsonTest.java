package dev.persistence.io.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.persistence.core.data.MixtureAllocation;
import dev.persistence.io.catalog.DatasetCatalog;
import dev.persistence.scaling.data.DataAdequacy;
import dev.persistence.scaling.data.DataBudget;
import dev.persistence.scaling.data.MixtureEffectiveTokens;
import dev.persistence.scaling.data.TokenTarget;
import dev.persistence.scaling.law.DataConstrainedLaw;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The document {@code persistence data --json} prints, built in io so that a library user gets the same one. */
class MixtureReportJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void documentListsEachSourceTheTotalsAndWithAModelSizeTheRepetitionLoss() throws Exception {
    MixtureFile file = MixtureFiles.read(Path.of("..", "examples", "data", "mixture.yaml"), DatasetCatalog.bundled());
    DataConstrainedLaw law = DataConstrainedLaw.MUENNIGHOFF_2023;
    MixtureAllocation allocation = file.mixture().allocate(15e12);
    MixtureEffectiveTokens effective = MixtureEffectiveTokens.of(law, allocation);
    DataBudget costs = DataBudget.of(allocation, file.curationCosts());
    JsonNode plain =
        MAPPER.readTree(
            MAPPER.writeValueAsString(MixtureReportJson.toJson(file, allocation, effective, costs, null, law)));
    assertEquals(
        List.of("mixture", "budgetTokens", "epochCap", "sources", "totalTokens", "uniqueTokens", "effectiveTokens",
            "costUsd", "costBreakdown", "warnings", "law"),
        keys(plain));
    assertEquals(allocation.sources().size(), plain.get("sources").size());
    assertEquals(allocation.overRepeated().size(), plain.get("warnings").size());
    assertEquals(costs.totalUsd(), plain.get("costUsd").asDouble());
    assertFalse(plain.has("repetitionLoss"));
    DataAdequacy adequacy = DataAdequacy.assess(law, new TokenTarget(70e9, 15e12, "budget"), file.mixture());
    JsonNode sized =
        MAPPER.readTree(
            MAPPER.writeValueAsString(MixtureReportJson.toJson(file, allocation, effective, costs, adequacy, law)));
    assertEquals(
        List.of("parameters", "repetition", "shortfallTokens", "unconstrainedLoss", "dataConstrainedLoss",
            "lossPenalty"),
        keys(sized.get("repetitionLoss")));
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }
}
