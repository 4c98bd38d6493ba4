package dev.persistence.testkit.architecture;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.Attention;
import dev.persistence.core.architecture.DenseFeedForward;
import dev.persistence.core.architecture.FeedForward;
import dev.persistence.core.architecture.GroupedQueryAttention;
import dev.persistence.core.architecture.MixtureOfExperts;
import dev.persistence.core.architecture.MultiHeadLatentAttention;
import dev.persistence.core.architecture.NormKind;
import dev.persistence.core.architecture.ParameterBreakdown;
import dev.persistence.core.architecture.ParameterComponent;
import dev.persistence.core.architecture.PositionEncoding;
import dev.persistence.core.architecture.QueryKeyNorm;
import dev.persistence.testkit.Gen;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Generators of valid architectures and their parts, valid by construction and spanning realistic ranges:
 * 10M to 2T total parameters, hidden sizes 256 to 16384, 2 to 128 layers, vocabularies of 4k to 256k, dense and
 * mixture-of-experts feed-forward blocks, multi-head, grouped-query, multi-query and multi-head latent
 * attention.
 *
 * <p>Heads always divide as the core types require (key/value heads divide query heads); a mixture of experts
 * always has a sparse layer and a dense block for its dense layers. Every generator shrinks toward a small,
 * plain model.
 */
public final class ArchitectureGen {

  /** Smallest total parameter count of a generated architecture. */
  public static final long MIN_PARAMETERS = 10_000_000L;

  /** Largest total parameter count of a generated architecture. */
  public static final long MAX_PARAMETERS = 2_000_000_000_000L;

  private ArchitectureGen() {}

  /** Dense and mixture-of-experts architectures, equally likely, of 10M to 2T parameters. */
  public static Gen<Architecture> architectures() {
    return Gen.oneOf(dense(), mixtureOfExperts());
  }

  /** Architectures whose every layer has a dense feed-forward block, of 10M to 2T parameters. */
  public static Gen<Architecture> dense() {
    return architectures(false);
  }

  /** Architectures with mixture-of-experts layers, of 10M to 2T parameters. */
  public static Gen<Architecture> mixtureOfExperts() {
    return architectures(true);
  }

  /** The parameter breakdowns of {@link #architectures()}. */
  public static Gen<ParameterBreakdown> parameterBreakdowns() {
    return architectures().map(Architecture::parameters);
  }

  private static Gen<Architecture> architectures(boolean sparse) {
    Gen<List<Integer>> shapes =
        Gen.zip(hiddenSizes(), layerCounts(), vocabularySizes(), contextLengths(), List::of);
    return shapes
        .flatMap(
            shape -> {
              int hidden = shape.get(0);
              int layers = shape.get(1);
              Gen<? extends FeedForward> feedForward =
                  sparse ? mixtureOfExpertsFeedForward(hidden, layers) : denseFeedForward(hidden);
              return Gen.zip(
                  attention(hidden),
                  feedForward,
                  layout(layers),
                  (attention, ffn, layout) -> build(shape, attention, ffn, layout));
            })
        .filter(
            "total parameters in [1e7, 2e12]",
            architecture -> {
              long total = architecture.parameters().totalParameters();
              return total >= MIN_PARAMETERS && total <= MAX_PARAMETERS;
            });
  }

  /** Norms, embeddings, positions and sliding windows: the rest of an architecture. */
  private record Layout(
      NormKind normKind,
      int normsPerLayer,
      boolean finalNorm,
      boolean tiedEmbeddings,
      boolean outputHeadBias,
      PositionEncoding positionEncoding,
      OptionalInt slidingWindow,
      int slidingWindowLayers,
      boolean parallelBlocks) {}

  private static Gen<Layout> layout(int layers) {
    Gen<OptionalInt> windows =
        Gen.frequency(
            Gen.weighted(3, Gen.constant(OptionalInt.empty())),
            Gen.weighted(1, Gen.elements(512, 1024, 4096, 8192).map(OptionalInt::of)));
    Gen<List<Object>> windowAndLayers =
        windows.flatMap(
            window ->
                window.isPresent()
                    ? Gen.integers(0, layers).map(count -> List.<Object>of(window, count))
                    : Gen.constant(List.<Object>of(window, 0)));
    List<Gen<?>> parts =
        List.of(
            normKinds(),
            Gen.elements(2, 1, 4),
            Gen.elements(true, false),
            Gen.booleans(),
            Gen.frequency(Gen.weighted(9, Gen.constant(false)), Gen.weighted(1, Gen.constant(true))),
            positionEncodings(),
            windowAndLayers,
            Gen.frequency(Gen.weighted(4, Gen.constant(false)), Gen.weighted(1, Gen.constant(true))));
    return Gen.combine(parts)
        .map(
            values -> {
              List<?> window = (List<?>) values.get(6);
              return new Layout(
                  (NormKind) values.get(0),
                  (Integer) values.get(1),
                  (Boolean) values.get(2),
                  (Boolean) values.get(3),
                  (Boolean) values.get(4),
                  (PositionEncoding) values.get(5),
                  (OptionalInt) window.get(0),
                  (Integer) window.get(1),
                  (Boolean) values.get(7));
            });
  }

  private static Architecture build(List<Integer> shape, Attention attention, FeedForward feedForward, Layout layout) {
    return Architecture.builder()
        .family("generated")
        .hiddenSize(shape.get(0))
        .numLayers(shape.get(1))
        .vocabSize(shape.get(2))
        .contextLength(shape.get(3))
        .attention(attention)
        .feedForward(feedForward)
        .normKind(layout.normKind())
        .normsPerLayer(layout.normsPerLayer())
        .finalNorm(layout.finalNorm())
        .tiedEmbeddings(layout.tiedEmbeddings())
        .outputHeadBias(layout.outputHeadBias())
        .positionEncoding(layout.positionEncoding())
        .slidingWindow(layout.slidingWindow())
        .slidingWindowLayers(layout.slidingWindowLayers())
        .parallelAttentionAndFeedForward(layout.parallelBlocks())
        .build();
  }

  // ---------------------------------------------------------------------------------------------- shapes

  /** Hidden sizes: multiples of 128 from 256 to 16384, log-uniform; shrinks toward 256. */
  public static Gen<Integer> hiddenSizes() {
    return Gen.logUniformLongs(2, 128).map(multiple -> Math.toIntExact(multiple * 128));
  }

  /** Layer counts from 2 to 128, log-uniform; shrinks toward 2. */
  public static Gen<Integer> layerCounts() {
    return Gen.logUniformLongs(2, 128).map(Math::toIntExact);
  }

  /** Vocabulary sizes: common published ones (32000, 50257, 128256, ...) or any size in 4096 to 262144. */
  public static Gen<Integer> vocabularySizes() {
    return Gen.frequency(
        Gen.weighted(1, Gen.elements(32_000, 50_257, 65_536, 100_352, 128_256, 151_936, 256_000)),
        Gen.weighted(1, Gen.logUniformLongs(4_096, 262_144).map(Math::toIntExact)));
  }

  /** Context lengths: powers of two from 2048 to 131072; shrinks toward 2048. */
  public static Gen<Integer> contextLengths() {
    return Gen.powersOfTwo(2_048, 131_072);
  }

  // ---------------------------------------------------------------------------------------------- attention

  /**
   * Any attention for a model of width {@code hiddenSize}: multi-head, grouped-query or multi-query (3 in 4)
   * or multi-head latent (1 in 4).
   *
   * @param hiddenSize the model's hidden size, a multiple of 128
   * @return the generator
   */
  public static Gen<Attention> attention(int hiddenSize) {
    return Gen.frequency(
        Gen.weighted(3, groupedQueryAttention(hiddenSize)),
        Gen.weighted(1, multiHeadLatentAttention(hiddenSize)));
  }

  /**
   * Multi-head, grouped-query or multi-query attention (one, two and one in four): head width 64, 128 or 256,
   * usually {@code heads x headDim == hiddenSize}, sometimes decoupled (Gemma, Qwen3); key/value heads always
   * divide query heads.
   *
   * @param hiddenSize the model's hidden size, a multiple of 128
   * @return the generator
   */
  public static Gen<GroupedQueryAttention> groupedQueryAttention(int hiddenSize) {
    return queryHeads(hiddenSize)
        .flatMap(
            heads ->
                Gen.frequency(
                        Gen.weighted(1, Gen.constant(heads.get(0))),
                        Gen.weighted(2, groupedKeyValueHeads(heads.get(0))),
                        Gen.weighted(1, Gen.constant(1)))
                    .flatMap(kvHeads -> attentionOptions(heads.get(0), kvHeads, heads.get(1))));
  }

  /**
   * Multi-head attention: as many key/value heads as query heads.
   *
   * @param hiddenSize the model's hidden size, a multiple of 128
   * @return the generator
   */
  public static Gen<GroupedQueryAttention> multiHeadAttention(int hiddenSize) {
    return queryHeads(hiddenSize).flatMap(heads -> attentionOptions(heads.get(0), heads.get(0), heads.get(1)));
  }

  /**
   * Multi-query attention: one key/value head.
   *
   * @param hiddenSize the model's hidden size, a multiple of 128
   * @return the generator
   */
  public static Gen<GroupedQueryAttention> multiQueryAttention(int hiddenSize) {
    return queryHeads(hiddenSize).flatMap(heads -> attentionOptions(heads.get(0), 1, heads.get(1)));
  }

  /** Query heads and head width: {@code [heads, headDim]}. */
  private static Gen<List<Integer>> queryHeads(int hiddenSize) {
    List<Integer> dims = new ArrayList<>();
    for (int dim : new int[] {128, 64, 256}) {
      // At least two heads, so that multi-query and multi-head attention stay distinct.
      if (hiddenSize % dim == 0 && hiddenSize / dim >= 2) {
        dims.add(dim);
      }
    }
    Gen<List<Integer>> coupled = Gen.elements(dims).map(dim -> List.of(hiddenSize / dim, dim));
    Gen<List<Integer>> decoupled =
        Gen.zip(Gen.powersOfTwo(2, 128), Gen.elements(128, 64, 256), List::of);
    return Gen.frequency(Gen.weighted(4, coupled), Gen.weighted(1, decoupled));
  }

  /** Key/value head counts strictly between 1 and {@code heads} that divide it, or all divisors if none. */
  private static Gen<Integer> groupedKeyValueHeads(int heads) {
    List<Integer> proper = new ArrayList<>();
    List<Integer> all = new ArrayList<>();
    for (int candidate = 1; candidate <= heads; candidate++) {
      if (heads % candidate == 0) {
        all.add(candidate);
        if (candidate > 1 && candidate < heads) {
          proper.add(candidate);
        }
      }
    }
    return Gen.elements(proper.isEmpty() ? all : proper);
  }

  private static Gen<GroupedQueryAttention> attentionOptions(int heads, int kvHeads, int headDim) {
    List<Gen<?>> options =
        List.of(
            Gen.booleans(),
            Gen.frequency(Gen.weighted(4, Gen.constant(false)), Gen.weighted(1, Gen.constant(true))),
            Gen.enumValues(QueryKeyNorm.class),
            normKinds(),
            Gen.frequency(Gen.weighted(4, Gen.constant(false)), Gen.weighted(1, Gen.constant(true))));
    return Gen.combine(options)
        .map(
            values ->
                GroupedQueryAttention.builder()
                    .numAttentionHeads(heads)
                    .numKeyValueHeads(kvHeads)
                    .headDim(headDim)
                    .queryKeyValueBias((Boolean) values.get(0))
                    .outputBias((Boolean) values.get(1))
                    .queryKeyNorm((QueryKeyNorm) values.get(2))
                    .queryKeyNormKind((NormKind) values.get(3))
                    .attentionSinks((Boolean) values.get(4))
                    .build());
  }

  /**
   * Multi-head latent attention (DeepSeek-V2/V3 shapes): 2 to 128 heads, optional query compression of rank 256
   * to 1536, key/value latent of rank 128 to 512, rotary part 0 to 64, value heads 64 or 128.
   *
   * @param hiddenSize the model's hidden size (unused by the shape, which MLA decouples from it)
   * @return the generator
   */
  public static Gen<MultiHeadLatentAttention> multiHeadLatentAttention(int hiddenSize) {
    Gen<OptionalInt> queryRanks =
        Gen.frequency(
            Gen.weighted(1, Gen.constant(OptionalInt.empty())),
            Gen.weighted(2, Gen.integers(4, 24).map(multiple -> OptionalInt.of(64 * multiple))));
    List<Gen<?>> parts =
        List.of(
            Gen.powersOfTwo(2, 128),
            queryRanks,
            Gen.integers(2, 8).map(multiple -> 64 * multiple),
            Gen.elements(128, 64),
            Gen.elements(64, 32, 0),
            Gen.elements(128, 64),
            Gen.booleans(),
            normKinds());
    return Gen.combine(parts)
        .map(
            values ->
                MultiHeadLatentAttention.builder()
                    .numAttentionHeads((Integer) values.get(0))
                    .queryLowRank((OptionalInt) values.get(1))
                    .keyValueLowRank((Integer) values.get(2))
                    .queryKeyNoRopeHeadDim((Integer) values.get(3))
                    .queryKeyRopeHeadDim((Integer) values.get(4))
                    .valueHeadDim((Integer) values.get(5))
                    .bias((Boolean) values.get(6))
                    .latentNormKind((NormKind) values.get(7))
                    .build());
  }

  // ---------------------------------------------------------------------------------------------- feed-forward

  /**
   * Dense feed-forward blocks of width 2 to 6 times {@code hiddenSize} (a multiple of 64), gated or plain, with
   * or without biases.
   *
   * @param hiddenSize the model's hidden size, a multiple of 128
   * @return the generator
   */
  public static Gen<DenseFeedForward> denseFeedForward(int hiddenSize) {
    int unit = Math.max(1, hiddenSize / 32);
    return Gen.zip(
        Gen.integers(unit, 3 * unit).map(multiple -> 64 * multiple),
        Gen.booleans(),
        Gen.frequency(Gen.weighted(3, Gen.constant(false)), Gen.weighted(1, Gen.constant(true))),
        (width, gated, bias) ->
            DenseFeedForward.builder().intermediateSize(width).gated(gated).bias(bias).build());
  }

  /**
   * Mixture-of-experts blocks for a model of {@code numLayers} layers: 1 to 256 routed experts (usually a power
   * of two), top-1 to top-8, experts of width {@code hidden/4} to {@code 2 x hidden}, 0 to 2 shared experts, and
   * layer layouts with leading dense layers and every-other-layer sparsity; always at least one sparse layer,
   * and a dense block whenever a layer is dense.
   *
   * @param hiddenSize the model's hidden size, a multiple of 128
   * @param numLayers the model's layers, {@code >= 2}
   * @return the generator
   */
  public static Gen<MixtureOfExperts> mixtureOfExpertsFeedForward(int hiddenSize, int numLayers) {
    Gen<Integer> experts =
        Gen.frequency(
            Gen.weighted(3, Gen.elements(8, 16, 32, 64, 128, 256)), Gen.weighted(1, Gen.integers(1, 256)));
    int unit = Math.max(1, hiddenSize / 256);
    Gen<List<Integer>> layouts =
        Gen.integers(0, Math.max(0, Math.min(3, numLayers - 2)))
            .flatMap(
                firstDense ->
                    Gen.elements(1, 2)
                        .flatMap(
                            period ->
                                Gen.integers(0, period - 1)
                                    .map(phase -> List.of(firstDense, period, phase))));
    Gen<List<Integer>> shared =
        Gen.integers(0, 2)
            .flatMap(
                count ->
                    count == 0
                        ? Gen.constant(List.of(0, 0))
                        : Gen.booleans().map(gate -> List.of(count, gate ? 1 : 0)));
    Gen<List<Object>> sizes =
        experts.flatMap(
            count ->
                Gen.zip(
                    Gen.integers(1, Math.min(8, count)),
                    Gen.integers(unit, 8 * unit).map(multiple -> 64 * multiple),
                    (top, width) -> List.<Object>of(count, top, width)));
    List<Gen<?>> parts =
        List.of(
            sizes,
            shared,
            layouts,
            Gen.elements(true, false),
            Gen.booleans(),
            Gen.booleans(),
            Gen.booleans(),
            denseFeedForward(hiddenSize));
    return Gen.combine(parts)
        .map(
            values -> {
              List<?> size = (List<?>) values.get(0);
              List<?> sharing = (List<?>) values.get(1);
              List<?> layout = (List<?>) values.get(2);
              int firstDense = (Integer) layout.get(0);
              int period = (Integer) layout.get(1);
              boolean anyDense = firstDense > 0 || period > 1;
              return MixtureOfExperts.builder()
                  .numExperts((Integer) size.get(0))
                  .expertsPerToken((Integer) size.get(1))
                  .expertIntermediateSize((Integer) size.get(2))
                  .numSharedExperts((Integer) sharing.get(0))
                  .sharedExpertGate((Integer) sharing.get(1) == 1)
                  .firstDenseLayers(firstDense)
                  .layerPeriod(period)
                  .layerPhase((Integer) layout.get(2))
                  .gated((Boolean) values.get(3))
                  .expertBias((Boolean) values.get(4))
                  .routerBias((Boolean) values.get(5))
                  .expertScoreCorrectionBias((Boolean) values.get(6))
                  .denseFeedForward(
                      anyDense ? Optional.of((DenseFeedForward) values.get(7)) : Optional.empty())
                  .build();
            });
  }

  // ---------------------------------------------------------------------------------------------- enums

  /** Every {@link NormKind}, shrinking toward {@code RMS_NORM}. */
  public static Gen<NormKind> normKinds() {
    return Gen.enumValues(NormKind.class);
  }

  /** Every {@link PositionEncoding}, shrinking toward {@code ROTARY}. */
  public static Gen<PositionEncoding> positionEncodings() {
    return Gen.enumValues(PositionEncoding.class);
  }

  /** Every {@link QueryKeyNorm}, shrinking toward {@code NONE}. */
  public static Gen<QueryKeyNorm> queryKeyNorms() {
    return Gen.enumValues(QueryKeyNorm.class);
  }

  /** Every {@link ParameterComponent}. */
  public static Gen<ParameterComponent> parameterComponents() {
    return Gen.enumValues(ParameterComponent.class);
  }
}
