package dev.persistence.io.huggingface;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.CompositeModel;
import dev.persistence.core.architecture.ComponentKind;
import dev.persistence.core.architecture.ModelComponent;

/**
 * The multimodal wrappers ({@code *ForConditionalGeneration}): the text model of {@code text_config}, read as its
 * own family reads it and planned as today, and the vision tower and projector as named components, so that the
 * total matches the checkpoint's and the language model matches the text model. One instance per wrapper.
 */
final class MultimodalLayout implements FamilyLayout {

  /**
   * Gemma 3 (modeling_gemma3.py, Gemma3ForConditionalGeneration): a {@code gemma3_text} model, a SigLIP
   * {@code vision_tower}, and the {@code multi_modal_projector}: {@code mm_input_projection_weight}
   * {@code [vision h, text h]} and {@code mm_soft_emb_norm} (RMSNorm over the vision width).
   */
  static final MultimodalLayout GEMMA3 = new MultimodalLayout("gemma3_text", Tower.SIGLIP);

  /**
   * Mistral 3 (modeling_mistral3.py, Mistral3ForConditionalGeneration): a {@code mistral} model, a Pixtral
   * {@code vision_tower}, and the projector: RMSNorm over the vision width, the {@code patch_merger}
   * ({@code vision h x spatial_merge_size^2 -> vision h}, no bias), {@code linear_1} (vision h to text h) and
   * {@code linear_2} (text h to text h), biased with {@code multimodal_projector_bias} (default true).
   */
  static final MultimodalLayout MISTRAL3 = new MultimodalLayout("mistral", Tower.PIXTRAL);

  /**
   * Llama 4 (modeling_llama4.py, Llama4ForConditionalGeneration): a {@code llama4_text} model, the
   * {@code vision_model} (encoder and pixel-shuffle adapter), and {@code multi_modal_projector.linear_1}
   * ({@code vision_output_dim -> text h}, no bias).
   */
  static final MultimodalLayout LLAMA4 = new MultimodalLayout("llama4_text", Tower.LLAMA4);

  private enum Tower {
    SIGLIP,
    PIXTRAL,
    LLAMA4
  }

  private final String textModelType;
  private final Tower tower;

  private MultimodalLayout(String textModelType, Tower tower) {
    this.textModelType = textModelType;
    this.tower = tower;
  }

  @Override
  public CompositeModel read(HuggingFaceFamily family, ConfigNode config) {
    ConfigNode text = config.requireChild("text_config");
    CompositeModel textModel = HuggingFaceFamilies.readNested(text, textModelType);
    Architecture language = Architecture.builder().from(textModel.languageModel()).family(family.modelType).build();
    long textHidden = language.hiddenSize();
    ConfigNode vision = config.requireChild("vision_config");
    long towerParameters;
    long projector;
    String towerName = "vision_tower";
    switch (tower) {
      case SIGLIP:
        towerParameters = VisionTowers.siglip(vision);
        long siglipHidden = vision.intOr("hidden_size", 768);
        projector = siglipHidden * textHidden + siglipHidden;
        break;
      case PIXTRAL:
        towerParameters = VisionTowers.pixtral(vision);
        long pixtralHidden = vision.intOr("hidden_size", 1024);
        long merge = config.intOr("spatial_merge_size", 2);
        boolean bias = config.booleanOr("multimodal_projector_bias", true);
        projector =
            pixtralHidden
                + pixtralHidden * merge * merge * pixtralHidden
                + pixtralHidden * textHidden
                + textHidden * textHidden
                + (bias ? 2 * textHidden : 0);
        break;
      case LLAMA4:
      default:
        towerName = "vision_model";
        towerParameters = VisionTowers.llama4(vision);
        projector = (long) vision.intOr("vision_output_dim", 4096) * textHidden;
        break;
    }
    return CompositeModel.builder()
        .languageModel(language)
        .addAllComponents(textModel.components())
        .addComponent(new ModelComponent(towerName, ComponentKind.VISION_TOWER, towerParameters))
        .addComponent(new ModelComponent("multi_modal_projector", ComponentKind.PROJECTOR, projector))
        .build();
  }
}
