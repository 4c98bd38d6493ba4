package dev.persistence.io.posttraining;

import dev.persistence.io.hardware.HardwareCodecs;
import dev.persistence.io.precision.PrecisionCodecs;
import static dev.persistence.io.document.ValueCodecs.NAME;

import com.fasterxml.jackson.databind.JsonNode;
import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.hardware.Cluster;
import dev.persistence.core.precision.TrainingPrecision;
import dev.persistence.costing.posttraining.PlannedStage;
import dev.persistence.costing.posttraining.PostTrainingEstimator;
import dev.persistence.costing.posttraining.StageEstimate;
import dev.persistence.costing.steptime.AttentionKernel;
import dev.persistence.io.catalog.AcceleratorCatalog;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.ObjectCodec;
import dev.persistence.io.document.ObjectCodec.Values;
import dev.persistence.io.document.ValueCodecs;
import dev.persistence.io.scenario.ScenarioCodecs;
import dev.persistence.io.scenario.ScenarioFiles;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * A stand-alone post-training stage file, the input of {@code persistence post-train}: {@code name}, the policy
 * {@code model} (any form a scenario's model takes), the {@code cluster} (accelerator from the catalog, which
 * {@code acceleratorCatalog: PATH} may extend), {@code usdPerAcceleratorHour}, an optional training
 * {@code precision}, and {@code postTraining}: the section a scenario phase takes, its {@code accelerators}
 * defaulting to the whole cluster. Read and written by one table of fields; the file has no schema of its own (its
 * parts are the scenario schema's definitions).
 *
 * @param name the file's name for the stage
 * @param model the policy (the student, the model evaluated)
 * @param cluster chip, node size, node count and network
 * @param usdPerAcceleratorHour the price
 * @param precision training precision
 * @param planned the stage and how it uses the accelerators
 */
public record StageFile(
    String name,
    Architecture model,
    Cluster cluster,
    double usdPerAcceleratorHour,
    TrainingPrecision precision,
    PlannedStage planned) {

  /**
   * Reads a stage file.
   *
   * @param file YAML or JSON
   * @throws dev.persistence.io.InvalidDocumentException naming the file, the path, the value and the rule
   */
  public static StageFile read(Path file) {
    return read(DocumentNode.read(file), file.toAbsolutePath().getParent());
  }

  /**
   * Reads a stage document already parsed.
   *
   * @param root the document
   * @param folder where relative paths are resolved
   * @throws dev.persistence.io.InvalidDocumentException naming the path, the value and the rule
   */
  public static StageFile read(DocumentNode root, Path folder) {
    // The cluster's accelerator is looked up in the catalog the document may name: read that first.
    AcceleratorCatalog accelerators = AcceleratorCatalog.bundled();
    Optional<DocumentNode> catalogNode = root.fields().optional(ACCELERATOR_CATALOG);
    if (catalogNode.isPresent()) {
      accelerators = accelerators.withUserEntries(AcceleratorCatalog.read(folder.resolve(catalogNode.get().asText())));
    }
    return table(folder, accelerators).read(root);
  }

  private static final String ACCELERATOR_CATALOG = "acceleratorCatalog";

  /**
   * The table of a stage file. The {@code postTraining} section's accelerators default to the cluster's, so it is
   * read as a function of that default, applied once the cluster is read.
   */
  private static ObjectCodec<StageFile, Values> table(Path folder, AcceleratorCatalog accelerators) {
    Codec<LongFunction<PlannedStage>> planned =
        ValueCodecs.composed(
            node -> {
              node.fields();
              return defaultAccelerators -> PostTrainingCodecs.plannedStage(folder, defaultAccelerators).read(node);
            },
            stage -> PostTrainingCodecs.plannedStage(folder, 0).write(stage.apply(0)),
            definitions -> PostTrainingCodecs.plannedStage(folder, 0).schema(definitions));
    return ObjectCodec.components(
            StageFile.class,
            "stageFile",
            (Values v) -> {
              Cluster cluster = v.get("cluster");
              return new StageFile(
                  v.get("name"),
                  v.get("model"),
                  cluster,
                  v.<Double>get("usdPerAcceleratorHour"),
                  v.get("precision", TrainingPrecision.MIXED_BF16_ADAM),
                  v.<LongFunction<PlannedStage>>get("postTraining").apply(cluster.acceleratorCount()));
            })
        .required("name", NAME, StageFile::name)
        .allow(ACCELERATOR_CATALOG)
        .required("model", ScenarioFiles.models(folder), StageFile::model)
        .required("cluster", HardwareCodecs.cluster(accelerators), StageFile::cluster)
        .required(
            "usdPerAcceleratorHour",
            ScenarioCodecs.nonNegative("usdPerAcceleratorHour"),
            StageFile::usdPerAcceleratorHour)
        .optional("precision", PrecisionCodecs.TRAINING_PRECISION, StageFile::precision)
        .required("postTraining", planned, file -> defaultAccelerators -> file.planned())
        .build();
  }

  /**
   * Costs the stage on the file's hardware.
   *
   * @throws IllegalArgumentException if the stage does not fit its accelerators
   */
  public StageEstimate estimate() {
    return PostTrainingEstimator.estimate(
        planned.stage(), model, planned.resources(cluster, usdPerAcceleratorHour, precision, AttentionKernel.FUSED));
  }

  /**
   * Writes the file as one self-contained document (the model in full) that {@link #read(DocumentNode, Path)}
   * reads back to an equal file.
   *
   * @param catalog the catalog whose accelerators may be written by name
   */
  public JsonNode write(AcceleratorCatalog catalog) {
    return table(Path.of(""), catalog).write(this);
  }
}
