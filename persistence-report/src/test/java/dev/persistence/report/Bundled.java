package dev.persistence.report;

import dev.persistence.costing.plan.PlanReport;
import dev.persistence.costing.plan.Planner;
import dev.persistence.io.scenario.ScenarioFiles;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The bundled example scenarios, each planned once per test run as the command plans it. */
final class Bundled {
  static final Path EXAMPLES = Path.of("..", "examples");
  static final String[] SCENARIOS = {"frontier.yaml", "competitive.yaml"};
  private static final Map<String, PlanReport> REPORTS = new ConcurrentHashMap<>();

  private Bundled() {}

  static PlanReport report(String file) {
    return REPORTS.computeIfAbsent(file, name -> Planner.plan(ScenarioFiles.read(EXAMPLES.resolve(name))));
  }
}
