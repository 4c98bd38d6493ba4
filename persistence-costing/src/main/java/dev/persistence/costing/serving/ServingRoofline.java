package dev.persistence.costing.serving;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.Attention;
import dev.persistence.core.check.Checks;
import dev.persistence.core.exact.ExactCounts;
import dev.persistence.core.flops.FlopAccounting;
import dev.persistence.core.flops.FlopConvention;
import dev.persistence.core.memory.InferenceMemory;
import dev.persistence.core.memory.KeyValueCache;
import dev.persistence.costing.training.Durations;

/**
 * Serving time and cost from a roofline (Williams, Waterman and Patterson 2009, "Roofline: an insightful visual
 * performance model", CACM 52(4)), as applied to transformer inference by Pope et al. 2022 (Efficiently Scaling
 * Transformer Inference, arXiv:2211.05102, section 2): each step takes the larger of its FLOPs over the replica's
 * achievable FLOP/s and the bytes one rank moves over its achievable bandwidth.
 *
 * <ul>
 *   <li>Prefill of {@code B} prompts of {@code P} tokens: {@code B x P x} forward FLOPs per token
 *       ({@link FlopConvention#EXACT}, causal attention), while each rank reads its share of the weights once and
 *       writes its share of the new key/value cache.
 *   <li>Decode step at context {@code L}: {@code B x (2 x active parameters + 2 x heads x (qk + v head dims) x
 *       cached token-layers(L) + mixer layers x recurrence FLOPs)} FLOPs, while each rank reads its share of all
 *       weights, of the batch's key/value cache and of the batch's sequence-mixer state. Every weight is read once
 *       per step, including all experts of a mixture (an upper bound at small batch, where only the routed
 *       experts are touched).
 *   <li>In a hybrid stack (Jamba, Granite 4, Qwen3-Next, MiniMax) only the attention layers cache keys and
 *       values ({@link KeyValueCache#cachedTokenLayers}); each Mamba, Mamba-2 or linear-attention layer carries a
 *       fixed state per sequence ({@link KeyValueCache#stateBytesPerSequence}, stored in the cache format and split
 *       over the tensor-parallel ranks with the heads or channels), read and rewritten once per decode step
 *       whatever the context (Gu and Dao 2023, Mamba, arXiv:2312.00752 section 3.5: constant-time recurrent
 *       inference). So a hybrid model's decode time grows with the context only through its attention layers.
 *   <li>A generation is costed at its mean context, {@code P + O/2}: exact for the memory term, which is linear
 *       in the context (sliding windows aside).
 * </ul>
 *
 * <p>Tensor-parallel communication, kernel launch overheads and scheduling are not modelled: this is a bound that
 * the efficiencies of {@link ServingDeployment} scale.
 */
public final class ServingRoofline {


  private ServingRoofline() {}

  /**
   * The largest batch of {@code workload}-shaped sequences (at their final context) that fits one rank: weights,
   * the attention layers' key/value cache and, in a hybrid or state-space stack, each sequence's fixed mixer state
   * ({@link #stateBytes}), which {@link InferenceMemory#maxBatchSize} reserves.
   *
   * @param deployment the replica
   * @param workload the request shape
   */
  public static long maxBatch(ServingDeployment deployment, ServingWorkload workload) {
    return InferenceMemory.maxBatchSize(
        deployment.architecture(),
        deployment.weightFormat(),
        deployment.cacheFormat(),
        deployment.tensorParallel(),
        workload.finalContextLength(),
        deployment.accelerator().memoryBytes(),
        deployment.allowance());
  }

  private static double weightBytesPerRank(ServingDeployment deployment) {
    long total = InferenceMemory.weightsBytes(deployment.architecture(), deployment.weightFormat());
    return Math.ceil((double) total / deployment.tensorParallel());
  }

  /**
   * The prefill of {@code batch} prompts of {@code promptTokens}.
   *
   * @param deployment the replica
   * @param batch prompts, {@code > 0}
   * @param promptTokens tokens per prompt, {@code > 0}
   * @throws IllegalArgumentException if a count is not positive or exceeds the model's sequence limits
   */
  public static StepTime prefill(ServingDeployment deployment, long batch, long promptTokens) {
    Checks.positive("batch", batch);
    checkArgument(
        promptTokens > 0 && promptTokens <= Integer.MAX_VALUE,
        "promptTokens (%s) must be in [1, %s]",
        promptTokens,
        Integer.MAX_VALUE);
    Architecture architecture = deployment.architecture();
    // FlopAccounting charges the attention core over the attention layers only and the mixers' recurrence.
    double flopsPerToken =
        FlopAccounting.estimate(architecture, (int) promptTokens, FlopConvention.EXACT).forwardFlopsPerToken();
    double flops = batch * (double) promptTokens * flopsPerToken;
    double cacheWritten =
        KeyValueCache.bytes(
                architecture, deployment.cacheFormat(), deployment.tensorParallel(), batch, promptTokens)
            + stateBytes(deployment, batch);
    double bytes = weightBytesPerRank(deployment) + cacheWritten;
    return new StepTime(
        flops / deployment.replicaFlopsPerSecond(), bytes / deployment.rankBandwidthBytesPerSecond());
  }

  /**
   * Forward FLOPs of one decode token at {@code contextLength} cached tokens.
   *
   * @param architecture the model
   * @param contextLength tokens attended to, {@code >= 0}
   * @throws IllegalArgumentException if {@code contextLength} is negative
   */
  public static double decodeFlopsPerToken(Architecture architecture, double contextLength) {
    Checks.nonNegative("contextLength", contextLength);
    Attention attention = architecture.attention();
    double perAttendedToken =
        2.0 * attention.numAttentionHeads() * (attention.queryKeyHeadDim() + attention.valueHeadDim());
    double recurrence =
        architecture
            .sequenceMixer()
            .map(mixer -> architecture.sequenceMixerLayers() * mixer.recurrenceFlopsPerToken())
            .orElse(0.0);
    return 2.0 * architecture.parameters().activeParametersExcludingEmbedding()
        + perAttendedToken * cachedTokenLayers(architecture, contextLength)
        + recurrence;
  }

  /**
   * Key/value cache bytes one rank reads in one decode step of {@code batch} sequences at {@code contextLength}
   * cached tokens: the attention layers' cache only (a hybrid stack's mixer layers keep none).
   *
   * @param deployment the replica
   * @param batch sequences, {@code > 0}
   * @param contextLength tokens cached per sequence, {@code >= 0}
   * @throws IllegalArgumentException if {@code batch} is not positive or the context is negative
   */
  public static double decodeKeyValueBytes(ServingDeployment deployment, long batch, double contextLength) {
    Checks.positive("batch", batch);
    Checks.nonNegative("contextLength", contextLength);
    Architecture architecture = deployment.architecture();
    return batch
        * cachedTokenLayers(architecture, contextLength)
        * KeyValueCache.bytesPerTokenPerLayer(architecture, deployment.cacheFormat(), deployment.tensorParallel());
  }

  /**
   * Sequence-mixer state bytes one rank holds (and reads once per decode step) for {@code batch} sequences: the
   * same at every context length; 0 for an all-attention model.
   *
   * @param deployment the replica
   * @param batch sequences, {@code >= 0}
   * @throws IllegalArgumentException if {@code batch} is negative
   */
  public static double stateBytes(ServingDeployment deployment, long batch) {
    Checks.nonNegative("batch", batch);
    return batch
        * KeyValueCache.stateBytesPerSequence(deployment.architecture(), deployment.cacheFormat())
        / deployment.tensorParallel();
  }

  /** {@link KeyValueCache#cachedTokenLayers} at a fractional context, interpolating linearly. */
  private static double cachedTokenLayers(Architecture architecture, double contextLength) {
    long floor = (long) Math.floor(contextLength);
    double low = KeyValueCache.cachedTokenLayers(architecture, floor);
    if (contextLength == floor) {
      return low;
    }
    double high = KeyValueCache.cachedTokenLayers(architecture, floor + 1);
    return low + (high - low) * (contextLength - floor);
  }

  /**
   * One decode step of {@code batch} sequences at {@code contextLength} cached tokens each.
   *
   * @param deployment the replica
   * @param batch sequences, {@code > 0}
   * @param contextLength tokens cached per sequence, {@code >= 0}
   * @throws IllegalArgumentException if {@code batch} is not positive or the context is negative
   */
  public static StepTime decodeStep(ServingDeployment deployment, long batch, double contextLength) {
    Checks.positive("batch", batch);
    Architecture architecture = deployment.architecture();
    double flops = batch * decodeFlopsPerToken(architecture, contextLength);
    double cacheRead =
        decodeKeyValueBytes(deployment, batch, contextLength) + stateBytes(deployment, batch);
    double bytes = weightBytesPerRank(deployment) + cacheRead;
    return new StepTime(
        flops / deployment.replicaFlopsPerSecond(), bytes / deployment.rankBandwidthBytesPerSecond());
  }

  /**
   * Latency, throughput and price of one replica serving {@code batch} sequences shaped as {@code workload}.
   *
   * @param deployment the replica
   * @param workload the request shape
   * @param batch sequences served together, {@code > 0}
   * @throws IllegalArgumentException if {@code batch} is not positive or does not fit in memory
   */
  public static ServingEstimate estimate(ServingDeployment deployment, ServingWorkload workload, long batch) {
    Checks.positive("batch", batch);
    long largest = maxBatch(deployment, workload);
    checkArgument(
        batch <= largest,
        "batch (%s) must be <= the largest batch that fits (%s) at context %s on %s x %s",
        batch,
        largest,
        workload.finalContextLength(),
        deployment.tensorParallel(),
        deployment.accelerator().name());
    return estimateUnchecked(deployment, workload, batch);
  }

  /** {@link #estimate} without the memory check: for sweeps that know the batch fits. */
  static ServingEstimate estimateUnchecked(ServingDeployment deployment, ServingWorkload workload, long batch) {
    StepTime prefill = prefill(deployment, batch, workload.promptTokens());
    StepTime decode = decodeStep(deployment, batch, workload.meanDecodeContextLength());
    double inputPerSecond = batch * (double) workload.promptTokens() / prefill.seconds();
    double outputPerSecond = batch / decode.seconds();
    double usdPerSecond = deployment.replicaUsdPerHour() / Durations.SECONDS_PER_HOUR;
    return ServingEstimate.builder()
        .batch(batch)
        .prefill(prefill)
        .decodeStep(decode)
        .inputTokensPerSecond(inputPerSecond)
        .outputTokensPerSecond(outputPerSecond)
        .usdPerMillionInputTokens(usdPerSecond / inputPerSecond * 1e6)
        .usdPerMillionOutputTokens(usdPerSecond / outputPerSecond * 1e6)
        .build();
  }

  /**
   * Replicas and accelerators that serve a daily demand at {@code batch}, each replica busy at most
   * {@code targetUtilisation} of the day (headroom for peaks).
   *
   * @param deployment the replica
   * @param workload the request shape
   * @param batch sequences per replica, {@code > 0}, must fit
   * @param inputTokensPerDay prompt tokens per day, {@code >= 0}
   * @param outputTokensPerDay generated tokens per day, {@code >= 0}
   * @param targetUtilisation busy fraction of a replica's day, in (0, 1]
   * @throws IllegalArgumentException if a figure is out of range or the batch does not fit
   */
  public static ServingFleet fleet(
      ServingDeployment deployment,
      ServingWorkload workload,
      long batch,
      double inputTokensPerDay,
      double outputTokensPerDay,
      double targetUtilisation) {
    Checks.nonNegative("inputTokensPerDay", inputTokensPerDay);
    Checks.nonNegative("outputTokensPerDay", outputTokensPerDay);
    Checks.positiveFraction("targetUtilisation", targetUtilisation);
    ServingEstimate estimate = estimate(deployment, workload, batch);
    double busy =
        inputTokensPerDay / estimate.inputTokensPerSecond() + outputTokensPerDay / estimate.outputTokensPerSecond();
    String demand =
        ExactCounts.inputs(
            "inputTokensPerDay", inputTokensPerDay,
            "outputTokensPerDay", outputTokensPerDay,
            "targetUtilisation", targetUtilisation);
    long replicas =
        ExactCounts.of(
            "serving replicas",
            demand,
            () -> ExactCounts.ceilToLong("replicas", busy / (Durations.SECONDS_PER_DAY * targetUtilisation)));
    long accelerators =
        ExactCounts.of(
            "serving accelerators", demand, () -> ExactCounts.times(replicas, deployment.tensorParallel()));
    return new ServingFleet(replicas, accelerators, busy, replicas * deployment.replicaUsdPerHour() * Durations.HOURS_PER_DAY);
  }
}
