package dev.persistence.core.data;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A source of pre-training tokens: its size (tokens, or bytes or documents with a named tokenizer's ratio),
 * language and domain, licence class, acquisition cost and quality tier, and optionally the curation pipeline
 * the team runs to produce it or the synthetic generation that made it.
 *
 * <p>{@link #tokens()} is the number of unique tokens the source supplies, after any {@link #curation()} (the
 * pipeline says how much raw input those took, which the data budget charges for).
 */
@Value.Immutable
public abstract class DataSource {

  /** Returns a new builder. */
  public static ImmutableDataSource.Builder builder() {
    return ImmutableDataSource.builder();
  }

  /** The source's name, unique within a mixture ({@code fineweb}). */
  public abstract String name();

  /** The size as published. */
  public abstract DataSize size();

  /** The language ({@code en}, {@code multilingual}, {@code code}). */
  @Value.Default
  public String language() {
    return "unspecified";
  }

  /** The domain ({@code web}, {@code code}, {@code math}, {@code books}). */
  @Value.Default
  public String domain() {
    return "unspecified";
  }

  /** The licence class. */
  public abstract LicenceClass licenceClass();

  /** What it costs to obtain; free by default. */
  @Value.Default
  public AcquisitionCost acquisitionCost() {
    return AcquisitionCost.FREE;
  }

  /** The quality tier. */
  @Value.Default
  public QualityTier qualityTier() {
    return QualityTier.MEDIUM;
  }

  /** Where the size and licence figures come from, with their date. */
  @Value.Default
  public String source() {
    return "";
  }

  /** The pipeline the team runs to produce these tokens from raw input; empty when the source is used as is. */
  public abstract Optional<CurationPipeline> curation();

  /** The generation that made the tokens, for synthetic sources. */
  public abstract Optional<SyntheticGeneration> synthetic();

  /**
   * Checks the rules of a valid {@code DataSource} when one is built (Immutables {@code @Value.Check});
   * callers never need it.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  @Value.Check
  protected void check() {
    checkArgument(!name().isBlank(), "source name must not be blank");
    checkArgument(
        synthetic().isEmpty() || licenceClass() == LicenceClass.SYNTHETIC,
        "source %s has a synthetic generation, so its licenceClass (%s) must be synthetic",
        name(),
        licenceClass());
  }

  /** The unique tokens this source supplies. */
  public double tokens() {
    return size().tokens();
  }
}
