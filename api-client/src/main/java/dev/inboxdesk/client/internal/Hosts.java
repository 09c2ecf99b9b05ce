package dev.inboxdesk.client.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import okhttp3.HttpUrl;

/** Where secrets may go over plain http. */
final class Hosts {
  private Hosts() {
  }

  /** True for {@code localhost}, {@code 127.0.0.0/8} and {@code ::1}: traffic that never leaves the machine. */
  static boolean isLoopback(HttpUrl url) {
    String host = url.host();
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    // Only literal addresses: resolving a name here would itself leak to the network.
    if (host.matches("[0-9.]+") || host.contains(":")) {
      try {
        return InetAddress.getByName(host).isLoopbackAddress();
      } catch (UnknownHostException e) {
        return false;
      }
    }
    return false;
  }
}
