/**
 * Which domains use a disk: read from their definitions (no I/O here). A volume is only deleted
 * with a VM when no other domain on the host uses it — as its disk, or anywhere in a disk's
 * backing chain (an overlay built on it).
 */
import { attr, children, type Element, parseXml } from '../xml/dom';

export interface DiskRefs {
  /** Host paths: file and block sources, with their backing chains. */
  paths: string[];
  /** Disks of type 'volume' (resolved to paths by the caller, on the host). */
  volumes: { pool: string; volume: string }[];
}

/** Every disk source in a domain definition, backing chains included. */
export function diskRefsOf(xml: string): DiskRefs {
  const root = parseXml(xml, 'the domain XML').documentElement;
  const paths: string[] = [];
  const volumes: DiskRefs['volumes'] = [];
  const visit = (el: Element) => {
    for (const src of children(el, 'source')) {
      const p = attr(src, 'file') ?? attr(src, 'dev');
      if (p) paths.push(p);
      const pool = attr(src, 'pool');
      const volume = attr(src, 'volume');
      if (pool && volume) volumes.push({ pool, volume });
    }
    for (const b of children(el, 'backingStore')) visit(b);
  };
  for (const devices of root ? children(root, 'devices') : []) for (const d of children(devices, 'disk')) visit(d);
  return { paths, volumes };
}

/** The backing file a volume's XML names (`<backingStore><path>`), if any. */
export function backingOf(volumeXml: string): string | undefined {
  const root = parseXml(volumeXml, 'the volume XML').documentElement;
  const b = root ? children(root, 'backingStore')[0] : undefined;
  const p = b ? children(b, 'path')[0]?.textContent?.trim() : undefined;
  return p || undefined;
}

/** For each of `paths`, the other domains that use it (only paths with users). */
export function otherUsers(paths: readonly string[], others: readonly { name: string; paths: readonly string[] }[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of paths) {
    const names = [...new Set(others.filter((o) => o.paths.includes(p)).map((o) => o.name))].sort();
    if (names.length) out.set(p, names);
  }
  return out;
}
