package dev.persistence.costing.regulation;


import dev.persistence.core.check.Checks;
import java.time.LocalDate;
import java.util.Locale;
import org.immutables.value.Value;

/**
 * One duty a law attaches to a model that crosses one of its thresholds: what must be done, under which
 * provision, from when, by whom, and what happens if not; each with its source and how it was checked, so a user
 * sees what changed and when.
 */
@Value.Immutable
public abstract class Obligation {

  /** Returns a new builder. */
  public static ImmutableObligation.Builder builder() {
    return ImmutableObligation.builder();
  }

  /** Short name ({@code eu-ai-act-art55-1a}). */
  public abstract String id();

  /** The {@link ComputeThreshold#id()} that brings it. */
  public abstract String thresholdId();

  /** The law ({@code EU AI Act}). */
  public abstract String instrument();

  /** The article or section ({@code Art. 55(1)(a)}). */
  public abstract String provision();

  /** What must be done. */
  public abstract String duty();

  /** Who must do it, when narrower than every developer over the threshold (may be empty). */
  @Value.Default
  public String appliesTo() {
    return "";
  }

  /** The {@link RevenueTier#id()} the obligation is limited to, empty for every developer over the threshold. */
  @Value.Default
  public String revenueTier() {
    return "";
  }

  /** The date it applies from. */
  public abstract LocalDate appliesFrom();

  /** A later date or rule for some (may be empty). */
  @Value.Default
  public String transition() {
    return "";
  }

  /** The penalty for breaking it. */
  public abstract String sanction();

  /** Where the text was read. */
  public abstract String source();

  /** How it was checked. */
  public abstract Verification verification();

  /**
   * Checks the obligation when one is built (Immutables {@code @Value.Check}); absent text fields are empty, never null.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  @Value.Check
  protected void check() {
    Checks.notBlank("obligation id", id());
    Checks.notBlank("obligation thresholdId", thresholdId());
    Checks.notBlank("obligation instrument", instrument());
    Checks.notBlank("obligation provision", provision());
    Checks.notBlank("obligation duty", duty());
    Checks.notBlank("obligation sanction", sanction());
    Checks.notBlank("obligation source", source());
  }

  /**
   * Whether it applies on {@code date} (on or after {@link #appliesFrom()}; transitions are not applied).
   *
   * @param date the date
   */
  public boolean appliesOn(LocalDate date) {
    return !date.isBefore(appliesFrom());
  }

  /** One line: {@code EU AI Act Art. 55(1)(a), from 2025-08-02: model evaluation ...}. */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "%s %s, from %s%s: %s",
        instrument(),
        provision(),
        appliesFrom(),
        appliesTo().isEmpty() ? "" : " (" + appliesTo() + ")",
        duty());
  }
}
