package dev.persistence.scaling.forecast;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;

/**
 * A scenario's request for a capability forecast: the team's runs, what their score is, where they came from and
 * how to fit them.
 *
 * @param runs the runs, at least 6
 * @param metric the score's name ({@code eval_gauntlet/core_average})
 * @param source where the runs came from (a file name), for the report
 * @param settings floor, ceiling cap, resamples, seed, confidence
 */
public record ForecastRequest(List<CapabilityRun> runs, String metric, String source, ForecastSettings settings) {

  /** Validates the request and copies the runs. */
  public ForecastRequest {
    checkArgument(runs != null && runs.size() >= 6, "forecast runs (%s) must number >= 6", runs == null ? 0 : runs.size());
    checkArgument(metric != null && !metric.isBlank(), "forecast metric must not be blank");
    checkArgument(source != null, "forecast source must not be null");
    checkArgument(settings != null, "forecast settings must not be null");
    runs = List.copyOf(runs);
  }
}
