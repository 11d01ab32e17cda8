// Domain snapshots (virDomainSnapshot*) and the block jobs that merge external snapshot layers
// (virDomainBlockCommit / BlockJobInfo / BlockJobAbort / BlockPull). Their own module (not
// domain.ts): a snapshot is its own libvirt object, and the merge calls are used only here.

import type { RpcClient } from './client';
import { isLibvirtError } from './errors';
import * as P from './gen/remote_protocol.gen';
import { type CallOpts, callOpts, type DomainRef } from './protocol';
import { callRemote } from './remote';

type Flags = { flags?: number } & CallOpts;
const flagsOf = (o?: { flags?: number }): number => (o?.flags ?? 0) >>> 0;

/** A snapshot of a domain, as the wire names it. */
export type SnapshotRef = P.RemoteNonnullDomainSnapshot;

/** virDomainSnapshotCreateFlags. */
export const SnapshotCreateFlags = {
  REDEFINE: 1,
  CURRENT: 2,
  NO_METADATA: 4,
  HALT: 8,
  DISK_ONLY: 16,
  REUSE_EXT: 32,
  QUIESCE: 64,
  ATOMIC: 128,
  LIVE: 256,
  VALIDATE: 512,
} as const;

/** virDomainSnapshotRevertFlags. */
export const SnapshotRevertFlags = { RUNNING: 1, PAUSED: 2, FORCE: 4, RESET_NVRAM: 8 } as const;

/** virDomainSnapshotDeleteFlags. */
export const SnapshotDeleteFlags = { CHILDREN: 1, METADATA_ONLY: 2, CHILDREN_ONLY: 4 } as const;

/** virDomainBlockCommitFlags. */
export const BlockCommitFlags = { SHALLOW: 1, DELETE: 2, ACTIVE: 4, RELATIVE: 8, BANDWIDTH_BYTES: 16 } as const;

/** virDomainBlockJobAbortFlags. */
export const BlockJobAbortFlags = { ASYNC: 1, PIVOT: 2 } as const;

/** virDomainBlockJobType. */
export const BlockJobType = { UNKNOWN: 0, PULL: 1, COPY: 2, COMMIT: 3, ACTIVE_COMMIT: 4, BACKUP: 5 } as const;

/** All snapshots of a domain (virDomainListAllSnapshots); flags: virDomainSnapshotListFlags (0 = all). */
export async function snapshotListAll(rpc: RpcClient, dom: DomainRef, o?: Flags): Promise<SnapshotRef[]> {
  return (await callRemote(rpc, P.DOMAIN_LIST_ALL_SNAPSHOTS, { dom, need_results: 1, flags: flagsOf(o) }, callOpts(o))).snapshots;
}

export async function snapshotLookupByName(rpc: RpcClient, dom: DomainRef, name: string, o?: CallOpts): Promise<SnapshotRef> {
  return (await callRemote(rpc, P.DOMAIN_SNAPSHOT_LOOKUP_BY_NAME, { dom, name, flags: 0 }, callOpts(o))).snap;
}

/** The snapshot's XML (virsh snapshot-dumpxml); flags: SECURE = 1. */
export async function snapshotGetXmlDesc(rpc: RpcClient, snap: SnapshotRef, o?: Flags): Promise<string> {
  return (await callRemote(rpc, P.DOMAIN_SNAPSHOT_GET_XML_DESC, { snap, flags: flagsOf(o) }, callOpts(o))).xml;
}

/** The current snapshot's name, or null when the domain has none. */
export async function snapshotCurrentName(rpc: RpcClient, dom: DomainRef, o?: CallOpts): Promise<string | null> {
  const has = (await callRemote(rpc, P.DOMAIN_HAS_CURRENT_SNAPSHOT, { dom, flags: 0 }, callOpts(o))).result;
  if (!has) return null;
  return (await callRemote(rpc, P.DOMAIN_SNAPSHOT_CURRENT, { dom, flags: 0 }, callOpts(o))).snap.name;
}

/** Creates (or with REDEFINE, redefines) a snapshot from XML; flags: SnapshotCreateFlags. */
export async function snapshotCreateXml(rpc: RpcClient, dom: DomainRef, a: { xml: string } & Flags): Promise<SnapshotRef> {
  return (await callRemote(rpc, P.DOMAIN_SNAPSHOT_CREATE_XML, { dom, xml_desc: a.xml, flags: flagsOf(a) }, callOpts(a))).snap;
}

/** Reverts the domain to the snapshot; flags: SnapshotRevertFlags. */
export async function snapshotRevert(rpc: RpcClient, snap: SnapshotRef, o?: Flags): Promise<void> {
  await callRemote(rpc, P.DOMAIN_REVERT_TO_SNAPSHOT, { snap, flags: flagsOf(o) }, callOpts(o));
}

/** Deletes the snapshot; flags: SnapshotDeleteFlags. */
export async function snapshotDelete(rpc: RpcClient, snap: SnapshotRef, o?: Flags): Promise<void> {
  await callRemote(rpc, P.DOMAIN_SNAPSHOT_DELETE, { snap, flags: flagsOf(o) }, callOpts(o));
}

/** Whether a managed-save image exists (a disk-only revert would leave it stale). */
export async function domainHasManagedSaveImage(rpc: RpcClient, dom: DomainRef, o?: CallOpts): Promise<boolean> {
  return (await callRemote(rpc, P.DOMAIN_HAS_MANAGED_SAVE_IMAGE, { dom, flags: 0 }, callOpts(o))).result !== 0;
}

// ---- block jobs ----------------------------------------------------------------------------------

/**
 * Starts committing `top` (down to, not including, `base`) into `base` of `disk` (a target or a
 * path). With ACTIVE, `top` is the active layer: the job then waits at "ready" for a pivot.
 */
export async function domainBlockCommit(
  rpc: RpcClient,
  dom: DomainRef,
  a: { disk: string; base: string | null; top: string | null; bandwidth?: number } & Flags,
): Promise<void> {
  await callRemote(
    rpc,
    P.DOMAIN_BLOCK_COMMIT,
    { dom, disk: a.disk, base: a.base, top: a.top, bandwidth: a.bandwidth ?? 0, flags: flagsOf(a) },
    callOpts(a),
  );
}

/** Pulls the backing chain (down to `base`, or all of it) into the active layer of `disk`. */
export async function domainBlockRebase(
  rpc: RpcClient,
  dom: DomainRef,
  a: { disk: string; base: string | null; bandwidth?: number } & Flags,
): Promise<void> {
  await callRemote(
    rpc,
    P.DOMAIN_BLOCK_REBASE,
    { dom, path: a.disk, base: a.base, bandwidth: a.bandwidth ?? 0, flags: flagsOf(a) },
    callOpts(a),
  );
}

export interface BlockJobInfo {
  type: number;
  bandwidth: number;
  cur: number;
  end: number;
}

/** The block job running on `disk`, or null when there is none. */
export async function domainGetBlockJobInfo(rpc: RpcClient, dom: DomainRef, a: { disk: string } & Flags): Promise<BlockJobInfo | null> {
  const r = await callRemote(rpc, P.DOMAIN_GET_BLOCK_JOB_INFO, { dom, path: a.disk, flags: flagsOf(a) }, callOpts(a));
  if (!r.found) return null;
  return { type: r.type, bandwidth: Number(r.bandwidth), cur: Number(r.cur), end: Number(r.end) };
}

/** Ends the block job on `disk`: cancels it, or with PIVOT switches to its result (an active commit at "ready"). */
export async function domainBlockJobAbort(rpc: RpcClient, dom: DomainRef, a: { disk: string } & Flags): Promise<void> {
  await callRemote(rpc, P.DOMAIN_BLOCK_JOB_ABORT, { dom, path: a.disk, flags: flagsOf(a) }, callOpts(a));
}

// ---- block job events (VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2) -----------------------------------------

/** virDomainEventID of BLOCK_JOB_2 (the disk named by its target, not its path). */
export const BLOCK_JOB_2_EVENT_ID = 16;

/** virConnectDomainEventBlockJobStatus. */
export const BlockJobStatus = { COMPLETED: 0, FAILED: 1, CANCELED: 2, READY: 3 } as const;

export interface BlockJobEvent {
  callbackId: number;
  domain: { name: string; uuid: string };
  /** The disk's target (vda). */
  disk: string;
  /** BlockJobType. */
  type: number;
  /** BlockJobStatus. */
  status: number;
}

/** Hooks BLOCK_JOB_2 MESSAGE packets of `rpc` (hook before registering: an event may come first). */
export function onBlockJobEvent(rpc: RpcClient, fn: (e: BlockJobEvent) => void): () => void {
  return rpc.onMessage(P.DOMAIN_EVENT_BLOCK_JOB_2.proc, (r) => {
    const m = P.readRemoteDomainEventBlockJob2Msg(r);
    fn({ callbackId: m.callbackID, domain: { name: m.dom.name, uuid: m.dom.uuid }, disk: m.dst, type: m.type, status: m.status });
  });
}

/** Registers for BLOCK_JOB_2 events of every domain; returns the callback id. */
export async function blockJobEventRegister(rpc: RpcClient, o?: CallOpts): Promise<number> {
  const args = { eventID: BLOCK_JOB_2_EVENT_ID, dom: null };
  return (await callRemote(rpc, P.CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY, args, callOpts(o))).callbackID;
}

export async function blockJobEventDeregister(rpc: RpcClient, callbackId: number, o?: CallOpts): Promise<void> {
  await callRemote(rpc, P.CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY, { callbackID: callbackId }, callOpts(o));
}

// ---- Vireo's own element in the running domain's metadata (a merge in progress) -------------------

/** virDomainMetadataType ELEMENT, and the LIVE impact (gone when the VM stops, as a block job is). */
const METADATA_ELEMENT = 2;
const AFFECT_LIVE = 1;

/** Sets (or with null removes) the element of namespace `uri` (prefix `key`) in the running domain's metadata. */
export async function domainSetLiveMetadataElement(
  rpc: RpcClient,
  dom: DomainRef,
  a: { uri: string; key: string; xml: string | null } & CallOpts,
): Promise<void> {
  const args = { dom, type: METADATA_ELEMENT, metadata: a.xml, key: a.xml === null ? null : a.key, uri: a.uri, flags: AFFECT_LIVE };
  await callRemote(rpc, P.DOMAIN_SET_METADATA, args, callOpts(a));
}

/** The element of namespace `uri` in the running domain's metadata, or null when there is none. */
export async function domainGetLiveMetadataElement(rpc: RpcClient, dom: DomainRef, a: { uri: string } & CallOpts): Promise<string | null> {
  try {
    return (await callRemote(rpc, P.DOMAIN_GET_METADATA, { dom, type: METADATA_ELEMENT, uri: a.uri, flags: AFFECT_LIVE }, callOpts(a)))
      .metadata;
  } catch (err) {
    // VIR_ERR_NO_DOMAIN_METADATA (80): none set
    if (isLibvirtError(err, 80)) return null;
    throw err;
  }
}
