import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { EventHub } from './core/events';
import { StreamHub } from './core/streams';
import { createDispatcher, type Handlers } from './ipc';
import { startWebBridge, type WebBridge } from './web';

let bridge: WebBridge;
const events = new EventHub();
const streams = new StreamHub();

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vireo-web-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
  const handlers = new Proxy({} as Handlers, { get: (_t, name) => async () => (name === 'jobs.list' ? [] : null) });
  bridge = await startWebBridge({ dispatch: createDispatcher(handlers), events, streams, staticDir: dir });
});
afterAll(() => bridge.close());

function connect(opts: {
  token?: string;
  origin?: string;
  path?: string;
  onMessage?: (d: Buffer) => void;
}): Promise<{ ws?: WebSocket; status?: number }> {
  return new Promise((resolve) => {
    const url = `ws://127.0.0.1:${bridge.port}${opts.path ?? '/ws'}${opts.token !== undefined ? `${opts.path?.includes('?') ? '&' : '?'}token=${opts.token}` : ''}`;
    const ws = new WebSocket(url, { ...(opts.origin ? { origin: opts.origin } : {}) });
    if (opts.onMessage) ws.on('message', opts.onMessage);
    ws.on('open', () => resolve({ ws }));
    ws.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode }));
    ws.on('error', () => resolve({}));
  });
}

const origin = () => `http://127.0.0.1:${bridge.port}`;

describe('web bridge', () => {
  it('binds to loopback only and serves the page with a CSP', async () => {
    expect(bridge.server.address()).toMatchObject({ address: '127.0.0.1' });
    const res = await fetch(`http://127.0.0.1:${bridge.port}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('refuses path traversal', async () => {
    const res = await fetch(`http://127.0.0.1:${bridge.port}/..%2f..%2fetc%2fpasswd`);
    expect(await res.text()).not.toContain('root:');
  });

  it('refuses a socket without the token, with a wrong token, or from a foreign Origin', async () => {
    expect((await connect({ origin: origin() })).status).toBe(401);
    expect((await connect({ token: 'nope', origin: origin() })).status).toBe(401);
    expect((await connect({ token: bridge.token, origin: 'http://evil.example' })).status).toBe(403);
    expect((await connect({ token: bridge.token })).status).toBe(403);
  });

  it('serves the contract with the right token and Origin, validating input and forwarding events', async () => {
    const { ws } = await connect({ token: bridge.token, origin: origin() });
    expect(ws).toBeDefined();
    if (!ws) return;
    const messages: unknown[] = [];
    ws.on('message', (d) => messages.push(JSON.parse(String(d))));
    ws.send(JSON.stringify({ t: 'invoke', id: 1, name: 'jobs.list', input: {} }));
    ws.send(JSON.stringify({ t: 'invoke', id: 2, name: 'hosts.remove', input: { hostId: '../../etc' } }));
    ws.send(JSON.stringify({ t: 'subscribe', event: 'host.state' }));
    await expect.poll(() => messages.length).toBe(2);
    events.emit('host.state', { hostId: 'a-1', state: { status: 'connecting' } });
    await expect.poll(() => messages.length).toBe(3);
    expect(messages).toContainEqual({ t: 'result', id: 1, result: { ok: true, value: [] } });
    expect(messages).toContainEqual(
      expect.objectContaining({
        t: 'result',
        id: 2,
        result: expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'invalid-input' }) }),
      }),
    );
    expect(messages[2]).toEqual({ t: 'event', event: 'host.state', payload: { hostId: 'a-1', state: { status: 'connecting' } } });
    ws.close();
  });
});

describe('web bridge: console channels (/stream)', () => {
  const path = (id: string) => `/stream?channel=${id}`;

  it('applies the same token, Origin and loopback checks, and wants a channel id', async () => {
    const ch = streams.create();
    expect((await connect({ path: path(ch.id), origin: origin() })).status).toBe(401);
    expect((await connect({ path: path(ch.id), token: 'nope', origin: origin() })).status).toBe(401);
    expect((await connect({ path: path(ch.id), token: bridge.token, origin: 'http://evil.example' })).status).toBe(403);
    expect((await connect({ path: path(ch.id), token: bridge.token })).status).toBe(403);
    expect((await connect({ path: path('../../etc'), token: bridge.token, origin: origin() })).status).toBe(400);
    expect(ch.attached).toBe(false);
    ch.close();
  });

  it('closes a socket for an unknown channel', async () => {
    const { ws } = await connect({ path: path('ch-0123456789abcdef0123456789abcdef'), token: bridge.token, origin: origin() });
    const code = await new Promise<number>((resolve) => ws?.on('close', (c) => resolve(c)));
    expect(code).toBe(4404);
  });

  it('carries bytes both ways; each side learns when the other closes', async () => {
    const ch = streams.create();
    ch.send(Buffer.from('RFB 003.008\n'));
    const input: string[] = [];
    ch.on('input', (b) => input.push(b.toString()));
    const got: Buffer[] = [];
    const { ws } = await connect({ path: path(ch.id), token: bridge.token, origin: origin(), onMessage: (d) => got.push(d) });
    if (!ws) throw new Error('no socket');
    await expect.poll(() => Buffer.concat(got).toString()).toBe('RFB 003.008\n');
    ws.send(Buffer.from('RFB 003.008\n'));
    await expect.poll(() => input).toEqual(['RFB 003.008\n']);
    // A second viewer for the same channel is refused.
    const dup = await connect({ path: path(ch.id), token: bridge.token, origin: origin() });
    expect(await new Promise<number>((resolve) => dup.ws?.on('close', (c) => resolve(c)))).toBe(4404);
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    ch.close('the VM stopped');
    expect(await closed).toEqual({ code: 1000, reason: 'the VM stopped' });

    const other = streams.create();
    const detached = new Promise<string>((resolve) => other.on('detach', resolve));
    const second = await connect({ path: path(other.id), token: bridge.token, origin: origin() });
    second.ws?.close();
    expect(await detached).toBe('the viewer closed the connection');
  });
});
