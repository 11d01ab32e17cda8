/**
 * The undos install and clone register for what they create (a definition, a volume, files on
 * the host), and how an unwind's report reads for the admin.
 */
import { AppError } from '../../shared/errors';
import type { UndoReport } from '../core/undo';
import type { RpcClient } from '../libvirt/client';
import { domainDestroy, domainGetState, domainUndefine } from '../libvirt/domain';
import { ErrorCode, isLibvirtError } from '../libvirt/errors';
import { type DomainRef, DomainState, UndefineFlags } from '../libvirt/protocol';

/**
 * An undo that chose to keep what is below it (its message says why and what to check). Thrown
 * from a critical undo: the stack then keeps every step registered before it.
 */
export class KeptOnPurpose extends Error {
  override name = 'KeptOnPurpose';
}

/** The domain operations removeDefinition needs (the libvirt wrappers, or a fake in tests). */
export interface DomainUndoIo {
  state(dom: DomainRef): Promise<number>;
  destroy(dom: DomainRef): Promise<void>;
  undefine(dom: DomainRef): Promise<void>;
}

export function domainUndoIo(rpc: () => RpcClient): DomainUndoIo {
  return {
    state: async (dom) => (await domainGetState(rpc(), dom)).state,
    destroy: (dom) => domainDestroy(rpc(), dom),
    undefine: (dom) =>
      domainUndefine(rpc(), dom, { flags: UndefineFlags.NVRAM | UndefineFlags.MANAGED_SAVE | UndefineFlags.SNAPSHOTS_METADATA }),
  };
}

/**
 * Stops (if it runs) and undefines a domain this operation defined. A stop that fails does not
 * skip the undefine; it still fails the undo afterwards, since a VM that may be running keeps
 * its disks (the caller registers this undo as critical). Gone already counts as done.
 */
export async function removeDefinition(io: DomainUndoIo, dom: DomainRef): Promise<void> {
  let stopFailed: Error | undefined;
  try {
    if ((await io.state(dom)) !== DomainState.SHUTOFF) await io.destroy(dom);
  } catch (err) {
    if (isLibvirtError(err, ErrorCode.NO_DOMAIN)) return;
    if (!/not running/i.test((err as Error).message)) stopFailed = err as Error;
  }
  try {
    await io.undefine(dom);
  } catch (err) {
    if (!isLibvirtError(err, ErrorCode.NO_DOMAIN)) {
      const e = err as Error;
      throw stopFailed ? new Error(`could not stop it (${stopFailed.message}) nor undefine it (${e.message})`) : e;
    }
  }
  if (stopFailed) throw new Error(`undefined, but it could not be stopped: ${stopFailed.message}`);
}

/**
 * What an unwind left on the host, one entry per thing, for the partial-rollback error: each undo
 * that failed (its label and libvirt's message), then what was kept because of it.
 */
export function leftBehind(report: UndoReport, keptBecause: string): string[] {
  const left = report.failed.map((f) => (f.error instanceof KeptOnPurpose ? f.error.message : `${f.label}: ${f.error.message}`));
  const explained = report.failed.some((f) => f.error instanceof KeptOnPurpose);
  if (report.kept.length && !explained) left.push(`${report.kept.join(', ')} (kept: ${keptBecause})`);
  return left;
}

/** The operation's own error, or — when the unwind left something — one that says what is left. */
export function afterUnwind(err: unknown, left: readonly string[], what: string, hint: string): unknown {
  if (!left.length) return err;
  return new AppError(
    'partial-rollback',
    `${(err as Error)?.message ?? String(err)} — and some of what ${what} could not be removed: ${left.join('; ')}`,
    hint,
  );
}
