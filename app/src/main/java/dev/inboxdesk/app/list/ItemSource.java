package dev.inboxdesk.app.list;

import dev.inboxdesk.client.ApiException;
import java.util.List;

/**
 * What a list needs from a service: list everything, delete one. Both views use the same delete
 * queue through this interface. Calls block; the queue runs them off the UI thread.
 */
public interface ItemSource {

  /** Everything the service holds for the user, in the service's order (newest first). */
  List<Item> list() throws ApiException;

  /**
   * Deletes one item for good.
   *
   * @return true when the server removed it now, false when it was already gone
   * @throws ApiException when the delete did not happen (or may not have)
   */
  boolean delete(Item item) throws ApiException;
}
