import type { EventName, Events } from '../../shared/api';

type Listener<E extends EventName> = (payload: Events[E]) => void;

/** The backend's one event bus: services emit, transports (IPC, WebSocket) forward. */
export class EventHub {
  private listeners = new Map<EventName, Set<Listener<EventName>>>();

  emit<E extends EventName>(event: E, payload: Events[E]): void {
    const set = this.listeners.get(event);
    if (!set) return;
    for (const fn of set) {
      try {
        (fn as Listener<E>)(payload);
      } catch (err) {
        // A broken listener (e.g. a closed socket) must not stop the others.
        console.error(`[events] listener for ${event} failed:`, err);
      }
    }
  }

  on<E extends EventName>(event: E, fn: Listener<E>): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(fn as Listener<EventName>);
    return () => set.delete(fn as Listener<EventName>);
  }

  listenerCount(event: EventName): number {
    return this.listeners.get(event)?.size ?? 0;
  }
}
