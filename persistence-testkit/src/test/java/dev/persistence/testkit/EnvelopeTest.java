package dev.persistence.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Envelopes: exploration, reports, violations shrunk toward the nominal values, reproduction by seed. */
class EnvelopeTest {

  /** H100 SXM dense BF16 peak, FLOP/s: NVIDIA H100 Tensor Core GPU datasheet (989 TFLOPS without sparsity). */
  private static final double H100_BF16_PEAK_FLOPS_PER_SECOND = 989e12;

  private static final double RUN_FLOPS = 3.8e25;

  /** Training time: days = FLOPs / (gpus x peak x MFU) / 86400 (Narayanan et al. 2021, eq. 4, in FLOPs). */
  private static double trainingDays(double gpus, double mfu) {
    return RUN_FLOPS / (gpus * H100_BF16_PEAK_FLOPS_PER_SECOND * mfu) / 86_400;
  }

  private static Envelope cluster() {
    return Envelope.builder()
        .uniform("mfu", 0.30, 0.50, 0.40)
        .integers("gpus", 8_192, 16_384, 12_288)
        .build()
        .randomPoints(200)
        .seed(20261125L);
  }

  @Test
  void aRunThatFitsEverywhereHoldsOverEveryPoint() {
    // Worst corner: 8192 GPUs at 30% MFU, about 181 days; so 200 days holds everywhere.
    EnvelopeReport report =
        cluster().checkAtMost("training days", p -> trainingDays(p.longValue("gpus"), p.value("mfu")), 200);
    assertEquals(1, report.nominalPoints());
    assertEquals(4, report.edgePoints());
    assertEquals(4, report.cornerPoints());
    assertEquals(200, report.randomPoints());
    assertEquals(209, report.pointsChecked());
    assertEquals(0.30, report.worstPoint().orElseThrow().value("mfu"));
    assertEquals(8_192, report.worstPoint().orElseThrow().longValue("gpus"));
    assertEquals(trainingDays(8_192, 0.30), report.worstValue().orElseThrow(), 1e-9);
    assertTrue(report.summary().startsWith("training days <= 200 holds over 209 points"), report::summary);
  }

  @Test
  void aViolationIsShrunkTowardTheNominalPlan() {
    // For every MFU in 30-50% and cluster of 8k-16k GPUs, does a run of 3.8e25 FLOPs end within 120 days? No.
    EnvelopeViolation violation =
        assertThrows(
            EnvelopeViolation.class,
            () ->
                cluster()
                    .checkAtMost("training days", p -> trainingDays(p.longValue("gpus"), p.value("mfu")), 120));
    // The worst point is the slow corner.
    assertEquals(0.30, violation.original().value("mfu"));
    assertEquals(8_192, violation.original().longValue("gpus"));
    // Shrunk toward nominal: MFU back to its nominal 40%, and the largest GPU count that still misses 120 days.
    EnvelopePoint shrunk = violation.shrunk();
    assertEquals(0.40, shrunk.value("mfu"));
    long gpus = shrunk.longValue("gpus");
    assertTrue(trainingDays(gpus, 0.40) > 120, () -> "gpus " + gpus);
    assertTrue(trainingDays(gpus + 1, 0.40) <= 120, () -> "gpus " + gpus);
    assertTrue(violation.violations() > 0 && violation.violations() < violation.report().pointsChecked());
    String message = violation.getMessage();
    assertTrue(message.contains("training days <= 120 is violated at"), message);
    assertTrue(message.contains("mfu  = 0.4  (nominal, in [0.3, 0.5])"), message);
    assertTrue(message.contains("gpus = " + gpus + "  (nominal 12288, integer in [8192, 16384])"), message);
    assertTrue(message.contains("Worst point found (value 180."), message);
    assertTrue(message.contains(".seed(20261125L)"), message);
  }

  @Test
  void checkAtLeastFindsTheSmallestValue() {
    EnvelopeViolation violation =
        assertThrows(
            EnvelopeViolation.class,
            () ->
                Envelope.builder()
                    .uniform("x", 0, 10, 5)
                    .build()
                    .randomPoints(20)
                    .checkAtLeast("x", p -> p.value("x"), 2));
    assertEquals(0.0, violation.original().value("x"));
    // Shrunk toward 5: the violating value nearest to it is just below 2.
    double x = violation.shrunk().value("x");
    assertTrue(x < 2 && x > 1.999, () -> "x " + x);
  }

  @Test
  void choicesShrinkTowardTheirNominalValueOnlyWhileTheyStillViolate() {
    Envelope envelope =
        Envelope.builder()
            .choice("precision", List.of("bf16", "fp8", "fp32"), "bf16")
            .uniform("x", 0, 10, 5)
            .choice("accelerator", List.of("H100", "H200"), "H100")
            .build()
            .randomPoints(50)
            .seed(1);
    EnvelopeViolation violation =
        assertThrows(
            EnvelopeViolation.class,
            () ->
                envelope.check(
                    "fp32 needs x <= 8",
                    p -> !(p.choice("precision", String.class).equals("fp32") && p.value("x") > 8)));
    EnvelopePoint shrunk = violation.shrunk();
    assertEquals("fp32", shrunk.choice("precision", String.class));
    assertEquals("H100", shrunk.choice("accelerator", String.class));
    assertTrue(shrunk.value("x") > 8 && shrunk.value("x") <= 8.001, shrunk::toString);
    assertTrue(violation.getMessage().contains("First violating point found:"), violation::getMessage);
  }

  @Test
  void aThrowingPropertyIsAViolationWithItsCause() {
    EnvelopeViolation violation =
        assertThrows(
            EnvelopeViolation.class,
            () ->
                Envelope.builder()
                    .integers("n", 0, 100, 50)
                    .build()
                    .check(
                        "n is small",
                        p -> {
                          if (p.longValue("n") > 70) {
                            throw new IllegalStateException("n too large");
                          }
                          return true;
                        }));
    assertEquals(71, violation.shrunk().longValue("n"));
    assertTrue(violation.getCause() instanceof IllegalStateException);
  }

  @Test
  void randomViolationsAreReproducedBySeed() {
    // Only random points can hit the narrow band: ends, corners and the nominal point miss it.
    Envelope envelope =
        Envelope.builder().uniform("a", 0, 1, 0.5).logUniform("b", 1, 1e6, 1e3).build().randomPoints(400);
    java.util.function.Predicate<EnvelopePoint> property =
        p -> !(p.value("a") > 0.6 && p.value("a") < 0.7 && p.value("b") > 10 && p.value("b") < 100);
    EnvelopeViolation first =
        assertThrows(EnvelopeViolation.class, () -> envelope.seed(99).check("band", property));
    EnvelopeViolation again =
        assertThrows(
            EnvelopeViolation.class, () -> envelope.seed(first.report().seed()).check("band", property));
    assertEquals(first.original(), again.original());
    assertEquals(first.shrunk(), again.shrunk());
    assertEquals(first.getMessage(), again.getMessage());
  }

  @Test
  void cornersAreCappedForManyInputs() {
    Envelope.Builder builder = Envelope.builder();
    for (int index = 0; index < 12; index++) {
      builder.uniform("x" + index, 0, 1, 0.5);
    }
    EnvelopeReport report = builder.build().randomPoints(10).check("in range", p -> p.value("x3") <= 1);
    assertEquals(Envelope.MAX_CORNERS, report.cornerPoints());
    assertEquals(24, report.edgePoints());
  }

  @Test
  void invalidInputsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Envelope.builder().uniform("mfu", 0.3, 0.5, 0.6));
    assertThrows(IllegalArgumentException.class, () -> Envelope.builder().logUniform("flops", 0, 1e26, 1e25));
    assertThrows(
        IllegalArgumentException.class,
        () -> Envelope.builder().uniform("mfu", 0.3, 0.5, 0.4).uniform("mfu", 0.3, 0.5, 0.4));
    assertThrows(IllegalArgumentException.class, () -> Envelope.builder().choice("gpu", List.of("H100"), "B200"));
    assertThrows(IllegalArgumentException.class, () -> Envelope.builder().build());
    assertThrows(
        IllegalArgumentException.class,
        () -> Envelope.builder().uniform("mfu", 0.3, 0.5, 0.4).build().nominal().value("gpus"));
  }
}
