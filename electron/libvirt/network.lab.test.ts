// network.ts against lab host A, compared with virsh.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenHost, openHost, virsh } from './lab-fixture';
import { networkGetXmlDesc, networkListAll, networkLookupByName } from './network';
import { ListNetworksFlags, NetworkXmlFlags } from './protocol';

let A: OpenHost;
beforeAll(async () => {
  A = await openHost('A');
});
afterAll(async () => A?.close());

describe('networks on host A', () => {
  it('list all matches virsh net-list --all, XML matches net-dumpxml', async () => {
    const nets = await networkListAll(A.rpc);
    const names = (await virsh('A', ['net-list', '--all', '--name']))
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    expect(nets.map((n) => n.name).sort()).toEqual(names.sort());
    expect(nets.length).toBeGreaterThan(0);
    for (const n of nets) {
      expect(n.uuid).toBe((await virsh('A', ['net-uuid', n.name])).trim());
      expect((await networkGetXmlDesc(A.rpc, n)).trim()).toBe((await virsh('A', ['net-dumpxml', n.name])).trim());
      expect((await networkGetXmlDesc(A.rpc, n, { flags: NetworkXmlFlags.INACTIVE })).trim()).toBe(
        (await virsh('A', ['net-dumpxml', '--inactive', n.name])).trim(),
      );
      expect(await networkLookupByName(A.rpc, n.name)).toEqual(n);
    }
  });

  it('filters by flags like virsh', async () => {
    const inactive = await networkListAll(A.rpc, {
      flags: ListNetworksFlags.INACTIVE,
    });
    const names = (await virsh('A', ['net-list', '--inactive', '--name']))
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    expect(inactive.map((n) => n.name).sort()).toEqual(names.sort());
  });
});
