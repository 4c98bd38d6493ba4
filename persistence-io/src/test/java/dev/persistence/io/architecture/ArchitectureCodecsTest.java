package dev.persistence.io.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.persistence.core.architecture.Architecture;
import dev.persistence.io.InvalidDocumentException;
import dev.persistence.io.document.DocumentFormat;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.Documents;
import dev.persistence.io.huggingface.HuggingFaceConfigs;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ArchitectureCodecsTest {

  static Architecture read(String text, DocumentFormat format) {
    return ArchitectureCodecs.ARCHITECTURE.read(DocumentNode.root(Documents.parse(text, format, "model.yaml"), "model.yaml"));
  }

  static String message(String yaml) {
    return assertThrows(InvalidDocumentException.class, () -> read(yaml, DocumentFormat.YAML)).getMessage();
  }

  /** Every reference model survives write then read, in JSON and YAML, and reads back to the same document. */
  @Test
  void roundTripsEveryReferenceModel() throws IOException {
    Path folder = Path.of(System.getProperty("persistence.reference", "../reference")).resolve("hf-configs");
    int count = 0;
    try (DirectoryStream<Path> configs = Files.newDirectoryStream(folder, "*.json")) {
      for (Path config : configs) {
        Architecture model = HuggingFaceConfigs.read(config);
        for (DocumentFormat format : DocumentFormat.values()) {
          JsonNode written = ArchitectureCodecs.ARCHITECTURE.write(model);
          String text = Documents.print(written, format);
          Architecture back = read(text, format);
          assertEquals(model, back, config + " in " + format);
          assertEquals(written, ArchitectureCodecs.ARCHITECTURE.write(back));
        }
        count++;
      }
    }
    assertEquals(12, count);
  }

  static final String MODEL =
      "vocabSize: 32000\nhiddenSize: 4096\nnumLayers: 32\ncontextLength: 4096\nnormKind: rms-norm\n"
          + "tiedEmbeddings: false\n"
          + "attention: {type: grouped-query, numAttentionHeads: 32, numKeyValueHeads: 8, headDim: 128}\n"
          + "feedForward: {type: dense, intermediateSize: 14336, gated: true}\n";

  @Test
  void defaultsApplyToOmittedFields() {
    Architecture model = read(MODEL, DocumentFormat.YAML);
    assertEquals("custom", model.family());
    assertEquals(2, model.normsPerLayer());
  }

  @Test
  void errorsNameThePathTheValueAndTheRule() {
    assertEquals(
        "model.yaml: attention.numKeyValueHead: unknown field; did you mean numKeyValueHeads?",
        message(MODEL.replace("numKeyValueHeads: 8", "numKeyValueHead: 8")));
    assertEquals(
        "model.yaml: hiddenSize: missing required field", message(MODEL.replace("hiddenSize: 4096\n", "")));
    assertEquals(
        "model.yaml: numLayers: expected an integer, got the string \"many\"",
        message(MODEL.replace("numLayers: 32", "numLayers: many")));
    assertEquals(
        "model.yaml: numLayers: 99999999999 is out of range for an integer (at most 2147483647)",
        message(MODEL.replace("numLayers: 32", "numLayers: 99999999999")));
    assertEquals(
        "model.yaml: normKind: unknown value \"rmsnorm\"; expected one of rms-norm, layer-norm, "
            + "layer-norm-without-bias, non-parametric-layer-norm",
        message(MODEL.replace("rms-norm", "rmsnorm")));
    assertEquals(
        "model.yaml: attention: numKeyValueHeads (5) must divide numAttentionHeads (32)",
        message(MODEL.replace("numKeyValueHeads: 8", "numKeyValueHeads: 5")));
    assertEquals(
        "model.yaml: attention.type: unknown attention type \"sparse\"; expected grouped-query or multi-head-latent",
        message(MODEL.replace("type: grouped-query", "type: sparse")));
    assertEquals(
        "model.yaml: feedForward: expected an object, got 14336", message(MODEL.replace(
            "feedForward: {type: dense, intermediateSize: 14336, gated: true}", "feedForward: 14336")));
  }
}
