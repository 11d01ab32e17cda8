/**
 * Names that cross the process boundary, kept free of imports so the sandboxed preload can
 * bundle them without pulling zod or anything else in.
 */
export const IPC_INVOKE = 'vireo:invoke';
export const IPC_EVENT = 'vireo:event';
export const EVENT_NAMES = [
  'host.state',
  'domain.changed',
  'job.progress',
  'prompt',
  'domain.stats',
  'console.state',
  'storage.changed',
  'network.changed',
  'snapshot.changed',
  'guest.changed',
  'settings.pending',
] as const;
/** Console byte channels over Electron IPC (see preload.ts): attach, write, ack, detach / data, close. */
export const IPC_STREAM = 'vireo:stream';
/** A console channel id: random and unguessable (holding it is what lets you read the bytes). */
export const CHANNEL_ID_RE = /^ch-[0-9a-f]{32}$/;
