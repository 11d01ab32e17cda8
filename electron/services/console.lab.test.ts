/**
 * Consoles against the real two-host lab, at the backend level (no renderer): the serial console
 * over the host's libvirt connection, force takeover, following a VM through stop/start and a
 * live migration, the missing-serial-port fix, and VNC over a forward on the one SSH session.
 *
 * Uses its own throwaway guests (h10c-*), built like the lab's tiny, so the shared guests stay as
 * they are for the other suites.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connectLabHosts, inProcess } from '../../e2e/lab/hosts';
import { readLab, virshOn } from '../../e2e/lab/lab';
import type { ConsoleInfo, ConsoleState, Events, HostId } from '../../shared/api';
import { type Backend, createBackend } from '../backend';
import type { Attachment } from '../core/streams';
import { domainCreate, domainDefineXml } from '../libvirt/domain';

const lab = readLab();
const addrA = lab.hosts.find((h) => h.id === 'A')?.address ?? '10.203.0.1';
const addrB = lab.hosts.find((h) => h.id === 'B')?.address ?? '10.203.0.2';
const suffix = Math.random().toString(16).slice(2, 8);
const made: { host: 'A' | 'B'; name: string }[] = [];

let backend: Backend;
let idA: HostId;
let idB: HostId;

/** tiny's definition under another name, without UUID/MAC/disk/serial log; optionally without a serial port. */
function guestXml(name: string, opts: { serial?: boolean } = {}): string {
  let xml = readFileSync(`${lab.dir}/xml/tiny.xml`, 'utf8')
    .replace(/<name>[^<]*<\/name>/, `<name>${name}</name>`)
    .replace(/\s*<uuid>[^<]*<\/uuid>/, '')
    .replace(/\s*<description>[^<]*<\/description>/, '')
    .replace(/\s*<mac address=[^>]*\/>/, '')
    .replace(/\s*<log file=[^>]*\/>/, '')
    .replace(/\s*<disk [\s\S]*?<\/disk>/, '');
  if (opts.serial === false) xml = xml.replace(/\s*<serial [\s\S]*?<\/serial>/, '').replace(/\s*<console [\s\S]*?<\/console>/, '');
  return xml;
}

async function defineGuest(name: string, opts: { serial?: boolean; start?: boolean } = {}): Promise<string> {
  const rpc = backend.hosts.connection(idA).rpc;
  const dom = await domainDefineXml(rpc, { xml: guestXml(name, opts) });
  made.push({ host: 'A', name });
  if (opts.start !== false) await domainCreate(rpc, dom);
  return dom.uuid;
}

/** Resolves when the session reaches a state matching `pred`. */
function waitState(id: string, pred: (s: ConsoleState) => boolean, timeoutMs = 60_000): Promise<ConsoleInfo> {
  const now = backend.consoles.list().find((c) => c.id === id);
  if (now && pred(now.state)) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => {
      off();
      reject(
        new Error(`console ${id}: still ${JSON.stringify(backend.consoles.list().find((c) => c.id === id)?.state)} after ${timeoutMs} ms`),
      );
    }, timeoutMs);
    const off = backend.events.on('console.state', (e: Events['console.state']) => {
      if (e.id === id && pred(e.state)) {
        clearTimeout(t);
        off();
        resolve(e);
      }
    });
  });
}

/** Attaches to an open session's channel and collects what the guest prints. */
function attach(info: ConsoleInfo): { att: Attachment; text: () => string; closed: () => string | null } {
  if (info.state.status !== 'open') throw new Error(`not open: ${JSON.stringify(info.state)}`);
  let out = '';
  let closedWhy: string | null = null;
  const att = backend.streams.attach(info.state.channel, {
    data: (b) => {
      out += b.toString('latin1');
      att?.ack(b.length);
    },
    close: (why) => {
      closedWhy = why;
    },
  });
  if (!att) throw new Error('could not attach');
  return { att, text: () => out, closed: () => closedWhy };
}

async function until(cond: () => boolean | Promise<boolean>, timeoutMs: number, poke?: () => void, everyMs = 1000): Promise<void> {
  const end = Date.now() + timeoutMs;
  let lastPoke = 0;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms`);
    if (poke && Date.now() - lastPoke >= everyMs) {
      poke();
      lastPoke = Date.now();
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Types a command until its marker output shows (the guest may still be booting). */
async function shell(att: Attachment, text: () => string, cmd: string, expectOut: string, timeoutMs = 90_000): Promise<void> {
  const from = text().length;
  await until(
    () => text().slice(from).includes(expectOut),
    timeoutMs,
    () => att.write(Buffer.from(`${cmd}\r`)),
    3000,
  );
}

/** This process's established TCP connections to a lab host's sshd. */
function sshConnections(address: string): number {
  const out = execFileSync('ss', ['-Htnp', 'state', 'established', `( dport = :22 )`], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l.includes(`${address}:22`) && l.includes(`pid=${process.pid},`)).length;
}

beforeAll(async () => {
  backend = createBackend({ mode: 'web', dataDir: mkdtempSync(join(tmpdir(), 'vireo-console-lab-')) });
  const hosts = await connectLabHosts(inProcess(backend));
  idA = hosts.find((h) => h.spec.address === addrA)?.id ?? '';
  idB = hosts.find((h) => h.spec.address === addrB)?.id ?? '';
  expect(idA && idB).toBeTruthy();
}, 120_000);

afterAll(async () => {
  await backend?.close();
  for (const { name } of made) {
    for (const h of ['A', 'B'] as const) {
      await virshOn(h, ['destroy', name]).catch(() => {});
      await virshOn(h, ['undefine', name]).catch(() => {});
    }
  }
}, 120_000);

describe('serial console', () => {
  let uuid: string;
  const name = `h10c-ser-${suffix}`;

  beforeAll(async () => {
    uuid = await defineGuest(name);
  }, 60_000);

  // Each test starts with the guest running on A, whatever ran before (the migration test leaves
  // it on B, the power test may leave it starting): any test runs alone or in any order.
  beforeEach(async () => {
    const on = async (h: 'A' | 'B') => (await virshOn(h, ['domstate', name]).catch(() => '')).trim();
    if ((await on('B')) === 'running')
      await virshOn('B', ['migrate', '--live', '--persistent', '--undefinesource', name, `qemu+ssh://${addrA}/system`], 180_000);
    if ((await on('A')) !== 'running') await virshOn('A', ['start', name]);
  }, 240_000);

  it('answers a command typed into it, over the existing connection (one SSH session)', async () => {
    const before = sshConnections(addrA);
    const info = await backend.consoles.open(idA, uuid, 'serial');
    expect(info.state.status).toBe('open');
    const c = attach(info);
    await shell(c.att, c.text, 'echo VIREO-$((6*7))', 'VIREO-42');
    expect(sshConnections(addrA)).toBe(before);
    expect(before).toBe(1);
    backend.consoles.close(info.id);
    expect(c.closed()).not.toBeNull();
  }, 120_000);

  it('says who holds it, takes it over with force, and the loser is told', async () => {
    const first = await backend.consoles.open(idA, uuid, 'serial');
    expect(first.state.status).toBe('open');
    attach(first);
    const second = await backend.consoles.open(idA, uuid, 'serial');
    expect(second.state).toMatchObject({ status: 'busy', takenOver: false });
    expect((second.state as { message: string }).message).toMatch(/Active console session exists/);
    const forced = await backend.consoles.force(second.id);
    expect(forced.state.status).toBe('open');
    const lost = await waitState(first.id, (s) => s.status === 'busy');
    expect(lost.state).toMatchObject({ status: 'busy', takenOver: true });
    const c = attach(forced);
    await shell(c.att, c.text, 'echo TAKEN-$((2+3))', 'TAKEN-5');
    // And back again.
    const back = await backend.consoles.force(first.id);
    expect(back.state.status).toBe('open');
    await waitState(second.id, (s) => s.status === 'busy');
    backend.consoles.close(first.id);
    backend.consoles.close(second.id);
  }, 120_000);

  it('waits while the VM is off and reconnects when it starts', async () => {
    const info = await backend.consoles.open(idA, uuid, 'serial');
    const firstChannel = info.state.status === 'open' ? info.state.channel : '';
    attach(info);
    await virshOn('A', ['destroy', name]);
    const waiting = await waitState(info.id, (s) => s.status === 'waiting');
    expect(waiting.state).toMatchObject({ status: 'waiting', reason: 'stopped' });
    await virshOn('A', ['start', name]);
    const open = await waitState(info.id, (s) => s.status === 'open' && s.channel !== firstChannel);
    const c = attach(open);
    // The boot itself shows on the new channel.
    await until(() => c.text().includes('TINYGUEST BANNER'), 90_000);
    await shell(c.att, c.text, 'echo AGAIN-$((3*3))', 'AGAIN-9');
    backend.consoles.close(info.id);
  }, 180_000);

  it('follows the VM through a live migration to the other host', async () => {
    const info = await backend.consoles.open(idA, uuid, 'serial');
    const c1 = attach(info);
    await shell(c1.att, c1.text, 'echo PRE-$((4*4))', 'PRE-16');
    await virshOn('A', ['migrate', '--live', '--persistent', '--undefinesource', name, `qemu+ssh://${addrB}/system`], 180_000);
    made.push({ host: 'B', name });
    const moved = await waitState(info.id, (s) => s.status === 'open' && s.channel !== (info.state as { channel: string }).channel, 60_000);
    expect(moved.hostId).toBe(idB);
    const c2 = attach(moved);
    await shell(c2.att, c2.text, 'echo POST-$((5*5))', 'POST-25', 60_000);
    expect(sshConnections(addrB)).toBe(1);
    backend.consoles.close(info.id);
  }, 240_000);
});

describe('a VM without a serial port', () => {
  it('says so, and adding one to the definition works at the next boot', async () => {
    const name = `h10c-noser-${suffix}`;
    const uuid = await defineGuest(name, { serial: false });
    const info = await backend.consoles.open(idA, uuid, 'serial');
    expect(info.state).toMatchObject({ status: 'no-device', canAdd: true });
    const added = await backend.consoles.addSerial(idA, uuid);
    expect(added).toEqual({ name, running: true });
    const inactive = await virshOn('A', ['dumpxml', '--inactive', name]);
    expect(inactive).toMatch(/<serial type=['"]pty['"]>/);
    expect(inactive).toMatch(/<console type=['"]pty['"]>/);
    // Idempotent: a second add changes nothing.
    await backend.consoles.addSerial(idA, uuid);
    expect((await virshOn('A', ['dumpxml', '--inactive', name])).match(/<serial /g)?.length).toBe(1);
    // Next boot: the session (still open in the UI) connects by itself.
    await virshOn('A', ['destroy', name]);
    await virshOn('A', ['start', name]);
    const open = await waitState(info.id, (s) => s.status === 'open', 60_000);
    const c = attach(open);
    await shell(c.att, c.text, 'echo ADDED-$((6*6))', 'ADDED-36');
    backend.consoles.close(info.id);
  }, 180_000);
});

describe('VNC', () => {
  it('reaches the display over a forward on the one SSH session; the viewer closing frees it', async () => {
    const name = `h10c-vnc-${suffix}`;
    const uuid = await defineGuest(name);
    const before = sshConnections(addrA);
    const info = await backend.consoles.open(idA, uuid, 'vnc');
    expect(info.state).toMatchObject({ status: 'open', vnc: { hasPassword: false } });
    const v = attach(info);
    await until(() => v.text().startsWith('RFB 003.00'), 10_000);
    expect(sshConnections(addrA)).toBe(before);
    // Several at once.
    const second = await backend.consoles.open(idA, uuid, 'vnc');
    const v2 = attach(second);
    await until(() => v2.text().startsWith('RFB 003.00'), 10_000);
    expect(sshConnections(addrA)).toBe(before);
    v.att.detach();
    const gone = await waitState(info.id, (s) => s.status === 'disconnected');
    expect(gone.state.status).toBe('disconnected');
    const again = await backend.consoles.reconnect(info.id);
    expect(again.state.status).toBe('open');
    backend.consoles.close(info.id);
    backend.consoles.close(second.id);
    expect(backend.streams.size).toBe(0);
  }, 120_000);
});
