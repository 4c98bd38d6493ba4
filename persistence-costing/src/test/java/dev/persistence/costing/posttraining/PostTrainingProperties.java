package dev.persistence.costing.posttraining;

import static dev.persistence.costing.posttraining.PostTrainingFixtures.h100;
import static dev.persistence.costing.posttraining.PostTrainingFixtures.llama8b;
import static dev.persistence.costing.posttraining.PostTrainingFixtures.resources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.testkit.Gen;
import dev.persistence.testkit.Property;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Invariants of the post-training stages over generated settings (the project's testkit). */
class PostTrainingProperties {

  private static final Architecture POLICY = llama8b();
  private static final StageResources EIGHT = resources(h100(), 8);
  private static final StageResources SIXTEEN = resources(h100(), 16);

  /** A generated RL stage: placement, steps, prompts, samples, prompt and response lengths. */
  record Rl(RolloutPlacement placement, long steps, int prompts, int samples, int prompt, int mean, int max) {
    ReinforcementLearning stage() {
      var builder =
          ReinforcementLearning.builder()
              .algorithm(RlAlgorithm.PPO)
              .placement(placement)
              .steps(steps)
              .promptsPerStep(prompts)
              .samplesPerPrompt(samples)
              .promptTokens(prompt)
              .meanResponseTokens(mean)
              .maxResponseTokens(max);
      if (placement != RolloutPlacement.COLOCATED) {
        builder.generationAccelerators(8);
      }
      return builder.build();
    }
  }

  private static final Gen<Rl> RL =
      Gen.zip(
          Gen.zip(
              Gen.enumValues(RolloutPlacement.class),
              Gen.longs(1, 500),
              Gen.integers(1, 256),
              (placement, steps, prompts) -> new Object[] {placement, steps, prompts}),
          Gen.zip(Gen.integers(1, 16), Gen.integers(1, 2048), (samples, prompt) -> new int[] {samples, prompt}),
          Gen.zip(Gen.integers(1, 4096), Gen.integers(0, 4096), (mean, extra) -> new int[] {mean, mean + extra}),
          (a, b, c) -> new Rl((RolloutPlacement) a[0], (Long) a[1], (Integer) a[2], b[0], b[1], c[0], c[1]));

  private static StageEstimate estimate(Rl rl) {
    return PostTrainingEstimator.estimate(rl.stage(), POLICY, SIXTEEN);
  }

  private static void assertConserves(StageEstimate estimate) {
    double held = estimate.accelerators() * estimate.wallClockHours();
    assertEquals(held, estimate.acceleratorHours(), held * 1e-9 + 1e-12, "accelerator-hours held vs breakdown");
    double usd = estimate.components().stream().mapToDouble(StageComponent::usd).sum();
    assertEquals(usd, estimate.totalUsd(), usd * 1e-12 + 1e-12);
    assertEquals(held * EIGHT.usdPerAcceleratorHour(), estimate.computeUsd(), held * 1e-9 + 1e-9);
  }

  @Test
  void rlBreakdownSumsToItsTotal() {
    Property.forAll(RL).verify(rl -> assertConserves(estimate(rl)));
  }

  @Test
  void rlComputeGrowsWithSamplesLengthsAndSteps() {
    Property.forAll(RL, Gen.integers(1, 4))
        .verify(
            (rl, factor) -> {
              StageEstimate base = estimate(rl);
              Rl moreSamples = new Rl(rl.placement(), rl.steps(), rl.prompts(), rl.samples() * factor, rl.prompt(), rl.mean(), rl.max());
              Rl longer = new Rl(rl.placement(), rl.steps(), rl.prompts(), rl.samples(), rl.prompt(), Math.min(rl.max(), rl.mean() * factor), rl.max());
              Rl moreSteps = new Rl(rl.placement(), rl.steps() * factor, rl.prompts(), rl.samples(), rl.prompt(), rl.mean(), rl.max());
              StageEstimate samples = estimate(moreSamples);
              assertTrue(samples.totalFlops() >= base.totalFlops() * (1 - 1e-12), "FLOPs fell with more samples");
              assertTrue(
                  samples.step().get().generationSeconds() >= base.step().get().generationSeconds() * (1 - 1e-12),
                  "generation time fell with more samples");
              StageEstimate length = estimate(longer);
              assertTrue(length.totalFlops() >= base.totalFlops() * (1 - 1e-12), "FLOPs fell with longer responses");
              assertTrue(length.wallClockSeconds() >= base.wallClockSeconds() * (1 - 1e-12), "time fell with longer responses");
              StageEstimate steps = estimate(moreSteps);
              assertEquals(base.totalFlops() * factor, steps.totalFlops(), base.totalFlops() * factor * 1e-12);
              assertEquals(base.wallClockSeconds() * factor, steps.wallClockSeconds(), base.wallClockSeconds() * factor * 1e-12);
            });
  }

  @Test
  void rlWithNoResponseCostsOnlyItsFixedParts() {
    Property.forAll(RL)
        .verify(
            rl -> {
              Rl empty = new Rl(rl.placement(), rl.steps(), rl.prompts(), rl.samples(), rl.prompt(), 0, 0);
              StageEstimate estimate = estimate(empty);
              RlStepTime step = estimate.step().get();
              assertEquals(0, estimate.acceleratorHours(ComponentKind.TRAINING));
              assertEquals(0, estimate.acceleratorHours(ComponentKind.FORWARD));
              assertEquals(0, step.scoringSeconds() + step.trainingSeconds());
              // What is left: the prompts' prefill and the weight copy, every step.
              assertEquals(
                  rl.steps() * (step.generationSeconds() + step.weightSyncSeconds()),
                  estimate.wallClockSeconds(),
                  estimate.wallClockSeconds() * 1e-12);
              assertTrue(estimate.totalFlops() < estimate(rl).totalFlops());
              assertConserves(estimate);
            });
  }

  @Test
  void sftAndPreferenceComputeGrowWithTheirDrivers() {
    Property.forAll(Gen.logUniform(1e3, 1e6), Gen.doubles(50, 4000), Gen.integers(1, 4))
        .verify(
            (examples, tokens, factor) -> {
              SupervisedFineTuning sft =
                  SupervisedFineTuning.builder().examples(examples).meanTokensPerExample(tokens).sequenceLength(4096).build();
              StageEstimate base = PostTrainingEstimator.estimate(sft, POLICY, EIGHT);
              StageEstimate more =
                  PostTrainingEstimator.estimate(
                      SupervisedFineTuning.builder().from(sft).epochs(factor).examples(examples * factor).build(), POLICY, EIGHT);
              assertTrue(more.totalFlops() >= base.totalFlops() * factor * (1 - 1e-12));
              assertTrue(more.wallClockSeconds() >= base.wallClockSeconds() * (1 - 1e-12));
              assertConserves(base);
              PreferenceTuning dpo =
                  PreferenceTuning.builder()
                      .pairs(examples)
                      .promptTokens(tokens / 4)
                      .chosenTokens(tokens)
                      .rejectedTokens(tokens)
                      .sequenceLength(8192)
                      .build();
              StageEstimate withReference = PostTrainingEstimator.estimate(dpo, POLICY, EIGHT);
              StageEstimate free =
                  PostTrainingEstimator.estimate(PreferenceTuning.builder().from(dpo).loss(PreferenceLoss.SIMPO).build(), POLICY, EIGHT);
              assertTrue(free.totalFlops() < withReference.totalFlops(), "a reference-free loss must skip the reference");
              StageEstimate withReward =
                  PostTrainingEstimator.estimate(PreferenceTuning.builder().from(dpo).rewardModel(POLICY).build(), POLICY, EIGHT);
              assertTrue(withReward.totalFlops() > withReference.totalFlops());
              assertConserves(withReward);
            });
  }

  /**
   * {@code later} costs no less than {@code earlier}: FLOPs to rounding, accelerator-hours to 0.5%. The slack is
   * the step-time model's: one short sequence per micro-batch is bound by ZeRO-3's gather latency, and its time per
   * micro-batch is flat in the sequence length to a few tenths of a percent, not strictly rising.
   */
  private static void assertNoCheaper(StageEstimate earlier, StageEstimate later, String what) {
    assertTrue(later.totalFlops() >= earlier.totalFlops() * (1 - 1e-12), "FLOPs fell: " + what);
    assertTrue(later.acceleratorHours() >= earlier.acceleratorHours() * (1 - 5e-3), "accelerator-hours fell: " + what);
  }

  @Test
  void paddingCostsComputeMonotonically() {
    Property.forAll(Gen.logUniform(1e3, 1e6), Gen.doubles(50, 2048), Gen.doubles(0.3, 1.0))
        .verify(
            (examples, tokens, efficiency) -> {
              SupervisedFineTuning perExample =
                  SupervisedFineTuning.builder()
                      .examples(examples)
                      .meanTokensPerExample(tokens)
                      .sequenceLength(4096)
                      .packing(Packing.PER_EXAMPLE)
                      .build();
              SupervisedFineTuning padded = SupervisedFineTuning.builder().from(perExample).packing(Packing.PADDED).build();
              SupervisedFineTuning paddedLonger = SupervisedFineTuning.builder().from(padded).sequenceLength(8192).build();
              SupervisedFineTuning packed = SupervisedFineTuning.builder().from(perExample).packing(Packing.PACKED).build();
              SupervisedFineTuning packedLoosely = SupervisedFineTuning.builder().from(packed).packingEfficiency(efficiency).build();
              assertEquals(1, perExample.realTokenShare());
              assertEquals(tokens / 4096, padded.realTokenShare(), 1e-12);
              assertNoCheaper(estimateSft(perExample), estimateSft(padded), "padding every example to the maximum");
              assertNoCheaper(estimateSft(padded), estimateSft(paddedLonger), "a longer maximum to pad to");
              assertNoCheaper(estimateSft(packed), estimateSft(packedLoosely), "a lower packing efficiency");
              // A pair's shorter response is padded to the longer: the same tokens split unevenly cost more.
              PreferenceTuning even =
                  PreferenceTuning.builder()
                      .pairs(examples)
                      .promptTokens(tokens / 4)
                      .chosenTokens(tokens)
                      .rejectedTokens(tokens)
                      .sequenceLength(8192)
                      .packing(Packing.PER_EXAMPLE)
                      .build();
              PreferenceTuning uneven =
                  PreferenceTuning.builder()
                      .from(even)
                      .chosenTokens(tokens * (2 - efficiency))
                      .rejectedTokens(tokens * efficiency)
                      .build();
              assertEquals(1, even.realTokenShare(), 1e-12);
              assertNoCheaper(
                  PostTrainingEstimator.estimate(even, POLICY, EIGHT),
                  PostTrainingEstimator.estimate(uneven, POLICY, EIGHT),
                  "a pair's responses of unequal length");
            });
  }

  private static StageEstimate estimateSft(SupervisedFineTuning sft) {
    return PostTrainingEstimator.estimate(sft, POLICY, EIGHT);
  }

  @Test
  void evaluationGrowsWithItemsAndSamples() {
    Property.forAll(Gen.longs(1, 20_000), Gen.integers(1, 4096), Gen.integers(1, 16))
        .verify(
            (items, output, samples) -> {
              EvaluationRun one =
                  EvaluationRun.builder()
                      .addSuites(new BenchmarkSuite("suite", items, 512, output, 1))
                      .humanEvaluationPeopleHours(10)
                      .usdPerPeopleHour(50)
                      .build();
              EvaluationRun many =
                  EvaluationRun.builder().from(one).suites(List.of(new BenchmarkSuite("suite", items, 512, output, samples))).build();
              StageEstimate a = PostTrainingEstimator.estimate(one, POLICY, EIGHT);
              StageEstimate b = PostTrainingEstimator.estimate(many, POLICY, EIGHT);
              assertTrue(b.totalFlops() >= a.totalFlops() * (1 - 1e-12));
              assertTrue(b.wallClockSeconds() >= a.wallClockSeconds() * (1 - 1e-12));
              assertEquals(500, a.peopleUsd(), 1e-9);
              assertConserves(a);
            });
  }
}
