package dev.inboxdesk.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What the command line reads besides its arguments: the environment, standard input, and the
 * terminal for a password prompt. A seam so tests can feed them.
 */
public record Terminal(Map<String, String> environment, InputStream stdin, Console console) {

  /** The process's own. */
  public static Terminal system() {
    return new Terminal(System.getenv(), System.in, System.console());
  }

  /** For tests: no terminal to prompt on. */
  public static Terminal of(Map<String, String> environment, InputStream stdin) {
    return new Terminal(environment, stdin, null);
  }

  public String env(String name) {
    String value = environment.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** True when a person is watching (progress goes to standard error only then). */
  public boolean interactive() {
    return console != null;
  }

  /**
   * Standard input's lines, read once: the password with {@code --password-stdin}, then the
   * two-factor code when the account needs one.
   */
  public java.util.List<String> lines() {
    try {
      return new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).lines().toList();
    } catch (UncheckedIOException e) {
      throw e;
    }
  }

  /** Asks on the terminal without echo; null when there is no terminal. */
  public String prompt(String question) {
    if (console == null) {
      return null;
    }
    char[] answer = console.readPassword("%s", question);
    return answer == null ? null : new String(answer);
  }
}
