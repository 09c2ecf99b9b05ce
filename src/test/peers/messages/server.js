'use strict';
// The messages peer: the built Next.js app in production mode behind a small Node http server
// that adds the control endpoint and fault injection (../faults.js). Binds 127.0.0.1 only.
// Env: PORT (required), NEXTAUTH_SECRET, NEXTAUTH_URL (the harness sets them).
process.env.NEXT_TELEMETRY_DISABLED = '1';
process.env.NODE_ENV = 'production';

const http = require('node:http');
const next = require('next');
const { createFaultListener } = require('../faults.js');

const host = '127.0.0.1';
const port = Number(process.env.PORT);
if (!port) {
  console.error('PORT is required');
  process.exit(2);
}

const app = next({ dev: false, dir: __dirname, hostname: host, port });
const handle = app.getRequestHandler();

app.prepare().then(() => {
  const listener = createFaultListener({
    name: 'messages',
    handle: (req, res) => handle(req, res),
    // lib/store.js seeds again on the next request
    reset: () => {
      delete globalThis.__inboxdeskMessagesPeer;
    },
  });
  const server = http.createServer(listener);
  server.listen(port, host, () => console.log(`messages peer listening on http://${host}:${port}`));
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
});
