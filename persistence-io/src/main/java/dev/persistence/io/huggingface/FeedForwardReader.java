package dev.persistence.io.huggingface;

import dev.persistence.core.architecture.FeedForward;

/** How a Llama-shaped family reads its feed-forward block (dense, or experts as its modelling code places them). */
interface FeedForwardReader {

  /**
   * Reads the feed-forward block.
   *
   * @param family the family's descriptor
   * @param config the config
   */
  FeedForward read(HuggingFaceFamily family, ConfigNode config);
}
