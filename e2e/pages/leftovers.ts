/**
 * Removes what a spec made on the lab hosts, by name prefix. `lab.sh reset` splits domain names on
 * white space, so a VM named with spaces or quotes (which these specs make on purpose) must be
 * removed by name, with argument arrays, before the reset.
 */
import { virshOn } from '../lab/lab';

export async function removeDomains(prefix: string): Promise<string[]> {
  const removed: string[] = [];
  for (const host of ['A', 'B'] as const) {
    const names = (await virshOn(host, ['list', '--all', '--name'])).split('\n').map((s) => s.trim());
    for (const name of names.filter((n) => n.startsWith(prefix))) {
      await virshOn(host, ['destroy', name]).catch(() => {});
      await virshOn(host, ['undefine', '--nvram', '--snapshots-metadata', name]);
      removed.push(`${host}:${name}`);
    }
  }
  return removed;
}
