/**
 * The contract over a WebSocket, for a browser: tests, demos, and machines without Electron.
 * Serves the built renderer over HTTP on 127.0.0.1 only. The socket requires the per-run token
 * (?token=…) and an Origin equal to the page's own, and refuses non-loopback peers, so another
 * local user's browser tab or a web page cannot drive the backend. Every request must name this
 * server in its Host header (127.0.0.1, localhost or [::1] with our port), which closes DNS
 * rebinding. Nothing a client sends can end the process: a bad request is answered (400, 421 …),
 * a malformed frame is answered or closes that one socket, and a fault in a handler is logged.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Duplex } from 'node:stream';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { CHANNEL_ID_RE, type EventName, type Result, STREAM_PATH, type WsServerMessage, wsClientMessageSchema } from '../shared/api';
import type { EventHub } from './core/events';
import type { StreamHub } from './core/streams';
import { type Dispatch, toApiError } from './ipc';

export interface WebBridgeOptions {
  dispatch: Dispatch;
  events: EventHub;
  /** Folder with the built renderer (index.html …). */
  staticDir: string;
  port?: number;
  token?: string;
  /** Console byte channels, served on STREAM_PATH (binary WebSocket messages both ways). */
  streams?: StreamHub;
}

export interface WebBridge {
  url: string;
  port: number;
  token: string;
  server: Server;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
} as const;

/** The Host header values that name this server; anything else is a rebound DNS name or a proxy. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
}

function hostAllowed(host: string | undefined, allowed: readonly string[]): boolean {
  return host !== undefined && allowed.includes(host.toLowerCase());
}

/**
 * The decoded path and the query of a request target in origin-form (`/a%20b?c=d`); null for
 * anything else: absolute-form, `*`, a bad percent-encoding, a NUL byte.
 */
export function parseTarget(raw: string | undefined): { pathname: string; query: URLSearchParams } | null {
  if (!raw?.startsWith('/')) return null;
  try {
    // Prefixing keeps `//x` a path (new URL('//x', base) would make x the host).
    const url = new URL(`http://127.0.0.1${raw}`);
    const pathname = decodeURIComponent(url.pathname);
    return pathname.includes('\0') ? null : { pathname, query: url.searchParams };
  } catch {
    return null;
  }
}

function logFault(where: string, err: unknown): void {
  console.error(`[web] ${where} failed:`, err);
}

export function isLoopback(addr: string | undefined): boolean {
  if (!addr) return false;
  return addr === '::1' || addr.startsWith('127.') || addr.startsWith('::ffff:127.');
}

function sameToken(given: string | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startWebBridge(opts: WebBridgeOptions): Promise<WebBridge> {
  const token = opts.token ?? randomBytes(24).toString('hex');
  const root = resolve(opts.staticDir);
  // Both known once the port is.
  let origins: string[] = [];
  let hosts: string[] = [];

  const server = createServer((req, res) => {
    try {
      if (!hostAllowed(req.headers.host, hosts)) {
        res
          .writeHead(421, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' })
          .end('This server answers only to 127.0.0.1 and localhost.');
        return;
      }
      serveStatic(root, req, res);
    } catch (err) {
      logFault(`${req.method} ${req.url?.slice(0, 200)}`, err);
      if (!res.headersSent) res.writeHead(500, SECURITY_HEADERS).end();
      else res.destroy();
    }
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: 8 * 1024 * 1024 });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node hands the raw socket over without an 'error' listener: a peer that resets while we
    // answer would otherwise be an uncaught error.
    socket.on('error', () => {});
    try {
      upgrade(req, socket, head);
    } catch (err) {
      logFault(`upgrade ${req.url?.slice(0, 200)}`, err);
      socket.destroy();
    }
  });

  const upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refuse = (code: number, why: string) => {
      socket.end(`HTTP/1.1 ${code} ${why}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (!hostAllowed(req.headers.host, hosts)) return refuse(421, 'Misdirected Request');
    const target = parseTarget(req.url);
    if (!target) return refuse(400, 'Bad Request');
    const streams = opts.streams;
    const stream = target.pathname === STREAM_PATH && streams !== undefined;
    if (target.pathname !== '/ws' && !stream) return refuse(404, 'Not Found');
    if (!isLoopback(req.socket.remoteAddress)) return refuse(403, 'Forbidden');
    if (!req.headers.origin || !origins.includes(req.headers.origin)) return refuse(403, 'Forbidden');
    if (!sameToken(target.query.get('token'), token)) return refuse(401, 'Unauthorized');
    if (stream) {
      const channel = target.query.get('channel') ?? '';
      if (!CHANNEL_ID_RE.test(channel)) return refuse(400, 'Bad Request');
      wss.handleUpgrade(req, socket, head, (ws) => serveStream(ws, streams, channel));
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, opts));
  };

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => ok());
  });
  // From now on a server error (EMFILE on accept …) is logged, not fatal.
  server.on('error', (err) => logFault('server', err));
  const port = (server.address() as AddressInfo).port;
  hosts = allowedHosts(port);
  origins = hosts.map((h) => `http://${h}`);
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    server,
    close: () =>
      new Promise<void>((ok) => {
        for (const c of wss.clients) c.terminate();
        wss.close();
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

/** A WebSocket message as one Buffer (ws hands over a Buffer, an ArrayBuffer or fragments). */
function bytesOf(data: RawData): Buffer {
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
}

/** Close reasons are limited to 123 bytes of UTF-8 (ws throws beyond): whole characters only. */
export function closeReason(why: string): string {
  let out = '';
  let bytes = 0;
  for (const ch of why) {
    bytes += Buffer.byteLength(ch);
    if (bytes > 123) break;
    out += ch;
  }
  return out;
}

/** The id of something that tried to be an invoke, so that a malformed one still gets its answer. */
function invokeId(msg: unknown): number | null {
  if (typeof msg !== 'object' || msg === null || Array.isArray(msg)) return null;
  const { t, id } = msg as { t?: unknown; id?: unknown };
  return t === 'invoke' && typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : null;
}

function serveSocket(ws: WebSocket, opts: WebBridgeOptions): void {
  // A protocol error (a message over maxPayload, a bad frame) closes this socket; without a
  // listener it would be an uncaught 'error' that ends the backend.
  ws.on('error', () => {});
  const subs = new Map<EventName, () => void>();
  const send = (m: WsServerMessage) => {
    if (ws.readyState !== ws.OPEN) return;
    let text: string;
    try {
      text = JSON.stringify(m);
    } catch (err) {
      // A value JSON cannot carry (a BigInt, a cycle): the caller still gets an answer.
      logFault(m.t === 'result' ? `result ${m.id}` : `event ${m.event}`, err);
      if (m.t !== 'result') return;
      text = JSON.stringify({ t: 'result', id: m.id, result: { ok: false, error: toApiError(err) } } satisfies WsServerMessage);
    }
    ws.send(text);
  };
  const answer = (id: number, result: Result<unknown>) => send({ t: 'result', id, result });
  ws.on('message', (data, isBinary) => {
    if (isBinary) {
      ws.close(1003, 'Text messages only');
      return;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(bytesOf(data).toString('utf8'));
    } catch {
      ws.close(1007, 'Malformed message: not JSON');
      return;
    }
    const parsed = wsClientMessageSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const what = `Malformed message: ${issue ? `${issue.path.join('.') || '(message)'}: ${issue.message}` : 'rejected'}`;
      const id = invokeId(raw);
      if (id === null) ws.close(1008, closeReason(what));
      else
        answer(id, {
          ok: false,
          error: { code: 'invalid-input', message: what, hint: 'The client sent a request the contract does not know.' },
        });
      return;
    }
    const msg = parsed.data;
    if (msg.t === 'invoke') {
      opts.dispatch(msg.name, msg.input).then(
        (result) => answer(msg.id, result),
        (err: unknown) => {
          logFault(`request ${msg.name}`, err);
          answer(msg.id, { ok: false, error: toApiError(err) });
        },
      );
    } else if (msg.t === 'subscribe') {
      const event = msg.event;
      if (!subs.has(event))
        subs.set(
          event,
          opts.events.on(event, (payload) => send({ t: 'event', event, payload })),
        );
    } else {
      subs.get(msg.event)?.();
      subs.delete(msg.event);
    }
  });
  ws.on('close', () => {
    for (const off of subs.values()) off();
    subs.clear();
  });
}

/**
 * One console channel on one WebSocket: binary messages both ways. Bytes count as delivered when
 * ws has written them to the socket, which is what throttles a VNC forward for a slow browser.
 */
function serveStream(ws: WebSocket, streams: StreamHub, channel: string): void {
  // Before anything else: frames the client sent with its upgrade are parsed even on a socket we
  // close at once (unknown channel), and a bad one is an 'error' event.
  ws.on('error', () => {}); // closed with 1009/1002 by ws; see serveSocket
  const attachment = streams.attach(channel, {
    data: (bytes) => {
      if (ws.readyState !== ws.OPEN) return;
      ws.send(bytes, { binary: true }, () => attachment?.ack(bytes.length));
    },
    close: (reason) => ws.close(1000, closeReason(reason)),
  });
  if (!attachment) {
    ws.close(4404, 'Unknown or already attached channel');
    return;
  }
  ws.on('message', (data, isBinary) => {
    if (!isBinary) {
      ws.close(1003, 'Binary messages only');
      return;
    }
    try {
      attachment.write(bytesOf(data));
    } catch (err) {
      // A service's input listener failed: end this channel, not the backend.
      logFault(`channel ${channel}`, err);
      ws.close(1011, closeReason(`The console failed: ${(err as Error).message}`));
    }
  });
  ws.on('close', () => attachment.detach());
}

/** False for a missing path, a folder, or a path through a file (`/index.html/x`: ENOTDIR). */
function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, SECURITY_HEADERS).end();
    return;
  }
  const target = parseTarget(req.url);
  if (!target) {
    res.writeHead(400, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' }).end('Bad request path.');
    return;
  }
  let file = normalize(join(root, target.pathname));
  if (file !== root && !file.startsWith(root + sep)) {
    res.writeHead(403, SECURITY_HEADERS).end();
    return;
  }
  if (!isFile(file)) file = join(root, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(503, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' }).end('The renderer is not built: run `npm run build`.');
    return;
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'max-age=3600',
  });
  if (req.method === 'HEAD') res.end();
  // A file that went away (a rebuild) or cannot be read ends this response, not the backend.
  else
    createReadStream(file)
      .on('error', (err) => {
        logFault(`reading ${file}`, err);
        res.destroy();
      })
      .pipe(res);
}
