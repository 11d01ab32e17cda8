/**
 * The contract's client. In Electron the preload exposes `window.vireo`; in a browser we speak
 * the same contract over the web bridge's WebSocket, authenticated by the per-run token that the
 * backend printed in the URL (#token=…).
 */
import {
  type EventName,
  type Events,
  type RequestInput,
  type RequestName,
  type RequestOutput,
  type Result,
  STREAM_PATH,
  type StreamHandle,
  type StreamSink,
  type VireoApi,
  type WsClientMessage,
  type WsServerMessage,
} from '../shared/api';

declare global {
  interface Window {
    vireo?: VireoApi;
  }
}

type Listener = (payload: unknown) => void;

class WebSocketApi implements VireoApi {
  private ws: WebSocket | null = null;
  private opening: Promise<WebSocket> | null = null;
  private nextId = 1;
  private pending = new Map<number, (r: Result<unknown>) => void>();
  private listeners = new Map<EventName, Set<Listener>>();
  private retry = 0;

  constructor(private readonly token: string) {}

  private open(): Promise<WebSocket> {
    if (this.ws?.readyState === WebSocket.OPEN) return Promise.resolve(this.ws);
    if (this.opening) return this.opening;
    this.opening = new Promise<WebSocket>((resolve, reject) => {
      const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
      const ws = new WebSocket(`${proto}//${location.host}/ws?token=${encodeURIComponent(this.token)}`);
      ws.onopen = () => {
        this.ws = ws;
        this.opening = null;
        this.retry = 0;
        for (const event of this.listeners.keys()) this.send({ t: 'subscribe', event });
        resolve(ws);
      };
      ws.onmessage = (ev) => this.receive(JSON.parse(String(ev.data)) as WsServerMessage);
      ws.onclose = () => {
        const wasOpen = this.ws === ws;
        this.ws = null;
        this.opening = null;
        for (const [id, done] of this.pending) {
          done({
            ok: false,
            error: { code: 'disconnected', message: 'Lost the connection to the Vireo backend', hint: 'Is `npm run web` still running?' },
          });
          this.pending.delete(id);
        }
        if (!wasOpen) reject(new Error('Cannot reach the Vireo backend (wrong or expired token?)'));
        // Keep event subscriptions alive across a backend restart.
        if (this.listeners.size > 0) {
          const delay = Math.min(5000, 250 * 2 ** this.retry++);
          setTimeout(() => void this.open().catch(() => {}), delay);
        }
      };
    });
    return this.opening;
  }

  private send(m: WsClientMessage): void {
    this.ws?.send(JSON.stringify(m));
  }

  private receive(m: WsServerMessage): void {
    if (m.t === 'result') {
      this.pending.get(m.id)?.(m.result);
      this.pending.delete(m.id);
    } else if (m.t === 'event') {
      for (const fn of this.listeners.get(m.event) ?? []) fn(m.payload);
    }
  }

  async invoke<N extends RequestName>(name: N, input: RequestInput<N>): Promise<Result<RequestOutput<N>>> {
    try {
      await this.open();
    } catch (err) {
      return { ok: false, error: { code: 'disconnected', message: (err as Error).message } };
    }
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve as (r: Result<unknown>) => void);
      this.send({ t: 'invoke', id, name, input });
    });
  }

  subscribe<E extends EventName>(event: E, cb: (payload: Events[E]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
      if (this.ws?.readyState === WebSocket.OPEN) this.send({ t: 'subscribe', event });
      else void this.open().catch(() => {});
    }
    const fn = cb as Listener;
    set.add(fn);
    return () => {
      set.delete(fn);
      if (set.size === 0) {
        this.listeners.delete(event);
        this.send({ t: 'unsubscribe', event });
      }
    };
  }

  // ---- consoles (serial + VNC): one binary WebSocket per channel, authenticated like /ws.
  attachStream(channel: string, sink: StreamSink): StreamHandle {
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(
      `${proto}//${location.host}${STREAM_PATH}?token=${encodeURIComponent(this.token)}&channel=${encodeURIComponent(channel)}`,
    );
    ws.binaryType = 'arraybuffer';
    const queued: Uint8Array[] = [];
    let closed = false;
    ws.onopen = () => {
      for (const b of queued.splice(0)) ws.send(b);
    };
    ws.onmessage = (ev) => {
      if (ev.data instanceof ArrayBuffer) sink.data(new Uint8Array(ev.data));
    };
    ws.onclose = (ev) => {
      if (closed) return;
      closed = true;
      sink.close(ev.reason || (ev.code === 1000 ? 'closed' : `the connection to the backend closed (${ev.code})`));
    };
    return {
      write: (bytes) => {
        if (closed) return;
        // The caller may reuse its buffer (noVNC does): send a copy.
        const copy = bytes.slice();
        if (ws.readyState === WebSocket.OPEN) ws.send(copy);
        else if (ws.readyState === WebSocket.CONNECTING) queued.push(copy);
      },
      close: () => {
        closed = true;
        ws.close(1000);
      },
    };
  }
}

function tokenFromLocation(): string {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem('vireo.token', fromHash);
    // Keep the token out of the address bar (screenshots, screen sharing in demos).
    history.replaceState(null, '', location.pathname + location.search);
    return fromHash;
  }
  return sessionStorage.getItem('vireo.token') ?? '';
}

export const api: VireoApi = window.vireo ?? new WebSocketApi(tokenFromLocation());

/** Unwraps a Result: resolves the value or throws an Error carrying the ApiError. */
export class ApiCallError extends Error {
  constructor(readonly error: import('../shared/api').ApiError) {
    super(error.message);
  }
}

export async function call<N extends RequestName>(name: N, input: RequestInput<N>): Promise<RequestOutput<N>> {
  const r = await api.invoke(name, input);
  if (!r.ok) throw new ApiCallError(r.error);
  return r.value;
}
