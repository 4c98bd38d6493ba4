package dev.persistence.cli;

import dev.persistence.io.fit.FitJson;
import dev.persistence.scaling.fit.BootstrapResult;
import dev.persistence.scaling.fit.ChinchillaFitter;
import dev.persistence.scaling.fit.Interval;
import dev.persistence.scaling.fit.IsoFlopFit;
import dev.persistence.scaling.fit.Observation;
import dev.persistence.scaling.fit.ParametricFit;
import dev.persistence.scaling.law.ChinchillaLaw;
import java.io.PrintWriter;
import java.nio.file.Path;
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
 * {@code persistence fit}: fits the Chinchilla form to a team's own runs (Approach 3, Hoffmann et al. 2022 App.
 * D.2) or the isoFLOP exponents (Approach 2), with seeded bootstrap intervals.
 */
@Command(
    name = "fit",
    mixinStandardHelpOptions = true,
    description = "Fit L = E + A/N^alpha + B/D^beta to runs in a CSV (Approach 3), or isoFLOP exponents (Approach 2).")
final class FitCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DATA.csv", description = "Runs, one per row, with a header row.")
  Path data;

  @Option(names = "--approach", paramLabel = "3|2", defaultValue = "3", description = "3 (parametric, default) or 2 (isoFLOP).")
  int approach;

  @Option(names = "--bootstrap", paramLabel = "K", defaultValue = "0",
      description = "Bootstrap resamples for confidence intervals (Approach 3); 0 for none.")
  int bootstrap;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "20240416", description = "Bootstrap seed.")
  long seed;

  @Option(names = "--confidence", paramLabel = "P", defaultValue = "0.95", description = "Interval level.")
  double confidence;

  @Option(names = "--compute", paramLabel = "C", defaultValue = "5.76e23",
      description = "Budget (FLOPs) at which intervals of the optimal N and D are reported; default Gopher's.")
  double compute;

  @Option(names = "--params-column", paramLabel = "NAME", defaultValue = "params", description = "Default params.")
  String paramsColumn;

  static final class TokenSource {
    @Option(names = "--tokens-column", paramLabel = "NAME", description = "Default tokens.")
    String tokensColumn;

    @Option(names = "--flops-column", paramLabel = "NAME", description = "Training FLOPs column; tokens = FLOPs/(6N).")
    String flopsColumn;
  }

  @ArgGroup(exclusive = true)
  TokenSource tokenSource;

  @Option(names = "--loss-column", paramLabel = "NAME", defaultValue = "loss", description = "Default loss.")
  String lossColumn;

  @Option(names = "--isoflop-tolerance", paramLabel = "R", defaultValue = "0.05",
      description = "Approach 2: runs whose 6ND differ by less than this fraction form one isoFLOP profile.")
  double isoFlopTolerance;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    String tokensColumn = tokenSource == null || tokenSource.tokensColumn == null ? "tokens" : tokenSource.tokensColumn;
    String flopsColumn = tokenSource == null ? null : tokenSource.flopsColumn;
    if (bootstrap != 0 && (bootstrap < 2 || bootstrap > ChinchillaFitter.MAX_BOOTSTRAP_SAMPLES)) {
      throw new IllegalArgumentException(
          "--bootstrap (" + bootstrap + ") must be 0 or in [2, " + ChinchillaFitter.MAX_BOOTSTRAP_SAMPLES + "]");
    }
    if (!(compute > 0 && compute < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("--compute (" + compute + ") must be finite and > 0");
    }
    List<Observation> observations = RunsCsv.read(data, paramsColumn, tokensColumn, flopsColumn, lossColumn);
    switch (approach) {
      case 3:
        return approach3(observations);
      case 2:
        return approach2(observations);
      default:
        throw new IllegalArgumentException("--approach (" + approach + ") must be 3 or 2");
    }
  }

  private int approach3(List<Observation> observations) {
    ChinchillaFitter fitter = ChinchillaFitter.paperGrid();
    BootstrapResult boot = null;
    ParametricFit fit;
    if (bootstrap > 0) {
      try {
        boot = fitter.bootstrap(observations, bootstrap, seed, confidence, compute);
      } catch (IllegalArgumentException e) {
        // The fitter names its parameters; the user wrote flags.
        throw new IllegalArgumentException(
            e.getMessage()
                .replace("targetFlops (", "--compute (")
                .replace("samples (", "--bootstrap (")
                .replace("confidence (", "--confidence ("),
            e);
      }
      fit = boot.fit();
    } else {
      fit = fitter.fit(observations);
    }
    ChinchillaLaw law = fit.law();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      JsonOutput.print(out, FitJson.parametric(fit, boot));
      return 0;
    }
    TextTable table = new TextTable()
        .row("observations", fit.observations())
        .row("E", withInterval(law.irreducibleLoss(), boot == null ? null : boot.irreducibleLoss()))
        .row("A", withInterval(law.parameterCoefficient(), boot == null ? null : boot.parameterCoefficient()))
        .row("B", withInterval(law.tokenCoefficient(), boot == null ? null : boot.tokenCoefficient()))
        .row("alpha", withInterval(law.parameterExponent(), boot == null ? null : boot.parameterExponent()))
        .row("beta", withInterval(law.tokenExponent(), boot == null ? null : boot.tokenExponent()))
        .row("objective (sum of Huber)", String.format(Locale.ROOT, "%.7g", fit.objective()));
    if (boot != null) {
      table.row(String.format(Locale.ROOT, "optimal N at %.3g FLOPs", compute),
              withInterval(law.optimalParameters(compute), boot.optimalParameters()))
          .row(String.format(Locale.ROOT, "optimal D at %.3g FLOPs", compute),
              withInterval(law.optimalTokens(compute), boot.optimalTokens()));
    }
    table.print(out);
    return 0;
  }

  private int approach2(List<Observation> observations) {
    IsoFlopFit fit = IsoFlopFit.fit(IsoFlopFit.profiles(observations, isoFlopTolerance));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      JsonOutput.print(out, FitJson.isoFlop(fit));
      return 0;
    }
    new TextTable()
        .row("isoFLOP profiles", fit.minima().size())
        .row("a (N_opt ~ C^a)", fit.parameterExponent())
        .row("b (D_opt ~ C^b)", fit.tokenExponent())
        .print(out);
    return 0;
  }

  private String withInterval(double value, Interval interval) {
    if (interval == null) {
      return String.format(Locale.ROOT, "%.6g", value);
    }
    return String.format(Locale.ROOT, "%.6g  [%.6g, %.6g]", value, interval.lower(), interval.upper());
  }
}
