package dev.persistence.cli;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.CompositeModel;
import dev.persistence.core.architecture.ModelComponent;
import dev.persistence.core.architecture.ParameterBreakdown;
import dev.persistence.core.architecture.ParameterComponent;
import dev.persistence.io.document.EnumNames;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code persistence params}: exact parameter counts of a model. */
@Command(
    name = "params",
    mixinStandardHelpOptions = true,
    description =
        "Exact parameter counts of a model: total, active per token, embedding, non-embedding, by component;"
            + " a checkpoint's vision tower, projector and MTP modules as named components.")
final class ParamsCommand implements Callable<Integer> {

  @Mixin ModelSource model;

  @Option(names = "--json", description = "Print one JSON object instead of a table.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    CompositeModel composite = model.composite();
    Architecture architecture = composite.languageModel();
    ParameterBreakdown parameters = architecture.parameters();
    if (json) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("modelType", architecture.family());
      result.put("totalParameters", parameters.totalParameters());
      result.put("activeParameters", parameters.activeParameters());
      result.put("activeParametersExcludingEmbedding", parameters.activeParametersExcludingEmbedding());
      result.put("embeddingParameters", parameters.embeddingParameters());
      result.put("nonEmbeddingParameters", parameters.nonEmbeddingParameters());
      Map<String, Long> breakdown = new LinkedHashMap<>();
      for (ParameterComponent component : ParameterComponent.values()) {
        breakdown.put(EnumNames.camelCase(component), parameters.get(component));
      }
      result.put("breakdown", breakdown);
      Map<String, Long> components = new LinkedHashMap<>();
      for (ModelComponent component : composite.components()) {
        components.put(component.name(), component.parameters());
      }
      result.put("components", components);
      result.put("checkpointParameters", composite.totalParameters());
      JsonOutput.print(spec.commandLine().getOut(), result);
      return 0;
    }
    TextTable table =
        new TextTable()
            .row("model type", architecture.family())
            .row("total parameters", parameters.totalParameters())
            .row("active parameters", parameters.activeParameters())
            .row("active, excluding embedding", parameters.activeParametersExcludingEmbedding())
            .row("embedding parameters", parameters.embeddingParameters())
            .row("non-embedding parameters", parameters.nonEmbeddingParameters());
    for (ParameterComponent component : ParameterComponent.values()) {
      if (parameters.get(component) > 0) {
        table.row("  " + EnumNames.kebabCase(component).replace('-', ' '), parameters.get(component));
      }
    }
    if (!composite.components().isEmpty()) {
      for (ModelComponent component : composite.components()) {
        table.row(
            "+ " + component.name() + " (" + EnumNames.kebabCase(component.kind()).replace('-', ' ') + ")",
            component.parameters());
      }
      table.row("checkpoint total", composite.totalParameters());
    }
    table.print(spec.commandLine().getOut());
    return 0;
  }
}
