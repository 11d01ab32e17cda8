/**
 * The only bridge between the sandboxed renderer and the main process: `window.vireo` with
 * invoke (declared requests only; the main process validates), subscribe (declared events;
 * the callback gets the payload, never the IPC event) and attachStream (a console channel by its
 * random id; bytes only). Nothing else is exposed.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_ID_RE, EVENT_NAMES, IPC_EVENT, IPC_INVOKE, IPC_STREAM } from '../shared/channels';

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

ipcRenderer.on(IPC_EVENT, (_e, event: unknown, payload: unknown) => {
  if (typeof event !== 'string') return;
  for (const fn of listeners.get(event) ?? []) fn(payload);
});

// Console channels: bytes from main arrive as 'data'; we acknowledge what the page has taken,
// which is how a VNC forward slows down for a busy renderer (see electron/core/streams.ts).
interface Sink {
  data(bytes: Uint8Array): void;
  close(reason: string): void;
}
const ACK_EVERY = 64 * 1024;
const sinks = new Map<string, { sink: Sink; unacked: number }>();

ipcRenderer.on(IPC_STREAM, (_e, channel: unknown, op: unknown, payload: unknown) => {
  if (typeof channel !== 'string') return;
  const s = sinks.get(channel);
  if (!s) return;
  if (op === 'data' && payload instanceof Uint8Array) {
    s.sink.data(payload);
    s.unacked += payload.length;
    if (s.unacked >= ACK_EVERY) {
      ipcRenderer.send(IPC_STREAM, 'ack', channel, s.unacked);
      s.unacked = 0;
    }
  } else if (op === 'close') {
    sinks.delete(channel);
    s.sink.close(typeof payload === 'string' ? payload : '');
  }
});

contextBridge.exposeInMainWorld('vireo', {
  invoke: (name: unknown, input: unknown): Promise<unknown> => ipcRenderer.invoke(IPC_INVOKE, name, input),
  subscribe: (event: unknown, cb: unknown): (() => void) => {
    if (typeof event !== 'string' || !(EVENT_NAMES as readonly string[]).includes(event) || typeof cb !== 'function') {
      throw new TypeError(`Unknown event ${String(event)}`);
    }
    let set = listeners.get(event);
    if (!set) {
      set = new Set();
      listeners.set(event, set);
    }
    const fn = cb as Listener;
    set.add(fn);
    return () => set.delete(fn);
  },
  attachStream: (channel: unknown, sink: unknown): { write(bytes: unknown): void; close(): void } => {
    const s = sink as Partial<Sink> | null;
    if (typeof channel !== 'string' || !CHANNEL_ID_RE.test(channel) || typeof s?.data !== 'function' || typeof s.close !== 'function') {
      throw new TypeError('attachStream(channel, { data, close })');
    }
    if (sinks.has(channel)) throw new Error('This console channel is already attached');
    sinks.set(channel, { sink: s as Sink, unacked: 0 });
    ipcRenderer.send(IPC_STREAM, 'attach', channel);
    return {
      write: (bytes: unknown) => {
        if (bytes instanceof Uint8Array && sinks.has(channel)) ipcRenderer.send(IPC_STREAM, 'write', channel, bytes);
      },
      close: () => {
        if (sinks.delete(channel)) ipcRenderer.send(IPC_STREAM, 'detach', channel);
      },
    };
  },
});
