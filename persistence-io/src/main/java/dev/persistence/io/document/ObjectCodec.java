package dev.persistence.io.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A codec declared as a table of fields: each field's name, its value's codec, whether it is required, the getter
 * that writes it and the builder setter that reads it. The reader, the writer and the JSON Schema fragment all come
 * from that one table, so a field cannot be read without being written and described, or described with another
 * type than it is read with.
 *
 * <p>Reading rejects unknown fields with a suggestion ({@code did you mean accelerator?}), as {@link ObjectFields}
 * does, and turns the built type's own validation error into a document error at the object's path. The value
 * type's rules (a degree {@code >= 1}, a fraction in [0, 1]) are checked once, by the type; the table states them
 * for the schema through the value codecs ({@link ValueCodecs#integer(long)}, {@link ValueCodecs#fraction()}).
 *
 * <pre>{@code
 * static final Codec<Cluster> CLUSTER =
 *     ObjectCodec.builder(Cluster.class, "cluster", Cluster::builder, ImmutableCluster.Builder::build)
 *         .required("nodeCount", ValueCodecs.integer(1), Cluster::nodeCount, ImmutableCluster.Builder::nodeCount)
 *         .optional("scaleUpDomainSize", ValueCodecs.integer(1), Cluster::scaleUpDomainSize, ...)
 *         .build();
 * }</pre>
 *
 * @param <T> the value type
 * @param <B> its builder (or {@link Values} for a record built from its components)
 */
public final class ObjectCodec<T, B> implements Codec<T> {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String definition;
  private final String description;
  private final List<Field<T, B, ?>> fields;
  private final List<String> allowed;
  private final Supplier<B> start;
  private final Function<B, T> finish;

  private ObjectCodec(Builder<T, B> builder) {
    this.definition = builder.definition;
    this.description = builder.description;
    this.fields = List.copyOf(builder.fields);
    this.allowed = List.copyOf(builder.allowed);
    this.start = builder.start;
    this.finish = builder.finish;
  }

  /**
   * Starts the table of a type built by a builder.
   *
   * @param type the value type
   * @param definition the name of the type's definition in a schema's {@code $defs}
   * @param start creates an empty builder
   * @param finish builds the value
   */
  public static <T, B> Builder<T, B> builder(
      Class<T> type, String definition, Supplier<B> start, Function<B, ? extends T> finish) {
    return new Builder<>(definition, start, finish::apply);
  }

  /**
   * Starts the table of a type built from its components (a record): each field's value is kept in a
   * {@link Values} by the field's name, and {@code construct} reads them back.
   *
   * @param type the value type
   * @param definition the name of the type's definition in a schema's {@code $defs}
   * @param construct builds the value from the fields read
   */
  public static <T> Builder<T, Values> components(
      Class<T> type, String definition, Function<Values, T> construct) {
    return new Builder<>(definition, Values::new, construct);
  }

  /** The field names, in the table's order. */
  public List<String> fieldNames() {
    List<String> names = new ArrayList<>();
    for (Field<T, B, ?> field : fields) {
      names.add(field.name);
    }
    return names;
  }

  @Override
  public T read(DocumentNode node) {
    ObjectFields in = node.fields();
    in.allow(allowed.toArray(new String[0]));
    B builder = start.get();
    for (Field<T, B, ?> field : fields) {
      field.read(in, builder);
    }
    in.finish();
    return node.build(() -> finish.apply(builder));
  }

  @Override
  public JsonNode write(T value) {
    ObjectNode out = NODES.objectNode();
    for (Field<T, B, ?> field : fields) {
      field.write(value, out);
    }
    return out;
  }

  @Override
  public ObjectNode schema(SchemaDefinitions definitions) {
    return definitions.ref(definition, () -> fragment(definitions));
  }

  /**
   * The object's schema without registering it as a definition: for a document's root.
   *
   * @param definitions where the fields' own types are registered
   */
  public ObjectNode fragment(SchemaDefinitions definitions) {
    ObjectNode out = NODES.objectNode();
    out.put("type", "object");
    if (!description.isEmpty()) {
      out.put("description", description);
    }
    ObjectNode properties = out.putObject("properties");
    ArrayNode required = NODES.arrayNode();
    for (Field<T, B, ?> field : fields) {
      ObjectNode property = field.codec.schema(definitions).deepCopy();
      if (!field.description.isEmpty()) {
        property.put("description", field.description);
      }
      properties.set(field.name, property);
      if (field.presence == Presence.REQUIRED) {
        required.add(field.name);
      }
    }
    for (String name : allowed) {
      properties.putObject(name);
    }
    if (!required.isEmpty()) {
      out.set("required", required);
    }
    out.put("additionalProperties", false);
    return out;
  }

  private enum Presence {
    REQUIRED,
    OPTIONAL
  }

  private static final class Field<T, B, V> {
    final String name;
    final Codec<V> codec;
    final Presence presence;
    final Function<T, Optional<V>> getter;
    final BiConsumer<B, V> setter;
    final String description;

    Field(
        String name,
        Codec<V> codec,
        Presence presence,
        Function<T, Optional<V>> getter,
        BiConsumer<B, V> setter,
        String description) {
      this.name = name;
      this.codec = codec;
      this.presence = presence;
      this.getter = getter;
      this.setter = setter;
      this.description = description;
    }

    void read(ObjectFields in, B builder) {
      if (presence == Presence.REQUIRED) {
        setter.accept(builder, in.required(name, codec));
      } else {
        in.optional(name, codec).ifPresent(value -> setter.accept(builder, value));
      }
    }

    void write(T value, ObjectNode out) {
      getter.apply(value).ifPresent(v -> out.set(name, codec.write(v)));
    }
  }

  /**
   * The fields read for a type built from its components, by field name.
   *
   * <p>Kept untyped on purpose: the table's codecs fix each field's type, and the round-trip tests of every codec
   * catch a component read under the wrong name.
   */
  public static final class Values {
    private final Map<String, Object> values = new HashMap<>();

    Values() {}

    void put(String name, Object value) {
      values.put(name, value);
    }

    /**
     * A required field's value, or an optional field's value if it was present.
     *
     * @param name the field
     * @throws IllegalStateException if the table has no such field or the optional field was absent
     */
    @SuppressWarnings("unchecked")
    public <V> V get(String name) {
      Object value = values.get(name);
      if (value == null) {
        throw new IllegalStateException("no value read for " + name);
      }
      return (V) value;
    }

    /**
     * An optional field's value, or {@code otherwise} if it was absent.
     *
     * @param name the field
     * @param otherwise the default
     */
    @SuppressWarnings("unchecked")
    public <V> V get(String name, V otherwise) {
      Object value = values.get(name);
      return value == null ? otherwise : (V) value;
    }

    /**
     * An optional field's value, if it was present.
     *
     * @param name the field
     */
    @SuppressWarnings("unchecked")
    public <V> Optional<V> optional(String name) {
      return Optional.ofNullable((V) values.get(name));
    }
  }

  /**
   * The table being declared.
   *
   * @param <T> the value type
   * @param <B> its builder
   */
  public static final class Builder<T, B> {
    private final String definition;
    private final Supplier<B> start;
    private final Function<B, T> finish;
    private final List<Field<T, B, ?>> fields = new ArrayList<>();
    private final List<String> allowed = new ArrayList<>();
    private String description = "";

    private Builder(String definition, Supplier<B> start, Function<B, T> finish) {
      this.definition = definition;
      this.start = start;
      this.finish = finish;
    }

    /**
     * The type's description in the schema.
     *
     * @param text one sentence
     */
    public Builder<T, B> description(String text) {
      this.description = text;
      return this;
    }

    /**
     * A required field, always written.
     *
     * @param name the field's name
     * @param codec its value's codec
     * @param getter reads it from a value
     * @param setter sets it on the builder
     */
    public <V> Builder<T, B> required(String name, Codec<V> codec, Function<T, V> getter, BiConsumer<B, V> setter) {
      return add(name, codec, Presence.REQUIRED, value -> Optional.of(getter.apply(value)), setter, "");
    }

    /**
     * An optional field, always written; when absent the builder keeps the type's default.
     *
     * @param name the field's name
     * @param codec its value's codec
     * @param getter reads it from a value
     * @param setter sets it on the builder
     */
    public <V> Builder<T, B> optional(String name, Codec<V> codec, Function<T, V> getter, BiConsumer<B, V> setter) {
      return add(name, codec, Presence.OPTIONAL, value -> Optional.of(getter.apply(value)), setter, "");
    }

    /**
     * An optional field written only where {@code written} holds (a recipe field left out at its default, so that
     * documents written before it existed stay as they were).
     *
     * @param name the field's name
     * @param codec its value's codec
     * @param getter reads it from a value
     * @param setter sets it on the builder
     * @param written whether a value writes the field
     */
    public <V> Builder<T, B> optional(
        String name, Codec<V> codec, Function<T, V> getter, BiConsumer<B, V> setter, Predicate<T> written) {
      return add(
          name,
          codec,
          Presence.OPTIONAL,
          value -> written.test(value) ? Optional.of(getter.apply(value)) : Optional.empty(),
          setter,
          "");
    }

    /**
     * An optional field whose getter says whether it is set; written only when set.
     *
     * @param name the field's name
     * @param codec its value's codec
     * @param getter reads it from a value, empty when unset
     * @param setter sets it on the builder
     */
    public <V> Builder<T, B> optionalIfSet(
        String name, Codec<V> codec, Function<T, Optional<V>> getter, BiConsumer<B, V> setter) {
      return add(name, codec, Presence.OPTIONAL, getter, setter, "");
    }

    /**
     * A required component of a type built from its components ({@link #components}).
     *
     * @param name the field's name, under which {@link Values#get(String)} finds it
     * @param codec its value's codec
     * @param getter reads it from a value
     */
    public <V> Builder<T, B> required(String name, Codec<V> codec, Function<T, V> getter) {
      return required(name, codec, getter, componentSetter(name));
    }

    /**
     * An optional component of a type built from its components ({@link #components}), always written.
     *
     * @param name the field's name, under which {@link Values#get(String, Object)} finds it
     * @param codec its value's codec
     * @param getter reads it from a value
     */
    public <V> Builder<T, B> optional(String name, Codec<V> codec, Function<T, V> getter) {
      return optional(name, codec, getter, componentSetter(name));
    }

    /**
     * Describes the field declared last, in the schema.
     *
     * @param text what the field is, with its unit
     */
    public Builder<T, B> describedAs(String text) {
      Field<T, B, ?> last = fields.remove(fields.size() - 1);
      fields.add(withDescription(last, text));
      return this;
    }

    /**
     * Fields that are allowed but read elsewhere (a {@code type} discriminator).
     *
     * @param names the fields
     */
    public Builder<T, B> allow(String... names) {
      allowed.addAll(List.of(names));
      return this;
    }

    /** The codec. */
    public ObjectCodec<T, B> build() {
      return new ObjectCodec<>(this);
    }

    private static <T, B, V> Field<T, B, V> withDescription(Field<T, B, V> field, String text) {
      return new Field<>(field.name, field.codec, field.presence, field.getter, field.setter, text);
    }

    @SuppressWarnings("unchecked")
    private <V> BiConsumer<B, V> componentSetter(String name) {
      return (builder, value) -> {
        if (!(builder instanceof Values)) {
          throw new IllegalStateException(definition + " is built by a builder; give " + name + " a setter");
        }
        ((Values) builder).put(name, value);
      };
    }

    private <V> Builder<T, B> add(
        String name,
        Codec<V> codec,
        Presence presence,
        Function<T, Optional<V>> getter,
        BiConsumer<B, V> setter,
        String text) {
      for (Field<T, B, ?> field : fields) {
        if (field.name.equals(name)) {
          throw new IllegalArgumentException(definition + "." + name + " is declared twice");
        }
      }
      fields.add(new Field<>(name, codec, presence, getter, setter, text));
      return this;
    }
  }
}
