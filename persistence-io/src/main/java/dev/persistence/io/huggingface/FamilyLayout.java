package dev.persistence.io.huggingface;

import dev.persistence.core.architecture.CompositeModel;

/**
 * How one layout of modelling code turns a config into a model: the Llama-shaped decoder that most families share
 * ({@link DecoderLayout}), and one class for each family whose modules are laid out otherwise (GPT-2, GPT-NeoX,
 * Falcon, Phi, DBRX, ChatGLM, the Mamba stacks, Jamba, Granite 4, Nemotron-H, Qwen3-Next, the multimodal
 * wrappers).
 */
interface FamilyLayout {

  /**
   * Reads {@code config} under {@code family}'s rules.
   *
   * @param family the family's descriptor
   * @param config the config
   */
  CompositeModel read(HuggingFaceFamily family, ConfigNode config);
}
