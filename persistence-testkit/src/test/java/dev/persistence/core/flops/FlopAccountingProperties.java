package dev.persistence.core.flops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.PositionEncoding;
import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.testkit.Gen;
import dev.persistence.testkit.Property;
import dev.persistence.testkit.architecture.ArchitectureGen;
import dev.persistence.testkit.parallelism.ParallelismGen;
import org.junit.jupiter.api.Test;

/** Invariants of {@link FlopAccounting} over generated architectures and sequence lengths. */
class FlopAccountingProperties {

  /** Sequence lengths a model accepts: up to its learned position table, else up to 128k. */
  static Gen<Integer> sequenceLengths(Architecture model) {
    int max = model.positionEncoding() == PositionEncoding.LEARNED_ABSOLUTE ? model.contextLength() : 131072;
    return Gen.integers(1, max);
  }

  /** A model and two sequence lengths it accepts, shorter first. */
  record LengthPair(Architecture model, int shorter, int longer) {}

  @Test
  void exactForwardFlopsGrowWithSequenceLengthAndNeverFallBelowTwiceTheActiveParameters() {
    Gen<LengthPair> cases =
        ArchitectureGen.architectures()
            .flatMap(
                model ->
                    Gen.zip(
                        sequenceLengths(model),
                        sequenceLengths(model),
                        (a, b) -> new LengthPair(model, Math.min(a, b), Math.max(a, b))));
    Property.forAll(cases)
        .verify(
            c -> {
              double atShorter =
                  FlopAccounting.estimate(c.model(), c.shorter(), FlopConvention.EXACT).forwardFlopsPerToken();
              double atLonger =
                  FlopAccounting.estimate(c.model(), c.longer(), FlopConvention.EXACT).forwardFlopsPerToken();
              assertTrue(atLonger >= atShorter, c.shorter() + " -> " + c.longer());
              assertTrue(atShorter >= 2.0 * c.model().parameters().activeParametersExcludingEmbedding());
            });
  }

  @Test
  void trainingIsThreeForwardPassesWithoutRecomputationAndMoreWithIt() {
    Gen<FlopConvention> conventions = Gen.enumValues(FlopConvention.class);
    Property.forAll(ArchitectureGen.architectures(), conventions, ParallelismGen.activationRecomputations())
        .verify(
            (model, convention, recomputation) -> {
              int length = Math.min(2048, model.contextLength());
              FlopEstimate none = FlopAccounting.estimate(model, length, convention);
              assertEquals(3 * none.forwardFlopsPerToken(), none.trainingFlopsPerToken(), 1e-9 * none.trainingFlopsPerToken());
              FlopEstimate with = FlopAccounting.estimate(model, length, convention, recomputation);
              assertEquals(none.modelTrainingFlopsPerToken(), with.modelTrainingFlopsPerToken());
              assertTrue(with.trainingFlopsPerToken() >= none.trainingFlopsPerToken());
              if (recomputation == ActivationRecomputation.FULL) {
                FlopEstimate selective =
                    FlopAccounting.estimate(model, length, convention, ActivationRecomputation.SELECTIVE);
                assertTrue(with.recomputationFlopsPerToken() >= selective.recomputationFlopsPerToken() || convention == FlopConvention.MEGATRON);
              }
            });
  }
}
