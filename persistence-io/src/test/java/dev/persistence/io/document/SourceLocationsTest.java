package dev.persistence.io.document;

import dev.persistence.io.parallelism.ParallelismCodecs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.io.InvalidDocumentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errors found after parsing name the line and column of the value at fault, in YAML and in JSON. */
class SourceLocationsTest {
  /** A plan at the root, or one level down under {@code parallelism}. */
  private static final Codec<ParallelismPlan> NESTED =
      new Codec<>() {
        @Override
        public ParallelismPlan read(DocumentNode node) {
          if (!node.json().has("parallelism")) {
            return ParallelismCodecs.PARALLELISM_PLAN.read(node);
          }
          ObjectFields fields = node.fields();
          ParallelismPlan plan = fields.required("parallelism", ParallelismCodecs.PARALLELISM_PLAN);
          fields.finish();
          return plan;
        }

        @Override
        public com.fasterxml.jackson.databind.JsonNode write(ParallelismPlan plan) {
          return ParallelismCodecs.PARALLELISM_PLAN.write(plan);
        }

        @Override
        public com.fasterxml.jackson.databind.node.ObjectNode schema(SchemaDefinitions definitions) {
          return ParallelismCodecs.PARALLELISM_PLAN.schema(definitions);
        }
      };

  @TempDir Path folder;

  private String error(String name, String text) throws IOException {
    Path file = folder.resolve(name);
    Files.writeString(file, text);
    return assertThrows(InvalidDocumentException.class, () -> NESTED.read(file)).getMessage();
  }

  @Test
  void aBrokenRuleNamesTheValuesLineAndColumn() throws IOException {
    String message =
        error("plan.yaml", "microBatchSize: 1\nglobalBatchSize: 8\nsequenceLength: 4096\ntensorParallel: 0\n");
    // The rule is the plan's own (checked by the type), so the location is the plan's: the document's root here.
    assertEquals(folder.resolve("plan.yaml") + ": tensorParallel (0) must be > 0", message);
  }

  @Test
  void anUnknownFieldNamesItsLine() throws IOException {
    String message = error("plan.yaml", "microBatchSize: 1\nglobalBatchSize: 8\nsequenceLength: 4096\ntensorParalel: 2\n");
    assertEquals(
        folder.resolve("plan.yaml")
            + ": tensorParalel (line 4, column 16): unknown field; did you mean tensorParallel?",
        message);
  }

  @Test
  void jsonValuesAreLocatedToo() throws IOException {
    String message =
        error("plan.json", "{\n  \"microBatchSize\": 1,\n  \"globalBatchSize\": 8,\n  \"sequenceLength\": \"long\"\n}\n");
    assertEquals(
        folder.resolve("plan.json") + ": sequenceLength (line 4, column 21): expected an integer, got the string \"long\"",
        message);
  }

  @Test
  void aMissingFieldIsReportedAtItsObject() throws IOException {
    String message = error("plan.yaml", "{parallelism: {globalBatchSize: 8, sequenceLength: 4096}}\n");
    assertEquals(
        folder.resolve("plan.yaml") + ": parallelism.microBatchSize (line 1, column 15): missing required field",
        message);
  }
}
