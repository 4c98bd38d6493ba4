package dev.persistence.costing.search;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.MixtureOfExperts;
import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.core.parallelism.ImmutableParallelismPlan;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.parallelism.PipelineLayout;
import dev.persistence.core.parallelism.PipelineSchedule;
import dev.persistence.core.parallelism.RecomputedModule;
import dev.persistence.core.parallelism.ZeroStage;
import dev.persistence.costing.steptime.AttentionKernel;
import dev.persistence.costing.steptime.PlanEvaluator;
import dev.persistence.costing.steptime.StepTimeEstimate;
import dev.persistence.costing.steptime.StepTimeModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Finds the fastest (or cheapest) parallelism plans for a model, a cluster, a global batch and a sequence
 * length by enumerating every valid plan.
 *
 * <p>The enumeration covers tensor parallelism (divisors of the attention heads), context parallelism (powers of
 * two dividing the sequence), pipeline parallelism (every degree up to the layers that divides the accelerators
 * left), virtual stages (those dividing the layers per stage evenly, with micro-batches a multiple of the
 * pipeline degree, Megatron-LM's rules), data parallelism (what remains), expert parallelism (divisors of the
 * experts that divide data x context), micro-batch sizes dividing the per-replica batch, sequence parallelism
 * (with tensor parallelism), the three recomputation modes, ZeRO stages 0-3 (with data parallelism) and,
 * optionally, optimizer and activation offload.
 *
 * <p>Speed: the architecture's constants are computed once ({@link StepTimeModel}); per tensor/context/expert/
 * micro-batch/sequence-parallel combination the layer costs are computed once; the inner loops then check memory
 * first (plans that do not fit are never timed) and time the rest with primitive arithmetic and no allocation.
 * The best plans are then re-estimated with the typed model and the exact {@code TrainingMemory}, and any that
 * does not fit is dropped, so every returned plan fits.
 */
public final class PlanSearch {

  private static final ActivationRecomputation[] RECOMPUTATIONS = ActivationRecomputation.values();

  /**
   * Recomputation settings the search tries: the named ones (none, selective, full) and, after them, the
   * recomputation of the memory-bound modules alone ({@link PlanEvaluator#MEMORY_BOUND_MODULES}), which frees
   * the large activation inputs for a few percent of memory-bound time.
   */
  private static final int MEMORY_BOUND_MODULES = RECOMPUTATIONS.length;

  private static final int RECOMPUTATION_OPTIONS = RECOMPUTATIONS.length + 1;

  private static ActivationRecomputation recomputation(int option) {
    return option == MEMORY_BOUND_MODULES ? ActivationRecomputation.SELECTIVE : RECOMPUTATIONS[option];
  }

  private static Set<RecomputedModule> recomputedModules(int option) {
    return option == MEMORY_BOUND_MODULES ? PlanEvaluator.MEMORY_BOUND_MODULES : Set.of();
  }

  private PlanSearch() {}

  /**
   * Searches for the best plans.
   *
   * @param request what to search for
   * @return the best plans (possibly none, when nothing fits), with counts and the time taken
   */
  public static SearchResult search(SearchRequest request) {
    long start = System.nanoTime();
    StepTimeModel model =
        StepTimeModel.of(
            request.architecture(),
            request.cluster(),
            request.precision(),
            request.calibration(),
            request.attentionKernel(),
            request.flopConvention());
    Candidates candidates = new Candidates(request.top() * 4 + 8);
    long[] counts = new long[2];
    if (request.objective() == Objective.COST) {
      for (int n : divisors(request.acceleratorCount())) {
        enumerate(request, model, n, true, candidates, counts);
      }
    } else {
      enumerate(request, model, request.acceleratorCount(), false, candidates, counts);
    }
    List<StepTimeEstimate> plans = verify(request, model, candidates);
    return new SearchResult(plans, counts[0], counts[1], (System.nanoTime() - start) / 1e9);
  }

  /**
   * The Pareto front of step time against accelerator count: for each count dividing the request's, the fastest
   * plan, keeping only counts whose plan is faster than that of every smaller count.
   *
   * @param request what to search for (its objective and top are ignored)
   * @return the front, smallest count first
   */
  public static List<StepTimeEstimate> paretoFront(SearchRequest request) {
    List<StepTimeEstimate> front = new ArrayList<>();
    double best = Double.POSITIVE_INFINITY;
    StepTimeModel model =
        StepTimeModel.of(request.architecture(), request.cluster(), request.precision(), request.calibration(),
            request.attentionKernel(), request.flopConvention());
    for (int n : divisors(request.acceleratorCount())) {
      Candidates candidates = new Candidates(8);
      enumerate(request.withTop(1), model, n, false, candidates, new long[2]);
      List<StepTimeEstimate> plans = verify(request.withTop(1), model, candidates);
      if (!plans.isEmpty() && plans.get(0).stepSeconds() < best) {
        best = plans.get(0).stepSeconds();
        front.add(plans.get(0));
      }
    }
    return front;
  }

  private static void enumerate(
      SearchRequest request, StepTimeModel model, int n, boolean cost, Candidates candidates, long[] counts) {
    Architecture architecture = request.architecture();
    int layers = architecture.numLayers();
    int heads = architecture.attention().numAttentionHeads();
    int experts =
        architecture.feedForward() instanceof MixtureOfExperts
            ? ((MixtureOfExperts) architecture.feedForward()).numExperts()
            : 1;
    int s = request.sequenceLength();
    int globalBatch = request.globalBatchSize();
    FastMemory memory =
        new FastMemory(
            architecture, request.precision(), request.allowance(), request.cluster().accelerator().memoryBytes());
    PlanEvaluator evaluator = PlanEvaluator.of(model);
    ZeroStage[] zeroStages = ZeroStage.values();
    double[] activationBytes = new double[RECOMPUTATION_OPTIONS];
    boolean hybrid = memory.hybrid();
    double[][] kindActivationBytes = new double[RECOMPUTATION_OPTIONS][FastMemory.KINDS];

    int[] tensorDegrees = divisors(heads);
    int[] expertDegrees = divisors(experts);
    int offloadOptions = request.offload() ? 2 : 1;
    long evaluated = 0;
    long fitting = 0;
    for (int t : tensorDegrees) {
      if (n % t != 0) {
        continue;
      }
      for (int c = 1; c <= n / t && s % c == 0; c *= 2) {
        if ((n / t) % c != 0) {
          break;
        }
        int rest = n / (t * c);
        for (int e : expertDegrees) {
          for (int b = 1; b <= request.maxMicroBatchSize() && b <= globalBatch; b++) {
            if (globalBatch % b != 0) {
              continue;
            }
            for (int spIndex = 0; spIndex < (t > 1 ? 2 : 1); spIndex++) {
              boolean sp = spIndex == 1;
              PlanEvaluator.LayerCosts layer =
                  evaluator.layerCosts(t, c, e, b, s, sp, request.tensorParallelCommunication());
              for (int r = 0; r < RECOMPUTATION_OPTIONS; r++) {
                activationBytes[r] =
                    memory.meanLayerActivationBytes(
                        t, c, b, s, sp, recomputation(r), recomputedModules(r),
                        request.attentionKernel() == AttentionKernel.FUSED);
                if (hybrid) {
                  memory.kindActivationBytes(
                      t, c, b, s, sp, recomputation(r), recomputedModules(r),
                      request.attentionKernel() == AttentionKernel.FUSED, kindActivationBytes[r]);
                }
              }
              for (int p = 1; p <= layers && p <= rest; p++) {
                if (rest % p != 0) {
                  continue;
                }
                int d = rest / p;
                if (((long) d * c) % e != 0 || globalBatch % ((long) b * d) != 0) {
                  continue;
                }
                int microBatches = globalBatch / (b * d);
                int dataRanks = d * c;
                for (int v = 1; v == 1 || (long) p * v <= layers + 2L; v++) {
                  if (v > 1
                      && (p == 1
                          || !PipelineLayout.balancedSplitExists(layers, p, v)
                          || microBatches % p != 0)) {
                    if (p == 1) {
                      break;
                    }
                    continue;
                  }
                  // DualPipe where the pipeline allows it: an even degree without virtual stages, and at least
                  // p micro-batches entering from each end (DeepSeek-V3 section 3.2.1 feeds micro-batches from
                  // both ends; its bubble formula, Table 2, holds only once both directions fill the pipeline).
                  int schedules = v == 1 && p > 1 && p % 2 == 0 && microBatches >= 2 * p ? 2 : 1;
                  for (int schedule = 0; schedule < schedules; schedule++) {
                    boolean dualPipe = schedule == 1;
                    for (int r = 0; r < RECOMPUTATION_OPTIONS; r++) {
                      for (int zero = 0; zero <= (dataRanks > 1 ? 3 : 0); zero++) {
                        for (int optimizerOffload = 0; optimizerOffload < offloadOptions; optimizerOffload++) {
                          for (int activationOffload = 0; activationOffload < offloadOptions; activationOffload++) {
                            evaluated++;
                            boolean offloadOptimizer = optimizerOffload == 1;
                            boolean offloadActivations = activationOffload == 1;
                            boolean fits =
                                hybrid
                                    ? memory.fitsHybrid(t, p, v, d, c, e, b, microBatches, s, kindActivationBytes[r],
                                        zero, offloadOptimizer, offloadActivations, dualPipe)
                                    : memory.fits(t, p, v, d, c, e, b, microBatches, s, activationBytes[r], zero,
                                        offloadOptimizer, offloadActivations, dualPipe);
                            if (!fits) {
                              continue;
                            }
                            fitting++;
                            double offloaded =
                                offloadActivations ? activationBytes[r] * ((layers + p - 1) / p) : 0;
                            double step =
                                dualPipe
                                    ? evaluator.stepSecondsDualPipe(layer, p, d, globalBatch, recomputation(r),
                                        r == MEMORY_BOUND_MODULES, zeroStages[zero], offloadOptimizer, offloaded)
                                    : r == MEMORY_BOUND_MODULES
                                        ? evaluator.stepSecondsRecomputingMemoryBoundModules(layer, p, v, d,
                                            globalBatch, zeroStages[zero], offloadOptimizer, offloaded)
                                        : evaluator.stepSeconds(layer, p, v, d, globalBatch, RECOMPUTATIONS[r],
                                            zeroStages[zero], offloadOptimizer, offloaded);
                            double score = cost ? step * n : step;
                            if (score < candidates.worst()) {
                              candidates.offer(score, t, p, v, d, c, e, b, r, zero, sp, offloadOptimizer,
                                  offloadActivations, dualPipe);
                            }
                          }
                        }
                      }
                  }
                  }
                }
              }
            }
          }
        }
      }
    }
    counts[0] += evaluated;
    counts[1] += fitting;
  }

  private static List<StepTimeEstimate> verify(
      SearchRequest request, StepTimeModel model, Candidates candidates) {
    List<StepTimeEstimate> plans = new ArrayList<>();
    for (int i = 0; i < candidates.size && plans.size() < request.top(); i++) {
      ParallelismPlan plan =
          ParallelismPlan.builder()
              .tensorParallel(candidates.tensor[i])
              .pipelineParallel(candidates.pipeline[i])
              .virtualPipelineStages(candidates.virtual[i])
              .dataParallel(candidates.data[i])
              .contextParallel(candidates.context[i])
              .expertParallel(candidates.expert[i])
              .microBatchSize(candidates.microBatch[i])
              .globalBatchSize(request.globalBatchSize())
              .sequenceLength(request.sequenceLength())
              .recomputation(recomputation(candidates.recomputation[i]))
              .recomputedModules(recomputedModules(candidates.recomputation[i]))
              .zeroStage(ZeroStage.of(candidates.zero[i]))
              .sequenceParallel(candidates.sequenceParallel[i])
              .tensorParallelCommunication(request.tensorParallelCommunication())
              .optimizerOffload(candidates.optimizerOffload[i])
              .activationOffload(candidates.activationOffload[i])
              .fusedAttention(request.attentionKernel() == AttentionKernel.FUSED)
              .pipelineSchedule(
                  candidates.dualPipe[i] ? PipelineSchedule.DUAL_PIPE : PipelineSchedule.ONE_F_ONE_B)
              .build();
      StepTimeEstimate estimate = model.estimate(plan, request.allowance());
      // The split that counts the embedding and the output layer as a layer each (Llama 3's: one layer fewer on
      // the first and the last stage, Dubey et al. 2024 section 3.3.2), tried beside the balanced one for the best
      // plans: it relieves the first stage's activations and the last stage's head.
      List<Integer> uneven =
          candidates.dualPipe[i]
              ? null
              : embeddingAndHeadSplit(request.architecture().numLayers(), plan.pipelineParallel(),
                  plan.virtualPipelineStages());
      if (uneven != null) {
        StepTimeEstimate split =
            model.estimate(
                ImmutableParallelismPlan.copyOf(plan).withLayersPerChunk(uneven),
                request.allowance());
        if (split.fits() && (!estimate.fits() || split.stepSeconds() < estimate.stepSeconds())) {
          estimate = split;
        }
      }
      if (estimate.fits()) {
        plans.add(estimate);
      }
    }
    Comparator<StepTimeEstimate> order =
        request.objective() == Objective.COST
            ? Comparator.comparingDouble(x -> x.stepSeconds() * x.plan().acceleratorCount())
            : Comparator.comparingDouble(StepTimeEstimate::stepSeconds);
    plans.sort(order);
    return List.copyOf(plans);
  }

  /**
   * Layers per chunk when the embedding and the output layer each count as one layer: {@code L + 2} units spread
   * evenly over the {@code p x v} chunks (the extra units on the middle chunks), less one on the first and one on
   * the last chunk; null without a pipeline, when it equals the balanced split, or when a middle chunk would be
   * empty.
   */
  static List<Integer> embeddingAndHeadSplit(int layers, int p, int v) {
    int chunks = p * v;
    if (p == 1 || chunks > layers + 2) {
      return null;
    }
    int units = layers + 2;
    int[] perChunk = new int[chunks];
    Arrays.fill(perChunk, units / chunks);
    int remaining = units % chunks;
    for (int c = 1; c < chunks - 1 && remaining > 0; c++, remaining--) {
      perChunk[c]++;
    }
    if (remaining > 0) {
      perChunk[0]++;
      remaining--;
    }
    if (remaining > 0) {
      perChunk[chunks - 1]++;
    }
    perChunk[0]--;
    perChunk[chunks - 1]--;
    PipelineLayout balanced = PipelineLayout.balanced(layers, p, v);
    boolean same = true;
    List<Integer> split = new ArrayList<>(chunks);
    for (int c = 0; c < chunks; c++) {
      if (perChunk[c] < 0 || (perChunk[c] == 0 && c > 0 && c < chunks - 1)) {
        return null;
      }
      same &= perChunk[c] == balanced.layersInChunk(c);
      split.add(perChunk[c]);
    }
    return same ? null : split;
  }

  /** Divisors of {@code n}, ascending. */
  static int[] divisors(int n) {
    int count = 0;
    for (int i = 1; i <= n; i++) {
      if (n % i == 0) {
        count++;
      }
    }
    int[] result = new int[count];
    int k = 0;
    for (int i = 1; i <= n; i++) {
      if (n % i == 0) {
        result[k++] = i;
      }
    }
    return result;
  }

  /** The best plans so far, sorted by score, in parallel primitive arrays (no allocation per offer). */
  static final class Candidates {
    final int capacity;
    int size;
    final double[] score;
    final int[] tensor;
    final int[] pipeline;
    final int[] virtual;
    final int[] data;
    final int[] context;
    final int[] expert;
    final int[] microBatch;
    final int[] recomputation;
    final int[] zero;
    final boolean[] sequenceParallel;
    final boolean[] optimizerOffload;
    final boolean[] activationOffload;
    final boolean[] dualPipe;

    Candidates(int capacity) {
      this.capacity = capacity;
      score = new double[capacity];
      tensor = new int[capacity];
      pipeline = new int[capacity];
      virtual = new int[capacity];
      data = new int[capacity];
      context = new int[capacity];
      expert = new int[capacity];
      microBatch = new int[capacity];
      recomputation = new int[capacity];
      zero = new int[capacity];
      sequenceParallel = new boolean[capacity];
      optimizerOffload = new boolean[capacity];
      activationOffload = new boolean[capacity];
      dualPipe = new boolean[capacity];
    }

    double worst() {
      return size < capacity ? Double.POSITIVE_INFINITY : score[size - 1];
    }

    void offer(double value, int t, int p, int v, int d, int c, int e, int b, int r, int z, boolean sp,
        boolean optimizer, boolean activations, boolean dual) {
      int i = size < capacity ? size++ : capacity - 1;
      while (i > 0 && score[i - 1] > value) {
        copy(i - 1, i);
        i--;
      }
      score[i] = value;
      tensor[i] = t;
      pipeline[i] = p;
      virtual[i] = v;
      data[i] = d;
      context[i] = c;
      expert[i] = e;
      microBatch[i] = b;
      recomputation[i] = r;
      zero[i] = z;
      sequenceParallel[i] = sp;
      optimizerOffload[i] = optimizer;
      activationOffload[i] = activations;
      dualPipe[i] = dual;
    }

    private void copy(int from, int to) {
      score[to] = score[from];
      tensor[to] = tensor[from];
      pipeline[to] = pipeline[from];
      virtual[to] = virtual[from];
      data[to] = data[from];
      context[to] = context[from];
      expert[to] = expert[from];
      microBatch[to] = microBatch[from];
      recomputation[to] = recomputation[from];
      zero[to] = zero[from];
      sequenceParallel[to] = sequenceParallel[from];
      optimizerOffload[to] = optimizerOffload[from];
      activationOffload[to] = activationOffload[from];
      dualPipe[to] = dualPipe[from];
    }
  }

}
