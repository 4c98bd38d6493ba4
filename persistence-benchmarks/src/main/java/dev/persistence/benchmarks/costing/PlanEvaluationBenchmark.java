package dev.persistence.benchmarks.costing;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.DenseFeedForward;
import dev.persistence.core.architecture.GroupedQueryAttention;
import dev.persistence.core.architecture.MambaMixer;
import dev.persistence.core.architecture.MixtureOfExperts;
import dev.persistence.core.architecture.NormKind;
import dev.persistence.core.hardware.Accelerator;
import dev.persistence.core.hardware.Cluster;
import dev.persistence.core.precision.NumericFormat;
import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.core.parallelism.ZeroStage;
import dev.persistence.core.precision.TrainingPrecision;
import dev.persistence.costing.calibration.Calibration;
import dev.persistence.costing.search.PlanSearch;
import dev.persistence.costing.search.SearchRequest;
import dev.persistence.costing.search.SearchResult;
import dev.persistence.costing.steptime.PlanEvaluator;
import dev.persistence.costing.steptime.StepTimeModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Plan evaluations per second (the step-time model's primitive path, as the search's inner loop calls it) and
 * the time of a full plan search for MT-NLG 530B on 5,120 A100s. Run:
 * {@code java -jar persistence-benchmarks/target/benchmarks.jar PlanEvaluationBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}.
 */
@State(Scope.Thread)
public class PlanEvaluationBenchmark {

  private static final int PLANS = 1024;

  private StepTimeModel model;
  private SearchRequest request;
  private PlanEvaluator.LayerCosts layer;
  private int[] pipeline;
  private int[] data;
  private int[] recompute;
  private ActivationRecomputation[] recomputations;
  private ZeroStage[] zeroStages;
  private PlanEvaluator evaluator;
  private int[] zero;
  private PlanEvaluator hybridEvaluator;
  private PlanEvaluator.LayerCosts hybridLayer;
  private int[] hybridPipeline;
  private int[] hybridData;

  @Setup
  public void setUp() {
    // MT-NLG 530B (Smith et al. 2022): 105 layers, hidden 20480, 128 heads; A100 SXM4 80GB datasheet figures.
    Architecture mtnlg = Architecture.megatronGpt(105, 20480, 128, 51200, 2048);
    Accelerator a100 =
        Accelerator.builder()
            .name("A100-SXM4-80GB")
            .putDensePeakFlopsPerSecond(NumericFormat.BF16, 312e12)
            .memoryBytes(80L << 30)
            .memoryBandwidthBytesPerSecond(2.039e12)
            .scaleUpBandwidthBytesPerSecondPerDirection(300e9)
            .source("NVIDIA A100 datasheet")
            .build();
    Cluster cluster =
        Cluster.builder()
            .accelerator(a100)
            .acceleratorsPerNode(8)
            .nodeCount(640)
            .scaleOutBandwidthBytesPerSecondPerAccelerator(25e9)
            .scaleOutLatencySeconds(5e-6)
            .build();
    TrainingPrecision precision = TrainingPrecision.MEGATRON_BF16_ADAM_FP32_GRADIENTS;
    model = StepTimeModel.of(mtnlg, cluster, precision, Calibration.bundled("a100-sxm-80gb"));
    request = SearchRequest.of(mtnlg, cluster, precision, 5120, 2560, 2048);
    evaluator = PlanEvaluator.of(model);
    layer = evaluator.layerCosts(8, 1, 1, 1, 2048, true);
    pipeline = new int[PLANS];
    data = new int[PLANS];
    recompute = new int[PLANS];
    recomputations = new ActivationRecomputation[PLANS];
    zeroStages = new ZeroStage[PLANS];
    zero = new int[PLANS];
    int[] pipelines = {1, 5, 7, 15, 21, 35};
    for (int i = 0; i < PLANS; i++) {
      pipeline[i] = pipelines[i % pipelines.length];
      data[i] = 640 / pipeline[i];
      recompute[i] = i % 3;
      recomputations[i] = ActivationRecomputation.values()[recompute[i]];
      zeroStages[i] = ZeroStage.of(zero[i]);
      zero[i] = (i / 3) % 4;
    }

    // A Jamba-1.5-Mini-shaped hybrid (Lieber et al. 2024, arXiv:2403.19887): 32 layers, attention in one of
    // eight, Mamba-1 in the others, 16 experts top-2 every other layer; its slowest stage is found per plan.
    List<Integer> mambaLayers = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      if (i % 8 != 4) {
        mambaLayers.add(i);
      }
    }
    Architecture jamba =
        Architecture.builder()
            .vocabSize(65536)
            .hiddenSize(4096)
            .numLayers(32)
            .contextLength(1 << 18)
            .attention(GroupedQueryAttention.builder().numAttentionHeads(32).numKeyValueHeads(8).headDim(128).build())
            .feedForward(
                MixtureOfExperts.builder()
                    .numExperts(16)
                    .expertsPerToken(2)
                    .expertIntermediateSize(14336)
                    .layerPeriod(2)
                    .layerPhase(1)
                    .denseFeedForward(DenseFeedForward.of(14336, true))
                    .build())
            .normKind(NormKind.RMS_NORM)
            .tiedEmbeddings(false)
            .sequenceMixer(
                MambaMixer.builder().intermediateSize(8192).stateSize(16).convKernel(4).timeStepRank(256).build())
            .addAllSequenceMixerLayerIndices(mambaLayers)
            .build();
    hybridEvaluator =
        PlanEvaluator.of(StepTimeModel.of(jamba, cluster, precision, Calibration.bundled("a100-sxm-80gb")));
    hybridLayer = hybridEvaluator.layerCosts(8, 1, 1, 1, 8192, true);
    hybridPipeline = new int[PLANS];
    hybridData = new int[PLANS];
    int[] hybridPipelines = {1, 2, 3, 4, 5, 8};
    for (int i = 0; i < PLANS; i++) {
      hybridPipeline[i] = hybridPipelines[i % hybridPipelines.length];
      hybridData[i] = 640 / hybridPipeline[i];
    }
  }

  /** One operation = one plan of the hybrid stack timed by the primitive path. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(PLANS)
  public double hybridPlanEvaluations() {
    double sum = 0;
    for (int i = 0; i < PLANS; i++) {
      sum +=
          hybridEvaluator.stepSeconds(
              hybridLayer, hybridPipeline[i], 1, hybridData[i], 2560, recomputations[i], zeroStages[i], false, 0);
    }
    return sum;
  }

  /** One operation = one plan timed by the primitive path. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(PLANS)
  public double planEvaluations() {
    double sum = 0;
    for (int i = 0; i < PLANS; i++) {
      sum += evaluator.stepSeconds(layer, pipeline[i], 1, data[i], 2560, recomputations[i], zeroStages[i], false, 0);
    }
    return sum;
  }

  /** One operation = one full search (every valid plan, memory checked, fitting ones timed, winners verified). */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public SearchResult fullSearch530bOn5120() {
    return PlanSearch.search(request);
  }
}
