import { describe, expect, it } from 'vitest';
import { MOVED_CODE, movedBut, type PivotSent, pivotOutcome, UNKNOWN_CODE } from './move-disk-pivot';

// <disk> elements of a running VM's live XML, captured on lab-a (libvirt 9.0, QEMU TCG) with
// virsh blockcopy --reuse-external --transient-job into a volume of the default pool, as Vireo does:
const SRC = '/var/lib/libvirt/images/f19-mv.qcow2';
const COPY = '/var/lib/libvirt/images/f19-copy.qcow2';
/** The copy in sync, before the pivot. */
const READY = `<disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source file='${SRC}' index='1'/>
      <backingStore/>
      <mirror type='file' file='${COPY}' format='qcow2' job='copy' ready='yes'>
        <format type='qcow2'/>
        <source file='${COPY}' index='2'/>
        <backingStore/>
      </mirror>
      <target dev='vdb' bus='virtio'/>
      <alias name='virtio-disk1'/>
    </disk>`;
/** After `virsh blockjob --pivot`. */
const PIVOTED = `<disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source file='${COPY}' index='2'/>
      <backingStore/>
      <target dev='vdb' bus='virtio'/>
      <alias name='virtio-disk1'/>
    </disk>`;
/** After `virsh blockjob --abort` (the guest on its source, no mirror). */
const ABORTED = PIVOTED.replaceAll(COPY, SRC);
/** libvirt's state while it switches (mirrorState PIVOT, formatted ready='pivot'): READY's, by hand. */
const SWITCHING = READY.replace("ready='yes'", "ready='pivot'");
/** A copy not yet in sync (no ready attribute): READY's, by hand. */
const COPYING = READY.replace(" ready='yes'", '');

const domain = (...disks: string[]) =>
  `<domain type='qemu' id='115'><name>web &amp; "db"</name><devices>${disks.join('')}<disk type='file' device='disk'><source file='/x/other.qcow2'/><target dev='vda' bus='virtio'/></disk></devices></domain>`;

const sent: PivotSent = {
  vm: 'web & "db"',
  target: 'vdb',
  from: SRC,
  copy: { pool: 'fast', volume: 'f19-copy.qcow2', path: COPY },
};
const timedOut = { ...sent, failure: 'lab-a: no reply to DOMAIN_BLOCK_JOB_ABORT within 30 s' };

describe('pivotOutcome: where the guest runs once the pivot was sent', () => {
  it('on the copy: moved (the undo is committed), whether or not the pivot’s reply came', () => {
    expect(pivotOutcome(sent, { xml: domain(PIVOTED) })).toEqual({ kind: 'moved' });
    expect(pivotOutcome(timedOut, { xml: domain(PIVOTED) })).toEqual({ kind: 'moved' });
    expect(pivotOutcome({ ...sent, failure: 'The pivot of vdb did not finish in 10 s' }, { xml: domain(PIVOTED) }).kind).toBe('moved');
  });

  it('on the source with no switch under way: on-source (only then is the copy deleted), saying why', () => {
    for (const disk of [ABORTED, READY, COPYING]) {
      const o = pivotOutcome(timedOut, { xml: domain(disk) });
      expect(o.kind).toBe('on-source');
      if (o.kind !== 'on-source') continue;
      expect(o.error.message).toBe(`The pivot of vdb failed: ${timedOut.failure}`);
      expect(o.error.hint).toBe(`The guest stays on its source ${SRC}; the copy f19-copy.qcow2 in fast is deleted.`);
    }
    const ok = pivotOutcome(sent, { xml: domain(ABORTED) });
    expect(ok.kind === 'on-source' && ok.error.message).toBe(`After the pivot vdb still reads ${SRC}`);
  });

  it.each<[string, PivotSent, Parameters<typeof pivotOutcome>[1], RegExp]>([
    [
      'the XML cannot be read',
      timedOut,
      { unreadable: 'lab-a: connection closed' },
      /its disks could not be read \(lab-a: connection closed\)/,
    ],
    ['libvirt is still switching', timedOut, { xml: domain(SWITCHING) }, /libvirt is still switching vdb to the copy/],
    ['the disk is gone', sent, { xml: domain() }, /the running VM has no vdb any more/],
    ['a third path', sent, { xml: domain(PIVOTED.replaceAll(COPY, '/elsewhere.qcow2')) }, /vdb now reads \/elsewhere.qcow2, neither/],
    ['the XML does not parse', sent, { xml: '<domain' }, /its XML could not be read/],
  ])('not known when %s: nothing is touched, both files named, how to find out and what to do', (_what, s, live, re) => {
    const o = pivotOutcome(s, live);
    expect(o.kind).toBe('unknown');
    if (o.kind !== 'unknown') return;
    expect(o.error.code).toBe(UNKNOWN_CODE);
    expect(o.error.message).toMatch(re);
    expect(o.error.message).toContain(`Nothing was deleted: both ${SRC} and the copy ${COPY} are kept`);
    if (s.failure) expect(o.error.message).toContain(`but ${s.failure}`);
    expect(o.error.hint).toContain('`virsh domblklist web & "db"`');
    expect(o.error.hint).toContain(`If it is the copy ${COPY}: point vdb of the next boot at it`);
    expect(o.error.hint).toContain(`If it is ${SRC}: delete the copy f19-copy.qcow2 in fast`);
  });

  it('the mirror is read from the live XML (job, state, destination)', async () => {
    const { parseDomain } = await import('../../xml/parse');
    expect(parseDomain(domain(READY)).disks[0]?.mirror).toEqual({ job: 'copy', ready: 'yes', path: COPY });
    expect(parseDomain(domain(PIVOTED)).disks[0]).not.toHaveProperty('mirror');
  });
});

describe('movedBut: the guest runs on the copy, a later step failed', () => {
  it('the next boot not updated: "moved", libvirt’s message, and how to point the next boot at the copy', () => {
    const cause = new Error('XML error: bad disk');
    const e = movedBut(sent, 'next-boot', cause);
    expect(e.code).toBe(MOVED_CODE);
    expect(e.message).toBe(`vdb moved to fast: the guest runs on ${COPY}, but its next boot still names ${SRC} (XML error: bad disk)`);
    expect(e.hint).toMatch(/^To finish: point vdb of the next boot at it \(Settings → Edit XML, or `virsh edit web & "db"`/);
    expect(e.hint).toContain(`before the VM is shut down — a boot from ${SRC} would lose what the guest wrote since the move`);
    expect(e.cause).toBe(cause);
  });

  it('the source not deleted: "moved", why, and that it is kept', () => {
    const e = movedBut(sent, 'source', new Error('web & "db" still names it'));
    expect(e.code).toBe(MOVED_CODE);
    expect(e.message).toBe(`vdb moved to fast: the guest runs on ${COPY}; the source ${SRC} was not deleted (web & "db" still names it)`);
    expect(e.hint).toMatch(/kept in its pool/);
  });
});
