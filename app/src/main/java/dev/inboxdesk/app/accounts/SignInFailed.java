package dev.inboxdesk.app.accounts;

import dev.inboxdesk.app.common.Problem;

/** A sign-in the server refused, with its words for the dialog. */
public final class SignInFailed extends RuntimeException {
  private final transient Problem problem;

  public SignInFailed(Problem problem, Throwable cause) {
    super(problem.oneLine(), cause);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
