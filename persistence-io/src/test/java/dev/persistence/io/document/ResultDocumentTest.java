package dev.persistence.io.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * A result document writes the tree {@code ObjectNode.put} would build, so that the commands' {@code --json} text
 * (which the README and the CLI tests pin) did not change when the writers became tables.
 */
class ResultDocumentTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  record Part(String name, double share) {}

  record Sample(
      int count,
      long bytes,
      double ratio,
      boolean fits,
      String label,
      OptionalDouble lower,
      OptionalInt months,
      OptionalLong seed,
      Optional<String> note,
      LocalDate date,
      double[] series,
      long[] counts,
      List<Part> parts) {}

  private static final Sample SAMPLE =
      new Sample(
          3,
          1L << 40,
          0.25,
          true,
          "a",
          OptionalDouble.of(-0.0),
          OptionalInt.empty(),
          OptionalLong.of(7),
          Optional.empty(),
          LocalDate.of(2025, 8, 2),
          new double[] {1.5, 2},
          new long[] {4, 5},
          List.of(new Part("x", 0.5), new Part("y", 0.5)));

  private static final ResultDocument<Part> PART = ResultDocument.of(Part.class).fields("name", "share").build();

  @Test
  void eachTypeIsWrittenAsPutWritesIt() {
    ObjectNode written =
        ResultDocument.of(Sample.class)
            .fields("count", "bytes", "ratio", "fits", "label", "lower", "months", "seed", "note", "date")
            .fields("series", "counts")
            .field("missing", sample -> null)
            .build()
            .write(SAMPLE);
    ObjectNode expected = NODES.objectNode().put("count", 3).put("bytes", 1L << 40).put("ratio", 0.25);
    expected.put("fits", true).put("label", "a").put("lower", -0.0).put("seed", 7L).put("date", "2025-08-02");
    expected.putArray("series").add(1.5).add(2.0);
    expected.putArray("counts").add(4L).add(5L);
    expected.putNull("missing");
    // Node equality tells an int from a long node: the tree is the one put builds, not only the same text.
    assertEquals(expected, written);
  }

  @Test
  void sectionsNestFlattenAndListInTableOrder() {
    Map<String, Double> shares = new LinkedHashMap<>();
    shares.put("y", 0.5);
    shares.put("x", 0.5);
    ObjectNode written =
        ResultDocument.of(Sample.class)
            .include(PART, sample -> sample.parts().get(0))
            .object("first", PART, sample -> sample.parts().get(0))
            .objectIfPresent("absent", PART, sample -> Optional.<Part>empty())
            .list("parts", PART, Sample::parts)
            .field("shares", sample -> shares)
            .field("hidden", Sample::label)
            .writtenWhen(sample -> !sample.fits())
            .build()
            .write(SAMPLE);
    ObjectNode x = NODES.objectNode().put("name", "x").put("share", 0.5);
    ObjectNode expected = x.deepCopy();
    expected.set("first", x.deepCopy());
    expected.putArray("parts").add(x.deepCopy()).add(NODES.objectNode().put("name", "y").put("share", 0.5));
    expected.putObject("shares").put("y", 0.5).put("x", 0.5);
    assertEquals(expected, written);
    assertEquals(List.of("name", "share", "first", "parts", "shares"), keys(written));
  }

  @Test
  void aMisnamedAccessorIsRefusedWhereTheTableIsDeclared() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ResultDocument.of(Part.class).fields("shares"));
    assertTrue(e.getMessage().contains("Part has no accessor shares()"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> ResultDocument.<Part>builder().fields("name"));
  }

  @Test
  void anEnumIsNotGuessedAtItsSpellingIsNamed() {
    ResultDocument<Part> document =
        ResultDocument.of(Part.class).field("kind", part -> java.time.DayOfWeek.MONDAY).build();
    assertThrows(IllegalArgumentException.class, () -> document.write(new Part("x", 1)));
  }

  @Test
  void textIsIndentedAsPlanJsonPrintsIt() {
    String n = System.lineSeparator(); // Jackson's default indenter ends lines with the system's separator
    assertEquals("{" + n + "  \"name\" : \"x\"," + n + "  \"share\" : 0.5" + n + "}", PART.text(new Part("x", 0.5)));
  }

  private static List<String> keys(ObjectNode node) {
    List<String> keys = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }
}
