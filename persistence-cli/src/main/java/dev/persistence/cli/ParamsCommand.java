package dev.persistence.cli;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.CompositeModel;
import dev.persistence.core.architecture.ModelComponent;
import dev.persistence.core.architecture.ParameterBreakdown;
import dev.persistence.core.architecture.ParameterComponent;
import dev.persistence.io.architecture.ParameterCountJson;
import dev.persistence.io.document.EnumNames;
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
      JsonOutput.print(spec.commandLine().getOut(), ParameterCountJson.toJson(composite));
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
