package dev.persistence.costing.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.testkit.Gen;
import dev.persistence.testkit.Property;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ProgramBudgetProperties {

  static final Gen<Phase> PHASES =
      Gen.zip(
          Gen.integers(0, 24),
          Gen.integers(1, 12),
          Gen.logUniform(1e3, 1e9),
          Gen.enumValues(PhaseKind.class),
          (start, months, compute, kind) ->
              Phase.builder()
                  .name(kind + "@" + start)
                  .kind(kind)
                  .startMonth(start)
                  .durationMonths(months)
                  .computeCostUsd(compute)
                  .build());

  static final Gen<Role> ROLES =
      Gen.zip(
          Gen.integers(0, 200),
          Gen.doubles(50_000, 2_000_000),
          Gen.integers(0, 12),
          Gen.integers(0, 12),
          (headcount, cost, start, ramp) -> new Role("role", headcount, cost, start, ramp));

  static final Gen<Program> PROGRAMS =
      Gen.zip(
          PHASES.list(0, 4).map(list -> list.stream().distinct().toList()),
          ROLES.list(0, 4),
          Gen.doubles(0, 0.5),
          (phases, roles, contingency) -> {
            var names = new java.util.HashSet<String>();
            var builder = Program.builder().contingencyFraction(contingency).addAllTeam(roles);
            phases.stream().filter(p -> names.add(p.name())).forEach(builder::addPhases);
            return builder.build();
          });

  @Test
  void monthlyBurnSumsToTheTotalAndFundingCoversIt() {
    Property.forAll(PROGRAMS)
        .verify(
            program -> {
              ProgramBudget budget = program.budget();
              double sum = Arrays.stream(budget.monthlyBurnUsd()).sum();
              assertEquals(budget.totalUsd(), sum, 1e-9 * Math.max(1, sum));
              assertTrue(budget.fundingNeededUsd() >= budget.totalUsd());
              assertTrue(budget.peakMonthlyBurnUsd() * budget.months() >= budget.totalUsd() * (1 - 1e-12));
            });
  }

  @Test
  void moreFundingNeverShortensTheRunway() {
    Property.forAll(PROGRAMS, Gen.logUniform(1e5, 1e10), Gen.doubles(1, 10))
        .verify(
            (program, funding, factor) -> {
              int less = Program.builder().from(program).fundingAvailableUsd(funding).build().budget().runwayMonths().getAsInt();
              int more =
                  Program.builder().from(program).fundingAvailableUsd(funding * factor).build().budget().runwayMonths().getAsInt();
              assertTrue(more >= less, less + " > " + more);
            });
  }
}
