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
import java.util.function.Consumer;
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
 * for the schema through the value codecs ({@link ValueCodecs#integer(long)}, {@link ValueCodecs#FRACTION}).
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
  private final List<Member<T, B>> fields;
  private final List<String> allowed;
  private final Supplier<B> start;
  private final Function<B, T> finish;
  private final Consumer<ObjectNode> rules;
  private final List<Rule> checks;

  private ObjectCodec(Builder<T, B> builder) {
    this.checks = List.copyOf(builder.checks);
    this.definition = builder.definition;
    this.description = builder.description;
    List<String> names = new ArrayList<>(builder.allowed);
    for (Member<T, B> field : builder.fields) {
      if (field instanceof Included) {
        names.addAll(((Included<T, B, ?>) field).inner.fieldNames());
      } else {
        names.add(field.name());
      }
    }
    List<Member<T, B>> members = new ArrayList<>();
    for (Member<T, B> field : builder.fields) {
      members.add(field instanceof Included ? ((Included<T, B, ?>) field).within(names) : field);
    }
    this.fields = List.copyOf(members);
    this.allowed = List.copyOf(builder.allowed);
    this.start = builder.start;
    this.finish = builder.finish;
    this.rules = builder.rules;
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
    return new Builder<>(type, definition, start, finish::apply);
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
    return new Builder<>(type, definition, Values::new, construct);
  }

  /**
   * Sets a field of a record read into a map ({@link #fromMap}), for tables whose fields are written when set.
   *
   * @param name the field
   */
  public static <V> BiConsumer<Map<String, Object>, V> into(String name) {
    return (fields, value) -> fields.put(name, value);
  }

  /**
   * Starts the table of a record read into a map by field name, built by {@code construct} (a record whose
   * optional fields are written only when set).
   *
   * @param type the value type
   * @param definition the name of its definition in a schema's {@code $defs}
   * @param construct builds the value from the map
   */
  public static <T> ObjectCodec.Builder<T, Map<String, Object>> fromMap(
      Class<T> type, String definition, Function<Map<String, Object>, T> construct) {
    return ObjectCodec.<T, Map<String, Object>>builder(type, definition, java.util.HashMap::new, construct);
  }

  /**
   * Starts the table of a record built by its canonical constructor, each component from the field of its name:
   * an absent field is {@code Optional.empty()} for an {@code Optional} component, otherwise the default its row
   * declares ({@link Builder#byDefault}). Fields are declared by name ({@link Builder#required(String, Codec)}),
   * or with a getter where the written value is not the component. The constructor's own checks are the
   * document's errors at the object.
   *
   * @param type the record
   * @param definition the name of its definition in a schema's {@code $defs}
   * @throws IllegalArgumentException if a component has no field, default or {@code Optional} type (at the first
   *     read)
   */
  public static <R extends Record> Builder<R, Values> record(Class<R> type, String definition) {
    java.lang.reflect.RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
    }
    java.lang.reflect.Constructor<R> canonical;
    try {
      canonical = type.getDeclaredConstructor(types);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(type.getSimpleName() + " has no canonical constructor", e);
    }
    canonical.trySetAccessible();
    Map<String, Object> defaults = new HashMap<>();
    Builder<R, Values> builder =
        new Builder<>(
            type,
            definition,
            Values::new,
            values -> {
              Object[] arguments = new Object[components.length];
              for (int i = 0; i < components.length; i++) {
                String name = components[i].getName();
                Object value = values.values.getOrDefault(name, defaults.get(name));
                if (types[i] == Optional.class) {
                  value = value instanceof Optional ? value : Optional.ofNullable(value);
                } else if (value == null) {
                  throw new IllegalStateException(type.getSimpleName() + "." + name + " has no field and no default");
                }
                arguments[i] = value;
              }
              try {
                return canonical.newInstance(arguments);
              } catch (ReflectiveOperationException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException) {
                  throw (RuntimeException) cause;
                }
                throw new IllegalStateException(canonical + " failed", e);
              }
            });
    builder.defaults = defaults;
    return builder;
  }

  /** The name of this type's definition in a schema's {@code $defs}. */
  public String definition() {
    return definition;
  }

  /** The field names, in the table's order. */
  public List<String> fieldNames() {
    List<String> names = new ArrayList<>();
    for (Member<T, B> field : fields) {
      if (field instanceof Included) {
        names.addAll(((Included<T, B, ?>) field).inner.fieldNames());
      } else {
        names.add(field.name());
      }
    }
    return names;
  }

  @Override
  public T read(DocumentNode node) {
    ObjectFields in = node.fields();
    in.allow(allowed.toArray(new String[0]));
    B builder = start.get();
    for (Member<T, B> field : fields) {
      field.read(in, builder);
    }
    in.finish();
    for (Rule rule : checks) {
      rule.check.accept(node);
    }
    return node.build(() -> finish.apply(builder));
  }

  @Override
  public JsonNode write(T value) {
    ObjectNode out = NODES.objectNode();
    for (Member<T, B> field : fields) {
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
    List<Rule> all = new ArrayList<>();
    for (Member<T, B> field : fields) {
      if (field instanceof Included) {
        ObjectNode inner = ((Included<T, B, ?>) field).inner.fragment(definitions);
        inner.get("properties").properties().forEach(e -> properties.set(e.getKey(), e.getValue()));
        inner.path("required").forEach(required::add);
        all.addAll(((Included<T, B, ?>) field).inner.checks);
        continue;
      }
      properties.set(field.name(), field.schema(definitions));
      if (field.required()) {
        required.add(field.name());
      }
    }
    all.addAll(checks);
    for (String name : allowed) {
      properties.putObject(name);
    }
    if (!required.isEmpty()) {
      out.set("required", required);
    }
    out.put("additionalProperties", false);
    if (!all.isEmpty()) {
      ArrayNode allOf = out.putArray("allOf");
      all.forEach(rule -> allOf.add(rule.schema.deepCopy()));
    }
    rules.accept(out);
    return out;
  }

  /** A rule across fields: its schema statement and the reader's check, run once the fields are read. */
  private static final class Rule {
    final ObjectNode schema;
    final Consumer<DocumentNode> check;

    Rule(ObjectNode schema, Consumer<DocumentNode> check) {
      this.schema = schema;
      this.check = check;
    }
  }

  /** Whether the object has the field, not null. */
  private static boolean present(DocumentNode object, String name) {
    JsonNode value = object.json().get(name);
    return value != null && !value.isNull();
  }

  private enum Presence {
    REQUIRED,
    OPTIONAL
  }

  /** One entry of the table: a field holding a value, or a section whose fields fill the same builder. */
  private interface Member<T, B> {
    String name();

    boolean required();

    void read(ObjectFields in, B builder);

    void write(T value, ObjectNode out);

    ObjectNode schema(SchemaDefinitions definitions);
  }

  /**
   * The fields of another table in the same object ({@link Builder#include}): read into the other table's builder
   * with its rules, built, and set on this type's builder; written into the same object.
   */
  private static final class Included<T, B, S> implements Member<T, B> {
    final ObjectCodec<S, ?> inner;
    final Function<T, S> getter;
    final BiConsumer<B, S> setter;
    final List<String> enclosing;

    Included(ObjectCodec<S, ?> inner, Function<T, S> getter, BiConsumer<B, S> setter, List<String> enclosing) {
      this.inner = inner;
      this.getter = getter;
      this.setter = setter;
      this.enclosing = List.copyOf(enclosing);
    }

    /** This inclusion in a table of these fields, which it rejects others than before its rules run. */
    Included<T, B, S> within(List<String> names) {
      return new Included<>(inner, getter, setter, names);
    }

    @Override
    public String name() {
      return inner.definition();
    }

    @Override
    public boolean required() {
      return true;
    }

    @Override
    public void read(ObjectFields in, B builder) {
      // A misspelt field is named as such (with its suggestion) before a rule reports the field it meant missing.
      in.node().fields().allow(enclosing.toArray(new String[0])).finish();
      setter.accept(builder, inner.readFields(in));
    }

    @Override
    public void write(T value, ObjectNode out) {
      out.setAll((ObjectNode) inner.write(getter.apply(value)));
    }

    @Override
    public ObjectNode schema(SchemaDefinitions definitions) {
      throw new IllegalStateException("an included table's fields are described by the enclosing fragment");
    }
  }

  /** Reads this table's fields from an object that may hold more (an including table's), with its rules. */
  private T readFields(ObjectFields in) {
    in.allow(allowed.toArray(new String[0]));
    B builder = start.get();
    for (Member<T, B> field : fields) {
      field.read(in, builder);
    }
    for (Rule rule : checks) {
      rule.check.accept(in.node());
    }
    return in.node().build(() -> finish.apply(builder));
  }

  /**
   * A nested object whose fields are read into the enclosing type's builder ({@code training: {tokens: ...}} in a
   * scenario whose builder takes {@code trainingTokens}).
   */
  private static final class Section<T, B> implements Member<T, B> {
    final String name;
    final boolean required;
    final String description;
    final List<Member<T, B>> members;
    final Predicate<T> written;

    Section(String name, boolean required, String description, List<Member<T, B>> members, Predicate<T> written) {
      this.name = name;
      this.required = required;
      this.description = description;
      this.members = List.copyOf(members);
      this.written = written;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public boolean required() {
      return required;
    }

    @Override
    public void read(ObjectFields in, B builder) {
      Optional<DocumentNode> node = required ? Optional.of(in.required(name)) : in.optional(name);
      if (node.isPresent()) {
        ObjectFields section = node.get().fields();
        for (Member<T, B> member : members) {
          member.read(section, builder);
        }
        section.finish();
      }
    }

    @Override
    public void write(T value, ObjectNode out) {
      if (written.test(value)) {
        ObjectNode section = out.putObject(name);
        for (Member<T, B> member : members) {
          member.write(value, section);
        }
      }
    }

    @Override
    public ObjectNode schema(SchemaDefinitions definitions) {
      ObjectNode out = NODES.objectNode();
      out.put("type", "object");
      if (!description.isEmpty()) {
        out.put("description", description);
      }
      ObjectNode properties = out.putObject("properties");
      ArrayNode names = NODES.arrayNode();
      for (Member<T, B> member : members) {
        properties.set(member.name(), member.schema(definitions));
        if (member.required()) {
          names.add(member.name());
        }
      }
      if (!names.isEmpty()) {
        out.set("required", names);
      }
      out.put("additionalProperties", false);
      return out;
    }
  }

  private static final class Field<T, B, V> implements Member<T, B> {
    final String name;
    final Codec<V> codec;
    final Presence presence;
    final Function<T, Optional<V>> getter;
    final BiConsumer<B, V> setter;
    final String description;
    final Function<B, Codec<V>> reading;

    Field(
        String name,
        Codec<V> codec,
        Presence presence,
        Function<T, Optional<V>> getter,
        BiConsumer<B, V> setter,
        String description,
        Function<B, Codec<V>> reading) {
      this.name = name;
      this.codec = codec;
      this.presence = presence;
      this.getter = getter;
      this.setter = setter;
      this.description = description;
      this.reading = reading;
    }

    @Override
    public String name() {
      return name;
    }

    Field<T, B, V> writtenWhen(Predicate<T> written) {
      return new Field<>(
          name,
          codec,
          presence,
          value -> written.test(value) ? getter.apply(value) : Optional.empty(),
          setter,
          description,
          reading);
    }

    @Override
    public boolean required() {
      return presence == Presence.REQUIRED;
    }

    @Override
    public ObjectNode schema(SchemaDefinitions definitions) {
      ObjectNode property = codec.schema(definitions).deepCopy();
      if (!description.isEmpty()) {
        property.put("description", description);
      }
      return property;
    }

    @Override
    public void read(ObjectFields in, B builder) {
      Codec<V> reader = reading.apply(builder);
      if (presence == Presence.REQUIRED) {
        setter.accept(builder, in.required(name, reader));
      } else {
        in.optional(name, reader).ifPresent(value -> setter.accept(builder, value));
      }
    }

    @Override
    public void write(T value, ObjectNode out) {
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
    private final List<Member<T, B>> fields = new ArrayList<>();
    private final List<String> allowed = new ArrayList<>();
    private String description = "";
    private Consumer<ObjectNode> rules = fragment -> {};
    private final List<Rule> checks = new ArrayList<>();

    private final Class<T> type;
    /** The defaults of a record's absent fields ({@link #record}); null for other tables. */
    private Map<String, Object> defaults;

    private Builder(Class<T> type, String definition, Supplier<B> start, Function<B, T> finish) {
      this.type = type;
      this.definition = definition;
      this.start = start;
      this.finish = finish;
    }

    /**
     * A required field named as the value type's accessor and the builder's setter (or a component of a type
     * built from its components), always written.
     *
     * @param name the field's name, which is also the accessor's and the setter's
     * @param codec its value's codec
     * @throws IllegalArgumentException if the type has no such accessor or the builder no such setter
     */
    public <V> Builder<T, B> required(String name, Codec<V> codec) {
      Accessor accessor = Accessor.of(type, name);
      if (accessor.optional) {
        throw new IllegalArgumentException(definition + "." + name + " is optional in " + type.getSimpleName());
      }
      return required(name, codec, accessor.<T, V>getter(), setter(name, accessor));
    }

    /**
     * An optional field named as the value type's accessor and the builder's setter (or a component): when
     * absent the builder keeps the type's default; written always, or only when set where the accessor returns
     * an {@code Optional}.
     *
     * @param name the field's name, which is also the accessor's and the setter's
     * @param codec its value's codec
     * @throws IllegalArgumentException if the type has no such accessor or the builder no such setter
     */
    public <V> Builder<T, B> optional(String name, Codec<V> codec) {
      Accessor accessor = Accessor.of(type, name);
      BiConsumer<B, V> setter = setter(name, accessor);
      if (accessor.optional) {
        return add(name, codec, Presence.OPTIONAL, accessor.<T, V>presentValue(), setter, "");
      }
      return optional(name, codec, accessor.<T, V>getter(), setter);
    }

    /**
     * Writes the field declared last only where {@code written} holds (a recipe field left out at its default, so
     * that documents written before it existed stay as they were).
     *
     * @param written whether a value writes the field
     */
    public Builder<T, B> writtenWhen(Predicate<T> written) {
      Member<T, B> last = fields.get(fields.size() - 1);
      if (!(last instanceof Field)) {
        throw new IllegalStateException("a section's writing is declared where it is declared");
      }
      fields.set(fields.size() - 1, ((Field<T, B, ?>) last).writtenWhen(written));
      return this;
    }

    @SuppressWarnings("unchecked")
    private <V> BiConsumer<B, V> setter(String name, Accessor accessor) {
      B probe = start.get();
      if (probe instanceof Values) {
        return componentSetter(name);
      }
      java.lang.reflect.Method setter = accessor.setterOn(probe.getClass());
      return (builder, value) -> Accessor.invoke(setter, builder, value);
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
     * A required field whose reader depends on fields read before it (a mixture whose sources are looked up in the
     * catalog named beside it): read by the codec {@code reading} makes from the builder, written and described by
     * {@code codec}.
     *
     * @param name the field's name
     * @param codec its value's codec, for writing and the schema
     * @param reading the codec that reads it, given what the builder holds
     * @param getter reads it from a value
     * @param setter sets it on the builder
     */
    public <V> Builder<T, B> requiredAfter(
        String name, Codec<V> codec, Function<B, Codec<V>> reading, Function<T, V> getter, BiConsumer<B, V> setter) {
      checkUnique(name);
      fields.add(
          new Field<>(
              name, codec, Presence.REQUIRED, value -> Optional.of(getter.apply(value)), setter, "", reading));
      return this;
    }

    /**
     * An optional component, written only when {@code getter} has it ({@link #components}, {@link #fromMap}).
     *
     * @param name the field's name, under which the component is kept
     * @param codec its value's codec
     * @param getter reads it from a value, empty when unset
     */
    public <V> Builder<T, B> optionalIfSet(String name, Codec<V> codec, Function<T, Optional<V>> getter) {
      return optionalIfSet(name, codec, getter, componentSetter(name));
    }

    /**
     * The value of the field declared last where it is absent, for a record built from its components
     * ({@link ObjectCodec#record}).
     *
     * @param otherwise the default
     */
    public Builder<T, B> byDefault(Object otherwise) {
      if (defaults == null) {
        throw new IllegalStateException(definition + " is not a record's table; its builder keeps the defaults");
      }
      defaults.put(fields.get(fields.size() - 1).name(), otherwise);
      return this;
    }

    /**
     * Describes the field declared last, in the schema.
     *
     * @param text what the field is, with its unit
     */
    public Builder<T, B> describedAs(String text) {
      Member<T, B> last = fields.get(fields.size() - 1);
      if (!(last instanceof Field)) {
        throw new IllegalStateException("describe a section where it is declared");
      }
      fields.set(fields.size() - 1, withDescription((Field<T, B, ?>) last, text));
      return this;
    }

    /**
     * A required nested object whose fields are read into this type's builder and written from its getters.
     *
     * @param name the section's name
     * @param description what the section holds, for the schema
     * @param declare declares the section's fields on the builder it is given
     */
    public Builder<T, B> requiredSection(
        String name, String description, java.util.function.UnaryOperator<Builder<T, B>> declare) {
      return section(name, true, description, declare, value -> true);
    }

    /**
     * An optional nested object whose fields are read into this type's builder, written where {@code written}
     * holds.
     *
     * @param name the section's name
     * @param description what the section holds, for the schema
     * @param declare declares the section's fields on the builder it is given
     * @param written whether a value writes the section
     */
    public Builder<T, B> optionalSection(
        String name,
        String description,
        java.util.function.UnaryOperator<Builder<T, B>> declare,
        Predicate<T> written) {
      return section(name, false, description, declare, written);
    }

    private Builder<T, B> section(
        String name,
        boolean required,
        String description,
        java.util.function.UnaryOperator<Builder<T, B>> declare,
        Predicate<T> written) {
      Builder<T, B> inner = declare.apply(new Builder<>(type, definition + "." + name, start, finish));
      checkUnique(name);
      fields.add(new Section<>(name, required, description, inner.fields, written));
      return this;
    }

    private void checkUnique(String name) {
      for (Member<T, B> field : fields) {
        if (field.name().equals(name)) {
          throw new IllegalArgumentException(definition + "." + name + " is declared twice");
        }
      }
    }

    /**
     * Rules across fields that a table cannot state (exactly one of two fields, a field required for one kind),
     * added to the type's schema; the reader enforces them where the value is built. A kind of a
     * {@link TypedUnion} keeps them in the union's schema.
     *
     * @param add adds the rules ({@code anyOf}, {@code oneOf}, {@code not}) to the type's fragment
     */
    public Builder<T, B> rules(Consumer<ObjectNode> add) {
      this.rules = add;
      return this;
    }

    /**
     * A rule across fields, declared once for the reader and the schema: {@code check} runs on the object once its
     * fields are read and no unknown field is left (so a misspelt field is named as such first), and throws the
     * rule's error ({@link DocumentNode#error}); {@code schema} states it in the type's {@code allOf}.
     *
     * @param schema the rule as a schema ({@code oneOf}, {@code anyOf}, {@code not})
     * @param check throws the rule's error at the object or one of its fields
     */
    public Builder<T, B> rule(ObjectNode schema, Consumer<DocumentNode> check) {
      checks.add(new Rule(schema, check));
      return this;
    }

    /**
     * Exactly one of {@code names} is present (a quantity given in one of its units): otherwise the error at the
     * object is {@code subject + "needs exactly one of " + names}.
     *
     * @param subject what the message starts with, for the object ({@code "accelerator H100 "}); may be empty
     * @param names the fields
     */
    public Builder<T, B> exactlyOne(Function<DocumentNode, String> subject, String... names) {
      ObjectNode schema = NODES.objectNode();
      ArrayNode oneOf = schema.putArray("oneOf");
      for (String name : names) {
        oneOf.addObject().putArray("required").add(name);
      }
      return rule(schema, object -> {
        int count = 0;
        for (String name : names) {
          count += present(object, name) ? 1 : 0;
        }
        if (count != 1) {
          throw object.error(subject.apply(object) + "needs exactly one of " + String.join(", ", names));
        }
      });
    }

    /**
     * At most one of {@code names} is present: otherwise the error at the object is {@code subject + "needs at
     * most one of " + names}.
     *
     * @param subject what the message starts with, for the object; may be empty
     * @param names the fields
     */
    public Builder<T, B> atMostOne(Function<DocumentNode, String> subject, String... names) {
      ObjectNode schema = NODES.objectNode();
      ArrayNode required = schema.putObject("not").putArray("required");
      if (names.length != 2) {
        // "not all of them" states "at most one" for two fields only.
        throw new IllegalArgumentException("atMostOne states two fields");
      }
      List.of(names).forEach(required::add);
      return rule(schema, object -> {
        if (present(object, names[0]) && present(object, names[1])) {
          throw object.error(subject.apply(object) + "needs at most one of " + String.join(", ", names));
        }
      });
    }

    /**
     * The fields of another table in this object, flattened (a catalog entry is a data source's fields and its
     * own): read with that table's rules, set on this builder, written and described as this object's fields.
     *
     * @param inner the other table
     * @param getter reads its value from this type's
     * @param setter sets it on this type's builder
     */
    public <S> Builder<T, B> include(ObjectCodec<S, ?> inner, Function<T, S> getter, BiConsumer<B, S> setter) {
      checkUnique(inner.definition());
      fields.add(new Included<>(inner, getter, setter, List.of()));
      return this;
    }

    /**
     * The fields of another table in this object, its value kept as a component under the other table's
     * definition name ({@link #components}, {@link #fromMap}).
     *
     * @param inner the other table
     * @param getter reads its value from this type's
     */
    public <S> Builder<T, B> include(ObjectCodec<S, ?> inner, Function<T, S> getter) {
      return include(inner, getter, componentSetter(inner.definition()));
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
      return new Field<>(field.name, field.codec, field.presence, field.getter, field.setter, text, field.reading);
    }

    @SuppressWarnings("unchecked")
    private <V> BiConsumer<B, V> componentSetter(String name) {
      return (builder, value) -> {
        if (builder instanceof Map) {
          ((Map<String, Object>) builder).put(name, value);
        } else if (builder instanceof Values) {
          ((Values) builder).put(name, value);
        } else {
          throw new IllegalStateException(definition + " is built by a builder; give " + name + " a setter");
        }
      };
    }

    private <V> Builder<T, B> add(
        String name,
        Codec<V> codec,
        Presence presence,
        Function<T, Optional<V>> getter,
        BiConsumer<B, V> setter,
        String text) {
      checkUnique(name);
      fields.add(new Field<>(name, codec, presence, getter, setter, text, builder -> codec));
      return this;
    }
  }

  /**
   * A value type's accessor found by name, for fields declared without an explicit getter and setter: the field's
   * name is the accessor's and the builder setter's (as every codec's documents spell them); a result document's
   * fields named as accessors ({@link ResultDocument.Builder#fields}) find theirs here too.
   */
  static final class Accessor {
    final java.lang.reflect.Method getter;
    final boolean optional;
    final Class<?> valueType;

    private Accessor(java.lang.reflect.Method getter) {
      this.getter = getter;
      Class<?> returned = getter.getReturnType();
      this.optional =
          returned == Optional.class
              || returned == java.util.OptionalInt.class
              || returned == java.util.OptionalLong.class
              || returned == java.util.OptionalDouble.class;
      this.valueType = optional ? unwrapped(getter.getGenericReturnType()) : boxed(returned);
    }

    static Accessor of(Class<?> type, String name) {
      try {
        return new Accessor(type.getMethod(name));
      } catch (NoSuchMethodException e) {
        throw new IllegalArgumentException(type.getSimpleName() + " has no accessor " + name + "()", e);
      }
    }

    @SuppressWarnings("unchecked")
    <T, V> Function<T, V> getter() {
      return value -> (V) invoke(getter, value);
    }

    @SuppressWarnings("unchecked")
    <T, V> Function<T, Optional<V>> presentValue() {
      return value -> {
        Object result = invoke(getter, value);
        if (result instanceof Optional) {
          return (Optional<V>) result;
        }
        if (result instanceof java.util.OptionalInt) {
          java.util.OptionalInt set = (java.util.OptionalInt) result;
          return set.isPresent() ? Optional.of((V) Integer.valueOf(set.getAsInt())) : Optional.empty();
        }
        if (result instanceof java.util.OptionalLong) {
          java.util.OptionalLong set = (java.util.OptionalLong) result;
          return set.isPresent() ? Optional.of((V) Long.valueOf(set.getAsLong())) : Optional.empty();
        }
        java.util.OptionalDouble set = (java.util.OptionalDouble) result;
        return set.isPresent() ? Optional.of((V) Double.valueOf(set.getAsDouble())) : Optional.empty();
      };
    }

    /** The builder's one-argument method of this name that takes the accessor's value (unwrapped if optional). */
    java.lang.reflect.Method setterOn(Class<?> builder) {
      Class<?> returned = getter.getReturnType();
      for (java.lang.reflect.Method method : builder.getMethods()) {
        if (method.getName().equals(getter.getName()) && method.getParameterCount() == 1) {
          Class<?> parameter = boxed(method.getParameterTypes()[0]);
          if (optional ? parameter == valueType : parameter.isAssignableFrom(boxed(returned))) {
            return method;
          }
        }
      }
      throw new IllegalArgumentException(
          builder.getSimpleName() + " has no setter " + getter.getName() + "(" + valueType.getSimpleName() + ")");
    }

    static Object invoke(java.lang.reflect.Method method, Object target, Object... arguments) {
      try {
        return method.invoke(target, arguments);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(method + " is not accessible", e);
      } catch (java.lang.reflect.InvocationTargetException e) {
        if (e.getCause() instanceof RuntimeException) {
          throw (RuntimeException) e.getCause();
        }
        throw new IllegalStateException(e.getCause());
      }
    }

    private static Class<?> unwrapped(java.lang.reflect.Type optional) {
      if (optional == java.util.OptionalInt.class) {
        return Integer.class;
      }
      if (optional == java.util.OptionalLong.class) {
        return Long.class;
      }
      if (optional == java.util.OptionalDouble.class) {
        return Double.class;
      }
      java.lang.reflect.Type argument =
          ((java.lang.reflect.ParameterizedType) optional).getActualTypeArguments()[0];
      return argument instanceof Class
          ? (Class<?>) argument
          : (Class<?>) ((java.lang.reflect.ParameterizedType) argument).getRawType();
    }

    private static Class<?> boxed(Class<?> type) {
      if (!type.isPrimitive()) {
        return type;
      }
      if (type == int.class) {
        return Integer.class;
      }
      if (type == long.class) {
        return Long.class;
      }
      if (type == double.class) {
        return Double.class;
      }
      if (type == boolean.class) {
        return Boolean.class;
      }
      return type;
    }
  }
}
