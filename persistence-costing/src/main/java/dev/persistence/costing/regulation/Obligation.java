package dev.persistence.costing.regulation;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.LocalDate;
import java.util.Locale;

/**
 * One duty a law attaches to a model that crosses one of its thresholds: what must be done, under which
 * provision, from when, by whom, and what happens if not; each with its source and how it was checked, so a user
 * sees what changed and when.
 *
 * @param id short name ({@code eu-ai-act-art55-1a})
 * @param thresholdId the {@link ComputeThreshold#id()} that brings it
 * @param instrument the law ({@code EU AI Act})
 * @param provision the article or section ({@code Art. 55(1)(a)})
 * @param duty what must be done
 * @param appliesTo who must do it, when narrower than every developer over the threshold (may be empty)
 * @param revenueTier the {@link RevenueTier#id()} the obligation is limited to, empty for every developer over
 *     the threshold
 * @param appliesFrom the date it applies from
 * @param transition a later date or rule for some (may be empty)
 * @param sanction the penalty for breaking it
 * @param source where the text was read
 * @param verification how it was checked
 */
public record Obligation(
    String id,
    String thresholdId,
    String instrument,
    String provision,
    String duty,
    String appliesTo,
    String revenueTier,
    LocalDate appliesFrom,
    String transition,
    String sanction,
    String source,
    Verification verification) {

  /** Validates the obligation. */
  public Obligation {
    for (String[] field :
        new String[][] {
          {"id", id}, {"thresholdId", thresholdId}, {"instrument", instrument}, {"provision", provision},
          {"duty", duty}, {"sanction", sanction}, {"source", source}
        }) {
      checkArgument(field[1] != null && !field[1].isBlank(), "obligation %s must not be blank", field[0]);
    }
    checkArgument(
        appliesTo != null && transition != null && revenueTier != null,
        "obligation %s: appliesTo, revenueTier and transition must not be null",
        id);
    checkArgument(appliesFrom != null, "obligation %s: appliesFrom must not be null", id);
    checkArgument(verification != null, "obligation %s: verification must not be null", id);
  }

  /**
   * Whether it applies on {@code date} (on or after {@link #appliesFrom()}; transitions are not applied).
   *
   * @param date the date
   */
  public boolean appliesOn(LocalDate date) {
    return !date.isBefore(appliesFrom);
  }

  /** One line: {@code EU AI Act Art. 55(1)(a), from 2025-08-02: model evaluation ...}. */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "%s %s, from %s%s: %s",
        instrument,
        provision,
        appliesFrom,
        appliesTo.isEmpty() ? "" : " (" + appliesTo + ")",
        duty);
  }
}
