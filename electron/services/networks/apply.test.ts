// The pending path of one virNetworkUpdate step, and which entry a static host's removal takes,
// from facts captured in the lab (fixtures/lab-v6-hosts.json: a running network's live and inactive
// XML with a host added live only, and the definition after the same address was saved for the next
// start; libvirt's own messages). The host side is scripted: which calls libvirt refuses, and what a
// read after shows — only states libvirt can produce: virNetworkObjUpdate replaces both definitions
// or neither, so a definition alone differs only by a write of its own (--config, or another client).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { NetworkAddress } from '../../../shared/api/networks';
import type { RpcClient } from '../../libvirt/client';
import { LibvirtError } from '../../libvirt/errors';
import { NETWORK_UPDATE } from '../../libvirt/gen/remote_protocol.gen';
import { NetworkUpdateCommand, NetworkUpdateFlags, NetworkUpdateSection } from '../../libvirt/network';
import { XdrReader, XdrWriter } from '../../libvirt/xdr';
import { buildDhcpHostXml, type NetworkModel, parseNetworkXml } from '../../xml/network';
import { applyStep, NOT_APPLIED, OUTCOME_UNKNOWN, type Step, stepDone } from './apply';
import { changeStaticHost, editNetwork } from './edit';
import type { NetworkFacts } from './facts';

const lab = JSON.parse(readFileSync(new URL('./fixtures/lab-v6-hosts.json', import.meta.url), 'utf8')) as Record<string, string>;
const live = parseNetworkXml(lab.live as string);
const defined = parseNetworkXml(lab.inactive as string);
const definedAfter = parseNetworkXml(lab.inactiveAfterConfig as string);
const refusal = (message: string) => new LibvirtError({ code: 55, domain: 19, level: 2, message, int1: 0, int2: 0 });
const { AFFECT_LIVE: LIVE, AFFECT_CONFIG: CONFIG } = NetworkUpdateFlags;

const lv2 = { name: 'lv2', ip: 'fd00:203:119::40' };
const h6 = { id: '0:3:0:1:52:54:0:18:7:10', name: 'h6', ip: 'fd00:203:119::30' };
/** `m` with one more IPv6 static host (what libvirt shows after it took an add). */
const withHost = (m: NetworkModel, h: { name: string; ip: string }): NetworkModel => ({
  ...m,
  addresses: m.addresses.map((a): NetworkAddress => (a.family === 'ipv6' ? { ...a, hosts: [...a.hosts, h] } : a)),
});
const add = (host: { name?: string; ip: string; id?: string }, live = true): Step => ({
  what: `static host ${host.name} → ${host.ip}`,
  section: NetworkUpdateSection.IP_DHCP_HOST,
  command: NetworkUpdateCommand.ADD_LAST,
  parentIndex: 1,
  block: { family: 'ipv6', address: 'fd00:203:119::1' },
  entry: { kind: 'host', host },
  xml: buildDhcpHostXml(host),
  live,
});
const running = { active: true, persistent: true };

/** The host: `refuse(flags, nth)` decides each update call; reads answer `reads` in turn (the last one again). */
function host(refuse: (flags: number, n: number) => Error | null, reads: { model: NetworkModel; defined: NetworkModel }[]) {
  const calls: number[] = [];
  let r = 0;
  return {
    calls,
    io: {
      update: async (_st: Step, flags: number) => {
        calls.push(flags);
        const err = refuse(flags, calls.length);
        if (err) throw err;
      },
      reread: async () => reads[Math.min(r++, reads.length - 1)] as { model: NetworkModel; defined: NetworkModel },
    },
  };
}

describe('stepDone', () => {
  it('an add is done where the entry is (IPv6 in any spelling), a delete where it is gone', () => {
    expect(stepDone(add(lv2), defined)).toBe(false);
    expect(stepDone(add(lv2), definedAfter)).toBe(true);
    expect(stepDone(add({ name: 'lv', ip: 'fd00:203:119:0::40' }), live)).toBe(true);
    const del = { ...add({ name: 'a1', ip: 'fd00:203:119::10' }), command: NetworkUpdateCommand.DELETE };
    expect(stepDone(del, defined)).toBe(false);
    expect(stepDone({ ...del, entry: { kind: 'host', host: { name: 'gone', ip: 'fd00:203:119::99' } } }, defined)).toBe(true);
  });
  it('a range step by its start and end', () => {
    const range: Step = {
      ...add(lv2),
      section: NetworkUpdateSection.IP_DHCP_RANGE,
      entry: { kind: 'range', range: { start: 'fd00:203:119::100', end: 'fd00:203:119::1ff' } },
    };
    expect(stepDone(range, defined)).toBe(true);
    expect(stepDone({ ...range, entry: { kind: 'range', range: { start: 'fd00:203:119::100', end: 'fd00:203:119::2ff' } } }, defined)).toBe(
      false,
    );
  });
});

describe('applyStep', () => {
  it('running: live and in the definition in one call', async () => {
    const h = host(() => null, []);
    expect(await applyStep(add({ name: 'n', ip: 'fd00:203:119::50' }), running, h.io)).toEqual({ applied: 'live' });
    expect(h.calls).toEqual([LIVE | CONFIG]);
  });
  it('the running network refuses (its address is held by a host added live only): saved for the next start, pending with libvirt’s reason', async () => {
    const h = host((f) => (f & LIVE ? refusal(lab.refusedLive as string) : null), [{ model: live, defined }]);
    expect(await applyStep(add(lv2), running, h.io)).toEqual({ applied: 'pending', reason: lab.refusedLive });
    expect(h.calls).toEqual([LIVE | CONFIG, CONFIG]);
  });
  it('libvirt took it in both definitions but failed after (dnsmasq not refreshed): said so with its message and the restart hint, not pending, no retry', async () => {
    const failedAfter = refusal('internal error: Child process (dnsmasq) unexpected exit status 2');
    const n = { name: 'n5', ip: 'fd00:203:119::50' };
    // virNetworkObjUpdate replaced both definitions; the dnsmasq refresh after it failed.
    const h = host(
      (f) => (f & LIVE ? failedAfter : refusal(lab.refusedLive as string)),
      [{ model: withHost(live, n), defined: withHost(defined, n) }],
    );
    const err = await applyStep(add(n), running, h.io).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: NOT_APPLIED,
      message: `libvirt took the change (static host n5 → fd00:203:119::50) but could not apply it: ${failedAfter.message}`,
      hint: expect.stringMatching(/restart the network \(virsh net-destroy, then net-start.*host’s libvirt log/),
    });
    expect((err as Error).cause).toBe(failedAfter);
    expect(h.calls).toEqual([LIVE | CONFIG]);
  });
  it('the definition alone has it when read again (another client saved it meanwhile): pending with libvirt’s reason, no retry that would say "existing entry"', async () => {
    const h = host((f) => refusal(f & LIVE ? (lab.refusedLive as string) : 'no retry expected'), [{ model: live, defined: definedAfter }]);
    expect(await applyStep(add(lv2), running, h.io)).toEqual({ applied: 'pending', reason: lab.refusedLive });
    expect(h.calls).toEqual([LIVE | CONFIG]);
  });
  it('the retry on the definition fails but the definition has it (changed meanwhile): still pending with the first reason', async () => {
    const h = host(
      (f) => refusal(f & LIVE ? 'first' : (lab.refusedLive as string)),
      [
        { model: live, defined },
        { model: live, defined: definedAfter },
      ],
    );
    expect(await applyStep(add(lv2), running, h.io)).toEqual({ applied: 'pending', reason: 'first' });
    expect(h.calls).toEqual([LIVE | CONFIG, CONFIG]);
  });
  it('a removal the definition does not hold is refused with libvirt’s message (nothing pending)', async () => {
    const del = { ...add({ name: 'zz', ip: 'fd00:203:119::77' }), command: NetworkUpdateCommand.DELETE };
    // Both calls refused, and the definition still shows the entry (as if it were there): libvirt's error.
    const h = host(() => refusal(lab.missing as string), [{ model: live, defined }]);
    const there = { ...del, entry: { kind: 'host' as const, host: { name: 'a1', ip: 'fd00:203:119::10' } } };
    await expect(applyStep(there, running, h.io)).rejects.toThrow(lab.missing as string);
    expect(h.calls).toEqual([LIVE | CONFIG, CONFIG]);
  });
  it('not running: the definition only (saved); transient: live only; already so live: the definition catches up (saved: only it changed)', async () => {
    let h = host(() => null, []);
    expect(await applyStep(add(lv2), { active: false, persistent: true }, h.io)).toEqual({ applied: 'saved' });
    expect(h.calls).toEqual([CONFIG]);
    h = host(() => null, []);
    expect(await applyStep(add(lv2), { active: true, persistent: false }, h.io)).toEqual({ applied: 'live' });
    expect(h.calls).toEqual([LIVE]);
    h = host(() => null, []);
    expect(await applyStep(add(lv2, false), running, h.io)).toEqual({ applied: 'saved' });
    expect(h.calls).toEqual([CONFIG]);
  });
  it('libvirt fails and the network cannot be read again: libvirt’s message kept, a hint to look, never "Nothing was changed"', async () => {
    const failedAfter = refusal('internal error: Child process (dnsmasq) unexpected exit status 2');
    const readFails = {
      update: async () => {
        throw failedAfter;
      },
      reread: async (): Promise<never> => {
        throw new Error('connection closed');
      },
    };
    const err = await applyStep(add(lv2), running, readFails).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: OUTCOME_UNKNOWN,
      message: failedAfter.message,
      hint: expect.stringMatching(/could not read the network again \(connection closed\).*virsh net-dumpxml .*--inactive/),
    });
    expect((err as Error).cause).toBe(failedAfter);
    // Through changeStaticHost: the action named, libvirt's message, the same hint (not "Nothing was changed").
    const net = { ref: { name: 'n6-probe', uuid: [] }, model: live, defined, active: true, persistent: true, autostart: false };
    const viaHost = await changeStaticHost(readFails, net as unknown as NetworkFacts, 'add', lv2).catch((e: unknown) => e);
    expect(viaHost).toMatchObject({
      code: OUTCOME_UNKNOWN,
      message: `Cannot add the static host lv2 → fd00:203:119::40 on "n6-probe": ${failedAfter.message}`,
      hint: expect.stringContaining('could not read the network again'),
    });
    expect((viaHost as { hint: string }).hint).not.toMatch(/Nothing was changed/);
  });
  it('editNetwork: the same, with the step named and what was already done (libvirt fails on the update, every read after fails)', async () => {
    const failedAfter = refusal('internal error: Child process (dnsmasq) unexpected exit status 2');
    let updates = 0;
    const rpc = {
      call: async (proc: number) => {
        // The first update (the old range's removal) goes through; the next fails, and so does every read.
        if (proc === NETWORK_UPDATE.proc && ++updates === 1) return null;
        throw proc === NETWORK_UPDATE.proc ? failedAfter : new Error('connection closed');
      },
    } as unknown as RpcClient;
    const net = { ref: { name: 'n6-probe', uuid: [] }, model: live, defined, active: true, persistent: true, autostart: false };
    const edit = {
      hostId: 'h1',
      name: 'n6-probe',
      dhcp: { start: '10.203.119.100', end: '10.203.119.110' },
      hosts: [{ mac: '52:54:00:aa:bb:01', ip: '10.203.119.50' }],
      autostart: false,
    };
    const err = await editNetwork(rpc, net as unknown as NetworkFacts, edit as never).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: OUTCOME_UNKNOWN,
      message: `Cannot change "n6-probe" (DHCP range 10.203.119.100–10.203.119.110): ${failedAfter.message}`,
      hint: expect.stringMatching(
        /^Already done: DHCP range 10\.203\.119\.100–10\.203\.119\.120 removed\. Vireo could not read the network again \(connection closed\)/,
      ),
    });
    expect(updates).toBe(2); // the host's add after it is not tried
  });
  it('editNetwork: a change only the definition needed (the running network already had it) is listed as saved, not applied to the running network', async () => {
    const had = { mac: '52:54:00:aa:bb:01', ip: '10.203.119.50' }; // added live only: the running network has it
    const fresh = { mac: '52:54:00:aa:bb:02', ip: '10.203.119.51' };
    const v4Hosts = (m: NetworkModel, hosts: { mac: string; ip: string }[]): NetworkModel => ({
      ...m,
      addresses: m.addresses.map((a): NetworkAddress => (a.family === 'ipv4' ? { ...a, hosts } : a)),
    });
    const flags: number[] = [];
    const rpc = {
      call: async (proc: number, enc: (w: XdrWriter) => void) => {
        if (proc !== NETWORK_UPDATE.proc) throw new Error(`unexpected call ${proc}`);
        const w = new XdrWriter();
        enc(w);
        flags.push((NETWORK_UPDATE.args.read(new XdrReader(w.finish())) as { flags: number }).flags);
        return null;
      },
    } as unknown as RpcClient;
    const net = {
      ref: { name: 'n6-probe', uuid: '58bd999c-61ce-4fdc-b1d1-6c427ac93674' },
      model: v4Hosts(live, [had]),
      defined: v4Hosts(live, []),
      active: true,
      persistent: true,
    };
    const out = await editNetwork(rpc, { ...net, autostart: false } as unknown as NetworkFacts, {
      hostId: 'h1',
      name: 'n6-probe',
      dhcp: { start: '10.203.119.100', end: '10.203.119.120' },
      hosts: [had, fresh],
      autostart: false,
    });
    expect(out).toEqual({ live: [`static host ${fresh.mac} → ${fresh.ip}`], pending: [], saved: [`static host ${had.mac} → ${had.ip}`] });
    expect(flags).toEqual([CONFIG, LIVE | CONFIG]);
  });
  it('a non-libvirt failure (the link dropped) is thrown as is', async () => {
    const h = host(() => new Error('connection closed'), []);
    await expect(applyStep(add(lv2), running, h.io)).rejects.toThrow('connection closed');
    expect(h.calls).toEqual([LIVE | CONFIG]);
  });
});

describe('changeStaticHost: a removal takes the entry of the row clicked', () => {
  // The lab's state: the running network has lv ::40 (added live only); its definition has lv2 ::40
  // (saved for the next start after the running network refused it). The panel shows both rows.
  const net = { ref: { name: 'n6-probe', uuid: [] }, model: live, defined: definedAfter, active: true, persistent: true, autostart: false };
  const scripted = () => {
    const sent: { xml: string; flags: number; parentIndex: number; command: number }[] = [];
    return {
      sent,
      io: {
        update: async (st: Step, flags: number) => void sent.push({ xml: st.xml, flags, parentIndex: st.parentIndex, command: st.command }),
        reread: async () => ({ model: live, defined: definedAfter }),
      },
    };
  };
  const { DELETE } = NetworkUpdateCommand;
  it('the running row (lv, live only): lv from the running network alone, not the pending lv2 at the same address', async () => {
    const h = scripted();
    expect(
      await changeStaticHost(h.io, net as unknown as NetworkFacts, 'remove', { ip: 'fd00:203:119::40', name: 'lv' }, 'running'),
    ).toEqual({
      applied: 'live',
    });
    expect(h.sent).toEqual([{ xml: '<host name="lv" ip="fd00:203:119::40"/>', flags: LIVE, parentIndex: 1, command: DELETE }]);
  });
  it('the next-start row (lv2, pending): lv2 from the definition alone, and said so (saved, not live)', async () => {
    const h = scripted();
    expect(await changeStaticHost(h.io, net as unknown as NetworkFacts, 'remove', lv2, 'next-boot')).toEqual({
      applied: 'saved',
    });
    expect(h.sent).toEqual([{ xml: '<host name="lv2" ip="fd00:203:119::40"/>', flags: CONFIG, parentIndex: 1, command: DELETE }]);
  });
  it('a row in both lists goes from both in one call; a row no longer in its list is refused (nothing sent)', async () => {
    const h = scripted();
    expect(await changeStaticHost(h.io, net as unknown as NetworkFacts, 'remove', h6, 'running')).toEqual({
      applied: 'live',
    });
    expect(h.sent).toEqual([
      {
        xml: '<host id="0:3:0:1:52:54:0:18:7:10" name="h6" ip="fd00:203:119::30"/>',
        flags: LIVE | CONFIG,
        parentIndex: 1,
        command: DELETE,
      },
    ]);
    const stale = { ...net, defined };
    await expect(changeStaticHost(h.io, stale as unknown as NetworkFacts, 'remove', lv2, 'next-boot')).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringContaining('for its next start'),
    });
    expect(h.sent).toHaveLength(1);
  });
});

describe('a removal libvirt would apply to another entry is refused, nothing sent (f9net)', () => {
  // libvirt deletes the FIRST entry its loose rule matches (MAC only when both have one, the name only
  // when sent, never the DUID): of two entries at one address the clicked one may not be the one it takes.
  const X = 'fd00:203:119::60';
  const D1 = '0:3:0:1:52:54:0:18:7:11';
  const D2 = '0:3:0:1:52:54:0:18:7:12';
  const M = '52:54:00:aa:bb:01';
  const withHosts = (m: NetworkModel, family: 'ipv4' | 'ipv6', hosts: NetworkAddress['hosts']): NetworkModel => ({
    ...m,
    addresses: m.addresses.map((a): NetworkAddress => (a.family === family ? { ...a, hosts } : a)),
  });
  const facts = (model: NetworkModel, defined: NetworkModel, active = true) =>
    ({ ref: { name: 'n6-probe', uuid: [] }, model, defined, active, persistent: true, autostart: false }) as unknown as NetworkFacts;
  const scripted = () => {
    const sent: { xml: string; flags: number }[] = [];
    return {
      sent,
      io: {
        update: async (st: Step, flags: number) => void sent.push({ xml: st.xml, flags }),
        reread: async () => ({ model: live, defined }),
      },
    };
  };
  const hint = 'Nothing was changed. Remove it by hand with virsh net-edit n6-probe.';
  it('IPv6, two entries at one address differing by DUID only: the second is refused naming the first', async () => {
    const both = withHosts(live, 'ipv6', [
      { id: D1, ip: X },
      { id: D2, ip: X },
    ]);
    const h = scripted();
    await expect(changeStaticHost(h.io, facts(both, both), 'remove', { id: D2, ip: X }, 'running')).rejects.toMatchObject({
      code: 'ambiguous',
      message: `Cannot remove the static host ${D2} → ${X} on "n6-probe": libvirt would remove DUID ${D1}, address ${X} instead (it matches by MAC, name and address, not DUID, and takes the first match)`,
      hint,
    });
    expect(h.sent).toEqual([]);
    // The first one is what libvirt takes: removed (one call, both lists).
    expect(await changeStaticHost(h.io, facts(both, both), 'remove', { id: D1, ip: X }, 'running')).toEqual({ applied: 'live' });
    expect(h.sent).toEqual([{ xml: `<host id="${D1}" ip="${X}"/>`, flags: LIVE | CONFIG }]);
  });
  it('IPv6, a named entry before a DUID-only one at the address: the DUID one is refused naming it (inactive: the definition)', async () => {
    const both = withHosts(defined, 'ipv6', [
      { name: 'a', ip: X },
      { id: D2, ip: X },
    ]);
    const h = scripted();
    await expect(changeStaticHost(h.io, facts(both, both, false), 'remove', { id: D2, ip: X })).rejects.toMatchObject({
      code: 'ambiguous',
      message: expect.stringContaining(`libvirt would remove name "a", address ${X} instead`),
    });
    expect(h.sent).toEqual([]);
  });
  it('a row in both lists where only the definition has the other entry first: refused, naming the definition', async () => {
    const running = withHosts(live, 'ipv6', [{ id: D2, ip: X }]);
    const def = withHosts(defined, 'ipv6', [
      { id: D1, ip: X },
      { id: D2, ip: X },
    ]);
    const h = scripted();
    await expect(changeStaticHost(h.io, facts(running, def), 'remove', { id: D2, ip: X }, 'running')).rejects.toMatchObject({
      message: expect.stringContaining(`libvirt would remove DUID ${D1}, address ${X} instead from its definition`),
    });
    expect(h.sent).toEqual([]);
  });
  it('IPv4, a name-only entry before a MAC one at the address: the panel’s remove and the edit are both refused, nothing sent', async () => {
    const both = withHosts(live, 'ipv4', [
      { name: 'x', ip: '10.203.119.10' },
      { mac: M, ip: '10.203.119.10' },
    ]);
    const h = scripted();
    await expect(changeStaticHost(h.io, facts(both, both), 'remove', { mac: M, ip: '10.203.119.10' }, 'running')).rejects.toMatchObject({
      message: `Cannot remove the static host ${M} → 10.203.119.10 on "n6-probe": libvirt would remove name "x", address 10.203.119.10 instead (it matches by MAC, name and address, not DUID, and takes the first match)`,
    });
    expect(h.sent).toEqual([]);
    let calls = 0;
    const rpc = {
      call: async () => {
        calls++;
        return null;
      },
    } as unknown as RpcClient;
    const edit = { hostId: 'h1', name: 'n6-probe', dhcp: { start: '10.203.119.100', end: '10.203.119.120' }, hosts: [], autostart: true };
    await expect(editNetwork(rpc, facts(both, both), edit)).rejects.toMatchObject({
      code: 'ambiguous',
      message: `Cannot change "n6-probe" (static host ${M} → 10.203.119.10 removed): libvirt would remove name "x", address 10.203.119.10 instead (it matches by MAC, name and address, not DUID, and takes the first match)`,
      hint,
    });
    expect(calls).toBe(0); // not even autostart
  });
  it('the edit simulates its removals in order: of two MAC entries at one address removed together, each takes its own', async () => {
    const M2 = '52:54:00:aa:bb:02';
    const both = withHosts(live, 'ipv4', [
      { mac: M, ip: '10.203.119.10' },
      { mac: M2, ip: '10.203.119.10' },
    ]);
    const xmls: number[] = [];
    const rpc = { call: async (proc: number) => void xmls.push(proc) } as unknown as RpcClient;
    const edit = { hostId: 'h1', name: 'n6-probe', dhcp: { start: '10.203.119.100', end: '10.203.119.120' }, hosts: [], autostart: false };
    const out = await editNetwork(rpc, facts(both, both), edit);
    expect(out.live).toEqual([`static host ${M} → 10.203.119.10 removed`, `static host ${M2} → 10.203.119.10 removed`]);
    expect(xmls).toEqual([NETWORK_UPDATE.proc, NETWORK_UPDATE.proc]);
  });
});

describe('IPv6 add where the running network has no DHCPv6 but its definition has (f9net)', () => {
  it('saved in the definition only and reported pending with the ra-only reason (the old code sent it live and said live)', async () => {
    const raOnly: NetworkModel = {
      ...live,
      addresses: live.addresses.map((a): NetworkAddress => (a.family === 'ipv6' ? { ...a, dhcp: undefined, hosts: [] } : a)),
    };
    const net = { ref: { name: 'n6-probe', uuid: [] }, model: raOnly, defined, active: true, persistent: true, autostart: false };
    const h = host(() => null, []);
    const out = await changeStaticHost(h.io, net as unknown as NetworkFacts, 'add', { name: 'n50', ip: 'fd00:203:119::50' });
    expect(out).toEqual({
      applied: 'pending',
      reason:
        'the running network shows no DHCPv6 (its dnsmasq may send only router advertisements, ra-only): it serves the host after the network restarts',
    });
    expect(h.calls).toEqual([CONFIG]);
  });
});

describe('autostart is a definition setting (f9net)', () => {
  it('on a running network it is listed as saved in the definition, not applied to the running network', async () => {
    const rpc = { call: async () => null } as unknown as RpcClient;
    const net = { ref: { name: 'n6-probe', uuid: [] }, model: live, defined: live, active: true, persistent: true, autostart: false };
    const out = await editNetwork(rpc, net as unknown as NetworkFacts, {
      hostId: 'h1',
      name: 'n6-probe',
      dhcp: { start: '10.203.119.100', end: '10.203.119.120' },
      hosts: [],
      autostart: true,
    });
    expect(out).toEqual({ live: [], pending: [], saved: ['autostart on'] });
  });
});

describe('IPv6 add where neither the running network nor its definition shows DHCPv6 (its last static host removed, or none yet; f9net)', () => {
  const noDhcp6: NetworkModel = {
    ...live,
    addresses: live.addresses.map((a): NetworkAddress => (a.family === 'ipv6' ? { ...a, dhcp: undefined, hosts: [] } : a)),
  };
  const facts = (active: boolean, persistent: boolean) =>
    ({
      ref: { name: 'n6-probe', uuid: [] },
      model: noDhcp6,
      defined: noDhcp6,
      active,
      persistent,
      autostart: false,
    }) as unknown as NetworkFacts;
  const h20 = { name: 'h20', ip: 'fd00:203:119::20' };
  it('running: into the definition only, pending until a restart (the old code refused it); not running: saved', async () => {
    let h = host(() => null, []);
    expect(await changeStaticHost(h.io, facts(true, true), 'add', h20)).toMatchObject({ applied: 'pending' });
    expect(h.calls).toEqual([CONFIG]);
    h = host(() => null, []);
    expect(await changeStaticHost(h.io, facts(false, true), 'add', h20)).toEqual({ applied: 'saved' });
    expect(h.calls).toEqual([CONFIG]);
  });
  it('a transient network (no next start) is refused, saying why, nothing sent', async () => {
    const h = host(() => null, []);
    await expect(changeStaticHost(h.io, facts(true, false), 'add', h20)).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('has no DHCPv6 (neither a range nor static hosts)'),
    });
    expect(h.calls).toEqual([]);
  });
});
