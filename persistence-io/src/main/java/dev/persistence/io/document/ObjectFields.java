package dev.persistence.io.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The fields of one object of a document, read by name; {@link #finish()} rejects any field nobody read, naming
 * it and suggesting the closest known name ({@code cluster.acelerator: unknown field; did you mean accelerator?}).
 */
public final class ObjectFields {
  private final DocumentNode object;
  private final Set<String> known = new HashSet<>();

  ObjectFields(DocumentNode object) {
    this.object = object;
  }

  /** The object itself. */
  public DocumentNode node() {
    return object;
  }

  /**
   * The field's node if present and not null.
   *
   * @param name the field
   */
  public Optional<DocumentNode> optional(String name) {
    known.add(name);
    JsonNode value = object.json().get(name);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(object.child(name, value));
  }

  /**
   * The field's node; a missing field is an error naming it.
   *
   * @param name the field
   */
  public DocumentNode required(String name) {
    Optional<DocumentNode> value = optional(name);
    if (value.isPresent()) {
      return value.get();
    }
    // A misspelling of a required field is reported as such, not as a missing field.
    Iterator<String> names = object.json().fieldNames();
    while (names.hasNext()) {
      String present = names.next();
      if (!known.contains(present) && !Suggestions.closest(present, List.of(name)).isEmpty()) {
        throw object
            .child(present, object.json().get(present))
            .error("unknown field; did you mean " + name + "?");
      }
    }
    throw object.child(name, NullNode.getInstance()).error("missing required field");
  }

  /** Whether the field is present and not null. */
  public boolean has(String name) {
    known.add(name);
    JsonNode value = object.json().get(name);
    return value != null && !value.isNull();
  }

  public int requiredInt(String name) {
    return required(name).asInt();
  }

  public long requiredLong(String name) {
    return required(name).asLong();
  }

  public double requiredDouble(String name) {
    return required(name).asDouble();
  }

  public boolean requiredBoolean(String name) {
    return required(name).asBoolean();
  }

  public String requiredText(String name) {
    return required(name).asText();
  }

  public OptionalInt optionalInt(String name) {
    Optional<DocumentNode> node = optional(name);
    return node.isPresent() ? OptionalInt.of(node.get().asInt()) : OptionalInt.empty();
  }

  public OptionalLong optionalLong(String name) {
    Optional<DocumentNode> node = optional(name);
    return node.isPresent() ? OptionalLong.of(node.get().asLong()) : OptionalLong.empty();
  }

  public OptionalDouble optionalDouble(String name) {
    Optional<DocumentNode> node = optional(name);
    return node.isPresent() ? OptionalDouble.of(node.get().asDouble()) : OptionalDouble.empty();
  }

  public Optional<Boolean> optionalBoolean(String name) {
    return optional(name).map(DocumentNode::asBoolean);
  }

  public Optional<String> optionalText(String name) {
    return optional(name).map(DocumentNode::asText);
  }

  public <E extends Enum<E>> E requiredEnum(String name, Class<E> type) {
    return required(name).asEnum(type);
  }

  public <E extends Enum<E>> Optional<E> optionalEnum(String name, Class<E> type) {
    return optional(name).map(node -> node.asEnum(type));
  }

  public <T> T required(String name, Codec<T> codec) {
    return codec.read(required(name));
  }

  public <T> Optional<T> optional(String name, Codec<T> codec) {
    return optional(name).map(codec::read);
  }

  /** A list field (absent means empty). */
  public <T> List<T> list(String name, Codec<T> codec) {
    List<T> result = new ArrayList<>();
    Optional<DocumentNode> node = optional(name);
    if (node.isPresent()) {
      for (DocumentNode element : node.get().elements()) {
        result.add(codec.read(element));
      }
    }
    return result;
  }

  /** A list of integers (absent means empty). */
  public List<Integer> intList(String name) {
    List<Integer> result = new ArrayList<>();
    Optional<DocumentNode> node = optional(name);
    if (node.isPresent()) {
      for (DocumentNode element : node.get().elements()) {
        result.add(element.asInt());
      }
    }
    return result;
  }

  /**
   * Declares fields that are allowed but read elsewhere (for example a {@code type} discriminator).
   *
   * @param names the fields
   */
  public ObjectFields allow(String... names) {
    known.addAll(List.of(names));
    return this;
  }

  /** Rejects the first field that no accessor asked for, naming it and the closest known names. */
  public void finish() {
    Iterator<String> names = object.json().fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        throw object
            .child(name, object.json().get(name))
            .error("unknown field" + Suggestions.didYouMean(name, known));
      }
    }
  }
}
