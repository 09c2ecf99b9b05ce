package dev.inboxdesk.client;

import java.util.List;
import java.util.Map;

/**
 * What a server said about an error, taken from either error shape it may send: the envelope
 * {@code {"success":false,"error":{code,message,i18nKey,i18nVars,details,correlationId}}}, Nest's
 * default {@code {"statusCode","message","error"}}, or the messages service's
 * {@code {"success":false,"message"}}. Absent fields are null; collections are never null.
 *
 * @param status HTTP status, {@code 0} when there was no answer
 * @param code machine-readable error code
 * @param message the server's human-readable text
 * @param i18nKey translation key
 * @param i18nVars placeholder values for the translation key
 * @param details validation messages, one per problem
 * @param correlationId the id the server logged the request under
 */
public record ServerDetails(
    int status,
    String code,
    String message,
    String i18nKey,
    Map<String, String> i18nVars,
    List<String> details,
    String correlationId) {

  /** No answer, nothing known. */
  public static final ServerDetails NONE = new ServerDetails(0, null, null, null, Map.of(), List.of(), null);

  /**
   * Copies the collections; null ones become empty.
   *
   * @param status HTTP status, {@code 0} when there was no answer
   * @param code machine-readable error code
   * @param message the server's human-readable text
   * @param i18nKey translation key
   * @param i18nVars placeholder values for the translation key
   * @param details validation messages, one per problem
   * @param correlationId the id the server logged the request under
   */
  public ServerDetails {
    i18nVars = i18nVars == null ? Map.of() : Map.copyOf(i18nVars);
    details = details == null ? List.of() : List.copyOf(details);
  }

  /**
   * Only a status: the body said nothing we could read.
   *
   * @param status the HTTP status
   * @return details with only the status
   */
  public static ServerDetails ofStatus(int status) {
    return new ServerDetails(status, null, null, null, Map.of(), List.of(), null);
  }

  /**
   * A copy with another status, for answers whose body named none.
   *
   * @param newStatus the HTTP status
   * @return the copy
   */
  public ServerDetails withStatus(int newStatus) {
    return new ServerDetails(newStatus, code, message, i18nKey, i18nVars, details, correlationId);
  }

  /**
   * A copy with the client's own code and message, for requests refused before sending.
   *
   * @param code the client's own code; may be null
   * @param message what was wrong
   * @return details with status {@code 0}
   */
  public static ServerDetails clientSide(String code, String message) {
    return new ServerDetails(0, code, message, code, Map.of(), List.of(), null);
  }
}
