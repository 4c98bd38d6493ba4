package dev.persistence.core.data;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
import java.util.Locale;

/**
 * The size of a data source as published (tokens, bytes or documents) and the tokenizer ratio that turns it
 * into tokens. A token count means nothing without its tokenizer (FineWeb's 15T are GPT-2 tokens, DCLM's 240T
 * GPT-NeoX tokens), so the tokenizer is always named; use {@code "unspecified"} when the publisher did not say.
 *
 * @param unit the unit {@code amount} is in
 * @param amount the published size in {@code unit}, finite and &gt;= 0
 * @param tokensPerUnit tokens per unit: 1 for tokens, 1 / bytes-per-token for bytes, tokens per document for
 *     documents; finite and &gt; 0
 * @param tokenizer the tokenizer the token count or ratio refers to ({@code gpt2}, {@code gpt-neox})
 */
public record DataSize(SizeUnit unit, double amount, double tokensPerUnit, String tokenizer) {

  /**
   * @throws IllegalArgumentException if {@code amount} is negative or not finite, the ratio is not finite and
   *     positive, a token size has a ratio other than 1, or the tokenizer is blank
   */
  public DataSize {
    checkArgument(unit != null, "unit must not be null");
    checkArgument(amount >= 0 && Double.isFinite(amount), "amount (%s %s) must be finite and >= 0", amount, unit);
    Checks.positive("tokensPerUnit", tokensPerUnit);
    checkArgument(unit != SizeUnit.TOKENS || tokensPerUnit == 1, "tokensPerUnit (%s) must be 1 for tokens", tokensPerUnit);
    checkArgument(tokenizer != null && !tokenizer.isBlank(), "tokenizer must not be blank");
    // Bounds far past any tokenizer (a billion bytes per token, a trillion tokens per document), so that the
    // reciprocal bytesPerToken() stays finite.
    checkArgument(
        tokensPerUnit >= 1e-9 && tokensPerUnit <= 1e12, "tokensPerUnit (%s) must be in [1e-9, 1e12]", tokensPerUnit);
    // A token is indivisible: a positive size below one token (1e-320 tokens) would be repeated Infinity times.
    double tokens = amount * tokensPerUnit;
    checkArgument(
        tokens == 0 || (tokens >= 1 && tokens <= dev.persistence.core.exact.Amounts.MAX_QUANTITY),
        "amount (%s %s) must be 0 or between 1 and %s tokens",
        amount,
        unit,
        dev.persistence.core.exact.Amounts.MAX_QUANTITY);
    amount += 0.0;
  }

  /**
   * A size in tokens.
   *
   * @param tokens the token count, &gt;= 0
   * @param tokenizer the tokenizer it was counted with
   */
  public static DataSize tokens(double tokens, String tokenizer) {
    return new DataSize(SizeUnit.TOKENS, tokens, 1, tokenizer);
  }

  /**
   * A size in bytes of text.
   *
   * @param bytes uncompressed bytes, &gt;= 0
   * @param bytesPerToken the tokenizer's mean bytes per token on this text, &gt; 0
   * @param tokenizer the tokenizer
   * @throws IllegalArgumentException if {@code bytesPerToken} is not finite and positive
   */
  public static DataSize bytes(double bytes, double bytesPerToken, String tokenizer) {
    Checks.positive("bytesPerToken", bytesPerToken);
    return new DataSize(SizeUnit.BYTES, bytes, 1 / bytesPerToken, tokenizer);
  }

  /**
   * A size in documents.
   *
   * @param documents the document count, &gt;= 0
   * @param tokensPerDocument the tokenizer's mean tokens per document, &gt; 0
   * @param tokenizer the tokenizer
   */
  public static DataSize documents(double documents, double tokensPerDocument, String tokenizer) {
    return new DataSize(SizeUnit.DOCUMENTS, documents, tokensPerDocument, tokenizer);
  }

  /** The size in tokens: {@code amount * tokensPerUnit}. */
  public double tokens() {
    return amount * tokensPerUnit;
  }

  /** The bytes per token of a byte size (1 / tokensPerUnit). */
  public double bytesPerToken() {
    return 1 / tokensPerUnit;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%.4g %s (%.4g %s tokens)", amount, unit.name().toLowerCase(Locale.ROOT), tokens(), tokenizer);
  }
}
