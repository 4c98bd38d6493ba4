package dev.persistence.cli;

import dev.persistence.costing.posttraining.StageEstimate;
import dev.persistence.io.posttraining.StageEstimateJson;
import dev.persistence.io.posttraining.StageFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code persistence post-train}: one post-training stage file in, its compute, time, cost and breakdown out. */
@Command(
    name = "post-train",
    mixinStandardHelpOptions = true,
    description =
        "Costs one post-training stage (sft, preference, rl, distillation, evaluation) from a stage file:"
            + " FLOPs, wall clock, accelerator-hours, dollars, the share of time spent generating, and where it"
            + " goes (training and forwards by the step-time model, generation by the serving roofline).")
final class PostTrainCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "STAGE.yaml", description = "A stage file (YAML or JSON).")
  Path stageFile;

  @Option(names = "--json", description = "Print one JSON object instead of the report.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    StageFile file = StageFile.read(stageFile);
    StageEstimate estimate;
    try {
      estimate = file.estimate();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(stageFile + ": " + e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      JsonOutput.print(out, StageEstimateJson.toJson(file, estimate));
    } else {
      PostTrainingReports.printStage(
          "Post-training: " + file.name() + " (" + file.cluster().accelerator().name() + ")", estimate, out);
    }
    out.flush();
    return 0;
  }
}
