/**
 * Which files other VMs use (readOtherUsers, the snapshot facts): only libvirt's "no domain" means
 * a VM is gone; any other failure to read its definition fails the read (review 6 item 2), so a
 * delete never removes a file a VM it could not read uses. Against a fake libvirt (fake-rpc.ts)
 * answering the definitions captured in the lab (electron/xml/fixtures: tiny running, stopped).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ErrorCode, LibvirtError, TimeoutError } from '../../libvirt/errors';
import { fakeRpc } from '../../libvirt/fake-rpc';
import * as P from '../../libvirt/gen/remote_protocol.gen';
import { type DomainRef, DomainXmlFlags } from '../../libvirt/protocol';
import { readOtherUsers } from './facts';

const xml = (f: string) => readFileSync(new URL(`../../xml/fixtures/${f}`, import.meta.url), 'utf8');
const TINY = { live: xml('lab-tiny.live.xml'), inactive: xml('lab-tiny.inactive.xml') };
const STOPPED = xml('lab-stopped.inactive.xml');
const SELF = '00000000-0000-4000-8000-000000000001';
const doms: DomainRef[] = [
  { name: 'self', uuid: SELF, id: 3 },
  { name: 'tiny', uuid: '00000000-0000-4000-8000-000000000002', id: 1 },
  { name: 'stopped', uuid: '00000000-0000-4000-8000-000000000003', id: -1 },
];
const libvirtError = (code: number, message: string) => new LibvirtError({ code, domain: 10, level: 2, message, int1: 0, int2: 0 });

/** `fail`: how tiny's live (or next-boot) read fails. */
function host(fail: { live?: Error; inactive?: Error } = {}) {
  const f = fakeRpc();
  f.answer(P.CONNECT_LIST_ALL_DOMAINS, () => ({ domains: doms, ret: doms.length }));
  f.answer(P.DOMAIN_GET_XML_DESC, (a: { dom: DomainRef; flags: number }) => {
    const inactive = (a.flags & DomainXmlFlags.INACTIVE) !== 0;
    if (a.dom.name === 'tiny') {
      const err = inactive ? fail.inactive : fail.live;
      if (err) throw err;
      return { xml: inactive ? TINY.inactive : TINY.live };
    }
    return { xml: STOPPED };
  });
  return f;
}

describe('the files other VMs use, read for a snapshot operation', () => {
  it('every other VM read (live and, on the delete path, next boot): complete', async () => {
    const r = await readOtherUsers(host().rpc, SELF, true);
    expect(r.users).toEqual({ '/tmp/vireo-lab/shared/tiny.qcow2': ['tiny'], '/var/lib/libvirt/images/stopped.qcow2': ['stopped'] });
    expect(r.complete).toBe(true);
  });

  it('a VM undefined meanwhile (NO_DOMAIN) is gone: left out, still complete', async () => {
    const gone = libvirtError(ErrorCode.NO_DOMAIN, "Domain not found: no domain with matching uuid 'x' (tiny)");
    const r = await readOtherUsers(host({ live: gone }).rpc, SELF, true);
    expect(r.users).toEqual({ '/var/lib/libvirt/images/stopped.qcow2': ['stopped'] });
    expect(r.complete).toBe(true);
  });

  it('any other failure of a live read fails the whole read with libvirt’s message and a hint (not “uses nothing”)', async () => {
    const timeout = new TimeoutError('lab-a', P.DOMAIN_GET_XML_DESC.proc, 0x20008086, 30_000, 'DOMAIN_GET_XML_DESC');
    const internal = libvirtError(1, 'internal error: cannot acquire state change lock');
    for (const err of [timeout, internal]) {
      const read = readOtherUsers(host({ live: err }).rpc, SELF, true);
      await expect(read).rejects.toMatchObject({
        code: 'libvirt',
        message: `Could not read the disks of tiny to check which files it uses: ${err.message}`,
        hint: expect.stringMatching(/^Nothing was changed/),
      });
      // the list path (no next boot) too: tiny's files are never shown as unused
      await expect(readOtherUsers(host({ live: err }).rpc, SELF, false)).rejects.toThrow(/Could not read the disks of tiny/);
    }
  });

  it('a next-boot read that fails (not NO_DOMAIN) marks the reading incomplete', async () => {
    const r = await readOtherUsers(host({ inactive: libvirtError(1, 'internal error') }).rpc, SELF, true);
    expect(r.complete).toBe(false);
    expect(r.users['/tmp/vireo-lab/shared/tiny.qcow2']).toEqual(['tiny']);
  });
});
