/** Cloning a VM on its host or to another (see install.ts for the wizards' shared shape). */
import { z } from 'zod';
import { DiskTarget, HostId, MacAddress, NicMacAddress, ObjectName, Uuid, VolumeFileName } from './common';
import type { DomainState } from './domains';
import type { NetworkSummary, StoragePoolSummary } from './hosts';
import { NicTarget } from './install';

export type CloneDiskMode = 'copy' | 'share' | 'detach';

export interface CloneDiskInfo {
  target: string;
  device: string;
  bus?: string;
  type: string;
  source?: string;
  format?: string;
  readonly: boolean;
  shareable: boolean;
  /** The pool volume behind it on the source host. */
  volume?: { pool: string; name: string; capacity: number; allocation: number; physical?: number; backing?: string };
  modes: CloneDiskMode[];
  defaultMode: CloneDiskMode;
  /** Why a mode is not offered, or what to know about this disk. */
  notes: string[];
}

export interface CloneNicInfo {
  mac: string;
  type: string;
  source?: string;
  model?: string;
  /**
   * Where the clone's NIC goes: the same network/bridge when the target host has it, else a
   * substitute (remapped). Absent: a NIC of another kind (direct, user …), kept as it is.
   */
  suggested?: NicTarget;
  /** The target host lacks the source's network or bridge: the suggestion is a substitute. */
  remapped: boolean;
}

/** The source's snapshots, as a clone treats them (virt-manager#810). */
export interface CloneSnapshots {
  names: string[];
  /** Files the source's snapshots keep besides its disks' current files: not copied, they stay with the source. */
  files: string[];
  /** In words: not copied, flattened or refused, and why. */
  note: string;
  /** Disks whose byte copy would stay built on the source's snapshot chain: copy refused. */
  linkedDisks: string[];
}

export interface CloneOptions {
  source: { hostId: HostId; uuid: string; name: string; state: DomainState; cloneable: boolean; reason?: string };
  /** Absent when the source has no snapshots. */
  snapshots?: CloneSnapshots;
  targetHostId: HostId;
  crossHost: boolean;
  suggestedName: string;
  disks: CloneDiskInfo[];
  nics: CloneNicInfo[];
  target: { pools: StoragePoolSummary[]; networks: NetworkSummary[]; bridges: string[]; defaultPool?: string };
}

export const CloneSpec = z
  .object({
    hostId: HostId,
    uuid: Uuid,
    targetHostId: HostId,
    name: ObjectName,
    /** One decision per disk of the source (by target), in any order. */
    disks: z
      .array(
        z.discriminatedUnion('mode', [
          z.object({ target: DiskTarget, mode: z.literal('copy'), pool: ObjectName, volume: VolumeFileName }).strict(),
          z.object({ target: DiskTarget, mode: z.literal('share') }).strict(),
          z.object({ target: DiskTarget, mode: z.literal('detach') }).strict(),
        ]),
      )
      .max(64),
    /** Per NIC of the source (by its MAC): where the clone's NIC goes (default: as suggested; 'none' drops it). */
    nics: z
      .array(
        z
          .object({
            mac: MacAddress,
            target: NicTarget.optional(),
            newMac: NicMacAddress.optional(),
          })
          .strict(),
      )
      .max(64)
      .default([]),
    start: z.boolean().default(false),
    /** Cross-host copies: sha256 of the source file (on its host) against the copy's (on the target), or the sizes only. */
    verify: z.enum(['sha256', 'size']).default('sha256'),
    /** Cap on the copy rate, MiB/s (cross-host copies). */
    bandwidthMiBps: z.number().int().min(1).max(100_000).optional(),
    /** The preview's UUID, so that what was reviewed is what gets defined. */
    newUuid: Uuid.optional(),
  })
  .strict();
export type CloneSpec = z.infer<typeof CloneSpec>;

export interface ClonePreview {
  xml: string;
  uuid: string;
  macs: { from: string; to: string }[];
  copies: { target: string; from: string; pool: string; name: string; path: string; bytes: number }[];
  notes: string[];
  warnings: string[];
}
