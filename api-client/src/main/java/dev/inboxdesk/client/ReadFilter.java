package dev.inboxdesk.client;

/** Which notifications a listing returns. */
public enum ReadFilter {
  ALL, READ, UNREAD
}
