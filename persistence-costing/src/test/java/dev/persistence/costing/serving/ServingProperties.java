package dev.persistence.costing.serving;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.hardware.Accelerator;
import dev.persistence.core.hardware.ImmutableAccelerator;
import dev.persistence.costing.ReferenceRuns;
import org.junit.jupiter.api.Test;

class ServingProperties {

  private static final ServingWorkload[] WORKLOADS = {
    new ServingWorkload(1, 1), new ServingWorkload(128, 512), new ServingWorkload(1000, 200),
    new ServingWorkload(2048, 2048)
  };
  private static final int[] TENSOR_PARALLEL = {1, 2, 4, 8};

  @Test
  void costPerTokenNeverRisesWithBatch() {
    for (int tp : TENSOR_PARALLEL) {
      ServingDeployment deployment = ServingRooflineTest.deployment().withTensorParallel(tp);
      for (ServingWorkload workload : WORKLOADS) {
        long largest = Math.min(ServingRoofline.maxBatch(deployment, workload), 512);
        double previousOutput = Double.POSITIVE_INFINITY;
        double previousInput = Double.POSITIVE_INFINITY;
        for (long batch = 1; batch <= largest; batch = batch < 8 ? batch + 1 : batch * 2) {
          ServingEstimate estimate = ServingRoofline.estimate(deployment, workload, batch);
          assertTrue(
              estimate.usdPerMillionOutputTokens() <= previousOutput * (1 + 1e-12),
              () -> "output cost rose at batch " + workload);
          assertTrue(estimate.usdPerMillionInputTokens() <= previousInput * (1 + 1e-12));
          previousOutput = estimate.usdPerMillionOutputTokens();
          previousInput = estimate.usdPerMillionInputTokens();
        }
      }
    }
  }

  @Test
  void moreBandwidthNeverSlowsDecode() {
    double[] bandwidths = {0.8e12, 1.6e12, 2.0e12, 3.35e12, 4.8e12, 8e12};
    for (ServingWorkload workload : WORKLOADS) {
      for (long batch : new long[] {1, 4, 16}) {
        double previous = Double.POSITIVE_INFINITY;
        for (double bandwidth : bandwidths) {
          Accelerator chip =
              ImmutableAccelerator.copyOf(ReferenceRuns.h100()).withMemoryBandwidthBytesPerSecond(bandwidth);
          ServingDeployment deployment = ServingRooflineTest.deployment().withAccelerator(chip);
          double step = ServingRoofline.decodeStep(deployment, batch, workload.meanDecodeContextLength()).seconds();
          assertTrue(step <= previous);
          previous = step;
        }
      }
    }
  }

  @Test
  void onceComputeBoundThroughputStopsGrowing() {
    // Past the ridge point decode throughput is the replica's FLOP/s over FLOPs per token.
    ServingDeployment deployment = ServingRooflineTest.deployment();
    ServingWorkload workload = new ServingWorkload(16, 16);
    for (long batch = 1; batch <= 4096; batch *= 2) {
      StepTime step = ServingRoofline.decodeStep(deployment, batch, workload.meanDecodeContextLength());
      double ceiling =
          deployment.replicaFlopsPerSecond()
              / ServingRoofline.decodeFlopsPerToken(deployment.architecture(), workload.meanDecodeContextLength());
      assertTrue(batch / step.seconds() <= ceiling * (1 + 1e-12));
    }
  }
}
