package dev.persistence.costing.landscape;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * Where a planned training run stands among the notable models published up to a date: its rank by training
 * compute, its ratio to the largest run then (the leader) and to its neighbours just below and above, the models
 * nearest to it by compute and by parameters, and its ratio to the fitted frontier trend at that date.
 *
 * <p>Only models with a training-compute figure published on or before {@link #date()} are compared; the
 * parameter neighbours need a parameter count as well. "Nearest" is by {@code |log(ratio)|}, so 2x and 0.5x are
 * equally near.
 */
@Value.Immutable
public abstract class Positioning {

  /** Returns a new builder. */
  public static ImmutablePositioning.Builder builder() {
    return ImmutablePositioning.builder();
  }

  /** The plan's training compute, FLOP. */
  public abstract double trainingFlop();

  /** The plan's total parameters, when compared. */
  public abstract OptionalDouble totalParameters();

  /** The date the plan is placed at. */
  public abstract LocalDate date();

  /** Catalog models with compute published on or before the date. */
  public abstract int modelsCompared();

  /** The plan's rank by compute among them, 1 for the largest. */
  public abstract int rank();

  /** The largest run published on or before the date. */
  public abstract Comparison leader();

  /** The largest run not above the plan. */
  public abstract Optional<Comparison> below();

  /** The smallest run above the plan. */
  public abstract Optional<Comparison> above();

  /** The nearest models by compute, nearest first. */
  public abstract List<Comparison> nearestByCompute();

  /** The nearest models by total parameters, nearest first. */
  public abstract List<Comparison> nearestByParameters();

  /** The frontier trend, when fitted. */
  public abstract Optional<FrontierTrend> trend();

  /** The trend's compute at the date. */
  public abstract OptionalDouble trendFlopAtDate();

  /** Neighbours listed by default. */
  public static final int DEFAULT_NEIGHBOURS = 3;

  /**
   * Checks the position when one is built (Immutables {@code @Value.Check}); the lists are copied.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  @Value.Check
  protected void check() {
    Checks.positive("trainingFlop", trainingFlop());
    totalParameters().ifPresent(n -> Checks.positive("totalParameters", n));
    Checks.positive("modelsCompared", modelsCompared());
    Checks.inRange("rank", rank(), 1, modelsCompared() + 1L);
    trendFlopAtDate().ifPresent(c -> Checks.positive("trendFlopAtDate", c));
  }

  /**
   * Places a plan.
   *
   * @param trainingFlop the plan's training compute, FLOP, finite and {@code > 0}
   * @param totalParameters the plan's total parameters, finite and {@code > 0}
   * @param date the date to place it at
   * @param catalog the notable models
   * @param trend the frontier trend, or empty
   * @param neighbours how many nearest models to list, {@code >= 1}
   * @throws IllegalArgumentException if an argument is out of range or no model with compute was published on or
   *     before the date
   */
  public static Positioning of(
      double trainingFlop,
      double totalParameters,
      LocalDate date,
      List<NotableModel> catalog,
      Optional<FrontierTrend> trend,
      int neighbours) {
    Checks.positive("trainingFlop", trainingFlop);
    Checks.positive("totalParameters", totalParameters);
    checkArgument(neighbours >= 1, "neighbours (%s) must be >= 1", neighbours);
    List<NotableModel> compared = new ArrayList<>();
    for (NotableModel model : catalog) {
      if (model.trainingComputeFlop().isPresent() && !model.publicationDate().isAfter(date)) {
        compared.add(model);
      }
    }
    checkArgument(!compared.isEmpty(), "positioning date (%s) must be on or after the first catalog model with a training compute", date);
    compared.sort(
        Comparator.comparingDouble((NotableModel m) -> -flop(m)).thenComparing(NotableModel::name));
    int rank = 1;
    NotableModel below = null;
    NotableModel above = null;
    for (NotableModel model : compared) {
      double flop = flop(model);
      if (flop > trainingFlop) {
        rank++;
        above = model;
      } else if (below == null) {
        below = model;
      }
    }
    List<Comparison> byCompute = new ArrayList<>();
    for (NotableModel model : compared) {
      byCompute.add(new Comparison(model, trainingFlop / flop(model)));
    }
    byCompute.sort(Comparator.comparingDouble((Comparison c) -> Math.abs(Math.log(c.ratio()))));
    List<Comparison> byParameters = new ArrayList<>();
    for (NotableModel model : compared) {
      if (model.totalParameters().isPresent()) {
        byParameters.add(new Comparison(model, totalParameters / model.totalParameters().getAsDouble()));
      }
    }
    byParameters.sort(Comparator.comparingDouble((Comparison c) -> Math.abs(Math.log(c.ratio()))));
    NotableModel leader = compared.get(0);
    return builder()
        .trainingFlop(trainingFlop)
        .totalParameters(OptionalDouble.of(totalParameters))
        .date(date)
        .modelsCompared(compared.size())
        .rank(rank)
        .leader(new Comparison(leader, trainingFlop / flop(leader)))
        .below(Optional.ofNullable(below).map(m -> new Comparison(m, trainingFlop / flop(m))))
        .above(Optional.ofNullable(above).map(m -> new Comparison(m, trainingFlop / flop(m))))
        .nearestByCompute(byCompute.subList(0, Math.min(neighbours, byCompute.size())))
        .nearestByParameters(byParameters.subList(0, Math.min(neighbours, byParameters.size())))
        .trend(trend)
        .trendFlopAtDate(trend.isPresent() ? OptionalDouble.of(trend.get().flopAt(date)) : OptionalDouble.empty())
        .build();
  }

  private static double flop(NotableModel model) {
    return model.trainingComputeFlop().getAsDouble();
  }

  /** The plan's compute over the trend's at the date, when a trend is given. */
  public OptionalDouble ratioToTrend() {
    return trendFlopAtDate().isPresent()
        ? OptionalDouble.of(trainingFlop() / trendFlopAtDate().getAsDouble())
        : OptionalDouble.empty();
  }

  /**
   * The headline: the neighbours below and above ({@code 2.7x Llama 3.1-405B (Epoch: confident), 0.11x Grok 3
   * (Epoch: likely)}), or the leader when the plan is the largest.
   */
  public String headline() {
    List<String> parts = new ArrayList<>();
    below().ifPresent(c -> parts.add(c.text()));
    above().ifPresent(c -> parts.add(c.text()));
    return String.join(", ", parts);
  }
}
