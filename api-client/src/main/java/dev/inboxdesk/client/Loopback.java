package dev.inboxdesk.client;

import java.util.Locale;

/**
 * The one answer to "does traffic to this host stay on this machine?", for deciding where secrets
 * may go over plain {@code http}: {@code localhost} and literal loopback addresses
 * ({@code 127.0.0.0/8}, {@code ::1}) only. Nothing is resolved: a name such as
 * {@code 127.example.com} or an all-digit name is not loopback, whatever a resolver would say.
 */
public final class Loopback {
  private Loopback() {
  }

  /**
   * Whether {@code host} is loopback.
   *
   * @param host a host name or literal address, IPv6 with or without brackets
   * @return true for {@code localhost}, a dotted-quad {@code 127.x.y.z}, or {@code ::1}
   */
  public static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String name = host.strip().toLowerCase(Locale.ROOT);
    if (name.startsWith("[") && name.endsWith("]")) {
      name = name.substring(1, name.length() - 1);
    }
    return name.equals("localhost") || isIpv4Loopback(name) || isIpv6Loopback(name);
  }

  private static boolean isIpv4Loopback(String name) {
    String[] parts = name.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals("127")) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
          || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIpv6Loopback(String name) {
    if (!name.contains(":") || !name.chars().allMatch(c -> c == ':' || Character.digit(c, 16) >= 0)) {
      return false;
    }
    // ::1 in any of its spellings: every group zero but the last, which is one.
    String[] groups = name.split(":", -1);
    String last = groups[groups.length - 1];
    if (last.isEmpty() || Integer.parseInt(last, 16) != 1 || last.length() > 4) {
      return false;
    }
    int written = 0;
    for (int i = 0; i < groups.length - 1; i++) {
      String group = groups[i];
      if (group.isEmpty()) {
        continue;
      }
      if (group.length() > 4 || Integer.parseInt(group, 16) != 0) {
        return false;
      }
      written++;
    }
    return name.contains("::") || written == 7;
  }
}
