// No domain XML leaves the backend with a secret in it: a VM with a VNC password, cloned (the
// preview's XML) and shown (the details' XML). The backend itself still knows the password is set.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectLabHosts, inProcess } from '../../e2e/lab/hosts';
import { readLab, virshOn } from '../../e2e/lab/lab';
import { CloneSpec } from '../../shared/api';
import { type Backend, createBackend } from '../backend';
import { throwawayXml } from '../libvirt/lab-fixture';

const lab = readLab();
const dataDir = mkdtempSync(join(tmpdir(), 'vireo-secrets-lab-'));
const tag = randomBytes(3).toString('hex');
const name = `t-secret-${tag}`;
const password = `v${tag}x`; // VNC allows 8 characters
let b: Backend;
let idA = '';

beforeAll(async () => {
  b = createBackend({ mode: 'web', dataDir });
  await connectLabHosts(inProcess(b), lab);
  idA = b.hosts.list().find((h) => h.spec.address === lab.hosts[0]?.address)?.id ?? '';
});

afterAll(async () => {
  await b?.close();
  await virshOn('A', ['undefine', name, '--nvram']).catch(() => {});
  rmSync(join(lab.dir, 'tmp', `${name}.xml`), { force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('secrets in domain XML (lab)', () => {
  it("low clone preview secrets the clone preview and the VM's details carry no VNC password", async () => {
    mkdirSync(join(lab.dir, 'tmp'), { recursive: true });
    const f = join(lab.dir, 'tmp', `${name}.xml`);
    const xml = throwawayXml(name).replace("<graphics type='vnc'", `<graphics type='vnc' passwd='${password}'`);
    expect(xml).toContain(password);
    writeFileSync(f, xml);
    await virshOn('A', ['define', f]);
    const uuid = (await virshOn('A', ['domuuid', name])).trim();
    expect(await virshOn('A', ['dumpxml', '--security-info', name])).toContain(password);

    const app = inProcess(b);
    const preview = await app.call(
      'clone.preview',
      CloneSpec.parse({ hostId: idA, uuid, targetHostId: idA, name: `${name}-c`, disks: [], nics: [] }),
    );
    expect(preview.xml).toContain("<graphics type='vnc'".replace(/'/g, '"'));
    expect(preview.xml).not.toContain(password);
    expect(preview.xml).not.toMatch(/passwd=/);

    const details = await app.call('domains.details', { hostId: idA, uuid });
    expect(details.xml).not.toContain(password);
    expect(details.graphics[0]).toMatchObject({ type: 'vnc', hasPassword: true });
    expect(JSON.stringify(details)).not.toContain(password);
  });
});
