package dev.persistence.cli;

import dev.persistence.scaling.forecast.CapabilityForecast;
import dev.persistence.scaling.forecast.CapabilityForecaster;
import dev.persistence.scaling.law.ChinchillaLaw;
import java.io.PrintWriter;
import java.util.Locale;

/** Text of a capability forecast, for {@code forecast} and the plan report (its JSON is {@code io.forecast.ForecastJson}). */
final class Forecasts {
  private Forecasts() {}

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
