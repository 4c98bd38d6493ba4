package dev.persistence.core.precision;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Locale;

/**
 * The element formats accelerators compute in and memory stores, with their storage width.
 *
 * <p>{@code TF32} is a compute mode of FP32 tensors (NVIDIA A100 whitepaper, 2020): it stores 4 bytes. Integer
 * formats are listed here too; an accelerator's peak for them counts integer operations per second.
 */
public enum NumericFormat {
  /** IEEE 754 double precision. */
  FP64(64),
  /** IEEE 754 single precision. */
  FP32(32),
  /** NVIDIA TensorFloat-32: FP32 storage, 10-bit mantissa in the tensor cores. */
  TF32(32),
  /** bfloat16 (8-bit exponent, 7-bit mantissa). */
  BF16(16),
  /** IEEE 754 half precision. */
  FP16(16),
  /** 8-bit floating point (E4M3 or E5M2; Micikevicius et al. 2022, arXiv:2209.05433). */
  FP8(8),
  /** 6-bit floating point (E2M3 or E3M2; OCP Microscaling Formats v1.0, 2023). */
  FP6(6),
  /** 4-bit floating point (E2M1; OCP Microscaling Formats v1.0, 2023). */
  FP4(4),
  /** 8-bit integer. */
  INT8(8),
  /** 4-bit integer. */
  INT4(4);

  private final int bitsPerElement;

  NumericFormat(int bitsPerElement) {
    this.bitsPerElement = bitsPerElement;
  }

  /** Storage width of one element in bits. */
  public int bitsPerElement() {
    return bitsPerElement;
  }

  /** Storage width of one element in bytes (fractional below 8 bits: FP4 is 0.5). */
  public double bytesPerElement() {
    return bitsPerElement / 8.0;
  }

  /** The lower-case name used in files and on the command line ({@code bf16}). */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a format name, case-insensitively ({@code bf16}, {@code FP8}).
   *
   * @param name the format's name
   * @throws IllegalArgumentException if no format has that name
   */
  public static NumericFormat parse(String name) {
    checkArgument(name != null, "numeric format name (null) must not be null");
    for (NumericFormat format : values()) {
      if (format.name().equalsIgnoreCase(name.trim())) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        String.format(
            Locale.ROOT,
            "numeric format (%s) must be one of %s",
            name,
            java.util.Arrays.toString(values()).toLowerCase(Locale.ROOT)));
  }
}
