package dev.persistence.io.posttraining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.persistence.core.parallelism.Offload;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.parallelism.ZeroStage;
import dev.persistence.costing.posttraining.TrainingLayout;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.DocumentFormat;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.Documents;
import dev.persistence.io.parallelism.ParallelismCodecs;
import org.junit.jupiter.api.Test;

/** The offload fields of a stage's training layout and of a parallelism plan: read, written, checked. */
class OffloadCodecTest {

  private static <T> T read(Codec<T> codec, String yaml) {
    return codec.read(DocumentNode.root(Documents.parse(yaml, DocumentFormat.YAML, "d"), "d"));
  }

  @Test
  void aLayoutReadsAndWritesItsOffload() {
    TrainingLayout layout =
        read(PostTrainingCodecs.TRAINING_LAYOUT, "zeroStage: 3\noffload: optimizer-and-parameters\n");
    assertEquals(Offload.OPTIMIZER_AND_PARAMETERS, layout.offload());
    JsonNode written = PostTrainingCodecs.TRAINING_LAYOUT.write(layout);
    assertEquals("optimizer-and-parameters", written.get("offload").asText());
    assertEquals(layout, read(PostTrainingCodecs.TRAINING_LAYOUT, Documents.print(written, DocumentFormat.YAML)));
    // Nothing offloaded writes nothing, as layouts were written before the field existed.
    assertFalse(PostTrainingCodecs.TRAINING_LAYOUT.write(TrainingLayout.ZERO3).has("offload"));
    assertEquals(Offload.NONE, read(PostTrainingCodecs.TRAINING_LAYOUT, "zeroStage: 3\n").offload());
  }

  @Test
  void parametersOffloadOnlyUnderZero3() {
    Exception e =
        assertThrows(
            RuntimeException.class,
            () -> read(PostTrainingCodecs.TRAINING_LAYOUT, "zeroStage: 2\noffload: optimizer-and-parameters\n"));
    assertTrue(
        e.getMessage().contains("offload (OPTIMIZER_AND_PARAMETERS) must be NONE or OPTIMIZER unless zeroStage is 3"),
        e.getMessage());
  }

  @Test
  void aPlanReadsAndWritesItsParameterOffload() {
    ParallelismPlan plan =
        read(
            ParallelismCodecs.PARALLELISM_PLAN,
            "dataParallel: 8\nzeroStage: 3\noptimizerOffload: true\nparameterOffload: true\n"
                + "microBatchSize: 1\nglobalBatchSize: 8\nsequenceLength: 2048\n");
    assertEquals(Offload.OPTIMIZER_AND_PARAMETERS, plan.offload());
    JsonNode written = ParallelismCodecs.PARALLELISM_PLAN.write(plan);
    assertTrue(written.get("parameterOffload").asBoolean());
    assertFalse(
        ParallelismCodecs.PARALLELISM_PLAN
            .write(ParallelismPlan.builder().from(plan).parameterOffload(false).build())
            .has("parameterOffload"));
    Exception e =
        assertThrows(
            RuntimeException.class,
            () ->
                read(
                    ParallelismCodecs.PARALLELISM_PLAN,
                    "zeroStage: 1\noptimizerOffload: true\nparameterOffload: true\n"
                        + "microBatchSize: 1\nglobalBatchSize: 1\nsequenceLength: 2048\n"));
    assertTrue(e.getMessage().contains("parameterOffload (true) needs optimizerOffload true"), e.getMessage());
    assertEquals(ZeroStage.PARAMETERS, plan.zeroStage());
  }
}
