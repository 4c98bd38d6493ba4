package dev.persistence.core.data;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Data sources with sampling weights: for a token budget, each source supplies weight times the budget tokens,
 * which is {@code tokens / source tokens} epochs of it.
 *
 * <p>Weights must sum to 1 within {@link #WEIGHT_TOLERANCE} (absolute); allocations divide by the actual sum so
 * that the tokens drawn add up to the budget. A source with no tokens and a positive weight is an error naming
 * it (it could only be drawn from by repeating nothing forever). Sources repeated beyond {@link #epochCap()}
 * are flagged; the default cap of 4 follows Muennighoff et al. 2023 (arXiv:2305.16264, Sec. 5): up to about
 * 4 epochs, repeated tokens are nearly as good as fresh ones, with sharply diminishing value beyond.
 */
@Value.Immutable
public abstract class DataMixture {

  /** How far the weights may sum from 1: 1e-6, room for weights written with six decimals. */
  public static final double WEIGHT_TOLERANCE = 1e-6;

  /** The default epoch cap, 4 (Muennighoff et al. 2023, arXiv:2305.16264, Sec. 5 and Fig. 3). */
  public static final double DEFAULT_EPOCH_CAP = 4;

  /** Returns a new builder. */
  public static ImmutableDataMixture.Builder builder() {
    return ImmutableDataMixture.builder();
  }

  /** The mixture's name. */
  @Value.Default
  public String name() {
    return "mixture";
  }

  /** The sources and their weights. */
  public abstract List<MixtureComponent> components();

  /** Epochs above which a source is flagged as over-repeated. */
  @Value.Default
  public double epochCap() {
    return DEFAULT_EPOCH_CAP;
  }

  /**
   * Checks the rules of a valid {@code DataMixture} when one is built (Immutables {@code @Value.Check});
   * callers never need it.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  @Value.Check
  protected void check() {
    Checks.check(!components().isEmpty(), "mixture " + name() + ": components", "none", "must hold at least one source");
    Checks.positive("epochCap", epochCap());
    Set<String> names = new HashSet<>();
    double sum = 0;
    for (MixtureComponent component : components()) {
      String name = component.source().name();
      checkArgument(names.add(name), "mixture %s: source (%s) must appear once; it appears twice", name(), name);
      checkArgument(
          !(component.weight() > 0 && component.source().tokens() == 0),
          "source %s has no tokens but weight (%s); give it tokens or weight 0",
          name,
          component.weight());
      sum += component.weight();
    }
    checkArgument(
        Math.abs(sum - 1) <= WEIGHT_TOLERANCE,
        "weights of mixture %s sum to %s; they must sum to 1 (within %s)",
        name(),
        sum,
        WEIGHT_TOLERANCE);
  }

  /** The sum of the weights (1 within {@link #WEIGHT_TOLERANCE}). */
  public double weightSum() {
    double sum = 0;
    for (MixtureComponent component : components()) {
      sum += component.weight();
    }
    return sum;
  }

  /** The unique tokens available, summed over the sources with a positive weight. */
  public double availableTokens() {
    double total = 0;
    for (MixtureComponent component : components()) {
      if (component.weight() > 0) {
        total += component.source().tokens();
      }
    }
    return total;
  }

  /**
   * Spreads {@code budgetTokens} over the sources by weight.
   *
   * @param budgetTokens training tokens, finite and &gt; 0
   * @throws IllegalArgumentException if {@code budgetTokens} is not finite and positive
   */
  public MixtureAllocation allocate(double budgetTokens) {
    Checks.positive("budgetTokens", budgetTokens);
    double sum = weightSum();
    List<SourceAllocation> allocations = new ArrayList<>(components().size());
    for (MixtureComponent component : components()) {
      double tokens = component.weight() / sum * budgetTokens;
      double epochs = tokens == 0 ? 0 : tokens / component.source().tokens();
      allocations.add(
          new SourceAllocation(component.source(), component.weight(), tokens, epochs, epochs > epochCap()));
    }
    return new MixtureAllocation(budgetTokens, epochCap(), allocations);
  }
}
