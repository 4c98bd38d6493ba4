package dev.persistence.io.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.DocumentFormat;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.Documents;
import dev.persistence.io.document.ObjectCodec;
import dev.persistence.io.document.ValueCodecs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.BiPredicate;

/**
 * What the catalogs (accelerators, notable models, datasets) share: the bundled resource, the document's table
 * (version, description, entries with unique names), the merge.
 */
final class CatalogFiles {

  private CatalogFiles() {}

  /**
   * Reads a bundled JSON resource; the document is named by the resource's file name.
   *
   * @param resource the classpath location
   * @param reader reads the parsed document given its name
   * @throws IllegalStateException if the resource is missing or invalid (a packaging defect)
   */
  static <C> C bundled(String resource, BiFunction<JsonNode, String, C> reader) {
    String documentName = resource.substring(resource.lastIndexOf('/') + 1);
    try (InputStream in = CatalogFiles.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("bundled catalog " + resource + " is missing");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return reader.apply(Documents.parse(text, DocumentFormat.JSON, documentName), documentName);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("bundled catalog is invalid: " + e.getMessage(), e);
    }
  }

  /** A catalog's {@code catalogVersion}: a string or a number, kept as text. */
  private static final Codec<String> VERSION = ValueCodecs.version("the catalog's version, e.g. 2025.1");

  /**
   * The table of a catalog document, from which its reader, writer and root schema come: {@code catalogVersion},
   * an optional {@code description} (read, not kept) and the entries under {@code listField}, each checked
   * against those before it by {@code clash} (the error, at the later entry, is what {@code clash} says). A
   * catalog with more root fields declares them on the builder returned.
   *
   * @param type the catalog's type
   * @param listField the entries' field ({@code models}, {@code datasets}, {@code accelerators})
   * @param entry one entry's codec
   * @param clash the problem, if any, with an entry (second) given one read before it (first)
   * @param version reads a catalog's version
   * @param entries reads a catalog's entries
   * @param construct builds the catalog from {@code catalogVersion}, {@code listField} and the added fields
   */
  static <C, E> ObjectCodec.Builder<C, ObjectCodec.Values> document(
      Class<C> type,
      String listField,
      Codec<E> entry,
      BiFunction<E, E, Optional<String>> clash,
      Function<C, String> version,
      Function<C, List<E>> entries,
      Function<ObjectCodec.Values, C> construct) {
    Codec<List<E>> list = ValueCodecs.list(entry);
    Codec<List<E>> unique =
        ValueCodecs.composed(
            node -> {
              List<E> read = new ArrayList<>();
              for (DocumentNode element : node.elements()) {
                E value = entry.read(element);
                for (E existing : read) {
                  Optional<String> problem = clash.apply(existing, value);
                  if (problem.isPresent()) {
                    throw element.error(problem.get());
                  }
                }
                read.add(value);
              }
              return List.copyOf(read);
            },
            list::write,
            list::schema);
    return ObjectCodec.components(type, listField, construct)
        .required("catalogVersion", VERSION, version)
        .optional("description", ValueCodecs.TEXT, catalog -> "")
        .writtenWhen(catalog -> false)
        .required(listField, unique, entries);
  }

  /**
   * {@code base} with {@code additions}: an addition replaces, in place, the first entry it {@code matches}; the
   * rest are appended in order.
   */
  static <E> List<E> merge(List<E> base, List<E> additions, BiPredicate<E, E> matches) {
    List<E> merged = new ArrayList<>(base);
    for (E addition : additions) {
      int replaced = -1;
      for (int i = 0; i < merged.size() && replaced < 0; i++) {
        if (matches.test(merged.get(i), addition)) {
          replaced = i;
        }
      }
      if (replaced >= 0) {
        merged.set(replaced, addition);
      } else {
        merged.add(addition);
      }
    }
    return merged;
  }
}
