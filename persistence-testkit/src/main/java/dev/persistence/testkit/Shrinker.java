package dev.persistence.testkit;

import java.util.Iterator;

/** Greedy search down a shrink tree: take the first simpler value that still fails, until none does. */
final class Shrinker {

  /** Evaluations of the property while shrinking, after which shrinking stops. */
  static final int MAX_EVALUATIONS = 20_000;

  private Shrinker() {}

  /** A test of one value: null when it holds, else why it failed. */
  @FunctionalInterface
  interface Test<T> {
    Throwable failure(T value);
  }

  /** Where shrinking stopped: the simplest failing value found, why it failed, and the steps taken. */
  record Result<T>(Shrinkable<T> shrunk, Throwable failure, int steps) {}

  static <T> Result<T> shrink(Shrinkable<T> original, Throwable originalFailure, Test<T> test, int maxSteps) {
    Shrinkable<T> current = original;
    Throwable currentFailure = originalFailure;
    int steps = 0;
    int evaluations = 0;
    search:
    while (steps < maxSteps) {
      Iterator<Shrinkable<T>> candidates = current.shrinks().iterator();
      while (true) {
        Shrinkable<T> candidate;
        try {
          if (!candidates.hasNext()) {
            break search;
          }
          candidate = candidates.next();
        } catch (RuntimeException e) {
          // A shrink the generator cannot build is no counterexample; keep what we have.
          break search;
        }
        if (++evaluations > MAX_EVALUATIONS) {
          break search;
        }
        Throwable failure = test.failure(candidate.value());
        if (failure != null) {
          current = candidate;
          currentFailure = failure;
          steps++;
          break;
        }
      }
    }
    return new Result<>(current, currentFailure, steps);
  }
}
