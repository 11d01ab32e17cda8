/**
 * Captures consecutive bulk stats samples (CONNECT_GET_ALL_DOMAIN_STATS with the groups the stats
 * service asks for) from lab host A, each stamped with the time its request left and the time its
 * reply came, around the life of a throwaway guest: a few samples 2 s apart while it runs, then
 * samples every 50 ms while it is destroyed and while it starts again (the windows in which
 * libvirt reports another counter as its cpu.time). electron/services/fixtures/domstats-*.json
 * are cut from its output.
 *
 *   npx tsx e2e/lab/capture-stats.ts [OUT.json] [RUNNING_SAMPLES (3)]
 */
import { writeFileSync } from 'node:fs';
import { domainGetAllStats } from '../../electron/libvirt/domain';
import { hostGetNodeInfo } from '../../electron/libvirt/host';
import { openHost, removeThrowaways, throwawayXml } from '../../electron/libvirt/lab-fixture';
import { DomainStatsFlags } from '../../electron/libvirt/protocol';
import { STATS_GROUPS } from '../../electron/services/stats';
import { labDir, virshOn } from './lab';

const out = process.argv[2] ?? `${labDir()}/domstats-capture.json`;
/** The stats service's own groups: the capture sees what the app reads. */
const GROUPS = STATS_GROUPS;
const KEEP = /^(state\.(state|reason)|cpu\.(time|user|system)|vcpu\.(current|maximum|\d+\.(state|time))|balloon\.(current|maximum|rss))$/;
const runningSamples = Number(process.argv[3] ?? 3);
const name = `t-proto-stats-${process.pid}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Sample {
  phase: string;
  sentAt: number;
  repliedAt: number;
  records: { name: string; uuid: string; stats: Record<string, number> }[];
}

const h = await openHost('A');
const samples: Sample[] = [];
async function sample(phase: string): Promise<Sample> {
  const sentAt = Date.now();
  const recs = await domainGetAllStats(h.rpc, {
    stats: GROUPS,
    flags: DomainStatsFlags.ACTIVE | DomainStatsFlags.NOWAIT,
    timeoutMs: 30_000,
  });
  const s: Sample = {
    phase,
    sentAt,
    repliedAt: Date.now(),
    records: recs.map((r) => ({
      name: r.domain.name,
      uuid: r.domain.uuid,
      stats: Object.fromEntries(Object.entries(r.stats).flatMap(([k, v]) => (KEEP.test(k) ? [[k, Number(v)]] : []))),
    })),
  };
  samples.push(s);
  const mine = s.records.find((r) => r.name === name);
  console.error(`${phase} rtt ${s.repliedAt - s.sentAt} ms ${name} cpu.time ${mine ? mine.stats['cpu.time'] : '-'}`);
  return s;
}

try {
  const node = await hostGetNodeInfo(h.rpc);
  writeFileSync(`/tmp/${name}.xml`, throwawayXml(name));
  await virshOn('A', ['define', `/tmp/${name}.xml`]);
  await virshOn('A', ['start', name]);
  for (let i = 0; i < runningSamples; i++) {
    await sample('running');
    await sleep(2000);
  }
  // Requests every 10 ms, several in flight: libvirtd serves them in parallel, so some land in
  // the moments when the domain is still listed as active but its QEMU process is gone or not yet there.
  const burst = async (phase: string, work: Promise<unknown>) => {
    let done = false;
    void work.finally(() => {
      done = true;
    });
    const inflight: Promise<Sample>[] = [];
    while (!done) {
      inflight.push(sample(phase));
      await sleep(10);
    }
    await Promise.all(inflight);
    await work;
  };
  await burst('stopping', virshOn('A', ['destroy', name]));
  await burst('starting', virshOn('A', ['start', name]));
  await sleep(2000);
  await sample('running');
  samples.sort((a, b) => a.sentAt - b.sentAt);
  writeFileSync(out, `${JSON.stringify({ host: 'lab-a', hostCpus: node.cpus, guest: name, samples }, null, 1)}\n`);
  console.error(`wrote ${out}`);
} finally {
  await removeThrowaways('A', name);
  await h.close();
}
