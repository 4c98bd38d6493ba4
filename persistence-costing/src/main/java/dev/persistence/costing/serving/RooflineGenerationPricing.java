package dev.persistence.costing.serving;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.data.GenerationPricing;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prices synthetic data with the serving roofline: what a generating model's deployment costs per generated token,
 * the hook {@link dev.persistence.core.data.SyntheticGeneration#repriced(GenerationPricing)} takes.
 *
 * <p>A generated token carries its share of the prompt that produced it: for a request of {@code p} prompt tokens
 * and {@code o} generated tokens at the largest batch that fits, the price per million generated tokens is
 * {@code (p x inputPrice + o x outputPrice) / o}, with the input and output prices of
 * {@link ServingRoofline#estimate}. Like the roofline, it is a lower bound unless the deployment's efficiencies
 * come from measurements.
 */
public final class RooflineGenerationPricing implements GenerationPricing {
  private final Map<String, ServingDeployment> deployments = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private final ServingWorkload workload;

  /**
   * Creates the pricing.
   *
   * @param deployments each generating model's deployment, by the model's name as synthetic sources name it
   * @param workload the typical generation request (prompt and generated lengths)
   * @throws IllegalArgumentException if no deployment is given
   */
  public RooflineGenerationPricing(Map<String, ServingDeployment> deployments, ServingWorkload workload) {
    checkArgument(!deployments.isEmpty(), "deployments must name at least one generating model");
    checkArgument(workload != null, "workload must not be null");
    this.deployments.putAll(deployments);
    this.workload = workload;
  }

  @Override
  public double usdPerMillionGeneratedTokens(String generatorModel, String accelerator) {
    ServingDeployment deployment = deployments.get(generatorModel);
    checkArgument(
        deployment != null,
        "generatorModel (%s) has no deployment; priced models: %s",
        generatorModel,
        deployments.keySet());
    checkArgument(
        deployment.accelerator().isNamed(accelerator),
        "generatorModel (%s) is deployed on %s, not on accelerator (%s)",
        generatorModel,
        deployment.accelerator().name(),
        accelerator);
    long batch = ServingRoofline.maxBatch(deployment, workload);
    checkArgument(
        batch >= 1,
        "generatorModel (%s) does not fit %s x %s for one request",
        generatorModel,
        deployment.tensorParallel(),
        deployment.accelerator().name());
    ServingEstimate estimate = ServingRoofline.estimate(deployment, workload, batch);
    double prompt = workload.promptTokens();
    double output = workload.outputTokens();
    return (prompt * estimate.usdPerMillionInputTokens() + output * estimate.usdPerMillionOutputTokens()) / output;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "roofline pricing of %s", deployments.keySet());
  }
}
