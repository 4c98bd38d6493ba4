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

  /** The field as an int; missing, not a number, fractional or out of range is an error naming it. */
  public int requiredInt(String name) {
    return required(name).asInt();
  }

  /** The field as a long; missing, not a number, fractional or out of range is an error naming it. */
  public long requiredLong(String name) {
    return required(name).asLong();
  }

  /** The field as a finite double; missing or not a number is an error naming it. */
  public double requiredDouble(String name) {
    return required(name).asDouble();
  }

  /** The field as a boolean; missing or not {@code true}/{@code false} is an error naming it. */
  public boolean requiredBoolean(String name) {
    return required(name).asBoolean();
  }

  /** The field as a string; missing or not a string is an error naming it. */
  public String requiredText(String name) {
    return required(name).asText();
  }

  /** The field as an int if present and not null, read as {@link #requiredInt}. */
  public OptionalInt optionalInt(String name) {
    Optional<DocumentNode> node = optional(name);
    return node.isPresent() ? OptionalInt.of(node.get().asInt()) : OptionalInt.empty();
  }

  /** The field as a long if present and not null, read as {@link #requiredLong}. */
  public OptionalLong optionalLong(String name) {
    Optional<DocumentNode> node = optional(name);
    return node.isPresent() ? OptionalLong.of(node.get().asLong()) : OptionalLong.empty();
  }

  /** The field as a double if present and not null, read as {@link #requiredDouble}. */
  public OptionalDouble optionalDouble(String name) {
    Optional<DocumentNode> node = optional(name);
    return node.isPresent() ? OptionalDouble.of(node.get().asDouble()) : OptionalDouble.empty();
  }

  /** The field as a boolean if present and not null, read as {@link #requiredBoolean}. */
  public Optional<Boolean> optionalBoolean(String name) {
    return optional(name).map(DocumentNode::asBoolean);
  }

  /** The field as a string if present and not null, read as {@link #requiredText}. */
  public Optional<String> optionalText(String name) {
    return optional(name).map(DocumentNode::asText);
  }

  /**
   * The field as a constant of {@code type}, written in kebab-case; an unknown name is an error listing the
   * accepted ones.
   */
  public <E extends Enum<E>> E requiredEnum(String name, Class<E> type) {
    return required(name).asEnum(type);
  }

  /** The field as a constant of {@code type} if present and not null, read as {@link #requiredEnum}. */
  public <E extends Enum<E>> Optional<E> optionalEnum(String name, Class<E> type) {
    return optional(name).map(node -> node.asEnum(type));
  }

  /** The field read by {@code codec}; a missing field is an error naming it. */
  public <T> T required(String name, Codec<T> codec) {
    return codec.read(required(name));
  }

  /** The field read by {@code codec} if present and not null. */
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
