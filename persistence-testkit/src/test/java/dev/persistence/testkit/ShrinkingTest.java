package dev.persistence.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** Planted failing properties: each must be caught and shrunk to its known minimal counterexample. */
class ShrinkingTest {

  private static PropertyFailure failure(org.junit.jupiter.api.function.Executable check) {
    return assertThrows(PropertyFailure.class, check);
  }

  @Test
  void integersShrinkToTheExactBoundary() {
    PropertyFailure failure = failure(() -> Property.forAll(Gen.integers(0, 1000)).check(x -> x < 57));
    assertEquals(57, failure.shrunk());
    assertTrue((Integer) failure.original() >= 57);
  }

  @Test
  void negativeRangesShrinkTowardTheEndNearestZero() {
    PropertyFailure failure =
        failure(() -> Property.forAll(Gen.integers(-1000, -10)).tries(500).check(x -> x > -500));
    assertEquals(-500, failure.shrunk());
  }

  @Test
  void rangesWithoutZeroShrinkTowardTheirLowerEnd() {
    PropertyFailure failure = failure(() -> Property.forAll(Gen.integers(100, 1000)).check(x -> x < 300));
    assertEquals(300, failure.shrunk());
  }

  @Test
  void fullLongRangeShrinksWithoutOverflow() {
    PropertyFailure failure =
        failure(
            () ->
                Property.forAll(Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE))
                    .check(x -> x < 1_000_000_007L));
    assertEquals(1_000_000_007L, failure.shrunk());
  }

  @Test
  void doublesShrinkToFewSignificantDigits() {
    PropertyFailure failure = failure(() -> Property.forAll(Gen.doubles(0, 1000)).check(x -> x < 57.5));
    assertEquals(57.5, (Double) failure.shrunk(), 0.01);
  }

  @Test
  void logUniformDoublesShrinkTowardTheirLowerEnd() {
    PropertyFailure failure = failure(() -> Property.forAll(Gen.logUniform(1e3, 1e9)).check(x -> x < 2e6));
    assertEquals(2e6, (Double) failure.shrunk(), 2e6 * 1e-3);
  }

  @Test
  void logUniformLongsShrinkToTheExactBoundary() {
    PropertyFailure failure =
        failure(() -> Property.forAll(Gen.logUniformLongs(10_000_000L, 2_000_000_000_000L)).check(x -> x < 7e9));
    assertEquals(7_000_000_000L, failure.shrunk());
  }

  @Test
  void listsShrinkToTheShortestList() {
    PropertyFailure failure =
        failure(() -> Property.forAll(Gen.lists(Gen.integers(0, 100), 0, 20)).check(list -> list.size() < 3));
    assertEquals(List.of(0, 0, 0), failure.shrunk());
  }

  @Test
  void listsShrinkShorterThenElementwise() {
    PropertyFailure failure =
        failure(
            () ->
                Property.forAll(Gen.integers(0, 100).list(0, 20))
                    .check(list -> list.stream().allMatch(x -> x < 10)));
    assertEquals(List.of(10), failure.shrunk());
  }

  @Test
  void listsNeverShrinkBelowTheirMinimumSize() {
    PropertyFailure failure =
        failure(
            () ->
                Property.forAll(Gen.lists(Gen.integers(0, 100), 2, 20))
                    .check(list -> list.stream().allMatch(x -> x < 10)));
    List<?> shrunk = (List<?>) failure.shrunk();
    assertEquals(2, shrunk.size());
    assertTrue(shrunk.contains(10) && shrunk.contains(0), () -> "shrunk " + shrunk);
  }

  @Test
  void zipsShrinkComponentByComponent() {
    Gen<List<Integer>> pairs = Gen.zip(Gen.integers(0, 100), Gen.integers(0, 100), List::of);
    PropertyFailure failure = failure(() -> Property.forAll(pairs).check(p -> p.get(0) < 10 || p.get(1) < 20));
    assertEquals(List.of(10, 20), failure.shrunk());
  }

  @Test
  void zipOfThreeAndFourShrinkEveryComponent() {
    Gen<List<Integer>> triples =
        Gen.zip(Gen.integers(0, 100), Gen.integers(0, 100), Gen.integers(0, 100), List::of);
    PropertyFailure three =
        failure(() -> Property.forAll(triples).check(t -> t.get(0) < 3 || t.get(1) < 4 || t.get(2) < 5));
    assertEquals(List.of(3, 4, 5), three.shrunk());
    Gen<List<Integer>> quadruples =
        Gen.zip(
            Gen.integers(0, 100), Gen.integers(0, 100), Gen.integers(0, 100), Gen.integers(0, 100), List::of);
    PropertyFailure four = failure(() -> Property.forAll(quadruples).check(q -> q.get(3) < 42));
    assertEquals(List.of(0, 0, 0, 42), four.shrunk());
  }

  @Test
  void severalGeneratorsShrinkEachArgument() {
    PropertyFailure failure =
        failure(
            () ->
                Property.forAll(Gen.integers(0, 100), Gen.integers(0, 100))
                    .check((a, b) -> a < 10 || b < 20));
    assertEquals(List.of(10, 20), failure.shrunk());
    assertTrue(failure.getMessage().contains("#1 = 10"), failure::getMessage);
    PropertyFailure three =
        failure(
            () ->
                Property.forAll(Gen.integers(0, 100), Gen.booleans(), Gen.elements("x", "y"))
                    .check((a, b, c) -> a < 7 || !b));
    assertEquals(List.of(7, true, "x"), three.shrunk());
  }

  @Test
  void mapShrinksTheUnderlyingValue() {
    PropertyFailure failure =
        failure(() -> Property.forAll(Gen.integers(0, 1000).map(x -> x * 3)).check(x -> x < 100));
    assertEquals(102, failure.shrunk());
  }

  @Test
  void filterKeepsShrinksInsideTheFilter() {
    PropertyFailure failure =
        failure(
            () -> Property.forAll(Gen.integers(0, 1000).filter(x -> x % 2 == 0)).check(x -> x < 57));
    assertEquals(58, failure.shrunk());
  }

  @Test
  void flatMapShrinksTheDependentValue() {
    Gen<List<Integer>> sizeThenValue =
        Gen.integers(1, 50).flatMap(n -> Gen.integers(0, n).map(x -> List.of(n, x)));
    PropertyFailure failure = failure(() -> Property.forAll(sizeThenValue).check(p -> p.get(1) < 5));
    List<?> shrunk = (List<?>) failure.shrunk();
    assertEquals(5, shrunk.get(1));
    assertTrue((Integer) shrunk.get(0) >= 5);
  }

  @Test
  void frequencyShrinksTowardTheFirstAlternative() {
    Gen<Integer> mostlyLarge =
        Gen.frequency(Gen.weighted(9, Gen.integers(100, 200)), Gen.weighted(1, Gen.integers(0, 10)));
    assertEquals(100, failure(() -> Property.forAll(mostlyLarge).check(x -> x < 50)).shrunk());
    // Only the second alternative fails; its simplest value is 0.
    assertEquals(0, failure(() -> Property.forAll(mostlyLarge).check(x -> x >= 100)).shrunk());
  }

  @Test
  void powersOfTwoShrinkToTheSmallestFailingPower() {
    assertEquals(128, failure(() -> Property.forAll(Gen.powersOfTwo(1, 1024)).check(x -> x < 100)).shrunk());
  }

  @Test
  void choicesShrinkTowardTheFirst() {
    assertEquals(
        "c",
        failure(() -> Property.forAll(Gen.elements("a", "b", "c", "d")).check(s -> s.compareTo("c") < 0))
            .shrunk());
    assertEquals(true, failure(() -> Property.forAll(Gen.booleans()).check(b -> !b)).shrunk());
  }

  @Test
  void verifyReportsTheAssertionOfTheShrunkValue() {
    PropertyFailure failure =
        failure(
            () ->
                Property.forAll(Gen.integers(0, 1000))
                    .verify(x -> org.junit.jupiter.api.Assertions.assertTrue(x < 57, "x below 57")));
    assertEquals(57, failure.shrunk());
    assertTrue(failure.getCause() instanceof AssertionFailedError);
  }

  @Test
  void shrinkingCanBeTurnedOff() {
    PropertyFailure failure =
        failure(() -> Property.forAll(Gen.integers(0, 1000)).maxShrinkSteps(0).check(x -> x < 57));
    assertEquals(failure.original(), failure.shrunk());
    assertEquals(0, failure.shrinkSteps());
  }
}
