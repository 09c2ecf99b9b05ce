package dev.inboxdesk.app.list;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inboxdesk.app.common.ErrorPresenter;
import dev.inboxdesk.app.common.Problem;
import dev.inboxdesk.client.AuthenticationException.Reason;
import dev.inboxdesk.client.AuthenticationException;
import dev.inboxdesk.client.ConnectionFailureException;
import dev.inboxdesk.client.NotFoundException;
import dev.inboxdesk.client.ServerDetails;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The list view-model without a stage: same-thread work, a manual clock. */
class ItemListViewModelTest {
  final ManualScheduler ui = new ManualScheduler();
  final ScriptedSource source = new ScriptedSource(12);
  ItemListViewModel model;

  @BeforeEach
  void setUp() {
    model = new ItemListViewModel(source, ui, Runnable::run, ErrorPresenter.forLocale(Locale.ENGLISH));
  }

  @Test
  void aRefreshLoadsTheRowsInTheServersOrder() {
    assertThat(model.loadStateProperty().get()).isEqualTo(LoadState.IDLE);

    model.refresh();

    assertThat(model.loadStateProperty().get()).isEqualTo(LoadState.LOADED);
    assertThat(model.visibleRows()).extracting(ItemRow::id).containsExactlyElementsOf(
        source.server.stream().map(Item::id).toList());
    assertThat(model.unreadCount().get()).isEqualTo(8);
  }

  @Test
  void aListIsLoadingWhileItsSignInIsUnderWayAndSignedOutAgainIfItFails() {
    model.signingIn();
    assertThat(model.loadStateProperty().get()).isEqualTo(LoadState.LOADING);
    model.signInEnded();
    assertThat(model.loadStateProperty().get()).isEqualTo(LoadState.IDLE);

    model.signingIn();
    model.needsSignIn(new AuthenticationException(Reason.NOT_AUTHENTICATED, ServerDetails.ofStatus(401)));
    assertThat(model.loadStateProperty().get()).isEqualTo(LoadState.IDLE);
    assertThat(model.signInProblemProperty().get()).isNotNull();

    model.signingIn();
    model.signedIn();
    assertThat(model.loadStateProperty().get()).isEqualTo(LoadState.LOADED);
    assertThat(model.allRows()).hasSize(12);
    // a later sign-in (another account, a second factor) leaves a loaded list as it is
    model.signingIn();
    model.signInEnded();
    assertThat(model.loadStateProperty().get()).isEqualTo(LoadState.LOADED);
    assertThat(model.allRows()).hasSize(12);
  }

  @Test
  void aFailedFirstLoadSaysWhyAndWhatToDo() {
    ItemListViewModel broken = new ItemListViewModel(new ScriptedSource(0) {
      @Override
      public List<Item> list() {
        throw new ConnectionFailureException(ConnectionFailureException.Kind.REFUSED, false, "refused", null);
      }
    }, ui, Runnable::run, ErrorPresenter.forLocale(Locale.ENGLISH));

    broken.refresh();

    assertThat(broken.loadStateProperty().get()).isEqualTo(LoadState.FAILED);
    Problem problem = broken.loadProblemProperty().get();
    assertThat(problem.title()).isEqualTo("Could not reach the server");
    assertThat(problem.action()).isEqualTo(Problem.Action.RETRY);
  }

  @Test
  void aFailedRefreshKeepsTheRowsAndSaysSoQuietly() {
    ItemListViewModel failing = new ItemListViewModel(new ScriptedSource(3) {
      int calls;

      @Override
      public List<Item> list() {
        if (calls++ > 0) {
          throw new NotFoundException(ServerDetails.ofStatus(404));
        }
        return super.list();
      }
    }, ui, Runnable::run, ErrorPresenter.forLocale(Locale.ENGLISH));
    failing.refresh();
    failing.refresh();

    assertThat(failing.visibleRows()).hasSize(3);
    assertThat(failing.loadStateProperty().get()).isEqualTo(LoadState.LOADED);
    assertThat(failing.noticeProperty().get()).startsWith("Could not refresh.");
  }

  @Test
  void theSearchMatchesEveryWordCaseInsensitively() {
    model.refresh();

    model.searchTextProperty().set("  ITEM 1 ");

    assertThat(model.visibleRows()).extracting(r -> r.item().title()).containsExactlyInAnyOrder("item 1", "item 10",
        "item 11");
    model.searchTextProperty().set("mention item");
    assertThat(model.visibleRows()).allMatch(r -> r.item().type().equals("mention"));
    model.searchTextProperty().set("");
    assertThat(model.visibleRows()).hasSize(12);
  }

  @Test
  void sortingChangesTheOrderNotTheRows() {
    model.refresh();

    model.sortOrderProperty().set(SortOrder.OLDEST_FIRST);
    assertThat(model.visibleRows().get(0).id()).isEqualTo(source.item(11).id());

    model.sortOrderProperty().set(SortOrder.UNREAD_FIRST);
    assertThat(model.visibleRows().subList(0, 8)).allMatch(r -> !r.item().read());
  }

  @Test
  void theUndoOfferCountsDownEachSecond() {
    model.refresh();

    model.delete(List.of(model.visibleRows().get(0), model.visibleRows().get(1)));

    assertThat(model.undoCountProperty().get()).isEqualTo(2);
    assertThat(model.undoSecondsLeftProperty().get()).isEqualTo(5);
    ui.advance(Duration.ofSeconds(2));
    assertThat(model.undoSecondsLeftProperty().get()).isEqualTo(3);
    ui.advance(Duration.ofSeconds(3));
    assertThat(model.undoCountProperty().get()).isZero();
    assertThat(source.deleteCalls).hasSize(2);
  }

  @Test
  void theUndoWindowSettingReachesTheQueue() {
    model.refresh();
    model.undoWindowSecondsProperty().set(0);

    model.delete(List.of(model.visibleRows().get(0)));

    assertThat(source.deleteCalls).hasSize(1);
    assertThat(model.undoCountProperty().get()).isZero();
  }

  @Test
  void aBulkDeleteReportsProgressThenASummary() {
    model.refresh();
    model.undoWindowSecondsProperty().set(0);
    source.answers.add(item -> false);

    model.deleteAllShown();

    assertThat(model.progressVisibleProperty().get()).isFalse();
    assertThat(model.progressDoneProperty().get()).isEqualTo(12);
    assertThat(model.noticeProperty().get()).isEqualTo("12 deleted, 0 failed. One was already gone.");
    assertThat(model.visibleRows()).isEmpty();
  }

  @Test
  void deletingOnlyTheSearchResultsLeavesTheRest() {
    model.refresh();
    model.undoWindowSecondsProperty().set(0);
    model.searchTextProperty().set("mention");

    model.deleteAllShown();
    model.searchTextProperty().set("");

    assertThat(model.visibleRows()).hasSize(6).noneMatch(r -> r.item().type().equals("mention"));
  }

  @Test
  void anEndedSessionAsksForASignInAndSigningInSendsTheDelete() {
    model.refresh();
    model.undoWindowSecondsProperty().set(0);
    source.answers.add(item -> {
      throw new AuthenticationException(Reason.NOT_AUTHENTICATED, ServerDetails.ofStatus(401));
    });
    ItemRow row = model.visibleRows().get(0);

    model.delete(List.of(row));

    assertThat(model.signInProblemProperty().get().action()).isEqualTo(Problem.Action.SIGN_IN);
    assertThat(model.visibleRows()).contains(row);

    model.signedIn();

    assertThat(model.signInProblemProperty().get()).isNull();
    assertThat(model.visibleRows()).extracting(ItemRow::id).doesNotContain(row.id());
  }
}
