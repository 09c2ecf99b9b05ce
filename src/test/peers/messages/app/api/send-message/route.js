import { pushMessage } from '../../../lib/store.js';
import { json } from '../../../lib/respond.js';

export const dynamic = 'force-dynamic';

// Public: anyone may send an anonymous message to a user who accepts them.
export async function POST(request) {
  try {
    const { username, content } = await request.json();
    if (typeof content !== 'string' || content.trim() === '') {
      throw new Error('Message validation failed: content: Path `content` is required.');
    }
    const outcome = pushMessage(username, content);
    if (outcome === 'not-found') {
      return json({ success: false, message: 'User not found' }, 404);
    }
    if (outcome === 'not-accepting') {
      return json({ success: false, message: 'User is not accepting messages' }, 403);
    }
    return json({ success: true, message: 'Message sent successfully' }, 201);
  } catch (error) {
    console.error('send-message:', error.message);
    return json({ success: false, message: 'Internal server error' }, 500);
  }
}
