/**
 * A direct client of the web bridge, for benchmark and test setup that is not what is being
 * measured (adding a host without clicking through the dialog). Same contract, same checks.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import WebSocket from 'ws';
import { knownHostsFile } from '../../electron/core/store';
import { knownHostPattern, parseHostPublicKey } from '../../electron/transport/known-hosts';
import type { EventName, Events, RequestInput, RequestName, RequestOutput, Result, WsServerMessage } from '../../shared/api';
import type { AppServer } from '../fixtures';
import type { AppClient } from '../lab/hosts';

export class BackendClient implements AppClient {
  private nextId = 1;
  private pending = new Map<number, (r: Result<unknown>) => void>();
  private listeners = new Map<EventName, Set<(payload: never) => void>>();

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as WsServerMessage;
      if (m.t === 'result') {
        this.pending.get(m.id)?.(m.result);
        this.pending.delete(m.id);
      } else if (m.t === 'event') {
        for (const fn of this.listeners.get(m.event) ?? []) fn(m.payload as never);
      }
    });
  }

  /** Subscribes to a backend event (the bridge forwards it once subscribed); returns the unsubscribe. */
  on<E extends EventName>(event: E, fn: (payload: Events[E]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
      this.ws.send(JSON.stringify({ t: 'subscribe', event }));
    }
    const mine = set;
    mine.add(fn);
    return () => {
      mine.delete(fn);
      if (mine.size > 0 || this.listeners.get(event) !== mine) return;
      this.listeners.delete(event);
      if (this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify({ t: 'unsubscribe', event }));
    };
  }

  static async connect(server: AppServer): Promise<BackendClient> {
    const base = new URL(server.url);
    const ws = new WebSocket(`ws://${base.host}/ws?token=${encodeURIComponent(server.token)}`, { origin: `http://${base.host}` });
    await new Promise<void>((ok, fail) => {
      ws.once('open', () => ok());
      ws.once('error', fail);
    });
    return new BackendClient(ws);
  }

  async call<N extends RequestName>(name: N, input: RequestInput<N>): Promise<RequestOutput<N>> {
    const id = this.nextId++;
    const r = await new Promise<Result<unknown>>((resolve) => {
      this.pending.set(id, resolve);
      this.ws.send(JSON.stringify({ t: 'invoke', id, name, input }));
    });
    if (!r.ok) throw new Error(`${name}: ${r.error.message}${r.error.hint ? ` (${r.error.hint})` : ''}`);
    return r.value as RequestOutput<N>;
  }

  close(): void {
    this.ws.close();
  }
}

/**
 * Trusts a host key in the backend's own known_hosts, as accepting the first-connect prompt would:
 * one line for one host (port 22), the key checked by the app's own parser first.
 */
export function trustHostKey(server: AppServer, address: string, hostKey: string): void {
  const { keyType, key } = parseHostPublicKey(hostKey);
  const file = knownHostsFile(server.dataDir);
  const line = `${knownHostPattern(address, 22)} ${keyType} ${key.toString('base64')}`;
  if (existsSync(file) && readFileSync(file, 'utf8').split('\n').includes(line)) return;
  appendFileSync(file, `${line}\n`, { mode: 0o600 });
}
