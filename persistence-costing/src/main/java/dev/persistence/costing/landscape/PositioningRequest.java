package dev.persistence.costing.landscape;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.LocalDate;
import java.util.List;

/**
 * A scenario's request to be placed among notable models: at what date, against which models besides the bundled
 * catalog, with how many neighbours and which frontier trend.
 *
 * @param date the date the plan is placed at (its expected release)
 * @param models the user's own entries, added to (or replacing by name) the bundled catalog's
 * @param neighbours how many nearest models to list, {@code >= 1}
 * @param selection which models the frontier trend is fitted to
 */
public record PositioningRequest(LocalDate date, List<NotableModel> models, int neighbours, TrendSelection selection) {

  /** Validates the request and copies the list. */
  public PositioningRequest {
    checkArgument(date != null, "positioning date must not be null");
    checkArgument(neighbours >= 1, "positioning neighbours (%s) must be >= 1", neighbours);
    checkArgument(selection != null, "positioning selection must not be null");
    models = List.copyOf(models);
  }
}
