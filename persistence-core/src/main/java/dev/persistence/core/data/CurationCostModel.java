package dev.persistence.core.data;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
import java.util.EnumMap;
import java.util.Map;
import org.immutables.value.Value;

/**
 * The compute cost of curation: USD per terabyte (10^12 bytes) of text entering each kind of stage, and the bytes
 * per token used to turn tokens into bytes.
 *
 * <p>{@link #ASSUMED} holds ASSUMPTIONS, not sourced figures: order-of-magnitude cloud prices for CPU work
 * (extraction and fuzzy deduplication the dearest CPU stages) and for classifier inference (model-based filters),
 * and 4 bytes per token (the common "about four characters of English per BPE token" rule of thumb). Replace them
 * with your own ({@link #withUsdPerTerabyte}, {@link #withBytesPerToken}, or the mixture file's
 * {@code curationCosts}); every report labels them as assumptions.
 */
@Value.Immutable
public abstract class CurationCostModel {

  /** The project's assumed figures; see the class Javadoc. */
  public static final CurationCostModel ASSUMED = assumed();

  /** Returns a new builder. */
  public static ImmutableCurationCostModel.Builder builder() {
    return ImmutableCurationCostModel.builder();
  }

  /** USD per terabyte entering a stage of each kind; a kind not listed costs nothing. */
  public abstract Map<CurationStageKind, Double> usdPerTerabyte();

  /** Bytes of text per token, to turn tokens into terabytes. */
  public abstract double bytesPerToken();

  /** Where the figures come from, or that they are assumptions. */
  @Value.Default
  public String source() {
    return "";
  }

  /**
   * Checks the rules of a valid {@code CurationCostModel} when one is built (Immutables {@code @Value.Check});
   * callers never need it.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  @Value.Check
  protected void check() {
    Checks.positive("bytesPerToken", bytesPerToken());
    usdPerTerabyte()
        .forEach(
            (kind, usd) ->
                checkArgument(
                    usd >= 0 && Double.isFinite(usd), "usdPerTerabyte of %s (%s) must be finite and >= 0", kind, usd));
  }

  /** This model with one stage kind's price replaced. */
  public CurationCostModel withUsdPerTerabyte(CurationStageKind kind, double usd) {
    Map<CurationStageKind, Double> prices = new EnumMap<>(CurationStageKind.class);
    prices.putAll(usdPerTerabyte());
    prices.put(kind, usd);
    return ImmutableCurationCostModel.copyOf(this).withUsdPerTerabyte(prices).withSource(source() + "; " + kind + " overridden");
  }

  /** This model with another bytes per token. */
  public CurationCostModel withBytesPerToken(double bytesPerToken) {
    return ImmutableCurationCostModel.copyOf(this).withBytesPerToken(bytesPerToken);
  }

  /**
   * The cost in USD of running {@code pipeline} on the raw input that yields {@code outputTokens}: each stage
   * is charged for the bytes entering it.
   *
   * @param pipeline the pipeline
   * @param outputTokens the surviving tokens wanted, finite and &gt;= 0
   * @throws IllegalArgumentException if {@code outputTokens} is negative or not finite
   */
  public double costUsd(CurationPipeline pipeline, double outputTokens) {
    double[] entering = pipeline.tokensAtEachStage(pipeline.inputTokensFor(outputTokens));
    double usd = 0;
    for (int i = 0; i < pipeline.stages().size(); i++) {
      double terabytes = entering[i] * bytesPerToken() / 1e12;
      usd += terabytes * usdPerTerabyte().getOrDefault(pipeline.stages().get(i).kind(), 0.0);
    }
    return usd;
  }

  private static CurationCostModel assumed() {
    Map<CurationStageKind, Double> prices = new EnumMap<>(CurationStageKind.class);
    prices.put(CurationStageKind.URL_FILTER, 0.5);
    prices.put(CurationStageKind.TEXT_EXTRACTION, 20.0);
    prices.put(CurationStageKind.LANGUAGE_IDENTIFICATION, 2.0);
    prices.put(CurationStageKind.HEURISTIC_QUALITY_FILTER, 5.0);
    prices.put(CurationStageKind.MODEL_QUALITY_FILTER, 30.0);
    prices.put(CurationStageKind.EXACT_DEDUPLICATION, 5.0);
    prices.put(CurationStageKind.FUZZY_DEDUPLICATION, 15.0);
    prices.put(CurationStageKind.PII_FILTER, 5.0);
    prices.put(CurationStageKind.TOXICITY_FILTER, 10.0);
    prices.put(CurationStageKind.BENCHMARK_DECONTAMINATION, 3.0);
    prices.put(CurationStageKind.COMBINED, 30.0);
    return builder()
        .usdPerTerabyte(prices)
        .bytesPerToken(4.0)
        .source("ASSUMPTION: order-of-magnitude cloud prices per processed TB, 4 bytes per token; not sourced")
        .build();
  }
}
