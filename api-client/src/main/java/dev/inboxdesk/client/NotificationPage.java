package dev.inboxdesk.client;

import java.util.List;

/**
 * One page of notifications. The paging fields after {@code items} are not documented by the
 * service, so they are null when absent.
 *
 * @param items the notifications on this page, newest first
 * @param page the page number the server reported
 * @param limit the page size the server reported
 * @param total how many there are in all, if the server said
 */
public record NotificationPage(List<Notification> items, Integer page, Integer limit, Integer total) {
  /**
   * Copies the items.
   *
   * @param items the notifications on this page, newest first
   * @param page the page number the server reported
   * @param limit the page size the server reported
   * @param total how many there are in all, if the server said
   */
  public NotificationPage {
    items = List.copyOf(items);
  }
}
