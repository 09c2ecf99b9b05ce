package dev.inboxdesk.app.list;

/** Where a list's loading stands. */
public enum LoadState {
  /** Nothing asked yet (not signed in). */
  IDLE,
  /** Asking the server for the first time; nothing to show yet. */
  LOADING,
  /** The list shows what the server sent. */
  LOADED,
  /** The first load failed; the problem says why. */
  FAILED
}
