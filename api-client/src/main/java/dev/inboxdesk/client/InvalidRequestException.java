package dev.inboxdesk.client;

import java.util.List;

/**
 * The request was refused as malformed: by the server ({@code 400}, {@code 405}, other {@code 4xx}),
 * or by the client before sending (status {@code 0}, code starting with {@code client.}), for example
 * an id that is not a UUID, or credentials about to cross plain {@code http}.
 */
public final class InvalidRequestException extends ApiException {

  /** Code of a message id that is not 24 hex digits; it was never sent. */
  public static final String INVALID_MESSAGE_ID = "client.invalid_message_id";
  /** Code of a notification id that is not a UUID; it was never sent. */
  public static final String INVALID_NOTIFICATION_ID = "client.invalid_notification_id";
  /** Code of an argument outside its allowed range; it was never sent. */
  public static final String INVALID_ARGUMENT = "client.invalid_argument";
  /** Code of a request that would carry a secret over plain http to a host that is not loopback. */
  public static final String INSECURE_TRANSPORT = "client.insecure_transport";

  /**
   * A request the server refused as invalid. For the client's own use and for tests: callers receive these, they do not make them.
   *
   * @param details what the server said
   */
  public InvalidRequestException(ServerDetails details) {
    super(details.status() == 0 ? "Request refused before sending" : "Invalid request", details, null);
  }

  /**
   * Refused by the client itself; nothing was sent.
   *
   * @param code the client's own code, such as {@link #INVALID_ARGUMENT}
   * @param message what was wrong
   * @return the exception, with status {@code 0}
   */
  public static InvalidRequestException refusedBeforeSending(String code, String message) {
    return new InvalidRequestException(ServerDetails.clientSide(code, message));
  }

  /** {@return validation messages, one per problem; empty when the server gave none} */
  public List<String> details() {
    return serverDetails().details();
  }

  /** {@return true when the client refused the request and nothing reached the server} */
  public boolean refusedByClient() {
    return status() == 0;
  }
}
