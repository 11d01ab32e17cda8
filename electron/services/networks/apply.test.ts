// The pending path of one virNetworkUpdate step, from facts captured in the lab
// (fixtures/lab-v6-hosts.json: a running network's live and inactive XML with a host added live
// only, and the definition after the same address was saved for the next start; libvirt's own
// messages). The host side is scripted: which calls libvirt refuses, and what a read after shows.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LibvirtError } from '../../libvirt/errors';
import { NetworkUpdateCommand, NetworkUpdateFlags, NetworkUpdateSection } from '../../libvirt/network';
import { buildDhcpHostXml, type NetworkModel, parseNetworkXml } from '../../xml/network';
import { applyStep, type Step, stepDone } from './apply';

const lab = JSON.parse(readFileSync(new URL('./fixtures/lab-v6-hosts.json', import.meta.url), 'utf8')) as Record<string, string>;
const live = parseNetworkXml(lab.live as string);
const defined = parseNetworkXml(lab.inactive as string);
const definedAfter = parseNetworkXml(lab.inactiveAfterConfig as string);
const refusal = (message: string) => new LibvirtError({ code: 55, domain: 19, level: 2, message, int1: 0, int2: 0 });
const { AFFECT_LIVE: LIVE, AFFECT_CONFIG: CONFIG } = NetworkUpdateFlags;

const lv2 = { name: 'lv2', ip: 'fd00:203:119::40' };
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
  it('libvirt failed after changing the definition (e.g. dnsmasq not refreshed): pending with its reason, no retry that would say "existing entry"', async () => {
    const failedAfter = refusal('internal error: Child process (dnsmasq) unexpected exit status 2');
    const h = host((f) => (f & LIVE ? failedAfter : refusal(lab.refusedLive as string)), [{ model: live, defined: definedAfter }]);
    expect(await applyStep(add(lv2), running, h.io)).toEqual({ applied: 'pending', reason: failedAfter.message });
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
  it('not running: the definition only (saved); transient: live only; already so live: the definition catches up', async () => {
    let h = host(() => null, []);
    expect(await applyStep(add(lv2), { active: false, persistent: true }, h.io)).toEqual({ applied: 'saved' });
    expect(h.calls).toEqual([CONFIG]);
    h = host(() => null, []);
    expect(await applyStep(add(lv2), { active: true, persistent: false }, h.io)).toEqual({ applied: 'live' });
    expect(h.calls).toEqual([LIVE]);
    h = host(() => null, []);
    expect(await applyStep(add(lv2, false), running, h.io)).toEqual({ applied: 'live' });
    expect(h.calls).toEqual([CONFIG]);
  });
  it('a non-libvirt failure (the link dropped) is thrown as is', async () => {
    const h = host(() => new Error('connection closed'), []);
    await expect(applyStep(add(lv2), running, h.io)).rejects.toThrow('connection closed');
    expect(h.calls).toEqual([LIVE | CONFIG]);
  });
});
