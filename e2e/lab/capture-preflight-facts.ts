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
import { isAppError } from '../../electron/libvirt/errors';
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
const bVols: string[] = [];
const pools: string[] = [];

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
  /**
   * Runs `setup` (which makes what the scenario needs, idempotently, and returns the spec), then
   * collects the facts. Other helpers' runs reset the lab (which removes every guest they did not
   * start): when the VM vanished meanwhile, the scenario is set up and collected once more.
   */
  async function capture(scenario: string, description: string, setup: () => Promise<MigrationSpec>): Promise<PreflightFacts> {
    let s = await setup();
    let facts: PreflightFacts;
    try {
      facts = await collectPreflightFacts(preflightIo(be.hosts, s), s);
    } catch (err) {
      if (!isAppError(err, 'not-found')) throw err;
      console.error(`${scenario}: ${err.message}; setting it up again`);
      s = await setup();
      facts = await collectPreflightFacts(preflightIo(be.hosts, s), s);
    }
    const json = `${JSON.stringify({ scenario, description, capturedFrom: 'e2e/lab (lab-a -> lab-b)', spec: s, facts }, null, 2)}\n`;
    const file = join(out, `${scenario}.json`);
    assertNoSecrets(json, file);
    mkdirSync(out, { recursive: true });
    writeFileSync(file, json);
    written.push(file);
    console.error(`wrote ${file}`);
    return facts;
  }

  /** A guest on A made by `make` unless it is there (a lab reset may have removed it); its UUID. */
  async function guest(name: string, make: () => Promise<unknown>): Promise<string> {
    const have = await virshOn('A', ['domuuid', name]).catch(() => null);
    if (have) return have.trim();
    await make();
    return (await virshOn('A', ['domuuid', name])).trim();
  }
  const qcow2On = async (host: 'A' | 'B', path: string, size: string) => {
    await labSh(['exec', host, 'qemu-img', 'create', '-q', '-f', 'qcow2', path, size]);
    files.push({ host, path });
  };
  const volOnA = async (name: string, size: string, format: string) => {
    await virshOn('A', ['vol-create-as', 'default', name, size, '--format', format]);
    vols.push(name);
  };

  // v1: running, its qcow2 on the lab's shared directory (same path and file on both hosts, not NFS).
  const v1Disk = join(SHARED, `${vm('v1')}.qcow2`);
  const v1 = () =>
    guest(vm('v1'), async () => {
      await qcow2On('A', v1Disk, '16M');
      await define('A', vm('v1'), guestXml(vm('v1'), { disk: v1Disk, driver: "type='qcow2' cache='none'" }), true);
    });
  await capture('live-shared-unsafe', 'Running on A, disk on the shared directory (ext4 on both): ready, with --unsafe', async () =>
    spec(await v1()),
  );
  await capture('live-shared-p2p', 'The same VM, peer-to-peer: A opens B with virsh itself', async () =>
    spec(await v1(), { transport: 'p2p' }),
  );
  await capture('live-shared-p2p-unreachable', 'Peer-to-peer through a URI whose address nothing answers', async () =>
    spec(await v1(), { transport: 'p2p', peerUri: 'qemu+ssh://10.203.0.99/system' }),
  );
  await capture('live-shared-p2p-refused', 'Peer-to-peer as a user B refuses', async () =>
    spec(await v1(), { transport: 'p2p', peerUri: 'qemu+ssh://nosuch@10.203.0.2/system' }),
  );
  await capture('live-shared-name-clash', 'The same VM renamed to a name B already uses for another VM', async () => {
    if (!(await virshOn('B', ['domuuid', vm('clash')]).catch(() => null))) await define('B', vm('clash'), throwawayXml(vm('clash')));
    return spec(await v1(), { newName: vm('clash') });
  });
  await undefine('B', vm('clash'));

  // v2: running, its qcow2 a volume of A's default pool (B has a default pool at the same path, without the file).
  const v2Disk = `/var/lib/libvirt/images/${vm('v2')}.qcow2`;
  const v2 = () =>
    guest(vm('v2'), async () => {
      await volOnA(`${vm('v2')}.qcow2`, '24M', 'qcow2');
      await define('A', vm('v2'), guestXml(vm('v2'), { disk: v2Disk, driver: "type='qcow2' cache='none'" }), true);
    });
  await capture('live-copy-default-pool', 'Running on A, disk in the default pool: copied into B’s default pool', async () =>
    spec(await v2(), { storage: 'copy' }),
  );
  await capture('live-shared-disk-missing-on-b', 'The same VM with shared storage: its disk is not on B', async () => spec(await v2()));
  // B gets a volume of 1 MiB at the disk's path: libvirt would reuse it, and it is too small.
  await capture('live-copy-volume-too-small-on-b', 'The same VM copied: B already has a 1 MiB volume at its disk’s path', async () => {
    await virshOn('B', ['vol-create-as', 'default', `${vm('v2')}.qcow2`, '1M', '--format', 'qcow2']).catch(() => '');
    bVols.push(`${vm('v2')}.qcow2`);
    return spec(await v2(), { storage: 'copy' });
  });
  await virshOn('B', ['vol-delete', `${vm('v2')}.qcow2`, '--pool', 'default']);
  // A pool of this run on B, at another directory: started, then stopped.
  const bPool = `t-pf-${tag}-pool`;
  const poolOnB = async (active: boolean) => {
    if (!(await virshOn('B', ['pool-info', bPool]).catch(() => null))) {
      await labSh(['exec', 'B', 'mkdir', '-p', `/var/lib/libvirt/${bPool}`]);
      files.push({ host: 'B', path: `/var/lib/libvirt/${bPool}` });
      await virshOn('B', ['pool-define-as', bPool, 'dir', '--target', `/var/lib/libvirt/${bPool}`]);
      pools.push(bPool);
    }
    if (active) await virshOn('B', ['pool-start', bPool]).catch(() => '');
    else await virshOn('B', ['pool-destroy', bPool]).catch(() => '');
  };
  await capture('live-copy-chosen-pool', 'The same VM copied into a pool of B at another directory', async () => {
    await poolOnB(true);
    return spec(await v2(), { storage: 'copy', destPool: bPool });
  });
  await capture('live-copy-chosen-pool-inactive', 'The same, the pool defined on B but not started', async () => {
    await poolOnB(false);
    return spec(await v2(), { storage: 'copy', destPool: bPool });
  });
  await capture('live-copy-chosen-pool-missing', 'The same VM copied into a pool B does not have', async () =>
    spec(await v2(), { storage: 'copy', destPool: `nosuch-${tag}` }),
  );

  // v3: running, its qcow2 in a directory of A that is no pool (on A or B).
  const v3Disk = `${OWN_DIR}/${vm('v3')}.qcow2`;
  await capture('live-copy-no-pool-at-dir', 'Running on A, disk outside any pool: B has no pool at its directory', async () => {
    const uuid = await guest(vm('v3'), async () => {
      await labSh(['exec', 'A', 'mkdir', '-p', OWN_DIR]);
      files.push({ host: 'A', path: OWN_DIR });
      await qcow2On('A', v3Disk, '20M');
      await define('A', vm('v3'), guestXml(vm('v3'), { disk: v3Disk, driver: "type='qcow2' cache='none'" }), true);
    });
    return spec(uuid, { storage: 'copy' });
  });

  // v4: shut off, a raw volume in A's default pool; NICs on an inactive network, a missing bridge, user mode.
  const v4Disk = `/var/lib/libvirt/images/${vm('v4')}.raw`;
  const ifaces =
    "\n    <interface type='network'><mac address='52:54:00:7f:00:01'/><source network='default'/><model type='virtio'/></interface>" +
    "\n    <interface type='bridge'><mac address='52:54:00:7f:00:02'/><source bridge='nosuchbr'/><model type='virtio'/></interface>" +
    "\n    <interface type='bridge'><mac address='52:54:00:7f:00:03'/><source bridge='labbr0'/><model type='virtio'/></interface>" +
    "\n    <interface type='user'><mac address='52:54:00:7f:00:04'/><model type='virtio'/></interface>";
  const v4 = () =>
    guest(vm('v4'), async () => {
      await volOnA(`${vm('v4')}.raw`, '8M', 'raw');
      await define('A', vm('v4'), guestXml(vm('v4'), { disk: v4Disk, driver: "type='raw'", ifaces }));
    });
  const offline = { mode: 'offline', storage: 'copy' } as const;
  await capture('offline-copy', 'Shut off on A, raw volume in the default pool, copied offline; NICs B lacks', async () =>
    spec(await v4(), offline),
  );
  /** B holds a shut-off definition with v4's UUID under `name` (and nothing else of ours). */
  const staleOnB = async (name: string) => {
    const uuid = await v4();
    for (const n of [vm('v4'), vm('old')]) if (n !== name) await undefine('B', n);
    await define('B', name, guestXml(name, { disk: v4Disk, driver: "type='raw'", ifaces: '', uuid }));
    return spec(uuid, offline);
  };
  await capture('offline-copy-stale-same-name', 'B keeps a shut-off definition of the VM (same name and UUID)', () => staleOnB(vm('v4')));
  await capture('offline-copy-stale-other-name', 'B defines the VM under another name (same UUID, shut off)', () => staleOnB(vm('old')));
  await undefine('B', vm('old'));
  // v4 asks for a CPU feature the lab's TCG CPU does not have.
  const avx = "<cpu mode='custom' match='exact'><model fallback='forbid'>qemu64</model><feature policy='require' name='avx512f'/></cpu>";
  await capture('offline-cpu-incompatible', 'Shut off, its CPU requires avx512f, which B cannot provide', async () => {
    const uuid = await v4();
    await define('A', vm('v4'), guestXml(vm('v4'), { disk: v4Disk, driver: "type='raw'", ifaces: '', cpu: avx, uuid }));
    return spec(uuid, offline);
  });

  // v5: running with cache='writeback' on the shared directory and a custom CPU model; then its definition fixed to cache='none'.
  const v5Disk = join(SHARED, `${vm('v5')}.qcow2`);
  const cpu = "<cpu mode='custom' match='exact'><model fallback='forbid'>qemu64</model></cpu>";
  const v5 = () =>
    guest(vm('v5'), async () => {
      await qcow2On('A', v5Disk, '16M');
      await define('A', vm('v5'), guestXml(vm('v5'), { disk: v5Disk, driver: "type='qcow2' cache='writeback'", cpu }), true);
    });
  await capture('live-writeback-custom-cpu', "Running with cache='writeback' on shared storage, CPU model qemu64", async () =>
    spec(await v5()),
  );
  await capture('live-writeback-defined-none', "Still running with 'writeback'; its definition now says cache='none'", async () => {
    const uuid = await v5();
    await define('A', vm('v5'), guestXml(vm('v5'), { disk: v5Disk, driver: "type='qcow2' cache='none'", cpu, uuid }));
    return spec(uuid);
  });
} finally {
  for (const { host, name } of made.reverse()) await undefine(host, name);
  for (const v of vols) await virshOn('A', ['vol-delete', v, '--pool', 'default']).catch(() => {});
  for (const v of bVols) await virshOn('B', ['vol-delete', v, '--pool', 'default']).catch(() => {});
  for (const p of pools) {
    await virshOn('B', ['pool-destroy', p]).catch(() => {});
    await virshOn('B', ['pool-undefine', p]).catch(() => {});
  }
  for (const f of files) await labSh(['exec', f.host, 'rm', '-rf', f.path]).catch(() => {});
  rmSync(xmlDir, { recursive: true, force: true });
  await be.close();
}
console.log(written.join('\n'));
