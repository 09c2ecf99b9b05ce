import { findUserById, setAccepting } from '../../../lib/store.js';
import { json, notAuthenticated, sessionUser, userNotFound } from '../../../lib/respond.js';

export const dynamic = 'force-dynamic';

export async function GET() {
  const user = await sessionUser();
  if (!user) {
    return notAuthenticated();
  }
  const found = findUserById(user._id);
  if (!found) {
    return userNotFound();
  }
  return json({ success: true, isAcceptingMessages: found.isAcceptingMessages }, 200);
}

export async function POST(request) {
  const user = await sessionUser();
  if (!user) {
    return notAuthenticated();
  }
  try {
    const body = await request.json(); // no body: throws, answered 500 below
    const value = body?.acceptMessage;
    if (typeof value !== 'boolean') {
      const received = value === undefined ? 'undefined' : value === null ? 'null' : typeof value;
      return json({ success: false, message: `Invalid input: expected boolean, received ${received}` }, 400);
    }
    if (!setAccepting(user._id, value)) {
      return userNotFound();
    }
    return json({ success: true, message: 'Message acceptance status updated successfully' }, 200);
  } catch {
    return json({ success: false, message: 'Error updating message acceptance status' }, 500);
  }
}
