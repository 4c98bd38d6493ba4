package dev.persistence.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A two-column, right-aligned table for readable output. */
final class TextTable {
  private final List<String[]> rows = new ArrayList<>();

  TextTable row(String label, String value) {
    rows.add(new String[] {label, value});
    return this;
  }

  TextTable row(String label, long value) {
    return row(label, String.format(Locale.ROOT, "%,d", value));
  }

  TextTable row(String label, double value) {
    return row(label, String.format(Locale.ROOT, "%.4g", value));
  }

  void print(PrintWriter out) {
    int labelWidth = 0;
    int valueWidth = 0;
    for (String[] row : rows) {
      labelWidth = Math.max(labelWidth, row[0].length());
      valueWidth = Math.max(valueWidth, row[1].length());
    }
    for (String[] row : rows) {
      out.println(String.format(Locale.ROOT, "%-" + labelWidth + "s  %" + valueWidth + "s", row[0], row[1]));
    }
    out.flush();
  }
}
