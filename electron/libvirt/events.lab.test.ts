// events.ts against lab host A: a DomainEvents on one connection sees what another client
// (virsh, or a second Vireo connection) does to a throwaway t-proto-ev-* guest, and keeps
// working after its connection drops and reconnects.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibvirtStream } from './client';
import { LibvirtConnection } from './connection';
import { domainCreate, domainDestroy, domainLookupByName, domainOpenConsole } from './domain';
import { type DomainEvent, DomainEvents } from './events';
import { labHost, type OpenHost, openHost, throwawayName, throwawayXml, until, virsh, virshStatus } from './lab-fixture';

const name = throwawayName('ev');
let dir: string;
let A1: OpenHost; // the one listening
let A2: OpenHost; // another client acting
let events: DomainEvents;
const seen: DomainEvent[] = [];

/** Opens the guest's console and waits until its shell answers (the guest has booted). */
async function bootedConsole(rpc: OpenHost['rpc']): Promise<LibvirtStream> {
  const st = await domainOpenConsole(rpc, await domainLookupByName(rpc, name), {
    flags: 1,
  });
  let out = '';
  st.on('data', (b: Buffer) => {
    out += b.toString('latin1');
  });
  await until(
    async () => {
      st.write('\necho VIREO-$((6*7))\n');
      await new Promise((r) => setTimeout(r, 700));
      return out.includes('VIREO-42') ? true : undefined;
    },
    90_000,
    0,
  );
  return st;
}

/** Waits for an event of our guest matching `pred` (events before `from` are ignored). */
async function expectEvent(pred: (e: DomainEvent) => boolean, from = 0, timeoutMs = 30_000): Promise<DomainEvent> {
  return until(async () => seen.slice(from).find((e) => e.domain.name === name && pred(e)), timeoutMs, 50);
}
const lifecycle = (event: string, detail: string) => (e: DomainEvent) =>
  e.kind === 'lifecycle' && e.eventName === event && e.detailName === detail;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 't-proto-ev-'));
  A1 = await openHost('A');
  A2 = await openHost('A');
  events = new DomainEvents(A1.conn);
  events.on('*', (e) => seen.push(e));
  await events.start();
});
afterAll(async () => {
  await events?.stop();
  await virshStatus('A', ['destroy', name]);
  await virshStatus('A', ['undefine', name]);
  await A1?.close();
  await A2?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('domain events on host A', () => {
  it('lifecycle: define, start, suspend, resume, destroy by virsh and by another connection', async () => {
    const xmlFile = join(dir, 'dom.xml');
    writeFileSync(xmlFile, throwawayXml(name));
    let mark = seen.length;
    await virsh('A', ['define', xmlFile]);
    await expectEvent(lifecycle('DEFINED', 'ADDED'), mark);

    mark = seen.length;
    const dom = await domainCreate(A2.rpc, await domainLookupByName(A2.rpc, name));
    const started = await expectEvent(lifecycle('STARTED', 'BOOTED'), mark);
    expect(started.domain.id).toBe(dom.id);

    mark = seen.length;
    await virsh('A', ['suspend', name]);
    await expectEvent(lifecycle('SUSPENDED', 'PAUSED'), mark);
    await virsh('A', ['resume', name]);
    await expectEvent(lifecycle('RESUMED', 'UNPAUSED'), mark);
  });

  it('tunable: a schedinfo change arrives with its new value', async () => {
    const mark = seen.length;
    await virsh('A', ['schedinfo', name, '--live', 'cpu_shares=300']);
    const e = await expectEvent((x) => x.kind === 'tunable', mark);
    expect(e).toMatchObject({
      kind: 'tunable',
      params: { 'cputune.cpu_shares': 300 },
    });
  });

  it('device added / removed: a NIC hot-plugged and unplugged by virsh', async () => {
    // A guest still booting would miss the unplug request: wait for its shell first.
    (await bootedConsole(A2.rpc)).destroy();
    const nic = join(dir, 'nic.xml');
    writeFileSync(nic, "<interface type='bridge'><source bridge='labbr0'/><model type='virtio'/><alias name='ua-tproto-ev'/></interface>");
    let mark = seen.length;
    await virsh('A', ['attach-device', name, nic, '--live']);
    expect(await expectEvent((x) => x.kind === 'deviceAdded', mark)).toMatchObject({ devAlias: 'ua-tproto-ev' });
    mark = seen.length;
    await virsh('A', ['detach-device', name, nic, '--live']);
    expect(await expectEvent((x) => x.kind === 'deviceRemoved', mark)).toMatchObject({ devAlias: 'ua-tproto-ev' });
  });

  it('reboot: the guest rebooting itself (reboot -f on its console)', async () => {
    const st = await bootedConsole(A2.rpc);
    const mark = seen.length;
    st.write('reboot -f\n');
    await expectEvent((x) => x.kind === 'reboot', mark);
    st.destroy();
  });

  it('stop and undefine', async () => {
    const mark = seen.length;
    await domainDestroy(A2.rpc, await domainLookupByName(A2.rpc, name));
    await expectEvent(lifecycle('STOPPED', 'DESTROYED'), mark);
    await virsh('A', ['undefine', name]);
    await expectEvent(lifecycle('UNDEFINED', 'REMOVED'), mark);
  });

  it('re-registers after the connection drops and reconnects', async () => {
    const h = labHost('A');
    let channel: Duplex | null = null;
    const conn = await LibvirtConnection.open({
      label: 'lab A (reconnecting)',
      uri: h.uri,
      channel: async () => (channel = await A1.ssh.openLibvirtChannel(h.uri)),
      backoffMs: [100],
    });
    const ev = new DomainEvents(conn, { kinds: ['lifecycle'] });
    const got: DomainEvent[] = [];
    let resyncs = 0;
    ev.on('lifecycle', (e) => got.push(e));
    ev.onResync(() => resyncs++);
    await ev.start();
    try {
      // Cut the link under the connection, as a network drop would.
      channel!.destroy();
      await until(async () => (conn.state.status === 'connected' && resyncs === 1 ? true : undefined), 20_000, 50);
      const xmlFile = join(dir, 'dom2.xml');
      writeFileSync(xmlFile, throwawayXml(name));
      await virsh('A', ['define', xmlFile]);
      await until(async () => got.find((e) => e.domain.name === name && e.kind === 'lifecycle' && e.eventName === 'DEFINED'), 20_000, 50);
      await virsh('A', ['undefine', name]);
    } finally {
      await ev.stop();
      await conn.close();
    }
  });
});
