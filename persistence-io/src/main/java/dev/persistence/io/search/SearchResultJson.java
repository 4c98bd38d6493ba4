package dev.persistence.io.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.costing.search.SearchRequest;
import dev.persistence.costing.search.SearchResult;
import dev.persistence.costing.steptime.StepTimeEstimate;
import dev.persistence.costing.steptime.TrainingTime;
import dev.persistence.io.document.ResultDocument;
import dev.persistence.io.plan.PlanReportJson;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A {@link SearchResult} as one JSON document: the object {@code persistence search --json} prints. Field names
 * carry their units ({@code Seconds}, {@code Bytes}); numbers are the estimates' own doubles, unrounded.
 */
public final class SearchResultJson {
  private SearchResultJson() {}

  /** A token budget and the training time it takes. */
  private record Budgeted(double tokens, TrainingTime time) {}

  /**
   * One plan's estimate, with the token budget its training time is given for.
   *
   * @param estimate the plan's estimate
   * @param tokens a token budget; empty for none
   */
  public record Planned(StepTimeEstimate estimate, OptionalDouble tokens) {
    /** The token budget and the training time it takes; only with a budget. */
    Budgeted budgeted() {
      return new Budgeted(tokens.getAsDouble(), estimate.trainingTime(tokens.getAsDouble()));
    }
  }

  /**
   * One plan's figures, as {@code search} and {@code train} print them: the {@code plan}, {@code stepSeconds},
   * {@code tokensPerSecond}, {@code mfu}, {@code hfu}, {@code achievedFlopsPerAcceleratorPerSecond}, the
   * {@code breakdown} of the step in seconds, {@code memoryBytesPerAccelerator}, {@code memoryCapacityBytes} and
   * {@code fits}; with a token budget also {@code tokens}, {@code steps}, {@code trainingDays} and
   * {@code acceleratorHours}.
   */
  public static final ResultDocument<Planned> ESTIMATE =
      ResultDocument.of(Planned.class)
          .object("plan", PlanReportJson.PARALLELISM_PLAN, planned -> planned.estimate().plan())
          .include(
              ResultDocument.of(StepTimeEstimate.class)
                  .fields("stepSeconds", "tokensPerSecond")
                  .field("mfu", StepTimeEstimate::modelFlopsUtilization)
                  .field("hfu", StepTimeEstimate::hardwareFlopsUtilization)
                  .fields("achievedFlopsPerAcceleratorPerSecond")
                  .field("breakdown", estimate -> estimate.breakdown().asMap())
                  .fields("memoryBytesPerAccelerator")
                  .field("memoryCapacityBytes", estimate -> estimate.memory().capacityBytes())
                  .fields("fits")
                  .build(),
              Planned::estimate)
          .include(
              ResultDocument.of(Budgeted.class)
                  .field("tokens", Budgeted::tokens)
                  .field("steps", budgeted -> budgeted.time().steps())
                  .field("trainingDays", budgeted -> budgeted.time().days())
                  .field("acceleratorHours", budgeted -> budgeted.time().acceleratorHours())
                  .build(),
              Planned::budgeted)
          .writtenWhen(planned -> planned.tokens().isPresent())
          .build();

  private record Searched(SearchRequest request, SearchResult result, OptionalDouble tokens) {}

  private static final ResultDocument<Searched> SEARCH =
      ResultDocument.of(Searched.class)
          .field("modelType", s -> s.request().architecture().family())
          .field("accelerator", s -> s.request().cluster().accelerator().name())
          .field("calibration", s -> s.request().calibration().name())
          .field("precision", s -> s.request().precision().name())
          .field("objective", s -> s.request().objective().name().toLowerCase(Locale.ROOT))
          .field("evaluatedPlans", s -> s.result().evaluatedPlans())
          .field("fittingPlans", s -> s.result().fittingPlans())
          .field("searchSeconds", s -> s.result().searchSeconds())
          .list("plans", ESTIMATE, s -> s.result().plans().stream().map(e -> new Planned(e, s.tokens())).toList())
          .build();

  /**
   * The search as a JSON tree: what was searched ({@code modelType}, {@code accelerator}, {@code calibration},
   * {@code precision}, {@code objective}), how much ({@code evaluatedPlans}, {@code fittingPlans},
   * {@code searchSeconds}) and the best {@code plans}, best first, each as {@link #ESTIMATE}.
   *
   * @param request the request searched
   * @param result its result
   * @param tokens a token budget, for each plan's training days and accelerator-hours; empty for none
   */
  public static ObjectNode toJson(SearchRequest request, SearchResult result, OptionalDouble tokens) {
    return SEARCH.write(new Searched(request, result, tokens));
  }
}
