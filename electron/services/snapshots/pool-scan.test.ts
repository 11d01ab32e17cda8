/**
 * The pool reading behind "nothing is built on this layer" (readFiles, review 7 item 2): only
 * libvirt's NO_STORAGE_VOL means a volume is gone; any other failed read leaves the scan
 * incomplete, and then no overlay is discarded or merged away and no revert overlay removed.
 * Against a fake libvirt (fake-rpc.ts) serving lab-a's `default` pool as captured in
 * fixtures/revert-branch.json (its `files`), each volume's XML the captured volume-overlay.xml
 * (electron/xml/fixtures) with the path and backing of that file, plus a clone made by hand on
 * e2's overlay (/var/lib/libvirt/images/test.qcow2).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ErrorCode, LibvirtError, TimeoutError } from '../../libvirt/errors';
import { fakeRpc } from '../../libvirt/fake-rpc';
import * as P from '../../libvirt/gen/remote_protocol.gen';
import type { StoragePoolRef, StorageVolRef } from '../../libvirt/protocol';
import { chainFactsOf } from './chain';
import { readFiles, type SnapshotFacts } from './facts';
import { fixture, refusal, snapshotOf } from './facts.fixture';
import { planDeleteByBlockJobs } from './plan';

const captured = fixture('revert-branch');
const branch: SnapshotFacts = { ...captured, otherUsersNextBoot: true };
const e2 = snapshotOf(branch, 'e2').model;
const e2Overlay = e2.disks.find((d) => d.name === 'vda')?.file ?? '';
const r1 = e2.domain?.disks.find((d) => d.target === 'vda')?.path ?? '';
const CLONE = '/var/lib/libvirt/images/test.qcow2';
const volXml = readFileSync(new URL('../../xml/fixtures/volume-overlay.xml', import.meta.url), 'utf8');
const vol = (path: string, backing?: string) => {
  const x = volXml.replaceAll('/var/lib/libvirt/images/xmlfix-overlay.qcow2', path);
  return backing ? x.replace('/var/lib/libvirt/images/xmlfix-base.qcow2', backing) : x.replace(/<backingStore>[\s\S]*<\/backingStore>/, '');
};
const volumes: Record<string, { allocation: number; backing?: string }> = {
  ...captured.files,
  [CLONE]: { allocation: 200704, backing: e2Overlay },
};
const libvirtError = (code: number, message: string) => new LibvirtError({ code, domain: 18, level: 2, message, int1: 0, int2: 0 });
const timeout = () => new TimeoutError('lab-a', P.STORAGE_VOL_GET_XML_DESC.proc, 0x20008086, 30_000, 'STORAGE_VOL_GET_XML_DESC');

/** `xmlFails`: how reading the clone's XML fails; `lookupFails`: how looking up the VM's disk by path fails. */
function host(o: { xmlFails?: Error; lookupFails?: Error } = {}) {
  const f = fakeRpc();
  const pool: StoragePoolRef = { name: 'default', uuid: '91899c95-703c-419f-95bd-e1f3906da8c0' };
  const ref = (path: string): StorageVolRef => ({ pool: 'default', name: path.split('/').pop() ?? path, key: path });
  f.answer(P.STORAGE_VOL_LOOKUP_BY_PATH, (a: { path: string }) => {
    if (o.lookupFails && a.path === branch.domain.disks[0]?.path) throw o.lookupFails;
    if (!volumes[a.path]) throw libvirtError(ErrorCode.NO_STORAGE_VOL, 'Storage volume not found: no storage vol with matching path');
    return { vol: ref(a.path) };
  });
  f.answer(P.CONNECT_LIST_ALL_STORAGE_POOLS, () => ({ pools: [pool], ret: 1 }));
  f.answer(P.STORAGE_POOL_GET_XML_DESC, () => ({
    xml: readFileSync(new URL('./fixtures/pool-default-lab-a.xml', import.meta.url), 'utf8'),
  }));
  f.answer(P.STORAGE_POOL_REFRESH, () => undefined);
  f.answer(P.STORAGE_POOL_LOOKUP_BY_NAME, () => ({ pool }));
  f.answer(P.STORAGE_POOL_GET_INFO, () => ({ state: 2, capacity: 1e12, allocation: 1, available: 235811176448 }));
  f.answer(P.STORAGE_POOL_LIST_ALL_VOLUMES, () => ({ vols: Object.keys(volumes).map(ref), ret: Object.keys(volumes).length }));
  f.answer(P.STORAGE_VOL_GET_XML_DESC, (a: { vol: StorageVolRef }) => {
    if (a.vol.key === CLONE && o.xmlFails) throw o.xmlFails;
    return { xml: vol(a.vol.key, volumes[a.vol.key]?.backing) };
  });
  f.answer(P.STORAGE_VOL_GET_INFO, (a: { vol: StorageVolRef }) => ({
    type: 0,
    capacity: 1,
    allocation: volumes[a.vol.key]?.allocation ?? 0,
  }));
  return f;
}

/** The delete of e2 (reverted away from) as planned from the pool read through `f`. */
async function deleteE2(f: ReturnType<typeof fakeRpc>) {
  const read = await readFiles(f.rpc, branch.domain, branch.snapshots);
  return { read, plan: () => planDeleteByBlockJobs(chainFactsOf({ ...branch, ...read }), 'e2') };
}

describe('the pool reading a snapshot delete relies on (nothing built on a layer)', () => {
  it('all read: the clone on e2’s overlay is seen, the discard refused naming it', async () => {
    const { read, plan } = await deleteE2(host());
    expect(read.filesScanned).toBe(true);
    expect(read.files[CLONE]?.backing).toBe(e2Overlay);
    expect(refusal(plan)).toMatch(/test\.qcow2 is built on .*\.e2 — /);
  });

  it('the clone removed meanwhile (NO_STORAGE_VOL): gone, the scan complete, e2 goes with R1', async () => {
    const gone = libvirtError(ErrorCode.NO_STORAGE_VOL, "Storage volume not found: no storage vol with matching key 'test.qcow2'");
    const { read, plan } = await deleteE2(host({ xmlFails: gone }));
    expect(read.filesScanned).toBe(true);
    expect(read.files[CLONE]).toBeUndefined();
    expect(plan().removeFiles).toEqual([e2Overlay, r1]);
  });

  it('a volume read that times out (or any other error): the scan is incomplete, nothing is discarded, libvirt’s message said', async () => {
    for (const err of [timeout(), libvirtError(1, 'internal error: cannot acquire state change lock')]) {
      const { read, plan } = await deleteE2(host({ xmlFails: err }));
      expect(read.filesScanned).toBe(false);
      expect(read.filesError).toBe(err.message);
      expect(refusal(plan)).toBe(
        `Vireo could not read which files are built on ${e2Overlay} — A volume of its storage pool could not be read (${err.message}): the overlay is kept. Refresh the pool and try again.`,
      );
      // R1 (the revert overlay) is not removed either: the whole delete is refused before any file goes
    }
  });

  it('a file’s lookup failing other than NO_STORAGE_VOL: incomplete too', async () => {
    const { read, plan } = await deleteE2(host({ lookupFails: timeout() }));
    expect(read.filesScanned).toBe(false);
    expect(() => plan()).toThrow(/could not read which files are built on/);
  });

  it('a merge is refused too when a volume read failed (the clone may be built on the layer merged away)', () => {
    const two = fixture('two-external-running');
    const m1 = snapshotOf(two, 'm1').model.disks[0]?.file ?? '';
    const c = chainFactsOf({ ...two, files: {}, filesScanned: false, filesError: 'timed out' });
    expect(refusal(() => planDeleteByBlockJobs(c, 'm1'))).toBe(
      `Vireo could not read which files are built on ${m1} — A volume of its storage pool could not be read (timed out): nothing was merged. Refresh the pool and try again.`,
    );
  });
});
