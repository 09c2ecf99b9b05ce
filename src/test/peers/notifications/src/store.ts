import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';

export interface User {
  id: string;
  email: string;
  password: string;
}

export interface Notification {
  id: string;
  userId: string;
  eventKey: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
  read: boolean;
  readAt: string | null;
  createdAt: string;
}

interface RefreshToken {
  userId: string;
  used: boolean;
  revoked: boolean;
}

const BASE = Date.parse('2026-05-12T10:00:00.000Z');

/** A UUID v4 made from a name, so the demo data is the same on every start. */
export function uuidFor(name: string): string {
  const h = createHash('sha1').update(name).digest('hex');
  const variant = '89ab'[parseInt(h[16], 16) & 3];
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const KINDS = [
  { eventKey: 'new_message_creator', title: 'New anonymous message', body: 'Someone sent you a message.' },
  { eventKey: 'new_follower', title: 'New follower', body: 'You have a new follower.' },
  { eventKey: 'payout_sent', title: 'Payout sent', body: 'Your payout is on its way.' },
  { eventKey: 'comment_reply', title: 'New reply', body: 'Someone replied to your comment.' },
];

/** The in-memory stand-in for the service's database: users, notifications, refresh tokens. */
@Injectable()
export class Store {
  users: User[] = [];
  notifications: Notification[] = [];
  refreshTokens = new Map<string, RefreshToken>();

  constructor() {
    this.reset();
  }

  reset(): void {
    this.users = [
      { id: uuidFor('user:ada'), email: 'ada@example.com', password: 'ada-demo' },
      { id: uuidFor('user:bob'), email: 'bob@example.com', password: 'bob-demo' },
    ];
    this.notifications = [...this.seed('ada', 30, 0), ...this.seed('bob', 4, 17)];
    this.refreshTokens.clear();
  }

  private seed(user: string, count: number, offsetMinutes: number): Notification[] {
    const userId = uuidFor(`user:${user}`);
    return Array.from({ length: count }, (_, i) => {
      const kind = KINDS[i % KINDS.length];
      const createdAt = BASE - i * 2 * 3600_000 - offsetMinutes * 60_000;
      const read = i % 3 === 2;
      return {
        id: uuidFor(`notification:${user}:${i}`),
        userId,
        eventKey: kind.eventKey,
        title: kind.title,
        body: `${kind.body} (#${count - i})`,
        data: { link: `/inbox/${i}` },
        read,
        readAt: read ? new Date(createdAt + 600_000).toISOString() : null,
        createdAt: new Date(createdAt).toISOString(),
      };
    });
  }

  /** The user's notifications, newest first. */
  of(userId: string): Notification[] {
    return this.notifications
      .filter((n) => n.userId === userId)
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  }

  /** Like findFirst({where: {id, userId}}): null for a missing id and for another user's. */
  findOwned(id: string, userId: string): Notification | null {
    return this.notifications.find((n) => n.id === id.toLowerCase() && n.userId === userId) ?? null;
  }

  remove(id: string): void {
    this.notifications = this.notifications.filter((n) => n.id !== id);
  }

  issueRefreshToken(userId: string): string {
    const token = randomBytes(32).toString('base64url');
    this.refreshTokens.set(token, { userId, used: false, revoked: false });
    return token;
  }

  /** Rotates a refresh token: the new one, or why not ('invalid' or 'reuse', which revokes all). */
  rotate(token: string | undefined): { userId: string; token: string } | 'invalid' | 'reuse' {
    const record = token ? this.refreshTokens.get(token) : undefined;
    if (!record || record.revoked) {
      return 'invalid';
    }
    if (record.used) {
      for (const other of this.refreshTokens.values()) {
        if (other.userId === record.userId) other.revoked = true;
      }
      return 'reuse';
    }
    record.used = true;
    return { userId: record.userId, token: this.issueRefreshToken(record.userId) };
  }

  revoke(token: string | undefined): void {
    const record = token ? this.refreshTokens.get(token) : undefined;
    if (record) record.revoked = true;
  }
}
