// Storage pools and volumes (virStoragePool* / virStorageVol*), including volume download and
// upload streams. Bulk streams hold the connection's byte stream for their whole length: open
// them on a connection of their own (PROTOCOL.md §8).

import type { LibvirtStream, RpcClient } from './client';
import * as P from './gen/remote_protocol.gen';
import { type CallOpts, callOpts, type DomainRef, hyperNumber, listAllArgs, type StoragePoolRef, type StorageVolRef } from './protocol';
import { callRemote, openRemoteStream } from './remote';

type Flags = { flags?: number } & CallOpts;
const flagsOf = (o?: { flags?: number }): number => (o?.flags ?? 0) >>> 0;

// ---- pools ---------------------------------------------------------------------------------------

/** All pools matching `flags` (ListPoolsFlags; 0 = all). */
export async function poolListAll(rpc: RpcClient, o?: Flags): Promise<StoragePoolRef[]> {
  return (await callRemote(rpc, P.CONNECT_LIST_ALL_STORAGE_POOLS, listAllArgs(flagsOf(o)), callOpts(o))).pools;
}

export async function poolLookupByName(rpc: RpcClient, name: string, o?: CallOpts): Promise<StoragePoolRef> {
  return (await callRemote(rpc, P.STORAGE_POOL_LOOKUP_BY_NAME, { name }, callOpts(o))).pool;
}

export async function poolLookupByUuid(rpc: RpcClient, uuid: string, o?: CallOpts): Promise<StoragePoolRef> {
  return (await callRemote(rpc, P.STORAGE_POOL_LOOKUP_BY_UUID, { uuid }, callOpts(o))).pool;
}

/** virStoragePoolInfo (virsh pool-info), sizes in bytes. */
export interface PoolInfo {
  /** StoragePoolState: INACTIVE 0, BUILDING 1, RUNNING 2, DEGRADED 3, INACCESSIBLE 4. */
  state: number;
  capacity: number;
  allocation: number;
  available: number;
}

export async function poolGetInfo(rpc: RpcClient, pool: StoragePoolRef, o?: CallOpts): Promise<PoolInfo> {
  const r = await callRemote(rpc, P.STORAGE_POOL_GET_INFO, { pool }, callOpts(o));
  return {
    state: r.state,
    capacity: hyperNumber(r.capacity),
    allocation: hyperNumber(r.allocation),
    available: hyperNumber(r.available),
  };
}

/** flags: StorageXmlFlags. */
export async function poolGetXmlDesc(rpc: RpcClient, pool: StoragePoolRef, o?: Flags): Promise<string> {
  return (await callRemote(rpc, P.STORAGE_POOL_GET_XML_DESC, { pool, flags: flagsOf(o) }, callOpts(o))).xml;
}

/** Rescans the pool (volumes created behind libvirt's back appear). */
export async function poolRefresh(rpc: RpcClient, pool: StoragePoolRef, o?: Flags): Promise<void> {
  await callRemote(rpc, P.STORAGE_POOL_REFRESH, { pool, flags: flagsOf(o) }, callOpts(o));
}

/** The pool types this host's libvirt supports, with their options (virsh pool-capabilities). */
export async function poolGetCapabilities(rpc: RpcClient, o?: Flags): Promise<string> {
  return (await callRemote(rpc, P.CONNECT_GET_STORAGE_POOL_CAPABILITIES, { flags: flagsOf(o) }, callOpts(o))).capabilities;
}

/** Defines a persistent pool from its XML (inactive until started). */
export async function poolDefineXml(rpc: RpcClient, a: { xml: string } & Flags): Promise<StoragePoolRef> {
  return (await callRemote(rpc, P.STORAGE_POOL_DEFINE_XML, { xml: a.xml, flags: flagsOf(a) }, callOpts(a))).pool;
}

/** Builds the pool's storage (a dir pool's directory, a logical pool's volume group); flags: PoolBuildFlags. */
export async function poolBuild(rpc: RpcClient, pool: StoragePoolRef, o?: Flags): Promise<void> {
  await callRemote(rpc, P.STORAGE_POOL_BUILD, { pool, flags: flagsOf(o) }, callOpts(o, { timeoutMs: 0 }));
}

/** Starts (activates) a defined pool. */
export async function poolCreate(rpc: RpcClient, pool: StoragePoolRef, o?: Flags): Promise<void> {
  await callRemote(rpc, P.STORAGE_POOL_CREATE, { pool, flags: flagsOf(o) }, callOpts(o));
}

/** Stops (deactivates) a pool; its data stays. */
export async function poolDestroy(rpc: RpcClient, pool: StoragePoolRef, o?: CallOpts): Promise<void> {
  await callRemote(rpc, P.STORAGE_POOL_DESTROY, { pool }, callOpts(o));
}

/** Deletes the pool's underlying storage (the directory, the volume group); the pool must be inactive. */
export async function poolDelete(rpc: RpcClient, pool: StoragePoolRef, o?: Flags): Promise<void> {
  await callRemote(rpc, P.STORAGE_POOL_DELETE, { pool, flags: flagsOf(o) }, callOpts(o));
}

/** Removes the pool's definition (its storage stays). */
export async function poolUndefine(rpc: RpcClient, pool: StoragePoolRef, o?: CallOpts): Promise<void> {
  await callRemote(rpc, P.STORAGE_POOL_UNDEFINE, { pool }, callOpts(o));
}

export async function poolGetAutostart(rpc: RpcClient, pool: StoragePoolRef, o?: CallOpts): Promise<boolean> {
  return (await callRemote(rpc, P.STORAGE_POOL_GET_AUTOSTART, { pool }, callOpts(o))).autostart !== 0;
}

export async function poolSetAutostart(rpc: RpcClient, pool: StoragePoolRef, a: { autostart: boolean } & CallOpts): Promise<void> {
  await callRemote(rpc, P.STORAGE_POOL_SET_AUTOSTART, { pool, autostart: a.autostart ? 1 : 0 }, callOpts(a));
}

/** Registers for pool events (eventId: PoolEventId) of one pool or all (null); returns the callback id. */
export async function poolEventRegister(rpc: RpcClient, a: { eventId: number; pool?: StoragePoolRef | null } & CallOpts): Promise<number> {
  const args = { eventID: a.eventId, pool: a.pool ?? null };
  return (await callRemote(rpc, P.CONNECT_STORAGE_POOL_EVENT_REGISTER_ANY, args, callOpts(a))).callbackID;
}

export async function poolEventDeregister(rpc: RpcClient, callbackId: number, o?: CallOpts): Promise<void> {
  await callRemote(rpc, P.CONNECT_STORAGE_POOL_EVENT_DEREGISTER_ANY, { callbackID: callbackId }, callOpts(o));
}

// ---- volumes -------------------------------------------------------------------------------------

export async function volListAll(rpc: RpcClient, pool: StoragePoolRef, o?: Flags): Promise<StorageVolRef[]> {
  return (await callRemote(rpc, P.STORAGE_POOL_LIST_ALL_VOLUMES, { pool, ...listAllArgs(flagsOf(o)) }, callOpts(o))).vols;
}

export async function volLookupByName(rpc: RpcClient, pool: StoragePoolRef, name: string, o?: CallOpts): Promise<StorageVolRef> {
  return (await callRemote(rpc, P.STORAGE_VOL_LOOKUP_BY_NAME, { pool, name }, callOpts(o))).vol;
}

export async function volLookupByPath(rpc: RpcClient, path: string, o?: CallOpts): Promise<StorageVolRef> {
  return (await callRemote(rpc, P.STORAGE_VOL_LOOKUP_BY_PATH, { path }, callOpts(o))).vol;
}

/** Creates a volume from its XML; flags: VolCreateFlags. */
export async function volCreateXml(rpc: RpcClient, pool: StoragePoolRef, a: { xml: string } & Flags): Promise<StorageVolRef> {
  return (await callRemote(rpc, P.STORAGE_VOL_CREATE_XML, { pool, xml: a.xml, flags: flagsOf(a) }, callOpts(a))).vol;
}

/** Creates a volume as a copy of `from` (virsh vol-create-from / vol-clone). Copies data: can be long. */
export async function volCreateXmlFrom(
  rpc: RpcClient,
  pool: StoragePoolRef,
  a: { xml: string; from: StorageVolRef } & Flags,
): Promise<StorageVolRef> {
  const args = { pool, xml: a.xml, clonevol: a.from, flags: flagsOf(a) };
  return (await callRemote(rpc, P.STORAGE_VOL_CREATE_XML_FROM, args, callOpts(a, { timeoutMs: 0 }))).vol;
}

/** virStorageVolInfo (virsh vol-info), sizes in bytes. */
export interface VolInfo {
  /** StorageVolType: FILE 0, BLOCK 1, DIR 2, NETWORK 3, NETDIR 4, PLOOP 5. */
  type: number;
  capacity: number;
  allocation: number;
}

export async function volGetInfo(rpc: RpcClient, vol: StorageVolRef, o?: CallOpts): Promise<VolInfo> {
  const r = await callRemote(rpc, P.STORAGE_VOL_GET_INFO, { vol }, callOpts(o));
  return { type: r.type, capacity: hyperNumber(r.capacity), allocation: hyperNumber(r.allocation) };
}

export async function volGetXmlDesc(rpc: RpcClient, vol: StorageVolRef, o?: Flags): Promise<string> {
  return (await callRemote(rpc, P.STORAGE_VOL_GET_XML_DESC, { vol, flags: flagsOf(o) }, callOpts(o))).xml;
}

export async function volGetPath(rpc: RpcClient, vol: StorageVolRef, o?: CallOpts): Promise<string> {
  return (await callRemote(rpc, P.STORAGE_VOL_GET_PATH, { vol }, callOpts(o))).name;
}

/** flags: VolDeleteFlags. */
export async function volDelete(rpc: RpcClient, vol: StorageVolRef, o?: Flags): Promise<void> {
  await callRemote(rpc, P.STORAGE_VOL_DELETE, { vol, flags: flagsOf(o) }, callOpts(o));
}

/** New capacity in bytes (virsh vol-resize); flags: VolResizeFlags (SHRINK to make it smaller). The volume must not be in use by a running VM. */
export async function volResize(rpc: RpcClient, vol: StorageVolRef, a: { capacity: number } & Flags): Promise<void> {
  await callRemote(rpc, P.STORAGE_VOL_RESIZE, { vol, capacity: a.capacity, flags: flagsOf(a) }, callOpts(a, { timeoutMs: 0 }));
}

/** Overwrites the volume's data (virsh vol-wipe); flags: the algorithm (0 = zeroes). */
export async function volWipe(rpc: RpcClient, vol: StorageVolRef, o?: Flags): Promise<void> {
  await callRemote(rpc, P.STORAGE_VOL_WIPE, { vol, flags: flagsOf(o) }, callOpts(o, { timeoutMs: 0 }));
}

/**
 * The live side of a volume resize (virsh blockresize): grows the disk `disk` (target or path) of
 * a running domain; the guest sees the new size. flags: BlockResizeFlags.BYTES to give bytes.
 */
export async function domainBlockResize(rpc: RpcClient, dom: DomainRef, a: { disk: string; size: number } & Flags): Promise<void> {
  await callRemote(rpc, P.DOMAIN_BLOCK_RESIZE, { dom, disk: a.disk, size: a.size, flags: flagsOf(a) }, callOpts(a));
}

type StreamRange = { offset?: number; length?: number } & Flags;

// length 0 = to the end of the volume.
const volStreamArgs = (vol: StorageVolRef, a: StreamRange) => ({ vol, offset: a.offset ?? 0, length: a.length ?? 0, flags: flagsOf(a) });

/**
 * Reads a volume's bytes as a stream (virsh vol-download). Don't pass SPARSE_STREAM: holes
 * (STREAM_HOLE packets) are not supported by our stream yet.
 */
export async function volDownload(rpc: RpcClient, vol: StorageVolRef, o: StreamRange = {}): Promise<LibvirtStream> {
  return openRemoteStream(rpc, P.STORAGE_VOL_DOWNLOAD, volStreamArgs(vol, o), callOpts(o));
}

/** Writes bytes into a volume (virsh vol-upload): write to the stream, then end() it. */
export async function volUpload(rpc: RpcClient, vol: StorageVolRef, o: StreamRange = {}): Promise<LibvirtStream> {
  return openRemoteStream(rpc, P.STORAGE_VOL_UPLOAD, volStreamArgs(vol, o), callOpts(o));
}
