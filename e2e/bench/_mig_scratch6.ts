import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../../electron/backend';

const b = createBackend({ mode: 'web', dataDir: mkdtempSync(join(tmpdir(), 'mig-')) });
const hosts = await b.hosts.addLab();
const name = process.argv[2] ?? 't-mig-x';
const from = process.argv[3] === 'B' ? 1 : 0;
const remedy = process.argv[4] ?? 'suspend';
const transport = process.argv[5] ?? 'direct';
const src = hosts[from]!, dst = hosts[1 - from]!;
const d = (await b.domains.list(src.id)).find((x) => x.name === name)!;
const spec: any = { hostId: src.id, uuid: d.uuid, destHostId: dst.id, mode: 'live', storage: 'shared', transport, tunnelled: false, persist: true, undefineSource: true, postCopy: remedy === 'postcopy', compression: 'none', bandwidthMiBps: 10 };
const t0 = Date.now();
const job = await b.migrations.start(spec, { skipChecks: true });
let done = false;
b.events.on('job.progress', (j) => { const f = j.figures; console.log(((Date.now()-t0)/1000).toFixed(1), j.status, j.phase, 'rem', ((f.memRemaining??0)/1048576).toFixed(1), 'it', f.iteration, 'dirty', ((f.dirtyBps??0)/1048576).toFixed(1), 'bps', ((f.memBps??0)/1048576).toFixed(1), 'nc', f.nonConverging); if (f.nonConverging && !done) { done = true; const info = b.migrations.get(j.id); console.log('REMEDIES', info.remedies.map((r) => r.label).join(' | ')); const r = info.remedies.find((x) => x.control.action === remedy)!; console.log('apply', r.label); b.migrations.control(j.id, r.control).catch((e) => console.log('control failed', e.message)); } });
for (;;) { const j = b.jobs.get(job.id); if (j.status !== 'running') break; await new Promise((r) => setTimeout(r, 200)); }
const j = b.jobs.get(job.id);
console.log(j.status, j.error?.message);
const info = b.migrations.get(job.id);
console.log(info.log.map((l: any) => l.text).join('\n'));
await b.close();
process.exit(0);
