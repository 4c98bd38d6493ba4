package dev.persistence.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ChecksTest {

  private static String message(Runnable call) {
    return assertThrows(IllegalArgumentException.class, call::run).getMessage();
  }

  @Test
  void everyRuleNamesTheFieldTheValueAndTheRule() {
    assertEquals("gpuCount (0) must be > 0", message(() -> Checks.positive("gpuCount", 0)));
    assertEquals("gpuCount (-3) must be > 0", message(() -> Checks.positive("gpuCount", -3L)));
    assertEquals("peak (NaN) must be finite and > 0", message(() -> Checks.positive("peak", Double.NaN)));
    assertEquals(
        "peak (Infinity) must be finite and > 0",
        message(() -> Checks.positive("peak", Double.POSITIVE_INFINITY)));
    assertEquals("fee (-0.5) must be finite and >= 0", message(() -> Checks.nonNegative("fee", -0.5)));
    assertEquals("layers (-1) must be >= 0", message(() -> Checks.nonNegative("layers", -1)));
    assertEquals("share (1.5) must be in [0, 1]", message(() -> Checks.fraction("share", 1.5)));
    assertEquals("share (NaN) must be in [0, 1]", message(() -> Checks.fraction("share", Double.NaN)));
    assertEquals("mfu (0.0) must be in (0, 1]", message(() -> Checks.positiveFraction("mfu", 0)));
    assertEquals("tokens (0.5) must be finite and >= 1", message(() -> Checks.count("tokens", 0.5)));
    assertEquals("x (NaN) must be finite", message(() -> Checks.finite("x", Double.NaN)));
    assertEquals("p (2.0) must be in [0.0, 1.0]", message(() -> Checks.inRange("p", 2.0, 0, 1)));
    assertEquals("tp (9) must be in [1, 8]", message(() -> Checks.inRange("tp", 9L, 1, 8)));
    assertEquals("n (1) must be >= 2", message(() -> Checks.atLeast("n", 1L, 2)));
    assertEquals("name (\" \") must not be blank", message(() -> Checks.notBlank("name", " ")));
    assertEquals("name (null) must not be blank", message(() -> Checks.notBlank("name", null)));
    assertEquals("tp (16) must be <= heads (8)", message(() -> Checks.check(false, "tp", 16, "must be <= heads (8)")));
  }

  @Test
  void valuesThatKeepTheRuleComeBackUnchanged() {
    assertEquals(8, Checks.positive("gpuCount", 8));
    assertEquals(0.25, Checks.fraction("share", 0.25));
    assertEquals(0.0, Checks.fraction("share", 0.0));
    assertEquals(1.0, Checks.positiveFraction("mfu", 1.0));
    assertEquals(0.0, Checks.nonNegative("fee", 0.0));
    assertEquals(1.0, Checks.count("tokens", 1.0));
    assertEquals(4L, Checks.inRange("tp", 4L, 1, 8));
    Checks.check(true, "tp", 4, "must be <= heads (8)");
  }
}
