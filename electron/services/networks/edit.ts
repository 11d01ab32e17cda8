/**
 * Changes to an existing network's addresses, as virNetworkUpdate steps (apply.ts): the edit
 * (IPv4 DHCP range, static hosts, autostart) and one static host added or removed (IPv4 by MAC,
 * IPv6 by name or DUID). Each is of the network's definition and also goes to the running network
 * where that one differs; what the running network refuses is pending until a restart.
 */
import {
  type DhcpHost,
  type DhcpHostResult,
  dhcp6Block,
  findStaticHost,
  hostFamily,
  libvirtDeleteTarget,
  type NetworkEdit,
  type NetworkEditResult,
  NetworkIpv4,
  STATIC_HOST_LABELS,
  type StaticHost,
  type StaticHostEntry,
  sameStaticHost,
  staticHostBlock,
  staticHostInFull,
  staticHostIssues,
} from '../../../shared/api/networks';
import { AppError } from '../../../shared/errors';
import type { RpcClient } from '../../libvirt/client';
import { isAppError, isLibvirtError } from '../../libvirt/errors';
import { NetworkUpdateCommand, NetworkUpdateFlags, NetworkUpdateSection, networkSetAutostart, networkUpdate } from '../../libvirt/network';
import { shellQuote } from '../../transport/ssh/quote';
import { buildDhcpHostXml, buildDhcpRangeXml, type NetworkModel } from '../../xml/network';
import { applyStep, NOT_APPLIED, OUTCOME_UNKNOWN, type Step, type StepIo, stepDone } from './apply';
import { type NetworkFacts, readNetwork } from './facts';

/** libvirt's message kept, with what to do next. */
export function explain(what: string, hint: string) {
  return (err: unknown): never => {
    if (isLibvirtError(err)) throw new AppError('libvirt', `${what}: ${err.message}`, { cause: err, hint });
    throw err;
  };
}

/** virNetworkUpdate on this network, and its two XMLs read again. */
export function networkIo(rpc: RpcClient, net: NetworkFacts): StepIo {
  return {
    update: (st, flags) =>
      networkUpdate(rpc, net.ref, { command: st.command, section: st.section, parentIndex: st.parentIndex, xml: st.xml, flags }),
    reread: () => readNetwork(rpc, net.ref),
  };
}

/** A static host in words: "52:54:00:… → 10.0.0.5", "web → fd00::10". */
const hostWords = (h: StaticHostEntry) => `${h.mac ?? h.name ?? h.id ?? ''} → ${h.ip ?? ''}`;

/** A list of static hosts a DELETE goes to: the running network's or the definition's (the <ip> at its parentIndex). */
interface HostList {
  where: 'running' | 'definition';
  hosts: readonly StaticHostEntry[];
}

/**
 * libvirt deletes the first entry its loose rule matches (libvirtDeleteTarget: MAC only when both
 * have one, the name only when sent, never the DUID): a delete of `entry` where that first match is
 * another entry, in any list it goes to, is refused before anything is sent, naming the entry
 * libvirt would take instead.
 */
export function refuseWrongDelete(netName: string, entry: StaticHostEntry, lists: readonly HostList[], what: string): void {
  const wrong = lists.flatMap((l) => {
    const target = libvirtDeleteTarget(l.hosts, entry);
    return target && !sameStaticHost(target, entry) ? [{ where: l.where, target }] : [];
  });
  const first = wrong[0];
  if (!first) return;
  // Which list, when it is not the same entry in every list the delete goes to.
  const same = wrong.length === lists.length && wrong.every((w) => sameStaticHost(w.target, first.target));
  const where = same ? '' : first.where === 'running' ? ' from the running network' : lists.length > 1 ? ' from its definition' : '';
  throw new AppError(
    'ambiguous',
    `${what}: libvirt would remove ${staticHostInFull(first.target)} instead${where} (it matches by MAC, name and address, not DUID, and takes the first match)`,
    `Nothing was changed. Remove it by hand with virsh net-edit ${shellQuote(netName)}.`,
  );
}

/**
 * One static host added or removed. An add is checked against the definition, which is what
 * always changes. A removal takes the entry of the list its row is in (`from`): the running
 * network's, or the definition's for the next start — never another entry at the same address in
 * the other list. A running row the definition also holds goes from both; one the definition lacks
 * (added live only) from the running network alone; a next-start row from the definition (and from
 * the running network too if it has that very entry).
 */
export async function changeStaticHost(
  io: StepIo,
  net: NetworkFacts,
  op: 'add' | 'remove',
  host: StaticHost,
  from: 'running' | 'next-boot' = 'running',
): Promise<DhcpHostResult> {
  const name = net.model.name;
  const base: NetworkModel = net.persistent ? net.defined : net.model;
  const family = hostFamily(host.ip);
  let parentIndex: number;
  let entry: StaticHostEntry;
  let liveOnly = false;
  if (op === 'add') {
    const issues = staticHostIssues(base.addresses, host);
    if (issues.length > 0)
      throw new AppError(
        issues.every((i) => /already/.test(i.message)) ? 'exists' : 'invalid-input',
        `Cannot add the static host ${hostWords(host)} to "${name}": ${issues.map((i) => `${STATIC_HOST_LABELS[i.path[0] ?? ''] ?? i.path[0]} ${i.message}`).join('; ')}`,
        issues.every((i) => /already/.test(i.message)) ? 'Remove that one first, or pick another address.' : 'Nothing was changed.',
      );
    parentIndex = staticHostBlock(base.addresses, family);
    if (family === 'ipv6' && !net.persistent && dhcp6Block(base.addresses) < 0) {
      const v6 = base.addresses[parentIndex];
      throw new AppError(
        'invalid-input',
        `Cannot add the static host ${hostWords(host)} to "${name}": Address is IPv6, but the IPv6 subnet ${v6?.address ?? ''}/${v6?.prefix ?? ''} has no DHCPv6 (neither a range nor static hosts): libvirt would take the host, but the running network's dnsmasq only sends router advertisements (ra-only), and this network (not defined, only running) has no next start to serve it`,
        'Nothing was changed. Add a DHCPv6 range first (virsh net-update … add ip-dhcp-range).',
      );
    }
    entry = {
      ...(host.mac ? { mac: host.mac.toLowerCase() } : {}),
      ...(host.id ? { id: host.id } : {}),
      ...(host.name ? { name: host.name } : {}),
      ip: host.ip,
    };
  } else {
    // The list the row is in (an inactive network has one; a transient one only its running list).
    const list = from === 'next-boot' || !net.active ? base : net.model;
    const found = findStaticHost(list.addresses, host);
    if (!found)
      throw new AppError(
        'not-found',
        `Network "${name}" has no static host ${hostWords(host)}${net.active && net.persistent ? (from === 'next-boot' ? ' for its next start' : ' running') : ''}`,
        'The list was out of date: refresh it.',
      );
    // The entry as libvirt has it (all its attributes): libvirt deletes the one whose given attributes all match.
    entry = found.host;
    const inBase = base.addresses.findIndex((a) => a.family === family && a.hosts.some((h) => sameStaticHost(h, entry)));
    liveOnly = list === net.model && net.persistent && inBase < 0;
    parentIndex = liveOnly ? found.index : inBase;
  }
  const block = (liveOnly ? net.model : base).addresses[parentIndex];
  if (!block)
    throw new AppError('invalid-input', `Network "${name}" has no ${family === 'ipv6' ? 'IPv6' : 'IPv4'} subnet`, 'Nothing was changed.');
  const step: Step = {
    what: `static host ${hostWords(entry)}${op === 'remove' ? ' removed' : ''}`,
    section: NetworkUpdateSection.IP_DHCP_HOST,
    command: op === 'add' ? NetworkUpdateCommand.ADD_LAST : NetworkUpdateCommand.DELETE,
    parentIndex,
    block: { family: block.family, address: block.address },
    entry: { kind: 'host', host: entry },
    xml: buildDhcpHostXml(entry),
    live: false,
  };
  step.live = net.active && !stepDone(step, net.model);
  const what = `Cannot ${op} the static host ${hostWords(entry)} on "${name}"`;
  if (op === 'remove') {
    // The lists this DELETE goes to (applyStep's paths; its fallback to the definition alone is a subset).
    const at = (m: NetworkModel): HostList['hosts'] => m.addresses[parentIndex]?.hosts ?? [];
    const running: HostList = { where: 'running', hosts: at(net.model) };
    const definition: HostList = { where: 'definition', hosts: at(base) };
    const lists =
      liveOnly || (net.active && !net.persistent)
        ? [running]
        : !net.active
          ? [definition]
          : step.live
            ? [running, definition]
            : [definition];
    refuseWrongDelete(name, entry, lists, what);
  }
  const failed = (err: unknown): never => {
    // libvirt failed and the network could not be read again: its message, not "Nothing was changed".
    if (isAppError(err, OUTCOME_UNKNOWN)) throw new AppError(OUTCOME_UNKNOWN, `${what}: ${err.message}`, { cause: err, hint: err.hint });
    return explain(what, 'Nothing was changed.')(err);
  };
  if (op === 'add' && family === 'ipv6' && net.active && net.persistent && dhcp6Block(net.model.addresses) < 0) {
    // The running network shows no DHCPv6: libvirt would take the host live, but its dnsmasq may be
    // ra-only (no hostsfile) until a restart (lab-checked; after the last static host was removed it
    // still has its static range, which the XML no longer shows) — so the definition only, and said so.
    await io.update(step, NetworkUpdateFlags.AFFECT_CONFIG).catch(failed);
    return {
      applied: 'pending',
      reason:
        'the running network shows no DHCPv6 (its dnsmasq may send only router advertisements, ra-only): it serves the host after the network restarts',
    };
  }
  if (liveOnly) {
    // Only the running network has it (added live only): removed there; its definition never had it.
    await io.update(step, NetworkUpdateFlags.AFFECT_LIVE).catch(failed);
    return { applied: 'live' };
  }
  const out = await applyStep(step, net, io).catch(failed);
  return out.applied === 'pending' ? { applied: 'pending', reason: out.reason } : { applied: out.applied };
}

/**
 * An edit as virNetworkUpdate steps: removals first (an address freed before it is given
 * again), then additions. The edit is of the network's definition (a running network's
 * definition may already hold changes for its next start; the form shows it); each step also
 * goes to the running network where that one differs, in the same call. One libvirt refuses on
 * the running network (e.g. its address is held there by a host added live only) is put in the
 * definition alone and reported pending until the network restarts. Entries the running network
 * has but its definition lacks (added live only) are left to it: a restart drops them.
 */
export async function editNetwork(rpc: RpcClient, net: NetworkFacts, e: NetworkEdit): Promise<NetworkEditResult> {
  // Inactive or persistent: the definition; transient: only the running network exists.
  const base = net.persistent ? net.defined : net.model;
  const v4 = base.addresses.find((a) => a.family === 'ipv4');
  if (!v4)
    throw new AppError(
      'invalid-input',
      `Network "${e.name}" has no IPv4 subnet`,
      'Only a network with an IPv4 address has a DHCP range and static hosts.',
    );
  const v4Index = base.addresses.indexOf(v4);
  // The running network's IPv4 <ip> (the same place unless a restart is pending on the addresses themselves).
  const live4 = net.active ? net.model.addresses.find((a) => a.family === 'ipv4' && a.address === v4.address) : undefined;
  const hosts = e.hosts.map((h) => ({ ...h, mac: h.mac.toLowerCase() }));
  const check = NetworkIpv4.safeParse({ address: v4.address, prefix: v4.prefix, ...(e.dhcp ? { dhcp: e.dhcp } : {}), hosts });
  if (!check.success)
    throw new AppError(
      'invalid-input',
      `Cannot change "${e.name}": ${check.error.issues.map((i) => `${i.path.join(' ')} ${i.message}`).join('; ')}`,
      'Nothing was changed.',
    );
  const key = (h: { mac?: string; ip?: string; name?: string }) => JSON.stringify([h.mac?.toLowerCase(), h.ip, h.name ?? null]);
  const before = v4.hosts.filter((h): h is DhcpHost => !!h.mac && !!h.ip);
  const running = new Set((live4?.hosts ?? []).map(key));
  const wanted = new Set(hosts.map(key));
  const had = new Set(before.map(key));
  const sameRange = (a?: { start: string; end: string } | null, b?: { start: string; end: string } | null) =>
    (a?.start ?? null) === (b?.start ?? null) && (a?.end ?? null) === (b?.end ?? null);
  const at = { parentIndex: v4Index, block: { family: 'ipv4' as const, address: v4.address } };
  const range = (r: { start: string; end: string }, command: number, what: string, live: boolean): Step => ({
    what,
    section: NetworkUpdateSection.IP_DHCP_RANGE,
    command,
    ...at,
    entry: { kind: 'range', range: r },
    xml: buildDhcpRangeXml(r),
    live,
  });
  const hostStep = (h: DhcpHost, command: number, what: string, live: boolean): Step => ({
    what,
    section: NetworkUpdateSection.IP_DHCP_HOST,
    command,
    ...at,
    entry: { kind: 'host', host: h },
    xml: buildDhcpHostXml(h),
    live,
  });
  const removals: Step[] = [];
  const additions: Step[] = [];
  const { ADD_LAST, DELETE } = NetworkUpdateCommand;
  if (!sameRange(v4.dhcp, e.dhcp) && v4.dhcp)
    removals.push(range(v4.dhcp, DELETE, `DHCP range ${v4.dhcp.start}–${v4.dhcp.end} removed`, !!live4 && sameRange(live4.dhcp, v4.dhcp)));
  for (const h of before)
    if (!wanted.has(key(h))) removals.push(hostStep(h, DELETE, `static host ${h.mac} → ${h.ip} removed`, running.has(key(h))));
  if (!sameRange(v4.dhcp, e.dhcp) && e.dhcp)
    additions.push(range(e.dhcp, ADD_LAST, `DHCP range ${e.dhcp.start}–${e.dhcp.end}`, !!live4 && !sameRange(live4.dhcp, e.dhcp)));
  for (const h of hosts)
    if (!had.has(key(h))) additions.push(hostStep(h, ADD_LAST, `static host ${h.mac} → ${h.ip}`, !!live4 && !running.has(key(h))));
  // Each host removal, in order, against the lists it goes to (libvirt deletes its first loose match):
  // one that would take another entry refuses the whole edit before anything is sent.
  const lists = { running: [...(net.model.addresses[v4Index]?.hosts ?? [])], definition: [...v4.hosts] };
  for (const st of removals) {
    if (st.entry.kind !== 'host') continue;
    const h = st.entry.host;
    const where: HostList['where'][] =
      net.active && !net.persistent ? ['running'] : net.active && st.live ? ['running', 'definition'] : ['definition'];
    refuseWrongDelete(
      e.name,
      h,
      where.map((w) => ({ where: w, hosts: lists[w] })),
      `Cannot change "${e.name}" (${st.what})`,
    );
    for (const w of where) lists[w] = lists[w].filter((x) => x !== libvirtDeleteTarget(lists[w], h));
  }
  const out: NetworkEditResult = { live: [], pending: [], saved: [] };
  const done = () => [...out.live, ...out.pending, ...out.saved];
  for (const st of [...removals, ...additions]) {
    const r = await applyStep(st, net, networkIo(rpc, net)).catch((err: unknown) => {
      const already = done().length ? `Already done: ${done().join('; ')}. ` : '';
      // libvirt took this step but could not apply it: the steps after it are not tried.
      if (isAppError(err, NOT_APPLIED))
        throw new AppError(NOT_APPLIED, `Cannot change "${e.name}": ${err.message}`, { cause: err, hint: `${already}${err.hint ?? ''}` });
      // libvirt failed and the network could not be read again: whether this step changed it is not known.
      if (isAppError(err, OUTCOME_UNKNOWN))
        throw new AppError(OUTCOME_UNKNOWN, `Cannot change "${e.name}" (${st.what}): ${err.message}`, {
          cause: err,
          hint: `${already}${err.hint ?? ''}`,
        });
      return explain(
        `Cannot change "${e.name}" (${st.what})`,
        already ? `${already}Look at the network again.` : 'Nothing was changed.',
      )(err);
    });
    if (r.applied === 'pending') out.pending.push(`${st.what} (the running network refused it: ${r.reason})`);
    // 'saved' on a running network: it already was so, only its definition changed (not "applied to the running network").
    else out[r.applied].push(st.what);
  }
  if (net.persistent && e.autostart !== net.autostart) {
    await networkSetAutostart(rpc, net.ref, e.autostart).catch(
      explain(`Cannot change autostart of "${e.name}"`, done().length ? `Already done: ${done().join('; ')}.` : 'Nothing was changed.'),
    );
    // A definition setting (whether the network starts with the host), never one of the running network.
    out.saved.push(`autostart ${e.autostart ? 'on' : 'off'}`);
  }
  return out;
}
