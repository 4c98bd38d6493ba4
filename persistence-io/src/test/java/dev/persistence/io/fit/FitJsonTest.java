package dev.persistence.io.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.persistence.scaling.fit.BootstrapResult;
import dev.persistence.scaling.fit.Interval;
import dev.persistence.scaling.fit.IsoFlopFit;
import dev.persistence.scaling.fit.IsoFlopMinimum;
import dev.persistence.scaling.fit.ParametricFit;
import dev.persistence.scaling.law.ScalingLaws;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The documents {@code persistence fit --json} prints, built in io so that a library user gets the same ones. */
class FitJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void approach3NamesTheConstantsAndWithABootstrapItsIntervals() throws Exception {
    // The published Chinchilla constants (Hoffmann et al. 2022 eq. 10) as the fit; the figures are given, not fitted.
    ParametricFit fit =
        ParametricFit.builder().law(ScalingLaws.chinchillaForm("chinchilla")).objective(1e-3).observations(245).build();
    JsonNode plain = MAPPER.readTree(MAPPER.writeValueAsString(FitJson.parametric(fit, null)));
    assertEquals(List.of("approach", "observations", "E", "A", "B", "alpha", "beta", "objective"), keys(plain));
    assertEquals(3, plain.get("approach").asInt());
    assertEquals(fit.law().parameterExponent(), plain.get("alpha").asDouble());
    Interval interval = new Interval(0.3, 0.4, 0.02);
    BootstrapResult boot =
        BootstrapResult.builder()
            .fit(fit)
            .samples(20)
            .seed(3)
            .confidence(0.95)
            .targetFlops(5.76e23)
            .irreducibleLoss(interval)
            .parameterCoefficient(interval)
            .tokenCoefficient(interval)
            .parameterExponent(interval)
            .tokenExponent(interval)
            .optimalParameters(interval)
            .optimalTokens(interval)
            .build();
    JsonNode withBootstrap = MAPPER.readTree(MAPPER.writeValueAsString(FitJson.parametric(fit, boot)));
    assertEquals(
        List.of("approach", "observations", "E", "A", "B", "alpha", "beta", "objective", "bootstrap", "seed",
            "confidence", "compute", "intervals"),
        keys(withBootstrap));
    assertEquals(20, withBootstrap.get("bootstrap").asInt());
    assertEquals(
        List.of("E", "A", "B", "alpha", "beta", "optimalParams", "optimalTokens"), keys(withBootstrap.get("intervals")));
    assertEquals(
        "{\"lower\":0.3,\"upper\":0.4,\"standardError\":0.02}",
        MAPPER.writeValueAsString(withBootstrap.get("intervals").get("alpha")));
    assertFalse(plain.has("intervals"));
  }

  @Test
  void approach2IsTheExponentsAndCoefficients() throws Exception {
    // Hoffmann et al. 2022 Table 2, Approach 2: a = 0.49, b = 0.51; the coefficients are placeholders.
    IsoFlopFit fit =
        new IsoFlopFit(
            List.of(new IsoFlopMinimum(1e20, 1e9, 1.6e10, 2.5), new IsoFlopMinimum(1e21, 3e9, 5.5e10, 2.3)),
            0.49, 0.1, 0.51, 1.5);
    assertEquals(
        "{\"approach\":2,\"profiles\":2,\"a\":0.49,\"paramsCoefficient\":0.1,\"b\":0.51,\"tokensCoefficient\":1.5}",
        MAPPER.writeValueAsString(FitJson.isoFlop(fit)));
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }
}
