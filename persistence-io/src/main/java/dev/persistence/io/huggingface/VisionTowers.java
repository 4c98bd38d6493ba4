package dev.persistence.io.huggingface;

/**
 * Parameter counts of the vision encoders multimodal wrappers ship, each as its modelling code lays it out. A
 * vision tower is counted, not planned: it is a named component beside the language model.
 */
final class VisionTowers {

  private VisionTowers() {}

  /** One ViT encoder layer: q, k, v, o and a plain MLP, all biased, and two LayerNorms with bias. */
  private static long biasedVitLayer(long hidden, long intermediate) {
    return 4 * (hidden * hidden + hidden) + 2 * intermediate * hidden + intermediate + hidden + 4 * hidden;
  }

  /**
   * SigLIP (modeling_siglip.py, SiglipVisionTransformer; Zhai et al. 2023, arXiv:2303.15343): a biased patch
   * convolution {@code C p^2 x h}, {@code (image / patch)^2} learned positions, {@code num_hidden_layers} biased
   * ViT layers, {@code post_layernorm}, and the attention-pooling head when {@code vision_use_head} (probe,
   * {@code nn.MultiheadAttention}, LayerNorm, MLP). Absent keys take SiglipVisionConfig's defaults.
   */
  static long siglip(ConfigNode vision) {
    long hidden = vision.intOr("hidden_size", 768);
    long intermediate = vision.intOr("intermediate_size", 3072);
    long layers = vision.intOr("num_hidden_layers", 12);
    long channels = vision.intOr("num_channels", 3);
    long patch = vision.intOr("patch_size", 16);
    long side = vision.intOr("image_size", 224) / patch;
    long total = channels * patch * patch * hidden + hidden + side * side * hidden;
    total += layers * biasedVitLayer(hidden, intermediate) + 2 * hidden;
    if (vision.booleanOr("vision_use_head", true)) {
      total += hidden + 3 * hidden * hidden + 3 * hidden + hidden * hidden + hidden;
      total += 2 * hidden + 2 * intermediate * hidden + intermediate + hidden;
    }
    return total;
  }

  /**
   * Pixtral (modeling_pixtral.py, PixtralTransformer): a patch convolution without bias, {@code ln_pre}
   * (RMSNorm), and per layer q, k, v, o without biases over {@code heads x head_dim}, two RMSNorms and a gated
   * MLP without biases; 2-D rotary positions hold no parameters.
   */
  static long pixtral(ConfigNode vision) {
    long hidden = vision.intOr("hidden_size", 1024);
    long intermediate = vision.intOr("intermediate_size", 4096);
    long layers = vision.intOr("num_hidden_layers", 24);
    long channels = vision.intOr("num_channels", 3);
    long patch = vision.intOr("patch_size", 16);
    long heads = vision.intOr("num_attention_heads", 16);
    long attentionWidth = heads * vision.intOr("head_dim", (int) (hidden / heads));
    long layer = 4 * hidden * attentionWidth + 2 * hidden + 3 * hidden * intermediate;
    return channels * patch * patch * hidden + hidden + layers * layer;
  }

  /**
   * The Llama 4 vision encoder (modeling_llama4.py, Llama4VisionModel): an unfolded patch projection
   * {@code C p^2 x h} without bias, a class embedding, {@code (image / patch)^2 + 1} positions, LayerNorms with
   * bias before and after, biased ViT layers, and the pixel-shuffle adapter {@code vision_adapter} (an MLP
   * {@code intermediate_size -> projector_input_dim -> projector_output_dim}, biased with
   * {@code multi_modal_projector_bias}).
   */
  static long llama4(ConfigNode vision) {
    long hidden = vision.intOr("hidden_size", 768);
    long intermediate = vision.intOr("intermediate_size", 3072);
    long layers = vision.intOr("num_hidden_layers", 34);
    long channels = vision.intOr("num_channels", 3);
    long patch = vision.intOr("patch_size", 14);
    long side = vision.intOr("image_size", 448) / patch;
    long total = channels * patch * patch * hidden + hidden + (side * side + 1) * hidden + 4 * hidden;
    total += layers * biasedVitLayer(hidden, intermediate);
    long in = vision.intOr("projector_input_dim", 4096);
    long out = vision.intOr("projector_output_dim", 4096);
    boolean bias = vision.booleanOr("multi_modal_projector_bias", false);
    total += intermediate * in + in * out + (bias ? in + out : 0);
    return total;
  }
}
