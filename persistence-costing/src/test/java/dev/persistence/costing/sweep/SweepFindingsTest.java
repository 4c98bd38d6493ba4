package dev.persistence.costing.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.DenseFeedForward;
import dev.persistence.core.architecture.NormKind;
import dev.persistence.core.data.CurationPipeline;
import dev.persistence.core.data.DataMixture;
import dev.persistence.core.data.DataSize;
import dev.persistence.core.data.SourceAllocation;
import dev.persistence.core.data.SyntheticGeneration;
import dev.persistence.core.memory.ActivationMemory;
import dev.persistence.core.memory.InferenceMemory;
import dev.persistence.core.memory.MemoryAllowance;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.parallelism.PipelineLayout;
import dev.persistence.core.precision.NumericFormat;
import dev.persistence.core.precision.TrainingPrecision;
import dev.persistence.core.precision.WeightFormat;
import dev.persistence.costing.energy.EnergyEstimate;
import dev.persistence.costing.money.OwnedCluster;
import dev.persistence.costing.posttraining.PreferenceTuning;
import dev.persistence.costing.serving.ServingDeployment;
import dev.persistence.costing.serving.ServingEstimate;
import dev.persistence.costing.serving.ServingRoofline;
import dev.persistence.costing.serving.ServingWorkload;
import dev.persistence.costing.serving.StepTime;
import dev.persistence.costing.steptime.StepTimeBreakdown;
import dev.persistence.costing.steptime.StepTimeEstimate;
import dev.persistence.costing.training.Goodput;
import dev.persistence.costing.training.TrainingRun;
import dev.persistence.costing.uncertainty.Normal;
import dev.persistence.costing.uncertainty.Percentiles;
import dev.persistence.scaling.allocation.Allocation;
import dev.persistence.scaling.allocation.BindingConstraint;
import dev.persistence.scaling.data.DataAdequacy;
import dev.persistence.scaling.law.ChinchillaLaw;
import dev.persistence.scaling.law.EmbeddingParameterRelation;
import dev.persistence.scaling.law.KaplanComputeEfficient;
import dev.persistence.scaling.law.KaplanLaw;
import dev.persistence.scaling.law.PrecisionScalingLaw;
import dev.persistence.scaling.law.TokensPerParameter;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * One reproducer for each defect the widened {@link ExtremeValueSweepTest} (builders, composite arguments, the
 * parameter's own name in the message) found: before the fix each call returned a negative count, NaN or
 * Infinity, or threw a message that did not name what was wrong.
 */
class SweepFindingsTest {

  private static final Samples SAMPLES = samples();

  private static Samples samples() {
    try {
      return new Samples(ExtremeValueSweepTest.publicClasses());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> T sample(Class<T> type) {
    return type.cast(SAMPLES.of(type).orElseThrow());
  }

  private static String message(Supplier<?> call) {
    return assertThrows(IllegalArgumentException.class, call::get).getMessage();
  }

  @Test
  void blockCountsRefuseAHiddenSizeOutsideAnInt() {
    // Before: -2 and -1 parameters.
    assertEquals(
        "hiddenSize (-1) must be in [1, 2147483647]", message(() -> DenseFeedForward.of(11008, true).parameters(-1)));
    assertEquals("width (-1) must be in [1, 2147483647]", message(() -> NormKind.RMS_NORM.parameters(-1)));
    // Before: 4 x 2^30 wrapped to 0 and the feed-forward was blamed ("intermediateSize (0) must be > 0").
    assertEquals(
        "hiddenSize (1073741824) must be in [1, 536870911]",
        message(() -> Architecture.megatronGpt(1, 1 << 30, 1, 1, 1)));
    // Before: 2^30 norms a layer wrapped the training-memory total negative.
    assertEquals(
        "normsPerLayer (1073741824) must be <= 64",
        message(() -> Architecture.builder().from(Samples.llama2_7b()).normsPerLayer(1 << 30).build()));
  }

  @Test
  void resultTypesRefuseNonFiniteValues() {
    // Before: Allocation, ServingEstimate and SourceAllocation accepted NaN and Infinity.
    assertEquals(
        "loss (NaN) must be finite",
        message(
            () ->
                Allocation.builder()
                    .parameters(1e9)
                    .tokens(2e10)
                    .trainingFlops(1.2e20)
                    .inferenceTokens(0)
                    .totalFlops(1.2e20)
                    .loss(Double.NaN)
                    .bindingConstraint(BindingConstraint.NONE)
                    .build()));
    StepTime step = new StepTime(1, 1);
    assertEquals(
        "usdPerMillionOutputTokens (NaN) must be finite and >= 0",
        message(() -> ServingEstimate.builder()
            .batch(1)
            .prefill(step)
            .decodeStep(step)
            .inputTokensPerSecond(1)
            .outputTokensPerSecond(1)
            .usdPerMillionInputTokens(1)
            .usdPerMillionOutputTokens(Double.NaN)
            .build()));
    assertEquals(
        "epochs (NaN) must be finite and >= 0",
        message(
            () ->
                new SourceAllocation(
                    sample(DataMixture.class).components().get(0).source(), 1, 1, Double.NaN, false)));
  }

  @Test
  void estimatesRefuseNaNAndCountsBelowOne() {
    // Before: a StepTimeEstimate with NaN throughput, a DataAdequacy with a NaN loss, and a training time for
    // 1e-320 tokens that blamed "trainingFlops (0.0)".
    StepTimeEstimate estimate = sample(StepTimeEstimate.class);
    assertEquals(
        "achievedFlopsPerAcceleratorPerSecond (NaN) must be finite and > 0",
        message(
            () ->
                new StepTimeEstimate(
                    estimate.plan(),
                    estimate.stepSeconds(),
                    estimate.breakdown(),
                    estimate.tokensPerSecond(),
                    estimate.modelFlopsUtilization(),
                    estimate.hardwareFlopsUtilization(),
                    Double.NaN,
                    estimate.memory())));
    assertEquals("tokens (1.0E-320) must be in [1.0, 1.0E24]", message(() -> estimate.trainingTime(1e-320)));
    DataAdequacy adequacy = sample(DataAdequacy.class);
    assertEquals(
        "dataConstrainedLoss (NaN) must be finite",
        message(
            () ->
                DataAdequacy.builder()
                    .target(adequacy.target())
                    .availableTokens(adequacy.availableTokens())
                    .effective(adequacy.effective())
                    .repetition(adequacy.repetition())
                    .shortfallTokens(adequacy.shortfallTokens())
                    .unconstrainedLoss(adequacy.unconstrainedLoss())
                    .dataConstrainedLoss(Double.NaN)
                    .allocation(adequacy.allocation())
                    .build()));
  }

  @Test
  void derivedInfinitiesNameTheInputThatCausedThem() {
    // Before: frontierCoefficient() = Infinity, then "trainingFlops (Infinity)" downstream.
    assertTrue(
        message(() -> ChinchillaLaw.builder().from(ChinchillaLaw.HOFFMANN_2022).tokenCoefficient(1e-320).build())
            .startsWith("parameterCoefficient, tokenCoefficient, parameterExponent and tokenExponent (406.4, 1.0E-320"));
    // Before: acceleratorCapitalUsdPerAcceleratorHour() = Infinity, then "ACCELERATOR_CAPITAL (Infinity USD)".
    assertTrue(
        message(() -> OwnedCluster.builder().from(sample(OwnedCluster.class)).amortisationYears(1e-320).build())
            .startsWith("amortisationYears (1.0E-320) x 8766.0 h x utilisation"));
    // Before: staffUsdPerAcceleratorHour() = Infinity (found by the nightly builder combinations, seed
    // -1780678622654856189: amortisationYears 1e308 passed the used-hours rule, utilisation 4.9e-324 divided).
    assertEquals(
        "utilisation (4.9E-324) x 8766.0 h must give at least one used hour a year",
        message(
            () ->
                OwnedCluster.builder()
                    .from(sample(OwnedCluster.class))
                    .amortisationYears(1e308)
                    .utilisation(Double.MIN_VALUE)
                    .build()));
    // Before: usdPerMillionAcceptedTokens() = Infinity.
    assertTrue(
        message(
                () ->
                    SyntheticGeneration.builder()
                        .from(sample(SyntheticGeneration.class))
                        .acceptanceRate(1e-320)
                        .build())
            .startsWith("acceptanceRate (1.0E-320) x generatedTokens"));
    // Before: "preference.processedTokens (Infinity) must be finite and > 0", naming a derived field only.
    assertTrue(
        message(
                () -> PreferenceTuning.builder().from(sample(PreferenceTuning.class)).packingEfficiency(1e-320).build())
            .contains("packingEfficiency (1.0E-320)"));
    // Before: "memorySeconds (Infinity)" and "computeSeconds (Infinity)" from the roofline.
    ServingDeployment deployment = sample(ServingDeployment.class);
    assertTrue(
        message(() -> ServingDeployment.builder().from(deployment).bandwidthEfficiency(1e-320).build())
            .startsWith("bandwidthEfficiency (1.0E-320) x memoryBandwidthBytesPerSecond"));
    assertTrue(
        message(() -> ServingDeployment.builder().from(deployment).computeEfficiency(1e-320).build())
            .startsWith("computeEfficiency (1.0E-320) x the dense bf16 peak"));
    // Before: "usdPerMillionInputTokens (Infinity)" from the fleet.
    assertEquals(
        "usdPerAcceleratorHour (1.7976931348623157E308) must be in [0.0, 1.0E15]",
        message(() -> ServingDeployment.builder().from(deployment).usdPerAcceleratorHour(Double.MAX_VALUE).build()));
    // Before: acceleratorHours() = Infinity.
    assertTrue(
        message(() -> new TrainingRun(1, 1, 1e-320, Goodput.NONE))
            .startsWith("trainingFlops (1.0) / achievedFlopsPerSecondPerAccelerator (1.0E-320) must need at most"));
    assertTrue(
        message(() -> TrainingRun.withModelFlopsUtilization(1, 1, 1, 1e-320, Goodput.NONE))
            .contains("modelFlopsUtilization (1.0E-320)"));
  }

  @Test
  void countsBelowOneAndHugeCountsAreRefused() {
    // Before: Infinity from a subnormal token count, bit width or a 1e308 count.
    assertEquals("tokens (1.0E-320) must be finite and >= 1", message(() -> KaplanLaw.TABLE_5.loss(1e9, 1e-320)));
    assertEquals(
        "keyValueBits (4.9E-324) must be in [1.0, 64.0]",
        message(() -> PrecisionScalingLaw.KUMAR_2024.loss(1e9, 1e10, 16, 16, Double.MIN_VALUE)));
    assertEquals(
        "parameters (1.0E308) must be in [0.0, 1.0E24]",
        message(() -> TokensPerParameter.values()[0].tokensForParameters(1e308)));
    assertEquals(
        "tokens (1.7976931348623157E308) must give a finite model size > 0",
        message(() -> ChinchillaLaw.HOFFMANN_2022.optimalParametersForTokens(Double.MAX_VALUE)));
    assertEquals(
        "outputTokens (1.0E308) must be in [0.0, 1.0E24]",
        message(() -> sample(CurationPipeline.class).inputTokensFor(1e308)));
    assertEquals(
        "linearInputBytes (1.0E308) must be in (0, 8]",
        message(
            () -> ActivationMemory.layerBytes(Samples.llama2_7b(), 0, sample(ParallelismPlan.class), 1e308)));
    assertEquals(
        "gradientBytes (1.0E308) must be <= 8 bytes (fp64)",
        message(
            () -> TrainingPrecision.builder().from(TrainingPrecision.MIXED_BF16_ADAM).gradientBytes(1e308).build()));
    // Before: a MathIllegalArgumentException (an empty search interval) escaped.
    assertTrue(
        message(() -> EmbeddingParameterRelation.optimalNonEmbeddingParameters(ChinchillaLaw.HOFFMANN_2022, 0.5))
            .startsWith("nonEmbeddingFlops (0.5) must be > 6"));
  }

  @Test
  void memoryQueriesStayInRange() {
    ParallelismPlan plan = sample(ParallelismPlan.class);
    // Before: -1 micro-batches in flight on a stage past the pipeline.
    assertEquals("stage (2) must be in [0, pipelineParallel (1))", message(() -> ActivationMemory.microBatchesInFlight(plan, 2)));
    // Before: "layer (-1) must be in [0, 32)", not the parameter's name.
    assertEquals(
        "layerIndex (-1) must be in [0, numLayers (32))",
        message(() -> ActivationMemory.stageOf(Samples.llama2_7b(), -1, plan)));
    // Before: "count (26953662464 + 9223372009902178304) overflows a long".
    assertEquals(
        "capacityBytes (9223372036854775807) must be in [1, 4611686018427387904]",
        message(
            () ->
                InferenceMemory.maxBatchSize(
                    Samples.llama2_7b(),
                    WeightFormat.BF16,
                    NumericFormat.BF16,
                    1,
                    4096,
                    Long.MAX_VALUE,
                    MemoryAllowance.NONE)));
    // Before: "batch (-9223372036854775808) must be >= 0" (the search stepped past Long.MAX_VALUE).
    ServingDeployment wide =
        ServingDeployment.builder().from(sample(ServingDeployment.class)).tensorParallel(Integer.MAX_VALUE).build();
    long batch = ServingRoofline.maxBatch(wide, sample(ServingWorkload.class));
    assertTrue(batch >= 0 && batch <= InferenceMemory.MAX_BATCH, "batch " + batch);
  }

  @Test
  void messagesNameTheirField() {
    // Before: "percentiles (NaN, 1.0, 1.0) must be finite", "energy parts (...) must each be <= ...",
    // "breakdown part (-1.0) ...", "normal bounds must not be NaN", "size (-1.0 TOKENS) ...", "flops (...)".
    assertEquals("p10 (NaN) must be finite", message(() -> new Percentiles(Double.NaN, 1, 1)));
    assertEquals("p50 (0.5) must be <= p90 (0.1)", message(() -> new Percentiles(0, 0.5, 0.1)));
    assertEquals(
        "acceleratorKilowattHours (1.0E308) must be in [0.0, 1.0E24]", message(() -> new EnergyEstimate(1e308, 1, 1)));
    assertEquals(
        "breakdown computeSeconds (-1.0) must be finite and >= 0",
        message(() -> new StepTimeBreakdown(-1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1)));
    assertEquals("normal upper (NaN) must not be NaN", message(() -> new Normal(1, 1, 0, Double.NaN)));
    assertEquals("amount (-1.0 TOKENS) must be finite and >= 0", message(() -> DataSize.tokens(-1, "llama")));
    assertEquals(
        "trainingFlops (1.0E-320) must be finite and >= 1.0",
        message(() -> KaplanComputeEfficient.optimalParametersForTrainingFlops(1e-320)));
    assertEquals(
        "budgetTokens (-0.0) must be finite and > 0", message(() -> sample(DataMixture.class).allocate(-0.0)));
    assertEquals(
        "computeFormat (fp16) must be one that accelerator H100-SXM5-80GB has a dense peak for: [bf16]",
        message(() -> ServingDeployment.builder().from(sample(ServingDeployment.class)).computeFormat(NumericFormat.FP16).build()));
    assertEquals("virtualPipelineStages (-1) must be > 0", message(() -> PipelineLayout.balanced(1, 1, -1)));
  }
}
