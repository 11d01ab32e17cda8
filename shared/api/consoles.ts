import { z } from 'zod';
import type { ApiError, HostId } from './common';

// A console session follows one VM (by UUID) across hosts: it reconnects by itself after the VM
// restarts, after a migration (it reopens on the host where the VM now runs) and after a dropped
// host link. Bytes never travel in requests or events: each open connection has a `channel` that
// the renderer attaches with VireoApi.attachStream (IPC in Electron, /stream WebSocket in a browser).

export type ConsoleKind = 'serial' | 'vnc';

export type ConsoleState =
  | { status: 'connecting'; hostId?: HostId }
  /** Bytes flow on `channel`. Each (re)connection has a new channel; VNC needs a new RFB per channel. */
  | { status: 'open'; channel: string; since: number; vnc?: { port: number; listen: string; hasPassword: boolean } }
  /** Another client holds the serial console (virsh console, another Vireo); consoles.force takes it over. */
  | { status: 'busy'; takenOver: boolean; message: string; hint: string }
  /** Not reachable now: VM shut off, not on any connected host, or its host reconnecting. Resumes by itself. */
  | { status: 'waiting'; reason: 'stopped' | 'missing' | 'host'; message: string }
  /** No serial console / VNC display. canAdd: consoles.addSerial adds one to the persistent definition. */
  | { status: 'no-device'; message: string; hint: string; canAdd: boolean }
  /** The viewer closed its channel; consoles.reconnect opens a new connection. */
  | { status: 'disconnected'; message: string }
  | { status: 'failed'; error: ApiError }
  | { status: 'closed' };

export interface ConsoleInfo {
  /** The session id (consoles.close/force/reconnect). */
  id: string;
  kind: ConsoleKind;
  /** Where the VM runs now (changes after a migration). */
  hostId: HostId;
  uuid: string;
  name: string;
  state: ConsoleState;
  /** Grows with every state change of this session: the newest info wins. */
  seq: number;
}

/** A console session id (random). Channel ids: CHANNEL_ID_RE. */
export const CONSOLE_ID_RE = /^con-[0-9a-f]{24}$/;
/** The web bridge's binary path: /stream?token=…&channel=… (same token, Origin and loopback checks as /ws). */
export const STREAM_PATH = '/stream';
export const consoleRef = z.object({ id: z.string().regex(CONSOLE_ID_RE, 'Not a console id') }).strict();

/** What receives a channel's bytes in the renderer. */
export interface StreamSink {
  data(bytes: Uint8Array): void;
  /** The channel ended (the console closed, the VM went away, or the backend refused it). */
  close(reason: string): void;
}
/** The renderer's end of an attached channel. */
export interface StreamHandle {
  write(bytes: Uint8Array): void;
  /** Detaches: the backend closes that connection. */
  close(): void;
}
