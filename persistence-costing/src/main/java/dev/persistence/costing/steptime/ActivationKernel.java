package dev.persistence.costing.steptime;

/**
 * How the activation function of a plain (ungated) dense feed-forward block runs: the memory it streams per
 * element of the block's intermediate tensor (16-bit), forward and backward.
 */
public enum ActivationKernel {
  /**
   * One fused elementwise kernel each way: forward reads the input and writes the output (4 bytes per element;
   * 6 for a gated block, which reads two inputs), backward about as much. Megatron-Core's bias-GeLU and
   * bias-SwiGLU fusions ({@code bias_activation_fusion}) and its {@code jit_fuser} (torch.compile) activations,
   * {@code megatron/training/activations.py} {@code squared_relu} among them (NVIDIA/Megatron-LM@core_v0.12.0).
   */
  FUSED,
  /**
   * Squared ReLU as NeMo 2 runs it: {@code torch.pow(torch.nn.functional.relu(x), 2)} in eager PyTorch, its
   * TorchScript decorator commented out ("remove until we have serialization";
   * NVIDIA/NeMo@132f217987d92191a994780aed35914ed8223484 (r2.2.0, the 25.02 container's branch)
   * {@code nemo/collections/llm/fn/activation.py}, the {@code activation_func} of {@code NemotronConfig} in
   * {@code nemo/collections/llm/gpt/model/nemotron.py}; unchanged at r2.3.0, 25.04), and Megatron-Core fuses only
   * GeLU and SwiGLU ({@code megatron/core/transformer/mlp.py}). Forward: {@code relu} and {@code pow}, each
   * reading and writing the tensor, 8 bytes per element. Backward, by PyTorch's autograd formulas
   * ({@code torch/csrc/autograd/FunctionsManual.cpp} {@code pow_backward}: {@code grad * (exp * self.pow(exp -
   * 1))}, where {@code pow(x, 1)} is a copy ({@code aten/src/ATen/native/Pow.cpp} {@code pow_Tensor_Scalar_out});
   * {@code tools/autograd/derivatives.yaml}: relu's {@code threshold_backward(grad, result, 0)}): a copy (4), a scalar
   * multiply (4), a product with the gradient (6) and the relu mask (6), 20 bytes per element, against the
   * fused kernel's 4 forward and about as much backward.
   */
  UNFUSED_SQUARED_RELU;

  /** Bytes the forward pass streams per element of a plain block's intermediate tensor. */
  double plainForwardBytesPerElement() {
    return this == UNFUSED_SQUARED_RELU ? 8 : 4;
  }

  /**
   * Bytes the backward pass streams per element of a plain block's intermediate tensor: for the fused kernel the
   * model's {@code backwardMemoryTrafficRatio} times its forward bytes, as for every other fused memory-bound
   * kernel; for the eager squared ReLU its four kernels' 20 bytes.
   *
   * @param backwardMemoryRatio the calibration's backward-to-forward ratio of memory traffic
   */
  double plainBackwardBytesPerElement(double backwardMemoryRatio) {
    return this == UNFUSED_SQUARED_RELU ? 20 : backwardMemoryRatio * plainForwardBytesPerElement();
  }
}
