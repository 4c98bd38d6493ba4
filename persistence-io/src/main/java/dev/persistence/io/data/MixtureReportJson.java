package dev.persistence.io.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.core.data.MixtureAllocation;
import dev.persistence.core.data.SourceAllocation;
import dev.persistence.io.document.EnumNames;
import dev.persistence.io.document.ResultDocument;
import dev.persistence.scaling.data.DataAdequacy;
import dev.persistence.scaling.data.DataBudget;
import dev.persistence.scaling.data.MixtureEffectiveTokens;
import dev.persistence.scaling.data.SourceCost;
import dev.persistence.scaling.data.SourceEffectiveTokens;
import dev.persistence.scaling.law.DataConstrainedLaw;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * A mixture allocated to a token budget, as one JSON document: the object {@code persistence data --json} prints.
 */
public final class MixtureReportJson {
  private MixtureReportJson() {}

  /** One source's allocation, effective tokens and costs, as the three lists hold them at the same index. */
  private record Source(SourceAllocation allocation, SourceEffectiveTokens effective, SourceCost cost) {}

  private static final ResultDocument<Source> SOURCE =
      ResultDocument.of(Source.class)
          .fields(Source::allocation, SourceAllocation.class, "name", "weight", "tokens")
          .field("availableTokens", source -> source.allocation().source().tokens())
          .fields(Source::allocation, SourceAllocation.class, "uniqueTokens", "epochs")
          .field("effectiveTokens", source -> source.effective().effectiveTokens())
          .field("overRepeated", source -> source.allocation().overRepeated())
          .field("licence", source -> EnumNames.kebabCase(source.allocation().source().licenceClass()))
          .fields(Source::cost, SourceCost.class, "acquisitionUsd", "curationUsd", "syntheticGenerationUsd")
          .field("costUsd", source -> source.cost().totalUsd())
          .build();

  private record Report(
      MixtureFile file,
      MixtureAllocation allocation,
      MixtureEffectiveTokens effective,
      DataBudget costs,
      DataAdequacy adequacy,
      DataConstrainedLaw law) {
    List<Source> sources() {
      return IntStream.range(0, allocation.sources().size())
          .mapToObj(i -> new Source(allocation.sources().get(i), effective.sources().get(i), costs.sources().get(i)))
          .toList();
    }

    List<String> warnings() {
      return allocation.overRepeated().stream().map(over -> overRepeatedWarning(over, allocation.epochCap())).toList();
    }
  }

  private static final ResultDocument<Report> REPORT =
      ResultDocument.of(Report.class)
          .field("mixture", report -> report.file().mixture().name())
          .field("budgetTokens", report -> report.allocation().budgetTokens())
          .field("epochCap", report -> report.allocation().epochCap())
          .list("sources", SOURCE, Report::sources)
          .field("totalTokens", report -> report.allocation().totalTokens())
          .field("uniqueTokens", report -> report.effective().uniqueTokens())
          .field("effectiveTokens", report -> report.effective().effectiveTokens())
          .field("costUsd", report -> report.costs().totalUsd())
          .object(
              "costBreakdown",
              ResultDocument.of(DataBudget.class)
                  .fields("acquisitionUsd", "curationUsd", "syntheticGenerationUsd")
                  .field("curationCostSource", costs -> costs.costModel().source())
                  .build(),
              Report::costs)
          .field("warnings", Report::warnings)
          .field("law", report -> report.law().name() + ": " + report.law().source())
          .object(
              "repetitionLoss",
              ResultDocument.of(DataAdequacy.class)
                  .field("parameters", adequacy -> adequacy.target().parameters())
                  .fields("repetition", "shortfallTokens", "unconstrainedLoss", "dataConstrainedLoss", "lossPenalty")
                  .build(),
              Report::adequacy)
          .writtenWhen(report -> report.adequacy() != null)
          .build();

  /**
   * The allocation as a JSON tree: {@code mixture}, {@code budgetTokens}, {@code epochCap}; the {@code sources},
   * each its tokens, epochs, effective tokens, licence and costs; {@code totalTokens}, {@code uniqueTokens},
   * {@code effectiveTokens}, {@code costUsd} and its {@code costBreakdown}; {@code warnings} (one per source over
   * the epoch cap, {@link #overRepeatedWarning}); the {@code law}; with a model size also {@code repetitionLoss}.
   *
   * @param file the mixture file
   * @param allocation its mixture allocated to the budget
   * @param effective the allocation's effective tokens under {@code law}
   * @param costs the allocation's costs
   * @param adequacy the repetition's loss penalty at a model size; null when no size was given
   * @param law the law that discounts repeated tokens
   */
  public static ObjectNode toJson(
      MixtureFile file,
      MixtureAllocation allocation,
      MixtureEffectiveTokens effective,
      DataBudget costs,
      DataAdequacy adequacy,
      DataConstrainedLaw law) {
    return REPORT.write(new Report(file, allocation, effective, costs, adequacy, law));
  }

  /**
   * The warning for a source repeated beyond the epoch cap, as the document and the command's table word it.
   *
   * @param source a source over the cap
   * @param cap the epoch cap
   */
  public static String overRepeatedWarning(SourceAllocation source, double cap) {
    return String.format(
        Locale.ROOT,
        "%s is repeated %.2f times, above the cap of %.4g epochs: repeated tokens lose value fast beyond about 4"
            + " epochs (Muennighoff et al. 2023)",
        source.name(),
        source.epochs(),
        cap);
  }
}
