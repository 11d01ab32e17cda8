/**
 * Shared by web.h1.test.ts and web.fuzz.test.ts: the real web bridge in this process (the real
 * contract and dispatcher; services stubbed, so that fuzzed requests change nothing), and clients
 * that can send what no browser would: raw HTTP bytes, any Host header, any WebSocket frame.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { WsServerMessage } from '../shared/api';
import { EventHub } from './core/events';
import { StreamHub } from './core/streams';
import { createDispatcher, type Handlers } from './ipc';
import { startWebBridge, type WebBridge } from './web';

export interface TestBridge {
  bridge: WebBridge;
  events: EventHub;
  streams: StreamHub;
  /** Requests that passed validation and reached a (stub) service. */
  served: string[];
}

export async function startTestBridge(): Promise<TestBridge> {
  const dir = mkdtempSync(join(tmpdir(), 'vireo-web-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(dir, 'app.js'), 'void 0;');
  const served: string[] = [];
  const handlers = new Proxy({} as Handlers, {
    get: (_t, name) => async () => {
      served.push(String(name));
      return name === 'jobs.list' ? [] : null;
    },
  });
  const events = new EventHub();
  const streams = new StreamHub();
  const bridge = await startWebBridge({ dispatch: createDispatcher(handlers), events, streams, staticDir: dir });
  return { bridge, events, streams, served };
}

export interface RawAnswer {
  /** The status of the first response line; null when the server closed without one. */
  status: number | null;
  /** The whole answer, as latin1 text. */
  text: string;
}

/**
 * Sends raw bytes on a fresh TCP connection and collects the answer until the server closes
 * (half-closing after a second if it has not), or only its status line (`statusOnly`). Rejects if the server neither answers nor closes within `timeoutMs`.
 */
export function rawRequest(
  port: number,
  bytes: string | Buffer,
  opts: { timeoutMs?: number; statusOnly?: boolean } = {},
): Promise<RawAnswer> {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sock = tcpConnect({ port, host: '127.0.0.1' });
    const timer = setTimeout(() => {
      sock.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms to ${JSON.stringify(String(bytes).slice(0, 200))}`));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('latin1');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ status: m ? Number(m[1]) : null, text });
    };
    sock.on('data', (d) => {
      chunks.push(d);
      // statusOnly: the status line is all we wanted (a 101 would keep the socket open).
      if (opts.statusOnly && Buffer.concat(chunks).includes('\r\n')) sock.destroy();
    });
    // A reset from the server counts as "closed": what matters is that it answered and lives.
    sock.on('error', () => {});
    sock.on('close', done);
    sock.on('connect', () => {
      sock.write(bytes);
      // A request the server still waits on (a body never sent): end our side so it must answer.
      setTimeout(() => sock.end(), Math.min(1000, timeoutMs / 4)).unref();
    });
  });
}

/** A GET with the given target and headers (Host included only when given). */
export function httpGet(port: number, target: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`);
  return rawRequest(port, `GET ${target} HTTP/1.1\r\n${lines.join('')}Connection: close\r\n\r\n`);
}

export const hostOf = (port: number) => `127.0.0.1:${port}`;
export const originOf = (port: number) => `http://127.0.0.1:${port}`;

/** An authenticated /ws client that collects results by id and remembers how it was closed. */
export class Client {
  readonly results = new Map<number, Extract<WsServerMessage, { t: 'result' }>['result']>();
  closed: { code: number; reason: string } | null = null;
  private waiters: (() => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (d) => {
      const m = JSON.parse(String(d)) as WsServerMessage;
      if (m.t === 'result') this.results.set(m.id, m.result);
      this.wake();
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      this.wake();
    });
    ws.on('error', () => {});
  }

  static open(port: number, token: string, headers: { origin?: string; host?: string } = {}): Promise<Client> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${token}`, {
        origin: headers.origin ?? originOf(port),
        ...(headers.host ? { headers: { host: headers.host } } : {}),
      });
      ws.once('open', () => resolve(new Client(ws)));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const fn of w) fn();
  }

  /** Resolves when `ok()` holds (checked on every message and on close); rejects after timeoutMs. */
  until(ok: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    if (ok()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
      const check = () => {
        if (ok()) {
          clearTimeout(timer);
          resolve();
        } else if (this.closed) {
          clearTimeout(timer);
          reject(new Error(`socket closed (${this.closed.code} ${this.closed.reason}) while waiting for ${what}`));
        } else this.waiters.push(check);
      };
      this.waiters.push(check);
    });
  }

  /** Waits for the server to close this socket; resolves with the code and reason. */
  closedBy(timeoutMs = 10_000): Promise<{ code: number; reason: string }> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the server did not close the socket')), timeoutMs);
      const check = () => {
        if (this.closed) {
          clearTimeout(timer);
          resolve(this.closed);
        } else this.waiters.push(check);
      };
      check();
    });
  }

  /** A normal request, awaited: what every test checks at the end. */
  async invoke(id: number, name: string, input: unknown = {}): Promise<unknown> {
    this.ws.send(JSON.stringify({ t: 'invoke', id, name, input }));
    await this.until(() => this.results.has(id), `the result of ${name} #${id}`);
    return this.results.get(id);
  }

  close(): void {
    this.ws.close();
  }
}
