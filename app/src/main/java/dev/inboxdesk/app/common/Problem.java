package dev.inboxdesk.app.common;

/**
 * An error as a person reads it: a short title, a sentence of detail, the server's correlation id
 * to quote, the technical detail for an expander, and what the user can do about it.
 *
 * @param title a few words
 * @param detail a sentence saying what happened and what to do
 * @param correlationId the server's id for the request, or null
 * @param technical the full technical message, for an expander or a bug report
 * @param action what helps
 */
public record Problem(String title, String detail, String correlationId, String technical, Action action) {

  /** What the user can do. */
  public enum Action { RETRY, SIGN_IN, WAIT, FIX_INPUT, NONE }

  /** Title and detail in one line, for a toast or a row. */
  public String oneLine() {
    return detail == null || detail.isBlank() ? title : title + ": " + detail;
  }
}
