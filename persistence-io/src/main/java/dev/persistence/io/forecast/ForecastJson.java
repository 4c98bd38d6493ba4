package dev.persistence.io.forecast;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.scaling.forecast.CapabilityForecast;
import dev.persistence.scaling.forecast.CapabilityForecaster;
import dev.persistence.scaling.law.ChinchillaLaw;

/**
 * A capability forecast as JSON: the object {@code persistence forecast --json} prints and the plan report's
 * {@code forecast} section. It names the method, the runs fitted, both steps' fitted coefficients, the point and
 * interval, and Epoch AI's measured extrapolation error as the caveat.
 */
public final class ForecastJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ForecastJson() {}

  /**
   * The forecast with the fit it came from.
   *
   * @param forecaster the fitted two-step forecaster
   * @param forecast its forecast at the model asked about
   * @param metric the score's name
   * @param runs where the runs came from (a file name)
   */
  public static ObjectNode toJson(
      CapabilityForecaster forecaster, CapabilityForecast forecast, String metric, String runs) {
    ObjectNode json = NODES.objectNode();
    json.put("method", "two-step (Llama 3 report, arXiv:2407.21783, section 3.2.1)");
    json.put("runs", runs);
    json.put("runsFitted", forecaster.runs().size());
    json.put("metric", metric);
    forecast.parameters().ifPresent(v -> json.put("parameters", v));
    forecast.tokens().ifPresent(v -> json.put("tokens", v));
    forecast.trainingFlops().ifPresent(v -> json.put("trainingFlops", v));
    json.put("loss", forecast.loss());
    forecast.lossLower().ifPresent(v -> json.put("lossLower", v));
    forecast.lossUpper().ifPresent(v -> json.put("lossUpper", v));
    json.put("score", forecast.score());
    json.put("scoreLower", forecast.scoreLower());
    json.put("scoreUpper", forecast.scoreUpper());
    json.put("bootstrapLower", forecast.bootstrapLower());
    json.put("bootstrapUpper", forecast.bootstrapUpper());
    ObjectNode extrapolation = json.putObject("extrapolation");
    extrapolation.put("error", forecast.extrapolationError().name());
    extrapolation.put("source", forecast.extrapolationError().source());
    extrapolation.put("meanAbsoluteErrorPointsPerOom", forecast.extrapolationError().meanAbsoluteErrorPointsPerOom());
    extrapolation.put("scaledComputeOom", forecast.scaledComputeOom());
    extrapolation.put("halfWidth", forecast.extrapolationHalfWidth());
    json.put("interval", forecast.intervalComponents());
    json.put("confidence", forecast.confidence());
    json.put("samples", forecast.samples());
    forecast.extrapolationOom().ifPresent(v -> json.put("extrapolationOom", v));
    json.put("lossBeyondRuns", forecast.lossBeyondRuns());
    ObjectNode link = json.putObject("sigmoid");
    link.put("floor", forecaster.link().floor());
    link.put("ceiling", forecaster.link().ceiling());
    link.put("midpoint", forecaster.link().midpoint());
    link.put("slope", forecaster.link().slope());
    if (forecast.parameters().isPresent()) {
      ChinchillaLaw law = forecaster.law();
      ObjectNode step1 = json.putObject("law");
      step1.put("irreducibleLoss", law.irreducibleLoss());
      step1.put("parameterCoefficient", law.parameterCoefficient());
      step1.put("tokenCoefficient", law.tokenCoefficient());
      step1.put("parameterExponent", law.parameterExponent());
      step1.put("tokenExponent", law.tokenExponent());
    }
    json.put("epochOneOomAggregateErrorPoints", CapabilityForecast.EPOCH_ONE_OOM_AGGREGATE_ERROR_PP);
    json.put("epochOneOomTaskErrorPoints", CapabilityForecast.EPOCH_ONE_OOM_TASK_ERROR_PP);
    json.put("caveat", CapabilityForecast.caveat());
    return json;
  }
}
