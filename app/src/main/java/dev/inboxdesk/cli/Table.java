package dev.inboxdesk.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table with columns as wide as their content; nothing is cut (a pipe wants it whole). */
final class Table {
  private final String[] header;
  private final List<String[]> rows = new ArrayList<>();

  Table(String... header) {
    this.header = header;
  }

  void row(String... cells) {
    String[] clean = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      clean[i] = cells[i] == null ? "" : cells[i].replaceAll("\\s+", " ").strip();
    }
    rows.add(clean);
  }

  void print(PrintWriter out) {
    int[] widths = new int[header.length];
    for (int i = 0; i < header.length; i++) {
      widths[i] = header[i].length();
      for (String[] row : rows) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    line(out, header, widths);
    for (String[] row : rows) {
      line(out, row, widths);
    }
    out.flush();
  }

  private static void line(PrintWriter out, String[] cells, int[] widths) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      text.append(i == cells.length - 1 ? cells[i] : String.format("%-" + widths[i] + "s  ", cells[i]));
    }
    out.println(text.toString().stripTrailing());
  }
}
