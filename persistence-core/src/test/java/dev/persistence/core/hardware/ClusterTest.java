package dev.persistence.core.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.persistence.core.memory.Bytes;
import dev.persistence.core.precision.NumericFormat;
import org.junit.jupiter.api.Test;

class ClusterTest {

  /** H100 SXM figures from the reference accelerators.json (aiconfigurator h100_sxm.yaml, stas00 tables). */
  static Accelerator h100() {
    return Accelerator.builder()
        .name("H100-SXM5-80GB")
        .addAliases("H100")
        .vendor("NVIDIA")
        .putDensePeakFlopsPerSecond(NumericFormat.BF16, 989e12)
        .putDensePeakFlopsPerSecond(NumericFormat.FP8, 1979e12)
        .memoryBytes(Bytes.fromGigabytes(80))
        .memoryBandwidthBytesPerSecond(3.35e12)
        .thermalDesignPowerWatts(700)
        .scaleUpBandwidthBytesPerSecondPerDirection(450e9)
        .source("test")
        .build();
  }

  @Test
  void acceleratorUnitsAreVisible() {
    Accelerator h100 = h100();
    assertEquals(80.0, h100.memoryGigabytes(), 1e-12);
    assertEquals(80e9 / (1L << 30), h100.memoryGibibytes(), 1e-12);
    assertEquals(989e12, h100.densePeakFlopsPerSecond(NumericFormat.BF16));
    assertEquals(
        "computeFormat (fp4) must be one that accelerator H100-SXM5-80GB has a dense peak for: [bf16, fp8]",
        assertThrows(IllegalArgumentException.class, () -> h100.densePeakFlopsPerSecond(NumericFormat.FP4))
            .getMessage());
    assertEquals(true, h100.isNamed(" h100 "));
  }

  /**
   * A cluster-wide board power limit (TorchTitan's Grand Teton H100s at 500 W against the SXM module's 700 W,
   * {@code reference/training-runs-modern.json} rows {@code tt-*}) overrides the accelerator's own limit and lowers
   * the cluster's IT power with the boards' draw; the node overhead is not limited.
   */
  @Test
  void clusterPowerLimit() {
    Accelerator limited = ImmutableAccelerator.copyOf(h100()).withPowerLimitWatts(600.0);
    Cluster base =
        Cluster.builder()
            .accelerator(limited)
            .acceleratorsPerNode(8)
            .nodeCount(128)
            .scaleOutBandwidthBytesPerSecondPerAccelerator(50e9)
            .scaleOutLatencySeconds(5e-6)
            .nodeOverheadPowerWatts(4600)
            .build();
    assertEquals(600.0 / 700, base.powerLimitFraction(), 1e-12);
    Cluster cluster = ImmutableCluster.copyOf(base).withPowerLimitWatts(500);
    assertEquals(500.0 / 700, cluster.powerLimitFraction(), 1e-12);
    assertEquals(1024 * 500.0 + 128 * 4600.0, cluster.itPowerWatts(), 1e-6);
    // A limit above the TDP does not raise the draw.
    assertEquals(1.0, ImmutableCluster.copyOf(base).withPowerLimitWatts(900).powerLimitFraction());
    assertEquals(
        "powerLimitWatts (0.0) must be > 0 and <= " + Accelerator.MAX_POWER_WATTS,
        assertThrows(IllegalArgumentException.class, () -> ImmutableCluster.copyOf(base).withPowerLimitWatts(0))
            .getMessage());
  }

  @Test
  void clusterPower() {
    Cluster cluster =
        Cluster.builder()
            .accelerator(h100())
            .acceleratorsPerNode(8)
            .nodeCount(128)
            .scaleOutBandwidthBytesPerSecondPerAccelerator(50e9)
            .scaleOutLatencySeconds(5e-6)
            .powerUsageEffectiveness(1.2)
            .nodeOverheadPowerWatts(4600)
            .build();
    assertEquals(1024, cluster.acceleratorCount());
    assertEquals(8, cluster.scaleUpDomainSize());
    assertEquals(1024 * 700.0 + 128 * 4600.0, cluster.itPowerWatts(), 1e-6);
    assertEquals((1024 * 700.0 + 128 * 4600.0) * 1.2, cluster.facilityPowerWatts(), 1e-6);
    assertEquals(
        "powerUsageEffectiveness (0.9) must be finite and >= 1",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    Cluster.builder()
                        .accelerator(h100())
                        .acceleratorsPerNode(8)
                        .nodeCount(1)
                        .scaleOutBandwidthBytesPerSecondPerAccelerator(50e9)
                        .scaleOutLatencySeconds(5e-6)
                        .powerUsageEffectiveness(0.9)
                        .build())
            .getMessage());
    assertEquals(
        "scaleUpDomainSize (12) must be a multiple or a divisor of acceleratorsPerNode (8)",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    Cluster.builder()
                        .accelerator(h100())
                        .acceleratorsPerNode(8)
                        .scaleUpDomainSize(12)
                        .nodeCount(1)
                        .scaleOutBandwidthBytesPerSecondPerAccelerator(50e9)
                        .scaleOutLatencySeconds(5e-6)
                        .build())
            .getMessage());
  }
}
