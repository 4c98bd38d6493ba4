package dev.persistence.io.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.io.InvalidDocumentException;
import org.junit.jupiter.api.Test;

/** The parser's limits and strictness. */
class DocumentsTest {

  static String message(String text, DocumentFormat format) {
    return assertThrows(InvalidDocumentException.class, () -> Documents.parse(text, format, "doc")).getMessage();
  }

  @Test
  void duplicateKeysAreRejected() {
    assertTrue(message("{\"a\": 1, \"a\": 2}", DocumentFormat.JSON).contains("Duplicate field 'a'"));
    assertTrue(message("a: 1\na: 2\n", DocumentFormat.YAML).startsWith("doc: not valid YAML"));
  }

  @Test
  void nonFiniteNumbersAreRejected() {
    assertTrue(message("{\"a\": NaN}", DocumentFormat.JSON).startsWith("doc: not valid JSON at line 1"));
    assertEquals(
        "doc: not valid YAML at line 1, column 8: Malformed numeric value '.nan'",
        message("a: .nan\n", DocumentFormat.YAML));
    DocumentNode huge = DocumentNode.root(Documents.parse("{\"a\": 1e400}", DocumentFormat.JSON, "doc"), "doc");
    InvalidDocumentException e =
        assertThrows(InvalidDocumentException.class, () -> huge.fields().requiredDouble("a"));
    assertTrue(e.getMessage().startsWith("doc: a: expected a finite number, got "), e.getMessage());
  }

  @Test
  void deepNestingIsRejected() {
    String deep = "[".repeat(Documents.MAX_NESTING_DEPTH + 5) + "]".repeat(Documents.MAX_NESTING_DEPTH + 5);
    assertTrue(message(deep, DocumentFormat.JSON).startsWith("doc: not valid JSON"));
    assertTrue(message(deep, DocumentFormat.YAML).startsWith("doc: not valid YAML"));
  }

  @Test
  void aliasBombsAreRejected() {
    StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 12; i++) {
      yaml.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      yaml.append("]\n");
    }
    assertEquals(
        "doc: YAML aliases are not supported (*a0 at line 2); write the value out",
        message(yaml.toString(), DocumentFormat.YAML));
  }

  @Test
  void truncatedAndEmptyDocuments() {
    assertTrue(message("{\"a\": [1, 2", DocumentFormat.JSON).startsWith("doc: not valid JSON"));
    assertEquals("doc: empty document", message("", DocumentFormat.JSON));
    assertTrue(message("{} {}", DocumentFormat.JSON).startsWith("doc: not valid JSON"));
  }

  @Test
  void yamlTagsDoNotInstantiateTypes() {
    // A Java type tag is data to a tree reader: it never loads a class.
    DocumentNode node =
        DocumentNode.root(
            Documents.parse("a: !!java.io.File [\"/etc/passwd\"]\n", DocumentFormat.YAML, "doc"), "doc");
    assertTrue(node.json().get("a").isArray());
  }

  @Test
  void suggestions() {
    assertEquals("; did you mean accelerator?", Suggestions.didYouMean("acelerator", java.util.List.of("accelerator", "nodes")));
    assertEquals("", Suggestions.didYouMean("zzzzzz", java.util.List.of("accelerator", "nodes")));
    // The textbook example: kitten -> sitten -> sittin -> sitting, three edits.
    assertEquals(3, Suggestions.editDistance("kitten", "sitting"));
  }

  @Test
  void limitMessagesNameTheLimitNotTheParserApi() {
    String deep = "[".repeat(Documents.MAX_NESTING_DEPTH + 5) + "]".repeat(Documents.MAX_NESTING_DEPTH + 5);
    assertEquals(
        "doc: not valid JSON: Document nesting depth (65) exceeds the maximum allowed (64)",
        message(deep, DocumentFormat.JSON));
    assertEquals(
        "doc: not valid JSON at line 1, column 10: Non-standard token 'NaN'", message("{\"a\": NaN}", DocumentFormat.JSON));
    String longNumber = "{\"a\": " + "1".repeat(Documents.MAX_NUMBER_LENGTH + 6) + "}";
    assertEquals(
        "doc: not valid JSON: Number value length (70) exceeds the maximum allowed (64)",
        message(longNumber, DocumentFormat.JSON));
  }

  @Test
  void truncationNamesWhereTheListStarted() {
    assertEquals(
        "doc: not valid JSON at line 3, column 1: Unexpected end-of-input: expected close marker for Array"
            + " (start marker at line: 2, column: 8)",
        message("{\n  \"a\": [\n", DocumentFormat.JSON));
  }

  @Test
  void aMissingFieldPointsAtItsMisspelling() {
    DocumentNode node = DocumentNode.root(Documents.parse("{\"utilization\": 0.8}", DocumentFormat.JSON, "doc"), "doc");
    InvalidDocumentException e =
        assertThrows(InvalidDocumentException.class, () -> node.fields().requiredDouble("utilisation"));
    assertEquals("doc: utilization: unknown field; did you mean utilisation?", e.getMessage());
  }
}
