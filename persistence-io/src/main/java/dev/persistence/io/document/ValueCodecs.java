package dev.persistence.io.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Codecs of the scalar and list values that fields hold, each with its JSON Schema. A bound given here (an
 * integer's minimum, a fraction's range) is stated for the schema only: the type that receives the value checks it
 * at construction, with the message that names the field, so that each rule is enforced in one place.
 */
public final class ValueCodecs {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ValueCodecs() {}

  /** Any string. */
  public static final Codec<String> TEXT = scalar(DocumentNode::asText, NODES::textNode, typed("string"));

  /** A string of at least one character (a name, a source), checked where it is read. */
  public static final Codec<String> NAME =
      scalar(
          node -> {
            String text = node.asText();
            if (text.isEmpty()) {
              throw node.error("expected a non-empty string, got \"\"");
            }
            return text;
          },
          NODES::textNode,
          typed("string").put("minLength", 1));

  /** {@code true} or {@code false}. */
  public static final Codec<Boolean> BOOLEAN =
      scalar(DocumentNode::asBoolean, NODES::booleanNode, typed("boolean"));

  /** A finite number. */
  public static final Codec<Double> NUMBER = scalar(DocumentNode::asDouble, NODES::numberNode, typed("number"));

  /** A finite number {@code > 0}. */
  public static final Codec<Double> POSITIVE_NUMBER =
      scalar(DocumentNode::asDouble, NODES::numberNode, typed("number").put("exclusiveMinimum", 0));

  /** A finite number {@code >= 0}. */
  public static final Codec<Double> NON_NEGATIVE_NUMBER =
      scalar(DocumentNode::asDouble, NODES::numberNode, typed("number").put("minimum", 0));

  /** A fraction in (0, 1]: an efficiency, a utilisation, a goodput (the receiving type checks it). */
  public static final Codec<Double> POSITIVE_FRACTION =
      scalar(
          DocumentNode::asDouble,
          NODES::numberNode,
          typed("number").put("exclusiveMinimum", 0).put("maximum", 1));

  /** A fraction in (0, 1): a confidence level. */
  public static final Codec<Double> OPEN_FRACTION =
      scalar(
          DocumentNode::asDouble,
          NODES::numberNode,
          typed("number").put("exclusiveMinimum", 0).put("exclusiveMaximum", 1));

  /** A fraction in [0, 1]. */
  public static final Codec<Double> FRACTION =
      scalar(DocumentNode::asDouble, NODES::numberNode, typed("number").put("minimum", 0).put("maximum", 1));

  /** A calendar date, ISO 8601 ({@code 2024-06-13}). */
  public static final Codec<java.time.LocalDate> DATE =
      date(node -> node.describe() + " is not a date; expected YYYY-MM-DD", "a date, YYYY-MM-DD");

  /**
   * A calendar date, ISO 8601 ({@code 2024-06-13}), with a document's own message for a string that is not one.
   *
   * @param problem the error for a string that is not a date
   * @param description the schema's description
   */
  public static Codec<java.time.LocalDate> date(Function<DocumentNode, String> problem, String description) {
    return scalar(
        node -> {
          String text = node.asText();
          try {
            return java.time.LocalDate.parse(text);
          } catch (java.time.format.DateTimeParseException e) {
            throw node.error(problem.apply(node));
          }
        },
        date -> NODES.textNode(date.toString()),
        typed("string").put("format", "date").put("description", description));
  }

  /**
   * A document's version, a string or a number ({@code 2025.1}), kept as the text it is written with.
   *
   * @param description the schema's description
   */
  public static Codec<String> version(String description) {
    return composed(
        node -> {
          if (!node.json().isTextual() && !node.json().isNumber()) {
            throw node.error("expected a string or a number, got " + node.describe());
          }
          return node.json().asText();
        },
        NODES::textNode,
        definitions -> {
          ObjectNode out = NODES.objectNode();
          out.putArray("type").add("string").add("number");
          return out.put("description", description);
        });
  }

  /** An {@code int} of any sign. */
  public static final Codec<Integer> INTEGER = scalar(DocumentNode::asInt, NODES::numberNode, typed("integer"));

  /** A {@code long} of any sign. */
  public static final Codec<Long> LONG = scalar(DocumentNode::asLong, NODES::numberNode, typed("integer"));

  /**
   * An {@code int} of at least {@code minimum}.
   *
   * @param minimum the smallest value the receiving type accepts
   */
  public static Codec<Integer> integer(long minimum) {
    return scalar(DocumentNode::asInt, NODES::numberNode, typed("integer").put("minimum", minimum));
  }

  /**
   * An {@code int} in [{@code minimum}, {@code maximum}].
   *
   * @param minimum the smallest value the receiving type accepts
   * @param maximum the largest
   */
  public static Codec<Integer> integer(long minimum, long maximum) {
    return scalar(
        DocumentNode::asInt,
        NODES::numberNode,
        typed("integer").put("minimum", minimum).put("maximum", maximum));
  }

  /**
   * A {@code long} of at least {@code minimum}.
   *
   * @param minimum the smallest value the receiving type accepts
   */
  public static Codec<Long> longInteger(long minimum) {
    return scalar(DocumentNode::asLong, NODES::numberNode, typed("integer").put("minimum", minimum));
  }

  /**
   * A constant of {@code type}, written in kebab-case ({@code rms-norm}); other spellings are read too (see
   * {@link EnumNames#parse}).
   *
   * @param type the enum
   */
  public static <E extends Enum<E>> Codec<E> enumeration(Class<E> type) {
    ObjectNode fragment = typed("string");
    ArrayNode names = fragment.putArray("enum");
    for (E constant : type.getEnumConstants()) {
      names.add(EnumNames.kebabCase(constant));
    }
    return scalar(node -> node.asEnum(type), constant -> NODES.textNode(EnumNames.kebabCase(constant)), fragment);
  }

  /**
   * A list of values.
   *
   * @param elements each element's codec
   */
  public static <V> Codec<List<V>> list(Codec<V> elements) {
    return composed(
        node -> {
          List<V> result = new ArrayList<>();
          for (DocumentNode element : node.elements()) {
            result.add(elements.read(element));
          }
          return Collections.unmodifiableList(result);
        },
        values -> {
          ArrayNode out = NODES.arrayNode();
          values.forEach(value -> out.add(elements.write(value)));
          return out;
        },
        definitions -> (ObjectNode) typed("array").set("items", elements.schema(definitions)));
  }

  /**
   * A set of integers of at least {@code minimum}, written as a list in ascending order.
   *
   * @param minimum the smallest value the receiving type accepts
   */
  public static Codec<Set<Integer>> integerSet(long minimum) {
    return mapped(
        list(integer(minimum)),
        values -> Collections.unmodifiableSet(new java.util.TreeSet<>(values)),
        values -> new ArrayList<>(new java.util.TreeSet<>(values)));
  }

  /**
   * A set of enum constants, written as a list in declaration order.
   *
   * @param type the enum
   */
  public static <E extends Enum<E>> Codec<Set<E>> enumSet(Class<E> type) {
    Codec<Set<E>> set =
        mapped(
            list(enumeration(type)),
            constants -> constants.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(constants),
            values -> new ArrayList<>(values.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(values)));
    return composed(set::read, set::write, definitions -> set.schema(definitions).put("uniqueItems", true));
  }

  /**
   * A value stored as another: read with {@code base}, then converted (a conversion's
   * {@link IllegalArgumentException} becomes an error at the node); written converted back.
   *
   * @param base the stored value's codec, whose schema this is
   * @param read converts the stored value
   * @param write converts back
   */
  public static <A, V> Codec<V> mapped(Codec<A> base, Function<A, V> read, Function<V, A> write) {
    return composed(
        node -> {
          A stored = base.read(node);
          return node.build(() -> read.apply(stored));
        },
        value -> base.write(write.apply(value)),
        base::schema);
  }

  /**
   * A value named by a string (a preset, a catalog entry) or written out as an object.
   *
   * @param definition the union's name in a schema's {@code $defs}
   * @param names the accepted names, for the schema; empty when the names are open (a user's catalog)
   * @param nameDescription what a name is, for the schema
   * @param byName looks a name up; its {@link IllegalArgumentException} (listing the known names) becomes an error
   *     at the node
   * @param nameOf the name a value is written as, if it has one
   * @param object the codec of the written-out form
   */
  public static <V> Codec<V> namedOrObject(
      String definition,
      java.util.function.Supplier<List<String>> names,
      String nameDescription,
      Function<String, V> byName,
      Function<V, java.util.Optional<String>> nameOf,
      Codec<V> object) {
    return composed(
        node -> {
          if (node.json().isTextual()) {
            String name = node.asText();
            return node.build(() -> byName.apply(name));
          }
          return object.read(node);
        },
        value -> nameOf.apply(value).<JsonNode>map(NODES::textNode).orElseGet(() -> object.write(value)),
        definitions ->
            definitions.ref(
                definition,
                () -> {
                  ObjectNode name = typed("string");
                  List<String> known = names.get();
                  if (known.isEmpty()) {
                    name.put("minLength", 1);
                  } else {
                    ArrayNode values = name.putArray("enum");
                    known.forEach(values::add);
                  }
                  name.put("description", nameDescription);
                  ObjectNode out = NODES.objectNode();
                  out.putArray("oneOf").add(name).add(object.schema(definitions));
                  return out;
                }));
  }

  /**
   * A preset's name or the value written out as an object: a preset reads from its name (ignoring case) and is
   * written as it; any other value as the object. An unknown name reads {@code unknown <what> "x"; did you mean
   * y?; presets: a, b}.
   *
   * @param definition the union's name in a schema's {@code $defs}
   * @param what what a name names, in errors ({@code grid}, {@code curation preset})
   * @param nameDescription what a name is, for the schema
   * @param presets the presets by name, in the order the schema lists them
   * @param object the codec of the written-out form
   */
  public static <V> Codec<V> presetOrObject(
      String definition,
      String what,
      String nameDescription,
      java.util.function.Supplier<java.util.Map<String, V>> presets,
      Codec<V> object) {
    return namedOrObject(
        definition,
        () -> List.copyOf(presets.get().keySet()),
        nameDescription,
        name ->
            presets.get().entrySet().stream()
                .filter(preset -> preset.getKey().equalsIgnoreCase(name))
                .map(java.util.Map.Entry::getValue)
                .findFirst()
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "unknown " + what + " \"" + name + "\""
                                + Suggestions.didYouMean(name, presets.get().keySet())
                                + "; presets: " + String.join(", ", presets.get().keySet()))),
        value ->
            presets.get().entrySet().stream()
                .filter(preset -> preset.getValue().equals(value))
                .map(java.util.Map.Entry::getKey)
                .findFirst(),
        object);
  }

  /**
   * A codec composed of a reader, a writer and a schema: the one shape of unions, checks and adapters that need more
   * than a table (a table's codec is an {@link ObjectCodec}).
   *
   * @param read reads a value, with errors at the node
   * @param write writes it back
   * @param schema its schema fragment or {@code $ref}
   */
  public static <T> Codec<T> composed(
      Function<DocumentNode, T> read, Function<T, JsonNode> write, Function<SchemaDefinitions, ObjectNode> schema) {
    return new Codec<>() {
      @Override
      public T read(DocumentNode node) {
        return read.apply(node);
      }

      @Override
      public JsonNode write(T value) {
        return write.apply(value);
      }

      @Override
      public ObjectNode schema(SchemaDefinitions definitions) {
        return schema.apply(definitions);
      }
    };
  }

  /**
   * A codec made when first used: for codecs of two classes that refer to each other, so that neither class builds
   * the other's codecs while it is being initialised.
   *
   * @param make makes the codec, once
   */
  public static <T> Codec<T> lazy(java.util.function.Supplier<Codec<T>> make) {
    java.util.concurrent.atomic.AtomicReference<Codec<T>> made = new java.util.concurrent.atomic.AtomicReference<>();
    java.util.function.Supplier<Codec<T>> codec =
        () -> {
          Codec<T> current = made.get();
          if (current == null) {
            made.compareAndSet(null, make.get());
            current = made.get();
          }
          return current;
        };
    return composed(node -> codec.get().read(node), value -> codec.get().write(value), d -> codec.get().schema(d));
  }

  private static ObjectNode typed(String type) {
    return NODES.objectNode().put("type", type);
  }

  private static <V> Codec<V> scalar(
      Function<DocumentNode, V> reader, Function<V, JsonNode> writer, ObjectNode fragment) {
    return composed(reader, writer, definitions -> fragment.deepCopy());
  }
}
