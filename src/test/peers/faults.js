'use strict';
// The peers' control endpoint and fault injection, shared by both peers. No dependencies: it
// wraps a plain Node request listener (Next's request handler, or Express under Nest).
//
//   GET  /__control/health           200 {"ok":true,"peer":NAME}
//   POST /__control/reset            fresh demo data, rate limits, faults and request log
//   POST /__control/fault            add a fault (JSON below); answers {"ok":true,"id":N}
//   DELETE /__control/fault          remove every fault
//   GET  /__control/faults           the faults still armed, with how often each has fired
//   GET  /__control/requests         the requests the app saw since the last reset, oldest first, at
//                                    most 1000: method, path, status sent (null when none), fault,
//                                    and for an "after" fault the handler's own status
//
// A fault: {"route":"DELETE /api/v1/notifications/:id", "when":"before"|"after",
//           "kind":"drop"|"status"|"html"|"cutoff"|"delay", "status":503, "delayMs":2000,
//           "times":1, "body":"...", "contentType":"...", "headers":{"Retry-After":"3"}}
// route: METHOD (or *) and a path where :name matches one segment and a final * the rest; the
// query string is ignored. "before" acts instead of the handler (except delay, which waits and
// then lets it run); "after" lets the handler act, holds its answer, and then:
//   drop    closes the connection without an answer
//   status  answers `status` (default 503) with `body` (default empty) instead
//   html    answers `status` (default 502) with an HTML error page, like a proxy would
//   cutoff  sends the status and headers with the full Content-Length, then half of the body
//           (before the handler: `status` default 200 and a JSON prefix), and closes
//   delay   waits `delayMs` (default 1000) before answering
// times: how many matching requests it applies to (default 1; 0 or less: until removed).

const KINDS = new Set(['drop', 'status', 'html', 'cutoff', 'delay']);
const MAX_LOG = 1000;

function compile(route) {
  const match = /^\s*(\S+)\s+(\/\S*)\s*$/.exec(route || '');
  if (!match) {
    throw new Error('route must be "METHOD /path", e.g. "DELETE /api/v1/notifications/:id"');
  }
  const [, method, path] = match;
  const pattern = path
    .split('/')
    .map((segment, i, all) => {
      if (segment.startsWith(':')) return '[^/]+';
      if (segment === '*' && i === all.length - 1) return '.*';
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { method: method.toUpperCase(), regex: new RegExp(`^${pattern}/?$`) };
}

function htmlPage(status) {
  return `<!DOCTYPE html>\n<html><head><title>${status} Error</title></head>` +
    `<body><center><h1>${status} Error</h1></center><hr><center>nginx</center></body></html>\n`;
}

function readJson(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      try {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve(text ? JSON.parse(text) : {});
      } catch (e) {
        reject(e);
      }
    });
    req.on('error', reject);
  });
}

function send(res, status, body, contentType, headers = {}) {
  const payload = Buffer.from(body ?? '', 'utf8');
  res.writeHead(status, { ...headers, 'Content-Type': contentType, 'Content-Length': payload.length });
  res.end(payload);
}

/** Writes headers claiming `full` bytes, then only `part` of them, then closes the connection. */
function cutOff(res, status, headers, full, part) {
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.removeHeader('Transfer-Encoding');
  res.setHeader('Content-Length', full.length);
  res.setHeader('Connection', 'close');
  res.write(full.subarray(0, part), () => setImmediate(() => res.socket && res.socket.destroy()));
}

/** Holds what the handler writes; calls done(status, headers, body) when it ends. */
function hold(res, done) {
  const chunks = [];
  const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
  const add = (chunk, encoding) => {
    if (chunk != null && chunk.length) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding));
  };
  res.writeHead = function (status, reason, headers) {
    if (typeof reason !== 'string') headers = reason;
    else res.statusMessage = reason;
    res.statusCode = status;
    if (Array.isArray(headers)) {
      for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(headers[i], headers[i + 1]);
    } else if (headers) {
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    }
    return res;
  };
  res.flushHeaders = () => {};
  res.write = function (chunk, encoding, callback) {
    if (typeof encoding === 'function') [callback, encoding] = [encoding, undefined];
    add(chunk, encoding);
    if (callback) process.nextTick(callback);
    return true;
  };
  res.end = function (chunk, encoding, callback) {
    if (typeof chunk === 'function') [callback, chunk] = [chunk, undefined];
    if (typeof encoding === 'function') [callback, encoding] = [encoding, undefined];
    add(chunk, encoding);
    Object.assign(res, original);
    const headers = res.getHeaders();
    done(res.statusCode, headers, Buffer.concat(chunks), callback);
    return res;
  };
}

/**
 * Wraps `handle(req, res)` with the control endpoint and the faults.
 * options: name (the peer's), handle, reset (may return a promise), log (optional function).
 */
function createFaultListener({ name, handle, reset }) {
  let faults = [];
  let nextId = 1;
  let requests = [];

  const control = async (req, res, path) => {
    const reply = (status, body) => send(res, status, JSON.stringify(body), 'application/json');
    try {
      if (req.method === 'GET' && path === '/__control/health') return reply(200, { ok: true, peer: name });
      if (req.method === 'POST' && path === '/__control/reset') {
        await reset();
        faults = [];
        requests = [];
        return reply(200, { ok: true });
      }
      if (req.method === 'POST' && path === '/__control/fault') {
        const f = await readJson(req);
        if (!KINDS.has(f.kind)) throw new Error(`kind must be one of ${[...KINDS].join(', ')}`);
        if (f.when !== 'before' && f.when !== 'after') throw new Error('when must be "before" or "after"');
        const fault = {
          id: nextId++, route: f.route, when: f.when, kind: f.kind, status: f.status, delayMs: f.delayMs ?? 1000,
          times: f.times ?? 1, body: f.body, contentType: f.contentType, headers: f.headers || {}, fired: 0,
          ...compile(f.route),
        };
        faults.push(fault);
        return reply(200, { ok: true, id: fault.id });
      }
      if (req.method === 'DELETE' && path === '/__control/fault') {
        faults = [];
        return reply(200, { ok: true });
      }
      if (req.method === 'GET' && path === '/__control/faults') {
        return reply(200, faults.map(({ regex, method, ...rest }) => rest));
      }
      if (req.method === 'GET' && path === '/__control/requests') return reply(200, requests);
      return reply(404, { ok: false, error: `no control route ${req.method} ${path}` });
    } catch (e) {
      return reply(400, { ok: false, error: e.message });
    }
  };

  const take = (method, path) => {
    const fault = faults.find((f) => (f.method === '*' || f.method === method) && f.regex.test(path));
    if (!fault) return null;
    fault.fired++;
    if (fault.times > 0 && fault.fired >= fault.times) faults = faults.filter((f) => f !== fault);
    return fault;
  };

  const before = (fault, req, res) => {
    switch (fault.kind) {
      case 'drop':
        req.socket.destroy();
        return;
      case 'status':
        send(res, fault.status ?? 503, fault.body ?? '', fault.contentType ?? 'application/json', fault.headers);
        return;
      case 'html':
        send(res, fault.status ?? 502, fault.body ?? htmlPage(fault.status ?? 502), 'text/html');
        return;
      case 'cutoff': {
        const full = Buffer.from(fault.body ?? '{"success":true,"message":"this answer was cut off on its way"}');
        cutOff(res, fault.status ?? 200, { 'Content-Type': fault.contentType ?? 'application/json' }, full,
          Math.floor(full.length / 2));
        return;
      }
      default:
        setTimeout(() => handle(req, res), fault.delayMs);
    }
  };

  const after = (fault, req, res, entry) => {
    hold(res, (status, headers, body, callback) => {
      entry.handlerStatus = status;
      if (fault.kind === 'status' || fault.kind === 'html') {
        for (const header of res.getHeaderNames()) res.removeHeader(header);
      }
      switch (fault.kind) {
        case 'drop':
          res.socket && res.socket.destroy();
          return;
        case 'status':
          send(res, fault.status ?? 503, fault.body ?? '', fault.contentType ?? 'application/json', fault.headers);
          return;
        case 'html':
          send(res, fault.status ?? 502, fault.body ?? htmlPage(fault.status ?? 502), 'text/html');
          return;
        case 'cutoff':
          cutOff(res, status, headers, body, Math.max(0, Math.floor(body.length / 2)));
          return;
        default:
          setTimeout(() => res.end(body, callback), fault.delayMs);
      }
    });
    handle(req, res);
  };

  return (req, res) => {
    const path = (req.url || '/').split('?')[0];
    if (path.startsWith('/__control/')) {
      control(req, res, path);
      return;
    }
    const fault = take(req.method, path);
    const entry = { method: req.method, path, status: null, fault: fault ? `${fault.when} ${fault.kind}` : null };
    requests.push(entry);
    if (requests.length > MAX_LOG) requests.shift();
    res.on('finish', () => (entry.status = res.statusCode));
    if (!fault) handle(req, res);
    else if (fault.when === 'before') before(fault, req, res);
    else after(fault, req, res, entry);
  };
}

module.exports = { createFaultListener };
