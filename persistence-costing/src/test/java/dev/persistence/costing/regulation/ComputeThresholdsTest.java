package dev.persistence.costing.regulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.costing.ReferenceRuns;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComputeThresholdsTest {

  @Test
  void publishedRunsAgainstTheThresholds() {
    // GPT-3: 3.14e23 FLOPs (Brown et al. 2020 Table D.1) crosses only the Commission's indicative 1e23 GPAI
    // criterion (reference/regulation.json, reg-eu-guidelines-gpai-indicative).
    double gpt3 = ReferenceRuns.run("gpt3-175b").get("reported_flops").asDouble();
    assertEquals(List.of(ComputeThreshold.EU_AI_ACT_GPAI_INDICATIVE), ComputeThresholds.crossed(gpt3));
    // Llama 3 405B: 3.8e25 FLOPs (Dubey et al. 2024) is above the EU AI Act's 1e25 and below 1e26.
    double llama3 = ReferenceRuns.run("llama3-405b-pretraining").get("reported_flops").asDouble();
    assertEquals(
        List.of(ComputeThreshold.EU_AI_ACT_GPAI_INDICATIVE, ComputeThreshold.EU_AI_ACT_SYSTEMIC_RISK),
        ComputeThresholds.crossed(llama3));
    // 2e26 crosses all five, the revoked order marked historical.
    List<ComputeThreshold> crossed = ComputeThresholds.crossed(2e26);
    assertEquals(ComputeThreshold.bundled(), crossed);
    assertEquals(ThresholdStatus.HISTORICAL, crossed.get(4).status());
  }

  @Test
  void thresholdsAreStrictlyGreaterThan() {
    // Article 51(2): "greater than 10^25"; SB 53 and EO 14110 4.2(b): "greater than 10^26".
    assertFalse(ComputeThreshold.EU_AI_ACT_SYSTEMIC_RISK.isCrossedBy(1e25));
    assertTrue(ComputeThreshold.EU_AI_ACT_SYSTEMIC_RISK.isCrossedBy(Math.nextUp(1e25)));
    assertFalse(ComputeThreshold.CALIFORNIA_SB_53_FRONTIER_MODEL.isCrossedBy(1e26));
    assertTrue(ComputeThreshold.US_EO_14110_REPORTING.isCrossedBy(Math.nextUp(1e26)));
  }

  @Test
  void eachThresholdHasSourceDateAndStatus() {
    assertEquals(LocalDate.of(2024, 6, 13), ComputeThreshold.EU_AI_ACT_SYSTEMIC_RISK.date());
    assertEquals(LocalDate.of(2025, 9, 29), ComputeThreshold.CALIFORNIA_SB_53_FRONTIER_MODEL.date());
    assertEquals(LocalDate.of(2023, 10, 30), ComputeThreshold.US_EO_14110_REPORTING.date());
    assertTrue(ComputeThreshold.CALIFORNIA_SB_53_FRONTIER_MODEL.whatCounts().contains("fine-tuning"));
    assertTrue(ComputeThreshold.US_EO_14110_REPORTING.note().contains("revoked 20 January 2025"));
    assertEquals(
        "us-eo-14110-reporting (> 1e+26 FLOP, Executive Order 14110 (2023), Section 4.2(b)(i), historical: revoked"
            + " 20 January 2025 by Executive Order 14148)",
        ComputeThreshold.US_EO_14110_REPORTING.summary());
  }

  @Test
  void rejections() {
    assertEquals(
        "cumulativeTrainingFlops (-1.0) must be finite and >= 0",
        assertThrows(IllegalArgumentException.class, () -> ComputeThresholds.crossed(-1)).getMessage());
    assertEquals(
        "cumulativeTrainingFlops (NaN) must be finite and >= 0",
        assertThrows(IllegalArgumentException.class, () -> ComputeThresholds.crossed(Double.NaN)).getMessage());
    assertEquals(
        "trainingFlops (0.0) must be finite and > 0",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    ComputeThreshold.builder()
                        .id("x")
                        .name("x")
                        .trainingFlops(0)
                        .whatCounts("x")
                        .source("x")
                        .date(LocalDate.of(2025, 1, 1))
                        .status(ThresholdStatus.IN_FORCE)
                        .note("")
                        .build())
            .getMessage());
    assertEquals(
        "threshold source (\" \") must not be blank",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    ComputeThreshold.builder()
                        .id("x")
                        .name("x")
                        .trainingFlops(1)
                        .whatCounts("x")
                        .source(" ")
                        .date(LocalDate.of(2025, 1, 1))
                        .status(ThresholdStatus.IN_FORCE)
                        .note("")
                        .build())
            .getMessage());
    // Immutables refuses a null attribute in the builder, naming it.
    assertEquals(
        "date",
        assertThrows(NullPointerException.class, () -> ComputeThreshold.builder().date(null)).getMessage());
  }
}
