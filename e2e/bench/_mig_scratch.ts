import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../../electron/backend';

const b = createBackend({ mode: 'web', dataDir: mkdtempSync(join(tmpdir(), 'mig-')) });
const hosts = await b.hosts.addLab();
const [A, B] = hosts;
const uuid = '7e570000-0000-4000-8000-000000000001';
const t0 = Date.now();
const mode = process.argv[2] ?? 'live';
const spec: any = { hostId: A!.id, uuid: process.argv[3] ?? uuid, destHostId: B!.id, mode, storage: process.argv[4] ?? 'shared', transport: process.argv[5] ?? 'direct', tunnelled: false, persist: true, undefineSource: true, postCopy: false, compression: 'none' };
const r = await b.dispatch('migrations.preflight', spec);
console.log(Date.now() - t0, 'ms');
console.log(JSON.stringify(r, null, 1));
await b.close();
process.exit(0);
