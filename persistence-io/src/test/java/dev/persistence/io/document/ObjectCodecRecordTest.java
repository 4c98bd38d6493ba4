package dev.persistence.io.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.persistence.io.InvalidDocumentException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A record's table ({@link ObjectCodec#record}): fields by component name, defaults, optionals, its own checks. */
class ObjectCodecRecordTest {

  /** A suite of benchmark items; the constructor checks the count, as a core value does. */
  record Suite(String name, long items, int samples, Optional<String> source) {
    Suite {
      if (items < 1) {
        throw new IllegalArgumentException("items (" + items + ") must be >= 1");
      }
    }
  }

  private static final ObjectCodec<Suite, ObjectCodec.Values> SUITE =
      ObjectCodec.record(Suite.class, "suite")
          .required("name", ValueCodecs.NAME)
          .required("items", ValueCodecs.LONG)
          .optional("samples", ValueCodecs.integer(1))
          .byDefault(1)
          .optional("source", ValueCodecs.TEXT)
          .build();

  private static Suite read(String json) {
    return SUITE.read(DocumentNode.root(Documents.parse(json, DocumentFormat.JSON, "s"), "s"));
  }

  @Test
  void absentFieldsTakeTheirDefaultsAndOptionalsAreEmpty() {
    assertEquals(new Suite("mmlu", 14042, 1, Optional.empty()), read("{\"name\": \"mmlu\", \"items\": 14042}"));
  }

  @Test
  void writingAndReadingBackGiveTheSameRecord() {
    Suite suite = new Suite("gsm8k", 1319, 4, Optional.of("Cobbe et al. 2021"));
    JsonNode written = SUITE.write(suite);
    assertEquals(suite, read(written.toString()));
    assertEquals("{\"name\":\"mmlu\",\"items\":3,\"samples\":1}", SUITE.write(read("{\"name\": \"mmlu\", \"items\": 3}")).toString());
  }

  @Test
  void theConstructorsCheckIsAnErrorAtTheObject() {
    InvalidDocumentException e =
        assertThrows(InvalidDocumentException.class, () -> read("{\"name\": \"x\", \"items\": 0}"));
    assertEquals("s: items (0) must be >= 1", e.getMessage());
  }

  @Test
  void aMisspeltFieldIsNamedWithItsSuggestion() {
    InvalidDocumentException e =
        assertThrows(InvalidDocumentException.class, () -> read("{\"name\": \"x\", \"items\": 2, \"sample\": 3}"));
    assertEquals("s: sample: unknown field; did you mean samples?", e.getMessage());
  }

  @Test
  void aRecordTableOnlyTakesDefaultsOnARecord() {
    assertThrows(
        IllegalStateException.class,
        () ->
            ObjectCodec.components(Suite.class, "suite", v -> null).optional("samples", ValueCodecs.INTEGER).byDefault(1));
  }
}
