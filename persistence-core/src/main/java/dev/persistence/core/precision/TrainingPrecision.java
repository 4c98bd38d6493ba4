package dev.persistence.core.precision;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
import java.util.List;
import org.immutables.value.Value;

/**
 * Bytes a training run keeps per model parameter: the working weights, their gradients, the master copy of the
 * weights and each optimizer state, with the number format the matrix multiplies run in.
 *
 * <p>Use a named preset, each with its source, or build your own. Sharding (ZeRO, data parallelism) is applied by
 * the memory calculators, not here: these are the unsharded bytes per parameter.
 */
@Value.Immutable
public abstract class TrainingPrecision {

  /**
   * bf16 (or fp16) mixed precision with fp32 Adam, 16 bytes per parameter: 2 (bf16 weights) + 2 (bf16
   * gradients) + 4 (fp32 master weights) + 4 (fp32 first moment) + 4 (fp32 second moment). Rajbhandari et al.
   * 2020, ZeRO, arXiv:1910.02054 section 3.1 ("2Ψ + 2Ψ + KΨ" with K = 12). DeepSpeed counts this way.
   */
  public static final TrainingPrecision MIXED_BF16_ADAM =
      builder()
          .name("bf16-adam")
          .computeFormat(NumericFormat.BF16)
          .weightBytes(2)
          .gradientBytes(2)
          .masterWeightBytes(4)
          .addOptimizerState(new OptimizerState("adam first moment (fp32)", 4))
          .addOptimizerState(new OptimizerState("adam second moment (fp32)", 4))
          .source("Rajbhandari et al. 2020, ZeRO, arXiv:1910.02054 section 3.1: 2 + 2 + 12 = 16 bytes/parameter")
          .build();

  /**
   * bf16 mixed precision with fp32 Adam and fp32 gradient accumulation, 18 bytes per parameter: 2 (bf16 weights)
   * + 4 (fp32 main gradients) + 4 (fp32 master weights) + 4 + 4 (fp32 Adam moments). Megatron Core developer
   * guide, "Distributed Optimizer" (docs.nvidia.com/megatron-core/developer-guide/latest/distrib_optimizer.html):
   * "float16 param, fp32 grads: 18", and {@code 6 + 12/d} with the distributed optimizer.
   */
  public static final TrainingPrecision MEGATRON_BF16_ADAM_FP32_GRADIENTS =
      builder()
          .name("megatron-bf16-adam")
          .computeFormat(NumericFormat.BF16)
          .weightBytes(2)
          .gradientBytes(4)
          .masterWeightBytes(4)
          .addOptimizerState(new OptimizerState("adam first moment (fp32)", 4))
          .addOptimizerState(new OptimizerState("adam second moment (fp32)", 4))
          .source(
              "Megatron Core developer guide, Distributed Optimizer table: bf16/fp16 param, fp32 grads = 18"
                  + " bytes/parameter (6 + 12/d distributed)")
          .build();

  /**
   * FP8 mixed precision as DeepSeek-V3 trains (DeepSeek-AI 2024, arXiv:2412.19437 section 3.3): fp32 master
   * weights and fp32 gradients ("the master weights ... and gradients ... are still retained in FP32"), Adam
   * moments in bf16 (section 3.3.3, "we adopt the BF16 data format instead of FP32 to track the first and second
   * moments"), and an FP8 working copy of the weights for the GEMMs. That the working copy costs 1 byte (no bf16
   * copy kept beside it) is this project's reading, not a figure the paper prints: 1 + 4 + 4 + 2 + 2 = 13 bytes.
   */
  public static final TrainingPrecision FP8_DEEPSEEK_V3 =
      builder()
          .name("fp8-deepseek-v3")
          .computeFormat(NumericFormat.FP8)
          .weightBytes(1)
          .gradientBytes(4)
          .masterWeightBytes(4)
          .addOptimizerState(new OptimizerState("adam first moment (bf16)", 2))
          .addOptimizerState(new OptimizerState("adam second moment (bf16)", 2))
          .linearInputActivationBytes(1)
          .source(
              "DeepSeek-AI 2024, DeepSeek-V3, arXiv:2412.19437 section 3.3.3 (and 3.3.4: linear inputs cached in FP8) (fp32 master weights and gradients,"
                  + " bf16 Adam moments); the 1-byte FP8 working copy is an assumption of this project")
          .build();

  /**
   * FP8 GEMMs with the mixed-precision state of NVIDIA's NeMo / Megatron-Bridge FP8 performance recipes
   * (Transformer Engine casts the bf16 weights to FP8 per GEMM; no persistent FP8 weight copy is kept beside them;
   * gradients reduced and accumulated in bf16, {@code grad_reduce_in_fp32 = False}): 2 (bf16 weights) + 2 (bf16
   * gradients) + 4 (fp32 master weights) + 4 + 4 (fp32 Adam) = 16 bytes, the Megatron Core developer guide's
   * Distributed Optimizer row for bf16 parameters and gradients ({@code 4 + 12/d} sharded).
   */
  public static final TrainingPrecision MEGATRON_FP8_ADAM =
      builder()
          .name("megatron-fp8-adam")
          .computeFormat(NumericFormat.FP8)
          .weightBytes(2)
          .gradientBytes(2)
          .masterWeightBytes(4)
          .addOptimizerState(new OptimizerState("adam first moment (fp32)", 4))
          .addOptimizerState(new OptimizerState("adam second moment (fp32)", 4))
          .source(
              "Megatron Core developer guide, Distributed Optimizer table (bf16 param, bf16 grads = 16 bytes,"
                  + " 4 + 12/d); Transformer Engine FP8 recipes cast weights per GEMM")
          .build();

  /**
   * PyTorch FSDP2 with a bf16 {@code MixedPrecisionPolicy} (TorchTitan, NeMo AutoModel): the sharded parameters
   * stay fp32 and are the optimizer's master copy, gradients are reduced and kept in fp32, Adam moments fp32, and
   * bf16 weights exist only while gathered (PyTorch {@code torch.distributed.fsdp.MixedPrecisionPolicy}
   * documentation: "param_dtype ... for the unsharded parameter", the sharded parameter keeps its original dtype).
   * 4 (fp32 parameter = master) + 4 (fp32 gradient) + 4 + 4 (Adam) = 16 bytes, all sharded under ZeRO-3; the
   * 2-byte gathered copy is counted as the working weights.
   */
  public static final TrainingPrecision FSDP2_BF16_ADAM =
      builder()
          .name("fsdp2-bf16-adam")
          .computeFormat(NumericFormat.BF16)
          .weightBytes(4)
          .gradientBytes(4)
          .masterWeightBytes(0)
          .addOptimizerState(new OptimizerState("adam first moment (fp32)", 4))
          .addOptimizerState(new OptimizerState("adam second moment (fp32)", 4))
          .source(
              "PyTorch FSDP2 MixedPrecisionPolicy (fp32 sharded parameters, bf16 compute); TorchTitan defaults"
                  + " (mixed_precision_param bfloat16, mixed_precision_reduce float32)")
          .build();

  /**
   * {@link #FSDP2_BF16_ADAM} with the linear layers in Float8 (torchao {@code convert_to_float8_training}, as
   * TorchTitan's {@code --model.converters float8}): the same 16 bytes of state, FP8 GEMMs.
   */
  public static final TrainingPrecision FSDP2_FP8_ADAM =
      builder()
          .from(FSDP2_BF16_ADAM)
          .name("fsdp2-fp8-adam")
          .computeFormat(NumericFormat.FP8)
          .source("torchao float8 training on FSDP2 (TorchTitan docs/float8.md); state as fsdp2-bf16-adam")
          .build();

  /**
   * bf16 mixed precision with Adafactor without momentum (Shazeer and Stern 2018, arXiv:1804.04235 sections 3
   * and 4, beta1 = 0): the second moment is factored into row and column statistics, {@code (n + m)} values for
   * an {@code n x m} matrix, which this preset rounds to 0 bytes per parameter. 2 + 2 + 4 = 8 bytes.
   */
  public static final TrainingPrecision MIXED_BF16_ADAFACTOR =
      builder()
          .name("bf16-adafactor")
          .computeFormat(NumericFormat.BF16)
          .weightBytes(2)
          .gradientBytes(2)
          .masterWeightBytes(4)
          .addOptimizerState(new OptimizerState("adafactor factored second moment (rows + columns, ~0)", 0))
          .source(
              "Shazeer and Stern 2018, Adafactor, arXiv:1804.04235 sections 3-4 (factored second moment, no"
                  + " momentum); mixed-precision layout as ZeRO section 3.1")
          .build();

  /** The presets, in the order they are documented. */
  public static List<TrainingPrecision> presets() {
    return List.of(
        MIXED_BF16_ADAM,
        MEGATRON_BF16_ADAM_FP32_GRADIENTS,
        MEGATRON_FP8_ADAM,
        FSDP2_BF16_ADAM,
        FSDP2_FP8_ADAM,
        FP8_DEEPSEEK_V3,
        MIXED_BF16_ADAFACTOR);
  }

  /**
   * Returns the preset with this name, case-insensitively.
   *
   * @param name a preset's {@link #name()}
   * @throws IllegalArgumentException if no preset has that name
   */
  public static TrainingPrecision preset(String name) {
    for (TrainingPrecision preset : presets()) {
      if (preset.name().equalsIgnoreCase(name)) {
        return preset;
      }
    }
    throw new IllegalArgumentException(
        "training precision (" + name + ") must be one of " + presets().stream().map(TrainingPrecision::name).toList());
  }

  /** Returns a new builder. */
  public static ImmutableTrainingPrecision.Builder builder() {
    return ImmutableTrainingPrecision.builder();
  }

  /** Short name ({@code bf16-adam}). */
  public abstract String name();

  /** The format the matrix multiplies run in; picks the accelerator peak. */
  public abstract NumericFormat computeFormat();

  /** Bytes per parameter of the working weights the forward and backward passes read. */
  public abstract double weightBytes();

  /** Bytes per parameter of the gradients (the accumulation buffer). */
  public abstract double gradientBytes();

  /** Bytes per parameter of the optimizer's master copy of the weights (0 when the working weights are it). */
  public abstract double masterWeightBytes();

  /** Each per-parameter optimizer state. */
  public abstract List<OptimizerState> optimizerStates();

  /**
   * Bytes per element of the activations stored as inputs of the linear layers (the GEMMs' saved inputs): 2 for
   * bf16; 1 where the recipe caches them in FP8, as DeepSeek-V3 does (arXiv:2412.19437 section 3.3.4: "we cache
   * the activations in FP8 ... for the backward pass of the Linear operator").
   */
  @Value.Default
  public double linearInputActivationBytes() {
    return 2;
  }

  /** Where the byte counts come from. */
  public abstract String source();

  /**
   * Checks the rules of a valid {@code TrainingPrecision} when one is built (Immutables {@code @Value.Check});
   * callers never need it.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  @Value.Check
  protected void check() {
    checkArgument(!name().isBlank(), "name must not be blank");
    checkNonNegative("weightBytes", weightBytes());
    Checks.positive("weightBytes", weightBytes());
    checkNonNegative("gradientBytes", gradientBytes());
    checkNonNegative("masterWeightBytes", masterWeightBytes());
    checkArgument(
        linearInputActivationBytes() > 0 && linearInputActivationBytes() <= 4,
        "linearInputActivationBytes (%s) must be in (0, 4]",
        linearInputActivationBytes());
  }

  private static void checkNonNegative(String field, double value) {
    checkArgument(value >= 0 && Double.isFinite(value), "%s (%s) must be finite and >= 0", field, value);
    // No number format stores more than fp64's 8 bytes an element.
    checkArgument(value <= 8, "%s (%s) must be <= 8 bytes (fp64)", field, value);
  }

  /** Bytes per parameter of all optimizer states together. */
  public double optimizerStateBytes() {
    double total = 0;
    for (OptimizerState state : optimizerStates()) {
      total += state.bytesPerParameter();
    }
    return total;
  }

  /** Unsharded bytes per parameter: weights, gradients, master weights and optimizer states. */
  public double bytesPerParameter() {
    return weightBytes() + gradientBytes() + masterWeightBytes() + optimizerStateBytes();
  }
}
