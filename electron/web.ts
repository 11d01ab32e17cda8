/**
 * The contract over a WebSocket, for a browser: tests, demos, and machines without Electron.
 * Serves the built renderer over HTTP on 127.0.0.1 only. The socket requires the per-run token
 * (?token=…) and an Origin equal to the page's own, and refuses non-loopback peers, so another
 * local user's browser tab or a web page cannot drive the backend.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { type WebSocket, WebSocketServer } from 'ws';
import { CHANNEL_ID_RE, type EventName, isEventName, STREAM_PATH, type WsClientMessage, type WsServerMessage } from '../shared/api';
import type { EventHub } from './core/events';
import type { StreamHub } from './core/streams';
import type { Dispatch } from './ipc';

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
  let origins: string[] = [];

  const server = createServer((req, res) => serveStatic(root, req, res));
  const wss = new WebSocketServer({ noServer: true, maxPayload: 8 * 1024 * 1024 });

  server.on('upgrade', (req, socket, head) => {
    const refuse = (code: number, why: string) => {
      socket.end(`HTTP/1.1 ${code} ${why}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const streams = opts.streams;
    const stream = url.pathname === STREAM_PATH && streams !== undefined;
    if (url.pathname !== '/ws' && !stream) return refuse(404, 'Not Found');
    if (!isLoopback(req.socket.remoteAddress)) return refuse(403, 'Forbidden');
    if (!req.headers.origin || !origins.includes(req.headers.origin)) return refuse(403, 'Forbidden');
    if (!sameToken(url.searchParams.get('token'), token)) return refuse(401, 'Unauthorized');
    if (stream) {
      const channel = url.searchParams.get('channel') ?? '';
      if (!CHANNEL_ID_RE.test(channel)) return refuse(400, 'Bad Request');
      wss.handleUpgrade(req, socket, head, (ws) => serveStream(ws, streams, channel));
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, opts));
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  origins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
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

function serveSocket(ws: WebSocket, opts: WebBridgeOptions): void {
  const subs = new Map<EventName, () => void>();
  const send = (m: WsServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(m));
  };
  ws.on('message', (data) => {
    let msg: WsClientMessage;
    try {
      msg = JSON.parse(String(data)) as WsClientMessage;
    } catch {
      ws.close(1003, 'Malformed message');
      return;
    }
    if (msg.t === 'invoke' && Number.isSafeInteger(msg.id)) {
      void opts.dispatch(msg.name, msg.input).then((result) => send({ t: 'result', id: msg.id, result }));
    } else if (msg.t === 'subscribe' && isEventName(msg.event) && !subs.has(msg.event)) {
      const event = msg.event;
      subs.set(
        event,
        opts.events.on(event, (payload) => send({ t: 'event', event, payload })),
      );
    } else if (msg.t === 'unsubscribe' && isEventName(msg.event)) {
      subs.get(msg.event)?.();
      subs.delete(msg.event);
    } else {
      ws.close(1008, 'Unexpected message');
    }
  });
  // A protocol error (a message over maxPayload, a bad frame) closes this socket; without a
  // listener it would be an uncaught 'error' that ends the backend.
  ws.on('error', () => {});
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
  const attachment = streams.attach(channel, {
    data: (bytes) => {
      if (ws.readyState !== ws.OPEN) return;
      ws.send(bytes, { binary: true }, () => attachment?.ack(bytes.length));
    },
    // Close reasons are limited to 123 bytes.
    close: (reason) => ws.close(1000, Buffer.from(reason).subarray(0, 120).toString()),
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
    attachment.write(Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data));
  });
  ws.on('error', () => {}); // closed with 1009/1002 by ws; see serveSocket
  ws.on('close', () => attachment.detach());
}

function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, SECURITY_HEADERS).end();
    return;
  }
  const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
  let file = normalize(join(root, pathname));
  if (file !== root && !file.startsWith(root + sep)) {
    res.writeHead(403, SECURITY_HEADERS).end();
    return;
  }
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
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
  else createReadStream(file).pipe(res);
}
