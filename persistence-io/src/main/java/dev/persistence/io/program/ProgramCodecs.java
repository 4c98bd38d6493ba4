package dev.persistence.io.program;

import static dev.persistence.io.document.ValueCodecs.INTEGER;
import static dev.persistence.io.document.ValueCodecs.NAME;
import static dev.persistence.io.document.ValueCodecs.NUMBER;
import static dev.persistence.io.document.ValueCodecs.enumeration;
import static dev.persistence.io.document.ValueCodecs.list;

import dev.persistence.costing.program.ImmutablePhase;
import dev.persistence.costing.program.ImmutableProgram;
import dev.persistence.costing.program.Milestone;
import dev.persistence.costing.program.Phase;
import dev.persistence.costing.program.PhaseKind;
import dev.persistence.costing.program.Program;
import dev.persistence.costing.program.Role;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.ObjectCodec;
import java.util.Optional;

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
 * <p>Roles and milestones are the scenario file's ({@link #ROLE}, {@link #MILESTONE}).
 */
public final class ProgramCodecs {
  private ProgramCodecs() {}

  /** A role on the team. */
  public static final Codec<Role> ROLE =
      ObjectCodec.record(Role.class, "role")
          .required("name", NAME)
          .required("headcount", NUMBER)
          .required("loadedAnnualCostUsd", NUMBER)
          .optional("hiringStartMonth", INTEGER)
          .byDefault(0)
          .optional("hiringRampMonths", INTEGER)
          .byDefault(0)
          .build();

  /** A milestone. */
  public static final Codec<Milestone> MILESTONE =
      ObjectCodec.record(Milestone.class, "milestone")
          .required("name", NAME)
          .required("month", INTEGER)
          .build();

  /**
   * Phases: {@code name}, {@code kind} ({@code experiments pretraining supervised-fine-tuning preference-tuning
   * reinforcement-learning evaluation serving other}), {@code startMonth}, {@code durationMonths}, and costs, each
   * optional (default 0): {@code computeCostUsd licensedTokens licensedTokenPriceUsdPerMillion annotatedItems
   * annotationPriceUsdPerItem dataBudgetUsd otherCostUsd}.
   */
  public static final Codec<Phase> PHASE =
      ObjectCodec.builder(Phase.class, "programPhase", Phase::builder, ImmutablePhase.Builder::build)
          .required("name", NAME)
          .required("kind", enumeration(PhaseKind.class))
          .required("startMonth", INTEGER)
          .required("durationMonths", INTEGER)
          .optional("computeCostUsd", NUMBER)
          .optional("licensedTokens", NUMBER)
          .optional("licensedTokenPriceUsdPerMillion", NUMBER)
          .optional("annotatedItems", NUMBER)
          .optional("annotationPriceUsdPerItem", NUMBER)
          .optional("dataBudgetUsd", NUMBER)
          .optional("otherCostUsd", NUMBER)
          .build();

  /** Programs, with the scenario file's role and milestone codecs. */
  public static final Codec<Program> PROGRAM = program(ProgramCodecs.ROLE, ProgramCodecs.MILESTONE);

  /**
   * Programs: {@code phases}, {@code team} and {@code milestones} (lists, absent means empty), optional {@code
   * durationMonths} (default: the end of the last phase or milestone), {@code contingencyFraction} (default 0)
   * and {@code fundingAvailableUsd}.
   *
   * @param roles how team members are read and written
   * @param milestones how milestones are read and written
   */
  public static Codec<Program> program(Codec<Role> roles, Codec<Milestone> milestones) {
    return ObjectCodec.builder(Program.class, "programPlan", Program::builder, ImmutableProgram.Builder::build)
        .optional("durationMonths", INTEGER)
        .optional("contingencyFraction", NUMBER)
        .optionalIfSet(
            "fundingAvailableUsd",
            NUMBER,
            program ->
                program.fundingAvailableUsd().isPresent()
                    ? Optional.of(program.fundingAvailableUsd().getAsDouble())
                    : Optional.empty(),
            ImmutableProgram.Builder::fundingAvailableUsd)
        .optional("phases", list(PHASE), Program::phases, ImmutableProgram.Builder::addAllPhases)
        .optional("team", list(roles), Program::team, ImmutableProgram.Builder::addAllTeam)
        .optional("milestones", list(milestones), Program::milestones, ImmutableProgram.Builder::addAllMilestones)
        .build();
  }

}
