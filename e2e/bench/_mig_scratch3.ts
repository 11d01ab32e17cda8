import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../../electron/backend';
import { labSh } from '../lab/lab';

const b = createBackend({ mode: 'web', dataDir: mkdtempSync(join(tmpdir(), 'mig-')) });
const hosts = await b.hosts.addLab();
const name = process.argv[2] ?? 't-mig-x';
const from = process.argv[3] === 'B' ? 1 : 0;
const src = hosts[from]!, dst = hosts[1 - from]!;
const doms = await b.domains.list(src.id);
const d = doms.find((x) => x.name === name)!;
const spec: any = { hostId: src.id, uuid: d.uuid, destHostId: dst.id, mode: 'live', storage: 'shared', transport: 'p2p', tunnelled: false, persist: true, undefineSource: true, postCopy: false, compression: 'none', bandwidthMiBps: 5 };
let n = 0; const t0 = Date.now();
b.events.on('job.progress', (j) => { n++; const f = j.figures; if (n % 4 === 0 || j.status !== 'running') console.log(((Date.now()-t0)/1000).toFixed(2), j.status, j.phase, (j.progress*100).toFixed(0)+'%', 'rem', f.memRemaining, j.error?.message ?? '', j.error?.hint ?? ''); });
b.events.on('host.state', (e) => console.log(((Date.now()-t0)/1000).toFixed(2), 'host', e.hostId, e.state.status));
const r = await b.dispatch('migrations.start', spec);
if (!r.ok) { console.log(r.error); process.exit(1); }
const job = r.value as any;
await new Promise((r) => setTimeout(r, 2500));
const port = (await b.hosts.sshSession(src.id)).localPort;
const hid = from ? 'B' : 'A';
const out = await labSh(['exec', hid, 'ss', '-Htnp', 'state', 'established', `( sport = :22 and dport = :${port} )`]);
const pid = /pid=(\d+)/.exec(out.stdout)?.[1];
console.log('killing sshd', pid, 'for port', port);
await labSh(['exec', hid, 'kill', '-9', pid!]);
for (;;) { const j = b.jobs.get(job.id); if (j.status !== 'running') break; await new Promise((r) => setTimeout(r, 200)); }
const info = (await b.dispatch('migrations.get', { jobId: job.id }) as any).value;
console.log(info.log.map((l: any) => l.text).join('\n'), JSON.stringify(info.result));
console.log('events', n, 'in', (Date.now()-t0)/1000);
await b.close();
process.exit(0);
