package dev.persistence.core.data;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Curation pipelines with published yields. Each preset's {@link CurationPipeline#source()} says where its
 * retentions come from and whether they were confirmed; read it before relying on a per-stage figure.
 *
 * <p>Confirmed end-to-end yields (pool and output both published by the dataset's authors) are {@link
 * #FINEWEB_EDU}, {@link #FINEWEB_EDU_SCORE_2}, {@link #REDPAJAMA_V2} and {@link
 * #THE_STACK_V2_DEDUPLICATION}; where the authors published no per-stage split the preset is one {@link
 * CurationStageKind#COMBINED} stage rather than an invented split. {@link #REFINEDWEB}'s per-stage shares are
 * NOT confirmed (see its Javadoc).
 */
public final class CurationPipelines {
  private CurationPipelines() {}

  /**
   * RefinedWeb's Macrodata Refinement (Penedo et al. 2023, arXiv:2306.01116, Fig. 2): shares of Common Crawl
   * documents remaining after each stage, 97.76% (URL filtering), 96.31% (trafilatura extraction), 47.51%
   * (fastText language identification), 30.15% (repetition removal), 23.34% (document-wise filters), 18.47%
   * (line-wise filters), 12.01% (fuzzy deduplication), 11.67% (exact deduplication). UNCONFIRMED: these per-stage
   * shares are recalled from the figure and could not be checked against the paper here; only the figure
   * caption's "remove nearly 90% of the documents originally in CommonCrawl" was seen (in a secondary copy). The
   * shares are of documents, not tokens.
   */
  public static final CurationPipeline REFINEDWEB =
      CurationPipeline.builder()
          .name("refinedweb")
          .source(
              "Penedo et al. 2023, arXiv:2306.01116, Fig. 2 (document shares). UNCONFIRMED per-stage shares (recalled,"
                  + " not checked against the paper); caption 'remove nearly 90% of the documents' seen in a"
                  + " secondary copy")
          .addStages(stage(CurationStageKind.URL_FILTER, "URL blocklist and score", 100, 97.76))
          .addStages(stage(CurationStageKind.TEXT_EXTRACTION, "trafilatura", 97.76, 96.31))
          .addStages(stage(CurationStageKind.LANGUAGE_IDENTIFICATION, "fastText, English", 96.31, 47.51))
          .addStages(stage(CurationStageKind.HEURISTIC_QUALITY_FILTER, "repetition removal", 47.51, 30.15))
          .addStages(stage(CurationStageKind.HEURISTIC_QUALITY_FILTER, "document-wise filtering", 30.15, 23.34))
          .addStages(stage(CurationStageKind.HEURISTIC_QUALITY_FILTER, "line-wise filtering", 23.34, 18.47))
          .addStages(stage(CurationStageKind.FUZZY_DEDUPLICATION, "MinHash", 18.47, 12.01))
          .addStages(stage(CurationStageKind.EXACT_DEDUPLICATION, "exact substring", 12.01, 11.67))
          .build();

  /**
   * DCLM-Baseline from DCLM-Pool (Li et al. 2024, arXiv:2406.11794): a 240T-token pool (GPT-NeoX tokens, all
   * Common Crawl before 2023) filtered to a 3.8T-token baseline by RefinedWeb heuristics, Bloom-filter
   * deduplication and a fastText quality classifier. The 240T pool is in the paper's abstract (confirmed); the
   * 3.8T baseline was seen only in secondary summaries of the paper; the per-stage split was not confirmed, so
   * this is one combined stage.
   */
  public static final CurationPipeline DCLM_BASELINE =
      CurationPipeline.builder()
          .name("dclm-baseline")
          .source(
              "Li et al. 2024, arXiv:2406.11794: DCLM-Pool 240T tokens (abstract, confirmed) -> DCLM-Baseline"
                  + " 3.8T tokens (secondary summaries only); per-stage split not confirmed, hence one combined stage")
          .addStages(
              new CurationStage(
                  CurationStageKind.COMBINED,
                  "RefinedWeb heuristics, Bloom-filter deduplication, fastText quality filter",
                  3.8e12 / 240e12))
          .build();

  /**
   * FineWeb-Edu from FineWeb (Penedo et al. 2024, arXiv:2406.17557; HuggingFaceFW/blogpost-fineweb-v1): an
   * educational-value classifier trained on Llama-3-70B-Instruct annotations keeps 1.3T of FineWeb's 15T tokens
   * (GPT-2 tokenizer) at a score threshold of 3. Confirmed in the FineWeb blog post and the authors' release post.
   */
  public static final CurationPipeline FINEWEB_EDU =
      CurationPipeline.builder()
          .name("fineweb-edu")
          .source("HuggingFaceFW/blogpost-fineweb-v1 (2024): FineWeb 15T tokens -> FineWeb-Edu 1.3T tokens (confirmed)")
          .addStages(
              new CurationStage(
                  CurationStageKind.MODEL_QUALITY_FILTER, "educational classifier, score >= 3", 1.3e12 / 15e12))
          .build();

  /**
   * FineWeb-Edu-score-2: the same classifier at threshold 2 keeps 5.4T of FineWeb's 15T tokens (confirmed, as for
   * {@link #FINEWEB_EDU}).
   */
  public static final CurationPipeline FINEWEB_EDU_SCORE_2 =
      CurationPipeline.builder()
          .name("fineweb-edu-score-2")
          .source("HuggingFaceFW/blogpost-fineweb-v1 (2024): FineWeb 15T tokens -> 5.4T tokens at threshold 2 (confirmed)")
          .addStages(
              new CurationStage(
                  CurationStageKind.MODEL_QUALITY_FILTER, "educational classifier, score >= 2", 5.4e12 / 15e12))
          .build();

  /**
   * RedPajama-V2 (Together AI blog, 2023-10-30): "30 trillion filtered and deduplicated tokens (100+ trillions
   * raw) from 84 CommonCrawl dumps". The raw figure is a lower bound, so the 30% retention is an upper bound.
   * Confirmed in the blog post.
   */
  public static final CurationPipeline REDPAJAMA_V2 =
      CurationPipeline.builder()
          .name("redpajama-v2")
          .source(
              "together.ai/blog/redpajama-data-v2 (2023-10-30): 100+T raw -> 30T filtered and deduplicated tokens"
                  + " (confirmed; raw is a lower bound, so this retention is an upper bound)")
          .addStages(
              new CurationStage(CurationStageKind.COMBINED, "CCNet filtering and deduplication", 30e12 / 100e12))
          .build();

  /**
   * The Stack v2's deduplication (huggingface/blog starcoder2.md, 2024-02-28): 67.5 TB full, 32.1 TB
   * deduplicated. Measured in bytes. Confirmed in the blog's table; the deduplication method is not stated there.
   */
  public static final CurationPipeline THE_STACK_V2_DEDUPLICATION =
      CurationPipeline.builder()
          .name("the-stack-v2-dedup")
          .source("huggingface/blog starcoder2.md (2024-02-28): 67.5 TB full -> 32.1 TB deduplicated (bytes; confirmed)")
          .addStages(new CurationStage(CurationStageKind.COMBINED, "deduplication (method not stated)", 32.1 / 67.5))
          .build();

  /** Every preset, in declaration order. */
  public static List<CurationPipeline> presets() {
    return List.of(
        REFINEDWEB, DCLM_BASELINE, FINEWEB_EDU, FINEWEB_EDU_SCORE_2, REDPAJAMA_V2, THE_STACK_V2_DEDUPLICATION);
  }

  /** The preset named {@code name}, ignoring case. */
  public static Optional<CurationPipeline> find(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    return presets().stream().filter(p -> p.name().equals(wanted)).findFirst();
  }

  /** A stage from the published shares before and after it, in percent. */
  private static CurationStage stage(CurationStageKind kind, String description, double beforePercent, double afterPercent) {
    return new CurationStage(kind, description, afterPercent / beforePercent);
  }
}
