package dev.inboxdesk.cli;

import picocli.CommandLine.Option;

/** Options every service command shares. */
final class ConnectionOptions {
  @Option(names = "--server", required = true, paramLabel = "URL",
      description = "the service's base URL: the app's origin for messages, the API base (…/api/v1) for notifications")
  String server;

  @Option(names = "--email", paramLabel = "E",
      description = "sign in as E; the password comes from standard input (--password-stdin) or a terminal prompt")
  String email;

  @Option(names = "--password-stdin",
      description = "read the password from the first line of standard input (a two-factor code from the second)")
  boolean passwordStdin;

  @Option(names = "--json", description = "print one JSON document instead of a table")
  boolean json;

  @Option(names = "--json-lines", description = "print one JSON object per line, each as it happens (for pipes)")
  boolean jsonLines;

  @Option(names = "--quiet", description = "no progress or waiting notices on standard error")
  boolean quiet;

  @Option(names = "--har", paramLabel = "FILE", description = "save the run's exchanges as HAR 1.2, secrets masked")
  java.nio.file.Path har;

  @Option(names = "--verbose", description = "print every request and answer to standard error, secrets masked")
  boolean verbose;

  @Option(names = "--max-wait", paramLabel = "SECONDS", defaultValue = "120",
      description = "the longest single wait sat out (rate limit, Retry-After); a longer one ends the run at once"
          + " with exit 5 and the server's wait (default: ${DEFAULT-VALUE})")
  long maxWaitSeconds;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "90",
      description = "the longest one request may take on the wire, retries included (default: ${DEFAULT-VALUE})")
  long timeoutSeconds;

  @Option(names = "--allow-insecure-http",
      description = "allow credentials over plain http to a host that is not this machine (unencrypted!)")
  boolean allowInsecureHttp;
}
