/**
 * Which domains use a disk: read from their definitions (no I/O here). A volume is only deleted
 * with a VM when no other domain on the host uses it — as its disk, or anywhere in a disk's
 * backing chain (an overlay built on it).
 */
import type { DiskSource } from '../xml/model';
import { parseDomain } from '../xml/parse';
import { parseVolume } from '../xml/volume';
import { sameDiskPath } from './disk-paths';

export interface DiskRefs {
  /** Host paths: file and block sources, with their backing chains. */
  paths: string[];
  /** Disks of type 'volume' (resolved to paths by the caller, on the host). */
  volumes: { pool: string; volume: string }[];
}

/** Every disk source in a domain definition, backing chains included. */
export function diskRefsOf(xml: string): DiskRefs {
  const paths: string[] = [];
  const volumes: DiskRefs['volumes'] = [];
  const add = ({ file, dev, pool, volume }: DiskSource) => {
    const p = file ?? dev;
    if (p) paths.push(p);
    if (pool && volume) volumes.push({ pool, volume });
  };
  for (const d of parseDomain(xml).disks) {
    if (d.source) add(d.source);
    for (const b of d.backingChain) add(b.source);
  }
  return { paths, volumes };
}

/** The backing file a volume's XML names (`<backingStore><path>`), if any. */
export function backingOf(volumeXml: string): string | undefined {
  return parseVolume(volumeXml).backingStore?.path;
}

/** For each of `paths`, the other domains that use it (only paths with users). */
export function otherUsers(paths: readonly string[], others: readonly { name: string; paths: readonly string[] }[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of paths) {
    const names = [...new Set(others.filter((o) => o.paths.some((q) => sameDiskPath(q, p))).map((o) => o.name))].sort();
    if (names.length) out.set(p, names);
  }
  return out;
}
