package dev.persistence.core.architecture;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
import org.immutables.value.Value;

/**
 * Multi-token-prediction modules (DeepSeek-AI 2024, "DeepSeek-V3 Technical Report", arXiv:2412.19437, section
 * 2.2 and Figure 3): each module predicts one more future token from the main model's last hidden state and the
 * next token's embedding, through its own transformer layer.
 *
 * <p>One module holds two RMSNorms ({@code enorm} over the embedding, {@code hnorm} over the hidden state), the
 * projection {@code eh_proj} {@code 2h x h} (no bias), one decoder layer shaped like the main model's (its
 * attention, its {@code normsPerLayer} norms and a sparse or dense feed-forward block), and the final norm of its
 * shared head. The paper shares the embedding and the output head with the main model; checkpoints of DeepSeek-V3,
 * Kimi K2 and GLM-4.5 nevertheless store a copy of each inside the module ({@code model.layers.61.embed_tokens},
 * {@code shared_head.head}), which HuggingFace's {@code safetensors} totals count: {@link #embeddingAndHeadCopies()}.
 *
 * <p>The modules are not part of the {@link Architecture}'s own parameter count (the papers' "671B" leaves them
 * out); {@link CompositeModel} lists them as a named component.
 */
@Value.Immutable
public abstract class MultiTokenPrediction {

  /** Returns a new builder. */
  public static ImmutableMultiTokenPrediction.Builder builder() {
    return ImmutableMultiTokenPrediction.builder();
  }

  /** Prediction depth: modules, each predicting one more token ({@code num_nextn_predict_layers}). */
  public abstract int numModules();

  /** Whether the module's layer has the model's mixture-of-experts block (DeepSeek-V3) rather than the dense one. */
  @Value.Default
  public boolean sparseFeedForward() {
    return true;
  }

  /** Whether the checkpoint stores its own copy of the embedding and of the output head per module. */
  @Value.Default
  public boolean embeddingAndHeadCopies() {
    return false;
  }

  /**
   * Checks the rules of a valid {@code MultiTokenPrediction} when one is built (Immutables {@code @Value.Check});
   * callers never need it.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  @Value.Check
  protected void check() {
    Checks.positive("numModules", numModules());
  }

  /**
   * Parameters of all modules for the main model {@code model}.
   *
   * @param model the main model whose layer shape the modules repeat
   * @throws IllegalArgumentException if the module is sparse and the model has no mixture of experts, or dense and
   *     the model has no dense block
   */
  public long parameters(Architecture model) {
    long hidden = model.hiddenSize();
    long norm = model.normKind().parameters(hidden);
    long perModule = 2 * norm + 2 * hidden * hidden + model.attention().parameters(hidden);
    perModule += model.normsPerLayer() * norm + norm;
    perModule += feedForwardParameters(model);
    if (embeddingAndHeadCopies()) {
      perModule += 2L * model.vocabSize() * hidden;
    }
    return numModules() * perModule;
  }

  /**
   * Matrix-multiply weights one token uses in all modules: {@code eh_proj}, the attention, the active part of the
   * feed-forward block and the (shared) output head.
   *
   * @param model the main model
   */
  public long activeMatrixWeights(Architecture model) {
    long hidden = model.hiddenSize();
    long ffn;
    if (sparseFeedForward()) {
      ffn = moe(model).activeMatrixWeights(hidden);
    } else {
      ffn = dense(model).matrixWeights(hidden);
    }
    long perModule =
        2 * hidden * hidden + model.attention().matrixWeights(hidden) + ffn + (long) model.vocabSize() * hidden;
    return numModules() * perModule;
  }

  private long feedForwardParameters(Architecture model) {
    long hidden = model.hiddenSize();
    if (sparseFeedForward()) {
      MixtureOfExperts moe = moe(model);
      return moe.numExperts() * moe.routedExpertParameters(hidden)
          + moe.sharedExpertParameters(hidden)
          + moe.routerParameters(hidden);
    }
    return dense(model).parameters(hidden);
  }

  private static MixtureOfExperts moe(Architecture model) {
    checkArgument(
        model.feedForward() instanceof MixtureOfExperts,
        "model.feedForward (%s) must be a mixture of experts for a sparse multi-token-prediction module",
        model.feedForward().getClass().getSimpleName().replaceFirst("^Immutable", ""));
    return (MixtureOfExperts) model.feedForward();
  }

  private static DenseFeedForward dense(Architecture model) {
    if (model.feedForward() instanceof DenseFeedForward) {
      return (DenseFeedForward) model.feedForward();
    }
    return ((MixtureOfExperts) model.feedForward())
        .denseFeedForward()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "model.feedForward.denseFeedForward (none) must be given for a dense multi-token-prediction module"));
  }
}
