package dev.persistence.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A two-column, right-aligned table for readable output. */
final class TextTable {
  private final List<String[]> rows = new ArrayList<>();
  private boolean leftAligned;

  /** Left-aligns the values (for prose values); numbers stay right-aligned by default. */
  TextTable leftAligned() {
    leftAligned = true;
    return this;
  }

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
      String format = "%-" + labelWidth + "s  %" + (leftAligned ? "-" : "") + valueWidth + "s";
      out.println(String.format(Locale.ROOT, format, row[0], row[1]).stripTrailing());
    }
    out.flush();
  }
}
