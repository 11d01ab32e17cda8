/** Hosts: how to reach one (spec, auth, jump host), its connection state, what it reports, prompts while connecting. */
import { z } from 'zod';
import { type ApiError, HostAddress, type HostId, LibvirtUri } from './common';

/** A user name on the host, as ssh takes it. */
export const SshUser = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[a-z_][a-z0-9_.-]*\$?$/i, 'Not a valid user name');

const hop = String.raw`(?:[a-z_][a-z0-9_.-]*@)?(?:\[[0-9a-f:.]+\]|[a-z0-9][a-z0-9._-]*)(?::\d{1,5})?`;
/** OpenSSH's ProxyJump: `[user@]host[:port]`, comma-separated for a chain (reached in that order). */
export const JumpHost = z
  .string()
  .max(512, 'The jump host is too long')
  .regex(new RegExp(`^${hop}(?:,${hop})*$`, 'i'), 'A jump host is [user@]host[:port], comma-separated for a chain');

export const HostAuth = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('agent') }).strict(),
  z.object({ kind: z.literal('key'), path: z.string().min(1).max(4096) }).strict(),
  /** The password itself is never stored in web mode, and only via safeStorage in Electron. */
  z.object({ kind: z.literal('password'), password: z.string().max(1024).optional() }).strict(),
]);
export type HostAuth = z.infer<typeof HostAuth>;

export const HostSpec = z
  .object({
    name: z.string().min(1).max(64),
    /** 'ssh' = qemu+ssh; 'local' = this computer's libvirtd unix socket. */
    transport: z.enum(['ssh', 'local']),
    address: HostAddress.optional(),
    port: z.number().int().min(1).max(65535).optional(),
    user: SshUser.optional(),
    auth: HostAuth.optional(),
    /** Reach the host through this SSH jump host (ProxyJump); without it, ~/.ssh/config's ProxyJump applies. */
    jump: JumpHost.optional(),
    /** Connect when Vireo starts (virt-manager's "Autoconnect"). */
    autoconnect: z.boolean().optional(),
    /** libvirt URI on the host, e.g. qemu:///system. */
    uri: LibvirtUri.default('qemu:///system'),
  })
  .strict()
  .superRefine((h, ctx) => {
    if (h.transport === 'ssh' && !h.address) ctx.addIssue({ code: 'custom', message: 'An SSH host needs an address', path: ['address'] });
  });
export type HostSpec = z.infer<typeof HostSpec>;

export type HostStatus =
  | { status: 'disconnected' }
  | { status: 'connecting' }
  | { status: 'connected'; since: number }
  | { status: 'reconnecting'; reason: string; attempt: number }
  | { status: 'failed'; error: ApiError };

export interface HostInfo {
  id: HostId;
  /** The saved spec without secrets (a key file's path is not a secret). */
  spec: Omit<HostSpec, 'auth'> & { auth?: { kind: HostAuth['kind']; path?: string } };
  state: HostStatus;
  /** Filled once connected. */
  hostname?: string;
  libvirtVersion?: string;
  hypervisorVersion?: string;
  /** A password is held for this host: saved encrypted ('os') or only until the app quits ('session'). */
  password?: SecretPlacement['where'];
}

export interface StoragePoolSummary {
  name: string;
  uuid: string;
  state: 'inactive' | 'building' | 'running' | 'degraded' | 'inaccessible';
  type?: string;
  path?: string;
  capacity: number;
  allocation: number;
  available: number;
  autostart?: boolean;
}

export interface NetworkSummary {
  name: string;
  uuid: string;
  active: boolean;
  bridge?: string;
  forward?: string;
}

export interface HostDetails {
  id: HostId;
  hostname: string;
  libvirtVersion: string;
  hypervisorVersion: string;
  uri: string;
  cpu: { arch: string; model: string; mhz: number; cpus: number; sockets: number; cores: number; threads: number; nodes: number };
  /** freeBytes is absent where the driver cannot tell (libvirt's test driver). */
  memory: { totalKiB: number; freeBytes?: number };
  pools: StoragePoolSummary[];
  networks: NetworkSummary[];
}

export interface AppInfo {
  version: string;
  mode: 'electron' | 'web';
  /** A local libvirtd socket exists on the backend's machine. */
  localLibvirt: boolean;
  /** Where a password given for a host is kept. */
  secrets: SecretPlacement;
  /** What was wrong at start (e.g. a corrupt hosts.json set aside), to show the admin once. */
  startupWarnings: StartupWarning[];
}

/**
 * 'os': on disk, encrypted by the OS keychain. 'session': in memory until the app quits (web
 * mode, or no OS keychain: Linux's basic_text fallback is plain text with a fixed key).
 */
export interface SecretPlacement {
  where: 'os' | 'session';
  /** Why not on disk, in the admin's words. */
  why?: string;
}

export interface StartupWarning {
  code: string;
  message: string;
  hint?: string;
}

/** Something the backend must ask the user while connecting (never an external askpass). */
export type Prompt =
  | { id: string; kind: 'host-key'; hostId: HostId; host: string; port: number; keyType: string; fingerprint: string }
  | { id: string; kind: 'password'; hostId: HostId; user: string; host: string; message: string };
