/**
 * Which files other VMs use (readOtherUsers, the snapshot facts: the storage service's readDomainDisks): only libvirt's "no domain" means
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
import { chainFactsOf } from './chain';
import { snapshotList } from './checks';
import { readOtherUsers } from './facts';
import { fixture, refusal } from './facts.fixture';
import { planDeleteByBlockJobs } from './plan';

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
  it('every other VM read, live and next boot (the storage service’s readDomainDisks)', async () => {
    const f = host();
    const { users, unread } = await readOtherUsers(f.rpc, SELF);
    expect(unread).toEqual([]);
    expect(users).toEqual({ '/tmp/vireo-lab/shared/tiny.qcow2': ['tiny'], '/var/lib/libvirt/images/stopped.qcow2': ['stopped'] });
    // tiny: live and next boot; stopped: next boot only; self: not read
    const reads = f.calls
      .filter((c) => c.proc === P.DOMAIN_GET_XML_DESC.proc)
      .map((c) => {
        const a = c.args as { dom: DomainRef; flags: number };
        return `${a.dom.name} ${a.flags & DomainXmlFlags.INACTIVE ? 'next boot' : 'live'}`;
      });
    expect(reads.sort()).toEqual(['stopped next boot', 'tiny live', 'tiny next boot']);
  });

  it('a VM undefined meanwhile (NO_DOMAIN) is gone: left out', async () => {
    const gone = libvirtError(ErrorCode.NO_DOMAIN, "Domain not found: no domain with matching uuid 'x' (tiny)");
    for (const partial of [false, true])
      expect(await readOtherUsers(host({ live: gone }).rpc, SELF, { partial })).toEqual({
        users: { '/var/lib/libvirt/images/stopped.qcow2': ['stopped'] },
        unread: [],
      });
  });

  it('any other failure, of a live or a next-boot read, fails the whole read with libvirt’s message and a hint (not “uses nothing”)', async () => {
    const timeout = new TimeoutError('lab-a', P.DOMAIN_GET_XML_DESC.proc, 0x20008086, 30_000, 'DOMAIN_GET_XML_DESC');
    const internal = libvirtError(1, 'internal error: cannot acquire state change lock');
    for (const fail of [{ live: timeout }, { live: internal }, { inactive: internal }]) {
      const err = fail.live ?? fail.inactive;
      await expect(readOtherUsers(host(fail).rpc, SELF)).rejects.toMatchObject({
        code: 'libvirt',
        message: `Could not read the disks of tiny to check which files it uses: ${err.message}`,
        hint: expect.stringMatching(/^Nothing was changed\. .*`virsh dumpxml tiny`/),
      });
    }
  });

  it('a partial read (the Snapshots list, create, revert) names such a VM with libvirt’s message instead, and keeps the others’ files', async () => {
    const internal = libvirtError(1, 'internal error: cannot acquire state change lock');
    expect(await readOtherUsers(host({ inactive: internal }).rpc, SELF, { partial: true })).toEqual({
      users: { '/var/lib/libvirt/images/stopped.qcow2': ['stopped'] },
      unread: [{ vm: 'tiny', message: internal.message }],
    });
  });
});

describe('another VM could not be read: the Snapshots tab shows, marked incomplete; what depends on other VMs’ files is refused', () => {
  const unread = [{ vm: 'db', message: 'internal error: cannot acquire state change lock' }];
  it('the list names the VM with libvirt’s message (otherVmsUnread); a merge and a discard are refused with that reason, nothing planned', () => {
    const running = { ...fixture('two-external-running'), otherUsersUnread: unread };
    expect(snapshotList(running).otherVmsUnread).toEqual(unread);
    expect(snapshotList(fixture('two-external-running')).otherVmsUnread).toBeUndefined();
    expect(refusal(() => planDeleteByBlockJobs(chainFactsOf(running), 'm1'))).toBe(
      'Vireo could not read the disks of db (internal error: cannot acquire state change lock) — Which files it uses is not known, so nothing is merged or removed. Try again once it can be read (`virsh dumpxml db`).',
    );
    // reverted away from e2: its overlay would be discarded — not while db is unread
    const read = { ...fixture('revert-branch'), otherUsersNextBoot: true };
    const branch = { ...read, otherUsersUnread: unread };
    expect(chainFactsOf(branch).otherUsersComplete).toBeUndefined();
    expect(refusal(() => planDeleteByBlockJobs(chainFactsOf(branch), 'e2'))).toMatch(/^Vireo could not read the disks of db/);
    expect(planDeleteByBlockJobs(chainFactsOf(read), 'e2').discards).toHaveLength(1);
  });
});
