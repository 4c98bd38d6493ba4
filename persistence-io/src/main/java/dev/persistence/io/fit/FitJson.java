package dev.persistence.io.fit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.io.document.ResultDocument;
import dev.persistence.scaling.fit.BootstrapResult;
import dev.persistence.scaling.fit.Interval;
import dev.persistence.scaling.fit.IsoFlopFit;
import dev.persistence.scaling.fit.ParametricFit;
import dev.persistence.scaling.law.ChinchillaLaw;

/**
 * Fits to a team's own runs as JSON documents: the objects {@code persistence fit --json} prints, Approach 3
 * ({@link #parametric}) and Approach 2 ({@link #isoFlop}) of Hoffmann et al. (2022).
 */
public final class FitJson {
  private FitJson() {}

  private static final ResultDocument<Interval> INTERVAL =
      ResultDocument.of(Interval.class).fields("lower", "upper", "standardError").build();

  private static final ResultDocument<BootstrapResult> BOOTSTRAP =
      ResultDocument.of(BootstrapResult.class)
          .field("bootstrap", BootstrapResult::samples)
          .fields("seed", "confidence")
          .field("compute", BootstrapResult::targetFlops)
          .object(
              "intervals",
              ResultDocument.of(BootstrapResult.class)
                  .object("E", INTERVAL, BootstrapResult::irreducibleLoss)
                  .object("A", INTERVAL, BootstrapResult::parameterCoefficient)
                  .object("B", INTERVAL, BootstrapResult::tokenCoefficient)
                  .object("alpha", INTERVAL, BootstrapResult::parameterExponent)
                  .object("beta", INTERVAL, BootstrapResult::tokenExponent)
                  .object("optimalParams", INTERVAL, BootstrapResult::optimalParameters)
                  .object("optimalTokens", INTERVAL, BootstrapResult::optimalTokens)
                  .build(),
              bootstrap -> bootstrap)
          .build();

  private record Fitted(ParametricFit fit, BootstrapResult bootstrap) {}

  private static final ResultDocument<Fitted> PARAMETRIC =
      ResultDocument.of(Fitted.class)
          .field("approach", fitted -> 3)
          .field("observations", fitted -> fitted.fit().observations())
          .include(
              ResultDocument.of(ChinchillaLaw.class)
                  .field("E", ChinchillaLaw::irreducibleLoss)
                  .field("A", ChinchillaLaw::parameterCoefficient)
                  .field("B", ChinchillaLaw::tokenCoefficient)
                  .field("alpha", ChinchillaLaw::parameterExponent)
                  .field("beta", ChinchillaLaw::tokenExponent)
                  .build(),
              fitted -> fitted.fit().law())
          .field("objective", fitted -> fitted.fit().objective())
          .include(BOOTSTRAP, Fitted::bootstrap)
          .writtenWhen(fitted -> fitted.bootstrap() != null)
          .build();

  private static final ResultDocument<IsoFlopFit> ISO_FLOP =
      ResultDocument.of(IsoFlopFit.class)
          .field("approach", fit -> 2)
          .field("profiles", fit -> fit.minima().size())
          .field("a", IsoFlopFit::parameterExponent)
          .field("paramsCoefficient", IsoFlopFit::parameterCoefficient)
          .field("b", IsoFlopFit::tokenExponent)
          .field("tokensCoefficient", IsoFlopFit::tokenCoefficient)
          .build();

  /**
   * An Approach 3 fit: {@code approach} 3, {@code observations}, the law's {@code E}, {@code A}, {@code B},
   * {@code alpha}, {@code beta} and the {@code objective} (sum of Huber losses); with a bootstrap also
   * {@code bootstrap} (resamples), {@code seed}, {@code confidence}, {@code compute} (the budget of the optimal N
   * and D intervals) and {@code intervals}, each {@code lower}, {@code upper}, {@code standardError}.
   *
   * @param fit the full-data fit
   * @param bootstrap its bootstrap; null for none
   */
  public static ObjectNode parametric(ParametricFit fit, BootstrapResult bootstrap) {
    return PARAMETRIC.write(new Fitted(fit, bootstrap));
  }

  /**
   * An Approach 2 fit: {@code approach} 2, {@code profiles} (isoFLOP minima), {@code a} and
   * {@code paramsCoefficient} of N_opt = k C^a, {@code b} and {@code tokensCoefficient} of D_opt = k C^b.
   *
   * @param fit the isoFLOP fit
   */
  public static ObjectNode isoFlop(IsoFlopFit fit) {
    return ISO_FLOP.write(fit);
  }
}
