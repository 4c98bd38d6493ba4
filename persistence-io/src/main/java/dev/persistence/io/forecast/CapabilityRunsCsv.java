package dev.persistence.io.forecast;

import dev.persistence.io.document.InputFiles;
import dev.persistence.scaling.forecast.CapabilityRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads capability runs (parameters, tokens, loss and one benchmark score per run) from a CSV file with a header
 * row; columns are found by name, case-insensitively, as {@code persistence fit} finds them. Quoted fields are not
 * supported (run tables are numbers).
 *
 * @param parametersColumn the column of N
 * @param tokensColumn the column of D
 * @param lossColumn the column of the loss
 * @param scoreColumn the column of the benchmark score
 */
public record CapabilityRunsCsv(String parametersColumn, String tokensColumn, String lossColumn, String scoreColumn) {

  /**
   * Reads the runs.
   *
   * @param file the CSV file
   * @throws IllegalArgumentException naming a missing column (with the header), a bad number (with its line), or a
   *     file that {@link InputFiles#readTableLines} refuses
   */
  public List<CapabilityRun> read(Path file) {
    List<String> lines = InputFiles.readTableLines(file);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("file " + file + " is empty; expected a header row");
    }
    String[] header = split(lines.get(0));
    int n = column(file, header, parametersColumn);
    int d = column(file, header, tokensColumn);
    int l = column(file, header, lossColumn);
    int s = column(file, header, scoreColumn);
    List<CapabilityRun> runs = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String[] row = split(lines.get(i));
      int line = i + 1;
      try {
        runs.add(
            new CapabilityRun(
                number(row, n, header, line), number(row, d, header, line), number(row, l, header, line),
                number(row, s, header, line)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "%s line %d: %s", file, line, e.getMessage()));
      }
    }
    return List.copyOf(runs);
  }

  private static String[] split(String line) {
    String[] fields = line.split(",", -1);
    for (int i = 0; i < fields.length; i++) {
      fields[i] = fields[i].strip();
    }
    return fields;
  }

  private static int column(Path file, String[] header, String name) {
    for (int i = 0; i < header.length; i++) {
      if (header[i].equalsIgnoreCase(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException(
        String.format(
            Locale.ROOT, "%s: column \"%s\" not found; the header has: %s", file, name, String.join(", ", header)));
  }

  private static double number(String[] row, int column, String[] header, int line) {
    if (column >= row.length) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "line %d has no value for column \"%s\"", line, header[column]));
    }
    try {
      return Double.parseDouble(row[column]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "line %d column \"%s\": \"%s\" is not a number", line, header[column], row[column]));
    }
  }
}
