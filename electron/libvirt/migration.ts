// Live migration, version 3 with typed params: the five steps (the app holding both
// connections: "direct"), the one-call peer-to-peer form, and the controls used while a
// migration runs (max downtime, max speed, post-copy). PROTOCOL.md §6.

import type { RpcClient } from './client';
import { domainGetJobStats, domainGetState, domainLookupByUuid } from './domain';
import type { RemoteTypedParamIn } from './gen/remote_protocol.gen';
import * as P from './gen/remote_protocol.gen';
import { hostSupportsFeature } from './host';
import { MigrateParamsSchema, type ParamInput, paramsFromRecord, type TypedParam, toRemoteTypedParams, typedParam } from './params';
import { type CallOpts, callOpts, type DomainRef, DomainState, DrvFeature, hyperNumber, JobType, Limit, MigrateFlags } from './protocol';
import { callRemote } from './remote';

type Flags = { flags?: number } & CallOpts;
const flagsOf = (o?: { flags?: number }): number => (o?.flags ?? 0) >>> 0;

/** Migration params as a record (MigrateParamsSchema keys), or an already typed list. */
export type MigrateParams = Readonly<Record<string, ParamInput>> | readonly TypedParam[];
const toParams = (p: MigrateParams | undefined): TypedParam[] =>
  p === undefined
    ? []
    : Array.isArray(p)
      ? [...(p as readonly TypedParam[])]
      : paramsFromRecord(p as Record<string, ParamInput>, MigrateParamsSchema);

/** The params as sent: at most REMOTE_DOMAIN_MIGRATE_PARAM_LIST_MAX of them. */
const wireParams = (p: MigrateParams | undefined): RemoteTypedParamIn[] => {
  const list = toParams(p);
  if (list.length > Limit.MIGRATE_PARAMS) throw new RangeError(`${list.length} migration params, at most ${Limit.MIGRATE_PARAMS}`);
  return toRemoteTypedParams(list);
};

// ---- the five steps --------------------------------------------------------------------------------

/** Step 1, on the source: returns the cookie for Prepare and the domain XML to send. */
export async function migrateBegin3(
  rpc: RpcClient,
  dom: DomainRef,
  a: { params?: MigrateParams } & Flags = {},
): Promise<{ cookie: Buffer; xml: string }> {
  const args = { dom, params: wireParams(a.params), flags: flagsOf(a) };
  const r = await callRemote(rpc, P.DOMAIN_MIGRATE_BEGIN3_PARAMS, args, callOpts(a));
  return { cookie: r.cookie_out, xml: r.xml };
}

/**
 * Step 2, on the destination: starts an incoming QEMU. `params` must carry destination_xml (the
 * XML from Begin). Returns the cookie for Perform and, unless we gave migrate_uri, the URI the
 * destination listens on.
 */
export async function migratePrepare3(
  rpc: RpcClient,
  a: { params: MigrateParams; cookie: Uint8Array } & Flags,
): Promise<{ cookie: Buffer; uri: string | null }> {
  const args = { params: wireParams(a.params), cookie_in: a.cookie, flags: flagsOf(a) };
  const r = await callRemote(rpc, P.DOMAIN_MIGRATE_PREPARE3_PARAMS, args, callOpts(a, { timeoutMs: 120_000 }));
  return { cookie: r.cookie_out, uri: r.uri_out };
}

/**
 * Step 3, on the source: the transfer itself; returns when it is over (no timeout by default).
 * With PEER2PEER in flags and `dconnuri` set, this one call runs the whole migration from the
 * source daemon (then `cookie` is empty).
 */
export async function migratePerform3(
  rpc: RpcClient,
  dom: DomainRef,
  a: {
    dconnuri?: string | null;
    params?: MigrateParams;
    cookie?: Uint8Array;
  } & Flags,
): Promise<Buffer> {
  const args = { dom, dconnuri: a.dconnuri, params: wireParams(a.params), cookie_in: a.cookie ?? Buffer.alloc(0), flags: flagsOf(a) };
  return (await callRemote(rpc, P.DOMAIN_MIGRATE_PERFORM3_PARAMS, args, callOpts(a, { timeoutMs: 0 }))).cookie_out;
}

/**
 * Step 4, on the destination: resumes the guest there (cancelled = false), or kills the incoming
 * QEMU (cancelled = true, after a failed Perform). Returns the destination's domain.
 */
export async function migrateFinish3(
  rpc: RpcClient,
  a: { params: MigrateParams; cookie: Uint8Array; cancelled: boolean } & Flags,
): Promise<{ domain: DomainRef; cookie: Buffer }> {
  const args = { params: wireParams(a.params), cookie_in: a.cookie, flags: flagsOf(a), cancelled: a.cancelled ? 1 : 0 };
  const r = await callRemote(rpc, P.DOMAIN_MIGRATE_FINISH3_PARAMS, args, callOpts(a, { timeoutMs: 120_000 }));
  return { domain: r.dom, cookie: r.cookie_out };
}

/**
 * Step 5, on the source: with cancelled = false the source copy is removed; with cancelled = true
 * (Finish failed) the source resumes the guest.
 */
export async function migrateConfirm3(
  rpc: RpcClient,
  dom: DomainRef,
  a: { params: MigrateParams; cookie: Uint8Array; cancelled: boolean } & Flags,
): Promise<void> {
  const args = { dom, params: wireParams(a.params), cookie_in: a.cookie, flags: flagsOf(a), cancelled: a.cancelled ? 1 : 0 };
  await callRemote(rpc, P.DOMAIN_MIGRATE_CONFIRM3_PARAMS, args, callOpts(a, { timeoutMs: 120_000 }));
}

// ---- whole migrations ------------------------------------------------------------------------------

export type MigrationStep = 'begin' | 'prepare' | 'perform' | 'finish' | 'confirm';

/** Why a direct migration failed: the step, and where the guest was left. */
export class MigrationError extends Error {
  override name = 'MigrationError' as const;
  constructor(
    readonly step: MigrationStep,
    override readonly cause: Error,
    /** 'source': still (or again) on the source; 'unknown': Confirm failed too, check both hosts. */
    readonly guestOn: 'source' | 'unknown',
  ) {
    super(`migration failed at ${step}: ${cause.message}`);
  }
}

export interface DirectMigrationOptions {
  src: RpcClient;
  dst: RpcClient;
  dom: DomainRef;
  /** MigrateFlags; LIVE for a running guest. PEER2PEER / TUNNELLED are refused here. */
  flags: number;
  /** migrate_uri (e.g. 'tcp://10.203.0.2'), bandwidth, destination_name, … */
  params?: Readonly<Record<string, ParamInput>>;
  /** Called when each step starts (for progress display); Finish says whether it cancels (after a failed Perform). */
  onStep?: (step: MigrationStep, cancelled: boolean) => void;
  signal?: AbortSignal;
}

/**
 * A direct migration with the app holding both connections, in libvirt's own order
 * (virDomainMigrateVersion3Full): each step's cookie feeds the next; a failure after Prepare
 * cancels on the destination and resumes on the source. Abort a running transfer with
 * domainAbortJob on the source (Perform then fails and the guest stays on the source).
 * Returns the destination's domain.
 */
export async function migrateDirect(o: DirectMigrationOptions): Promise<DomainRef> {
  if (o.flags & (MigrateFlags.PEER2PEER | MigrateFlags.TUNNELLED)) {
    throw new RangeError('peer-to-peer / tunnelled migrations are run by the source: use migratePeerToPeer');
  }
  const step = (s: MigrationStep, cancelled = false): void => o.onStep?.(s, cancelled);
  const sig = o.signal ? { signal: o.signal } : {};
  let params: TypedParam[] = toParams(o.params);
  const setParam = (field: string, value: string): void => {
    params = [...params.filter((p) => p.field !== field), typedParam(field, 'string', value)];
  };

  // Change protection keeps the domain from being modified between Begin and Confirm.
  const protection = (await hostSupportsFeature(o.src, DrvFeature.MIGRATE_CHANGE_PROTECTION, sig)) ? MigrateFlags.CHANGE_PROTECTION : 0;
  let flags = o.flags >>> 0;

  step('begin');
  let begin: { cookie: Buffer; xml: string };
  try {
    begin = await migrateBegin3(o.src, o.dom, {
      params,
      flags: flags | protection,
      ...sig,
    });
    // A paused guest must arrive paused.
    if ((await domainGetState(o.src, o.dom, sig)).state === DomainState.PAUSED) flags |= MigrateFlags.PAUSED;
  } catch (e) {
    throw new MigrationError('begin', e as Error, 'source');
  }
  // Source-only tuning flags mean nothing to the destination.
  const destFlags = flags & ~(MigrateFlags.ABORT_ON_ERROR | MigrateFlags.AUTO_CONVERGE);

  const confirm = async (cookie: Uint8Array, cancelled: boolean, failed: MigrationStep, cause: Error | null) => {
    step('confirm');
    try {
      await migrateConfirm3(o.src, o.dom, {
        params,
        cookie,
        cancelled,
        flags: flags | protection,
      });
    } catch (e) {
      throw new MigrationError(cause ? failed : 'confirm', cause ?? (e as Error), 'unknown');
    }
    if (cause) throw new MigrationError(failed, cause, 'source');
  };

  step('prepare');
  setParam('destination_xml', begin.xml);
  let prep: { cookie: Buffer; uri: string | null };
  try {
    prep = await migratePrepare3(o.dst, {
      params,
      cookie: begin.cookie,
      flags: destFlags,
      ...sig,
    });
  } catch (e) {
    // With change protection the source holds a job for us: release it.
    if (protection) await confirm(Buffer.alloc(0), true, 'prepare', e as Error);
    throw new MigrationError('prepare', e as Error, 'source');
  }
  if (prep.uri) setParam('migrate_uri', prep.uri);

  let performCookie: Buffer = Buffer.alloc(0);
  let performError: Error | null = null;
  if (!(flags & MigrateFlags.OFFLINE)) {
    step('perform');
    try {
      performCookie = await migratePerform3(o.src, o.dom, {
        params,
        cookie: prep.cookie,
        flags: flags | protection,
      });
    } catch (e) {
      performError = e as Error;
    }
  }

  step('finish', performError !== null);
  // The destination looks the incoming domain up by name.
  if (!params.some((p) => p.field === 'destination_name')) setParam('destination_name', o.dom.name);
  let finished: { domain: DomainRef; cookie: Buffer } | null = null;
  let finishError: Error | null = null;
  try {
    finished = await migrateFinish3(o.dst, {
      params,
      cookie: performCookie,
      cancelled: performError !== null,
      flags: destFlags,
    });
  } catch (e) {
    finishError = e as Error;
    // libvirt's own client confirms "cancelled" here, which resumes the source. When the guest
    // already runs on the destination with no incoming job left (post-copy that ended before
    // Finish came, or a reply lost after Finish worked), that would leave two running copies:
    // confirm it as done instead, so that the source lets go.
    if (!performError) finished = await finishedAnyway(o.dst, o.dom);
  }
  // After a failed Perform the source already knows (and keeps the guest): no Confirm, as libvirt.
  if (performError) throw new MigrationError('perform', performError, 'source');

  await confirm(finished?.cookie ?? Buffer.alloc(0), finished === null, 'finish', finished ? null : finishError);
  if (!finished) throw new MigrationError('finish', finishError ?? new Error('no domain from Finish'), 'source');
  return finished.domain;
}

/** The incoming domain when it runs on the destination and its migration is over there. */
async function finishedAnyway(dst: RpcClient, dom: DomainRef): Promise<{ domain: DomainRef; cookie: Buffer } | null> {
  try {
    const d = await domainLookupByUuid(dst, dom.uuid);
    if ((await domainGetState(dst, d)).state !== DomainState.RUNNING) return null;
    if ((await domainGetJobStats(dst, d)).type !== JobType.NONE) return null;
    return { domain: d, cookie: Buffer.alloc(0) };
  } catch {
    return null;
  }
}

/**
 * Peer-to-peer: the source daemon connects to `dconnuri` (as the source host reaches the
 * destination, e.g. 'qemu+ssh://10.203.0.2/system') and runs every step itself; it goes on if
 * our client disappears. flags must include PEER2PEER.
 */
export async function migratePeerToPeer(
  rpc: RpcClient,
  dom: DomainRef,
  a: { dconnuri: string; params?: MigrateParams; flags: number } & CallOpts,
): Promise<void> {
  await migratePerform3(rpc, dom, {
    ...a,
    flags: a.flags | MigrateFlags.PEER2PEER,
  });
}

// ---- controls during a migration (on the source) ---------------------------------------------------

/** Longest pause allowed at switch-over, ms (virsh migrate-setmaxdowntime). */
export async function migrateSetMaxDowntime(rpc: RpcClient, dom: DomainRef, a: { ms: number } & Flags): Promise<void> {
  await callRemote(rpc, P.DOMAIN_MIGRATE_SET_MAX_DOWNTIME, { dom, downtime: a.ms, flags: flagsOf(a) }, callOpts(a));
}

export async function migrateGetMaxDowntime(rpc: RpcClient, dom: DomainRef, o?: Flags): Promise<number> {
  return hyperNumber((await callRemote(rpc, P.DOMAIN_MIGRATE_GET_MAX_DOWNTIME, { dom, flags: flagsOf(o) }, callOpts(o))).downtime);
}

/** Bandwidth cap, MiB/s (virsh migrate-setspeed); flags: MigrateMaxSpeedFlags.POSTCOPY for the post-copy phase. */
export async function migrateSetMaxSpeed(rpc: RpcClient, dom: DomainRef, a: { mibps: number } & Flags): Promise<void> {
  await callRemote(rpc, P.DOMAIN_MIGRATE_SET_MAX_SPEED, { dom, bandwidth: a.mibps, flags: flagsOf(a) }, callOpts(a));
}

export async function migrateGetMaxSpeed(rpc: RpcClient, dom: DomainRef, o?: Flags): Promise<number> {
  return hyperNumber((await callRemote(rpc, P.DOMAIN_MIGRATE_GET_MAX_SPEED, { dom, flags: flagsOf(o) }, callOpts(o))).bandwidth);
}

/** Switches a running migration (started with MigrateFlags.POSTCOPY) to post-copy. */
export async function migrateStartPostCopy(rpc: RpcClient, dom: DomainRef, o?: Flags): Promise<void> {
  await callRemote(rpc, P.DOMAIN_MIGRATE_START_POST_COPY, { dom, flags: flagsOf(o) }, callOpts(o));
}
