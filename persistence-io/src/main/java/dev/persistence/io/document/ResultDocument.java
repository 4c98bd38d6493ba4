package dev.persistence.io.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A result document (what a command's {@code --json} prints) declared as the table of its fields, in the order
 * the document lists them: the write side of an {@link ObjectCodec} for values that are computed, never read
 * back, so they have no builder and no schema. Sub-documents (a memory breakdown, a parallelism plan, a stage's
 * estimate) are declared once and nested ({@link Builder#object}, {@link Builder#list}) or flattened into the
 * enclosing object ({@link Builder#include}).
 *
 * <p>A field's value is written by its Java type, so that the tree is the one {@code ObjectNode.put} would build:
 * {@code int}, {@code long} and {@code double} as Jackson's int, long and double nodes, strings, booleans, a
 * {@link JsonNode} (an input codec's {@link Codec#write}) as it is, a date as {@link ValueCodecs#DATE} writes it,
 * {@code null} as JSON null, a map as an object
 * in its iteration order, a collection or a {@code double[]} or {@code long[]} as an array; an empty {@code Optional},
 * {@code OptionalDouble}, {@code OptionalInt} or {@code OptionalLong} leaves the field out.
 *
 * <pre>{@code
 * static final ResultDocument<Interval> INTERVAL =
 *     ResultDocument.of(Interval.class).fields("lower", "upper", "standardError").build();
 * }</pre>
 *
 * @param <T> the value written
 */
public final class ResultDocument<T> {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper INDENTED =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final List<Member<T>> members;

  private ResultDocument(List<Member<T>> members) {
    this.members = List.copyOf(members);
  }

  /**
   * Starts the table of a document written from values of {@code type}.
   *
   * @param type the value type, whose accessors {@link Builder#fields} names
   */
  public static <T> Builder<T> of(Class<T> type) {
    return new Builder<>(type);
  }

  /** Starts the table of a document whose fields are all declared with their values ({@link Builder#field}). */
  public static <T> Builder<T> builder() {
    return new Builder<>(null);
  }

  /**
   * The value as a JSON object.
   *
   * @param value the value
   */
  public ObjectNode write(T value) {
    ObjectNode out = NODES.objectNode();
    for (Member<T> member : members) {
      member.write(value, out);
    }
    return out;
  }

  /**
   * Values as a JSON array of objects, in order.
   *
   * @param values the values
   */
  public ArrayNode writeAll(Iterable<? extends T> values) {
    ArrayNode array = NODES.arrayNode();
    values.forEach(value -> array.add(write(value)));
    return array;
  }

  /**
   * The value as indented JSON text (two spaces, Jackson's default pretty printer), as {@code --json} prints it.
   *
   * @param value the value
   */
  public String text(T value) {
    try {
      return INDENTED.writeValueAsString(write(value));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A value as the node a field of it is written as (see the class comment); empty for an empty optional.
   *
   * @param value the value
   * @throws IllegalArgumentException for a type a document does not write (an enum: name its spelling)
   */
  public static Optional<JsonNode> node(Object value) {
    if (value instanceof Optional) {
      return ((Optional<?>) value).flatMap(ResultDocument::node);
    }
    if (value instanceof OptionalDouble) {
      OptionalDouble set = (OptionalDouble) value;
      return set.isPresent() ? Optional.of(NODES.numberNode(set.getAsDouble())) : Optional.empty();
    }
    if (value instanceof OptionalLong) {
      OptionalLong set = (OptionalLong) value;
      return set.isPresent() ? Optional.of(NODES.numberNode(set.getAsLong())) : Optional.empty();
    }
    if (value instanceof OptionalInt) {
      OptionalInt set = (OptionalInt) value;
      return set.isPresent() ? Optional.of(NODES.numberNode(set.getAsInt())) : Optional.empty();
    }
    return Optional.of(present(value));
  }

  private static JsonNode present(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof JsonNode) {
      return (JsonNode) value;
    }
    if (value instanceof String) {
      return NODES.textNode((String) value);
    }
    if (value instanceof Boolean) {
      return NODES.booleanNode((Boolean) value);
    }
    if (value instanceof Integer) {
      return NODES.numberNode((Integer) value);
    }
    if (value instanceof Long) {
      return NODES.numberNode((Long) value);
    }
    if (value instanceof Double) {
      return NODES.numberNode((Double) value);
    }
    if (value instanceof LocalDate) {
      return ValueCodecs.DATE.write((LocalDate) value);
    }
    if (value instanceof Map) {
      ObjectNode object = NODES.objectNode();
      ((Map<?, ?>) value).forEach((key, entry) -> node(entry).ifPresent(v -> object.set((String) key, v)));
      return object;
    }
    ArrayNode array = NODES.arrayNode();
    if (value instanceof Iterable) {
      ((Iterable<?>) value).forEach(element -> node(element).ifPresent(array::add));
    } else if (value instanceof double[]) {
      for (double element : (double[]) value) {
        array.add(element);
      }
    } else if (value instanceof long[]) {
      for (long element : (long[]) value) {
        array.add(element);
      }
    } else {
      throw new IllegalArgumentException("a document does not write a " + value.getClass().getSimpleName());
    }
    return array;
  }

  /** One entry of the table: it writes its field, or its fields, of a value into the object. */
  private interface Member<T> {
    void write(T value, ObjectNode out);
  }

  /**
   * The table being declared.
   *
   * @param <T> the value written
   */
  public static final class Builder<T> {
    private final Class<T> type;
    private final List<Member<T>> members = new ArrayList<>();

    private Builder(Class<T> type) {
      this.type = type;
    }

    /**
     * A field and the value it writes (see the class comment for how each type is written).
     *
     * @param name the field's name
     * @param value reads the field's value from the document's
     */
    public Builder<T> field(String name, Function<? super T, ?> value) {
      members.add((v, out) -> node(value.apply(v)).ifPresent(node -> out.set(name, node)));
      return this;
    }

    /**
     * Fields named as the value type's accessors, each written as the accessor returns it.
     *
     * @param accessors the accessors' names, which are the fields'
     * @throws IllegalArgumentException if the type has no such accessor
     * @throws IllegalStateException if the table was started without a type ({@link #builder})
     */
    public Builder<T> fields(String... accessors) {
      if (type == null) {
        throw new IllegalStateException("name the value type (ResultDocument.of) to write its accessors");
      }
      return fields(value -> value, type, accessors);
    }

    /**
     * Fields of a part of the value, named as the part's accessors (a plan report's budget figures in its
     * {@code program} section), in this object.
     *
     * @param part reads the part from the document's value
     * @param type the part's type
     * @param accessors the part's accessors' names, which are the fields'
     * @throws IllegalArgumentException if the part's type has no such accessor
     */
    public <S> Builder<T> fields(Function<? super T, ? extends S> part, Class<S> type, String... accessors) {
      for (String name : accessors) {
        Function<S, Object> getter = ObjectCodec.Accessor.of(type, name).getter();
        field(name, value -> getter.apply(part.apply(value)));
      }
      return this;
    }

    /**
     * A nested object written by another table.
     *
     * @param name the field's name
     * @param document the nested object's table
     * @param value reads the nested value from the document's
     */
    public <S> Builder<T> object(String name, ResultDocument<S> document, Function<? super T, ? extends S> value) {
      members.add((v, out) -> out.set(name, document.write(value.apply(v))));
      return this;
    }

    /**
     * A nested object written by another table where the value has it.
     *
     * @param name the field's name
     * @param document the nested object's table
     * @param value reads the nested value from the document's, empty for none
     */
    public <S> Builder<T> objectIfPresent(
        String name, ResultDocument<S> document, Function<? super T, ? extends Optional<? extends S>> value) {
      members.add((v, out) -> value.apply(v).ifPresent(s -> out.set(name, document.write(s))));
      return this;
    }

    /**
     * An array of objects, each written by another table.
     *
     * @param name the field's name
     * @param document each element's table
     * @param values reads the elements from the document's value, in order
     */
    public <S> Builder<T> list(
        String name, ResultDocument<S> document, Function<? super T, ? extends Iterable<? extends S>> values) {
      members.add((v, out) -> out.set(name, document.writeAll(values.apply(v))));
      return this;
    }

    /**
     * Another table's fields in this object, flattened (a stage's estimate after the stage's own fields).
     *
     * @param document the other table
     * @param value reads its value from the document's
     */
    public <S> Builder<T> include(ResultDocument<S> document, Function<? super T, ? extends S> value) {
      members.add((v, out) -> out.setAll(document.write(value.apply(v))));
      return this;
    }

    /**
     * Writes the entry declared last only where {@code written} holds (a hybrid stack's {@code layerKinds}).
     *
     * @param written whether a value writes the entry
     */
    public Builder<T> writtenWhen(Predicate<? super T> written) {
      Member<T> last = members.remove(members.size() - 1);
      members.add(
          (v, out) -> {
            if (written.test(v)) {
              last.write(v, out);
            }
          });
      return this;
    }

    /** The table. */
    public ResultDocument<T> build() {
      return new ResultDocument<>(members);
    }
  }
}
