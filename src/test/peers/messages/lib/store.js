// The in-memory stand-in for the service's MongoDB users collection. Deterministic demo data;
// state lives on globalThis so that every route bundle and the custom server share one store,
// and server.js resets it by deleting the key (the next request seeds again).
import bcrypt from 'bcryptjs';

const KEY = '__inboxdeskMessagesPeer';
const BASE = Date.parse('2026-05-12T10:00:00.000Z');

// Fixed salts keep the hashes (which the delete answer leaks, like the real service) stable.
const SALTS = { ada: '$2b$10$adaDemoSaltAdaDemoSaltu', bob: '$2b$10$bobDemoSaltBobDemoSaltu' };

export class CastError extends Error {
  constructor(value) {
    super(`Cast to ObjectId failed for value "${value}" (type string) at path "_id" for model "User"`);
    this.name = 'CastError';
  }
}

function objectId(seconds, counter) {
  return seconds.toString(16).padStart(8, '0') + 'ab01cd02ef' + counter.toString(16).padStart(6, '0');
}

function hashes() {
  globalThis.__inboxdeskMessagesPeerHashes ??= {
    ada: bcrypt.hashSync('ada-demo', SALTS.ada),
    bob: bcrypt.hashSync('bob-demo', SALTS.bob),
  };
  return globalThis.__inboxdeskMessagesPeerHashes;
}

const ADA_MESSAGES = [
  'What is the one book you would take to a desert island?',
  'Your talk last week changed how I write tests. Thank you!',
  'Honest question: tabs or spaces?',
  'You should write more about compilers.',
  'I still think about the cake you baked for the team.',
  'Have you ever been to Lisbon? Go in spring.',
  'Keep going, it shows.',
];
const BOB_MESSAGES = ['Nice profile picture.', 'Will you stream again on Friday?', 'Be honest: do you read these?'];

function seed() {
  let counter = 0;
  const messages = (texts, offsetMinutes) =>
    texts.map((content, i) => {
      // storage order is oldest first: the last text is the newest message
      const createdAt = BASE - (texts.length - 1 - i) * 3 * 3600_000 - offsetMinutes * 60_000;
      return { _id: objectId(Math.floor(createdAt / 1000), ++counter), content, createdAt: new Date(createdAt).toISOString() };
    });
  const h = hashes();
  const users = [
    {
      _id: '6650a1f0c0ffee0000000a01', username: 'ada', email: 'ada@example.com', password: h.ada,
      isVerified: true, isAcceptingMessages: true, messages: messages(ADA_MESSAGES, 0), __v: 0,
    },
    {
      _id: '6650a1f0c0ffee0000000b02', username: 'bob', email: 'bob@example.com', password: h.bob,
      isVerified: true, isAcceptingMessages: true, messages: messages(BOB_MESSAGES, 7), __v: 0,
    },
  ];
  return { users, counter };
}

function db() {
  globalThis[KEY] ??= seed();
  return globalThis[KEY];
}

const copy = (value) => JSON.parse(JSON.stringify(value));

export function findUserByEmailOrUsername(identifier) {
  const user = db().users.find((u) => u.email === identifier || u.username === identifier);
  return user ? copy(user) : null;
}

export function findUserById(id) {
  const user = db().users.find((u) => u._id === id);
  return user ? copy(user) : null;
}

export function findUserByUsername(username) {
  return findUserByEmailOrUsername(username);
}

const OBJECT_ID = /^[0-9a-fA-F]{24}$/;

/** Like findByIdAndUpdate(userId, {$pull: {messages: {_id: messageId}}}, {new: true}). */
export function pullMessage(userId, messageId) {
  if (!OBJECT_ID.test(messageId)) {
    throw new CastError(messageId);
  }
  const user = db().users.find((u) => u._id === userId);
  if (!user) {
    return null;
  }
  user.messages = user.messages.filter((m) => m._id !== messageId.toLowerCase());
  return copy(user);
}

export function setAccepting(userId, accepting) {
  const user = db().users.find((u) => u._id === userId);
  if (!user) {
    return null;
  }
  user.isAcceptingMessages = accepting;
  return copy(user);
}

export function pushMessage(username, content) {
  const store = db();
  const user = store.users.find((u) => u.username === username);
  if (!user) {
    return 'not-found';
  }
  if (!user.isAcceptingMessages) {
    return 'not-accepting';
  }
  const now = Date.now();
  user.messages.push({ _id: objectId(Math.floor(now / 1000), ++store.counter), content, createdAt: new Date(now).toISOString() });
  return 'sent';
}
