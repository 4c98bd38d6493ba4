package dev.persistence.io.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The named definitions ({@code $defs}) of one JSON Schema (draft 2020-12) being generated from codecs: each codec
 * that describes an object type registers its fragment once under its name and is referred to by {@code $ref}
 * everywhere it is used, so that the schema of a document is assembled from the same declarations as its reader
 * and writer ({@link Codec#schema}).
 */
public final class SchemaDefinitions {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final Map<String, ObjectNode> definitions = new LinkedHashMap<>();
  /** An empty set of definitions, for one schema document. */
  public SchemaDefinitions() {}

  /**
   * A reference to the definition {@code name}, which {@code fragment} describes; the fragment is computed once,
   * the first time the name is asked for (a recursive reference sees the name already registered).
   *
   * @param name the definition's name in {@code $defs}
   * @param fragment the definition
   * @return {@code {"$ref": "#/$defs/name"}}
   */
  public ObjectNode ref(String name, Supplier<ObjectNode> fragment) {
    if (!definitions.containsKey(name)) {
      definitions.put(name, NODES.objectNode());
      definitions.put(name, fragment.get());
    }
    return NODES.objectNode().put("$ref", "#/$defs/" + name);
  }

  /**
   * A complete schema document: the root fragment with the JSON Schema version, its {@code $id}, title and
   * description, and every definition registered so far under {@code $defs}.
   *
   * @param id the schema's {@code $id}
   * @param title its title
   * @param description what the document is
   * @param root the root's fragment (an object schema)
   */
  public ObjectNode document(String id, String title, String description, ObjectNode root) {
    ObjectNode out = NODES.objectNode();
    out.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    out.put("$id", id);
    out.put("title", title);
    out.put("description", description);
    out.setAll(root);
    checkReferences(out);
    if (!definitions.isEmpty()) {
      ObjectNode defs = out.putObject("$defs");
      definitions.forEach(defs::set);
    }
    return out;
  }

  /** Fails if a {@code $ref} names a definition no codec registered (a codec that forgot to declare it). */
  private void checkReferences(ObjectNode root) {
    java.util.ArrayDeque<JsonNode> pending = new java.util.ArrayDeque<>();
    pending.add(root);
    pending.addAll(definitions.values());
    while (!pending.isEmpty()) {
      JsonNode node = pending.poll();
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isTextual() && ref.textValue().startsWith("#/$defs/")) {
        String name = ref.textValue().substring("#/$defs/".length());
        if (!definitions.containsKey(name)) {
          throw new IllegalStateException("no codec declares the schema definition " + name);
        }
      }
      node.elements().forEachRemaining(pending::add);
    }
  }
}
