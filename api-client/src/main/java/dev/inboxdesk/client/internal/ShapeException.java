package dev.inboxdesk.client.internal;

import java.io.IOException;

/** Thrown by the JSON readers when valid JSON lacks what the contract promises. */
final class ShapeException extends IOException {
  ShapeException(String message) {
    super(message);
  }
}
