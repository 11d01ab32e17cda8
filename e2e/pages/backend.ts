/**
 * A direct client of the web bridge, for benchmark and test setup that is not what is being
 * measured (adding a host without clicking through the dialog). Same contract, same checks.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { RequestInput, RequestName, RequestOutput, Result, WsServerMessage } from '../../shared/api';
import type { AppServer } from '../fixtures';

export class BackendClient {
  private nextId = 1;
  private pending = new Map<number, (r: Result<unknown>) => void>();

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as WsServerMessage;
      if (m.t === 'result') {
        this.pending.get(m.id)?.(m.result);
        this.pending.delete(m.id);
      }
    });
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

/** Trusts a host key in the backend's own known_hosts, as accepting the first-connect prompt would. */
export function trustHostKey(server: AppServer, address: string, hostKey: string): void {
  appendFileSync(join(server.dataDir, 'known_hosts'), `${address} ${hostKey.trim()}\n`);
}
