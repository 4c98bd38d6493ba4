package dev.persistence.core.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.flops.FlopAccounting;
import dev.persistence.core.flops.FlopConvention;
import dev.persistence.testkit.Gen;
import dev.persistence.testkit.Property;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Parameter counts of large shapes against a BigInteger oracle: either the exact count, or an
 * IllegalArgumentException naming the shape, never a wrapped value. (Lives in persistence-costing because the
 * property engine depends on persistence-core.)
 */
class ParameterCountOverflowProperties {

  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private static BigInteger big(long value) {
    return BigInteger.valueOf(value);
  }

  /** A llama-shaped dense model: GQA, gated FFN, RMSNorm, untied head. */
  private record Dense(int layers, int hidden, int vocab, int heads, int kvHeads, int headDim, int ffn) {
    Architecture build() {
      return Architecture.builder()
          .family("llama")
          .numLayers(layers)
          .hiddenSize(hidden)
          .vocabSize(vocab)
          .contextLength(4096)
          .attention(
              GroupedQueryAttention.builder()
                  .numAttentionHeads(heads)
                  .numKeyValueHeads(kvHeads)
                  .headDim(headDim)
                  .build())
          .feedForward(DenseFeedForward.of(ffn, true))
          .normKind(NormKind.RMS_NORM)
          .tiedEmbeddings(false)
          .build();
    }

    /** Token embedding + head + L x (q,k,v,o + gate,up,down + 2 norms) + final norm, in BigInteger. */
    BigInteger oracle() {
      BigInteger h = big(hidden);
      BigInteger attention = h.multiply(big(2L * heads * headDim + 2L * kvHeads * headDim));
      BigInteger feedForward = big(3).multiply(h).multiply(big(ffn));
      BigInteger layer = attention.add(feedForward).add(h.multiply(big(2)));
      return big(2).multiply(big(vocab)).multiply(h).add(big(layers).multiply(layer)).add(h);
    }
  }

  private static final Gen<Integer> LARGE_INTS =
      Gen.oneOf(
          Gen.logUniformLongs(1, Integer.MAX_VALUE).map(Math::toIntExact),
          Gen.elements(1, 1 << 16, 1 << 20, 1 << 30, Integer.MAX_VALUE));

  private static final Gen<Dense> DENSE =
      Gen.zip(
          Gen.combine(List.of(LARGE_INTS, LARGE_INTS, LARGE_INTS, LARGE_INTS)),
          Gen.logUniformLongs(1, 1 << 16).map(Math::toIntExact),
          Gen.booleans(),
          (sizes, heads, multiHead) ->
              new Dense(
                  sizes.get(0), sizes.get(1), sizes.get(2), heads, multiHead ? heads : 1, sizes.get(3), sizes.get(1)));

  @Test
  void denseCountsMatchTheOracleOrRefuseNamingTheShape() {
    Property.forAll(DENSE)
        .tries(500)
        .classify("overflows", dense -> dense.oracle().compareTo(LONG_MAX) > 0)
        .requireCoverage("overflows", 0.2)
        .verify(
            dense -> {
              Architecture model = dense.build();
              BigInteger expected = dense.oracle();
              if (expected.compareTo(LONG_MAX) <= 0) {
                assertEquals(expected.longValueExact(), model.parameters().totalParameters(), dense.toString());
                double flops =
                    FlopAccounting.estimate(model, 1, FlopConvention.KAPLAN).modelTrainingFlopsPerToken();
                assertTrue(Double.isFinite(flops) && flops > 0, "FLOPs " + flops);
              } else {
                IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, model::parameters, dense.toString());
                assertTrue(
                    e.getMessage().startsWith("parameters of llama config (numLayers " + dense.layers())
                        && e.getMessage().endsWith("overflow a long"),
                    e.getMessage());
              }
            });
  }

  /** A mixture of experts on every layer: GQA (MHA), gated experts, a router, one shared expert. */
  private record Sparse(int layers, int hidden, int experts, int expertFfn) {
    Architecture build() {
      return Architecture.builder()
          .family("moe")
          .numLayers(layers)
          .hiddenSize(hidden)
          .vocabSize(1000)
          .contextLength(4096)
          .attention(GroupedQueryAttention.builder().numAttentionHeads(1).headDim(64).build())
          .feedForward(
              MixtureOfExperts.builder()
                  .numExperts(experts)
                  .expertsPerToken(1)
                  .expertIntermediateSize(expertFfn)
                  .numSharedExperts(1)
                  .build())
          .normKind(NormKind.RMS_NORM)
          .tiedEmbeddings(true)
          .build();
    }

    BigInteger oracle() {
      BigInteger h = big(hidden);
      BigInteger attention = h.multiply(big(4 * 64));
      BigInteger expert = big(3).multiply(h).multiply(big(expertFfn));
      BigInteger layer =
          attention
              .add(big(experts).multiply(expert))
              .add(expert)
              .add(h.multiply(big(experts)))
              .add(h.multiply(big(2)));
      return big(1000).multiply(h).add(big(layers).multiply(layer)).add(h);
    }
  }

  @Test
  void sparseCountsMatchTheOracleOrRefuse() {
    Gen<Integer> layers = Gen.logUniformLongs(1, 4096).map(Math::toIntExact);
    Property.forAll(
            Gen.zip(
                Gen.combine(List.of(layers, LARGE_INTS, LARGE_INTS, LARGE_INTS)),
                Gen.constant(0),
                (sizes, unused) -> new Sparse(sizes.get(0), sizes.get(1), sizes.get(2), sizes.get(3))))
        .tries(300)
        .verify(
            sparse -> {
              Architecture model = sparse.build();
              BigInteger expected = sparse.oracle();
              if (expected.compareTo(LONG_MAX) <= 0) {
                assertEquals(expected.longValueExact(), model.parameters().totalParameters(), sparse.toString());
              } else {
                IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, model::parameters, sparse.toString());
                assertTrue(e.getMessage().contains("numExperts " + sparse.experts()), e.getMessage());
              }
            });
  }

  @Test
  void theIssueExampleIsRefused() {
    Dense dense = new Dense(1 << 30, 65536, 32000, 64, 8, 128, 65536);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dense.build().parameters());
    assertTrue(e.getMessage().contains("numLayers 1073741824, hiddenSize 65536"), e.getMessage());
  }
}
