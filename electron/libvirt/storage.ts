// Storage pools and volumes (virStoragePool* / virStorageVol*), including volume download and
// upload streams. Bulk streams hold the connection's byte stream for their whole length: open
// them on a connection of their own (PROTOCOL.md §8).
import type { LibvirtStream, RpcClient } from './client';
import {
  type CallOpts,
  callOpts,
  Limit,
  Proc,
  readStoragePool,
  readStorageVol,
  readUHyperNumber,
  type StoragePoolRef,
  type StorageVolRef,
  uuidToBytes,
  writeListAllArgs,
  writeStoragePool,
  writeStorageVol,
} from './protocol';
import type { XdrWriter } from './xdr';

type Flags = { flags?: number } & CallOpts;
const flagsOf = (o?: { flags?: number }): number => (o?.flags ?? 0) >>> 0;

// ---- pools ---------------------------------------------------------------------------------------

/** All pools matching `flags` (ListPoolsFlags; 0 = all). */
export async function poolListAll(rpc: RpcClient, o?: Flags): Promise<StoragePoolRef[]> {
  return rpc.call(
    Proc.CONNECT_LIST_ALL_STORAGE_POOLS,
    (w) => writeListAllArgs(w, flagsOf(o)),
    (r) => {
      const pools = r.array(readStoragePool, Limit.STORAGE_POOL_LIST);
      r.uint();
      return pools;
    },
    callOpts(o),
  );
}

export async function poolLookupByName(rpc: RpcClient, name: string, o?: CallOpts): Promise<StoragePoolRef> {
  return rpc.call(Proc.STORAGE_POOL_LOOKUP_BY_NAME, (w) => w.string(name), readStoragePool, callOpts(o));
}

export async function poolLookupByUuid(rpc: RpcClient, uuid: string, o?: CallOpts): Promise<StoragePoolRef> {
  const bytes = uuidToBytes(uuid);
  return rpc.call(Proc.STORAGE_POOL_LOOKUP_BY_UUID, (w) => w.fixedOpaque(bytes, 16), readStoragePool, callOpts(o));
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
  return rpc.call(
    Proc.STORAGE_POOL_GET_INFO,
    (w) => writeStoragePool(w, pool),
    (r) => ({
      state: r.uint(), // unsigned char, widened
      capacity: readUHyperNumber(r),
      allocation: readUHyperNumber(r),
      available: readUHyperNumber(r),
    }),
    callOpts(o),
  );
}

/** flags: StorageXmlFlags. */
export async function poolGetXmlDesc(rpc: RpcClient, pool: StoragePoolRef, o?: Flags): Promise<string> {
  return rpc.call(
    Proc.STORAGE_POOL_GET_XML_DESC,
    (w) => {
      writeStoragePool(w, pool);
      w.uint(flagsOf(o));
    },
    (r) => r.string(),
    callOpts(o),
  );
}

/** Rescans the pool (volumes created behind libvirt's back appear). */
export async function poolRefresh(rpc: RpcClient, pool: StoragePoolRef, o?: Flags): Promise<void> {
  await rpc.call(
    Proc.STORAGE_POOL_REFRESH,
    (w) => {
      writeStoragePool(w, pool);
      w.uint(flagsOf(o));
    },
    null,
    callOpts(o),
  );
}

// ---- volumes -------------------------------------------------------------------------------------

export async function volListAll(rpc: RpcClient, pool: StoragePoolRef, o?: Flags): Promise<StorageVolRef[]> {
  return rpc.call(
    Proc.STORAGE_POOL_LIST_ALL_VOLUMES,
    (w) => {
      writeStoragePool(w, pool);
      writeListAllArgs(w, flagsOf(o));
    },
    (r) => {
      const vols = r.array(readStorageVol, Limit.STORAGE_VOL_LIST);
      r.uint();
      return vols;
    },
    callOpts(o),
  );
}

export async function volLookupByName(rpc: RpcClient, pool: StoragePoolRef, name: string, o?: CallOpts): Promise<StorageVolRef> {
  return rpc.call(
    Proc.STORAGE_VOL_LOOKUP_BY_NAME,
    (w) => {
      writeStoragePool(w, pool);
      w.string(name);
    },
    readStorageVol,
    callOpts(o),
  );
}

export async function volLookupByPath(rpc: RpcClient, path: string, o?: CallOpts): Promise<StorageVolRef> {
  return rpc.call(Proc.STORAGE_VOL_LOOKUP_BY_PATH, (w) => w.string(path), readStorageVol, callOpts(o));
}

/** Creates a volume from its XML; flags: VolCreateFlags. */
export async function volCreateXml(rpc: RpcClient, pool: StoragePoolRef, a: { xml: string } & Flags): Promise<StorageVolRef> {
  return rpc.call(
    Proc.STORAGE_VOL_CREATE_XML,
    (w) => {
      writeStoragePool(w, pool);
      w.string(a.xml).uint(flagsOf(a));
    },
    readStorageVol,
    callOpts(a),
  );
}

/** Creates a volume as a copy of `from` (virsh vol-create-from / vol-clone). Copies data: can be long. */
export async function volCreateXmlFrom(
  rpc: RpcClient,
  pool: StoragePoolRef,
  a: { xml: string; from: StorageVolRef } & Flags,
): Promise<StorageVolRef> {
  return rpc.call(
    Proc.STORAGE_VOL_CREATE_XML_FROM,
    (w) => {
      writeStoragePool(w, pool);
      w.string(a.xml);
      writeStorageVol(w, a.from);
      w.uint(flagsOf(a));
    },
    readStorageVol,
    callOpts(a, { timeoutMs: 0 }),
  );
}

/** virStorageVolInfo (virsh vol-info), sizes in bytes. */
export interface VolInfo {
  /** StorageVolType: FILE 0, BLOCK 1, DIR 2, NETWORK 3, NETDIR 4, PLOOP 5. */
  type: number;
  capacity: number;
  allocation: number;
}

export async function volGetInfo(rpc: RpcClient, vol: StorageVolRef, o?: CallOpts): Promise<VolInfo> {
  return rpc.call(
    Proc.STORAGE_VOL_GET_INFO,
    (w) => writeStorageVol(w, vol),
    (r) => ({
      type: r.int(),
      capacity: readUHyperNumber(r),
      allocation: readUHyperNumber(r),
    }),
    callOpts(o),
  );
}

export async function volGetXmlDesc(rpc: RpcClient, vol: StorageVolRef, o?: Flags): Promise<string> {
  return rpc.call(
    Proc.STORAGE_VOL_GET_XML_DESC,
    (w) => {
      writeStorageVol(w, vol);
      w.uint(flagsOf(o));
    },
    (r) => r.string(),
    callOpts(o),
  );
}

export async function volGetPath(rpc: RpcClient, vol: StorageVolRef, o?: CallOpts): Promise<string> {
  return rpc.call(
    Proc.STORAGE_VOL_GET_PATH,
    (w) => writeStorageVol(w, vol),
    (r) => r.string(),
    callOpts(o),
  );
}

/** flags: VolDeleteFlags. */
export async function volDelete(rpc: RpcClient, vol: StorageVolRef, o?: Flags): Promise<void> {
  await rpc.call(
    Proc.STORAGE_VOL_DELETE,
    (w) => {
      writeStorageVol(w, vol);
      w.uint(flagsOf(o));
    },
    null,
    callOpts(o),
  );
}

type StreamRange = { offset?: number; length?: number } & Flags;

function writeVolStreamArgs(vol: StorageVolRef, a: StreamRange) {
  return (w: XdrWriter): void => {
    writeStorageVol(w, vol);
    // length 0 = to the end of the volume.
    w.uhyper(a.offset ?? 0)
      .uhyper(a.length ?? 0)
      .uint(flagsOf(a));
  };
}

/**
 * Reads a volume's bytes as a stream (virsh vol-download). Don't pass SPARSE_STREAM: holes
 * (STREAM_HOLE packets) are not supported by our stream yet.
 */
export async function volDownload(rpc: RpcClient, vol: StorageVolRef, o: StreamRange = {}): Promise<LibvirtStream> {
  return rpc.openStream(Proc.STORAGE_VOL_DOWNLOAD, writeVolStreamArgs(vol, o), callOpts(o));
}

/** Writes bytes into a volume (virsh vol-upload): write to the stream, then end() it. */
export async function volUpload(rpc: RpcClient, vol: StorageVolRef, o: StreamRange = {}): Promise<LibvirtStream> {
  return rpc.openStream(Proc.STORAGE_VOL_UPLOAD, writeVolStreamArgs(vol, o), callOpts(o));
}
