package dev.persistence.cli;

import dev.persistence.io.forecast.CapabilityRunsCsv;
import dev.persistence.io.forecast.ForecastJson;
import dev.persistence.scaling.forecast.CapabilityForecast;
import dev.persistence.scaling.forecast.CapabilityForecaster;
import dev.persistence.scaling.forecast.CapabilityRun;
import dev.persistence.scaling.forecast.ExtrapolationError;
import dev.persistence.scaling.forecast.ForecastSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code persistence forecast}: a benchmark score forecast by the Llama 3 two-step method (arXiv:2407.21783,
 * section 3.2.1), fitted to a team's runs, with a bootstrap interval.
 */
@Command(
    name = "forecast",
    mixinStandardHelpOptions = true,
    description =
        "Forecast a benchmark score from a team's runs (CSV): loss from model and data by a fitted Chinchilla law,"
            + " then the score from the loss by a fitted sigmoid (Llama 3 report, section 3.2.1), with a bootstrap"
            + " interval.")
final class ForecastCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "RUNS.csv", description = "Runs, one per row, with a header row.")
  Path runsFile;

  static final class Target {
    @Option(names = "--loss", paramLabel = "L", description = "The planned model's loss (step 2 only).")
    Double loss;

    @Option(names = "--compute", paramLabel = "C", description = "Training FLOPs, split compute-optimally by the fitted law.")
    Double compute;

    @ArgGroup(exclusive = false)
    ModelAndData model;
  }

  static final class ModelAndData {
    @Option(names = "--params", paramLabel = "N", required = true, description = "The planned model's parameters.")
    double parameters;

    @Option(names = "--tokens", paramLabel = "D", required = true, description = "The planned training tokens.")
    double tokens;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  @Option(names = "--metric", paramLabel = "COLUMN", required = true, description = "The score column to forecast.")
  String metric;

  @Option(names = "--params-column", paramLabel = "NAME", defaultValue = "params", description = "Default params.")
  String paramsColumn;

  @Option(names = "--tokens-column", paramLabel = "NAME", defaultValue = "tokens", description = "Default tokens.")
  String tokensColumn;

  @Option(names = "--loss-column", paramLabel = "NAME", defaultValue = "loss", description = "Default loss.")
  String lossColumn;

  @Option(names = "--fit-max-params", paramLabel = "N", description = "Fit only the runs with at most N parameters.")
  Double fitMaxParams;

  @Option(names = "--floor", paramLabel = "S", defaultValue = "0", description = "Score at chance (default 0).")
  double floor;

  @Option(names = "--max-score", paramLabel = "S", defaultValue = "1", description = "Best score possible (default 1).")
  double maxScore;

  @Option(names = "--samples", paramLabel = "K", defaultValue = "1000", description = "Bootstrap resamples.")
  int samples;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Bootstrap seed.")
  long seed;

  @Option(names = "--confidence", paramLabel = "P", defaultValue = "0.9", description = "Interval level.")
  double confidence;

  @Option(
      names = "--extrapolation-error",
      paramLabel = "aggregate|task|none",
      defaultValue = "aggregate",
      description =
          "Extrapolation term of the interval, Epoch AI's measured error per order of magnitude of compute (Owen"
              + " 2024): aggregate (6 points, BIG-Bench Hard, default), task (18, single tasks) or none.")
  String extrapolationError;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    List<CapabilityRun> runs =
        new CapabilityRunsCsv(paramsColumn, tokensColumn, lossColumn, metric).read(runsFile);
    if (fitMaxParams != null) {
      List<CapabilityRun> kept = new ArrayList<>();
      for (CapabilityRun run : runs) {
        if (run.parameters() <= fitMaxParams) {
          kept.add(run);
        }
      }
      runs = kept;
    }
    ForecastSettings settings =
        new ForecastSettings(floor, maxScore, samples, seed, confidence, extrapolationError(extrapolationError));
    CapabilityForecaster forecaster = CapabilityForecaster.fit(runs, settings);
    CapabilityForecast forecast;
    if (target.loss != null) {
      forecast = forecaster.atLoss(target.loss);
    } else if (target.compute != null) {
      forecast = forecaster.atCompute(target.compute);
    } else {
      forecast = forecaster.at(target.model.parameters, target.model.tokens);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      JsonOutput.print(out, ForecastJson.toJson(forecaster, forecast, metric, runsFile.toString()));
    } else {
      Forecasts.print(forecaster, forecast, metric, runsFile.toString(), out);
    }
    return 0;
  }

  private static ExtrapolationError extrapolationError(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "aggregate" -> ExtrapolationError.EPOCH_BBH_AGGREGATE;
      case "task" -> ExtrapolationError.EPOCH_BIG_BENCH_TASK;
      case "none" -> ExtrapolationError.NONE;
      default -> throw new IllegalArgumentException(
          "--extrapolation-error (" + name + ") must be aggregate, task or none");
    };
  }
}
