import { pullMessage } from '../../../lib/store.js';
import { json, notAuthenticated, sessionUser } from '../../../lib/respond.js';

export const dynamic = 'force-dynamic';

// PATCH only, as deployed: a DELETE gets the framework's own 405 with an empty body.
export async function PATCH(request) {
  const user = await sessionUser();
  if (!user) {
    return notAuthenticated();
  }
  const messageId = new URL(request.url).searchParams.get('messageId');
  if (!messageId) {
    return json({ success: false, message: 'messageId not found' }, 404);
  }
  try {
    // findByIdAndUpdate(user._id, {$pull: {messages: {_id: messageId}}}, {new: true}); a malformed
    // id throws Mongoose's CastError, which lands here as a 500
    const updated = pullMessage(user._id, messageId);
    if (!updated) {
      return json({ success: false, message: 'User not found' }, 404);
    }
    return json({ success: true, message: 'Message Deleted Successfully', data: updated }, 201);
  } catch (error) {
    console.error('delete-message:', error.message);
    return json({ success: false, message: 'Error while deleting message' }, 500);
  }
}
