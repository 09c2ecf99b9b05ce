package dev.inboxdesk.app.history;

import dev.inboxdesk.app.common.UiScheduler;
import dev.inboxdesk.history.DeleteHistory;
import dev.inboxdesk.history.DeleteRecord;
import dev.inboxdesk.history.HistoryExport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * "Recently deleted": the local record of deletes, newest first, searchable, exportable as CSV or
 * JSON, with entries to forget and the record's preferences (how long it keeps entries, whether it
 * keeps the items' texts). Reads and writes the file off the UI thread.
 */
public final class HistoryViewModel {
  private final DeleteHistory history;
  private final UiScheduler ui;
  private final Executor background;
  private final ObservableList<DeleteRecord> records = FXCollections.observableArrayList();
  private final FilteredList<DeleteRecord> shown = new FilteredList<>(records);
  private final StringProperty search = new SimpleStringProperty(this, "search", "");
  private final IntegerProperty retentionDays = new SimpleIntegerProperty(this, "retentionDays", 30);
  private final BooleanProperty keepText = new SimpleBooleanProperty(this, "keepText", true);
  private boolean applyingPreferences;

  public HistoryViewModel(DeleteHistory history, UiScheduler ui, Executor background) {
    this.history = history;
    this.ui = ui;
    this.background = background;
    search.addListener((obs, old, query) -> shown.setPredicate(r -> r.matches(query)));
    retentionDays.addListener(obs -> savePreferences());
    keepText.addListener(obs -> savePreferences());
  }

  /** The entries the search shows, newest first. */
  public ObservableList<DeleteRecord> shown() {
    return shown;
  }

  public StringProperty searchProperty() {
    return search;
  }

  /** Entries older than this many days are dropped (default 30). */
  public IntegerProperty retentionDaysProperty() {
    return retentionDays;
  }

  /** Whether items' texts are kept; turning it off also drops the texts already kept. */
  public BooleanProperty keepTextProperty() {
    return keepText;
  }

  /** Reads the record (again), with its preferences. */
  public void reload() {
    background.execute(() -> {
      DeleteHistory.Preferences preferences = history.preferences();
      List<DeleteRecord> read = new ArrayList<>(history.read());
      Collections.reverse(read);
      ui.execute(() -> {
        applyingPreferences = true;
        retentionDays.set(preferences.retentionDays());
        keepText.set(preferences.keepText());
        applyingPreferences = false;
        records.setAll(read);
      });
    });
  }

  /** Forgets the given entries (by service, server, item id and time), then reloads. */
  public void forget(Collection<DeleteRecord> chosen) {
    Set<DeleteRecord> gone = new HashSet<>(chosen);
    background.execute(() -> {
      history.forget(gone::contains);
      reload();
    });
  }

  /** Forgets every entry the search shows. */
  public void forgetShown() {
    forget(List.copyOf(shown));
  }

  /** The entries shown as CSV (spreadsheet formulas defused). */
  public String csv() {
    return HistoryExport.csv(oldestFirst());
  }

  /** The entries shown as a JSON array. */
  public String json() {
    return HistoryExport.json(oldestFirst());
  }

  /** Writes the entries shown to {@code file}: JSON when its name ends in .json, CSV otherwise. */
  public void export(Path file) throws IOException {
    String text = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? json() : csv();
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private List<DeleteRecord> oldestFirst() {
    List<DeleteRecord> list = new ArrayList<>(shown);
    Collections.reverse(list);
    return list;
  }

  private void savePreferences() {
    if (applyingPreferences) {
      return;
    }
    DeleteHistory.Preferences preferences = new DeleteHistory.Preferences(retentionDays.get(), keepText.get());
    background.execute(() -> {
      history.setPreferences(preferences);
      reload();
    });
  }
}
