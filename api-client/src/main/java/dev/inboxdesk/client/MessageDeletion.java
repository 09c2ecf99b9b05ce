package dev.inboxdesk.client;

import java.util.List;

/**
 * The answer to a message delete: the outcome and the inbox as the server holds it afterwards
 * (the server's truth, oldest first as stored; usable to reconcile a list). The account's e-mail
 * and password hash, which the server sends along, were dropped while parsing.
 *
 * @param messageId the id that was deleted
 * @param outcome how it ended
 * @param remaining the inbox after the delete, in storage order (oldest first)
 */
public record MessageDeletion(String messageId, DeleteOutcome outcome, List<Message> remaining) {
  public MessageDeletion {
    remaining = List.copyOf(remaining);
  }
}
