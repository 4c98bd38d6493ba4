package dev.persistence.cli;

import dev.persistence.io.document.EchoedText;
import dev.persistence.io.document.InputFiles;
import dev.persistence.scaling.fit.Observation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads training runs (parameters, tokens or FLOPs, loss) from a CSV file with a header row; columns are found by
 * name, case-insensitively. Quoted fields are not supported (run tables are numbers).
 */
final class RunsCsv {
  private RunsCsv() {}

  /**
   * @param flopsColumn when not null, tokens = FLOPs / (6 N) from this column and {@code tokensColumn} is unused
   * @throws IllegalArgumentException naming a missing column (with the header), a bad number (with its line) or an
   *     unreadable file
   */
  static List<Observation> read(
      Path file, String paramsColumn, String tokensColumn, String flopsColumn, String lossColumn) {
    List<String> lines = InputFiles.readTableLines(file);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("file " + EchoedText.of(file.toString()) + " is empty; expected a header row");
    }
    String[] header = split(lines.get(0));
    int params = column(header, paramsColumn, "--params-column");
    int loss = column(header, lossColumn, "--loss-column");
    boolean flops = flopsColumn != null;
    int tokens = flops ? column(header, flopsColumn, "--flops-column") : column(header, tokensColumn, "--tokens-column");
    List<Observation> observations = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String[] row = split(lines.get(i));
      int line = i + 1;
      double n = number(row, params, header, line);
      double t = number(row, tokens, header, line);
      double l = number(row, loss, header, line);
      try {
        observations.add(flops ? Observation.fromTrainingFlops(n, t, l) : new Observation(n, t, l));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "%s line %d: %s", EchoedText.of(file.toString()), line, e.getMessage()));
      }
    }
    return observations;
  }

  private static String[] split(String line) {
    String[] fields = line.split(",", -1);
    for (int i = 0; i < fields.length; i++) {
      fields[i] = fields[i].strip();
    }
    return fields;
  }

  private static int column(String[] header, String name, String option) {
    for (int i = 0; i < header.length; i++) {
      if (header[i].equalsIgnoreCase(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException(String.format(Locale.ROOT,
        "column \"%s\" (%s) not found; the header has: %s", name, option, String.join(", ", header)));
  }

  private static double number(String[] row, int column, String[] header, int line) {
    if (column >= row.length) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "line %d has no value for column \"%s\"", line, header[column]));
    }
    try {
      return Double.parseDouble(row[column]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "line %d column \"%s\": \"%s\" is not a number", line, header[column], row[column]));
    }
  }
}
