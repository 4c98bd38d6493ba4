package dev.persistence.costing.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.data.SyntheticGeneration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Synthetic data priced through the serving roofline (the hook of SyntheticGeneration). */
class RooflineGenerationPricingTest {

  static final ServingWorkload REQUEST = new ServingWorkload(1000, 500);

  @Test
  void aGeneratedTokenCarriesItsShareOfThePrompt() {
    ServingDeployment deployment = ServingRooflineTest.deployment();
    RooflineGenerationPricing pricing = new RooflineGenerationPricing(Map.of("generator", deployment), REQUEST);
    ServingEstimate estimate =
        ServingRoofline.estimate(deployment, REQUEST, ServingRoofline.maxBatch(deployment, REQUEST));
    // (p x input price + o x output price) / o, the rule the class documents.
    double expected = (1000 * estimate.usdPerMillionInputTokens() + 500 * estimate.usdPerMillionOutputTokens()) / 500;
    double price = pricing.usdPerMillionGeneratedTokens("GENERATOR", deployment.accelerator().name());
    assertEquals(expected, price, 1e-12 * expected);
    assertTrue(price > estimate.usdPerMillionOutputTokens());

    SyntheticGeneration generation =
        SyntheticGeneration.builder()
            .generatorModel("generator")
            .accelerator(deployment.accelerator().name())
            .generatedTokens(1e9)
            .acceptanceRate(0.5)
            .usdPerMillionGeneratedTokens(99)
            .build();
    SyntheticGeneration repriced = generation.repriced(pricing);
    assertEquals(price, repriced.usdPerMillionGeneratedTokens());
    assertEquals(1e9 / 1e6 * price, repriced.generationCostUsd(), 1e-9 * repriced.generationCostUsd());
  }

  @Test
  void fasterMemoryNeverRaisesThePrice() {
    ImmutableServingDeployment slow = ServingRooflineTest.deployment().withBandwidthEfficiency(0.5);
    ImmutableServingDeployment fast = slow.withBandwidthEfficiency(0.9);
    String accelerator = slow.accelerator().name();
    double slowPrice = new RooflineGenerationPricing(Map.of("m", slow), REQUEST).usdPerMillionGeneratedTokens("m", accelerator);
    double fastPrice = new RooflineGenerationPricing(Map.of("m", fast), REQUEST).usdPerMillionGeneratedTokens("m", accelerator);
    assertTrue(fastPrice <= slowPrice, fastPrice + " > " + slowPrice);
  }

  @Test
  void unknownModelOrAccelerator() {
    ServingDeployment deployment = ServingRooflineTest.deployment();
    RooflineGenerationPricing pricing = new RooflineGenerationPricing(Map.of("generator", deployment), REQUEST);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> pricing.usdPerMillionGeneratedTokens("other", "x"));
    assertEquals("generatorModel (other) has no deployment; priced models: [generator]", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> pricing.usdPerMillionGeneratedTokens("generator", "TPU-v4"));
    assertTrue(e.getMessage().startsWith("generatorModel (generator) is deployed on "), e.getMessage());
  }
}
