package dev.persistence.core.data;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * One stage of a curation pipeline and the fraction of its input it keeps.
 *
 * @param kind what the stage does
 * @param description the stage as its source names it ({@code "fastText top 10%"}); may be empty
 * @param retention the fraction of the stage's input tokens that survive, in (0, 1]
 */
public record CurationStage(CurationStageKind kind, String description, double retention) {

  /** @throws IllegalArgumentException if {@code retention} is not in (0, 1] */
  public CurationStage {
    checkArgument(kind != null, "kind must not be null");
    checkArgument(description != null, "description must not be null (use \"\")");
    checkArgument(
        retention > 0 && retention <= 1, "retention (%s) of stage %s must be in (0, 1]", retention, kind);
  }

  /** The fraction of the stage's input it removes: 1 - retention. */
  public double removal() {
    return 1 - retention;
  }
}
