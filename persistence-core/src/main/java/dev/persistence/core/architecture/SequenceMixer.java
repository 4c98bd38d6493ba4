package dev.persistence.core.architecture;

/**
 * A token mixer that replaces softmax attention in some layers of a hybrid stack (or in every layer of a pure
 * state-space model): a selective state space (Mamba), its structured-duality form (Mamba-2) or a linear
 * attention with a delta rule (gated DeltaNet) or with a decayed key-value state (lightning attention).
 *
 * <p>What sets these layers apart from attention is that their cost does not grow with the context: the work per
 * token is a fixed number of FLOPs ({@link #matrixWeights(long)} multiply-accumulates plus
 * {@link #recurrenceFlopsPerToken()}), and at inference a sequence carries a fixed state
 * ({@link #stateElementsPerSequence()}: the convolution window and the recurrent state) instead of a key/value cache
 * that grows with every token.
 */
public sealed interface SequenceMixer permits MambaMixer, Mamba2Mixer, GatedDeltaNet, LightningAttention {

  /** A short name for reports ({@code mamba}, {@code mamba2}, {@code gated-deltanet}). */
  String kind();

  /**
   * Trainable parameters of this mixer in one layer (projections, convolution, state-space or decay parameters,
   * internal norms), not the layer's own pre-norm.
   *
   * @param hiddenSize the model's hidden size
   */
  long parameters(long hiddenSize);

  /**
   * Parameters that are matrix-multiply weights (the input, selection and output projections), in one layer.
   *
   * @param hiddenSize the model's hidden size
   */
  long matrixWeights(long hiddenSize);

  /**
   * Forward FLOPs per token of one layer beyond its matrix multiplies: the causal depthwise convolution and the
   * recurrence (scan or delta-rule update and read-out). Independent of the sequence length.
   */
  double recurrenceFlopsPerToken();

  /**
   * Elements of the inference state one sequence keeps in one layer: the last {@code convKernel - 1} inputs of
   * the convolution and the recurrent state. Constant in the context length.
   */
  long stateElementsPerSequence();

  /**
   * Elements per token one layer keeps for the backward pass in training (an estimate: the inputs and outputs of
   * the projections, the convolution and the gate; the scan's internal states are recomputed, as the fused
   * kernels of Gu and Dao 2023, arXiv:2312.00752 section 3.3.2, do).
   */
  long activationElementsPerToken();
}
