/**
 * Names the install and clone wizards propose, shared so that the renderer's suggestion and the
 * backend's check agree. A VM may be called anything libvirt accepts (quotes, "<", "&", letters of
 * any script); the files we create for it get plain file-name characters only.
 */

/** The VM name reduced to file-name characters: `web "prod" <1>` → `web_prod_1_`. */
export function fileBaseName(vmName: string): string {
  const base = vmName
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._+-]+/g, '_')
    .replace(/^[._+-]+/, '')
    .slice(0, 100);
  return base || 'vm';
}

const EXT: Record<string, string> = { qcow2: '.qcow2', raw: '.img', iso: '.iso' };

/** The n-th disk's volume name, like virt-clone: `name.qcow2`, `name-1.qcow2`, … */
export function volumeNameFor(vmName: string, index: number, format: string): string {
  const ext = EXT[format] ?? `.${format.replace(/[^a-z0-9]/gi, '').slice(0, 8) || 'img'}`;
  return `${fileBaseName(vmName)}${index > 0 ? `-${index}` : ''}${ext}`;
}

/** The first of `base`, `base-1`, `base-2` … not in `taken`. */
export function firstFree(
  base: string,
  taken: ReadonlySet<string>,
  join: (base: string, n: number) => string = (b, n) => `${b}-${n}`,
): string {
  if (!taken.has(base)) return base;
  for (let n = 1; ; n++) {
    const c = join(base, n);
    if (!taken.has(c)) return c;
  }
}

/** virt-clone's default name for a clone: `<name>-clone`, then `-clone-1` … */
export function cloneNameFor(source: string, taken: ReadonlySet<string>): string {
  return firstFree(`${source}-clone`, taken);
}

/** A volume name with `-n` before its extension: `a.qcow2` → `a-1.qcow2`. */
export function withSuffix(volume: string, n: number): string {
  const dot = volume.lastIndexOf('.');
  return dot > 0 ? `${volume.slice(0, dot)}-${n}${volume.slice(dot)}` : `${volume}-${n}`;
}
