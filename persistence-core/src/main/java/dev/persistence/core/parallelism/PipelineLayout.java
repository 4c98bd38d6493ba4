package dev.persistence.core.parallelism;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
import java.util.Arrays;
import java.util.List;

/**
 * Which transformer layers, and which of the embedding, the output head and the multi-token-prediction (MTP)
 * modules, sit on which pipeline stage and virtual chunk. This is the one place the rule lives: memory, step time
 * and the plan search all ask it.
 *
 * <p>The model is cut into {@code p x v} chunks in layer order; chunk {@code c} runs on stage {@code c mod p}
 * (Narayanan et al. 2021, arXiv:2104.04473 section 2.2.2). The embedding sits on chunk 0 (stage 0); the final
 * norm, the output head and any MTP modules on the last chunk (stage {@code p - 1}).
 *
 * <p>The default split ({@link #balanced}) gives every chunk {@code ceil(L / (p v))} layers, then takes the
 * {@code p v x ceil - L} missing layers one each from the last chunk, the first, the second-to-last, the second, and
 * so on, so that the chunks that also hold the head and the embedding are the lighter ones. For Llama 3 405B (126
 * layers) on 16 stages that is 7 layers on the first and last stage and 8 on the other fourteen, the split Meta ran
 * (Dubey et al. 2024, arXiv:2407.21783 section 3.3.2: "we reduce one Transformer layer each from the first and the
 * last stages"), which Megatron-Core spells {@code --decoder-first-pipeline-num-layers 7
 * --decoder-last-pipeline-num-layers 7}. An explicit split ({@link #ofChunks}) may leave the first or the last
 * chunk without layers (a chunk holding only the embedding or only the head), so {@code p x v} may exceed the layer
 * count by up to two.
 *
 * <p>Instances are immutable.
 */
public final class PipelineLayout {

  private final int pipelineParallel;
  private final int virtualPipelineStages;
  private final int[] layersPerChunk;
  private final int[] firstLayerOfChunk;
  private final int[] layersPerStage;
  private final int mtpModules;

  private PipelineLayout(int pipelineParallel, int virtualPipelineStages, int[] layersPerChunk, int mtpModules) {
    this.pipelineParallel = pipelineParallel;
    this.virtualPipelineStages = virtualPipelineStages;
    this.layersPerChunk = layersPerChunk;
    this.mtpModules = mtpModules;
    firstLayerOfChunk = new int[layersPerChunk.length];
    layersPerStage = new int[pipelineParallel];
    int next = 0;
    for (int c = 0; c < layersPerChunk.length; c++) {
      firstLayerOfChunk[c] = next;
      next += layersPerChunk[c];
      layersPerStage[c % pipelineParallel] += layersPerChunk[c];
    }
  }

  /**
   * The default split of {@code numLayers} layers over {@code pipelineParallel x virtualPipelineStages} chunks (see the
   * class comment).
   *
   * @throws IllegalArgumentException if a degree is not positive, or the split would leave a chunk other than the
   *     first and the last without layers
   */
  public static PipelineLayout balanced(int numLayers, int pipelineParallel, int virtualPipelineStages) {
    checkDegrees(numLayers, pipelineParallel, virtualPipelineStages);
    int chunks = Math.multiplyExact(pipelineParallel, virtualPipelineStages);
    int[] perChunk = new int[chunks];
    for (int c = 0; c < chunks; c++) {
      perChunk[c] = layersInChunk(numLayers, chunks, c);
    }
    return ofChunks(pipelineParallel, virtualPipelineStages, Arrays.stream(perChunk).boxed().toList(), 0);
  }

  /**
   * An explicit split: {@code layersPerChunk.get(c)} layers on chunk {@code c}, in layer order.
   *
   * @param pipelineParallel stages
   * @param virtualPipelineStages chunks per stage
   * @param layersPerChunk one count per chunk, {@code p x v} of them; only the first and the last may be 0
   * @param mtpModules multi-token-prediction modules, on the last chunk (DeepSeek-V3 section 2.2)
   * @throws IllegalArgumentException if the counts do not match the chunks or a middle chunk is empty
   */
  public static PipelineLayout ofChunks(
      int pipelineParallel, int virtualPipelineStages, List<Integer> layersPerChunk, int mtpModules) {
    Checks.positive("pipelineParallel", pipelineParallel);
    Checks.positive("virtualPipelineStages", virtualPipelineStages);
    Checks.nonNegative("mtpModules", mtpModules);
    int chunks = Math.multiplyExact(pipelineParallel, virtualPipelineStages);
    checkArgument(
        layersPerChunk.size() == chunks,
        "layersPerChunk has %s entries; it must have pipelineParallel x virtualPipelineStages (%s x %s = %s)",
        layersPerChunk.size(),
        pipelineParallel,
        virtualPipelineStages,
        chunks);
    int[] perChunk = new int[chunks];
    long total = 0;
    for (int c = 0; c < chunks; c++) {
      int n = layersPerChunk.get(c);
      checkArgument(n >= 0, "layersPerChunk[%s] (%s) must be >= 0", c, n);
      checkArgument(
          n > 0 || c == 0 || c == chunks - 1,
          "layersPerChunk[%s] (0) must be > 0: only the first chunk (embedding) and the last (head) may hold no"
              + " layers",
          c);
      perChunk[c] = n;
      total += n;
    }
    checkArgument(total > 0, "layersPerChunk must hold at least one layer");
    return new PipelineLayout(pipelineParallel, virtualPipelineStages, perChunk, mtpModules);
  }

  /**
   * Layers in chunk {@code chunk} of the {@linkplain #balanced default split}, computed without allocating
   * (for the search's inner loop).
   *
   * @param numLayers transformer layers
   * @param chunks {@code p x v}
   * @param chunk the chunk, from 0
   * @throws IllegalArgumentException if the chunk count is not in (0, numLayers + 2] or the chunk not among them
   */
  public static int layersInChunk(int numLayers, int chunks, int chunk) {
    if (numLayers <= 0 || chunks <= 0 || chunks > numLayers + 2L || chunk < 0 || chunk >= chunks) {
      throw new IllegalArgumentException(
          "numLayers ("
              + numLayers
              + "), chunks ("
              + chunks
              + ") and chunk ("
              + chunk
              + ") must have 0 < chunks <= numLayers + 2 and 0 <= chunk < chunks");
    }
    int base = (int) (((long) numLayers + chunks - 1) / chunks);
    int deficit = chunks * base - numLayers;
    int fromEnd = chunks - 1 - chunk;
    int rank = fromEnd <= chunk ? 2 * fromEnd : 2 * chunk + 1;
    return rank < deficit ? base - 1 : base;
  }

  /**
   * Layers on stage {@code stage} (all its chunks) of the default split, without allocating.
   *
   * @param numLayers transformer layers
   * @param pipelineParallel stages
   * @param virtualPipelineStages chunks per stage
   * @param stage the stage, from 0
   */
  public static int layersOnStage(int numLayers, int pipelineParallel, int virtualPipelineStages, int stage) {
    requireBoundedChunks(numLayers, pipelineParallel, virtualPipelineStages);
    if (stage < 0 || stage >= pipelineParallel) {
      throw new IllegalArgumentException(
          "stage (" + stage + ") must be in [0, pipelineParallel (" + pipelineParallel + "))");
    }
    int chunks = pipelineParallel * virtualPipelineStages;
    int layers = 0;
    for (int c = stage; c < chunks; c += pipelineParallel) {
      layers += layersInChunk(numLayers, chunks, c);
    }
    return layers;
  }

  /** The most layers any stage of the default split holds, without allocating. */
  public static int layersOnBusiestStage(int numLayers, int pipelineParallel, int virtualPipelineStages) {
    requireBoundedChunks(numLayers, pipelineParallel, virtualPipelineStages);
    int most = 0;
    for (int s = 0; s < pipelineParallel; s++) {
      most = Math.max(most, layersOnStage(numLayers, pipelineParallel, virtualPipelineStages, s));
    }
    return most;
  }

  /**
   * The most chunks ({@code pipelineParallel x virtualPipelineStages}) the allocation-free helpers accept: 65,536. A resource
   * limit, not a source: production pipelines run tens of stages and a few virtual chunks each, and the helpers'
   * loops, which run in the plan search, stay bounded by it.
   */
  public static final int MAX_CHUNKS = 1 << 16;

  /**
   * The most layers a model may have to be planned (memory per stage, step time): 65,536. A resource limit, not a
   * source: the deepest published decoders have a few hundred layers, and the planners walk every layer and
   * tabulate each stage's layers for every split, so a depth near 2^31 would run for minutes or exhaust the heap.
   * The parameter count takes any depth.
   */
  public static final int MAX_PLANNED_LAYERS = 1 << 16;

  /**
   * Checks that a model of {@code numLayers} layers can be planned.
   *
   * @param numLayers the model's layers
   * @throws IllegalArgumentException naming the value and the bound when it is above {@link #MAX_PLANNED_LAYERS}
   */
  public static void requirePlannableDepth(int numLayers) {
    if (numLayers > MAX_PLANNED_LAYERS) {
      throw new IllegalArgumentException(
          "numLayers (" + numLayers + ") must be <= " + MAX_PLANNED_LAYERS + " to be planned");
    }
  }

  // O(1), since the helpers run in the search's inner loop: degrees positive, p x v within the split's own bound
  // (chunks <= numLayers + 2) and MAX_CHUNKS, so that no degree near 2^31 makes them loop for minutes.
  private static void requireBoundedChunks(int numLayers, int pipelineParallel, int virtualPipelineStages) {
    long chunks = (long) pipelineParallel * virtualPipelineStages;
    if (numLayers <= 0 || pipelineParallel <= 0 || virtualPipelineStages <= 0 || chunks > numLayers + 2L || chunks > MAX_CHUNKS) {
      throw new IllegalArgumentException(
          "numLayers ("
              + numLayers
              + "), pipelineParallel ("
              + pipelineParallel
              + ") and virtualPipelineStages ("
              + virtualPipelineStages
              + ") must be positive with pipelineParallel x virtualPipelineStages <= numLayers + 2 and <= "
              + MAX_CHUNKS);
    }
  }

  /**
   * Whether the default split is possible: at most {@link #MAX_CHUNKS} chunks, and every chunk but the first and
   * the last holds a layer.
   *
   * @param numLayers transformer layers
   * @param pipelineParallel stages
   * @param virtualPipelineStages chunks per stage
   */
  public static boolean balancedSplitExists(int numLayers, int pipelineParallel, int virtualPipelineStages) {
    long chunks = (long) pipelineParallel * virtualPipelineStages;
    if (numLayers <= 0 || pipelineParallel <= 0 || virtualPipelineStages <= 0 || chunks > numLayers + 2L
        || chunks > MAX_CHUNKS) {
      return false;
    }
    int c = (int) chunks;
    for (int chunk = 1; chunk < c - 1; chunk++) {
      if (layersInChunk(numLayers, c, chunk) == 0) {
        return false;
      }
    }
    return true;
  }

  private static void checkDegrees(int numLayers, int pipelineParallel, int virtualPipelineStages) {
    Checks.positive("numLayers", numLayers);
    Checks.positive("pipelineParallel", pipelineParallel);
    Checks.positive("virtualPipelineStages", virtualPipelineStages);
    checkArgument(
        (long) pipelineParallel * virtualPipelineStages <= MAX_CHUNKS,
        "pipelineParallel x virtualPipelineStages (%s x %s) must not exceed %s chunks",
        pipelineParallel,
        virtualPipelineStages,
        MAX_CHUNKS);
    checkArgument(
        balancedSplitExists(numLayers, pipelineParallel, virtualPipelineStages),
        "pipelineParallel x virtualPipelineStages (%s x %s) must not exceed numLayers + 2 (%s) with a layer on"
            + " every chunk but the first and the last",
        pipelineParallel,
        virtualPipelineStages,
        numLayers + 2L);
  }

  /** Pipeline stages, {@code p}. */
  public int pipelineParallel() {
    return pipelineParallel;
  }

  /** Chunks per stage, {@code v}. */
  public int virtualPipelineStages() {
    return virtualPipelineStages;
  }

  /** Chunks, {@code p x v}. */
  public int chunks() {
    return layersPerChunk.length;
  }

  /** Transformer layers over all chunks. */
  public int numLayers() {
    return firstLayerOfChunk[chunks() - 1] + layersPerChunk[chunks() - 1];
  }

  /** Multi-token-prediction modules, on the last chunk. */
  public int mtpModules() {
    return mtpModules;
  }

  /** Layers in chunk {@code chunk}. */
  public int layersInChunk(int chunk) {
    checkArgument(chunk >= 0 && chunk < chunks(), "chunk (%s) must be in [0, %s)", chunk, chunks());
    return layersPerChunk[chunk];
  }

  /** Layers over all chunks of stage {@code stage}. */
  public int layersOnStage(int stage) {
    checkStage(stage);
    return layersPerStage[stage];
  }

  /** The chunk (from 0) that holds layer {@code layer}. */
  public int chunkOf(int layer) {
    checkArgument(layer >= 0 && layer < numLayers(), "layer (%s) must be in [0, %s)", layer, numLayers());
    int c = Arrays.binarySearch(firstLayerOfChunk, layer);
    if (c < 0) {
      c = -c - 2;
    }
    // Skip back over empty chunks that share this first-layer index.
    while (layersPerChunk[c] == 0) {
      c++;
    }
    return c;
  }

  /** The stage (from 0) that holds layer {@code layer}. */
  public int stageOf(int layer) {
    return chunkOf(layer) % pipelineParallel;
  }

  /** Whether layer {@code layer} is among the first {@code n} layers of its chunk. */
  public boolean amongFirstOfChunk(int layer, int n) {
    return layer - firstLayerOfChunk[chunkOf(layer)] < n;
  }

  /** Whether stage {@code stage} holds the input embedding (stage 0). */
  public boolean holdsEmbedding(int stage) {
    checkStage(stage);
    return stage == 0;
  }

  /** Whether stage {@code stage} holds the final norm, the output head and the MTP modules (the last stage). */
  public boolean holdsHead(int stage) {
    checkStage(stage);
    return stage == pipelineParallel - 1;
  }

  /** The most layers any stage holds. */
  public int layersOnBusiestStage() {
    return Arrays.stream(layersPerStage).max().orElse(0);
  }

  private void checkStage(int stage) {
    checkArgument(
        stage >= 0 && stage < pipelineParallel, "stage (%s) must be in [0, pipelineParallel (%s))", stage,
        pipelineParallel);
  }

  @Override
  public String toString() {
    return "PipelineLayout" + Arrays.toString(layersPerChunk) + " on " + pipelineParallel + " stages";
  }
}
