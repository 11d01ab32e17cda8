/**
 * Names that cross the process boundary, kept free of imports so the sandboxed preload can
 * bundle them without pulling zod or anything else in.
 */
export const IPC_INVOKE = 'vireo:invoke';
export const IPC_EVENT = 'vireo:event';
export const EVENT_NAMES = ['host.state', 'domain.changed', 'job.progress', 'prompt', 'domain.stats'] as const;
