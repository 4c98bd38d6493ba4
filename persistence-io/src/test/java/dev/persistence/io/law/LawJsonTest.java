package dev.persistence.io.law;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.persistence.scaling.law.ScalingLaw;
import dev.persistence.scaling.law.ScalingLaws;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The documents {@code persistence laws --json} and {@code loss --json} print, built in io. */
class LawJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void lossNamesTheLawAndItsInputs() throws Exception {
    // Chinchilla's 70B on 1.4T tokens (Hoffmann et al. 2022 Sec. 4); the loss is given, not computed here.
    assertEquals(
        "{\"law\":\"chinchilla\",\"params\":7.0E10,\"tokens\":1.4E12,\"loss\":1.94}",
        MAPPER.writeValueAsString(
            LawJson.loss(ScalingLaws.lossLaw("chinchilla"), 70e9, 1.4e12, OptionalDouble.empty(), 1.94)));
    assertEquals(
        "{\"law\":\"muennighoff\",\"params\":7.0E10,\"tokens\":1.4E12,\"uniqueTokens\":2.5E10,\"loss\":2.1}",
        MAPPER.writeValueAsString(
            LawJson.loss(ScalingLaws.lossLaw("muennighoff"), 70e9, 1.4e12, OptionalDouble.of(25e9), 2.1)));
  }

  @Test
  void lawsListsEveryLawInOrderWithItsSource() throws Exception {
    JsonNode laws = MAPPER.readTree(MAPPER.writeValueAsString(LawJson.laws(ScalingLaws.all()))).get("laws");
    assertEquals(ScalingLaws.all().size(), laws.size());
    for (int i = 0; i < laws.size(); i++) {
      ScalingLaw law = ScalingLaws.all().get(i);
      assertEquals(law.name(), laws.get(i).get("name").asText());
      assertEquals(law.description(), laws.get(i).get("description").asText());
      assertEquals(law.source(), laws.get(i).get("source").asText());
    }
  }
}
