package dev.persistence.io.document;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each value of a parsed document starts in its text (line and column, from 1), by the value's path as
 * {@link DocumentNode} spells it ({@code cluster.nodes[2].accelerator}); so that an error found after parsing (a
 * rule broken, a field unknown) points at the line as a parse error does.
 */
final class SourceLocations {
  static final SourceLocations NONE = new SourceLocations(Map.of());

  private final Map<String, long[]> starts;

  private SourceLocations(Map<String, long[]> starts) {
    this.starts = starts;
  }

  /**
   * Reads the locations with a second pass of the parser over an already validated text.
   *
   * @param parser a parser over the text that was parsed into the document's tree
   */
  static SourceLocations of(JsonParser parser) throws IOException {
    Map<String, long[]> starts = new HashMap<>();
    Deque<Frame> open = new ArrayDeque<>();
    JsonToken token;
    while ((token = parser.nextToken()) != null) {
      if (token == JsonToken.FIELD_NAME) {
        open.peek().field = parser.currentName();
        continue;
      }
      if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
        open.pop();
        continue;
      }
      Frame parent = open.peek();
      String path =
          parent == null
              ? ""
              : parent.array
                  ? parent.path + "[" + parent.elements++ + "]"
                  : parent.path.isEmpty() ? parent.field : parent.path + "." + parent.field;
      JsonLocation location = parser.currentTokenLocation();
      starts.put(path, new long[] {location.getLineNr(), location.getColumnNr()});
      if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
        open.push(new Frame(path, token == JsonToken.START_ARRAY));
      }
    }
    return new SourceLocations(starts);
  }

  /**
   * The location of the value at {@code path}, or of its nearest enclosing value that is in the text (a missing
   * field is reported at its object); none for the document's root.
   *
   * @param path the value's path
   */
  Optional<String> describe(String path) {
    if (starts.isEmpty()) {
      return Optional.empty();
    }
    String at = path;
    // The document's own start (line 1, column 1) tells nothing, so errors of the whole document get none.
    while (!at.isEmpty()) {
      long[] start = starts.get(at);
      if (start != null && start[0] > 0) {
        return Optional.of("line " + start[0] + ", column " + start[1]);
      }
      int cut = Math.max(at.lastIndexOf('.'), at.lastIndexOf('['));
      at = cut < 0 ? "" : at.substring(0, cut);
    }
    return Optional.empty();
  }

  private static final class Frame {
    final String path;
    final boolean array;
    String field = "";
    int elements;

    Frame(String path, boolean array) {
      this.path = path;
      this.array = array;
    }
  }
}
