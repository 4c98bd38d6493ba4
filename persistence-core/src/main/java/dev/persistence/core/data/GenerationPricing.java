package dev.persistence.core.data;

/**
 * The price of generating synthetic tokens with a model on an accelerator: the hook through which the serving-cost
 * model (persistence-costing, being written) will price {@link SyntheticGeneration}. Until then a generation
 * carries an explicit price, and {@link SyntheticGeneration#repriced(GenerationPricing)} swaps in a model's.
 */
@FunctionalInterface
public interface GenerationPricing {

  /**
   * USD per million generated (output) tokens.
   *
   * @param generatorModel the generating model's name
   * @param accelerator the accelerator it is served on
   * @throws IllegalArgumentException if the model or accelerator is unknown to this pricing
   */
  double usdPerMillionGeneratedTokens(String generatorModel, String accelerator);
}
