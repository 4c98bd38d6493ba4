package dev.persistence.io.architecture;

import com.fasterxml.jackson.databind.JsonNode;
import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.CompositeModel;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.Documents;
import dev.persistence.io.document.ObjectFields;
import dev.persistence.io.huggingface.HuggingFaceConfigs;
import java.nio.file.Path;

/**
 * Reads a model from a file in any of three forms: a HuggingFace {@code config.json} (recognised by its
 * {@code model_type} key); a Megatron-style GPT description, the way the Megatron papers give their models
 * ({@code megatronGpt: {numLayers: 96, hiddenSize: 12288, numAttentionHeads: 96, vocabSize: 51200,
 * sequenceLength: 2048}}, see {@link Architecture#megatronGpt}); or our own architecture document in JSON or YAML
 * ({@link ArchitectureCodecs}).
 */
public final class ModelFiles {
  private ModelFiles() {}

  /**
   * Reads the model in {@code file}.
   *
   * @param file a HuggingFace config or an architecture document
   * @throws dev.persistence.io.InvalidDocumentException naming the file, the key or path, and the rule
   */
  public static Architecture read(Path file) {
    DocumentNode document = DocumentNode.read(file);
    JsonNode root = document.json();
    String name = file.toString();
    if (root.isObject() && root.has("model_type")) {
      return HuggingFaceConfigs.fromTree(root, name);
    }
    if (root.isObject() && root.has("megatronGpt")) {
      ObjectFields outer = document.fields();
      Architecture model = ArchitectureCodecs.MEGATRON_GPT.read(outer.required("megatronGpt"));
      outer.finish();
      return model;
    }
    return ArchitectureCodecs.ARCHITECTURE.read(document);
  }

  /**
   * Reads the model in {@code file} as a whole checkpoint: for a HuggingFace config, the language model with the
   * named components stored beside it (a multimodal wrapper's vision tower and projector, multi-token-prediction
   * modules; see {@link HuggingFaceConfigs#readComposite(Path)}); for our own documents, the model alone.
   *
   * @param file a HuggingFace config or an architecture document
   * @throws dev.persistence.io.InvalidDocumentException naming the file, the key or path, and the rule
   */
  public static CompositeModel readComposite(Path file) {
    JsonNode root = Documents.read(file);
    if (root.isObject() && root.has("model_type")) {
      return HuggingFaceConfigs.compositeFromTree(root, file.toString());
    }
    return CompositeModel.of(read(file));
  }
}
