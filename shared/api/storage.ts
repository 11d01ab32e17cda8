/** Storage pools and volumes (issue 18): its value types, schemas, requests and events. */
import { z } from 'zod';
import { AbsPath, HostAddress, HostId, ObjectName, VolumeGroupName } from './common';
import type { Job } from './jobs';
import { out } from './out';

export type PoolState = 'inactive' | 'building' | 'running' | 'degraded' | 'inaccessible';

/** One pool of a host, as the Storage tab lists it (sizes in bytes; 0 while inactive). */
export interface PoolRow {
  name: string;
  uuid: string;
  state: PoolState;
  /** dir, fs, netfs, logical … */
  type: string;
  /** Where its volumes live on the host (a directory, /dev/<vg>). */
  targetPath?: string;
  /** A logical pool's volume group, a netfs export … */
  sourceName?: string;
  capacity: number;
  allocation: number;
  available: number;
  autostart: boolean;
  persistent: boolean;
}

/** One volume of a pool, with the VMs that use it (as a disk or under an overlay). */
/** A volume just created: its name, path, format and backing as made (its sizes come with the pool's volume list). */
export interface CreatedVolume {
  name: string;
  path: string;
  format: 'qcow2' | 'raw';
  backing?: string;
}

export interface VolumeRow {
  name: string;
  path: string;
  /** qcow2, raw, iso …; absent where libvirt does not say. */
  format?: string;
  capacity: number;
  allocation: number;
  /** The image a qcow2 overlay is built on. */
  backing?: string;
  /** Names of the VMs on this host whose definition (live or persistent) uses it. */
  users: string[];
  /** Of those, the ones running with it attached: a resize goes through them (live). */
  liveUsers: string[];
}

export const PoolAction = z.enum(['build', 'start', 'stop', 'refresh', 'undefine', 'delete']);
export type PoolAction = z.infer<typeof PoolAction>;

export const VolumeFormat = z.enum(['qcow2', 'raw']);

/** Bytes: a positive whole number. */
const Bytes = z.number().int('must be a whole number of bytes').min(1).max(Number.MAX_SAFE_INTEGER);

/** File systems libvirt mounts for an fs pool (auto: let mount find out). */
export const FsPoolFormat = z.enum(['auto', 'ext4', 'ext3', 'ext2', 'xfs', 'btrfs', 'vfat']);
/** Network file systems of a netfs pool. */
export const NetfsPoolFormat = z.enum(['auto', 'nfs', 'glusterfs', 'cifs']);
export type FsPoolFormat = z.infer<typeof FsPoolFormat>;
export type NetfsPoolFormat = z.infer<typeof NetfsPoolFormat>;

/**
 * A pool to define: a directory (dir); a file system on a block device (fs) or an export of a
 * file server (netfs), mounted on the target directory when the pool starts; or an LVM volume
 * group (logical) — existing, or made by Build on the given devices.
 */
export const DefinePoolSpec = z.discriminatedUnion('type', [
  z.object({ hostId: HostId, name: ObjectName, type: z.literal('dir'), targetPath: AbsPath }).strict(),
  z
    .object({
      hostId: HostId,
      name: ObjectName,
      type: z.literal('fs'),
      /** The block device holding the file system (Build formats it with mkfs when it has none). */
      device: AbsPath.refine((s) => s.startsWith('/dev/'), 'Must be a block device under /dev'),
      format: FsPoolFormat,
      targetPath: AbsPath,
    })
    .strict(),
  z
    .object({
      hostId: HostId,
      name: ObjectName,
      type: z.literal('netfs'),
      /** The file server. */
      host: HostAddress,
      /** The exported directory on the server. */
      sourcePath: AbsPath,
      format: NetfsPoolFormat,
      targetPath: AbsPath,
    })
    .strict(),
  z
    .object({
      hostId: HostId,
      name: ObjectName,
      type: z.literal('logical'),
      sourceName: VolumeGroupName,
      /** Block devices for a new volume group (Build runs vgcreate on them); none for an existing group. */
      devices: z.array(AbsPath).max(64),
    })
    .strict(),
]);
export type DefinePoolSpec = z.infer<typeof DefinePoolSpec>;

export const CreateVolumeSpec = z
  .object({
    hostId: HostId,
    pool: ObjectName,
    name: ObjectName,
    format: VolumeFormat,
    capacity: Bytes,
    /** Bytes allocated up front (0 = sparse). */
    allocation: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    /** A volume of the same pool that the new qcow2 overlay is built on. */
    backing: ObjectName.optional(),
  })
  .strict();
export type CreateVolumeSpec = z.infer<typeof CreateVolumeSpec>;

const poolRef = z.object({ hostId: HostId, pool: ObjectName }).strict();
const volRef = z.object({ hostId: HostId, pool: ObjectName, volume: ObjectName }).strict();

/** What a resize did: through libvirt on the volume (offline), or through the running VMs' block resize (live). */
export interface ResizeResult {
  mode: 'offline' | 'live';
  /** For a live resize: the VMs (and their disk) resized. */
  through: { domain: string; target: string }[];
  capacity: number;
}

/** The most a volume download to this computer may be: the browser holds it in memory before saving it. */
export const DOWNLOAD_MAX_BYTES = 2 * 1024 ** 3;
/** What the channel's close reason is when every byte was sent. */
export const DOWNLOAD_COMPLETE = 'complete';

/** A volume's bytes on their way to this computer: read them from `channel` (closed with DOWNLOAD_COMPLETE at the end); the job shows progress and outcome. */
export interface VolumeDownload {
  job: Job;
  channel: string;
  /** The file name to save it under (the volume's name). */
  name: string;
}

/** This feature's requests, spread into the contract's `requests`. */
export const storageRequests = {
  /** The host's pools with their state, sizes and autostart. */
  'storage.pools': { input: z.object({ hostId: HostId }).strict(), output: out<PoolRow[]>() },
  /** The pool types this host's libvirt supports (its storage pool capabilities). */
  'storage.poolTypes': { input: z.object({ hostId: HostId }).strict(), output: out<string[]>() },
  /** The volumes of one active pool, each with the VMs that use it. */
  'storage.volumes': { input: poolRef, output: out<VolumeRow[]>() },
  /** Defines a pool (inactive, not built): a dir pool at a directory, or a logical pool on a volume group. */
  'storage.definePool': { input: DefinePoolSpec, output: out<PoolRow>() },
  /**
   * build, start, stop, refresh, undefine, delete (the last two refused while a VM uses one of its
   * volumes). build answers with its Job (kind 'storage'); the others finish first and answer null.
   */
  'storage.poolAction': { input: poolRef.extend({ action: PoolAction }).strict(), output: out<Job | null>() },
  'storage.poolAutostart': { input: poolRef.extend({ autostart: z.boolean() }).strict(), output: out<void>() },
  /** Creates a volume (qcow2 or raw, optional preallocation and backing volume). */
  'storage.createVolume': { input: CreateVolumeSpec, output: out<CreatedVolume>() },
  /** Grows a volume: live through each running VM that has it attached, else offline through libvirt. */
  'storage.resizeVolume': { input: volRef.extend({ capacity: Bytes }).strict(), output: out<ResizeResult>() },
  /**
   * Copies a volume (its data, same format and size) under a new name, into the same pool or
   * another pool of the host, as a Job (kind 'storage', bytes written so far); refused at once
   * while a running VM writes to it.
   */
  'storage.cloneVolume': { input: volRef.extend({ name: ObjectName, targetPool: ObjectName }).strict(), output: out<Job>() },
  /** Overwrites a volume's data with zeroes, as a Job; refused at once while a VM uses it (naming them). */
  'storage.wipeVolume': { input: volRef, output: out<Job>() },
  /** Sends a volume's bytes to this computer (a Job with progress, cancellable); refused for volumes over DOWNLOAD_MAX_BYTES. */
  'storage.downloadVolume': { input: volRef, output: out<VolumeDownload>() },
  /** Deletes a volume; refused while a VM uses it (naming them). */
  'storage.deleteVolume': { input: volRef, output: out<void>() },
} as const;

/** This feature's events (their names are also listed in shared/channels.ts). */
export interface StorageEvents {
  'storage.changed': { hostId: HostId; pool: string; removed?: boolean };
}
