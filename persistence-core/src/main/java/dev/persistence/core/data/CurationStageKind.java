package dev.persistence.core.data;

/** The kinds of curation stage, in the order pipelines usually run them. */
public enum CurationStageKind {
  /** URL or domain blocklists applied before any text is read. */
  URL_FILTER,
  /** Main-text extraction from HTML (trafilatura, resiliparse) or other raw formats. */
  TEXT_EXTRACTION,
  /** Language identification (fastText lid, CLD3) keeping the wanted languages. */
  LANGUAGE_IDENTIFICATION,
  /** Rule-based quality filters (Gopher, C4, repetition, line-wise rules). */
  HEURISTIC_QUALITY_FILTER,
  /** Classifier-based quality filters (fastText, educational-value regressors, perplexity). */
  MODEL_QUALITY_FILTER,
  /** Exact (substring or document hash) deduplication. */
  EXACT_DEDUPLICATION,
  /** Near-duplicate (MinHash, Bloom filter) deduplication. */
  FUZZY_DEDUPLICATION,
  /** Removal or masking of personal information. */
  PII_FILTER,
  /** Toxicity or NSFW filtering. */
  TOXICITY_FILTER,
  /** Removal of benchmark test data (n-gram overlap). */
  BENCHMARK_DECONTAMINATION,
  /** Several stages whose separate retention was not published; its description names them. */
  COMBINED
}
