/**
 * Deleting a VM with its volumes (DomainService.delete) against a fake libvirt (fake-rpc.ts) that
 * answers the definitions, snapshots and volumes captured in the lab (electron/xml/fixtures,
 * snapshots/fixtures/external-memory-running.json): a volume another VM uses is never deleted, and
 * a VM, volume or layer that could not be read is not "uses nothing" — the delete is refused with
 * libvirt's message and nothing is destroyed, undefined or deleted. The domains lab test covers the
 * same on real hosts for a shared disk and a shut-off VM's overlay.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EventHub } from '../core/events';
import { ErrorCode, LibvirtError, TimeoutError } from '../libvirt/errors';
import { fakeRpc } from '../libvirt/fake-rpc';
import * as P from '../libvirt/gen/remote_protocol.gen';
import { type DomainRef, DomainXmlFlags, ListDomainsFlags } from '../libvirt/protocol';
import { EventRelays } from '../libvirt/relay';
import { DomainService } from './domains';
import type { HostManager } from './hosts';
import type { SnapshotFacts } from './snapshots/facts';

const fixture = (f: string) => readFileSync(new URL(f, import.meta.url), 'utf8');
const STOPPED = fixture('../xml/fixtures/lab-stopped.inactive.xml');
const OVERLAY_VOL = fixture('../xml/fixtures/volume-overlay.xml');
const captured = JSON.parse(fixture('./snapshots/fixtures/external-memory-running.json')) as SnapshotFacts;
const snapXml = (n: string) => captured.snapshots.find((s) => s.model.name === n)?.xml as string;
const memFile = (n: string) => captured.snapshots.find((s) => s.model.name === n)?.model.memoryFile as string;

const IMAGES = '/var/lib/libvirt/images';
const OWN = `${IMAGES}/web.qcow2`;
/** The base under the overlay volume-overlay.xml describes (the overlay is `old`'s disk). */
const BASE = `${IMAGES}/xmlfix-base.qcow2`;
const OVERLAY = `${IMAGES}/xmlfix-overlay.qcow2`;

/** A definition like the lab's `stopped`, with this name, uuid and disk (a file, or a pool's volume). */
function vmXml(name: string, uuid: string, disk: string | { pool: string; volume: string }): string {
  const x = STOPPED.replace(/<name>[^<]*<\/name>/, `<name>${name}</name>`).replace(/<uuid>[^<]*<\/uuid>/, `<uuid>${uuid}</uuid>`);
  return typeof disk === 'string'
    ? x.replace(`${IMAGES}/stopped.qcow2`, disk)
    : x
        .replace("<disk type='file'", "<disk type='volume'")
        .replace(/<source file='[^']*'\/>/, `<source pool='${disk.pool}' volume='${disk.volume}'/>`);
}

const web: DomainRef = { name: 'web', uuid: '00000000-0000-4000-8000-00000000000a', id: -1 };
const db: DomainRef = { name: 'db', uuid: '00000000-0000-4000-8000-00000000000b', id: 4 };
const vol: DomainRef = { name: 'vol-user', uuid: '00000000-0000-4000-8000-00000000000c', id: -1 };
const old: DomainRef = { name: 'old', uuid: '00000000-0000-4000-8000-00000000000d', id: -1 };
const XML: Record<string, string> = {
  web: vmXml('web', web.uuid, OWN),
  db: vmXml('db', db.uuid, `${IMAGES}/db.qcow2`),
  'vol-user': vmXml('vol-user', vol.uuid, { pool: 'default', volume: 'data.qcow2' }),
  old: vmXml('old', old.uuid, OVERLAY),
};
const libvirtError = (code: number, message: string) => new LibvirtError({ code, domain: 10, level: 2, message, int1: 0, int2: 0 });
const noVol = (path: string) =>
  libvirtError(ErrorCode.NO_STORAGE_VOL, `Storage volume not found: no storage vol with matching path '${path}'`);
const timeout = (proc: { proc: number }, name: string) => new TimeoutError('lab-a', proc.proc, 0x20008086, 30_000, name);

/**
 * A host with web (shut off; its snapshots s1, s2 with memory files, as captured), db (running; its
 * snapshot "m" names s1's memory file too), vol-user (a type='volume' disk default/data.qcow2) and
 * old (a shut-off VM on an overlay built on BASE: only the overlay's volume tells it).
 */
function host(fail: { xmlOf?: string; volumePath?: Error; overlayRead?: Error; gone?: string; list?: Error; poolXml?: string } = {}) {
  const f = fakeRpc();
  const all = [web, db, vol, old];
  const volumes = new Set([OWN, `${IMAGES}/data.qcow2`, OVERLAY, BASE, memFile('s1'), memFile('s2')]);
  f.answer(P.DOMAIN_LOOKUP_BY_UUID, () => ({ dom: web }));
  f.answer(P.CONNECT_LIST_ALL_DOMAINS, (a: { flags: number }) => {
    if (fail.list) throw fail.list;
    const doms = a.flags & ListDomainsFlags.HAS_SNAPSHOT ? [web, db] : a.flags & ListDomainsFlags.TRANSIENT ? [] : all;
    return { domains: doms, ret: doms.length };
  });
  f.answer(P.DOMAIN_GET_XML_DESC, (a: { dom: DomainRef; flags: number }) => {
    if (a.dom.name === fail.gone)
      throw libvirtError(ErrorCode.NO_DOMAIN, `Domain not found: no domain with matching uuid '${a.dom.uuid}' (${a.dom.name})`);
    if (a.dom.name === fail.xmlOf && a.flags & DomainXmlFlags.INACTIVE) throw timeout(P.DOMAIN_GET_XML_DESC, 'DOMAIN_GET_XML_DESC');
    return { xml: XML[a.dom.name] };
  });
  // web's snapshot facts (the files its snapshots keep) and the memory files other VMs' snapshots name
  f.answer(P.CONNECT_GET_LIB_VERSION, () => ({ lib_ver: 9_000_000n }));
  f.answer(P.DOMAIN_GET_STATE, () => ({ state: 5, reason: 0 }));
  f.answer(P.DOMAIN_HAS_CURRENT_SNAPSHOT, () => ({ result: 0 }));
  f.answer(P.DOMAIN_HAS_MANAGED_SAVE_IMAGE, () => ({ result: 0 }));
  f.answer(P.DOMAIN_LIST_ALL_SNAPSHOTS, (a: { dom: DomainRef }) => {
    const names = a.dom.name === 'web' ? ['s1', 's2'] : ['m'];
    return { snapshots: names.map((name) => ({ name, dom: a.dom })), ret: names.length };
  });
  f.answer(P.DOMAIN_SNAPSHOT_GET_XML_DESC, (a: { snap: { name: string } }) => ({ xml: snapXml(a.snap.name === 'm' ? 's1' : a.snap.name) }));
  f.answer(P.CONNECT_LIST_ALL_STORAGE_POOLS, () => ({ pools: [], ret: 0 }));
  const pool = { name: 'default', uuid: '00000000-0000-4000-8000-0000000000ff' };
  f.answer(P.STORAGE_POOL_LOOKUP_BY_NAME, () => ({ pool }));
  f.answer(P.STORAGE_POOL_GET_XML_DESC, () => ({ xml: fail.poolXml ?? '' }));
  f.answer(P.STORAGE_POOL_GET_INFO, () => ({ state: 2, capacity: 1n << 34n, allocation: 1n << 30n, available: 1n << 33n }));
  f.answer(P.STORAGE_POOL_LIST_ALL_VOLUMES, () => ({ vols: [], ret: 0 }));
  // volumes
  f.answer(P.STORAGE_VOL_LOOKUP_BY_PATH, (a: { path: string }) => {
    if (!volumes.has(a.path)) throw noVol(a.path);
    return { vol: { pool: 'default', name: a.path.slice(IMAGES.length + 1), key: a.path } };
  });
  f.answer(P.STORAGE_VOL_GET_XML_DESC, (a: { vol: { key: string } }) => {
    if (a.vol.key === OVERLAY) {
      if (fail.overlayRead) throw fail.overlayRead;
      return { xml: OVERLAY_VOL };
    }
    return { xml: `<volume><name>x</name><target><path>${a.vol.key}</path></target></volume>` };
  });
  // (the older reader looked the volume up by name first)
  f.answer(P.STORAGE_VOL_LOOKUP_BY_NAME, (a: { pool: { name: string }; name: string }) => {
    if (fail.volumePath) throw fail.volumePath;
    return { vol: { pool: a.pool.name, name: a.name, key: `${IMAGES}/${a.name}` } };
  });
  f.answer(P.STORAGE_VOL_GET_PATH, (a: { vol: { pool: string; name: string } }) => {
    if (fail.volumePath) throw fail.volumePath;
    return { name: `${IMAGES}/${a.vol.name}` };
  });
  // the delete itself
  f.answer(P.CONNECT_GET_ALL_DOMAIN_STATS, () => ({
    retStats: [
      {
        dom: web,
        params: [
          { field: 'state.state', type: 1, value: 5 },
          { field: 'vcpu.current', type: 2, value: 1 },
          { field: 'balloon.maximum', type: 4, value: 196_608n },
        ],
      },
    ],
  }));
  f.answer(P.DOMAIN_DESTROY, () => undefined);
  f.answer(P.DOMAIN_UNDEFINE_FLAGS, () => undefined);
  f.answer(P.STORAGE_VOL_DELETE, () => undefined);
  const hosts = { on: () => hosts, connection: () => ({ rpc: f.rpc }), connectedIds: () => ['a'] } as unknown as HostManager;
  const service = new DomainService(hosts, new EventHub(), new EventRelays());
  const del = (deleteVolumes: string[]) => service.delete('a', web.uuid, 'web', deleteVolumes);
  /** What the delete changed on the host: undefines and volume deletes. */
  const changed = () => f.count(P.DOMAIN_UNDEFINE_FLAGS) + f.count(P.DOMAIN_DESTROY) + f.count(P.STORAGE_VOL_DELETE);
  return { f, del, changed };
}

describe('deleting a VM with its volumes', () => {
  it('every other VM read (live and next boot, volumes resolved, chains from the volumes): its own disk goes with it', async () => {
    const h = host();
    expect(await h.del([OWN])).toEqual({ deletedVolumes: [OWN] });
    expect(h.f.count(P.STORAGE_VOL_DELETE)).toBe(1);
    expect(h.f.count(P.DOMAIN_UNDEFINE_FLAGS)).toBe(1);
    // db runs: live and next boot; the shut-off ones: next boot only; web itself: its own definition, not as another VM
    const reads = h.f.calls
      .filter((c) => c.proc === P.DOMAIN_GET_XML_DESC.proc)
      .map((c) => {
        const a = c.args as { dom: DomainRef; flags: number };
        return `${a.dom.name} ${a.flags & DomainXmlFlags.INACTIVE ? 'next boot' : 'live'}`;
      });
    expect(reads.sort()).toEqual(['db live', 'db next boot', 'old next boot', 'vol-user next boot', 'web live']);
    expect(h.f.count(P.STORAGE_VOL_GET_PATH)).toBe(1);
  });

  it('a pool volume two VMs name is asked for its path once (one resolve cache for the whole read)', async () => {
    XML.old = vmXml('old', old.uuid, { pool: 'default', volume: 'data.qcow2' });
    try {
      const h = host();
      expect(await h.del([OWN])).toEqual({ deletedVolumes: [OWN] });
      expect(h.f.count(P.STORAGE_VOL_GET_PATH)).toBe(1);
    } finally {
      XML.old = vmXml('old', old.uuid, OVERLAY);
    }
  });

  it('a volume another VM uses — as its pool volume disk, or under its overlay (only its volume tells it) — is refused, naming the VM; nothing deleted', async () => {
    for (const [path, user] of [
      [`${IMAGES}/data.qcow2`, 'vol-user'],
      [BASE, 'old'],
    ] as const) {
      const h = host();
      // web's own disk set to the shared file, so it passes the "own disk" check
      XML.web = vmXml('web', web.uuid, path);
      try {
        await expect(h.del([path])).rejects.toMatchObject({
          code: 'disk-shared',
          message: `Not deleted: ${path} is also a disk of ${user}`,
          hint: expect.stringMatching(/^Nothing was deleted/),
        });
      } finally {
        XML.web = vmXml('web', web.uuid, OWN);
      }
      expect(h.changed()).toBe(0);
    }
  });

  it('a VM undefined meanwhile (NO_DOMAIN) is gone: left out, the delete goes on', async () => {
    const h = host({ gone: 'db' });
    expect(await h.del([OWN])).toEqual({ deletedVolumes: [OWN] });
  });

  const internal = libvirtError(
    ErrorCode.INTERNAL_ERROR,
    'internal error: cannot acquire state change lock (held by monitor=remoteDispatchDomainBlockJobAbort)',
  );
  it.each([
    { fail: { xmlOf: 'db' }, what: 'the disks of db', msg: 'DOMAIN_GET_XML_DESC' },
    { fail: { volumePath: internal }, what: 'the disks of vol-user (volume data.qcow2 of pool default)', msg: internal.message },
    {
      fail: { volumePath: timeout(P.STORAGE_VOL_GET_PATH, 'STORAGE_VOL_GET_PATH') },
      what: 'the disks of vol-user (volume data.qcow2 of pool default)',
      msg: 'no reply to STORAGE_VOL_GET_PATH',
    },
    { fail: { overlayRead: internal }, what: `what ${OVERLAY} is built on`, msg: internal.message },
    {
      fail: { list: timeout(P.CONNECT_LIST_ALL_DOMAINS, 'CONNECT_LIST_ALL_DOMAINS') },
      what: "the list of the host's VMs",
      msg: 'no reply to CONNECT_LIST_ALL_DOMAINS',
    },
  ])("any other failure refuses the delete with libvirt's message and a hint, nothing changed: $what ($msg)", async (c) => {
    const h = host(c.fail);
    const err = await h.del([OWN]).then(
      () => null,
      (e: unknown) => e as { code: string; message: string; hint: string },
    );
    expect(err?.code).toBe('libvirt');
    expect(err?.message).toContain(`Could not read ${c.what} to check that no other VM uses the volumes: `);
    expect(err?.message).toContain(c.msg);
    expect(err?.hint).toMatch(/^Nothing was deleted\. .*virsh dumpxml/);
    expect(h.changed()).toBe(0);
  });

  it("a memory state file another VM's snapshot names is refused, even ticked from a stale list; the VM's own memory file may go", async () => {
    const h = host();
    // db's snapshot "m" names s1's memory file (as after a copy of web's snapshot metadata)
    await expect(h.del([OWN, memFile('s1')])).rejects.toMatchObject({
      code: 'invalid-input',
      message: `Not a disk of web: ${memFile('s1')}`,
      hint: expect.stringMatching(/^Nothing was deleted/),
    });
    expect(h.changed()).toBe(0);
    const ok = host();
    expect(await ok.del([OWN, memFile('s2')])).toEqual({ deletedVolumes: [OWN, memFile('s2')] });
  });

  describe('a pool volume disk of another VM in an inactive pool (review 8 item 4)', () => {
    const inactive = libvirtError(ErrorCode.OPERATION_INVALID, "Requested operation is not valid: storage pool 'default' is not active");
    const dirPool = `<pool type='dir'><name>default</name><target><path>${IMAGES}/</path></target></pool>`;
    // Before: a dir pool's file was skipped (deleted under the other VM); any VM on an inactive logical pool refused every delete on the host.
    it.each([
      { pool: 'a dir pool (its target directory + the volume)', poolXml: dirPool, path: `${IMAGES}/data.qcow2` },
      {
        pool: 'a logical pool (review 10 item 4: <target path>/<lv>)',
        poolXml: "<pool type='logical'><name>default</name><source><name>vg0</name></source><target><path>/dev/vg0</path></target></pool>",
        path: '/dev/vg0/data.qcow2',
      },
    ])(
      '$pool: its file counts as that VM’s, so deleting it with this VM is refused; deleting another file goes on',
      async ({ poolXml, path }) => {
        const h = host({ volumePath: inactive, poolXml });
        XML.web = vmXml('web', web.uuid, path);
        try {
          await expect(h.del([path])).rejects.toMatchObject({
            code: 'disk-shared',
            message: `Not deleted: ${path} is also a disk of vol-user`,
          });
        } finally {
          XML.web = vmXml('web', web.uuid, OWN);
        }
        expect(h.changed()).toBe(0);
        expect(await host({ volumePath: inactive, poolXml }).del([OWN])).toEqual({ deletedVolumes: [OWN] });
      },
    );

    it('a pool whose volumes’ paths only the started pool knows (iscsi): refused, naming the VM, the volume and the pool; nothing changed', async () => {
      const h = host({
        volumePath: inactive,
        poolXml:
          "<pool type='iscsi'><name>default</name><source><host name='192.0.2.1'/><device path='iqn.2000-01.invalid:x'/></source><target><path>/dev/disk/by-path</path></target></pool>",
      });
      const err = await h.del([OWN]).then(
        () => null,
        (e: unknown) => e as { code: string; message: string; hint: string },
      );
      expect(err?.message).toMatch(
        /^Could not read the disks of vol-user \(volume data\.qcow2 of pool default\) to check .*: Could not tell the path of volume “data\.qcow2” of the inactive iscsi pool “default” .*: Requested operation is not valid/,
      );
      expect(err?.hint).toMatch(/^Nothing was deleted/);
      expect(h.changed()).toBe(0);
    });
  });
});
