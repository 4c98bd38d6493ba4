package dev.persistence.io.forecast;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.io.document.ResultDocument;
import dev.persistence.scaling.forecast.CapabilityForecast;
import dev.persistence.scaling.forecast.CapabilityForecaster;
import dev.persistence.scaling.forecast.SigmoidLink;
import dev.persistence.scaling.law.ChinchillaLaw;

/**
 * A capability forecast as JSON: the object {@code persistence forecast --json} prints and the plan report's
 * {@code forecast} section. It names the method, the runs fitted, both steps' fitted coefficients, the point and
 * interval, and Epoch AI's measured extrapolation error as the caveat.
 */
public final class ForecastJson {
  private ForecastJson() {}

  private record Forecasted(
      CapabilityForecaster forecaster, CapabilityForecast forecast, String metric, String runs) {}

  private static final ResultDocument<CapabilityForecast> FORECAST =
      ResultDocument.of(CapabilityForecast.class)
          .fields("parameters", "tokens", "trainingFlops", "loss", "lossLower", "lossUpper")
          .fields("score", "scoreLower", "scoreUpper", "bootstrapLower", "bootstrapUpper")
          .object(
              "extrapolation",
              ResultDocument.of(CapabilityForecast.class)
                  .field("error", forecast -> forecast.extrapolationError().name())
                  .field("source", forecast -> forecast.extrapolationError().source())
                  .field(
                      "meanAbsoluteErrorPointsPerOom",
                      forecast -> forecast.extrapolationError().meanAbsoluteErrorPointsPerOom())
                  .fields("scaledComputeOom")
                  .field("halfWidth", CapabilityForecast::extrapolationHalfWidth)
                  .build(),
              forecast -> forecast)
          .field("interval", CapabilityForecast::intervalComponents)
          .fields("confidence", "samples", "extrapolationOom", "lossBeyondRuns")
          .build();

  private static final ResultDocument<Forecasted> FORECASTED =
      ResultDocument.of(Forecasted.class)
          .field("method", f -> "two-step (Llama 3 report, arXiv:2407.21783, section 3.2.1)")
          .field("runs", Forecasted::runs)
          .field("runsFitted", f -> f.forecaster().runs().size())
          .field("metric", Forecasted::metric)
          .include(FORECAST, Forecasted::forecast)
          .object(
              "sigmoid",
              ResultDocument.of(SigmoidLink.class).fields("floor", "ceiling", "midpoint", "slope").build(),
              f -> f.forecaster().link())
          .object(
              "law",
              ResultDocument.of(ChinchillaLaw.class)
                  .fields("irreducibleLoss", "parameterCoefficient", "tokenCoefficient")
                  .fields("parameterExponent", "tokenExponent")
                  .build(),
              f -> f.forecaster().law())
          .writtenWhen(f -> f.forecast().parameters().isPresent())
          .field("epochOneOomAggregateErrorPoints", f -> CapabilityForecast.EPOCH_ONE_OOM_AGGREGATE_ERROR_PP)
          .field("epochOneOomTaskErrorPoints", f -> CapabilityForecast.EPOCH_ONE_OOM_TASK_ERROR_PP)
          .field("caveat", f -> CapabilityForecast.caveat())
          .build();

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
    return FORECASTED.write(new Forecasted(forecaster, forecast, metric, runs));
  }
}
