package dev.persistence.io.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A codec of a type with several kinds, each an object told apart by its discriminator field, {@code type} unless
 * declared otherwise ({@code attention: {type: grouped-query, ...}}, {@code {distribution: uniform, ...}}); each
 * kind is an {@link ObjectCodec} declared with {@code allow} of the discriminator. The schema is a {@code oneOf} of
 * the kinds, each with its discriminator as a constant and its table's own rules ({@link ObjectCodec.Builder#rules}).
 * An unknown kind reads {@code unknown <what> type "x"; expected ...; did you mean ...?} whatever the discriminator
 * is called ({@code kind} where it is {@code kind}), so every union words the error the same way.
 *
 * @param <T> the type
 */
public final class TypedUnion<T> implements Codec<T> {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String definition;
  private final String what;
  private final String discriminator;
  private final List<Kind<? extends T>> kinds;

  private TypedUnion(String definition, String what, String discriminator, List<Kind<? extends T>> kinds) {
    this.definition = definition;
    this.what = what;
    this.discriminator = discriminator;
    this.kinds = List.copyOf(kinds);
  }

  /**
   * Starts a union.
   *
   * @param definition the union's name in a schema's {@code $defs}
   * @param what what the type is called in errors ({@code unknown attention type "gqa"; ...})
   */
  public static <T> Builder<T> builder(String definition, String what) {
    return new Builder<>(definition, what);
  }

  /** The {@code type} names, in declaration order. */
  public List<String> typeNames() {
    List<String> names = new ArrayList<>();
    for (Kind<? extends T> kind : kinds) {
      names.add(kind.type);
    }
    return names;
  }

  /**
   * The {@code type} a value is written with.
   *
   * @param value the value
   * @throws IllegalArgumentException if no declared kind takes it
   */
  public String typeOf(T value) {
    for (Kind<? extends T> kind : kinds) {
      if (kind.javaType.isInstance(value)) {
        return kind.type;
      }
    }
    throw new IllegalArgumentException(what + " " + value + " is of no declared kind");
  }

  /**
   * The schemas of the kinds whose values are all {@code within} (a narrower union's {@code oneOf} branches).
   *
   * @param within the narrower type
   * @param definitions where the kinds' definitions are registered
   */
  public List<ObjectNode> kindSchemas(Class<?> within, SchemaDefinitions definitions) {
    List<ObjectNode> out = new ArrayList<>();
    for (Kind<? extends T> kind : kinds) {
      if (within.isAssignableFrom(kind.javaType)) {
        out.add(kindSchema(kind.codec, discriminator, kind.type, true, definitions));
      }
    }
    return out;
  }

  /**
   * The kinds that are {@code within}, or a short form that {@code scalar} reads from a node that is not an object
   * (a bundled law by its name, a constant as a number); the schema is one {@code oneOf} of the short form's and
   * the kinds'.
   *
   * @param definition the codec's name in a schema's {@code $defs}
   * @param within the narrower type whose kinds the schema lists (the union's own for all); the reader does not
   *     check it
   * @param scalar reads, writes and describes the short form
   * @param writtenShort whether a value is written in the short form
   */
  public Codec<T> orScalar(String definition, Class<?> within, Codec<T> scalar, Predicate<T> writtenShort) {
    return ValueCodecs.composed(
        node -> node.json().isObject() ? read(node) : scalar.read(node),
        value -> writtenShort.test(value) ? scalar.write(value) : write(value),
        definitions ->
            definitions.ref(
                definition,
                () -> {
                  ObjectNode out = NODES.objectNode();
                  ArrayNode oneOf = out.putArray("oneOf").add(scalar.schema(definitions));
                  kindSchemas(within, definitions).forEach(oneOf::add);
                  return out;
                }));
  }

  @Override
  public T read(DocumentNode node) {
    DocumentNode type = node.fields().required(discriminator);
    String name = type.asText();
    for (Kind<? extends T> kind : kinds) {
      if (kind.type.equals(name)) {
        return kind.codec.read(node);
      }
    }
    // A union told apart by its kind says so ("unknown post-training stage kind"); every other by its type.
    String noun = discriminator.equals("kind") ? "kind" : "type";
    throw type.error(
        "unknown " + what + " " + noun + " \"" + name + "\"; expected " + accepted()
            + Suggestions.didYouMean(name, typeNames()));
  }

  @Override
  public JsonNode write(T value) {
    for (Kind<? extends T> kind : kinds) {
      if (kind.javaType.isInstance(value)) {
        return kind.write(discriminator, value);
      }
    }
    throw new IllegalArgumentException(what + " " + value + " is of no declared kind");
  }

  @Override
  public ObjectNode schema(SchemaDefinitions definitions) {
    return definitions.ref(
        definition,
        () -> {
          ObjectNode out = NODES.objectNode();
          ArrayNode oneOf = out.putArray("oneOf");
          for (Kind<? extends T> kind : kinds) {
            oneOf.add(kindSchema(kind.codec, discriminator, kind.type, true, definitions));
          }
          return out;
        });
  }

  private String accepted() {
    List<String> names = typeNames();
    if (names.size() <= 2) {
      return String.join(" or ", names);
    }
    return "one of " + String.join(", ", names);
  }

  /**
   * The schema of one kind's object with its discriminator set to a constant.
   *
   * @param codec the kind's fields, declared with {@code allow} of the discriminator
   * @param discriminator the discriminator's field name
   * @param type the constant
   * @param required whether the discriminator must be written
   * @param definitions where the definition is registered
   */
  static ObjectNode kindSchema(
      ObjectCodec<?, ?> codec, String discriminator, String type, boolean required, SchemaDefinitions definitions) {
    return definitions.ref(
        codec.definition(),
        () -> {
          ObjectNode fragment = codec.fragment(definitions);
          ObjectNode properties = (ObjectNode) fragment.get("properties");
          ObjectNode reordered = NODES.objectNode();
          reordered.set(discriminator, NODES.objectNode().put("const", type));
          for (Map.Entry<String, JsonNode> e : properties.properties()) {
            if (!e.getKey().equals(discriminator)) {
              reordered.set(e.getKey(), e.getValue());
            }
          }
          fragment.set("properties", reordered);
          if (!required) {
            return fragment;
          }
          // The discriminator is required first, in the place a table's required fields have (after properties).
          ArrayNode names = NODES.arrayNode().add(discriminator);
          fragment.path("required").forEach(names::add);
          ObjectNode copy = NODES.objectNode();
          for (Map.Entry<String, JsonNode> e : fragment.properties()) {
            if (!e.getKey().equals("required")) {
              copy.set(e.getKey(), e.getValue());
            }
            if (e.getKey().equals("properties")) {
              copy.set("required", names);
            }
          }
          return copy;
        });
  }

  /**
   * The object of one kind, written with its discriminator first.
   *
   * @param codec the kind's fields
   * @param discriminator the discriminator's field name
   * @param type the value it is written with
   * @param value the value
   */
  static <S> ObjectNode writeKind(Codec<S> codec, String discriminator, String type, S value) {
    ObjectNode out = NODES.objectNode().put(discriminator, type);
    out.setAll((ObjectNode) codec.write(value));
    return out;
  }

  private static final class Kind<S> {
    final String type;
    final Class<S> javaType;
    final ObjectCodec<S, ?> codec;

    Kind(String type, Class<S> javaType, ObjectCodec<S, ?> codec) {
      this.type = type;
      this.javaType = javaType;
      this.codec = codec;
    }

    JsonNode write(String discriminator, Object value) {
      return writeKind(codec, discriminator, type, javaType.cast(value));
    }
  }

  /**
   * The union being declared.
   *
   * @param <T> the type
   */
  public static final class Builder<T> {
    private final String definition;
    private final String what;
    private String discriminator = "type";
    private final List<Kind<? extends T>> kinds = new ArrayList<>();

    private Builder(String definition, String what) {
      this.definition = definition;
      this.what = what;
    }

    /**
     * The field that names the kind, {@code type} unless set.
     *
     * @param name the field's name
     */
    public Builder<T> discriminator(String name) {
      this.discriminator = name;
      return this;
    }

    /**
     * A kind.
     *
     * @param type its {@code type} name
     * @param javaType the Java type its values have (the first declared kind a value is an instance of writes it)
     * @param codec its fields, declared with {@code allow} of the discriminator
     */
    public <S extends T> Builder<T> kind(String type, Class<S> javaType, ObjectCodec<S, ?> codec) {
      kinds.add(new Kind<>(type, javaType, codec));
      return this;
    }

    /** The codec. */
    public TypedUnion<T> build() {
      return new TypedUnion<>(definition, what, discriminator, kinds);
    }
  }
}
