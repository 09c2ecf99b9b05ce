package dev.inboxdesk.client;

/** Which notifications a listing returns. */
public enum ReadFilter {
  /** Every notification. */
  ALL,
  /** Only those read. */
  READ,
  /** Only those not read yet. */
  UNREAD;

  /**
   * Whether a notification passes the filter. The client applies it to every answer as well as
   * asking the server: a deployment may ignore {@code read=}.
   *
   * @param notification the notification
   * @return true when it passes
   */
  public boolean matches(Notification notification) {
    return switch (this) {
      case ALL -> true;
      case READ -> notification.read();
      case UNREAD -> !notification.read();
    };
  }
}
