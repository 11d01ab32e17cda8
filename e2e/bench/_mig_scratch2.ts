import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../../electron/backend';

const b = createBackend({ mode: 'web', dataDir: mkdtempSync(join(tmpdir(), 'mig-')) });
const hosts = await b.hosts.addLab();
const name = process.argv[2] ?? 't-mig-x';
const from = process.argv[3] === 'B' ? 1 : 0;
const src = hosts[from]!, dst = hosts[1 - from]!;
const doms = await b.domains.list(src.id);
const d = doms.find((x) => x.name === name)!;
const extra = JSON.parse(process.argv[4] ?? '{}');
const spec: any = { hostId: src.id, uuid: d.uuid, destHostId: dst.id, mode: 'live', storage: 'shared', transport: 'direct', tunnelled: false, persist: true, undefineSource: true, postCopy: false, compression: 'none', ...extra };
let n = 0; const t0 = Date.now();
b.events.on('job.progress', (j) => { n++; const f = j.figures; console.log(((Date.now()-t0)/1000).toFixed(2), j.status, j.phase, (j.progress*100).toFixed(0)+'%', 'rem', f.memRemaining, 'it', f.iteration, 'dirty', f.dirtyBps, 'nc', f.nonConverging, j.error?.message ?? ''); });
const r = await b.dispatch('migrations.start', spec);
if (!r.ok) { console.log(r.error); process.exit(1); }
const job = r.value as any;
for (;;) { const j = b.jobs.get(job.id); if (j.status !== 'running') break; await new Promise((r) => setTimeout(r, 200)); }
const info = await b.dispatch('migrations.get', { jobId: job.id });
console.log(JSON.stringify({ ...(info as any).value, samples: (info as any).value.samples.length }, null, 1));
console.log('events', n, 'in', (Date.now()-t0)/1000);
await b.close();
process.exit(0);
