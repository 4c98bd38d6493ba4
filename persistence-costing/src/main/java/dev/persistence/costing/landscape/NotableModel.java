package dev.persistence.costing.landscape;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * One published model as a catalog of notable models records it: who made it and when, how big it is, what its
 * training cost in compute (with the estimator's confidence), on what hardware, how long, at what utilisation and
 * at what price, and how it can be reached.
 *
 * <p>The bundled entries are Epoch AI's, "Data on AI Models" (https://epoch.ai/data/ai-models, CC BY 4.0): every
 * figure is Epoch's, unrounded; a field Epoch leaves blank is empty here, never filled in. Epoch gives one
 * parameter count, the total; {@link #activeParameters()} is empty for every bundled entry and is there for a
 * user's own entries (a mixture of experts' active count).
 */
@Value.Immutable
public abstract class NotableModel {

  /** Returns a new builder. */
  public static ImmutableNotableModel.Builder builder() {
    return ImmutableNotableModel.builder();
  }

  /** The model's name as the catalog writes it ({@code Llama 3.1-405B}). */
  public abstract String name();

  /** The developer(s) ({@code Meta AI}). */
  public abstract String organization();

  /** The date the model was published or announced. */
  public abstract LocalDate publicationDate();

  /** Epoch's domain list ({@code Language}, {@code Multimodal,Language,Vision}); may be empty. */
  @Value.Default
  public String domain() {
    return "";
  }

  /** Total parameters, where known. */
  public abstract OptionalDouble totalParameters();

  /** Parameters active per token (a mixture of experts), where known. */
  public abstract OptionalDouble activeParameters();

  /** Training dataset size in tokens (Epoch: "Training dataset size (total)", datapoints), where known. */
  public abstract OptionalDouble trainingTokens();

  /** Training compute, FLOP (operations, not per second), where known. */
  public abstract OptionalDouble trainingComputeFlop();

  /** The estimator's confidence in {@link #trainingComputeFlop()}. */
  @Value.Default
  public ComputeConfidence computeConfidence() {
    return ComputeConfidence.UNKNOWN;
  }

  /** The training hardware ({@code NVIDIA H100 SXM5 80GB}), where known. */
  public abstract Optional<String> hardware();

  /** How many accelerators trained it, where known. */
  public abstract OptionalLong hardwareCount();

  /** Wall-clock training time, hours, where known. */
  public abstract OptionalDouble trainingTimeHours();

  /** Model FLOPs utilisation of the training run, a fraction in (0, 1], where known. */
  public abstract OptionalDouble modelFlopsUtilization();

  /** Epoch's estimate of the training compute cost in 2023 US dollars, where known. */
  public abstract OptionalDouble trainingCostUsd2023();

  /** How the model can be reached ({@code Open weights (unrestricted)}, {@code API access}); may be empty. */
  @Value.Default
  public String accessibility() {
    return "";
  }

  /** Whether Epoch flags it a frontier model (in the top 10 by training compute when it was published). */
  @Value.Default
  public boolean epochFrontier() {
    return false;
  }

  /** Where the entry comes from (Epoch AI's dataset, or the user's note); never blank. */
  public abstract String source();

  /** The model's own reference (paper, announcement), may be empty. */
  @Value.Default
  public String link() {
    return "";
  }

  /** Validates the entry. */
  @Value.Check
  protected void check() {
    checkArgument(!name().isBlank(), "model name must not be blank");
    checkArgument(!source().isBlank(), "model %s: source must not be blank", name());
    positive("totalParameters", totalParameters());
    positive("activeParameters", activeParameters());
    positive("trainingTokens", trainingTokens());
    positive("trainingComputeFlop", trainingComputeFlop());
    positive("trainingTimeHours", trainingTimeHours());
    positive("trainingCostUsd2023", trainingCostUsd2023());
    if (modelFlopsUtilization().isPresent()) {
      double mfu = modelFlopsUtilization().getAsDouble();
      checkArgument(mfu > 0 && mfu <= 1, "model %s: modelFlopsUtilization (%s) must be in (0, 1]", name(), mfu);
    }
    if (hardwareCount().isPresent()) {
      checkArgument(
          hardwareCount().getAsLong() > 0,
          "model %s: hardwareCount (%s) must be > 0",
          name(),
          hardwareCount().getAsLong());
    }
    if (activeParameters().isPresent() && totalParameters().isPresent()) {
      checkArgument(
          activeParameters().getAsDouble() <= totalParameters().getAsDouble(),
          "model %s: activeParameters (%s) must be <= totalParameters (%s)",
          name(),
          activeParameters().getAsDouble(),
          totalParameters().getAsDouble());
    }
  }

  private void positive(String field, OptionalDouble value) {
    if (value.isPresent()) {
      double x = value.getAsDouble();
      checkArgument(x > 0 && Double.isFinite(x), "model %s: %s (%s) must be finite and > 0", name(), field, x);
    }
  }

  /** Whether {@code query} is this model's name, ignoring case. */
  public boolean isNamed(String query) {
    return name().equalsIgnoreCase(query.strip());
  }

  /** {@code Grok 3 (xAI, 2025-02-17)}. */
  public String label() {
    return String.format(Locale.ROOT, "%s (%s, %s)", name(), organization(), publicationDate());
  }
}
