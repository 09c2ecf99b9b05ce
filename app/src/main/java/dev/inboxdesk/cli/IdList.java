package dev.inboxdesk.cli;

import dev.inboxdesk.client.ApiException;
import dev.inboxdesk.client.DeleteResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The ids a delete was given, checked before anything is signed in or sent: {@code -} reads them
 * from standard input, one a line; each is put in the service's one form (surrounding whitespace
 * removed where the format allows, UUIDs in lower case); repeats are dropped; a malformed one is a
 * result of its own (invalid request), reported first.
 *
 * @param valid the ids to send, in the order given, each once
 * @param refused the ids that cannot be sent, with why
 */
record IdList(List<String> valid, List<DeleteResult> refused) {

  /** How many results a run over these ids reports. */
  int size() {
    return valid.size() + refused.size();
  }

  static IdList of(List<String> given, ClientCommand command, UnaryOperator<String> normalize) {
    List<String> expanded = new ArrayList<>();
    for (String id : given) {
      if (id.equals("-")) {
        if (command.options.passwordStdin) {
          throw new ClientCommand.UsageProblem("ids and the password cannot both come from standard input: give the"
              + " password on the terminal or the token in the environment");
        }
        command.stdin().stream().filter(line -> !line.isBlank()).forEach(expanded::add);
      } else {
        expanded.add(id);
      }
    }
    Set<String> valid = new LinkedHashSet<>();
    List<DeleteResult> refused = new ArrayList<>();
    for (String id : expanded) {
      try {
        valid.add(normalize.apply(id));
      } catch (ApiException malformed) {
        refused.add(DeleteResult.failed(id, malformed));
      }
    }
    return new IdList(List.copyOf(valid), refused);
  }
}
