package dev.persistence.scaling.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.persistence.scaling.law.ChinchillaLaw;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IsoFlopFitTest {
  /** isoFLOP profiles sampled from a known law: 9 model sizes within a factor of 3 of the optimum per budget. */
  private static List<Observation> profiles(ChinchillaLaw law) {
    List<Observation> data = new ArrayList<>();
    for (double c = 1e18; c <= 1e22; c *= 10) {
      double center = law.optimalParameters(c);
      for (int k = -4; k <= 4; k++) {
        double n = center * Math.pow(3, k / 4.0);
        double d = c / (6 * n);
        data.add(new Observation(n, d, law.loss(n, d)));
      }
    }
    return data;
  }

  @Test
  void recoversTheFrontierExponentsOfTheGeneratingLaw() {
    // Approach 2 applied to data from L = E + A/N^alpha + B/D^beta must find a = beta/(alpha+beta) (Hoffmann et
    // al. eq. 4); the parabola approximation in log N biases each minimum slightly, equally across budgets.
    for (ChinchillaLaw law : List.of(ChinchillaLaw.HOFFMANN_2022, ChinchillaLaw.BESIROGLU_2024)) {
      IsoFlopFit fit = IsoFlopFit.fit(IsoFlopFit.profiles(profiles(law), 1e-6));
      assertEquals(5, fit.minima().size());
      assertEquals(law.frontierParameterExponent(), fit.parameterExponent(), 0.01, law.name());
      assertEquals(law.frontierTokenExponent(), fit.tokenExponent(), 0.01, law.name());
      assertEquals(1.0, fit.parameterExponent() + fit.tokenExponent(), 1e-9);
      double c = 1e21;
      assertEquals(law.optimalParameters(c), fit.optimalParameters(c), 0.1 * law.optimalParameters(c));
    }
  }

  @Test
  void rejectsDegenerateProfiles() {
    List<Observation> one = profiles(ChinchillaLaw.HOFFMANN_2022).subList(0, 9);
    assertThrows(IllegalArgumentException.class, () -> IsoFlopFit.fit(List.of(one)));
    List<Observation> two = List.of(new Observation(1e8, 1e9, 3), new Observation(2e8, 5e8, 3));
    assertThrows(IllegalArgumentException.class, () -> IsoFlopFit.fit(List.of(two, two)));
  }
}
