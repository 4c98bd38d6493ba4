package dev.persistence.io.fit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private FitJson() {}

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
    ChinchillaLaw law = fit.law();
    ObjectNode out = NODES.objectNode();
    out.put("approach", 3);
    out.put("observations", fit.observations());
    out.put("E", law.irreducibleLoss());
    out.put("A", law.parameterCoefficient());
    out.put("B", law.tokenCoefficient());
    out.put("alpha", law.parameterExponent());
    out.put("beta", law.tokenExponent());
    out.put("objective", fit.objective());
    if (bootstrap != null) {
      out.put("bootstrap", bootstrap.samples());
      out.put("seed", bootstrap.seed());
      out.put("confidence", bootstrap.confidence());
      out.put("compute", bootstrap.targetFlops());
      ObjectNode intervals = out.putObject("intervals");
      intervals.set("E", interval(bootstrap.irreducibleLoss()));
      intervals.set("A", interval(bootstrap.parameterCoefficient()));
      intervals.set("B", interval(bootstrap.tokenCoefficient()));
      intervals.set("alpha", interval(bootstrap.parameterExponent()));
      intervals.set("beta", interval(bootstrap.tokenExponent()));
      intervals.set("optimalParams", interval(bootstrap.optimalParameters()));
      intervals.set("optimalTokens", interval(bootstrap.optimalTokens()));
    }
    return out;
  }

  /**
   * An Approach 2 fit: {@code approach} 2, {@code profiles} (isoFLOP minima), {@code a} and
   * {@code paramsCoefficient} of N_opt = k C^a, {@code b} and {@code tokensCoefficient} of D_opt = k C^b.
   *
   * @param fit the isoFLOP fit
   */
  public static ObjectNode isoFlop(IsoFlopFit fit) {
    ObjectNode out = NODES.objectNode();
    out.put("approach", 2);
    out.put("profiles", fit.minima().size());
    out.put("a", fit.parameterExponent());
    out.put("paramsCoefficient", fit.parameterCoefficient());
    out.put("b", fit.tokenExponent());
    out.put("tokensCoefficient", fit.tokenCoefficient());
    return out;
  }

  private static ObjectNode interval(Interval interval) {
    ObjectNode out = NODES.objectNode();
    out.put("lower", interval.lower());
    out.put("upper", interval.upper());
    out.put("standardError", interval.standardError());
    return out;
  }
}
