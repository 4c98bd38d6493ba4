package dev.persistence.core.data;

/** A coarse quality label used to compare and weight sources; the team's judgement, not a measured score. */
public enum QualityTier {
  /** Curated or aggressively model-filtered (books, papers, FineWeb-Edu, DCLM-Baseline). */
  HIGH,
  /** Heuristically filtered and deduplicated web or code (C4, FineWeb, RefinedWeb). */
  MEDIUM,
  /** Lightly filtered or raw (a Common Crawl extraction, RedPajama-V2 without its quality signals). */
  LOW
}
