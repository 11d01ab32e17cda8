/** Network install trees: where a tree keeps its installer kernel + initrd (virt-install's layouts). Pure. */
import type { InstallSpec } from '../../../shared/api';

export interface TreeLayout {
  kernel: string;
  initrd: string;
  cmdline?: (url: string) => string;
}

export const TREE_LAYOUTS: readonly TreeLayout[] = [
  { kernel: 'images/pxeboot/vmlinuz', initrd: 'images/pxeboot/initrd.img', cmdline: (u) => `inst.repo=${u}` },
  {
    kernel: 'main/installer-amd64/current/images/netboot/debian-installer/amd64/linux',
    initrd: 'main/installer-amd64/current/images/netboot/debian-installer/amd64/initrd.gz',
  },
  { kernel: 'boot/x86_64/loader/linux', initrd: 'boot/x86_64/loader/initrd', cmdline: (u) => `install=${u}` },
  { kernel: 'linux', initrd: 'initrd.gz' },
  { kernel: 'vmlinuz', initrd: 'initrd.img' },
];

type UrlSource = Extract<InstallSpec['source'], { kind: 'url' }>;

export function urlJoin(base: string, rel: string): string {
  return new URL(rel, base.endsWith('/') ? base : `${base}/`).toString();
}

/** The layouts to probe: the paths given (one missing: its usual name), else every known layout. */
export function treeCandidates(src: UrlSource): readonly TreeLayout[] {
  return src.kernel || src.initrd ? [{ kernel: src.kernel ?? 'vmlinuz', initrd: src.initrd ?? 'initrd.img' }] : TREE_LAYOUTS;
}

/**
 * Which kernel + initrd of the tree to fetch: the given paths, else the first candidate whose two
 * URLs answered the host's probe; none answered: the first candidate, with a warning.
 */
export function treeLayout(src: UrlSource, answered: readonly string[], host: string): { layout: TreeLayout; warning?: string } {
  if (src.kernel && src.initrd) return { layout: { kernel: src.kernel, initrd: src.initrd } };
  const candidates = treeCandidates(src);
  const ok = new Set(answered);
  const found = candidates.find((c) => ok.has(urlJoin(src.url, c.kernel)) && ok.has(urlJoin(src.url, c.initrd)));
  if (found) return { layout: found };
  return {
    layout: candidates[0] ?? { kernel: 'vmlinuz', initrd: 'initrd.img' },
    warning: `${host} found no installer kernel + initrd under ${src.url} (tried ${candidates.map((c) => c.kernel).join(', ')}): give their paths in the tree.`,
  };
}
