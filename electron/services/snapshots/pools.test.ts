/**
 * removeFiles and the snapshot facts refresh only the pools that hold the files concerned, in
 * parallel (a pool sees a file libvirt made outside the pool API, a snapshot's overlay or memory
 * file, only after a refresh). Against a fake libvirt (fake-rpc.ts) with three active pools: lab-a's
 * `default` as captured (fixtures/pool-default-lab-a.xml, virsh pool-dumpxml) and two copies of it
 * with another name and directory, one of them with a trailing slash.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ErrorCode, LibvirtError } from '../../libvirt/errors';
import { fakeRpc } from '../../libvirt/fake-rpc';
import * as P from '../../libvirt/gen/remote_protocol.gen';
import type { StoragePoolRef } from '../../libvirt/protocol';
import { removeFiles } from './execute';
import { probeFile, refreshPoolsHolding } from './facts';

const captured = readFileSync(new URL('./fixtures/pool-default-lab-a.xml', import.meta.url), 'utf8');
const IMAGES = '/var/lib/libvirt/images';
const poolXml = (name: string, dir: string) =>
  captured.replace('<name>default</name>', `<name>${name}</name>`).replace(`<path>${IMAGES}</path>`, `<path>${dir}</path>`);
const XML: Record<string, string> = {
  default: captured,
  shared: poolXml('shared', '/tmp/vireo-lab/shared/'),
  iso: poolXml('iso', '/srv/iso'),
};
const uuid = (i: number) => `91899c95-703c-419f-95bd-e1f3906da8c${i}`;

function host(o: { unreadable?: string } = {}) {
  const f = fakeRpc();
  const pools: StoragePoolRef[] = Object.keys(XML).map((name, i) => ({ name, uuid: uuid(i) }));
  let inFlight = 0;
  let most = 0;
  f.answer(P.CONNECT_LIST_ALL_STORAGE_POOLS, () => ({ pools, ret: pools.length }));
  f.answer(P.STORAGE_POOL_GET_XML_DESC, (a: { pool: StoragePoolRef }) => {
    if (a.pool.name === o.unreadable)
      throw new LibvirtError({ code: 1, domain: 18, level: 2, message: 'internal error', int1: 0, int2: 0 });
    return { xml: XML[a.pool.name] };
  });
  f.answer(P.STORAGE_POOL_REFRESH, async () => {
    inFlight++;
    most = Math.max(most, inFlight);
    await new Promise((r) => setTimeout(r, 5));
    inFlight--;
  });
  f.answer(P.STORAGE_VOL_LOOKUP_BY_PATH, (a: { path: string }) => {
    if (a.path.startsWith('/nowhere/'))
      throw new LibvirtError({
        code: ErrorCode.NO_STORAGE_VOL,
        domain: 18,
        level: 2,
        message: 'Storage volume not found: no storage vol with matching path',
        int1: 0,
        int2: 0,
      });
    return { vol: { pool: 'default', name: a.path, key: a.path } };
  });
  f.answer(P.STORAGE_VOL_DELETE, () => undefined);
  f.answer(P.STORAGE_VOL_GET_INFO, () => ({ type: 0, capacity: 1, allocation: 1 }));
  const refreshed = () =>
    f.calls.filter((c) => c.proc === P.STORAGE_POOL_REFRESH.proc).map((c) => (c.args as { pool: StoragePoolRef }).pool.name);
  return { f, refreshed, most: () => most };
}

describe('only the pools holding the files are refreshed, in parallel', () => {
  it('removeFiles: a memory file and an overlay in default refresh default alone (all three were refreshed, one by one)', async () => {
    const h = host();
    const r = await removeFiles(h.f.rpc, [`${IMAGES}/vm.s1.0badc0de.mem`, `${IMAGES}/vm.s1.qcow2`]);
    expect(r).toEqual({ left: [], failed: [] });
    expect(h.refreshed()).toEqual(['default']);
    expect(h.f.count(P.STORAGE_VOL_DELETE)).toBe(2);
  });

  it('files in two pools: both refreshed at once (a trailing slash in the pool path matches); a file in no pool refreshes none', async () => {
    const h = host();
    await refreshPoolsHolding(h.f.rpc, [`${IMAGES}/a.qcow2`, '/tmp/vireo-lab/shared/b.qcow2', '/nowhere/c.mem']);
    expect(h.refreshed().sort()).toEqual(['default', 'shared']);
    expect(h.most()).toBe(2);
    const g = host();
    const r = await removeFiles(g.f.rpc, ['/nowhere/c.mem']);
    expect(r.left).toEqual(['/nowhere/c.mem']);
    expect(g.refreshed()).toEqual([]);
  });

  it('a pool whose definition cannot be read is refreshed anyway (it might hold them); no files, no call', async () => {
    const h = host({ unreadable: 'iso' });
    await refreshPoolsHolding(h.f.rpc, [`${IMAGES}/a.qcow2`]);
    expect(h.refreshed().sort()).toEqual(['default', 'iso']);
    const g = host();
    await removeFiles(g.f.rpc, []);
    expect(g.f.calls).toEqual([]);
  });

  it('probeFile (a memory file about to be written) refreshes only its pool when no pool knows it yet', async () => {
    const h = host();
    expect(await probeFile(h.f.rpc, '/nowhere/x.mem')).toBeNull();
    expect(h.refreshed()).toEqual([]);
    const g = host();
    expect(await probeFile(g.f.rpc, `${IMAGES}/x.mem`)).toEqual({ allocation: 1 });
    expect(g.refreshed()).toEqual([]); // found at once: no refresh at all
  });
});
