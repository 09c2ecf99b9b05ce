package dev.inboxdesk.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The record of deletes as CSV (RFC 4180) or JSON, for the window's export and the command line. */
public final class HistoryExport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String[] COLUMNS = {"at", "service", "server", "account", "id", "outcome", "text",
      "correlationId", "detail", "source"};

  private HistoryExport() {
  }

  public static String csv(List<DeleteRecord> records) {
    StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
    for (DeleteRecord r : records) {
      String[] cells = {r.at().toString(), r.service(), r.server(), r.account(), r.itemId(), r.outcome().name(),
          r.text() == null ? "" : r.text(), r.correlationId() == null ? "" : r.correlationId(), r.detail(),
          r.source()};
      for (int i = 0; i < cells.length; i++) {
        out.append(i == 0 ? "" : ",").append(quoted(cells[i]));
      }
      out.append("\r\n");
    }
    return out.toString();
  }

  public static ObjectNode json(DeleteRecord r) {
    ObjectNode node = JSON.createObjectNode().put("at", r.at().toString()).put("service", r.service())
        .put("server", r.server()).put("account", r.account()).put("id", r.itemId())
        .put("outcome", r.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
        .put("text", r.text()).put("correlationId", r.correlationId()).put("detail", r.detail())
        .put("source", r.source());
    return node;
  }

  public static String json(List<DeleteRecord> records) {
    ArrayNode array = JSON.createArrayNode();
    records.forEach(r -> array.add(json(r)));
    try {
      return JSON.writeValueAsString(array);
    } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** A CSV cell: quoted when it holds a comma, quote or line break; a leading =, +, - or @ is defused for spreadsheets. */
  private static String quoted(String cell) {
    String safe = !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
      return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
    return safe;
  }
}
