package dev.persistence.core.precision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WeightFormatTest {

  @Test
  void blockScalesAreCounted() {
    // OCP MX v1.0 Table 1: MXFP4 = 32 FP4 elements + one 8-bit E8M0 scale = 136 bits per 32 weights.
    assertEquals(136.0 / 32, WeightFormat.MXFP4.effectiveBitsPerWeight(), 1e-12);
    assertEquals(136.0 / 32 / 8, WeightFormat.MXFP4.bytesPerParameter(), 1e-12);
    // NVFP4: 16 FP4 elements + one FP8 E4M3 scale = 72 bits per 16 weights.
    assertEquals(72.0 / 16, WeightFormat.NVFP4.effectiveBitsPerWeight(), 1e-12);
    // ggml block_q4_0: 2-byte fp16 scale + 16 bytes of nibbles per 32 weights = 18 bytes.
    assertEquals(18.0 / 32, WeightFormat.Q4_0.bytesPerParameter(), 1e-12);
    // Group 128, fp16 scale + 4-bit zero: (128 x 4 + 16 + 4) / 128 bits.
    assertEquals((128 * 4 + 20) / 128.0, WeightFormat.INT4_GROUP128.effectiveBitsPerWeight(), 1e-12);
    assertEquals(2.0, WeightFormat.BF16.bytesPerParameter());
    assertEquals(WeightFormat.MXFP4, WeightFormat.preset("MXFP4"));
  }

  @Test
  void rejectsScalesWithoutBlocks() {
    assertEquals(
        "scaleBitsPerBlock (8.0) needs blockSize > 0",
        assertThrows(IllegalArgumentException.class, () -> new WeightFormat("x", 4, 0, 8, "s")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new WeightFormat("x", Double.NaN, 0, 0, "s"));
    assertThrows(IllegalArgumentException.class, () -> WeightFormat.preset("int3"));
  }
}
