package dev.persistence.testkit.data;

import dev.persistence.core.data.AcquisitionCost;
import dev.persistence.core.data.CurationPipeline;
import dev.persistence.core.data.CurationStage;
import dev.persistence.core.data.CurationStageKind;
import dev.persistence.core.data.DataMixture;
import dev.persistence.core.data.DataSize;
import dev.persistence.core.data.DataSource;
import dev.persistence.core.data.LicenceClass;
import dev.persistence.core.data.MixtureComponent;
import dev.persistence.core.data.QualityTier;
import dev.persistence.testkit.Gen;
import java.util.ArrayList;
import java.util.List;

/**
 * Generators of valid data types, valid by construction: sources of 10^8 to 10^13 tokens, curation pipelines of
 * 1 to 8 stages keeping 1% to 100% each, mixtures of 1 to 6 sources whose weights are normalised to sum to 1,
 * and token budgets of 10^9 to 10^14. Everything shrinks toward a small, single-source case.
 */
public final class DataGen {

  /** Smallest generated source, in tokens. */
  public static final double MIN_SOURCE_TOKENS = 1e8;

  /** Largest generated source, in tokens. */
  public static final double MAX_SOURCE_TOKENS = 1e13;

  private DataGen() {}

  /** Token budgets, 10^9 to 10^14, log-uniform. */
  public static Gen<Double> budgets() {
    return Gen.logUniform(1e9, 1e14);
  }

  /** Source sizes in tokens, log-uniform over [{@link #MIN_SOURCE_TOKENS}, {@link #MAX_SOURCE_TOKENS}]. */
  public static Gen<Double> sourceTokens() {
    return Gen.logUniform(MIN_SOURCE_TOKENS, MAX_SOURCE_TOKENS);
  }

  /** One stage of any kind, keeping 1% to 100%. */
  public static Gen<CurationStage> stages() {
    return Gen.zip(
        Gen.enumValues(CurationStageKind.class),
        Gen.doubles(0.01, 1.0),
        (kind, retention) -> new CurationStage(kind, "", retention));
  }

  /** Pipelines of 1 to 8 stages. */
  public static Gen<CurationPipeline> pipelines() {
    return Gen.lists(stages(), 1, 8)
        .map(stages -> CurationPipeline.builder().name("generated").stages(stages).build());
  }

  /**
   * A source named {@code name} with {@code tokens} tokens and any licence, tier and per-token price.
   *
   * @param name the name
   */
  public static Gen<DataSource> sources(String name) {
    return Gen.zip(
        sourceTokens(),
        Gen.enumValues(LicenceClass.class).filter("not synthetic", licence -> licence != LicenceClass.SYNTHETIC),
        Gen.enumValues(QualityTier.class),
        Gen.doubles(0, 100),
        (tokens, licence, tier, price) ->
            DataSource.builder()
                .name(name)
                .size(DataSize.tokens(tokens, "generated"))
                .licenceClass(licence)
                .qualityTier(tier)
                .acquisitionCost(AcquisitionCost.perMillionTokens(price))
                .build());
  }

  /** Mixtures of 1 to 6 sources with positive weights normalised to sum to 1. */
  public static Gen<DataMixture> mixtures() {
    return Gen.integers(1, 6).flatMap(DataGen::mixtures);
  }

  /**
   * Mixtures of exactly {@code count} sources.
   *
   * @param count the number of sources, &gt;= 1
   */
  public static Gen<DataMixture> mixtures(int count) {
    List<Gen<DataSource>> sources = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      sources.add(sources("source-" + i));
    }
    return Gen.zip(
        Gen.combine(sources),
        Gen.lists(Gen.doubles(0.01, 1.0), count, count),
        DataGen::mixture);
  }

  private static DataMixture mixture(List<DataSource> sources, List<Double> rawWeights) {
    double sum = 0;
    for (double weight : rawWeights) {
      sum += weight;
    }
    var builder = DataMixture.builder();
    for (int i = 0; i < sources.size(); i++) {
      builder.addComponents(new MixtureComponent(sources.get(i), rawWeights.get(i) / sum));
    }
    return builder.build();
  }
}
