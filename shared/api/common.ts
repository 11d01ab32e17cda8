/**
 * The primitive validators every feature's schemas are built from (names, ids, UUIDs, MACs, disk
 * targets, paths, addresses), and the error/result shapes every reply uses. One rule per kind of
 * value: a feature file never writes its own regex for one of these.
 */
import { z } from 'zod';

const hasControl = (s: string) => [...s].some((c) => c.charCodeAt(0) < 0x20);

/** A name libvirt would accept for a domain/pool/volume; the UI shows it verbatim. */
export const ObjectName = z
  .string()
  .min(1, 'Name is empty')
  .max(1024, 'Name is longer than 1024 characters')
  .refine((s) => !s.includes('/'), 'Name must not contain "/"')
  .refine((s) => !hasControl(s), 'Name must not contain control characters');

export const HostId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'Invalid host id');
export type HostId = z.infer<typeof HostId>;

/** An address we will open SSH to: a DNS name or an IP, nothing a shell could misread. */
export const HostAddress = z
  .string()
  .min(1, 'Address is empty')
  .max(253, 'Address is too long')
  .regex(/^[A-Za-z0-9][A-Za-z0-9.:_-]*$/, 'Address may contain only letters, digits, ".", ":", "-", "_"');

/** libvirt's UUID as it prints it: lower-case hex, 8-4-4-4-12. */
export const Uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'Not a UUID');

/** A MAC address of an existing NIC, either case. */
export const MacAddress = z.string().regex(/^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/, 'Not a MAC address');
/** A MAC address to give a new NIC: lower case, as libvirt prints it. */
export const NewMacAddress = z.string().regex(/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/, 'Not a MAC address (lower case, colons)');

/** A disk's guest device name as a QoS request names it (vda, sdb, hdc …). */
export const DiskTarget = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'Not a disk target like vda');
/** A disk's guest device name as a clone spec names it. */
export const CloneDiskTarget = z.string().regex(/^[a-z]{2,4}[a-z0-9]{0,8}$/, 'Not a disk target like vda');

/** A new volume's file name (emulated USB disk): plain file-name characters only. */
export const VolumeFileName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, 'Use letters, digits, ".", "_" and "-" (up to 128)');
/** A volume the install and clone wizards create: plain file-name characters (the file lands in a pool's directory). */
export const NewVolumeName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$/, 'Use letters, digits, ".", "_", "+" and "-" (up to 128)');

/** An absolute path on a host. */
export const AbsPath = z
  .string()
  .min(2)
  .max(4096)
  .regex(/^\//, 'Must be an absolute path on the host')
  .refine((s) => !hasControl(s), 'Must not contain control characters');

/** Free text on one line (a kernel command line). */
export const OneLine = z
  .string()
  .max(4096)
  .refine((s) => !hasControl(s), 'Must not contain control characters');

/** A libvirt node device name (usb_1_3). */
export const NodeDeviceName = z.string().regex(/^[A-Za-z0-9_.:-]{1,256}$/, 'Not a node device name');

/** A job id as the backend hands it out. */
export const JobId = z.string().min(1).max(64);

export const emptyInput = z.object({}).strict();
export const hostRef = z.object({ hostId: HostId }).strict();
export const domainRef = z.object({ hostId: HostId, uuid: Uuid }).strict();

export interface ApiError {
  /** 'invalid-input' | 'libvirt' | 'ssh' | 'not-found' | 'timeout' | 'internal' … */
  code: string;
  message: string;
  /** What to try next, in the admin's words. */
  hint?: string;
  /** libvirt's own error numbers when the error came from libvirt. */
  libvirt?: { code: number; domain: number };
  /** Schema issues for invalid input. */
  issues?: { path: string; message: string }[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };
