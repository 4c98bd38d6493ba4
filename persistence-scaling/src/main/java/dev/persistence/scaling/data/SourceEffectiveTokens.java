package dev.persistence.scaling.data;

import dev.persistence.core.check.Checks;

/**
 * One source's share of a mixture's effective tokens.
 *
 * @param name the source
 * @param tokens training tokens drawn from it
 * @param uniqueTokens unique tokens among them
 * @param epochs passes over the source
 * @param effectiveTokens the tokens' worth as fresh data under the data-constrained law (equal to {@code tokens}
 *     without repetition)
 */
public record SourceEffectiveTokens(String name, double tokens, double uniqueTokens, double epochs, double effectiveTokens) {

  /**
   * Validates the figures.
   *
   * @throws IllegalArgumentException if a figure is NaN or infinite
   */
  public SourceEffectiveTokens {
    Checks.finite("tokens", tokens);
    Checks.finite("uniqueTokens", uniqueTokens);
    Checks.finite("epochs", epochs);
    Checks.finite("effectiveTokens", effectiveTokens);
  }}
