package dev.persistence.costing.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrainingRunProperties {

  private static final double[] MFUS = {0.05, 0.2, 0.35, 0.41, 0.5, 0.75, 1.0};
  private static final double[] GOODPUTS = {0.5, 0.8, 0.9, 0.95, 1.0};
  private static final long[] COUNTS = {1, 8, 1024, 16_384, 100_000};
  private static final double[] FLOPS = {1e20, 3.14e23, 3.8e25, 1e27};

  @Test
  void moreMfuNeverTakesLongerNorCostsMoreHours() {
    for (double flops : FLOPS) {
      for (long count : COUNTS) {
        for (double goodput : GOODPUTS) {
          double previousHours = Double.POSITIVE_INFINITY;
          double previousSeconds = Double.POSITIVE_INFINITY;
          for (double mfu : MFUS) {
            TrainingRun run =
                TrainingRun.withModelFlopsUtilization(flops, count, 989e12, mfu, Goodput.of(goodput, "grid"));
            assertTrue(run.acceleratorHours() <= previousHours, () -> "hours rose at MFU " + mfu);
            assertTrue(run.wallClockSeconds() <= previousSeconds);
            previousHours = run.acceleratorHours();
            previousSeconds = run.wallClockSeconds();
          }
        }
      }
    }
  }

  @Test
  void moreGoodputNeverTakesLonger() {
    for (double flops : FLOPS) {
      for (double mfu : MFUS) {
        double previous = Double.POSITIVE_INFINITY;
        for (double goodput : GOODPUTS) {
          TrainingRun run =
              TrainingRun.withModelFlopsUtilization(flops, 1024, 989e12, mfu, Goodput.of(goodput, "grid"));
          assertTrue(run.acceleratorHours() <= previous);
          assertTrue(run.productiveAcceleratorHours() <= run.acceleratorHours());
          previous = run.acceleratorHours();
        }
      }
    }
  }

  @Test
  void acceleratorHoursDoNotDependOnHowManyAcceleratorsShareTheWork() {
    // Conservation: the same FLOPs at the same per-chip rate occupy the same accelerator-hours on any count.
    for (double flops : FLOPS) {
      double reference = TrainingRun.withModelFlopsUtilization(flops, 1, 989e12, 0.4, Goodput.NONE).acceleratorHours();
      for (long count : COUNTS) {
        TrainingRun run = TrainingRun.withModelFlopsUtilization(flops, count, 989e12, 0.4, Goodput.NONE);
        assertEquals(reference, run.acceleratorHours(), reference * 1e-12);
        assertEquals(run.acceleratorHours(), run.usage().wallClockHours() * count, reference * 1e-12);
      }
    }
  }
}
