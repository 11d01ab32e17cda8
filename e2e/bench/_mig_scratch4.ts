import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../../electron/backend';

const dataDir = mkdtempSync(join(tmpdir(), 'mig-'));
const b = createBackend({ mode: 'web', dataDir });
const hosts = await b.hosts.addLab();
const name = process.argv[2] ?? 't-mig-x';
const from = process.argv[3] === 'B' ? 1 : 0;
const src = hosts[from]!, dst = hosts[1 - from]!;
const d = (await b.domains.list(src.id)).find((x) => x.name === name)!;
const spec: any = { hostId: src.id, uuid: d.uuid, destHostId: dst.id, mode: 'live', storage: 'shared', transport: 'p2p', tunnelled: false, persist: true, undefineSource: true, postCopy: false, compression: 'none', bandwidthMiBps: 5 };
const t0 = Date.now();
const r = await b.dispatch('migrations.start', spec);
if (!r.ok) { console.log(r.error); process.exit(1); }
await new Promise((r) => setTimeout(r, 3000));
console.log('closing backend 1 at', (Date.now()-t0)/1000);
await b.close();
const b2 = createBackend({ mode: 'web', dataDir });
let n = 0;
b2.events.on('job.progress', (j) => { n++; const f = j.figures; if (n % 4 === 0 || j.status !== 'running' || n < 3) console.log(((Date.now()-t0)/1000).toFixed(2), j.title, j.status, j.phase, (j.progress*100).toFixed(0)+'%', 'rem', f.memRemaining, j.error?.message ?? ''); });
for (const h of b2.hosts.list()) await b2.hosts.connect(h.id);
console.log('reconnected at', (Date.now()-t0)/1000);
for (let i = 0; i < 100 && b2.jobs.list().length === 0; i++) await new Promise((r) => setTimeout(r, 100));
const job = b2.jobs.list()[0];
if (!job) { console.log('no job found'); process.exit(1); }
for (;;) { const j = b2.jobs.get(job.id); if (j.status !== 'running') break; await new Promise((r) => setTimeout(r, 200)); }
const info = (await b2.dispatch('migrations.get', { jobId: job.id }) as any).value;
console.log(info.log.map((l: any) => l.text).join('\n'), JSON.stringify(info.result));
await b2.close();
process.exit(0);
