package dev.persistence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FlopsCommandTest {

  static String llama() {
    return ParamsCommandTest.reference().resolve("hf-configs/llama-2-7b.json").toString();
  }

  @Test
  void jsonNamesTheConvention() throws Exception {
    CommandRun run = CommandRun.of("flops", llama(), "--seq-len", "4096", "--convention", "kaplan-6n", "--json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertEquals("kaplan-6n", json.get("convention").asText());
    assertEquals(
        3 * json.get("forwardFlopsPerToken").asDouble(), json.get("trainingFlopsPerToken").asDouble(), 1e-3);
  }

  @Test
  void exactIsTheDefaultAndGrowsWithSequenceLength() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode short_ = mapper.readTree(CommandRun.of("flops", llama(), "--seq-len", "1024", "--json").out());
    JsonNode long_ = mapper.readTree(CommandRun.of("flops", llama(), "--seq-len", "4096", "--json").out());
    assertEquals("exact", short_.get("convention").asText());
    assertTrue(long_.get("forwardFlopsPerToken").asDouble() > short_.get("forwardFlopsPerToken").asDouble());
  }

  @Test
  void badInput() {
    CommandRun unknown = CommandRun.of("flops", llama(), "--seq-len", "4096", "--convention", "palm");
    assertEquals(2, unknown.exitCode());
    assertEquals(
        "persistence flops: --convention: unknown value \"palm\"; expected one of exact, kaplan, kaplan-6n, "
            + "chinchilla, chinchilla-table-a4, megatron\n",
        unknown.err());
    CommandRun zero = CommandRun.of("flops", llama(), "--seq-len", "0");
    assertEquals(2, zero.exitCode());
    assertEquals("persistence flops: sequenceLength (0) must be > 0\n", zero.err());
    CommandRun notNumber = CommandRun.of("flops", llama(), "--seq-len", "lots");
    assertEquals(2, notNumber.exitCode());
    assertTrue(notNumber.oneErrorLine(), notNumber.err());
  }

  /**
   * Falcon-Mamba 7B has no attention: its forward FLOPs per token are the same at 1K and 64K tokens, and the
   * components name the mixer's projections and recurrence.
   */
  @Test
  void stateSpaceModelCostsTheSameAtEveryLength() throws Exception {
    String mamba = ParamsCommandTest.reference().resolve("hf-configs-2025/added/falcon-mamba-7b.json").toString();
    ObjectMapper mapper = new ObjectMapper();
    JsonNode short_ = mapper.readTree(CommandRun.of("flops", mamba, "--seq-len", "1024", "--json").out());
    JsonNode long_ = mapper.readTree(CommandRun.of("flops", mamba, "--seq-len", "65536", "--json").out());
    assertEquals(short_.get("forwardFlopsPerToken").asDouble(), long_.get("forwardFlopsPerToken").asDouble());
    JsonNode components = long_.get("forwardFlopsPerTokenByComponent");
    assertEquals(0.0, components.get("attention core").asDouble());
    assertTrue(components.get("sequence-mixer recurrence").asDouble() > 0);
  }
}
