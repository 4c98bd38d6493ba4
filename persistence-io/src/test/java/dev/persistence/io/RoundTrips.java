package dev.persistence.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.DocumentFormat;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.Documents;

/** The round-trip property every codec keeps: write then read gives an equal value, and writes the same document. */
public final class RoundTrips {
  private RoundTrips() {}

  /**
   * Writes {@code value}, prints and parses it in {@code format}, reads it back and writes it again.
   *
   * @param codec the codec
   * @param value the value
   * @param format JSON or YAML
   */
  public static <T> void roundTrip(Codec<T> codec, T value, DocumentFormat format) {
    JsonNode written = codec.write(value);
    String text = Documents.print(written, format);
    T back = codec.read(DocumentNode.root(Documents.parse(text, format, "d"), "d"));
    assertEquals(value, back, text);
    assertEquals(written, codec.write(back), text);
  }
}
