import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../../electron/backend';

const b = createBackend({ mode: 'web', dataDir: mkdtempSync(join(tmpdir(), 'mig-')) });
const hosts = await b.hosts.addLab();
const name = process.argv[2] ?? 't-mig-x';
const from = process.argv[3] === 'B' ? 1 : 0;
const src = hosts[from]!, dst = hosts[1 - from]!;
const d = (await b.domains.list(src.id)).find((x) => x.name === name)!;
const extra = JSON.parse(process.argv[4] ?? '{}');
const spec: any = { hostId: src.id, uuid: d.uuid, destHostId: dst.id, mode: 'live', storage: 'shared', transport: 'direct', tunnelled: false, persist: true, undefineSource: true, postCopy: false, compression: 'none', ...extra };
const t0 = Date.now();
let job;
try { job = await b.migrations.start(spec, { skipChecks: true }); } catch (e) { console.log('start refused', e); process.exit(0); }
const cancelAt = Number(process.argv[5] ?? 0);
let cancelled = false;
b.events.on('job.progress', (j) => { if (cancelAt && !cancelled && j.progress >= cancelAt) { cancelled = true; console.log('cancel at', j.progress); void b.jobs.cancel(j.id).catch((e) => console.log('cancel err', e.message)); } });
for (;;) { const j = b.jobs.get(job.id); if (j.status !== 'running') break; await new Promise((r) => setTimeout(r, 200)); }
const j = b.jobs.get(job.id);
console.log(((Date.now()-t0)/1000).toFixed(2), j.status, j.error);
const info = b.migrations.get(job.id);
console.log(info.log.map((l: any) => l.text).join('\n'));
console.log(JSON.stringify(info.result));
await b.close();
process.exit(0);
