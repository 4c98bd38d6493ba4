package dev.persistence.costing.regulation;


import dev.persistence.core.check.Checks;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.immutables.value.Value;

/**
 * A training-compute threshold in law: a model trained with strictly more than {@link #trainingFlops()}
 * operations is presumed in scope. The laws below all say "greater than".
 */
@Value.Immutable
public abstract class ComputeThreshold {

  /** Returns a new builder. */
  public static ImmutableComputeThreshold.Builder builder() {
    return ImmutableComputeThreshold.builder();
  }

  /** Short name ({@code eu-ai-act-systemic-risk}). */
  public abstract String id();

  /** What the threshold decides. */
  public abstract String name();

  /** The threshold, operations (integer or floating point). */
  public abstract double trainingFlops();

  /** Which compute counts toward it. */
  public abstract String whatCounts();

  /** The instrument and provision. */
  public abstract String source();

  /** The date the instrument was adopted or signed. */
  public abstract LocalDate date();

  /** In force or historical. */
  public abstract ThresholdStatus status();

  /** Anything a reader must know (revocation, dates obligations apply). */
  @Value.Default
  public String note() {
    return "";
  }

  /**
   * EU AI Act, Regulation (EU) 2024/1689 of 13 June 2024, Article 51(2): a general-purpose AI model is presumed
   * to have high-impact capabilities (hence systemic risk) when the cumulative amount of computation used for its
   * training, measured in floating point operations, is greater than 10^25. GPAI obligations apply from 2 August
   * 2025; the Commission may amend the threshold by delegated act (Article 51(3)).
   */
  public static final ComputeThreshold EU_AI_ACT_SYSTEMIC_RISK =
      builder()
          .id("eu-ai-act-systemic-risk")
          .name("EU AI Act: general-purpose AI model with systemic risk (presumption)")
          .trainingFlops(1e25)
          .whatCounts("cumulative computation used for training, floating point operations")
          .source("Regulation (EU) 2024/1689 (AI Act), Article 51(2)")
          .date(LocalDate.of(2024, 6, 13))
          .status(ThresholdStatus.IN_FORCE)
          .note("in force 1 August 2024; GPAI obligations apply from 2 August 2025; amendable by delegated act")
          .build();

  /**
   * California SB 53 (Transparency in Frontier Artificial Intelligence Act), signed 29 September 2025, adding
   * Business and Professions Code section 22757.11: a "frontier model" is a foundation model trained using more
   * than 10^26 integer or floating-point operations, counting the original training run and any subsequent
   * fine-tuning, reinforcement learning or other material modifications.
   */
  public static final ComputeThreshold CALIFORNIA_SB_53_FRONTIER_MODEL =
      builder()
          .id("california-sb53-frontier-model")
          .name("California SB 53: frontier model")
          .trainingFlops(1e26)
          .whatCounts("integer or floating-point operations of the original training plus subsequent fine-tuning," + " reinforcement learning or other material modifications")
          .source("California SB 53 (2025), Business and Professions Code section 22757.11")
          .date(LocalDate.of(2025, 9, 29))
          .status(ThresholdStatus.IN_FORCE)
          .note("large frontier developers are those with over $500M annual revenue; operative 1 January 2026")
          .build();

  /**
   * European Commission, Guidelines on the scope of the obligations for providers of general-purpose AI models
   * under the AI Act (C(2025) 5045, published 18 July 2025), section 2.1: the indicative criterion for a model to
   * be a general-purpose AI model is training compute greater than 10^23 FLOP together with the ability to
   * generate language (text or audio), text-to-image or text-to-video. Indicative, not a legal presumption (the
   * April 2025 working paper's 10^22 presumption was dropped): reference/regulation.json,
   * reg-eu-guidelines-gpai-indicative.
   */
  public static final ComputeThreshold EU_AI_ACT_GPAI_INDICATIVE =
      builder()
          .id("eu-ai-act-gpai-indicative")
          .name("EU AI Act: general-purpose AI model (Commission guidelines' indicative criterion)")
          .trainingFlops(1e23)
          .whatCounts("training compute, floating point operations, for a model that generates language, images or video")
          .source("European Commission GPAI guidelines of 18 July 2025, section 2.1, under Regulation (EU) 2024/1689 Art. 3(63)")
          .date(LocalDate.of(2025, 7, 18))
          .status(ThresholdStatus.IN_FORCE)
          .note("indicative criterion, not a presumption; GPAI obligations (Art. 53) apply from 2 August 2025")
          .build();

  /**
   * New York RAISE Act as enacted: General Business Law Article 44-B, section 1420, as repealed and re-enacted by
   * the chapter amendment S.8828 / A.9449 (Laws of 2026, chapter 96, signed 27 March 2026) of the original
   * S.6953-B (Laws of 2025, chapter 699, signed 19 December 2025): a "frontier model" is a foundation model trained
   * with more than 10^26 integer or floating-point operations, counting the original training run and later
   * fine-tuning or other modifications. The original text's second prong (compute cost above $100 million) is not
   * in the enacted definition. Effective 1 January 2027. See reference/regulation-corrections.md.
   */
  public static final ComputeThreshold NEW_YORK_RAISE_FRONTIER_MODEL =
      builder()
          .id("new-york-raise-frontier-model")
          .name("New York RAISE Act: frontier model")
          .trainingFlops(1e26)
          .whatCounts("integer or floating-point operations of the original training plus subsequent fine-tuning or other" + " modifications")
          .source("N.Y. General Business Law Article 44-B, section 1420, as enacted by S.8828/A.9449 (L. 2026, ch. 96)")
          .date(LocalDate.of(2026, 3, 27))
          .status(ThresholdStatus.IN_FORCE)
          .note("large frontier developers are those with over $500M annual revenue; effective 1 January 2027")
          .build();

  /**
   * US Executive Order 14110 of 30 October 2023, Section 4.2(b)(i): reporting for any model trained using more
   * than 10^26 integer or floating-point operations (10^23 for models trained primarily on biological sequence
   * data). Revoked on 20 January 2025 by Executive Order 14148: historical.
   */
  public static final ComputeThreshold US_EO_14110_REPORTING =
      builder()
          .id("us-eo-14110-reporting")
          .name("US Executive Order 14110: dual-use foundation model reporting")
          .trainingFlops(1e26)
          .whatCounts("integer or floating-point operations used in training")
          .source("Executive Order 14110 (2023), Section 4.2(b)(i)")
          .date(LocalDate.of(2023, 10, 30))
          .status(ThresholdStatus.HISTORICAL)
          .note("revoked 20 January 2025 by Executive Order 14148")
          .build();

  /**
   * Checks the threshold when one is built (Immutables {@code @Value.Check}); an absent note is empty.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  @Value.Check
  protected void check() {
    Checks.notBlank("threshold id", id());
    Checks.notBlank("threshold name", name());
    Checks.positive("trainingFlops", trainingFlops());
    Checks.notBlank("whatCounts", whatCounts());
    Checks.notBlank("threshold source", source());
  }


  /** The bundled thresholds, lowest first. */
  public static List<ComputeThreshold> bundled() {
    return List.of(
        EU_AI_ACT_GPAI_INDICATIVE,
        EU_AI_ACT_SYSTEMIC_RISK,
        CALIFORNIA_SB_53_FRONTIER_MODEL,
        NEW_YORK_RAISE_FRONTIER_MODEL,
        US_EO_14110_REPORTING);
  }

  /**
   * Whether {@code cumulativeTrainingFlops} crosses this threshold (strictly greater).
   *
   * @param cumulativeTrainingFlops all training compute of the model, fine-tuning included, {@code >= 0}
   * @throws IllegalArgumentException if the compute is negative or not finite
   */
  public boolean isCrossedBy(double cumulativeTrainingFlops) {
    Checks.nonNegative("cumulativeTrainingFlops", cumulativeTrainingFlops);
    return cumulativeTrainingFlops > trainingFlops();
  }

  /** One line for reports: {@code eu-ai-act-systemic-risk (> 1e+25 FLOP, Regulation ..., in force)}. */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "%s (> %.0e FLOP, %s, %s)",
        id(),
        trainingFlops(),
        source(),
        status() == ThresholdStatus.HISTORICAL ? "historical: " + note() : "in force");
  }
}
