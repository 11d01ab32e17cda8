/**
 * Captures migration pre-flight facts (electron/services/migration/facts.ts) from the running lab,
 * for the unit tests of the pure checks: one JSON file per scenario under
 * electron/services/migration/fixtures/preflight/. The VMs are throwaways of this run
 * (t-pf-<tag>-*, built like tiny) and are removed at the end with their disks; tiny, tiny-local,
 * stopped and every other guest are only listed, never touched. Nothing is migrated.
 *
 *   npx tsx e2e/lab/capture-preflight-facts.ts [OUT_DIR]
 *
 * Facts hold no secrets (the host entries keep name, address, port, user and URI only); the
 * script refuses to write a file that contains a lab password or anything that looks like one.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../../electron/backend';
import { throwawayXml } from '../../electron/libvirt/lab-fixture';
import { collectPreflightFacts, type PreflightFacts, preflightIo } from '../../electron/services/migration/preflight';
import { MigrationSpec, type MigrationSpecInput } from '../../shared/api';
import { connectLabHosts, inProcess } from './hosts';
import { labSh, readLab, virshOn } from './lab';

const out = process.argv[2] ?? new URL('../../electron/services/migration/fixtures/preflight/', import.meta.url).pathname;
const lab = readLab();
const tag = randomBytes(3).toString('hex');
const vm = (x: string) => `t-pf-${tag}-${x}`;
const SHARED = join(lab.dir, 'shared');
const OWN_DIR = `/var/lib/libvirt/t-pf-${tag}`;
mkdirSync(join(lab.dir, 'tmp'), { recursive: true });
const xmlDir = mkdtempSync(join(lab.dir, 'tmp', 'pf-capture-'));
const made: { host: 'A' | 'B'; name: string }[] = [];
const files: { host: 'A' | 'B'; path: string }[] = [];
const vols: string[] = [];

/** A guest like tiny: `disk` with `driver` attributes, NICs and CPU as given (default: tiny's bridge). */
function guestXml(name: string, o: { disk: string; driver: string; ifaces?: string; cpu?: string; uuid?: string }): string {
  let xml = throwawayXml(name).replace(
    '<devices>',
    `<devices>\n    <disk type='file' device='disk'><driver name='qemu' ${o.driver}/><source file='${o.disk}'/><target dev='vda' bus='virtio'/></disk>`,
  );
  if (o.ifaces !== undefined) xml = xml.replace(/\s*<interface [\s\S]*?<\/interface>/, o.ifaces);
  if (o.cpu) xml = xml.replace('<features>', `${o.cpu}\n  <features>`);
  if (o.uuid) xml = xml.replace(`<name>${name}</name>`, `<name>${name}</name>\n  <uuid>${o.uuid}</uuid>`);
  return xml;
}

async function define(host: 'A' | 'B', name: string, xml: string, start = false): Promise<string> {
  const f = join(xmlDir, `${name}-${host}.xml`);
  writeFileSync(f, xml);
  await virshOn(host, ['define', f]);
  made.push({ host, name });
  if (start) await virshOn(host, ['start', name]);
  return (await virshOn(host, ['domuuid', name])).trim();
}

async function undefine(host: 'A' | 'B', name: string): Promise<void> {
  await virshOn(host, ['destroy', name]).catch(() => {});
  await virshOn(host, ['undefine', name, '--nvram']).catch(() => {});
}

/** Any string of the lab's secrets, or what a secret looks like in a definition. */
function assertNoSecrets(json: string, file: string): void {
  const secrets = lab.hosts.flatMap((h) => (h.password ? [h.password.password] : []));
  try {
    const acc = JSON.parse(readFileSync(join(lab.dir, 'accounts.json'), 'utf8')) as { jump?: { password?: string } };
    if (acc.jump?.password) secrets.push(acc.jump.password);
  } catch {
    // No extra accounts on this lab.
  }
  const leaked = secrets.filter((s) => s && json.includes(s));
  if (leaked.length || /passwd=|<secret|PRIVATE KEY|"auth"|keyPath/.test(json))
    throw new Error(`${file}: the facts would hold a secret (${leaked.length} lab password(s) or a secret-shaped field); not written`);
}

const be = createBackend({ mode: 'web', dataDir: mkdtempSync(join(tmpdir(), 'vireo-pf-capture-')) });
const written: string[] = [];
try {
  const [A, B] = await connectLabHosts(inProcess(be), lab);
  if (!A || !B) throw new Error('the lab has not two hosts');
  const spec = (uuid: string, o: Partial<MigrationSpecInput> = {}) =>
    MigrationSpec.parse({ hostId: A.id, destHostId: B.id, uuid, mode: 'live', storage: 'shared', transport: 'direct', ...o });
  async function capture(scenario: string, description: string, s: MigrationSpec): Promise<PreflightFacts> {
    const facts = await collectPreflightFacts(preflightIo(be.hosts, s), s);
    const json = `${JSON.stringify({ scenario, description, capturedFrom: 'e2e/lab (lab-a -> lab-b)', spec: s, facts }, null, 2)}\n`;
    const file = join(out, `${scenario}.json`);
    assertNoSecrets(json, file);
    mkdirSync(out, { recursive: true });
    writeFileSync(file, json);
    written.push(file);
    console.error(`wrote ${file}`);
    return facts;
  }

  // v1: running, its qcow2 on the lab's shared directory (same path and file on both hosts, not NFS).
  const v1Disk = join(SHARED, `${vm('v1')}.qcow2`);
  await labSh(['exec', 'A', 'qemu-img', 'create', '-q', '-f', 'qcow2', v1Disk, '16M']);
  files.push({ host: 'A', path: v1Disk });
  const v1 = await define('A', vm('v1'), guestXml(vm('v1'), { disk: v1Disk, driver: "type='qcow2' cache='none'" }), true);
  await capture('live-shared-unsafe', 'Running on A, disk on the shared directory (ext4 on both): ready, with --unsafe', spec(v1));
  await capture('live-shared-p2p', 'The same VM, peer-to-peer: A opens B with virsh itself', spec(v1, { transport: 'p2p' }));
  await define('B', vm('clash'), throwawayXml(vm('clash')));
  await capture(
    'live-shared-name-clash',
    'The same VM renamed to a name B already uses for another VM',
    spec(v1, { newName: vm('clash') }),
  );
  await undefine('B', vm('clash'));

  // v2: running, its qcow2 a volume of A's default pool (B has a default pool at the same path, without the file).
  await virshOn('A', ['vol-create-as', 'default', `${vm('v2')}.qcow2`, '24M', '--format', 'qcow2']);
  vols.push(`${vm('v2')}.qcow2`);
  const v2Disk = `/var/lib/libvirt/images/${vm('v2')}.qcow2`;
  const v2 = await define('A', vm('v2'), guestXml(vm('v2'), { disk: v2Disk, driver: "type='qcow2' cache='none'" }), true);
  await capture(
    'live-copy-default-pool',
    'Running on A, disk in the default pool: copied into B’s default pool',
    spec(v2, { storage: 'copy' }),
  );
  await capture('live-shared-disk-missing-on-b', 'The same VM with shared storage: its disk is not on B', spec(v2));
  await capture(
    'live-copy-chosen-pool-missing',
    'The same VM copied into a pool B does not have',
    spec(v2, { storage: 'copy', destPool: `nosuch-${tag}` }),
  );

  // v3: running, its qcow2 in a directory of A that is no pool (on A or B).
  await labSh(['exec', 'A', 'mkdir', '-p', OWN_DIR]);
  files.push({ host: 'A', path: OWN_DIR });
  const v3Disk = `${OWN_DIR}/${vm('v3')}.qcow2`;
  await labSh(['exec', 'A', 'qemu-img', 'create', '-q', '-f', 'qcow2', v3Disk, '20M']);
  const v3 = await define('A', vm('v3'), guestXml(vm('v3'), { disk: v3Disk, driver: "type='qcow2' cache='none'" }), true);
  await capture(
    'live-copy-no-pool-at-dir',
    'Running on A, disk outside any pool: B has no pool at its directory',
    spec(v3, { storage: 'copy' }),
  );

  // v4: shut off, a raw volume in A's default pool; NICs on an inactive network, a missing bridge, user mode.
  await virshOn('A', ['vol-create-as', 'default', `${vm('v4')}.raw`, '8M', '--format', 'raw']);
  vols.push(`${vm('v4')}.raw`);
  const v4Disk = `/var/lib/libvirt/images/${vm('v4')}.raw`;
  const ifaces =
    "\n    <interface type='network'><mac address='52:54:00:7f:00:01'/><source network='default'/><model type='virtio'/></interface>" +
    "\n    <interface type='bridge'><mac address='52:54:00:7f:00:02'/><source bridge='nosuchbr'/><model type='virtio'/></interface>" +
    "\n    <interface type='bridge'><mac address='52:54:00:7f:00:03'/><source bridge='labbr0'/><model type='virtio'/></interface>" +
    "\n    <interface type='user'><mac address='52:54:00:7f:00:04'/><model type='virtio'/></interface>";
  const v4 = await define('A', vm('v4'), guestXml(vm('v4'), { disk: v4Disk, driver: "type='raw'", ifaces }));
  await capture(
    'offline-copy',
    'Shut off on A, raw volume in the default pool, copied offline; NICs B lacks',
    spec(v4, { mode: 'offline', storage: 'copy' }),
  );
  await define('B', vm('v4'), guestXml(vm('v4'), { disk: v4Disk, driver: "type='raw'", ifaces: '', uuid: v4 }));
  await capture(
    'offline-copy-stale-same-name',
    'B keeps a shut-off definition of the VM (same name and UUID)',
    spec(v4, { mode: 'offline', storage: 'copy' }),
  );
  await undefine('B', vm('v4'));
  await define('B', vm('old'), guestXml(vm('old'), { disk: v4Disk, driver: "type='raw'", ifaces: '', uuid: v4 }));
  await capture(
    'offline-copy-stale-other-name',
    'B defines the VM under another name (same UUID, shut off)',
    spec(v4, { mode: 'offline', storage: 'copy' }),
  );
  await undefine('B', vm('old'));

  // v5: running with cache='writeback' on the shared directory and a custom CPU model; then its definition fixed to cache='none'.
  const v5Disk = join(SHARED, `${vm('v5')}.qcow2`);
  await labSh(['exec', 'A', 'qemu-img', 'create', '-q', '-f', 'qcow2', v5Disk, '16M']);
  files.push({ host: 'A', path: v5Disk });
  const cpu = "<cpu mode='custom' match='exact'><model fallback='forbid'>qemu64</model></cpu>";
  const v5 = await define('A', vm('v5'), guestXml(vm('v5'), { disk: v5Disk, driver: "type='qcow2' cache='writeback'", cpu }), true);
  await capture('live-writeback-custom-cpu', "Running with cache='writeback' on shared storage, CPU model qemu64", spec(v5));
  await define('A', vm('v5'), guestXml(vm('v5'), { disk: v5Disk, driver: "type='qcow2' cache='none'", cpu, uuid: v5 }));
  await capture('live-writeback-defined-none', "Still running with 'writeback'; its definition now says cache='none'", spec(v5));
} finally {
  for (const { host, name } of made.reverse()) await undefine(host, name);
  for (const v of vols) await virshOn('A', ['vol-delete', v, '--pool', 'default']).catch(() => {});
  for (const f of files) await labSh(['exec', f.host, 'rm', '-rf', f.path]).catch(() => {});
  rmSync(xmlDir, { recursive: true, force: true });
  await be.close();
}
console.log(written.join('\n'));
