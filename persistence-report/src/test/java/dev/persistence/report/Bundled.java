package dev.persistence.report;

import dev.persistence.costing.plan.PlanReport;
import dev.persistence.costing.plan.Planner;
import dev.persistence.io.scenario.ScenarioFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bundled example scenarios, each planned once per test run as the command plans it, and {@code minimal.yaml}:
 * the competitive scenario without a data mixture, serving, uncertain assumptions, positioning or forecast, at an
 * assumed MFU (no step modelled), so that the page's sections for missing parts are drawn (or dropped) too.
 */
final class Bundled {
  static final Path EXAMPLES = Path.of("..", "examples");
  private static final Map<String, PlanReport> REPORTS = new ConcurrentHashMap<>();

  private Bundled() {}

  static PlanReport report(String file) {
    return REPORTS.computeIfAbsent(
        file, name -> Planner.plan(ScenarioFiles.read(name.equals("minimal.yaml") ? minimal() : EXAMPLES.resolve(name))));
  }

  private static Path minimal() {
    try {
      Path folder = Files.createDirectories(Path.of("target", "minimal-scenario"));
      List<String> kept = new ArrayList<>();
      String block = "";
      String subBlock = "";
      for (String line : Files.readAllLines(EXAMPLES.resolve("competitive.yaml"))) {
        if (!line.isEmpty() && !line.startsWith(" ") && !line.startsWith("#")) {
          block = line.substring(0, Math.max(0, line.indexOf(':')));
          subBlock = "";
        } else if (line.startsWith("  ") && !line.startsWith("   ") && line.contains(":")) {
          subBlock = line.strip().substring(0, line.strip().indexOf(':'));
        }
        if (block.equals("data") || block.equals("serving") || block.equals("positioning") || block.equals("forecast")
            || (block.equals("uncertainty") && subBlock.equals("assumptions"))) {
          continue;
        }
        kept.add(line);
        if (line.equals("training:")) {
          kept.add("  modelFlopsUtilization: 0.4");
        }
      }
      for (String line : kept) {
        if (line.strip().startsWith("file: models/")) {
          String model = line.strip().substring("file: ".length());
          Files.createDirectories(folder.resolve(model).getParent());
          Files.copy(EXAMPLES.resolve(model), folder.resolve(model), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
      Path file = folder.resolve("minimal.yaml");
      Files.write(file, kept);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
