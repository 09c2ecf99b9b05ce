package dev.inboxdesk.client;

import dev.inboxdesk.client.internal.Ids;

/**
 * The ids the two services take, checked and put in their one form before anything is sent:
 * for callers that collect ids from people or files (a command line, an import) and want to
 * report a bad one before signing in.
 */
public final class ItemIds {
  private ItemIds() {
  }

  /**
   * A message id as the server takes it: 24 hexadecimal digits, surrounding whitespace removed.
   *
   * @param id the id as given
   * @return the id without surrounding whitespace
   * @throws InvalidRequestException when it is not 24 hexadecimal digits
   */
  public static String messageId(String id) {
    return Ids.requireMessageId(id == null ? null : id.strip());
  }

  /**
   * A notification id as the server takes it: a UUID in lower case, surrounding whitespace removed.
   *
   * @param id the id as given
   * @return the UUID in lower case
   * @throws InvalidRequestException when it is not a UUID
   */
  public static String notificationId(String id) {
    return Ids.requireUuid(id == null ? null : id.strip());
  }
}
