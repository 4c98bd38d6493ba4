package dev.persistence.io.catalog;

import dev.persistence.io.document.Codec;
import dev.persistence.io.document.DocumentFormat;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.Documents;
import dev.persistence.io.document.ObjectCodec;
import dev.persistence.io.document.ValueCodecs;
import java.nio.file.Path;
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
   * A catalog's doors: its bundled resource, read once under the bundled catalog's rules, and users' files and
   * texts, read under theirs.
   *
   * @param <C> the catalog
   */
  static final class Source<C> {
    private final String resource;
    private final BiFunction<DocumentNode, Boolean, C> reader;
    private volatile C bundled;

    /**
     * @param resource the bundled resource's classpath location
     * @param reader reads a document's root, under a user file's rules where the flag is true
     */
    Source(String resource, BiFunction<DocumentNode, Boolean, C> reader) {
      this.resource = resource;
      this.reader = reader;
    }

    /**
     * The bundled catalog; the document is named by the resource's file name.
     *
     * @throws IllegalStateException if the resource is missing or invalid (a packaging defect)
     */
    C bundled() {
      C catalog = bundled;
      if (catalog == null) {
        catalog = Documents.bundled(resource, root -> reader.apply(root, false));
        bundled = catalog;
      }
      return catalog;
    }

    /** A user's catalog file, JSON or YAML by its extension. */
    C read(Path file) {
      return reader.apply(DocumentNode.read(file), true);
    }

    /** A user's catalog text; errors name the document {@code documentName}. */
    C parse(String text, DocumentFormat format, String documentName) {
      return reader.apply(DocumentNode.root(Documents.parse(text, format, documentName), documentName), true);
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
