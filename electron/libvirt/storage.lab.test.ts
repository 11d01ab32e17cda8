// storage.ts against lab host A's 'default' pool, compared with virsh; volume streams round-trip
// random bytes (upload, download, clone). Volumes are named t-proto-* and removed afterwards.
import { randomBytes } from 'node:crypto';
import { finished } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibvirtStream } from './client';
import { ErrorCode } from './errors';
import { type OpenHost, openHost, parseColon, throwawayName, virsh, virshStatus } from './lab-fixture';
import { StoragePoolState, type StorageVolRef, StorageVolType } from './protocol';
import {
  poolGetInfo,
  poolGetXmlDesc,
  poolListAll,
  poolLookupByName,
  poolLookupByUuid,
  poolRefresh,
  volCreateXml,
  volCreateXmlFrom,
  volDelete,
  volDownload,
  volGetInfo,
  volGetPath,
  volGetXmlDesc,
  volListAll,
  volLookupByName,
  volLookupByPath,
  volUpload,
} from './storage';

const SIZE = 1024 * 1024 + 4096; // more than one 256 KiB stream packet, not a multiple of it
let A: OpenHost;
const created: string[] = [];

beforeAll(async () => {
  A = await openHost('A');
});
afterAll(async () => {
  for (const n of created) await virshStatus('A', ['vol-delete', '--pool', 'default', n]);
  await A?.close();
});

async function readAll(st: LibvirtStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of st) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function writeAll(st: LibvirtStream, data: Buffer): Promise<void> {
  st.end(data);
  await finished(st, { readable: false });
}

describe('pools on host A', () => {
  it('list all matches virsh pool-list --all', async () => {
    const pools = await poolListAll(A.rpc);
    const names = (await virsh('A', ['pool-list', '--all', '--name']))
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    expect(pools.map((p) => p.name).sort()).toEqual(names.sort());
  });

  it('lookup, info, XML and refresh of default match virsh', async () => {
    const p = await poolLookupByName(A.rpc, 'default');
    expect(await poolLookupByUuid(A.rpc, p.uuid)).toEqual(p);
    await poolRefresh(A.rpc, p);
    const info = await poolGetInfo(A.rpc, p);
    const v = parseColon(await virsh('A', ['pool-info', '--bytes', 'default']));
    expect(v.UUID).toBe(p.uuid);
    expect(info.state).toBe(StoragePoolState.RUNNING);
    expect(v.State).toBe('running');
    expect(info.capacity).toBe(Number(v.Capacity));
    // Allocation moves when other tests write their disks: same order of magnitude is enough.
    expect(Math.abs(info.allocation - Number(v.Allocation))).toBeLessThan(info.capacity / 100);
    expect(Math.abs(info.available - Number(v.Available))).toBeLessThan(info.capacity / 100);
    const xml = await poolGetXmlDesc(A.rpc, p);
    expect(xml).toContain('<name>default</name>');
    expect(xml.trim().replace(/<(allocation|available)[^>]*>\d+</g, '<$1><')).toBe(
      (await virsh('A', ['pool-dumpxml', 'default'])).trim().replace(/<(allocation|available)[^>]*>\d+</g, '<$1><'),
    );
  });

  it('a missing pool is NO_STORAGE_POOL', async () => {
    await expect(poolLookupByName(A.rpc, 't-proto-no-such-pool')).rejects.toMatchObject({ code: ErrorCode.NO_STORAGE_POOL });
  });
});

describe('volumes in host A default pool', () => {
  const name = `${throwawayName('vol')}.raw`;
  const cloneName = `${throwawayName('clone')}.raw`;
  const data = randomBytes(SIZE);
  let vol: StorageVolRef;

  it('create from XML, listed and described like virsh does', async () => {
    const pool = await poolLookupByName(A.rpc, 'default');
    created.push(name);
    vol = await volCreateXml(A.rpc, pool, {
      xml: `<volume><name>${name}</name><capacity unit='bytes'>${SIZE}</capacity><target><format type='raw'/></target></volume>`,
    });
    expect(vol.name).toBe(name);
    expect(vol.pool).toBe('default');
    const list = await volListAll(A.rpc, pool);
    expect(list).toContainEqual(vol);
    const names = (await virsh('A', ['vol-list', 'default']))
      .split('\n')
      .slice(2)
      .map((l) => l.trim().split(/\s+/)[0])
      .filter(Boolean);
    expect(list.map((v) => v.name).sort()).toEqual(names.sort());

    const path = await volGetPath(A.rpc, vol);
    expect(path).toBe((await virsh('A', ['vol-path', '--pool', 'default', name])).trim());
    expect(await volLookupByPath(A.rpc, path)).toEqual(vol);
    expect(await volLookupByName(A.rpc, pool, name)).toEqual(vol);

    const info = await volGetInfo(A.rpc, vol);
    const v = parseColon(await virsh('A', ['vol-info', '--bytes', '--pool', 'default', name]));
    expect(info.type).toBe(StorageVolType.FILE);
    expect(v.Type).toBe('file');
    expect(`${info.capacity} bytes`).toBe(v.Capacity);
    expect(info.capacity).toBe(SIZE);
    expect(`${info.allocation} bytes`).toBe(v.Allocation);
    expect((await volGetXmlDesc(A.rpc, vol)).trim()).toBe((await virsh('A', ['vol-dumpxml', '--pool', 'default', name])).trim());
  });

  it('upload then download returns the same bytes', async () => {
    await writeAll(await volUpload(A.rpc, vol, { offset: 0, length: SIZE }), data);
    const back = await readAll(await volDownload(A.rpc, vol));
    expect(back.length).toBe(SIZE);
    expect(back.equals(data)).toBe(true);
    // A range, as virsh vol-download --offset --length.
    const part = await readAll(await volDownload(A.rpc, vol, { offset: 4096, length: 300_000 }));
    expect(part.equals(data.subarray(4096, 4096 + 300_000))).toBe(true);
  });

  it('create from another volume copies its content', async () => {
    const pool = await poolLookupByName(A.rpc, 'default');
    created.push(cloneName);
    const clone = await volCreateXmlFrom(A.rpc, pool, {
      xml: `<volume><name>${cloneName}</name><capacity unit='bytes'>${SIZE}</capacity><target><format type='raw'/></target></volume>`,
      from: vol,
    });
    expect(clone.name).toBe(cloneName);
    expect((await readAll(await volDownload(A.rpc, clone))).equals(data)).toBe(true);
    await volDelete(A.rpc, clone);
  });

  it('delete removes it (virsh no longer finds it)', async () => {
    await volDelete(A.rpc, vol);
    await expect(volLookupByName(A.rpc, await poolLookupByName(A.rpc, 'default'), name)).rejects.toMatchObject({
      code: ErrorCode.NO_STORAGE_VOL,
    });
    expect((await virshStatus('A', ['vol-info', '--pool', 'default', name])).code).not.toBe(0);
  });
});
