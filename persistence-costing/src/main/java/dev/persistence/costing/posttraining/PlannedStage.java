package dev.persistence.costing.posttraining;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
import dev.persistence.core.hardware.Cluster;
import dev.persistence.core.precision.TrainingPrecision;
import dev.persistence.costing.steptime.AttentionKernel;
import org.immutables.value.Value;

/**
 * A stage as a programme phase plans it: the stage, how many of the programme cluster's accelerators it takes, and
 * how it uses them. The chip, node size, network, price and training precision come from the scenario, so a
 * phase's stage and the pre-training run are costed on the same hardware.
 */
@Value.Immutable
public abstract class PlannedStage implements StageSettings {

  /** Returns a new builder. */
  public static ImmutablePlannedStage.Builder builder() {
    return ImmutablePlannedStage.builder();
  }

  /** The stage. */
  public abstract PostTrainingStage stage();

  /** Accelerators the stage holds, {@code > 0}. */
  public abstract long accelerators();

  /**
   * Checks the rules of a valid {@code PlannedStage} when one is built (Immutables {@code @Value.Check});
   * callers never need it.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  @Value.Check
  protected void check() {
    Checks.positive("postTraining.accelerators", accelerators());
    Checks.positive("postTraining.generationTensorParallel", generationTensorParallel());
    Checks.positive("postTraining.generationBatchLimit", generationBatchLimit());
  }

  /**
   * The stage's resources on {@link #accelerators()} of a cluster's chips.
   *
   * @param cluster the programme's cluster (chip, node size, network)
   * @param usdPerAcceleratorHour the price
   * @param precision the training precision
   * @param attentionKernel the training attention kernel
   * @throws IllegalArgumentException if the stage takes more accelerators than the cluster has
   */
  public StageResources resources(
      Cluster cluster, double usdPerAcceleratorHour, TrainingPrecision precision, AttentionKernel attentionKernel) {
    checkArgument(
        accelerators() <= cluster.acceleratorCount(),
        "postTraining.accelerators (%s) must not exceed the cluster's %s",
        accelerators(),
        cluster.acceleratorCount());
    long nodes = (accelerators() + cluster.acceleratorsPerNode() - 1) / cluster.acceleratorsPerNode();
    Cluster own =
        Cluster.builder().from(cluster).nodeCount((int) nodes).build();
    return StageResources.builder()
        .cluster(own)
        .accelerators(accelerators())
        .usdPerAcceleratorHour(usdPerAcceleratorHour)
        .precision(precision)
        .attentionKernel(attentionKernel)
        .from((StageSettings) this)
        .build();
  }
}
