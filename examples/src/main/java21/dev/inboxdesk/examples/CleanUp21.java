package dev.inboxdesk.examples;

import dev.inboxdesk.client.ApiException;
import dev.inboxdesk.client.AuthenticationException;
import dev.inboxdesk.client.ClientConfig;
import dev.inboxdesk.client.ConnectionFailureException;
import dev.inboxdesk.client.InvalidRequestException;
import dev.inboxdesk.client.LoginResult;
import dev.inboxdesk.client.Message;
import dev.inboxdesk.client.MessagesClient;
import dev.inboxdesk.client.NotFoundException;
import dev.inboxdesk.client.Notification;
import dev.inboxdesk.client.NotificationsClient;
import dev.inboxdesk.client.RateLimitedException;
import dev.inboxdesk.client.ReadFilter;
import dev.inboxdesk.client.RouteUnavailableException;
import dev.inboxdesk.client.ServerErrorException;
import dev.inboxdesk.client.UnconfirmedException;
import dev.inboxdesk.client.UnexpectedResponseException;
import java.util.List;
import java.util.function.Supplier;

/**
 * The same as {@code CleanUp}, for Java 21: the errors are told apart with a {@code switch} that
 * the compiler checks covers the whole sealed family, with no {@code default}.
 *
 * <p>{@code java CleanUp21 <messages-url> <notifications-url> <e-mail>}, the password in
 * {@code INBOXDESK_PASSWORD} (and a two-factor code, if the account has one, in {@code INBOXDESK_CODE}).
 */
public final class CleanUp21 {
  public static void main(String[] args) {
    String email = args[2];
    String password = System.getenv("INBOXDESK_PASSWORD");
    try (var messages = MessagesClient.create(ClientConfig.builder(args[0]).build());
         var notifications = NotificationsClient.create(ClientConfig.builder(args[1]).build())) {
      messages.signIn(email, password);
      if (notifications.login(email, password) instanceof LoginResult.TwoFactorRequired step) {
        notifications.completeTwoFactor(step.tempToken(), System.getenv("INBOXDESK_CODE"));
      }

      List<Message> inbox = messages.listMessages();
      System.out.println(inbox.size() + " messages");
      if (!inbox.isEmpty()) {
        String oldest = inbox.getLast().id();
        report("message " + oldest, () -> messages.deleteListedMessage(oldest).outcome());
      }

      List<Notification> read = notifications.listAll(ReadFilter.READ);
      System.out.println(read.size() + " read notifications");
      for (Notification n : read.subList(0, Math.min(3, read.size()))) {
        report("notification " + n.id(), () -> notifications.deleteNotification(n.id()));
      }
      // An id the server does not have: a typed NotFoundException, not a crash.
      report("notification 00000000-0000-4000-8000-000000000000",
          () -> notifications.deleteNotification("00000000-0000-4000-8000-000000000000"));
    } catch (ApiException e) {
      System.out.println("stopped: " + describe(e));
      System.exit(1);
    }
  }

  /** Runs one delete and prints its outcome or why it failed; a failure stops nothing. */
  private static void report(String what, Supplier<Object> delete) {
    try {
      System.out.println(what + ": " + delete.get());
    } catch (ApiException e) {
      System.out.println(what + ": " + describe(e));
    }
  }

  /** Every kind of failure, in words: a new kind of error would not compile until handled here. */
  static String describe(ApiException e) {
    return switch (e) {
      case NotFoundException notFound -> "not there (already deleted, or someone else's)";
      case RateLimitedException limited -> "slow down; try again in " + limited.retryAfter().toSeconds() + " s";
      case AuthenticationException auth -> "sign-in needed (" + auth.reason() + ")";
      case ConnectionFailureException failure ->
          "no answer (" + failure.kind() + (failure.mayHaveReachedServer() ? ", may have happened" : "") + ")";
      case UnconfirmedException unconfirmed -> "may or may not have happened: look again later";
      case InvalidRequestException invalid -> "refused: " + invalid.getMessage();
      case ServerErrorException serverError -> "server error: " + serverError.getMessage();
      case UnexpectedResponseException unexpected -> "unreadable answer: " + unexpected.getMessage();
      case RouteUnavailableException noRoute -> "this server has no such route: " + noRoute.route();
    };
  }
}
