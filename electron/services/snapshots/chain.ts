/**
 * The facts the snapshot planners read, as plain data (ChainFacts: each disk's chain, the snapshots
 * with their overlays and images, who else uses which file), built from the host's facts
 * (chainFactsOf), and the small questions asked of them (descendants, memory file holders).
 */
import { isRunning, kindOf } from './checks';
import type { SnapshotFacts } from './facts';

/** A disk's chain as the running VM has it: its top layer first. */
export interface DiskChain {
  target: string;
  chain: string[];
}

/** What the planner needs: plain, so the property test generates it. */
export interface ChainFacts {
  running: boolean;
  disks: DiskChain[];
  snapshots: {
    name: string;
    /** Its parent snapshot (the tree); absent for a root. */
    parent?: string;
    kind: 'internal' | 'external';
    /** Per disk target: the overlay created by the snapshot and the image holding its data. */
    disks: { target: string; overlay: string; image: string }[];
    /** Its memory state's file (external with memory): read by nothing else, it goes with the snapshot. */
    memory?: string;
    /** Every file its saved definition and its disks name (also disks it left out); absent: not known. */
    files?: string[];
  }[];
  /** Files the VM's persistent definition (its next boot) names; absent: not read (no revert overlay is removed then). */
  inactive?: string[];
  /** `otherUsers` holds every other VM's next-boot definition too (read on the delete path); else no overlay off the chain is discarded and no revert overlay removed. */
  otherUsersComplete?: boolean;
  /** Images other VMs use: path → their names. */
  otherUsers: Record<string, string[]>;
  /** Other VMs that could not be read (libvirt's message): `otherUsers` lacks their files, so nothing is merged or discarded. */
  otherUsersUnread?: { vm: string; message: string }[];
  /** Memory state files other VMs' snapshots name: path → who (“VM (snapshot “s”)”). */
  memoryUsers?: Record<string, string[]>;
  /**
   * File → the file it is built on, for every volume of the pools involved (the pool's reading).
   * Without it (not read), no overlay off the chain is discarded: something unseen may be built on it.
   */
  backing?: Record<string, string>;
  /** Why `backing` is missing, when a volume read failed: libvirt's message (said in the refusal). */
  backingError?: string;
}

export function chainFactsOf(f: SnapshotFacts): ChainFacts {
  const backing: Record<string, string> = {};
  for (const [p, v] of Object.entries(f.files ?? {})) if (v.backing) backing[p] = v.backing;
  return {
    running: isRunning(f),
    disks: f.domain.disks
      .filter((d) => d.target && d.path)
      .map((d) => {
        const chain = [d.path as string, ...d.backingChain.flatMap((b) => (b.path ? [b.path] : []))];
        // A shut-off VM's definition names only its top file: the rest of the chain as the pool reads it.
        for (let b = backing[chain[chain.length - 1] as string]; b && !chain.includes(b); b = backing[b]) chain.push(b);
        return { target: d.target as string, chain };
      }),
    snapshots: f.snapshots.map(({ model }) => {
      const images = new Map((model.domain?.disks ?? []).map((d) => [d.target ?? '', d.path ?? '']));
      return {
        name: model.name,
        ...(model.parent ? { parent: model.parent } : {}),
        kind: kindOf(model),
        ...(model.memory === 'external' && model.memoryFile ? { memory: model.memoryFile } : {}),
        files: [
          ...(model.domain?.disks ?? []).flatMap((d) => (d.path ? [d.path] : [])),
          ...model.disks.flatMap((d) => (d.file ? [d.file] : [])),
        ],
        disks: model.disks
          .filter((d) => d.snapshot === 'external' && d.file)
          .map((d) => ({ target: d.name, overlay: d.file as string, image: images.get(d.name) ?? '' })),
      };
    }),
    otherUsers: f.otherUsers,
    ...(f.otherUsersNextBoot && !f.otherUsersUnread?.length ? { otherUsersComplete: true } : {}),
    ...(f.otherUsersUnread?.length ? { otherUsersUnread: f.otherUsersUnread } : {}),
    inactive: f.inactive.disks.flatMap((d) => (d.path ? [d.path, ...d.backingChain.flatMap((b) => (b.path ? [b.path] : []))] : [])),
    ...(f.memoryFileUsers ? { memoryUsers: f.memoryFileUsers } : {}),
    // Only a whole reading of the pools tells that nothing else is built on a layer.
    ...(f.files && f.filesScanned !== false ? { backing } : {}),
    ...(f.filesError ? { backingError: f.filesError } : {}),
  };
}

/** The snapshots under `name` (children, theirs …), each after its own descendants, newest first: the order they are deleted in. */
export function descendantsLeafFirst(c: Pick<ChainFacts, 'snapshots'>, name: string): string[] {
  const out: string[] = [];
  const walk = (n: string) => {
    const kids = c.snapshots.filter((x) => x.parent === n).reverse();
    for (const k of kids) {
      walk(k.name);
      out.push(k.name);
    }
  };
  walk(name);
  return out;
}

/** Who else names memory file `file`: this VM's snapshots other than `except`, and other VMs' snapshots on the host. */
export function memoryFileHolders(c: Pick<ChainFacts, 'snapshots' | 'memoryUsers'>, file: string, except: readonly string[]): string[] {
  return [
    ...c.snapshots.filter((x) => x.memory === file && !except.includes(x.name)).map((x) => `snapshot “${x.name}”`),
    ...(c.memoryUsers?.[file] ?? []),
  ];
}
