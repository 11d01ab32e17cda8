/**
 * The only bridge between the sandboxed renderer and the main process: `window.vireo` with
 * invoke (declared requests only; the main process validates) and subscribe (declared events;
 * the callback gets the payload, never the IPC event). Nothing else is exposed.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { EVENT_NAMES, IPC_EVENT, IPC_INVOKE } from '../shared/channels';

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

ipcRenderer.on(IPC_EVENT, (_e, event: unknown, payload: unknown) => {
  if (typeof event !== 'string') return;
  for (const fn of listeners.get(event) ?? []) fn(payload);
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
});
