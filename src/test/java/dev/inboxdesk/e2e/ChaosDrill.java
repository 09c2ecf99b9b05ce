package dev.inboxdesk.e2e;

import dev.inboxdesk.app.accounts.Accounts;
import dev.inboxdesk.app.accounts.Connection.Service;
import dev.inboxdesk.app.accounts.Connection;
import dev.inboxdesk.app.accounts.MemorySecretStore;
import dev.inboxdesk.app.accounts.SettingsStore;
import dev.inboxdesk.app.common.ErrorPresenter;
import dev.inboxdesk.app.inbox.InboxViewModel;
import dev.inboxdesk.app.inbox.MessagesSource;
import dev.inboxdesk.app.inspector.RequestLog;
import dev.inboxdesk.app.list.ItemListViewModel;
import dev.inboxdesk.app.list.ItemRow;
import dev.inboxdesk.app.list.LoadState;
import dev.inboxdesk.app.list.RowState;
import dev.inboxdesk.app.notifications.NotificationsSource;
import dev.inboxdesk.app.notifications.NotificationsViewModel;
import dev.inboxdesk.app.shell.MainViewModel;
import dev.inboxdesk.client.ApiException;
import dev.inboxdesk.client.AuthenticationException;
import dev.inboxdesk.client.ClientConfig;
import dev.inboxdesk.client.FakeTime;
import dev.inboxdesk.client.Message;
import dev.inboxdesk.client.MessagesClient;
import dev.inboxdesk.client.Notification;
import dev.inboxdesk.client.NotificationsClient;
import dev.inboxdesk.client.ReadFilter;
import dev.inboxdesk.client.UnconfirmedException;
import dev.inboxdesk.client.UnexpectedResponseException;
import dev.inboxdesk.sandbox.Deployment;
import dev.inboxdesk.sandbox.FaultSettings;
import dev.inboxdesk.sandbox.Sandbox;
import dev.inboxdesk.sandbox.SandboxOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A seeded user with a bad network: deletes, undos, bulk deletes, refreshes, sign-outs and
 * sign-ins through the app's view-models, against the sandbox while its faults change under them.
 * The drill keeps its own account of what the user meant to delete and checks the app against
 * it after every step, and the server against it at the end.
 */
final class ChaosDrill implements AutoCloseable {
  private static final String EMAIL = "ada@example.com";
  private static final String PASSWORD = "ada-demo";
  /** {@code -Dchaos.trace=1} prints every operation and state change (to stderr), for a failing seed. */
  private static final boolean TRACE = System.getProperty("chaos.trace") != null;

  /** What the user does, with how often. */
  enum Operation {
    DELETE_ONE(22), DELETE_SEVERAL(6), DELETE_SEARCH_RESULTS(3), UNDO(8), CANCEL_PENDING(3), RETRY_FAILED(5),
    REFRESH(9), LET_WORK_RUN(22), WAIT(10), SIGN_OUT(1), SIGN_IN(4), CHANGE_FAULTS(7);

    final int weight;

    Operation(int weight) {
      this.weight = weight;
    }
  }

  /** What a run did and what it found wrong (nothing, when the app is right). */
  record Report(long seed, int operations, Map<Operation, Integer> byOperation, long faultsInjected,
      int rollbacks, int undoneRows, Map<Service, Integer> deletedOnServer, List<String> mismatches) {
    @Override
    public String toString() {
      return "chaos drill seed=" + seed + ": " + operations + " operations " + byOperation
          + ", faults injected " + faultsInjected + ", rollbacks " + rollbacks + ", rows undone " + undoneRows
          + ", deleted on the server " + deletedOnServer + ", mismatches " + mismatches.size()
          + (mismatches.isEmpty() ? "" : ": " + mismatches.subList(0, Math.min(10, mismatches.size())));
    }
  }

  private final long seed;
  /** Whether the faults include bodies cut off or replaced, before or after the server acted. */
  private final boolean bodyFaults;
  private final Random dice;
  private final FakeTime time = new FakeTime();
  private final DrillThreads threads;
  private final Sandbox sandbox;
  private final MainViewModel model;
  private final Map<Service, Set<String>> atStart = new EnumMap<>(Service.class);
  /**
   * Ids the user deleted and did not take back, and was not told failed: what must end up gone.
   * A row that came back with a reason is the user's to decide again.
   */
  private final Map<Service, Set<String>> meantToDelete = new EnumMap<>(Service.class);
  /** Ids whose delete failed in a way that admits it may have happened (the answer was lost). */
  private final Map<Service, Set<String>> mayHaveHappened = new EnumMap<>(Service.class);
  /** Ids shown as waiting for a sign-in before their delete is sent again, as last seen. */
  private final Map<Service, Set<String>> awaitingSignIn = new EnumMap<>(Service.class);
  /** The last operations, for the first mismatch's context. */
  private final ArrayDeque<String> trail = new ArrayDeque<>();
  /** Rows currently back in a list with a reason, so each comeback is counted once. */
  private final Map<Service, Set<String>> comebacks = new EnumMap<>(Service.class);
  private final Map<Operation, Integer> done = new TreeMap<>();
  private final List<String> mismatches = new ArrayList<>();
  private final Set<String> seenMismatchKinds = new HashSet<>();
  /** Each row's state as last seen, for the trace of state changes. */
  private final Map<String, RowState.Kind> lastKinds = new HashMap<>();
  /** Lists whose sign-out is still sending what was pending. */
  private final Set<Service> signingOut = EnumSet.noneOf(Service.class);
  private int rollbacks;
  private int undoneRows;
  private int step;

  ChaosDrill(long seed, int itemsPerService) {
    this(seed, itemsPerService, Deployment.STANDARD, false);
  }

  /**
   * A drill against a sandbox serving {@code deployment}; with {@code bodyFaults}, the faults it
   * switches between also cut off or replace success bodies, before or after the server acted.
   */
  ChaosDrill(long seed, int itemsPerService, Deployment deployment, boolean bodyFaults) {
    this.seed = seed;
    this.bodyFaults = bodyFaults;
    this.dice = new Random(seed);
    this.threads = new DrillThreads(time, new Random(seed * 31 + 7));
    // Cookie expiry dates come from the sandbox's clock and OkHttp judges them by the real one: a
    // start far ahead of today keeps them valid, and a fixed one keeps a seed's ids the same.
    time.advance(Duration.between(time.instant(), Instant.parse("2099-01-01T00:00:00Z")));
    this.sandbox = Sandbox.start(SandboxOptions.defaults().withSize(itemsPerService).withSeed(seed).withClock(time)
        .withDeployment(deployment));
    ErrorPresenter presenter = ErrorPresenter.forLocale(Locale.ENGLISH);
    Connection messages = Connection.sandbox(Service.MESSAGES, sandbox.messagesUrl(), sandbox.controlToken(), config(sandbox.messagesUrl()));
    Connection notifications = Connection.sandbox(Service.NOTIFICATIONS, sandbox.notificationsUrl(), sandbox.controlToken(),
        config(sandbox.notificationsUrl()));
    InboxViewModel inbox = new InboxViewModel((MessagesSource) messages.source(), threads, threads.background(),
        presenter);
    NotificationsViewModel notificationsList = new NotificationsViewModel(
        (NotificationsSource) notifications.source(), threads, threads.background(), presenter);
    // The inbox waits out an undo window; notifications send at once or wait too, as the seed says.
    inbox.undoWindowSecondsProperty().set(5);
    notificationsList.undoWindowSecondsProperty().set(dice.nextBoolean() ? 0 : 3);
    this.model = new MainViewModel(messages, notifications, inbox, notificationsList,
        new Accounts(SettingsStore.inMemory(), new MemorySecretStore("chaos drill")),
        profile -> {
          throw new UnsupportedOperationException("the drill stays on the sandbox");
        },
        service -> {
          throw new UnsupportedOperationException("the drill stays on the sandbox");
        },
        new RequestLog(threads, 10), threads, threads.background(), presenter);
    for (Service service : Service.values()) {
      meantToDelete.put(service, new HashSet<>());
      mayHaveHappened.put(service, new HashSet<>());
      awaitingSignIn.put(service, new HashSet<>());
      comebacks.put(service, new HashSet<>());
    }
  }

  private ClientConfig.Builder config(String url) {
    return ClientConfig.builder(url).clock(time).sleeper(time)
        .readTimeout(Duration.ofSeconds(5)).callTimeout(Duration.ofSeconds(20));
  }

  Report run(int operations) {
    atStart.putAll(serverTruth());
    for (Service service : Service.values()) {
      model.signIn(service, EMAIL, PASSWORD);
    }
    threads.drain();
    for (step = 1; step <= operations; step++) {
      Operation operation = pick();
      done.merge(operation, 1, Integer::sum);
      Service service = dice.nextBoolean() ? Service.MESSAGES : Service.NOTIFICATIONS;
      remember(step + " " + operation + " " + service);
      perform(operation, service);
      observe();
    }
    settleEverything();
    Map<Service, Set<String>> end = serverTruth();
    reconcile(end);
    // And the list a fresh load shows must be the same.
    model.refreshAll();
    threads.drain();
    compareLists(end, "after a final refresh");
    Map<Service, Integer> deleted = new EnumMap<>(Service.class);
    for (Service service : Service.values()) {
      deleted.put(service, atStart.get(service).size() - end.get(service).size());
    }
    return new Report(seed, operations, done, sandbox.faults().injected(), rollbacks, undoneRows, deleted,
        List.copyOf(mismatches));
  }

  private Operation pick() {
    int total = 0;
    for (Operation o : Operation.values()) {
      total += o.weight;
    }
    int roll = dice.nextInt(total);
    for (Operation o : Operation.values()) {
      roll -= o.weight;
      if (roll < 0) {
        return o;
      }
    }
    throw new AssertionError();
  }

  private void perform(Operation operation, Service service) {
    ItemListViewModel list = model.list(service);
    if (signingOut.contains(service) && operation != Operation.LET_WORK_RUN && operation != Operation.WAIT
        && operation != Operation.CHANGE_FAULTS) {
      // The window shows a modal progress dialog while a sign-out sends what is pending.
      return;
    }
    List<ItemRow> shown = list.visibleRows();
    switch (operation) {
      case DELETE_ONE -> {
        if (!shown.isEmpty()) {
          deleting(service, () -> list.delete(List.of(shown.get(dice.nextInt(shown.size())))));
        }
      }
      case DELETE_SEVERAL -> {
        List<ItemRow> chosen = new ArrayList<>();
        int count = 2 + dice.nextInt(7);
        for (int i = 0; i < count && !shown.isEmpty(); i++) {
          chosen.add(shown.get(dice.nextInt(shown.size())));
        }
        deleting(service, () -> list.delete(chosen));
      }
      case DELETE_SEARCH_RESULTS -> {
        if (!shown.isEmpty()) {
          String[] words = shown.get(dice.nextInt(shown.size())).item().title().split("\\s+");
          list.searchTextProperty().set(words[dice.nextInt(words.length)]);
          if (list.visibleRows().size() <= 12) {
            deleting(service, list::deleteAllShown);
          }
          list.searchTextProperty().set("");
        }
      }
      case UNDO -> restoring(service, list::undo);
      case CANCEL_PENDING -> restoring(service, list::cancelPending);
      case RETRY_FAILED -> list.allRows().stream().filter(r -> r.state().kind() == RowState.Kind.FAILED
          || r.state().kind() == RowState.Kind.UNCONFIRMED).findFirst()
          .ifPresent(row -> deleting(service, () -> list.retry(row)));
      case REFRESH -> list.refresh();
      case LET_WORK_RUN -> {
        int steps = 1 + dice.nextInt(8);
        for (int i = 0; i < steps && threads.step(); i++) {
          observe();
        }
      }
      case WAIT -> threads.advance(Duration.ofMillis(200 + dice.nextInt(10_000)));
      case SIGN_OUT -> {
        if (model.connection(service).signedIn()) {
          signingOut.add(service);
          model.signOut(service).whenComplete((done, error) -> signingOut.remove(service));
        }
      }
      case SIGN_IN -> {
        if (!model.connection(service).signedIn() || list.signInProblemProperty().get() != null) {
          model.signIn(service, EMAIL, PASSWORD);
        }
      }
      case CHANGE_FAULTS -> sandbox.faults().set(randomFaults());
      default -> throw new AssertionError(operation);
    }
  }

  /** Rows that leave a list through the user's delete are meant to be deleted. */
  private void deleting(Service service, Runnable action) {
    Set<String> before = ids(model.list(service).allRows());
    action.run();
    before.removeAll(ids(model.list(service).allRows()));
    meantToDelete.get(service).addAll(before);
    awaitingSignIn.get(service).removeAll(before);
    remember("  deleted " + before);
  }

  /** Rows that come back through undo or cancel are no longer meant to be deleted. */
  private void restoring(Service service, Runnable action) {
    Set<String> before = ids(model.list(service).allRows());
    action.run();
    Set<String> back = ids(model.list(service).allRows());
    back.removeAll(before);
    meantToDelete.get(service).removeAll(back);
    undoneRows += back.size();
    remember("  restored " + back);
  }

  private FaultSettings randomFaults() {
    int latency = dice.nextInt(4) == 0 ? 1 + dice.nextInt(3) : 0;
    return switch (dice.nextInt(bodyFaults ? 12 : 9)) {
      case 0 -> FaultSettings.NONE;
      case 1 -> new FaultSettings(latency, 0, 500, 0.25, false, 0, 0, 0, 0, 3, "all");
      case 2 -> new FaultSettings(latency, 0, 500, 0.25, true, 0, 0, 0, 0, 3, "all");
      case 3 -> new FaultSettings(latency, 0.25, new int[] {500, 502, 503}[dice.nextInt(3)], 0, false, 0, 0, 0, 0, 3,
          "all");
      case 4 -> new FaultSettings(latency, 0, 500, 0, false, 0.25, 0, 0, 0, 3, "all");
      case 5 -> new FaultSettings(latency, 0, 500, 0, false, 0, 0.25, 0, 0, 3, "all");
      case 6 -> new FaultSettings(latency, 0, 500, 0, false, 0, 0, 1 + dice.nextInt(4), 0, 1 + dice.nextInt(5), "all");
      case 7 -> new FaultSettings(latency, 0, 500, 0, false, 0, 0, 0, 1 + dice.nextInt(2), 3, "all");
      case 9 -> new FaultSettings(latency, 0, 500, 0, false, 0.25, 0, 0, dice.nextBoolean(), 0, 0, 3, "all");
      case 10 -> new FaultSettings(latency, 0, 500, 0, false, 0, 0, 0.25, dice.nextBoolean(), 0, 0, 3, "all");
      case 11 -> new FaultSettings(latency, 0.05, 503, 0.05, dice.nextBoolean(), 0.1, 0.05, 0.1, dice.nextBoolean(),
          0, 0, 3, "all");
      default -> new FaultSettings(latency, 0.05, 503, 0.05, dice.nextBoolean(), 0.05, 0.05, 0, 0, 3, "all");
    };
  }

  // --- checking ---

  /** What must hold after every step, whatever is still on its way. */
  private void observe() {
    for (Service service : Service.values()) {
      ItemListViewModel list = model.list(service);
      Set<String> meant = meantToDelete.get(service);
      Set<String> seen = new HashSet<>();
      Set<String> withReason = new HashSet<>();
      Set<String> waiting = new HashSet<>();
      long lastOrder = Long.MIN_VALUE;
      for (ItemRow row : list.allRows()) {
        if (TRACE) {
          RowState.Kind before = lastKinds.put(row.id(), row.state().kind());
          if (before != null && before != row.state().kind()) {
            remember("  " + row.id() + ": " + before + " -> " + row.state().kind());
          }
        }
        if (!seen.add(row.id())) {
          mismatch("duplicate", service + " shows " + row.id() + " twice");
        }
        if (row.serverOrder() < lastOrder) {
          mismatch("order", service + " row " + row.id() + " is out of the server's order");
        }
        lastOrder = row.serverOrder();
        switch (row.state().kind()) {
          case NORMAL -> {
            if (meant.contains(row.id())) {
              mismatch("resurrected", service + " shows " + row.id() + " as normal after the user deleted it");
            }
          }
          case RATE_LIMITED -> {
            withReason.add(row.id());
            if (!meant.contains(row.id())) {
              mismatch("stray state", service + " row " + row.id() + " waits to be deleted but was not deleted");
            }
          }
          case FAILED -> {
            withReason.add(row.id());
            if (needsSignIn(row.state().error())) {
              // The app promises to send it again after the next sign-in.
              waiting.add(row.id());
            } else {
              // The user is told it failed: deleting it again is their call now.
              meant.remove(row.id());
            }
            if (mayHaveHappened(row.state().error())) {
              mayHaveHappened.get(service).add(row.id());
            }
          }
          case UNCONFIRMED -> {
            // Kept in sight, marked: the server may have deleted it, and the user is told so.
            // Whether to delete it again is their call, as with a failure.
            withReason.add(row.id());
            meant.remove(row.id());
            mayHaveHappened.get(service).add(row.id());
            if (!(row.state().error() instanceof UnconfirmedException)) {
              mismatch("stray state", service + " row " + row.id() + " is unconfirmed by " + row.state().error());
            }
          }
          default -> throw new AssertionError(row.state());
        }
      }
      if (!model.connection(service).signedIn() && list.allRows().isEmpty()) {
        // Signed out instead of signing in again: the deletes that waited for it are off.
        meant.removeAll(awaitingSignIn.get(service));
        if (!awaitingSignIn.get(service).isEmpty()) {
          remember("  signed out, off: " + awaitingSignIn.get(service));
        }
        awaitingSignIn.get(service).clear();
      } else {
        awaitingSignIn.put(service, waiting);
      }
      Set<String> previous = comebacks.get(service);
      for (ItemRow row : list.allRows()) {
        if (withReason.contains(row.id()) && !previous.contains(row.id())) {
          rollbacks++;
          remember("  back with a reason: " + row.id() + " " + row.state().kind() + " "
              + (row.state().error() == null ? "" : row.state().error().getClass().getSimpleName() + ": "
              + row.state().error().getMessage()));
        }
      }
      comebacks.put(service, withReason);
    }
  }

  private static boolean needsSignIn(Throwable error) {
    return error instanceof AuthenticationException auth && auth.requiresSignIn();
  }

  /** Runs everything waiting, checking after each task as a user watching the window would. */
  private void drainWatching() {
    while (threads.step()) {
      observe();
    }
  }

  /** Whether a failed delete may still have happened on the server (its answer never arrived intact). */
  private static boolean mayHaveHappened(Throwable error) {
    return error instanceof UnexpectedResponseException
        || error instanceof ApiException api && api.mayHaveReachedServer();
  }

  /**
   * The outage ends and the user finishes up: signs in where needed, lets pending and
   * rate-limited deletes go, and retries the ones that failed, until nothing is left to send.
   */
  private void settleEverything() {
    sandbox.faults().set(FaultSettings.NONE);
    for (int round = 0; round < 50; round++) {
      drainWatching();
      for (Service service : Service.values()) {
        ItemListViewModel list = model.list(service);
        if (!model.connection(service).signedIn() || list.signInProblemProperty().get() != null) {
          model.signIn(service, EMAIL, PASSWORD).whenComplete((result, error) -> {
            if (error != null) {
              remember("  sign-in failed: " + error);
            }
          });
        } else if (list.loadStateProperty().get() == LoadState.FAILED) {
          list.refresh();
        }
      }
      drainWatching();
      model.flushAll();
      drainWatching();
      boolean anythingLeft = false;
      for (Service service : Service.values()) {
        ItemListViewModel list = model.list(service);
        for (ItemRow row : List.copyOf(list.allRows())) {
          if (row.state().kind() != RowState.Kind.NORMAL) {
            deleting(service, () -> list.retry(row));
            anythingLeft = true;
          }
        }
        anythingLeft |= list.unsettledCount() > 0 || !model.connection(service).signedIn()
            || list.loadStateProperty().get() != LoadState.LOADED;
      }
      drainWatching();
      observe();
      for (Service service : Service.values()) {
        ItemListViewModel list = model.list(service);
        remember("  settling " + service + ": signed in " + model.connection(service).signedIn() + ", rows "
            + list.allRows().size() + ", " + list.loadStateProperty().get() + ", problem "
            + (list.signInProblemProperty().get() == null ? "-" : list.signInProblemProperty().get().oneLine())
            + ", load problem " + (list.loadProblemProperty().get() == null ? "-"
            : list.loadProblemProperty().get().oneLine()) + ", notice " + list.noticeProperty().get());
      }
      if (!anythingLeft && threads.idle()) {
        return;
      }
      threads.advance(Duration.ofSeconds(61));
    }
    mismatch("unsettled", "deletes still unsettled after 50 rounds of retrying without faults");
  }

  /** The server against what the user meant, and the lists against the server. */
  private void reconcile(Map<Service, Set<String>> end) {
    for (Service service : Service.values()) {
      Set<String> expected = new LinkedHashSet<>(atStart.get(service));
      expected.removeAll(meantToDelete.get(service));
      Set<String> lost = difference(expected, end.get(service));
      lost.removeAll(mayHaveHappened.get(service));
      Set<String> survived = difference(end.get(service), expected);
      lost.forEach(id -> mismatch("lost", service + " " + id + " is gone on the server but the user never deleted it"));
      survived.forEach(id -> mismatch("undeleted", service + " " + id + " was deleted by the user but is still on the server"));
    }
    compareLists(end, "after settling");
  }

  private void compareLists(Map<Service, Set<String>> server, String when) {
    for (Service service : Service.values()) {
      Set<String> shown = ids(model.list(service).allRows());
      difference(shown, server.get(service)).forEach(id ->
          mismatch("ghost", service + " shows " + id + " " + when + " but the server has no such item"));
      difference(server.get(service), shown).forEach(id ->
          mismatch("hidden", service + " hides " + id + " " + when + " though the server still has it"));
    }
  }

  /** Both inboxes as the server holds them, read by clients of their own with no faults on. */
  private Map<Service, Set<String>> serverTruth() {
    FaultSettings faults = sandbox.faults().settings();
    sandbox.faults().set(FaultSettings.NONE);
    Map<Service, Set<String>> truth = new EnumMap<>(Service.class);
    try (MessagesClient messages = MessagesClient.create(config(sandbox.messagesUrl()).build());
        NotificationsClient notifications = NotificationsClient.create(config(sandbox.notificationsUrl()).build())) {
      messages.signIn(EMAIL, PASSWORD);
      truth.put(Service.MESSAGES, messages.listMessages().stream().map(Message::id)
          .collect(Collectors.toCollection(LinkedHashSet::new)));
      notifications.login(EMAIL, PASSWORD);
      truth.put(Service.NOTIFICATIONS, notifications.listAll(ReadFilter.ALL).stream().map(Notification::id)
          .collect(Collectors.toCollection(LinkedHashSet::new)));
    } finally {
      sandbox.faults().set(faults);
    }
    return truth;
  }

  private void mismatch(String kind, String what) {
    // The same broken invariant would repeat on every later step; each problem is listed once.
    if (seenMismatchKinds.add(kind + what)) {
      mismatches.add("step " + step + ": " + what + (mismatches.isEmpty() ? " after " + trail : ""));
    }
  }

  private void remember(String event) {
    if (TRACE) {
      System.err.println("TRACE " + event);
    }
    trail.addLast(event);
    if (trail.size() > 40) {
      trail.removeFirst();
    }
  }

  private static Set<String> ids(List<ItemRow> rows) {
    Set<String> ids = new LinkedHashSet<>();
    rows.forEach(row -> ids.add(row.id()));
    return ids;
  }

  private static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> result = new LinkedHashSet<>(a);
    result.removeAll(b);
    return result;
  }

  @Override
  public void close() {
    for (Service service : Service.values()) {
      model.connection(service).close();
    }
    sandbox.close();
  }
}
