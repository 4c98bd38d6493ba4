package dev.persistence.scaling.forecast;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
import dev.persistence.scaling.fit.ChinchillaFitter;
import dev.persistence.scaling.fit.Observation;
import dev.persistence.scaling.fit.ParametricFit;
import dev.persistence.scaling.law.ChinchillaLaw;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * The two-step capability forecast of the Llama 3 report (Dubey et al. 2024, arXiv:2407.21783, section 3.2.1),
 * fitted to a team's own runs:
 *
 * <ol>
 *   <li>loss from the model and data through a scaling law: the Chinchilla form {@code L = E + A/N^alpha +
 *       B/D^beta} fitted by {@link ChinchillaFitter} (Hoffmann et al. 2022, Approach 3). Llama 3 fits the
 *       benchmark's normalised negative log-likelihood linearly against compute on compute-optimal runs; a
 *       ladder of over-trained runs needs both N and D, hence the Chinchilla form;
 *   <li>the score from the loss through a {@link SigmoidLink}, as Llama 3 (and Owen 2024 for BIG-Bench) do.
 * </ol>
 *
 * <p>Both steps are fitted once to all runs; a seeded bootstrap then resamples the runs (one draw for both steps),
 * refits each, and predicts with a residual drawn from the full fit's residuals, giving a prediction interval
 * (see {@link CapabilityForecast}). A forecast from a given loss uses step 2 only (and, for the extrapolation
 * term, step 1's full fit).
 *
 * <p>The optional extrapolation term ({@link ForecastSettings#extrapolationError()}) follows Owen 2024 (Epoch AI,
 * arXiv:2401.04757), who measure distance as scaled compute, "the compute required to achieve this loss under
 * optimal scaling of N and D". On the fitted law's compute-optimal frontier (Hoffmann et al. 2022 eq. 4) the loss
 * is {@code L*(C) = E + K C^-gamma} with {@code gamma = alpha beta / (alpha + beta)}, so a loss {@code L} lies
 * {@code log10((L_min - E) / (L - E)) / gamma} orders of magnitude of scaled compute beyond the runs' lowest loss
 * {@code L_min} (0 when it is inside their range). Epoch report a mean absolute error per order of magnitude;
 * the term assumes it grows in proportion to the distance (they measured one order of magnitude; proportional
 * growth is our assumption, the conservative one for longer extrapolations) and that the error is normal, whose
 * mean absolute value is {@code sigma sqrt(2 / pi)}: its half-width is {@code z sqrt(pi / 2) MAE distance},
 * {@code z} the standard normal quantile of the interval's level, points scaled to {@code maxScore / 100}.
 * It is combined with the bootstrap's half-width in quadrature, each side separately (independent errors); the
 * upper end is then capped at {@code maxScore}, the best score possible (the lower is not floored: scores can
 * fall below chance).
 */
public final class CapabilityForecaster {
  /** sqrt(pi / 2): a normal error's standard deviation over its mean absolute value. */
  private static final double SIGMA_PER_MEAN_ABSOLUTE_ERROR = Math.sqrt(Math.PI / 2);

  private final List<CapabilityRun> runs;
  private final ForecastSettings settings;
  private final SigmoidFitter sigmoidFitter;
  private final double[] loss;
  private final double[] score;
  private final SigmoidLink link;
  private final double[] scoreResiduals;
  private final List<int[]> draws;
  private final List<SigmoidLink> links;
  private final long[] residualSeeds;
  private ParametricFit lawFit;
  private List<Observation> observations;
  private List<ChinchillaLaw> laws;
  private double[] logLossResiduals;

  private CapabilityForecaster(List<CapabilityRun> runs, ForecastSettings settings) {
    this.runs = List.copyOf(runs);
    this.settings = settings;
    int n = runs.size();
    checkArgument(n >= 6, "runs (%s) must be >= 6 for a two-step forecast", n);
    loss = new double[n];
    score = new double[n];
    for (int i = 0; i < n; i++) {
      loss[i] = runs.get(i).loss();
      score[i] = runs.get(i).score();
    }
    sigmoidFitter = new SigmoidFitter(settings.floor(), settings.maxScore());
    link = sigmoidFitter.fit(loss, score);
    scoreResiduals = new double[n];
    for (int i = 0; i < n; i++) {
      scoreResiduals[i] = score[i] - link.score(loss[i]);
    }
    SplittableRandom random = new SplittableRandom(settings.seed());
    draws = new ArrayList<>();
    links = new ArrayList<>();
    residualSeeds = new long[settings.samples()];
    for (int s = 0; s < settings.samples(); s++) {
      int[] counts = new int[n];
      for (int i = 0; i < n; i++) {
        counts[random.nextInt(n)]++;
      }
      draws.add(counts);
      residualSeeds[s] = random.nextLong();
      double[] l = new double[n];
      double[] y = new double[n];
      int k = 0;
      for (int i = 0; i < n; i++) {
        for (int c = 0; c < counts[i]; c++) {
          l[k] = loss[i];
          y[k++] = score[i];
        }
      }
      links.add(sigmoidFitter.refit(l, y, link));
    }
  }

  /**
   * Fits step 2 to {@code runs} and draws the bootstrap resamples; step 1 is fitted on first use.
   *
   * @param runs the team's runs, at least 6
   * @param settings floor, ceiling cap, resamples, seed, confidence
   * @throws IllegalArgumentException on too few runs or a fit that does not converge
   */
  public static CapabilityForecaster fit(List<CapabilityRun> runs, ForecastSettings settings) {
    return new CapabilityForecaster(runs, settings);
  }

  /** The runs fitted. */
  public List<CapabilityRun> runs() {
    return runs;
  }

  /** The settings. */
  public ForecastSettings settings() {
    return settings;
  }

  /** Step 2 fitted to all runs. */
  public SigmoidLink link() {
    return link;
  }

  /** Step 1 fitted to all runs (fitted on first call: 4,500 starts of L-BFGS). */
  public synchronized ChinchillaLaw law() {
    if (lawFit == null) {
      observations = new ArrayList<>();
      for (CapabilityRun run : runs) {
        observations.add(new Observation(run.parameters(), run.tokens(), run.loss()));
      }
      lawFit = ChinchillaFitter.paperGrid().fit(observations);
      logLossResiduals = new double[runs.size()];
      for (int i = 0; i < runs.size(); i++) {
        CapabilityRun run = runs.get(i);
        logLossResiduals[i] = Math.log(run.loss()) - Math.log(lawFit.law().loss(run.parameters(), run.tokens()));
      }
    }
    return lawFit.law();
  }

  /** Step 1 refitted to each bootstrap resample (on first call). */
  private synchronized List<ChinchillaLaw> laws() {
    law();
    if (laws == null) {
      laws = ChinchillaFitter.refit(observations, lawFit, draws);
    }
    return laws;
  }

  /**
   * The score at a given loss (step 2 only).
   *
   * @param givenLoss the planned model's loss, nats, finite and {@code > 0}
   */
  public CapabilityForecast atLoss(double givenLoss) {
    Checks.positive("loss", givenLoss);
    double[] predictions = new double[settings.samples()];
    for (int s = 0; s < predictions.length; s++) {
      SplittableRandom random = new SplittableRandom(residualSeeds[s]);
      predictions[s] = links.get(s).score(givenLoss) + scoreResiduals[random.nextInt(scoreResiduals.length)];
    }
    return forecast(
        OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), givenLoss, null, predictions);
  }

  /**
   * The score of a model of {@code parameters} trained on {@code tokens} (both steps).
   *
   * @param parameters N, finite and {@code > 0}
   * @param tokens D, finite and {@code > 0}
   */
  public CapabilityForecast at(double parameters, double tokens) {
    Checks.positive("parameters", parameters);
    Checks.positive("tokens", tokens);
    ChinchillaLaw full = law();
    List<ChinchillaLaw> replicates = laws();
    double pointLoss = full.loss(parameters, tokens);
    double[] losses = new double[settings.samples()];
    double[] predictions = new double[settings.samples()];
    for (int s = 0; s < predictions.length; s++) {
      SplittableRandom random = new SplittableRandom(residualSeeds[s]);
      double sampledLoss =
          replicates.get(s).loss(parameters, tokens)
              * Math.exp(logLossResiduals[random.nextInt(logLossResiduals.length)]);
      losses[s] = sampledLoss;
      predictions[s] = links.get(s).score(sampledLoss) + scoreResiduals[random.nextInt(scoreResiduals.length)];
    }
    return forecast(
        OptionalDouble.of(parameters),
        OptionalDouble.of(tokens),
        OptionalDouble.of(6 * parameters * tokens),
        pointLoss,
        losses,
        predictions);
  }

  /**
   * The score at training compute {@code trainingFlops}, split compute-optimally by the fitted law (Hoffmann et
   * al. 2022 eq. 4, {@link ChinchillaLaw#optimalParameters}).
   *
   * @param trainingFlops C, finite and {@code > 0}
   */
  public CapabilityForecast atCompute(double trainingFlops) {
    Checks.positive("compute", trainingFlops);
    ChinchillaLaw full = law();
    return at(full.optimalParameters(trainingFlops), full.optimalTokens(trainingFlops));
  }

  private CapabilityForecast forecast(
      OptionalDouble parameters,
      OptionalDouble tokens,
      OptionalDouble flops,
      double pointLoss,
      double[] losses,
      double[] predictions) {
    double minLoss = Double.POSITIVE_INFINITY;
    double maxFlops = 0;
    for (CapabilityRun run : runs) {
      minLoss = Math.min(minLoss, run.loss());
      maxFlops = Math.max(maxFlops, run.trainingFlops());
    }
    double tail = (1 - settings.confidence()) / 2;
    Arrays.sort(predictions);
    double point = link.score(pointLoss);
    double bootstrapLower = percentile(predictions, tail);
    double bootstrapUpper = percentile(predictions, 1 - tail);
    ExtrapolationError error = settings.extrapolationError();
    double oom = error == ExtrapolationError.NONE ? 0 : scaledComputeOom(minLoss, pointLoss);
    double halfWidth =
        SIGMA_PER_MEAN_ABSOLUTE_ERROR * new NormalDistribution().inverseCumulativeProbability(1 - tail)
            * error.meanAbsoluteErrorPointsPerOom() / 100 * settings.maxScore() * oom;
    double below = Math.max(0, point - bootstrapLower);
    double above = Math.max(0, bootstrapUpper - point);
    OptionalDouble lossLower = OptionalDouble.empty();
    OptionalDouble lossUpper = OptionalDouble.empty();
    if (losses != null) {
      Arrays.sort(losses);
      lossLower = OptionalDouble.of(percentile(losses, tail));
      lossUpper = OptionalDouble.of(percentile(losses, 1 - tail));
    }
    return CapabilityForecast.builder()
        .parameters(parameters)
        .tokens(tokens)
        .trainingFlops(flops)
        .loss(pointLoss)
        .lossLower(lossLower)
        .lossUpper(lossUpper)
        .score(point)
        .scoreLower(point - Math.hypot(below, halfWidth))
        .scoreUpper(Math.min(settings.maxScore(), point + Math.hypot(above, halfWidth)))
        .confidence(settings.confidence())
        .samples(settings.samples())
        .extrapolationOom(
            flops.isPresent()
                ? OptionalDouble.of(Math.log10(flops.getAsDouble() / maxFlops))
                : OptionalDouble.empty())
        .lossBeyondRuns(minLoss - pointLoss)
        .bootstrapLower(bootstrapLower)
        .bootstrapUpper(bootstrapUpper)
        .scaledComputeOom(oom)
        .extrapolationError(error)
        .extrapolationHalfWidth(halfWidth)
        .build();
  }

  /**
   * Orders of magnitude of scaled compute from the runs' lowest loss to {@code target} on the fitted law's
   * frontier, 0 inside the runs' range (see the class comment).
   */
  private double scaledComputeOom(double minLoss, double target) {
    if (target >= minLoss) {
      return 0;
    }
    ChinchillaLaw full = law();
    double e = full.irreducibleLoss();
    checkArgument(
        target > e && minLoss > e,
        "loss (%s) must be above the fitted law's irreducible loss (%s) for an extrapolation error: its scaled"
            + " compute is unbounded (turn the extrapolation term off to forecast it)",
        Math.min(target, minLoss),
        e);
    double alpha = full.parameterExponent();
    double beta = full.tokenExponent();
    double gamma = alpha * beta / (alpha + beta);
    return Math.log10((minLoss - e) / (target - e)) / gamma;
  }

  /** Linear interpolation between order statistics (type 7). */
  private static double percentile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
