package dev.persistence.costing.posttraining;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.flops.FlopAccounting;
import dev.persistence.core.flops.FlopConvention;
import dev.persistence.core.flops.FlopEstimate;
import dev.persistence.core.hardware.Cluster;
import dev.persistence.core.parallelism.Offload;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.costing.calibration.Calibration;
import dev.persistence.costing.steptime.StepTimeEstimate;
import dev.persistence.costing.steptime.StepTimeModel;
import java.util.Locale;

/**
 * Training and forward-only speed of one model on some of a stage's accelerators, from the step-time model
 * ({@link StepTimeModel}, which owns compute, communication and memory) under the stage's {@link TrainingLayout},
 * scaled by the calibration's training efficiency.
 *
 * <p>A forward-only pass (reference, reward, value, teacher log-probs) is costed at the training step's time per
 * token times forward FLOPs over executed training FLOPs: the step model's time is dominated by work that scales
 * with FLOPs (GEMMs) or with passes over the weights (ZeRO-3 gathers: one of the three a recomputed step makes).
 *
 * <p>An offloading layout's host time (the CPU optimizer step and exposed host-link transfers,
 * {@link StepTimeModel}) is added to the step unscaled by the calibration, which was fitted to a run that offloads
 * nothing, and is left out of the forward-only passes, which step no optimizer.
 */
final class Trainer {
  private Trainer() {}

  /** Seconds per token and FLOPs per token of one model. */
  record Speed(
      double trainingSecondsPerToken,
      double forwardSecondsPerToken,
      double trainingFlopsPerToken,
      double forwardFlopsPerToken) {}

  static Speed speed(
      Architecture model, StageResources resources, long accelerators, int sequenceLength, double batchSequences) {
    TrainingLayout layout = resources.trainingLayout();
    long modelParallel = (long) layout.tensorParallel() * layout.pipelineParallel();
    checkArgument(
        accelerators % modelParallel == 0,
        "training accelerators (%s) must be a multiple of trainingLayout.tensorParallel x pipelineParallel (%s)",
        accelerators,
        modelParallel);
    long dataParallel = accelerators / modelParallel;
    checkArgument(
        dataParallel <= Integer.MAX_VALUE,
        "training accelerators / (tensorParallel x pipelineParallel), the data-parallel degree (%s), must be <= %s",
        dataParallel,
        String.valueOf(Integer.MAX_VALUE));
    Cluster base = resources.cluster();
    long nodes = Math.max(1, (accelerators + base.acceleratorsPerNode() - 1) / base.acceleratorsPerNode());
    checkArgument(nodes <= Integer.MAX_VALUE, "nodes (%s) too many", nodes);
    Cluster cluster = Cluster.builder().from(base).nodeCount((int) nodes).build();
    StepTimeModel stepModel =
        StepTimeModel.of(
            model,
            cluster,
            resources.precision(),
            Calibration.forAccelerator(base.accelerator().name()),
            resources.attentionKernel(),
            FlopConvention.EXACT,
            layout.shardedGathers());
    // A given micro-batch is used as given; 0 takes the fastest power of two that fits, up to each rank's share
    // of the batch (what a team tunes: larger micro-batches amortise ZeRO-3's per-micro-batch weight gathers).
    long perRank = Math.max(1, (long) Math.ceil(batchSequences / dataParallel));
    java.util.List<Integer> candidates = new java.util.ArrayList<>();
    if (layout.microBatchSize() > 0) {
      candidates.add(layout.microBatchSize());
    } else {
      for (long micro = 1; micro <= perRank && micro <= 1024; micro *= 2) {
        candidates.add((int) micro);
      }
    }
    StepTimeEstimate best = null;
    StepTimeEstimate first = null;
    for (int micro : candidates) {
      long perStep = dataParallel * micro;
      long microBatches = Math.max(1, (long) Math.ceil(batchSequences / perStep));
      checkArgument(
          microBatches <= Integer.MAX_VALUE / perStep,
          "batch (%s sequences) must fit a global batch of at most %s sequences",
          batchSequences,
          String.valueOf(Integer.MAX_VALUE));
      ParallelismPlan plan =
          ParallelismPlan.builder()
              .tensorParallel(layout.tensorParallel())
              .pipelineParallel(layout.pipelineParallel())
              .expertParallel(layout.expertParallel())
              .dataParallel((int) dataParallel)
              .sequenceParallel(layout.tensorParallel() > 1)
              .fusedAttention(true)
              .zeroStage(layout.zeroStage())
              .optimizerOffload(layout.offload().optimizer())
              .parameterOffload(layout.offload().parameters())
              .recomputation(layout.recomputation())
              .microBatchSize(micro)
              .globalBatchSize((int) (perStep * microBatches))
              .sequenceLength(sequenceLength)
              .build()
              .validateFor(model, accelerators);
      StepTimeEstimate estimate = stepModel.estimate(plan);
      if (first == null) {
        first = estimate;
      }
      if (estimate.fits() && (best == null || estimate.tokensPerSecond() > best.tokensPerSecond())) {
        best = estimate;
      }
    }
    StepTimeEstimate step = best != null ? best : first;
    if (!step.fits()) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "training a %.3gB-parameter model on %s x %s at sequence length %s needs %.1f GiB per accelerator,"
                  + " more than its %.1f GiB: use more accelerators, a larger tensorParallel, ZeRO-3 or offload",
              model.parameters().totalParameters() / 1e9,
              accelerators,
              base.accelerator().name(),
              sequenceLength,
              step.memoryBytesPerAccelerator() / (double) (1L << 30),
              base.accelerator().memoryBytes() / (double) (1L << 30)));
    }
    // The calibration's factor is what the accelerators lose beyond the step model (fitted to a run that offloads
    // nothing): an offloaded trainer's host time (the CPU optimizer step, its exposed host-link transfers) comes
    // from its own measured rates and is added unscaled. Forward-only passes step no optimizer.
    double factor = resources.calibration().trainingThroughputFactor();
    double secondsPerToken = 1.0 / (step.tokensPerSecond() * factor);
    double forwardSecondsPerToken = secondsPerToken;
    if (layout.offload() != Offload.NONE) {
      double hostSeconds = step.breakdown().optimizerSeconds() + step.breakdown().offloadSeconds();
      double tokens = step.plan().globalBatchTokens();
      forwardSecondsPerToken = (step.stepSeconds() - hostSeconds) / tokens / factor;
      secondsPerToken = forwardSecondsPerToken + hostSeconds / tokens;
    }
    FlopEstimate flops = FlopAccounting.estimate(model, sequenceLength, FlopConvention.EXACT, layout.recomputation());
    double forwardShare = flops.forwardFlopsPerToken() / flops.trainingFlopsPerToken();
    return new Speed(
        secondsPerToken,
        forwardSecondsPerToken * forwardShare,
        flops.modelTrainingFlopsPerToken(),
        flops.forwardFlopsPerToken());
  }
}
