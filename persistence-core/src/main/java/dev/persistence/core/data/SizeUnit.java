package dev.persistence.core.data;

/** The unit a data source's size was published in. */
public enum SizeUnit {
  /** Tokens of a named tokenizer. */
  TOKENS,
  /** Bytes of text (UTF-8, uncompressed), converted with a tokenizer's bytes per token. */
  BYTES,
  /** Documents, converted with a tokenizer's mean tokens per document. */
  DOCUMENTS
}
