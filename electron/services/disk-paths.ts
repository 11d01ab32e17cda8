/**
 * One disk path, however a definition spells it. An LVM logical volume has two names on a host:
 * /dev/<vg>/<lv> (what libvirt's logical pool reports as the volume's path) and
 * /dev/mapper/<vg>-<lv> (device-mapper's name, with each '-' inside the VG or LV name doubled). A VM
 * whose block disk names the second is a user of the volume named by the first: comparing the text
 * would let `vol-delete` run `lvremove` under it. Other aliases (/dev/dm-N, /dev/disk/by-id/…)
 * cannot be mapped without asking the host and are compared as written.
 */

/** The path with duplicate and trailing slashes gone, and /dev/mapper/<vg>-<lv> as /dev/<vg>/<lv>. */
export function canonicalDiskPath(path: string): string {
  const p = path.replace(/\/{2,}/g, '/').replace(/(.)\/$/, '$1');
  const m = /^\/dev\/mapper\/([^/]+)$/.exec(p);
  if (!m?.[1]) return p;
  // device-mapper joins VG and LV with a single '-' and doubles any '-' inside them.
  const split = /^((?:[^-]|--)+)-((?:[^-]|--)+)$/.exec(m[1]);
  if (!split?.[1] || !split[2]) return p;
  const undouble = (s: string) => s.replace(/--/g, '-');
  return `/dev/${undouble(split[1])}/${undouble(split[2])}`;
}

/** Whether two disk paths name the same disk (see canonicalDiskPath). */
export function sameDiskPath(a: string, b: string): boolean {
  return a === b || canonicalDiskPath(a) === canonicalDiskPath(b);
}
