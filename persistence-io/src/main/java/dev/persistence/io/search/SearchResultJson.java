package dev.persistence.io.search;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.costing.search.SearchRequest;
import dev.persistence.costing.search.SearchResult;
import dev.persistence.costing.steptime.StepTimeEstimate;
import dev.persistence.costing.steptime.TrainingTime;
import dev.persistence.io.plan.PlanReportJson;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A {@link SearchResult} as one JSON document: the object {@code persistence search --json} prints. Field names
 * carry their units ({@code Seconds}, {@code Bytes}); numbers are the estimates' own doubles, unrounded.
 */
public final class SearchResultJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SearchResultJson() {}

  /**
   * The search as a JSON tree: what was searched ({@code modelType}, {@code accelerator}, {@code calibration},
   * {@code precision}, {@code objective}), how much ({@code evaluatedPlans}, {@code fittingPlans},
   * {@code searchSeconds}) and the best {@code plans}, best first, each as {@link #estimate}.
   *
   * @param request the request searched
   * @param result its result
   * @param tokens a token budget, for each plan's training days and accelerator-hours; empty for none
   */
  public static ObjectNode toJson(SearchRequest request, SearchResult result, OptionalDouble tokens) {
    ObjectNode out = NODES.objectNode();
    out.put("modelType", request.architecture().family());
    out.put("accelerator", request.cluster().accelerator().name());
    out.put("calibration", request.calibration().name());
    out.put("precision", request.precision().name());
    out.put("objective", request.objective().name().toLowerCase(Locale.ROOT));
    out.put("evaluatedPlans", result.evaluatedPlans());
    out.put("fittingPlans", result.fittingPlans());
    out.put("searchSeconds", result.searchSeconds());
    ArrayNode plans = out.putArray("plans");
    for (StepTimeEstimate estimate : result.plans()) {
      plans.add(estimate(estimate, tokens));
    }
    return out;
  }

  /**
   * One plan's figures, as {@code search} and {@code train} print them: the {@code plan}, {@code stepSeconds},
   * {@code tokensPerSecond}, {@code mfu}, {@code hfu}, {@code achievedFlopsPerAcceleratorPerSecond}, the
   * {@code breakdown} of the step in seconds, {@code memoryBytesPerAccelerator}, {@code memoryCapacityBytes} and
   * {@code fits}; with a token budget also {@code tokens}, {@code steps}, {@code trainingDays} and
   * {@code acceleratorHours}.
   *
   * @param estimate the plan's estimate
   * @param tokens a token budget; empty for none
   */
  public static ObjectNode estimate(StepTimeEstimate estimate, OptionalDouble tokens) {
    ObjectNode map = NODES.objectNode();
    map.set("plan", PlanReportJson.parallelismPlan(estimate.plan()));
    map.put("stepSeconds", estimate.stepSeconds());
    map.put("tokensPerSecond", estimate.tokensPerSecond());
    map.put("mfu", estimate.modelFlopsUtilization());
    map.put("hfu", estimate.hardwareFlopsUtilization());
    map.put("achievedFlopsPerAcceleratorPerSecond", estimate.achievedFlopsPerAcceleratorPerSecond());
    ObjectNode breakdown = map.putObject("breakdown");
    for (Map.Entry<String, Double> part : estimate.breakdown().asMap().entrySet()) {
      breakdown.put(part.getKey(), part.getValue());
    }
    map.put("memoryBytesPerAccelerator", estimate.memoryBytesPerAccelerator());
    map.put("memoryCapacityBytes", estimate.memory().capacityBytes());
    map.put("fits", estimate.fits());
    if (tokens.isPresent()) {
      TrainingTime time = estimate.trainingTime(tokens.getAsDouble());
      map.put("tokens", tokens.getAsDouble());
      map.put("steps", time.steps());
      map.put("trainingDays", time.days());
      map.put("acceleratorHours", time.acceleratorHours());
    }
    return map;
  }
}
