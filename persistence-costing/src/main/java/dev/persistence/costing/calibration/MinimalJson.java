package dev.persistence.costing.calibration;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict reader for the small JSON documents of calibration files: objects, arrays, strings, numbers, booleans
 * and null. The costing module does not depend on Jackson (which lives in persistence-io), so it reads its own
 * resources with this. Duplicate keys, trailing commas and trailing content are errors.
 */
final class MinimalJson {

  private static final int MAX_DEPTH = 16;

  private final String text;
  private final String origin;
  private int position;

  MinimalJson(String text, String origin) {
    this.text = text;
    this.origin = origin;
  }

  Object parse() {
    Object value = value(0);
    skipBlanks();
    checkArgument(position == text.length(), "%s: unexpected content at offset %s", origin, position);
    return value;
  }

  private Object value(int depth) {
    checkArgument(depth < MAX_DEPTH, "%s: nesting deeper than %s", origin, MAX_DEPTH);
    skipBlanks();
    checkArgument(position < text.length(), "%s: unexpected end of document", origin);
    char c = text.charAt(position);
    if (c == '{') {
      return object(depth);
    }
    if (c == '[') {
      return array(depth);
    }
    if (c == '"') {
      return string();
    }
    if (text.startsWith("true", position)) {
      position += 4;
      return Boolean.TRUE;
    }
    if (text.startsWith("false", position)) {
      position += 5;
      return Boolean.FALSE;
    }
    if (text.startsWith("null", position)) {
      position += 4;
      return null;
    }
    return number();
  }

  private Map<String, Object> object(int depth) {
    Map<String, Object> map = new LinkedHashMap<>();
    position++;
    skipBlanks();
    if (peek() == '}') {
      position++;
      return map;
    }
    while (true) {
      skipBlanks();
      checkArgument(peek() == '"', "%s: expected a key at offset %s", origin, position);
      String key = string();
      skipBlanks();
      expect(':');
      Object value = value(depth + 1);
      checkArgument(!map.containsKey(key), "%s: duplicate key %s", origin, key);
      map.put(key, value);
      skipBlanks();
      if (peek() == ',') {
        position++;
        continue;
      }
      expect('}');
      return map;
    }
  }

  private List<Object> array(int depth) {
    List<Object> list = new ArrayList<>();
    position++;
    skipBlanks();
    if (peek() == ']') {
      position++;
      return list;
    }
    while (true) {
      list.add(value(depth + 1));
      skipBlanks();
      if (peek() == ',') {
        position++;
        continue;
      }
      expect(']');
      return list;
    }
  }

  private String string() {
    expect('"');
    StringBuilder out = new StringBuilder();
    while (true) {
      checkArgument(position < text.length(), "%s: unterminated string", origin);
      char c = text.charAt(position++);
      if (c == '"') {
        return out.toString();
      }
      if (c == '\\') {
        checkArgument(position < text.length(), "%s: unterminated escape", origin);
        char e = text.charAt(position++);
        switch (e) {
          case 'n': out.append('\n'); break;
          case 't': out.append('\t'); break;
          case 'r': out.append('\r'); break;
          case 'b': out.append('\b'); break;
          case 'f': out.append('\f'); break;
          case 'u':
            checkArgument(position + 4 <= text.length(), "%s: bad unicode escape", origin);
            out.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
            position += 4;
            break;
          default: out.append(e);
        }
      } else {
        out.append(c);
      }
    }
  }

  private Double number() {
    int start = position;
    while (position < text.length() && "+-0123456789.eE".indexOf(text.charAt(position)) >= 0) {
      position++;
    }
    checkArgument(position > start, "%s: unexpected character at offset %s", origin, start);
    try {
      double value = Double.parseDouble(text.substring(start, position));
      checkArgument(Double.isFinite(value), "%s: number at offset %s is not finite", origin, start);
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(origin + ": bad number at offset " + start, e);
    }
  }

  private char peek() {
    checkArgument(position < text.length(), "%s: unexpected end of document", origin);
    return text.charAt(position);
  }

  private void expect(char c) {
    checkArgument(
        position < text.length() && text.charAt(position) == c,
        "%s: expected '%s' at offset %s",
        origin,
        c,
        position);
    position++;
  }

  private void skipBlanks() {
    while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
      position++;
    }
  }

  static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c < 0x20) {
        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
