package dev.persistence.core.precision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrainingPrecisionTest {

  @Test
  void presetsCountAsTheirSourcesDo() {
    // ZeRO, Rajbhandari et al. 2020 section 3.1: 2 + 2 + K with K = 12, 16 bytes per parameter.
    assertEquals(16, TrainingPrecision.MIXED_BF16_ADAM.bytesPerParameter());
    assertEquals(12, TrainingPrecision.MIXED_BF16_ADAM.masterWeightBytes()
        + TrainingPrecision.MIXED_BF16_ADAM.optimizerStateBytes());
    // Megatron Core developer guide, Distributed Optimizer table: bf16 param, fp32 grads = 18.
    assertEquals(18, TrainingPrecision.MEGATRON_BF16_ADAM_FP32_GRADIENTS.bytesPerParameter());
    // DeepSeek-V3 section 3.3.3: fp32 master (4) and gradients (4), bf16 moments (2 + 2), fp8 working copy (1).
    assertEquals(13, TrainingPrecision.FP8_DEEPSEEK_V3.bytesPerParameter());
    assertEquals(NumericFormat.FP8, TrainingPrecision.FP8_DEEPSEEK_V3.computeFormat());
    // Adafactor without momentum: 2 + 2 + 4 + ~0.
    assertEquals(8, TrainingPrecision.MIXED_BF16_ADAFACTOR.bytesPerParameter());
    for (TrainingPrecision preset : TrainingPrecision.presets()) {
      assertTrue(!preset.source().isBlank(), preset.name());
      assertEquals(preset, TrainingPrecision.preset(preset.name().toUpperCase(java.util.Locale.ROOT)));
    }
  }

  @Test
  void rejectsBadBytes() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TrainingPrecision.builder()
                    .name("bad")
                    .computeFormat(NumericFormat.BF16)
                    .weightBytes(2)
                    .gradientBytes(Double.NaN)
                    .masterWeightBytes(4)
                    .source("test")
                    .build());
    assertEquals("gradientBytes (NaN) must be finite and >= 0", error.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TrainingPrecision.preset("adam-fp64"));
    assertThrows(IllegalArgumentException.class, () -> new OptimizerState("m", -1));
  }

  @Test
  void numericFormatWidths() {
    assertEquals(0.5, NumericFormat.FP4.bytesPerElement());
    assertEquals(4.0, NumericFormat.TF32.bytesPerElement());
    assertEquals(NumericFormat.BF16, NumericFormat.parse("bf16"));
    assertEquals(
        "numeric format (bf12) must be one of [fp64, fp32, tf32, bf16, fp16, fp8, fp6, fp4, int8, int4]",
        assertThrows(IllegalArgumentException.class, () -> NumericFormat.parse("bf12")).getMessage());
  }
}
