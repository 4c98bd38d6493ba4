package dev.persistence.costing.regulation;

/** How an obligation's text was checked (the status words of reference/README.md). */
public enum Verification {
  /** Read in the official text or on an official government site. */
  OFFICIAL,
  /** Read only in a third-party copy or summary of the text. */
  SECONDARY
}
