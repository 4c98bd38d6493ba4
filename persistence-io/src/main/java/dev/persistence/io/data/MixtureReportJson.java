package dev.persistence.io.data;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.core.data.MixtureAllocation;
import dev.persistence.core.data.SourceAllocation;
import dev.persistence.io.document.EnumNames;
import dev.persistence.scaling.data.DataAdequacy;
import dev.persistence.scaling.data.DataBudget;
import dev.persistence.scaling.data.MixtureEffectiveTokens;
import dev.persistence.scaling.data.SourceCost;
import dev.persistence.scaling.data.SourceEffectiveTokens;
import dev.persistence.scaling.law.DataConstrainedLaw;
import java.util.Locale;

/**
 * A mixture allocated to a token budget, as one JSON document: the object {@code persistence data --json} prints.
 */
public final class MixtureReportJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private MixtureReportJson() {}

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
    ObjectNode out = NODES.objectNode();
    out.put("mixture", file.mixture().name());
    out.put("budgetTokens", allocation.budgetTokens());
    out.put("epochCap", allocation.epochCap());
    ArrayNode sources = out.putArray("sources");
    for (int i = 0; i < allocation.sources().size(); i++) {
      SourceAllocation source = allocation.sources().get(i);
      SourceEffectiveTokens sourceEffective = effective.sources().get(i);
      SourceCost cost = costs.sources().get(i);
      ObjectNode s = sources.addObject();
      s.put("name", source.name());
      s.put("weight", source.weight());
      s.put("tokens", source.tokens());
      s.put("availableTokens", source.source().tokens());
      s.put("uniqueTokens", source.uniqueTokens());
      s.put("epochs", source.epochs());
      s.put("effectiveTokens", sourceEffective.effectiveTokens());
      s.put("overRepeated", source.overRepeated());
      s.put("licence", EnumNames.kebabCase(source.source().licenceClass()));
      s.put("acquisitionUsd", cost.acquisitionUsd());
      s.put("curationUsd", cost.curationUsd());
      s.put("syntheticGenerationUsd", cost.syntheticGenerationUsd());
      s.put("costUsd", cost.totalUsd());
    }
    out.put("totalTokens", allocation.totalTokens());
    out.put("uniqueTokens", effective.uniqueTokens());
    out.put("effectiveTokens", effective.effectiveTokens());
    out.put("costUsd", costs.totalUsd());
    ObjectNode breakdown = out.putObject("costBreakdown");
    breakdown.put("acquisitionUsd", costs.acquisitionUsd());
    breakdown.put("curationUsd", costs.curationUsd());
    breakdown.put("syntheticGenerationUsd", costs.syntheticGenerationUsd());
    breakdown.put("curationCostSource", costs.costModel().source());
    ArrayNode warnings = out.putArray("warnings");
    for (SourceAllocation over : allocation.overRepeated()) {
      warnings.add(overRepeatedWarning(over, allocation.epochCap()));
    }
    out.put("law", law.name() + ": " + law.source());
    if (adequacy != null) {
      ObjectNode loss = out.putObject("repetitionLoss");
      loss.put("parameters", adequacy.target().parameters());
      loss.put("repetition", adequacy.repetition());
      loss.put("shortfallTokens", adequacy.shortfallTokens());
      loss.put("unconstrainedLoss", adequacy.unconstrainedLoss());
      loss.put("dataConstrainedLoss", adequacy.dataConstrainedLoss());
      loss.put("lossPenalty", adequacy.lossPenalty());
    }
    return out;
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
