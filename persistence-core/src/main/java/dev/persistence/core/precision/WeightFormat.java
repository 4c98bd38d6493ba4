package dev.persistence.core.precision;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
import java.util.List;
import java.util.Locale;

/**
 * How stored weights are encoded for inference: bits per weight plus, for block-quantized formats, one scale
 * (and optional zero point) per block of {@code blockSize} weights.
 *
 * <p>Bytes per parameter are {@code bitsPerWeight / 8 + scaleBitsPerBlock / (8 x blockSize)}: 4-bit formats
 * cost more than half a byte once their scales are counted. Per-tensor or per-channel scales (FP8, INT8) are a
 * vanishing fraction and are counted as zero ({@code blockSize} 0).
 *
 * @param name short name ({@code mxfp4})
 * @param bitsPerWeight bits of one quantized weight
 * @param blockSize weights sharing one scale; 0 when there is no per-block scale
 * @param scaleBitsPerBlock bits of scale (and zero point) stored per block; 0 when {@code blockSize} is 0
 * @param source where the layout is specified
 */
public record WeightFormat(
    String name, double bitsPerWeight, int blockSize, double scaleBitsPerBlock, String source) {

  /** IEEE fp32, 4 bytes per weight. */
  public static final WeightFormat FP32 = new WeightFormat("fp32", 32, 0, 0, "IEEE 754 binary32");

  /** bfloat16, 2 bytes per weight. */
  public static final WeightFormat BF16 = new WeightFormat("bf16", 16, 0, 0, "bfloat16");

  /** IEEE fp16, 2 bytes per weight. */
  public static final WeightFormat FP16 = new WeightFormat("fp16", 16, 0, 0, "IEEE 754 binary16");

  /** FP8 (E4M3) with a per-tensor scale, 1 byte per weight (Micikevicius et al. 2022, arXiv:2209.05433). */
  public static final WeightFormat FP8 =
      new WeightFormat("fp8", 8, 0, 0, "Micikevicius et al. 2022, FP8 Formats for Deep Learning, arXiv:2209.05433");

  /** INT8 with per-channel scales, 1 byte per weight (Dettmers et al. 2022, LLM.int8(), arXiv:2208.07339). */
  public static final WeightFormat INT8 =
      new WeightFormat("int8", 8, 0, 0, "Dettmers et al. 2022, LLM.int8(), arXiv:2208.07339 (per-channel scales)");

  /**
   * MXFP4: FP4 (E2M1) elements in blocks of 32 sharing one 8-bit E8M0 scale, 4.25 bits per weight. OCP
   * Microscaling Formats (MX) Specification v1.0 (2023), section 5 and Table 1. gpt-oss ships its experts so.
   */
  public static final WeightFormat MXFP4 =
      new WeightFormat(
          "mxfp4", 4, 32, 8, "OCP Microscaling Formats (MX) v1.0, 2023, Table 1: block 32, E8M0 scale");

  /**
   * NVFP4: FP4 (E2M1) elements in blocks of 16 sharing one FP8 (E4M3) scale, 4.5 bits per weight, plus one fp32
   * scale per tensor (not counted). NVIDIA technical blog "Introducing NVFP4 for Efficient and Accurate
   * Low-Precision Inference", June 2025.
   */
  public static final WeightFormat NVFP4 =
      new WeightFormat(
          "nvfp4", 4, 16, 8, "NVIDIA, Introducing NVFP4 (2025): 16-element blocks, E4M3 scale, fp32 tensor scale");

  /**
   * GGML/llama.cpp Q4_0: 32 4-bit weights and one fp16 scale per block ({@code block_q4_0}: 2 + 16 bytes),
   * 4.5 bits per weight. ggml-common.h, {@code QK4_0 = 32}.
   */
  public static final WeightFormat Q4_0 =
      new WeightFormat("q4_0", 4, 32, 16, "ggml ggml-common.h block_q4_0: fp16 scale + 16 bytes per 32 weights");

  /**
   * 4-bit integer with group size 128, one fp16 scale and one 4-bit zero point per group (GPTQ, Frantar et al.
   * 2022, arXiv:2210.17323; AWQ, Lin et al. 2023, arXiv:2306.00978, as their reference kernels pack them): 4 +
   * 20/128 = 4.156 bits per weight.
   */
  public static final WeightFormat INT4_GROUP128 =
      new WeightFormat(
          "int4-g128",
          4,
          128,
          20,
          "GPTQ arXiv:2210.17323 / AWQ arXiv:2306.00978 group size 128: fp16 scale + 4-bit zero per group");

  /**
   * Validates the format.
   *
   * @throws IllegalArgumentException if the name is blank, the bits are not positive, the block size is
   *     negative, or scale bits are given without a block
   */
  public WeightFormat {
    checkArgument(name != null && !name.isBlank(), "weight format name must not be blank");
    Checks.positive("bitsPerWeight", bitsPerWeight);
    Checks.nonNegative("blockSize", blockSize);
    Checks.nonNegative("scaleBitsPerBlock", scaleBitsPerBlock);
    checkArgument(
        blockSize > 0 || scaleBitsPerBlock == 0,
        "scaleBitsPerBlock (%s) needs blockSize > 0",
        scaleBitsPerBlock);
    checkArgument(source != null, "source must not be null");
    // 1024 bits is sixteen times fp64: a bound that keeps weight bytes finite for any parameter count.
    checkArgument(
        bitsPerWeight <= 1024 && scaleBitsPerBlock <= 1024,
        "bitsPerWeight (%s) and scaleBitsPerBlock (%s) must be <= 1024",
        bitsPerWeight,
        scaleBitsPerBlock);
  }

  /** The presets, in the order they are documented. */
  public static List<WeightFormat> presets() {
    return List.of(FP32, BF16, FP16, FP8, INT8, MXFP4, NVFP4, Q4_0, INT4_GROUP128);
  }

  /**
   * Returns the preset with this name, case-insensitively.
   *
   * @param name a preset's name ({@code bf16}, {@code mxfp4})
   * @throws IllegalArgumentException if no preset has that name
   */
  public static WeightFormat preset(String name) {
    for (WeightFormat format : presets()) {
      if (format.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        String.format(
            Locale.ROOT,
            "weight format (%s) must be one of %s",
            name,
            presets().stream().map(WeightFormat::name).toList()));
  }

  /** Effective bits per weight, scales included. */
  public double effectiveBitsPerWeight() {
    return blockSize == 0 ? bitsPerWeight : bitsPerWeight + scaleBitsPerBlock / blockSize;
  }

  /** Effective bytes per weight, scales included (0.53125 for MXFP4). */
  public double bytesPerParameter() {
    return effectiveBitsPerWeight() / 8.0;
  }
}
