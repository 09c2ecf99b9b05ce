package dev.inboxdesk.client;

/** How a delete ended when it did not fail. */
public enum DeleteOutcome {
  /** The server confirmed it removed the item. */
  DELETED,
  /**
   * A retry after a connection failure found the item gone: the first attempt most likely
   * deleted it before the connection broke.
   */
  ALREADY_GONE
}
