package dev.persistence.io.huggingface;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.CompositeModel;
import dev.persistence.io.InvalidDocumentException;
import dev.persistence.io.document.Documents;
import dev.persistence.io.document.InputFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a HuggingFace {@code config.json} into an {@link Architecture}.
 *
 * <p>Supported {@code model_type}s are those of {@link #supportedModelTypes()}. Each family is read as its own
 * HuggingFace {@code transformers} configuration and modelling code read it (for example a Gemma config without
 * {@code tie_word_embeddings} is tied, a Llama config without {@code num_key_value_heads} is multi-head); see
 * {@code HuggingFaceFamilies}. Keys the importer does not need are ignored, since the format is HuggingFace's. The
 * shape keys ({@code hidden_size}, {@code num_hidden_layers}, {@code num_attention_heads}, {@code vocab_size} and
 * the feed-forward widths, under each family's names) are required: a config without them describes no
 * particular model, even where the Python class would fill in a default. The exception is a key that real
 * published configs leave to the class: Gemma 3's {@code vocab_size} (262208 in Gemma3TextConfig; the 4B, 12B and
 * 27B configs omit it) and Llama 4's (202048).
 *
 * <p>A multimodal wrapper ({@code gemma3}, {@code mistral3}, {@code llama4}) reads as its text model; {@link
 * #readComposite(Path)} adds the vision tower and projector (and any multi-token-prediction modules) as named
 * components, whose sum with the text model is the checkpoint's total.
 *
 * <p>Errors are {@link InvalidDocumentException}s naming the document and the key.
 */
public final class HuggingFaceConfigs {

  /** Configs are small; these bounds keep a hostile file from costing memory or time. */
  private static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxDocumentLength(4L << 20)
                          .maxNestingDepth(64)
                          .maxNumberLength(64)
                          .maxStringLength(1 << 20)
                          .build())
                  .build())
          .build();

  private HuggingFaceConfigs() {}

  /** The {@code model_type} values this importer reads, sorted. */
  public static Set<String> supportedModelTypes() {
    Set<String> names = new TreeSet<>();
    names.addAll(HuggingFaceFamilies.modelTypes());
    return names;
  }

  /**
   * Reads a config file.
   *
   * @param file the {@code config.json}
   * @throws InvalidDocumentException if the file cannot be read or does not describe a supported model
   */
  public static Architecture read(Path file) {
    String name = file.toString();
    return read(
new ByteArrayInputStream(InputFiles.readBytes(file, Documents.MAX_DOCUMENT_BYTES)), name);
  }

  /**
   * Reads a config from a stream.
   *
   * @param in the JSON text
   * @param documentName how errors name the document, for example its file name
   * @throws InvalidDocumentException if the text is not JSON or does not describe a supported model
   */
  public static Architecture read(InputStream in, String documentName) {
    JsonNode root;
    try {
      root = MAPPER.readTree(in);
    } catch (JsonProcessingException e) {
      throw new InvalidDocumentException(documentName, "not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new InvalidDocumentException(documentName, "cannot be read: " + e.getMessage(), e);
    }
    return fromTree(root, documentName);
  }

  /**
   * Reads a config from JSON text.
   *
   * @param json the JSON text
   * @param documentName how errors name the document
   * @throws InvalidDocumentException if the text is not JSON or does not describe a supported model
   */
  public static Architecture fromJson(String json, String documentName) {
    try {
      return fromTree(MAPPER.readTree(json), documentName);
    } catch (JsonProcessingException e) {
      throw new InvalidDocumentException(documentName, "not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Reads a config already parsed into a tree.
   *
   * @param root the parsed config
   * @param documentName how errors name the document
   * @throws InvalidDocumentException if it does not describe a supported model
   */
  public static Architecture fromTree(JsonNode root, String documentName) {
    return compositeFromTree(root, documentName).languageModel();
  }

  /**
   * Reads a config file as the whole checkpoint: the language model and the named components beside it (vision
   * tower and projector of a multimodal wrapper, multi-token-prediction modules), whose total is what
   * HuggingFace's {@code safetensors} count reports.
   *
   * @param file the {@code config.json}
   * @throws InvalidDocumentException if the file cannot be read or does not describe a supported model
   */
  public static CompositeModel readComposite(Path file) {
    String name = file.toString();
    byte[] bytes = InputFiles.readBytes(file, Documents.MAX_DOCUMENT_BYTES);
    JsonNode root;
    try {
      root = MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new InvalidDocumentException(name, "not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new InvalidDocumentException(name, "cannot be read: " + e.getMessage(), e);
    }
    return compositeFromTree(root, name);
  }

  /**
   * Reads a config already parsed into a tree as the whole checkpoint (see {@link #readComposite(Path)}).
   *
   * @param root the parsed config
   * @param documentName how errors name the document
   * @throws InvalidDocumentException if it does not describe a supported model
   */
  public static CompositeModel compositeFromTree(JsonNode root, String documentName) {
    if (root == null || !root.isObject()) {
      throw new InvalidDocumentException(documentName, "expected a JSON object");
    }
    ConfigNode config = new ConfigNode(root, documentName);
    String modelType =
        config
            .optionalString("model_type")
            .orElseThrow(
                () ->
                    new InvalidDocumentException(
                        documentName + ": model_type",
                        "missing required key; supported: " + String.join(", ", supportedModelTypes())));
    HuggingFaceFamily family =
        HuggingFaceFamilies.forModelType(modelType)
            .orElseThrow(
                () ->
                    new InvalidDocumentException(
                        documentName + ": model_type",
                        String.format(
                            Locale.ROOT,
                            "unsupported model_type \"%s\"; supported: %s",
                            modelType,
                            String.join(", ", supportedModelTypes()))));
    try {
      return HuggingFaceFamilies.read(family, config);
    } catch (InvalidDocumentException e) {
      throw e;
    } catch (IllegalArgumentException | IllegalStateException e) {
      // A shape the core types reject (for example heads that do not divide): keep their message.
      throw new InvalidDocumentException(documentName, e.getMessage(), e);
    }
  }
}
