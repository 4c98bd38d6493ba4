package dev.persistence.cli;

import dev.persistence.io.law.LawJson;
import dev.persistence.scaling.law.ScalingLaw;
import dev.persistence.scaling.law.ScalingLaws;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code persistence laws}: the bundled scaling laws and their sources. */
@Command(name = "laws", mixinStandardHelpOptions = true, description = "The bundled scaling laws and their sources.")
final class LawsCommand implements Callable<Integer> {
  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      JsonOutput.print(out, LawJson.laws(ScalingLaws.all()));
      return 0;
    }
    for (ScalingLaw law : ScalingLaws.all()) {
      out.println(String.format(Locale.ROOT, "%-22s %s", law.name(), law.description()));
      out.println(String.format(Locale.ROOT, "%-22s   source: %s", "", law.source()));
    }
    out.flush();
    return 0;
  }
}
