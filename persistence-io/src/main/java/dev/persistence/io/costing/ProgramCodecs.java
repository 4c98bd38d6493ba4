package dev.persistence.io.costing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.costing.program.Milestone;
import dev.persistence.costing.program.Phase;
import dev.persistence.costing.program.PhaseKind;
import dev.persistence.costing.program.Program;
import dev.persistence.costing.program.Role;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.EnumNames;
import dev.persistence.io.document.ObjectFields;
import dev.persistence.io.scenario.ScenarioCodecs;

/**
 * Codecs of programs: phases, the team's roles, milestones, duration, contingency and funding.
 *
 * <pre>{@code
 * durationMonths: 18
 * contingencyFraction: 0.15
 * fundingAvailableUsd: 2.5e8
 * phases:
 *   - {name: ablations, kind: experiments, startMonth: 0, durationMonths: 4, computeCostUsd: 6.0e6}
 *   - {name: pretraining, kind: pretraining, startMonth: 4, durationMonths: 6, computeCostUsd: 9.0e7,
 *      licensedTokens: 2.0e12, licensedTokenPriceUsdPerMillion: 0.5}
 * team:
 *   - {name: research engineer, headcount: 40, loadedAnnualCostUsd: 450000, hiringStartMonth: 0,
 *      hiringRampMonths: 6}
 * milestones:
 *   - {name: model card, month: 12}
 * }</pre>
 *
 * <p>Roles and milestones are the scenario file's ({@link ScenarioCodecs#ROLE}, {@link ScenarioCodecs#MILESTONE}).
 */
public final class ProgramCodecs {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ProgramCodecs() {}

  /**
   * Phases: {@code name}, {@code kind} ({@code experiments pretraining supervised-fine-tuning preference-tuning
   * reinforcement-learning evaluation serving other}), {@code startMonth}, {@code durationMonths}, and costs, each
   * optional (default 0): {@code computeCostUsd licensedTokens licensedTokenPriceUsdPerMillion annotatedItems
   * annotationPriceUsdPerItem dataBudgetUsd otherCostUsd}.
   */
  public static final Codec<Phase> PHASE =
      new Codec<>() {
        @Override
        public Phase read(DocumentNode node) {
          ObjectFields fields = node.fields();
          var builder =
              Phase.builder()
                  .name(fields.requiredText("name"))
                  .kind(fields.requiredEnum("kind", PhaseKind.class))
                  .startMonth(fields.requiredInt("startMonth"))
                  .durationMonths(fields.requiredInt("durationMonths"));
          fields.optionalDouble("computeCostUsd").ifPresent(builder::computeCostUsd);
          fields.optionalDouble("licensedTokens").ifPresent(builder::licensedTokens);
          fields.optionalDouble("licensedTokenPriceUsdPerMillion").ifPresent(builder::licensedTokenPriceUsdPerMillion);
          fields.optionalDouble("annotatedItems").ifPresent(builder::annotatedItems);
          fields.optionalDouble("annotationPriceUsdPerItem").ifPresent(builder::annotationPriceUsdPerItem);
          fields.optionalDouble("dataBudgetUsd").ifPresent(builder::dataBudgetUsd);
          fields.optionalDouble("otherCostUsd").ifPresent(builder::otherCostUsd);
          fields.finish();
          return node.build(builder::build);
        }

        @Override
        public JsonNode write(Phase phase) {
          ObjectNode out = NODES.objectNode();
          out.put("name", phase.name());
          out.put("kind", EnumNames.kebabCase(phase.kind()));
          out.put("startMonth", phase.startMonth());
          out.put("durationMonths", phase.durationMonths());
          out.put("computeCostUsd", phase.computeCostUsd());
          out.put("licensedTokens", phase.licensedTokens());
          out.put("licensedTokenPriceUsdPerMillion", phase.licensedTokenPriceUsdPerMillion());
          out.put("annotatedItems", phase.annotatedItems());
          out.put("annotationPriceUsdPerItem", phase.annotationPriceUsdPerItem());
          out.put("dataBudgetUsd", phase.dataBudgetUsd());
          out.put("otherCostUsd", phase.otherCostUsd());
          return out;
        }
      };

  /** Programs, with the scenario file's role and milestone codecs. */
  public static final Codec<Program> PROGRAM = program(ScenarioCodecs.ROLE, ScenarioCodecs.MILESTONE);

  /**
   * Programs: {@code phases}, {@code team} and {@code milestones} (lists, absent means empty), optional {@code
   * durationMonths} (default: the end of the last phase or milestone), {@code contingencyFraction} (default 0)
   * and {@code fundingAvailableUsd}.
   *
   * @param roles how team members are read and written
   * @param milestones how milestones are read and written
   */
  public static Codec<Program> program(Codec<Role> roles, Codec<Milestone> milestones) {
    return new Codec<>() {
      @Override
      public Program read(DocumentNode node) {
        ObjectFields fields = node.fields();
        var builder =
            Program.builder()
                .addAllPhases(fields.list("phases", PHASE))
                .addAllTeam(fields.list("team", roles))
                .addAllMilestones(fields.list("milestones", milestones));
        fields.optionalInt("durationMonths").ifPresent(builder::durationMonths);
        fields.optionalDouble("contingencyFraction").ifPresent(builder::contingencyFraction);
        fields.optionalDouble("fundingAvailableUsd").ifPresent(builder::fundingAvailableUsd);
        fields.finish();
        return node.build(builder::build);
      }

      @Override
      public JsonNode write(Program program) {
        ObjectNode out = NODES.objectNode();
        out.put("durationMonths", program.durationMonths());
        out.put("contingencyFraction", program.contingencyFraction());
        program.fundingAvailableUsd().ifPresent(funding -> out.put("fundingAvailableUsd", funding));
        ArrayNode phases = out.putArray("phases");
        program.phases().forEach(phase -> phases.add(PHASE.write(phase)));
        ArrayNode team = out.putArray("team");
        program.team().forEach(role -> team.add(roles.write(role)));
        ArrayNode list = out.putArray("milestones");
        program.milestones().forEach(milestone -> list.add(milestones.write(milestone)));
        return out;
      }
    };
  }
}
