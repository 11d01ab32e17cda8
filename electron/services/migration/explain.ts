/**
 * Why a migration failed, in the admin's words: libvirt's own message kept, and what to do next.
 * No I/O. The error is told apart by its class (libvirt/errors.ts guards) and libvirt's error
 * code; the message text is read only as a last resort, for the causes libvirt reports under a
 * generic code (SYSTEM_ERROR for a failed ssh of the source daemon, OPERATION_FAILED or
 * INTERNAL_ERROR for an existing domain or a wrong-sized volume) and for the link error's origin
 * (which proxy ended), where no code exists.
 */
import { ErrorCode, isLibvirtError, isLinkError } from '../../libvirt/errors';
import type { MigrationStep } from '../../libvirt/migration';

const STEP_WORDS: Record<MigrationStep, string> = {
  begin: 'starting on the source',
  prepare: 'preparing the destination',
  perform: 'transferring',
  finish: 'starting the guest on the destination',
  confirm: 'confirming on the source',
};

/** libvirt's error code of `err` (undefined when it is not a libvirt error). */
export function libvirtCode(err: unknown): number | undefined {
  return isLibvirtError(err) ? err.code : undefined;
}

/** Codes libvirt uses for many different causes: the message says which (see below). */
const GENERIC_CODES: ReadonlySet<number> = new Set([ErrorCode.INTERNAL_ERROR, ErrorCode.OPERATION_FAILED, ErrorCode.SYSTEM_ERROR]);

export interface ExplainContext {
  step: MigrationStep | undefined;
  A: string;
  B: string;
  name: string;
  canceled: boolean;
  transport: string | undefined;
}

export interface Explained {
  message: string;
  hint: string;
  /** A host whose libvirtd must be fixed first (it stopped while SSH to it works). */
  hostToFix?: string;
}

function hintsFor(c: ExplainContext): Partial<Record<number, string>> {
  return {
    [ErrorCode.CPU_INCOMPATIBLE]: `${c.B}'s CPU cannot run this guest's CPU model: pick another destination, or change the VM's CPU to a model both hosts have.`,
    [ErrorCode.MIGRATE_UNSAFE]:
      'libvirt considers the storage unsafe to share: use Copy disks, or put the disks on storage libvirt knows as shared.',
    [ErrorCode.NO_STORAGE_POOL]: `Pick a pool on ${c.B} for the copied disks, or define a pool at the disks' directory on ${c.B}.`,
    [ErrorCode.AUTH_FAILED]: `${c.A} could not log in to ${c.B}: check ${c.A}'s SSH keys for the destination URI, or use Direct.`,
    [ErrorCode.NO_CONNECT]: `${c.A} could not reach ${c.B}'s libvirt: check the URI, routing and SSH keys, or use Direct.`,
    [ErrorCode.OPERATION_TIMEOUT]: `${c.B} did not answer in time: check the link between the hosts and try again.`,
    [ErrorCode.DOM_EXIST]: `${c.B} already has this VM: remove the stale definition there (the wizard offers it) or migrate under a new name.`,
    [ErrorCode.OPERATION_FAILED]: 'See libvirt’s message above; the VM was kept where it runs.',
  };
}

/**
 * The last resort: libvirt's text, for causes it reports under a generic code (or an error that
 * is not libvirt's). Each pattern names the code whose hint applies.
 */
const TEXT_RULES: readonly [RegExp, number | 'size'][] = [
  [/storage pool|target path/i, ErrorCode.NO_STORAGE_POOL],
  [/different sizes|size.*mismatch|too small/i, 'size'],
  [/No route to host|Connection refused|Connection timed out|Name or service not known|Could not resolve/i, ErrorCode.NO_CONNECT],
  [/Permission denied|publickey|Authentication/i, ErrorCode.AUTH_FAILED],
  [/already exists with uuid|already defined with uuid|already exists/i, ErrorCode.DOM_EXIST],
];

/** libvirt's message, and what to do next, in the admin's words. */
export function explain(err: Error, c: ExplainContext): Explained {
  const raw = err?.message ?? String(err);
  const at = c.step ? ` while ${STEP_WORDS[c.step]}` : '';
  if (c.canceled) return { message: 'Cancelled.', hint: 'Nothing was deleted; start it again when you are ready.' };
  if (isLinkError(err)) {
    // SSH still works but the proxy to libvirtd's socket ended: the daemon stopped. Which host and
    // which proxy are only in the message (the link error has no code).
    const who = /^(.+?)(?: \(transfer\))?: connection closed/.exec(raw)?.[1];
    if (who && /libvirt proxy|virt-ssh-helper|libvirt-sock/i.test(raw)) {
      return {
        message: `The link to a host dropped${at}: ${raw}.`,
        hint: `libvirtd on ${who} stopped answering while SSH to it still works: check libvirtd there (systemctl status libvirtd), then migrate again. Vireo reconnects to ${who} by itself once libvirtd is back.`,
        hostToFix: who,
      };
    }
    return {
      message: `The link to a host dropped${at}: ${raw}.`,
      hint:
        c.transport === 'p2p'
          ? `A peer-to-peer migration goes on on ${c.A} without Vireo: once reconnected, Vireo follows it again.`
          : `A direct migration needs Vireo's links to both hosts until it ends: try again, or use peer-to-peer so that ${c.A} drives it.`,
    };
  }
  const hints = hintsFor(c);
  const code = libvirtCode(err);
  const message = `Migration of ${c.name} failed${at}: ${raw}.`.replace(/\.\.$/, '.');
  // 1. A specific code says it all.
  if (code !== undefined && !GENERIC_CODES.has(code) && hints[code]) return { message, hint: hints[code] as string };
  // 2. A generic code (or not libvirt's): the text, first rule that matches.
  for (const [re, to] of TEXT_RULES) {
    if (!re.test(raw)) continue;
    const hint =
      to === 'size'
        ? `The volume waiting on ${c.B} has the wrong size: remove it there (or resize it to the disk's size) and try again.`
        : (hints[to] as string);
    return { message, hint };
  }
  // 3. The generic code's own hint, else the general one.
  return {
    message,
    hint:
      (code !== undefined ? hints[code] : undefined) ??
      'Read libvirt’s message above; nothing was deleted. Fix the cause and start the migration again.',
  };
}
