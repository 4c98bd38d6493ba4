package dev.persistence.io.document;

/**
 * Makes text the user wrote safe to echo in a one-line message: control characters (NUL, escape, line breaks)
 * are written as {@code \}{@code uXXXX} escapes so that they cannot corrupt a terminal or forge lines, and text
 * longer than {@value #MAX_ECHO_CHARS} characters is cut in the middle with its length stated.
 */
public final class EchoedText {

  /** The longest text echoed whole, in characters; longer text keeps its start and end. */
  public static final int MAX_ECHO_CHARS = 256;

  private static final int HEAD = 160;
  private static final int TAIL = 64;

  private EchoedText() {}

  /**
   * The text, escaped and shortened for a message.
   *
   * @param text what the user wrote (a path, a name, a value); {@code null} is echoed as {@code null}
   * @return the text to print
   */
  public static String of(String text) {
    if (text == null) {
      return "null";
    }
    String shortened = text;
    if (text.length() > MAX_ECHO_CHARS) {
      shortened =
          text.substring(0, HEAD) + "...(" + text.length() + " characters)..." + text.substring(text.length() - TAIL);
    }
    return escapeControlCharacters(shortened);
  }

  /**
   * Escapes control characters (C0, DEL, C1, and the line and paragraph separators) as {@code \}{@code uXXXX}.
   *
   * @param text the text
   * @return the text without raw control characters
   */
  public static String escapeControlCharacters(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
      if (control) {
        if (out == null) {
          out = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }
}
