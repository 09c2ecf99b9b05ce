import { getServerSession } from 'next-auth';
import { authOptions } from './auth.js';

export const json = (body, status) => Response.json(body, { status });

/** The caller's session user, or null. The protected routes read only the session cookie. */
export async function sessionUser() {
  const session = await getServerSession(authOptions);
  return session?.user?._id ? session.user : null;
}

export const notAuthenticated = () => json({ success: false, message: 'Not Authenticated' }, 401);
export const userNotFound = () => json({ success: false, message: 'User not found' }, 404);
