package dev.persistence.costing.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProgramBudgetTest {

  static Program small() {
    return Program.builder()
        .addPhases(
            Phase.builder()
                .name("pre-training")
                .kind(PhaseKind.PRETRAINING)
                .startMonth(2)
                .durationMonths(4)
                .computeCostUsd(40e6)
                .licensedTokens(1e12)
                .licensedTokenPriceUsdPerMillion(1)
                .build(),
            Phase.builder()
                .name("sft")
                .kind(PhaseKind.SUPERVISED_FINE_TUNING)
                .startMonth(6)
                .durationMonths(2)
                .annotatedItems(100_000)
                .annotationPriceUsdPerItem(20)
                .build())
        .addTeam(new Role("researchers", 12, 600_000, 0, 0), new Role("engineers", 6, 480_000, 0, 6))
        .contingencyFraction(0.2)
        .fundingAvailableUsd(30e6)
        .build();
  }

  @Test
  void aSmallProgramByHand() {
    ProgramBudget budget = small().budget();
    assertEquals(8, budget.months());
    assertEquals(40e6, budget.computeUsd(), 1e-3);
    // 1e12 tokens at $1 per million, plus 100k items at $20.
    assertEquals(1e6 + 2e6, budget.dataUsd(), 1e-3);
    // Researchers: 12 x 600k / 12 x 8 months = 4.8M. Engineers ramp 1/6 .. 6/6 over months 0-5, then full:
    // 6 x 40k x (1+2+3+4+5+6)/6 + 6 x 40k x 2 = 840k + 480k.
    assertEquals(4.8e6 + 1.32e6, budget.peopleUsd(), 1e-3);
    assertEquals(budget.computeUsd() + budget.dataUsd() + budget.peopleUsd(), budget.totalUsd(), 1e-3);
    assertEquals(budget.totalUsd() * 1.2, budget.fundingNeededUsd(), 1e-3);
    assertEquals(18, budget.peakHeadcount(), 1e-9);
    // Months 0-1 cost people only (~0.64M); month 2 adds 10.25M of pre-training: 30M lasts into month 4.
    assertEquals(4, budget.runwayMonths().getAsInt());
  }

  @Test
  void rejections() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Phase.builder().name("x").kind(PhaseKind.OTHER).startMonth(0).durationMonths(0).build());
    assertEquals("phase x: durationMonths (0) must be > 0", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Phase.builder()
                    .name("x")
                    .kind(PhaseKind.OTHER)
                    .startMonth(0)
                    .durationMonths(1)
                    .computeCostUsd(Double.NaN)
                    .build());
    assertEquals("phase x: computeCostUsd (NaN) must be finite and >= 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Role("r", -1, 1, 0, 0));
    assertEquals("role r: headcount (-1.0) must be finite and >= 0", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Program.builder().from(small()).durationMonths(7).build());
    assertEquals("phase sft ends in month 8, after the program's durationMonths (7)", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Program.builder().from(small()).contingencyFraction(-0.1).build());
    assertEquals("contingencyFraction (-0.1) must be finite and >= 0", e.getMessage());
    // startMonth + durationMonths would overflow an int: rejected, not wrapped to a negative end month.
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Phase.builder()
                    .name("x")
                    .kind(PhaseKind.OTHER)
                    .startMonth(2_000_000_000)
                    .durationMonths(2_000_000_000)
                    .build());
    assertEquals(
        "phase x: startMonth (2000000000) + durationMonths (2000000000) must be <= 1200 (Program.MAX_MONTHS)",
        e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Program.builder().from(small()).addMilestones(new Milestone("launch", 8)).durationMonths(8).build());
    assertEquals("milestone launch is due in month 8, after the program's durationMonths (8)", e.getMessage());
  }

  /** The ramp as Role's Javadoc states it: month start + k has (k + 1) / ramp of the headcount. */
  @Test
  void hiringRamp() {
    Role role = new Role("r", 6, 12, 2, 3);
    assertEquals(0, role.headcountInMonth(1), 1e-12);
    assertEquals(2, role.headcountInMonth(2), 1e-12);
    assertEquals(4, role.headcountInMonth(3), 1e-12);
    assertEquals(6, role.headcountInMonth(4), 1e-12);
    assertEquals(6, role.headcountInMonth(40), 1e-12);
    assertEquals(new Role("r", 6, 12, 2, 0).headcountInMonth(2), new Role("r", 6, 12, 2, 1).headcountInMonth(2));
  }
}
