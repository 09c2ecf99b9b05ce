package dev.inboxdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inboxdesk.app.common.ErrorPresenter;
import dev.inboxdesk.app.common.UiScheduler;
import dev.inboxdesk.app.list.ItemListViewModel;
import dev.inboxdesk.app.list.ItemRow;
import dev.inboxdesk.app.list.RowState;
import dev.inboxdesk.app.notifications.NotificationsSource;
import dev.inboxdesk.app.inbox.MessagesSource;
import dev.inboxdesk.client.Message;
import dev.inboxdesk.client.MessagesClient;
import dev.inboxdesk.client.Notification;
import dev.inboxdesk.client.NotificationsClient;
import dev.inboxdesk.client.ReadFilter;
import dev.inboxdesk.e2e.peers.Fault;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The app's delete flow, through the view-models without a stage, against a {@link Backend}: the
 * row leaves at once and the server deletes after the undo window; a server error brings it back
 * at its place; a {@code 429} keeps it pending with a countdown, then it goes; an ended session
 * shows the sign-in banner and the delete goes after signing in again. UI work runs on the test's
 * thread, timers when the test moves time, server calls inline.
 */
abstract class DeleteFlowConformanceTest {
  static final String EMAIL = "ada@example.com";
  static final String PASSWORD = "ada-demo";
  static final String DELETE_ROUTE = "DELETE /api/v1/notifications/:id";
  static final int UNDO_SECONDS = 5;

  final Timers ui = new Timers();
  final List<AutoCloseable> closing = new ArrayList<>();
  NotificationsClient client;
  ItemListViewModel list;

  abstract Backend backend();

  /** UI work on the calling thread; timers run when the test moves time. */
  static final class Timers implements UiScheduler {
    private Instant now = Instant.now();
    private final List<Object[]> timers = new ArrayList<>();

    @Override
    public void execute(Runnable task) {
      task.run();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
      Object[] timer = {now.plus(delay), task, false};
      timers.add(timer);
      return () -> timer[2] = true;
    }

    @Override
    public Instant now() {
      return now;
    }

    void advance(Duration duration) {
      Instant target = now.plus(duration);
      while (true) {
        Object[] next = timers.stream().filter(t -> !(boolean) t[2] && !((Instant) t[0]).isAfter(target))
            .min(Comparator.comparing(t -> (Instant) t[0])).orElse(null);
        if (next == null) {
          break;
        }
        timers.remove(next);
        now = (Instant) next[0];
        ((Runnable) next[1]).run();
      }
      now = target;
    }
  }

  @BeforeEach
  void signIn() {
    backend().reset();
    // No waiting of the client's own on a 429: the list shows it and retries when the server says.
    client = NotificationsClient.create(backend().config(backend().notificationsUrl()).maxRateLimitRetries(0)
        .build());
    closing.add(client);
    client.login(EMAIL, PASSWORD);
    list = new ItemListViewModel(new NotificationsSource(client), ui, Runnable::run,
        ErrorPresenter.forLocale(Locale.ENGLISH));
    list.undoWindowSecondsProperty().set(UNDO_SECONDS);
    list.refresh();
    assertThat(list.visibleRows()).hasSizeGreaterThan(5);
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closing) {
      c.close();
    }
  }

  List<String> onServer() {
    try (NotificationsClient reader = NotificationsClient.create(backend().config(backend().notificationsUrl())
        .build())) {
      reader.login(EMAIL, PASSWORD);
      return reader.listAll(ReadFilter.ALL).stream().map(Notification::id).toList();
    }
  }

  List<String> shown() {
    return list.visibleRows().stream().map(ItemRow::id).toList();
  }

  ItemRow row(String id) {
    return list.allRows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
  }

  void fault(Fault fault) {
    backend().fault(backend().notificationsUrl(), fault);
  }

  @Test
  void aDeletedRowLeavesAtOnceAndIsGoneOnTheServerAfterTheUndoWindow() {
    ItemRow victim = list.visibleRows().get(2);

    list.delete(List.of(victim));

    assertThat(shown()).doesNotContain(victim.id());
    assertThat(onServer()).as("nothing sent in the undo window").contains(victim.id());
    ui.advance(Duration.ofSeconds(UNDO_SECONDS + 1));
    assertThat(list.unsettledCount()).isZero();
    assertThat(onServer()).doesNotContain(victim.id());
    list.refresh();
    assertThat(shown()).doesNotContain(victim.id());
  }

  @Test
  void aServerErrorBringsTheRowBackAtItsPlaceWithTheReason() {
    List<String> before = shown();
    ItemRow victim = list.visibleRows().get(3);
    fault(Fault.before(DELETE_ROUTE).status(500));

    list.delete(List.of(victim));
    ui.advance(Duration.ofSeconds(UNDO_SECONDS + 1));

    assertThat(shown()).containsExactlyElementsOf(before);
    assertThat(row(victim.id()).state().kind()).isEqualTo(RowState.Kind.FAILED);
    assertThat(list.problemOf(row(victim.id()))).isNotNull();
    assertThat(onServer()).contains(victim.id());
  }

  @Test
  void a429KeepsTheRowPendingWithItsCountdownAndThenItGoes() {
    ItemRow victim = list.visibleRows().get(1);
    fault(Fault.before(DELETE_ROUTE).status(429).header("Retry-After", "2"));

    list.delete(List.of(victim));
    ui.advance(Duration.ofSeconds(UNDO_SECONDS));
    ui.advance(Duration.ofMillis(100));

    RowState pending = row(victim.id()).state();
    assertThat(pending.kind()).isEqualTo(RowState.Kind.RATE_LIMITED);
    assertThat(pending.retryAt()).isAfter(ui.now()).isBeforeOrEqualTo(ui.now().plusSeconds(3));
    assertThat(onServer()).contains(victim.id());

    ui.advance(Duration.ofSeconds(3));

    assertThat(list.unsettledCount()).isZero();
    assertThat(list.allRows()).extracting(ItemRow::id).doesNotContain(victim.id());
    assertThat(onServer()).doesNotContain(victim.id());
  }

  @Test
  void anEndedSessionShowsTheSignInBannerAndTheDeleteGoesAfterSigningInAgain() {
    // A pasted access token has no refresh cookie behind it: a 401 ends the session.
    java.net.http.HttpResponse<String> login = Raw.send("POST", backend().notificationsUrl() + "/auth/login",
        "{\"email\":\"" + EMAIL + "\",\"password\":\"" + PASSWORD + "\"}", "Content-Type", "application/json");
    java.util.regex.Matcher found = java.util.regex.Pattern.compile("\"accessToken\":\"([^\"]+)\"")
        .matcher(login.body());
    assertThat(found.find()).as(login.body()).isTrue();
    String token = found.group(1);
    client = NotificationsClient.create(backend().config(backend().notificationsUrl()).maxRateLimitRetries(0)
        .build());
    closing.add(client);
    client.useAccessToken(token);
    list = new ItemListViewModel(new NotificationsSource(client), ui, Runnable::run,
        ErrorPresenter.forLocale(Locale.ENGLISH));
    list.undoWindowSecondsProperty().set(UNDO_SECONDS);
    list.refresh();
    ItemRow victim = list.visibleRows().get(0);
    // the guard's own answer to a token it no longer accepts
    fault(Fault.before(DELETE_ROUTE).status(401).body("{\"message\":\"Unauthorized\",\"statusCode\":401}",
        "application/json; charset=utf-8"));

    list.delete(List.of(victim));
    ui.advance(Duration.ofSeconds(UNDO_SECONDS + 1));

    assertThat(list.signInProblemProperty().get()).isNotNull();
    assertThat(onServer()).contains(victim.id());

    client.login(EMAIL, PASSWORD);
    list.signedIn();
    ui.advance(Duration.ofSeconds(UNDO_SECONDS + 1));

    assertThat(list.signInProblemProperty().get()).isNull();
    assertThat(list.unsettledCount()).isZero();
    assertThat(onServer()).doesNotContain(victim.id());
    assertThat(shown()).doesNotContain(victim.id());
  }

  @Test
  void theInboxDeletesTheSameWay() {
    MessagesClient messages = MessagesClient.create(backend().config(backend().messagesUrl()).build());
    closing.add(messages);
    messages.signIn(EMAIL, PASSWORD);
    ItemListViewModel inbox = new ItemListViewModel(new MessagesSource(messages), ui, Runnable::run,
        ErrorPresenter.forLocale(Locale.ENGLISH));
    inbox.undoWindowSecondsProperty().set(UNDO_SECONDS);
    inbox.refresh();
    ItemRow victim = inbox.visibleRows().get(1);

    inbox.delete(List.of(victim));

    assertThat(inbox.visibleRows()).extracting(ItemRow::id).doesNotContain(victim.id());
    ui.advance(Duration.ofSeconds(UNDO_SECONDS + 1));
    assertThat(inbox.unsettledCount()).isZero();
    assertThat(messages.listMessages()).extracting(Message::id).doesNotContain(victim.id());
  }
}
