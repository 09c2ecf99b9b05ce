package dev.inboxdesk.app.inspector;

import dev.inboxdesk.app.common.UiScheduler;
import dev.inboxdesk.client.Exchange;
import dev.inboxdesk.client.Wait;
import java.util.function.Predicate;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * Every exchange both clients made, newest last, for the request inspector. Bounded: only the last
 * {@code capacity} are kept, and their bodies were already cut by the client.
 */
public final class RequestLog {
  /** Which answers a filter keeps. */
  public enum StatusFilter {
    ALL(e -> true),
    SUCCESS(e -> e.status() >= 200 && e.status() < 300),
    CLIENT_ERROR(e -> e.status() >= 400 && e.status() < 500),
    SERVER_ERROR(e -> e.status() >= 500),
    NO_ANSWER(e -> e.status() == 0);

    private final Predicate<Exchange> test;

    StatusFilter(Predicate<Exchange> test) {
      this.test = test;
    }
  }

  private final UiScheduler ui;
  private final int capacity;
  private final ObservableList<Exchange> all = FXCollections.observableArrayList();
  private final ObservableList<Wait> waits = FXCollections.observableArrayList();
  private final FilteredList<Exchange> shown = new FilteredList<>(all);
  private String service;
  private StatusFilter status = StatusFilter.ALL;

  public RequestLog(UiScheduler ui, int capacity) {
    this.ui = ui;
    this.capacity = capacity;
  }

  /** Adds an exchange; callable from any thread (the clients call from theirs). */
  public void record(Exchange exchange) {
    ui.execute(() -> {
      all.add(exchange);
      if (all.size() > capacity) {
        all.remove(0, all.size() - capacity);
      }
    });
  }

  /** Adds a wait a client made; callable from any thread. */
  public void recordWait(Wait wait) {
    ui.execute(() -> {
      waits.add(wait);
      if (waits.size() > capacity) {
        waits.remove(0, waits.size() - capacity);
      }
    });
  }

  /** The waits the clients made, oldest first. */
  public ObservableList<Wait> waits() {
    return FXCollections.unmodifiableObservableList(waits);
  }

  /** The exchanges the filters keep, oldest first. */
  public ObservableList<Exchange> shown() {
    return shown;
  }

  public ObservableList<Exchange> all() {
    return FXCollections.unmodifiableObservableList(all);
  }

  /** Keeps only one service's exchanges ({@code messages}, {@code notifications}), or all with null. */
  public void filterService(String value) {
    service = value;
    refilter();
  }

  public void filterStatus(StatusFilter value) {
    status = value;
    refilter();
  }

  public void clear() {
    all.clear();
    waits.clear();
  }

  /** The service the filter keeps, or null for both. */
  public String service() {
    return service;
  }

  private void refilter() {
    String wanted = service;
    StatusFilter statuses = status;
    shown.setPredicate(e -> (wanted == null || wanted.equals(e.service())) && statuses.test.test(e));
  }
}
