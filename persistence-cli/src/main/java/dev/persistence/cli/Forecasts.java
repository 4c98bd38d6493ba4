package dev.persistence.cli;

import dev.persistence.scaling.forecast.CapabilityForecast;
import dev.persistence.scaling.forecast.CapabilityForecaster;
import dev.persistence.scaling.law.ChinchillaLaw;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Text and JSON of a capability forecast, for {@code forecast} and the plan report. */
final class Forecasts {
  private Forecasts() {}

  static Map<String, Object> json(
      CapabilityForecaster forecaster, CapabilityForecast forecast, String metric, String runs) {
    Map<String, Object> json = new LinkedHashMap<>();
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
    Map<String, Object> extrapolation = new LinkedHashMap<>();
    extrapolation.put("error", forecast.extrapolationError().name());
    extrapolation.put("source", forecast.extrapolationError().source());
    extrapolation.put("meanAbsoluteErrorPointsPerOom", forecast.extrapolationError().meanAbsoluteErrorPointsPerOom());
    extrapolation.put("scaledComputeOom", forecast.scaledComputeOom());
    extrapolation.put("halfWidth", forecast.extrapolationHalfWidth());
    json.put("extrapolation", extrapolation);
    json.put("interval", forecast.intervalComponents());
    json.put("confidence", forecast.confidence());
    json.put("samples", forecast.samples());
    forecast.extrapolationOom().ifPresent(v -> json.put("extrapolationOom", v));
    json.put("lossBeyondRuns", forecast.lossBeyondRuns());
    Map<String, Object> link = new LinkedHashMap<>();
    link.put("floor", forecaster.link().floor());
    link.put("ceiling", forecaster.link().ceiling());
    link.put("midpoint", forecaster.link().midpoint());
    link.put("slope", forecaster.link().slope());
    json.put("sigmoid", link);
    if (forecast.parameters().isPresent()) {
      ChinchillaLaw law = forecaster.law();
      Map<String, Object> step1 = new LinkedHashMap<>();
      step1.put("irreducibleLoss", law.irreducibleLoss());
      step1.put("parameterCoefficient", law.parameterCoefficient());
      step1.put("tokenCoefficient", law.tokenCoefficient());
      step1.put("parameterExponent", law.parameterExponent());
      step1.put("tokenExponent", law.tokenExponent());
      json.put("law", step1);
    }
    json.put("epochOneOomAggregateErrorPoints", CapabilityForecast.EPOCH_ONE_OOM_AGGREGATE_ERROR_PP);
    json.put("epochOneOomTaskErrorPoints", CapabilityForecast.EPOCH_ONE_OOM_TASK_ERROR_PP);
    json.put("caveat", CapabilityForecast.caveat());
    return json;
  }

  static void print(
      CapabilityForecaster forecaster, CapabilityForecast forecast, String metric, String runs, PrintWriter out) {
    out.println(
        String.format(
            Locale.ROOT,
            "Forecast of %s (two-step, Llama 3 report section 3.2.1; %d runs from %s)",
            metric,
            forecaster.runs().size(),
            runs));
    TextTable table = new TextTable().leftAligned();
    if (forecast.parameters().isPresent()) {
      ChinchillaLaw law = forecaster.law();
      table.row(
          "planned model",
          String.format(
              Locale.ROOT,
              "%.3g parameters on %.3g tokens (%.2e FLOP)",
              forecast.parameters().getAsDouble(),
              forecast.tokens().getAsDouble(),
              forecast.trainingFlops().getAsDouble()));
      table.row(
          "step 1: loss law",
          String.format(
              Locale.ROOT,
              "L = %.3f + %.4g/N^%.3f + %.4g/D^%.3f",
              law.irreducibleLoss(),
              law.parameterCoefficient(),
              law.parameterExponent(),
              law.tokenCoefficient(),
              law.tokenExponent()));
      table.row(
          "predicted loss",
          String.format(
              Locale.ROOT,
              "%.4f (%.0f%% interval %.4f-%.4f)",
              forecast.loss(),
              100 * forecast.confidence(),
              forecast.lossLower().getAsDouble(),
              forecast.lossUpper().getAsDouble()));
    } else {
      table.row("given loss", String.format(Locale.ROOT, "%.4f", forecast.loss()));
    }
    table.row("step 2: sigmoid", forecaster.link().formula());
    table.row(
        "forecast " + metric,
        String.format(
            Locale.ROOT,
            "%.4f (%.0f%% interval %.4f-%.4f, %d resamples)",
            forecast.score(),
            100 * forecast.confidence(),
            forecast.scoreLower(),
            forecast.scoreUpper(),
            forecast.samples()));
    table.row("interval", forecast.intervalComponents());
    forecast
        .extrapolationOom()
        .ifPresent(
            oom ->
                table.row(
                    "extrapolation",
                    String.format(Locale.ROOT, "%.2f orders of magnitude of compute beyond the largest run", oom)));
    table.row(
        "loss beyond the runs",
        forecast.lossBeyondRuns() > 0
            ? String.format(Locale.ROOT, "%.3f nats below the lowest run's loss", forecast.lossBeyondRuns())
            : "inside the runs' range");
    table.print(out);
    out.println("  caveat: " + CapabilityForecast.caveat());
    out.flush();
  }
}
