import { findUserById } from '../../../lib/store.js';
import { json, notAuthenticated, sessionUser, userNotFound } from '../../../lib/respond.js';

export const dynamic = 'force-dynamic';

export async function GET() {
  const user = await sessionUser();
  if (!user) {
    return notAuthenticated();
  }
  try {
    const found = findUserById(user._id);
    if (!found) {
      return userNotFound();
    }
    // the service's aggregate: unwind, sort by createdAt descending, group back
    const messages = found.messages.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
    return json({ success: true, messages }, 200);
  } catch {
    return json({ success: false, message: 'An unexpected error occurred while fetching messages' }, 500);
  }
}
