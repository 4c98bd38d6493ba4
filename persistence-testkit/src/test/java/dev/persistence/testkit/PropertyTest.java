package dev.persistence.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Running properties: seeds, tries, edge cases first, failure messages, coverage and too-strict filters. */
class PropertyTest {

  /** Fails only on random values (the edge cases 0 and 1000 pass, and so does the empty list). */
  private static ForAll1<List<Integer>> sumProperty() {
    return Property.forAll(Gen.lists(Gen.integers(0, 1000), 0, 30));
  }

  private static boolean sumBelow(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).sum() < 9000;
  }

  private static <T> T withSystemProperty(String key, String value, Supplier<T> body) {
    String previous = System.getProperty(key);
    System.setProperty(key, value);
    try {
      return body.get();
    } finally {
      if (previous == null) {
        System.clearProperty(key);
      } else {
        System.setProperty(key, previous);
      }
    }
  }

  @Test
  void aPrintedSeedReproducesTheFailureExactly() {
    PropertyFailure first =
        assertThrows(PropertyFailure.class, () -> sumProperty().seed(42).check(PropertyTest::sumBelow));
    assertEquals(42, first.seed());
    PropertyFailure again =
        assertThrows(
            PropertyFailure.class, () -> sumProperty().seed(first.seed()).check(PropertyTest::sumBelow));
    assertEquals(first.original(), again.original());
    assertEquals(first.shrunk(), again.shrunk());
    assertEquals(first.tries(), again.tries());
    assertEquals(first.shrinkSteps(), again.shrinkSteps());
    assertEquals(first.getMessage(), again.getMessage());
  }

  @Test
  void aRandomSeedIsPrintedAndReproducesThroughTheSystemProperty() {
    PropertyFailure random =
        withSystemProperty(
            Property.SEED_PROPERTY,
            "random",
            () -> assertThrows(PropertyFailure.class, () -> sumProperty().check(PropertyTest::sumBelow)));
    String printed = "-Dpersistence.seed=" + random.seed();
    assertTrue(random.getMessage().contains(printed), random::getMessage);
    PropertyFailure reproduced =
        withSystemProperty(
            Property.SEED_PROPERTY,
            Long.toString(random.seed()),
            () -> assertThrows(PropertyFailure.class, () -> sumProperty().check(PropertyTest::sumBelow)));
    assertEquals(random.original(), reproduced.original());
    assertEquals(random.shrunk(), reproduced.shrunk());
    assertEquals(random.tries(), reproduced.tries());
  }

  @Test
  void differentSeedsGenerateDifferentValues() {
    PropertyFailure one =
        assertThrows(PropertyFailure.class, () -> sumProperty().seed(1).check(PropertyTest::sumBelow));
    PropertyFailure two =
        assertThrows(PropertyFailure.class, () -> sumProperty().seed(2).check(PropertyTest::sumBelow));
    assertNotEquals(one.original(), two.original());
  }

  @Test
  void theMessageNamesShrunkOriginalTriesStepsAndSeed() {
    PropertyFailure failure =
        assertThrows(
            PropertyFailure.class,
            () -> Property.forAll(Gen.integers(0, 1000)).seed(7).tries(200).check(x -> x < 57));
    String message = failure.getMessage();
    assertTrue(message.contains("Shrunk counterexample (" + failure.shrinkSteps() + " shrink steps):\n  57")
        || message.contains("Shrunk counterexample (" + failure.shrinkSteps() + " shrink steps):"
            + System.lineSeparator() + "  57"), message);
    assertTrue(message.contains("Original counterexample:"), message);
    assertTrue(message.contains("  " + failure.original()), message);
    assertTrue(message.contains("after " + failure.tries() + " of 200 tries"), message);
    assertTrue(message.contains("seed 7"), message);
    assertTrue(message.contains(".seed(7L)"), message);
    assertTrue(failure.shrinkSteps() > 0);
  }

  @Test
  void edgeCasesComeFirst() {
    // The range ends are edge cases: a property failing only at max fails on the second try.
    PropertyFailure atMax =
        assertThrows(PropertyFailure.class, () -> Property.forAll(Gen.integers(-5, 5)).check(x -> x != 5));
    assertEquals(2, atMax.tries());
    PropertyFailure atZero =
        assertThrows(PropertyFailure.class, () -> Property.forAll(Gen.integers(-5, 5)).check(x -> x != 0));
    assertEquals(3, atZero.tries());
    PropertyFailure atEnd =
        assertThrows(
            PropertyFailure.class, () -> Property.forAll(Gen.doubles(0.1, 0.9)).check(x -> x < 0.9));
    assertEquals(2, atEnd.tries());
    assertEquals(0.9, atEnd.shrunk());
    PropertyFailure powers =
        assertThrows(
            PropertyFailure.class, () -> Property.forAll(Gen.powersOfTwo(1, 1024)).check(x -> x < 1024));
    assertEquals(2, powers.tries());
  }

  @Test
  void powersOfTwoAreAllThatIsGenerated() {
    PropertyReport report =
        Property.forAll(Gen.powersOfTwo(3, 1000))
            .classify("eight", x -> x == 8)
            .classify("five hundred twelve", x -> x == 512)
            .check(x -> Integer.bitCount(x) == 1 && x >= 4 && x <= 512);
    assertTrue(report.fraction("eight") > 0 && report.fraction("five hundred twelve") > 0);
    PropertyFailure sixteen =
        assertThrows(
            PropertyFailure.class, () -> Property.forAll(Gen.powersOfTwo(1, 64)).check(x -> x != 16));
    assertEquals(16, sixteen.shrunk());
  }

  @Test
  void triesComeFromTheSystemPropertyUnlessTheCallSetsThem() {
    AtomicInteger calls = new AtomicInteger();
    PropertyReport fromProperty =
        withSystemProperty(
            Property.TRIES_PROPERTY,
            "7",
            () -> Property.forAll(Gen.integers(0, 9)).check(x -> calls.incrementAndGet() > 0));
    assertEquals(7, fromProperty.tries());
    assertEquals(7, calls.get());
    PropertyReport perCall =
        withSystemProperty(
            Property.TRIES_PROPERTY, "7", () -> Property.forAll(Gen.integers(0, 9)).tries(13).check(x -> true));
    assertEquals(13, perCall.tries());
    assertThrows(
        IllegalArgumentException.class,
        () -> withSystemProperty(
            Property.TRIES_PROPERTY, "many", () -> Property.forAll(Gen.integers(0, 9)).check(x -> true)));
    assertThrows(
        IllegalArgumentException.class,
        () -> withSystemProperty(
            Property.SEED_PROPERTY, "0x12", () -> Property.forAll(Gen.integers(0, 9)).check(x -> true)));
    assertThrows(IllegalArgumentException.class, () -> Property.forAll(Gen.integers(0, 9)).tries(0));
  }

  @Test
  void labelsAreCountedAndReported() {
    PropertyReport report =
        Property.forAll(Gen.integers(0, 99))
            .tries(1000)
            .seed(3)
            .classify("small", x -> x < 10)
            .classify("even", x -> x % 2 == 0)
            .requireCoverage("small", 0.05)
            .check(x -> x >= 0);
    assertEquals(1000, report.tries());
    assertEquals(0.10, report.fraction("small"), 0.03);
    assertEquals(0.50, report.fraction("even"), 0.05);
    assertTrue(report.summary().contains("small"), report::summary);
  }

  @Test
  void insufficientCoverageFailsAPassingProperty() {
    CoverageFailure failure =
        assertThrows(
            CoverageFailure.class,
            () ->
                Property.forAll(Gen.integers(0, 99))
                    .classify("memory-infeasible", x -> x >= 90)
                    .requireCoverage("memory-infeasible", 0.20)
                    .check(x -> true));
    assertTrue(failure.report().fraction("memory-infeasible") < 0.20);
    assertTrue(failure.getMessage().contains("label 'memory-infeasible' covered"), failure::getMessage);
    assertTrue(failure.getMessage().contains("required >= 20.0%"), failure::getMessage);
    assertThrows(
        IllegalArgumentException.class,
        () -> Property.forAll(Gen.integers(0, 9)).requireCoverage("undeclared", 0.1).check(x -> true));
  }

  @Test
  void aFilterThatRejectsEverythingFailsLoudly() {
    FilterTooStrictException error =
        assertThrows(
            FilterTooStrictException.class,
            () ->
                Property.forAll(Gen.integers(0, 1_000_000).filter("equals 7", x -> x == 7)).check(x -> true));
    assertTrue(error.getMessage().contains("filter 'equals 7'"), error::getMessage);
    assertTrue(error.getMessage().contains("rejection rate 100.00%"), error::getMessage);
    assertTrue(error instanceof IllegalStateException);
  }

  @Test
  void aFilterThatRejectsAlmostEverythingFailsLoudly() {
    FilterTooStrictException error =
        assertThrows(
            FilterTooStrictException.class,
            () -> Property.forAll(Gen.integers(0, 999).filter("below 5", x -> x < 5)).check(x -> true));
    assertTrue(error.rejectionRate() > 0.98, error::getMessage);
    // A reasonable filter is fine.
    Property.forAll(Gen.integers(0, 999).filter("even", x -> x % 2 == 0)).check(x -> x % 2 == 0);
  }

  @Test
  void propertiesThatHoldPass() {
    PropertyReport report = Property.forAll(Gen.integers(0, 1000), Gen.integers(0, 1000))
        .check((a, b) -> a + b >= a);
    assertEquals(Integer.getInteger(Property.TRIES_PROPERTY, Property.DEFAULT_TRIES), report.tries());
    assertFalse(report.summary().isEmpty());
  }

  @Test
  void theReproduceHintNamesTheFailingTestMethod() {
    PropertyFailure failure =
        withSystemProperty(
            Property.SEED_PROPERTY,
            "7",
            () -> assertThrows(PropertyFailure.class, () -> sumProperty().check(PropertyTest::sumBelow)));
    assertTrue(
        failure.getMessage().contains(
            "(./mvnw -B test -Dpersistence.seed=7 -Dtest=PropertyTest#theReproduceHintNamesTheFailingTestMethod"
                + " -Dsurefire.failIfNoSpecifiedTests=false)"),
        failure::getMessage);
    assertFalse(failure.getMessage().contains("YourTest"), failure::getMessage);
    PropertyFailure fixed =
        assertThrows(PropertyFailure.class, () -> sumProperty().seed(42).check(PropertyTest::sumBelow));
    assertTrue(
        fixed.getMessage().contains(
            "this property fixes .seed(42L); rerun PropertyTest#theReproduceHintNamesTheFailingTestMethod."),
        fixed::getMessage);
  }

  @Test
  void namedArgumentsAreReportedByName() {
    PropertyFailure two =
        assertThrows(
            PropertyFailure.class,
            () ->
                Property.forAll(Gen.integers(0, 100), Gen.integers(0, 100))
                    .names("gpus", "nodes")
                    .seed(1)
                    .check((gpus, nodes) -> gpus + nodes < 150));
    assertTrue(two.getMessage().contains("gpus = "), two::getMessage);
    assertTrue(two.getMessage().contains("\n  nodes = "), two::getMessage);
    assertFalse(two.getMessage().contains("#1"), two::getMessage);
    PropertyFailure three =
        assertThrows(
            PropertyFailure.class,
            () ->
                Property.forAll(Gen.integers(0, 100), Gen.integers(0, 100), Gen.integers(0, 100))
                    .names("a", "b", "c")
                    .seed(1)
                    .check((a, b, c) -> a + b + c < 250));
    assertTrue(three.getMessage().contains("c = "), three::getMessage);
    PropertyFailure one =
        assertThrows(
            PropertyFailure.class,
            () -> Property.forAll(Gen.integers(0, 100)).name("gpus").seed(1).check(gpus -> gpus < 50));
    assertTrue(one.getMessage().contains("  gpus = "), one::getMessage);
    assertThrows(
        IllegalArgumentException.class,
        () -> Property.forAll(Gen.integers(0, 1), Gen.integers(0, 1)).names("x", "x"));
    assertThrows(IllegalArgumentException.class, () -> Property.forAll(Gen.integers(0, 1)).name(" "));
  }
}
