package dev.persistence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class MemoryCommandTest {

  /** Llama 2 7B: 6,738,415,616 parameters (parameter-counts.json, keras-hub preset metadata). */
  private static final long LLAMA2_PARAMETERS = 6_738_415_616L;

  @Test
  void jsonHasTheBreakdownAndFits() throws Exception {
    CommandRun run =
        CommandRun.of(
            "memory", FlopsCommandTest.llama(), "--accelerator", "h100", "--tp", "8", "--dp", "1",
            "--recompute", "selective", "--seq-len", "4096", "--json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode json = new ObjectMapper().readTree(run.out());
    for (String field :
        new String[] {
          "weightsBytes", "gradientsBytes", "optimizerBytes", "activationsBytes", "totalBytes", "capacityBytes"
        }) {
      assertTrue(json.get(field).isIntegralNumber(), field);
    }
    // H100 SXM: 80 GiB (NVIDIA aiconfigurator h100_sxm.yaml mem_capacity 85899345920).
    assertEquals(80L << 30, json.get("capacityBytes").asLong());
    assertTrue(json.get("fits").asBoolean());
    assertEquals(
        json.get("totalBytes").asLong(),
        json.get("weightsBytes").asLong()
            + json.get("gradientsBytes").asLong()
            + json.get("optimizerBytes").asLong()
            + json.get("activationsBytes").asLong()
            + json.get("allowanceBytes").asLong());
  }

  @Test
  void unshardedSixteenBytesPerParameterDoesNotFitOneGpu() throws Exception {
    // ZeRO section 3.1: 16 bytes/parameter x 6.74e9 = 108 GB > 80 GB.
    CommandRun run =
        CommandRun.of(
            "memory", FlopsCommandTest.llama(), "--accelerator", "H100-SXM5-80GB", "--seq-len", "1024",
            "--recompute", "full", "--no-allowance", "--json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertEquals(2 * LLAMA2_PARAMETERS, json.get("weightsBytes").asLong());
    assertEquals(12 * LLAMA2_PARAMETERS, json.get("optimizerBytes").asLong());
    assertFalse(json.get("fits").asBoolean());
  }

  @Test
  void unknownAcceleratorListsCloseNames() {
    CommandRun run = CommandRun.of("memory", FlopsCommandTest.llama(), "--accelerator", "H10", "--json");
    assertEquals(2, run.exitCode());
    assertTrue(run.oneErrorLine(), run.err());
    assertTrue(
        run.err().startsWith("persistence memory: unknown accelerator (H10); did you mean "), run.err());
    assertTrue(run.err().contains("H100-SXM5-80GB"), run.err());
  }

  @Test
  void impossiblePlanNamesTheRule() {
    CommandRun run = CommandRun.of("memory", FlopsCommandTest.llama(), "--accelerator", "a100", "--tp", "3");
    assertEquals(2, run.exitCode());
    assertEquals("persistence memory: tensorParallel (3) must divide numAttentionHeads (32)\n", run.err());
    CommandRun batch =
        CommandRun.of(
            "memory", FlopsCommandTest.llama(), "--accelerator", "a100", "--dp", "4", "--global-batch", "6");
    assertEquals(2, batch.exitCode());
    assertEquals(
        "persistence memory: globalBatchSize (6) must be a multiple of microBatchSize x dataParallel (1 x 4 = 4)\n",
        batch.err());
  }
}
