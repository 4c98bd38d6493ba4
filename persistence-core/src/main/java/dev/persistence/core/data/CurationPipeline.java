package dev.persistence.core.data;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
import java.util.List;
import org.immutables.value.Value;

/**
 * An ordered list of curation stages, each keeping a fraction of what reaches it: the surviving tokens of an
 * input pool are the pool times the product of the retentions. Published pipelines are in {@link
 * CurationPipelines}.
 *
 * <p>Retentions measured on documents (as RefinedWeb reports them) are used as token retentions; the source of a
 * preset says which it measured.
 */
@Value.Immutable
public abstract class CurationPipeline {

  /** Returns a new builder. */
  public static ImmutableCurationPipeline.Builder builder() {
    return ImmutableCurationPipeline.builder();
  }

  /** The pipeline's name ({@code refinedweb}). */
  public abstract String name();

  /** The stages, in the order they run. */
  public abstract List<CurationStage> stages();

  /** Where the retentions come from and whether they were confirmed in the primary source. */
  @Value.Default
  public String source() {
    return "";
  }

  /**
   * Checks the rules of a valid {@code CurationPipeline} when one is built (Immutables {@code @Value.Check});
   * callers never need it.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  @Value.Check
  protected void check() {
    checkArgument(!name().isBlank(), "pipeline name must not be blank");
    Checks.check(!stages().isEmpty(), "pipeline " + name() + ": stages", "none", "must hold at least one stage");
  }

  /** The fraction of the input that survives every stage: the product of the retentions. */
  @Value.Derived
  @Value.Auxiliary
  public double retention() {
    double kept = 1;
    for (CurationStage stage : stages()) {
      kept *= stage.retention();
    }
    return kept;
  }

  /**
   * The tokens left after every stage.
   *
   * @param inputTokens the tokens entering the first stage, finite and &gt;= 0
   * @throws IllegalArgumentException if {@code inputTokens} is negative or not finite
   */
  public double survivingTokens(double inputTokens) {
    checkInput("inputTokens", inputTokens);
    return inputTokens * retention();
  }

  /**
   * The tokens entering each stage, then the survivors: {@code stages().size() + 1} values, the first the input.
   *
   * @param inputTokens the tokens entering the first stage, finite and &gt;= 0
   * @throws IllegalArgumentException if {@code inputTokens} is negative or not finite
   */
  public double[] tokensAtEachStage(double inputTokens) {
    checkInput("inputTokens", inputTokens);
    double[] tokens = new double[stages().size() + 1];
    tokens[0] = inputTokens;
    for (int i = 0; i < stages().size(); i++) {
      tokens[i + 1] = tokens[i] * stages().get(i).retention();
    }
    return tokens;
  }

  /**
   * The input needed for {@code outputTokens} to survive: output / retention.
   *
   * @param outputTokens the wanted survivors, finite and &gt;= 0
   * @throws IllegalArgumentException if {@code outputTokens} is negative or not finite
   */
  public double inputTokensFor(double outputTokens) {
    checkInput("outputTokens", outputTokens);
    double input = outputTokens / retention();
    Checks.check(
        input <= dev.persistence.core.exact.Amounts.MAX_QUANTITY,
        "outputTokens",
        outputTokens,
        "must need at most " + dev.persistence.core.exact.Amounts.MAX_QUANTITY + " input tokens at retention " + retention());
    return input;
  }

  /**
   * The stage that removes the most tokens (not the lowest retention: an early stage sees more tokens); the
   * earliest of equals.
   */
  public CurationStage stageRemovingMost() {
    double reaching = 1;
    double most = -1;
    CurationStage result = stages().get(0);
    for (CurationStage stage : stages()) {
      double removed = reaching * stage.removal();
      if (removed > most) {
        most = removed;
        result = stage;
      }
      reaching *= stage.retention();
    }
    return result;
  }

  private static void checkInput(String name, double tokens) {
    Checks.inRange(name, tokens, 0, dev.persistence.core.exact.Amounts.MAX_QUANTITY);
  }
}
