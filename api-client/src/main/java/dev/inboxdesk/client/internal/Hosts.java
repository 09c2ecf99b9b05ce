package dev.inboxdesk.client.internal;

import dev.inboxdesk.client.Loopback;
import okhttp3.HttpUrl;

/** Where secrets may go over plain http. */
final class Hosts {
  private Hosts() {
  }

  /** True when the URL's host is loopback as {@link Loopback} decides it: traffic that never leaves the machine. */
  static boolean isLoopback(HttpUrl url) {
    return Loopback.isLoopback(url.host());
  }
}
