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
  private final Map<String, ObjectNode> undeclared;

  /** An empty set of definitions, for one schema document. */
  public SchemaDefinitions() {
    this(Map.of());
  }

  /**
   * An empty set of definitions whose codecs may not all declare their schema yet: a {@link #undeclared(String)}
   * reference is resolved from {@code fragments}, the hand-written definitions of the schema before its codecs
   * declared them (kept only until every codec declares its own).
   *
   * @param fragments hand-written definitions by name
   */
  public SchemaDefinitions(Map<String, ObjectNode> fragments) {
    this.undeclared = Map.copyOf(fragments);
  }

  /**
   * A reference to a definition that no codec declares yet; {@link #document} fills it in from the hand-written
   * fragments given at construction.
   *
   * @param name the definition's name in {@code $defs}
   */
  public ObjectNode undeclared(String name) {
    return NODES.objectNode().put("$ref", "#/$defs/" + name);
  }

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
    resolveUndeclared(out);
    if (!definitions.isEmpty()) {
      ObjectNode defs = out.putObject("$defs");
      definitions.forEach(defs::set);
    }
    return out;
  }

  /** Registers, from the hand-written fragments, every definition referred to but not declared by a codec. */
  private void resolveUndeclared(ObjectNode root) {
    java.util.ArrayDeque<JsonNode> pending = new java.util.ArrayDeque<>();
    pending.add(root);
    pending.addAll(definitions.values());
    while (!pending.isEmpty()) {
      JsonNode node = pending.poll();
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isTextual() && ref.textValue().startsWith("#/$defs/")) {
        String name = ref.textValue().substring("#/$defs/".length());
        if (!definitions.containsKey(name)) {
          ObjectNode fragment = undeclared.get(name);
          if (fragment == null) {
            throw new IllegalStateException("no codec declares the schema definition " + name);
          }
          definitions.put(name, fragment.deepCopy());
          pending.add(definitions.get(name));
        }
      }
      node.elements().forEachRemaining(pending::add);
    }
  }
}
