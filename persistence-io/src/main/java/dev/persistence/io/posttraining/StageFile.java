package dev.persistence.io.posttraining;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.hardware.Cluster;
import dev.persistence.core.precision.TrainingPrecision;
import dev.persistence.costing.posttraining.PlannedStage;
import dev.persistence.costing.posttraining.PostTrainingEstimator;
import dev.persistence.costing.posttraining.StageEstimate;
import dev.persistence.costing.steptime.AttentionKernel;
import dev.persistence.io.architecture.ArchitectureCodecs;
import dev.persistence.io.catalog.AcceleratorCatalog;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.Documents;
import dev.persistence.io.document.ObjectFields;
import dev.persistence.io.scenario.ScenarioFiles;
import dev.persistence.io.training.TrainingCodecs;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A stand-alone post-training stage file, the input of {@code persistence post-train}: {@code name}, the policy
 * {@code model} (any form a scenario's model takes), the {@code cluster} (accelerator from the catalog, which
 * {@code acceleratorCatalog: PATH} may extend), {@code usdPerAcceleratorHour}, an optional training
 * {@code precision}, and {@code postTraining}: the section a scenario phase takes, its {@code accelerators}
 * defaulting to the whole cluster.
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
    ObjectFields fields = root.fields();
    String name = fields.requiredText("name");
    AcceleratorCatalog accelerators = AcceleratorCatalog.bundled();
    Optional<DocumentNode> catalogNode = fields.optional("acceleratorCatalog");
    if (catalogNode.isPresent()) {
      accelerators = accelerators.withUserEntries(AcceleratorCatalog.read(folder.resolve(catalogNode.get().asText())));
    }
    Architecture model = ScenarioFiles.model(fields.required("model"), folder);
    Cluster cluster = fields.required("cluster", TrainingCodecs.cluster(accelerators));
    DocumentNode priceNode = fields.required("usdPerAcceleratorHour");
    double price = priceNode.asDouble();
    if (!(price >= 0 && Double.isFinite(price))) {
      throw priceNode.error("usdPerAcceleratorHour (" + price + ") must be finite and >= 0");
    }
    TrainingPrecision precision =
        fields.optional("precision", TrainingCodecs.TRAINING_PRECISION).orElse(TrainingPrecision.MIXED_BF16_ADAM);
    PlannedStage planned =
        fields.required("postTraining", PostTrainingCodecs.plannedStage(folder, cluster.acceleratorCount()));
    fields.finish();
    return root.build(() -> new StageFile(name, model, cluster, price, precision, planned));
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
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("name", name);
    out.set("model", ArchitectureCodecs.ARCHITECTURE.write(model));
    out.set("cluster", TrainingCodecs.cluster(catalog).write(cluster));
    out.put("usdPerAcceleratorHour", usdPerAcceleratorHour);
    out.set("precision", TrainingCodecs.TRAINING_PRECISION.write(precision));
    out.set("postTraining", PostTrainingCodecs.plannedStage(Path.of(""), 0).write(planned));
    return out;
  }
}
