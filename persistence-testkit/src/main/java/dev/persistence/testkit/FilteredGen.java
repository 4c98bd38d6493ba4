package dev.persistence.testkit;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/** A generator that retries until its predicate holds, and gives up loudly when it rejects almost everything. */
final class FilteredGen<T> implements Gen<T> {

  /** Consecutive rejections after which one value is given up on. */
  static final int MAX_CONSECUTIVE_REJECTIONS = 1_000;

  /** Candidates seen before the overall acceptance rate is judged. */
  static final long MIN_CANDIDATES_FOR_RATE = 5_000;

  /** Below this acceptance rate the filter does more harm than good. */
  static final double MIN_ACCEPTANCE_RATE = 0.01;

  private final Gen<T> source;
  private final String description;
  private final Predicate<? super T> predicate;
  private final AtomicLong candidates = new AtomicLong();
  private final AtomicLong accepted = new AtomicLong();

  FilteredGen(Gen<T> source, String description, Predicate<? super T> predicate) {
    this.source = requireNonNull(source, "source");
    this.description = requireNonNull(description, "description");
    this.predicate = requireNonNull(predicate, "predicate");
  }

  @Override
  public Shrinkable<T> generate(SplittableRandom random) {
    for (int attempt = 0; attempt < MAX_CONSECUTIVE_REJECTIONS; attempt++) {
      Shrinkable<T> candidate = source.generate(random);
      long seen = candidates.incrementAndGet();
      if (predicate.test(candidate.value())) {
        long kept = accepted.incrementAndGet();
        if (seen >= MIN_CANDIDATES_FOR_RATE && (double) kept / seen < MIN_ACCEPTANCE_RATE) {
          throw new FilterTooStrictException(description, seen, kept);
        }
        return candidate.filter(predicate);
      }
    }
    throw new FilterTooStrictException(description, candidates.get(), accepted.get());
  }

  @Override
  public List<Shrinkable<T>> edgeCases() {
    return source.edgeCases().stream()
        .filter(edge -> predicate.test(edge.value()))
        .map(edge -> edge.filter(predicate))
        .toList();
  }
}
