/**
 * Captures the facts clone and install read from the lab (collectCloneFacts, collectInstallFacts:
 * the product's own readers) for real scenarios, as the JSON fixtures the unit tests of their pure
 * checks and plans replay: electron/services/clone/fixtures/*.json, electron/services/install/fixtures/*.json.
 *
 * It makes its own scratch objects, all named t-capt-* / tcapt-*, and removes them at the end:
 * on A a shut-off VM with four disks (a pool qcow2, a qcow2 overlay with a backing file, an ISO
 * CD-ROM, a file outside every pool) and three NICs (labbr0, a network and a bridge only A has),
 * an ISO and an image to import; on A and B a 1 MiB pool (tmpfs) and a pool that is defined but
 * not running. It never touches other VMs (tiny, dirty …). Over 400 lines: one scenario list,
 * each scenario a few lines, kept in one file so the fixtures have one source.
 *
 *   npx tsx e2e/lab/capture-clone-install-facts.ts
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend } from '../../electron/backend';
import { type CloneHosts, collectCloneFacts } from '../../electron/services/clone/facts';
import { collectInstallFacts, type InstallHosts, readOsList } from '../../electron/services/install/facts';
import { hostIo } from '../../electron/services/transfer';
import { CloneSpec, InstallSpec } from '../../shared/api';
import { connectLabHosts, inProcess } from './hosts';
import { labSh, readLab, virshOn } from './lab';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cloneDir = join(root, 'electron/services/clone/fixtures');
const installDir = join(root, 'electron/services/install/fixtures');
const lab = readLab();
const stopped = lab.guests.stopped;
if (!stopped) throw new Error('the lab has no guest "stopped"');
const IMG = '/var/lib/libvirt/images';
const SRC = 't-capt-src';
const vols = {
  src: `${SRC}.qcow2`,
  base: 't-capt-base.qcow2',
  overlay: 't-capt-overlay.qcow2',
  iso: 't-capt.iso',
  image: 't-capt-import.qcow2',
};
const OUTSIDE = '/var/lib/libvirt/t-capt-outside.img';
const SMALL = { pool: 'tcapt-small', dir: '/var/lib/libvirt/tcapt-small' };
const OFF = { pool: 'tcapt-off', dir: '/var/lib/libvirt/tcapt-off' };
const NET = 'tcapt-net';
const NET_BRIDGE = 'tcaptbr0';

function save(dir: string, name: string, data: unknown): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(data, null, 2)}\n`);
  console.log(`wrote ${join(dir, `${name}.json`)}`);
}

async function quiet(p: Promise<unknown>): Promise<void> {
  await p.catch(() => {});
}

async function setUp(): Promise<void> {
  await virshOn('A', ['vol-clone', '--pool', 'default', 'stopped.qcow2', vols.src]);
  await virshOn('A', ['vol-create-as', 'default', vols.base, '16M', '--format', 'qcow2']);
  await virshOn('A', [
    'vol-create-as',
    'default',
    vols.overlay,
    '16M',
    '--format',
    'qcow2',
    '--backing-vol',
    `${IMG}/${vols.base}`,
    '--backing-vol-format',
    'qcow2',
  ]);
  await virshOn('A', ['vol-create-as', 'default', vols.iso, '2M', '--format', 'raw']);
  await virshOn('A', ['vol-create-as', 'default', vols.image, '64M', '--format', 'qcow2']);
  await labSh(['exec', 'A', 'truncate', '-s', '1M', OUTSIDE]);
  // An isolated network on A only (B lacks it, and its bridge): the clone to B must remap two NICs.
  const net = mkdtempSync(join(tmpdir(), 'vireo-capture-net-'));
  try {
    writeFileSync(join(net, 'net.xml'), `<network><name>${NET}</name><bridge name='${NET_BRIDGE}'/></network>`);
    await virshOn('A', ['net-define', join(net, 'net.xml')]);
    await virshOn('A', ['net-start', NET]);
  } finally {
    rmSync(net, { recursive: true, force: true });
  }
  const extra = `
    <interface type='network'><source network='${NET}'/><model type='virtio'/></interface>
    <interface type='bridge'><source bridge='${NET_BRIDGE}'/><model type='e1000e'/></interface>
    <disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='${IMG}/${vols.overlay}'/><target dev='vdb' bus='virtio'/></disk>
    <disk type='file' device='cdrom'><driver name='qemu' type='raw'/><source file='${IMG}/${vols.iso}'/><target dev='sda' bus='sata'/><readonly/></disk>
    <disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='${OUTSIDE}'/><target dev='vdc' bus='virtio'/></disk>
  </devices>`;
  const xml = (await virshOn('A', ['dumpxml', '--inactive', 'stopped']))
    .replace('<name>stopped</name>', `<name>${SRC}</name>`)
    .replace(/\s*<uuid>[^<]*<\/uuid>/, '')
    .replace(/\s*<mac address=[^>]*\/>/, '')
    .replace(/\s*<log file=[^>]*\/>/g, '')
    .replace(stopped?.disk ?? '', `${IMG}/${vols.src}`)
    .replace('</devices>', extra);
  const dir = mkdtempSync(join(tmpdir(), 'vireo-capture-'));
  try {
    writeFileSync(join(dir, 'src.xml'), xml);
    await virshOn('A', ['define', join(dir, 'src.xml')]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  for (const h of ['A', 'B'] as const) {
    // A pool with 1 MiB of room (a tmpfs in the host's mount namespace), and one that is not running.
    await labSh(['exec', h, 'sh', '-c', 'mkdir -p "$1" "$2" && mount -t tmpfs -o size=1m tcapt-small "$1"', 'sh', SMALL.dir, OFF.dir]);
    await virshOn(h, ['pool-define-as', SMALL.pool, 'dir', '--target', SMALL.dir]);
    await virshOn(h, ['pool-start', SMALL.pool]);
    await virshOn(h, ['pool-define-as', OFF.pool, 'dir', '--target', OFF.dir]);
  }
}

async function tearDown(): Promise<void> {
  await quiet(virshOn('A', ['destroy', SRC]));
  await quiet(virshOn('A', ['undefine', SRC]));
  for (const v of Object.values(vols)) await quiet(virshOn('A', ['vol-delete', '--pool', 'default', v]));
  await quiet(labSh(['exec', 'A', 'rm', '-f', OUTSIDE]));
  await quiet(virshOn('A', ['net-destroy', NET]));
  await quiet(virshOn('A', ['net-undefine', NET]));
  for (const h of ['A', 'B'] as const) {
    for (const p of [SMALL.pool, OFF.pool]) {
      await quiet(virshOn(h, ['pool-destroy', p]));
      await quiet(virshOn(h, ['pool-undefine', p]));
    }
    await quiet(labSh(['exec', h, 'sh', '-c', 'umount "$1"; rmdir "$1" "$2"', 'sh', SMALL.dir, OFF.dir]));
  }
}

const backend = createBackend({ mode: 'web', dataDir: mkdtempSync(join(tmpdir(), 'vireo-capture-data-')) });
try {
  await tearDown(); // leftovers of an earlier run
  const hosts = await connectLabHosts(inProcess(backend), lab);
  const A = hosts.find((h) => h.spec.address === lab.hosts.find((x) => x.id === 'A')?.address)?.id;
  const B = hosts.find((h) => h.spec.address === lab.hosts.find((x) => x.id === 'B')?.address)?.id;
  if (!A || !B) throw new Error('the lab hosts did not connect');
  const reach: CloneHosts & InstallHosts = { io: (id) => hostIo(backend.hosts, id), details: (id) => backend.hosts.details(id) };
  await setUp();
  const uuid = (await virshOn('A', ['domuuid', SRC])).trim();
  const macs = [...(await virshOn('A', ['dumpxml', '--inactive', SRC])).matchAll(/<mac address='([^']+)'/g)].map((m) => m[1] ?? '');
  const mac = macs[0] ?? '';

  // ---- clone ----
  const cloneSpec = (over: Partial<CloneSpec>, targetHostId = A): CloneSpec =>
    CloneSpec.parse({
      hostId: A,
      uuid,
      targetHostId,
      name: 't-capt-clone',
      disks: [
        { target: 'vda', mode: 'copy', pool: 'default', volume: 't-capt-clone.qcow2' },
        { target: 'vdb', mode: 'detach' },
        { target: 'sda', mode: 'detach' },
        { target: 'vdc', mode: 'detach' },
      ],
      nics: [{ mac }],
      ...over,
    });
  const clone = async (name: string, description: string, spec: CloneSpec) => {
    const newUuid = spec.newUuid ?? randomUUID();
    save(cloneDir, name, { description, spec, facts: await collectCloneFacts(reach, spec, { spec, uuid: newUuid }) });
  };
  save(cloneDir, 'options-same-host', {
    description: `${SRC} (shut off, four disks) cloned on A: what the wizard offers`,
    facts: await collectCloneFacts(reach, { hostId: A, uuid, targetHostId: A }),
  });
  save(cloneDir, 'options-cross-host', {
    description: `${SRC} cloned from A to B: what the wizard offers`,
    facts: await collectCloneFacts(reach, { hostId: A, uuid, targetHostId: B }),
  });
  await clone(
    'same-host',
    'On A: vda and the overlay vdb copied into default, the ISO shared, the outside file detached, the clone started',
    cloneSpec({
      disks: [
        { target: 'vda', mode: 'copy', pool: 'default', volume: 't-capt-clone.qcow2' },
        { target: 'vdb', mode: 'copy', pool: 'default', volume: 't-capt-clone-1.qcow2' },
        { target: 'sda', mode: 'share' },
        { target: 'vdc', mode: 'detach' },
      ],
      start: true,
    }),
  );
  await clone(
    'cross-host',
    'A to B: vda streamed into default on B (sha256), a bandwidth cap; NICs: labbr0 (B has it), the second dropped, the third moved to labbr0',
    cloneSpec(
      {
        nics: [
          { mac, target: { kind: 'bridge', name: 'labbr0' } },
          { mac: macs[1] ?? '', target: { kind: 'none' } },
          { mac: macs[2] ?? '', target: { kind: 'bridge', name: 'labbr0' } },
        ],
        bandwidthMiBps: 8,
      },
      B,
    ),
  );
  await clone(
    'cross-host-unmapped',
    'A to B: the NIC left as it is, the overlay asked to be copied (it has a backing file), the ISO asked to be shared (B lacks it)',
    cloneSpec(
      {
        disks: [
          { target: 'vda', mode: 'copy', pool: 'default', volume: 't-capt-clone.qcow2' },
          { target: 'vdb', mode: 'copy', pool: 'default', volume: 't-capt-clone-1.qcow2' },
          { target: 'sda', mode: 'share' },
          { target: 'vdc', mode: 'share' },
        ],
      },
      B,
    ),
  );
  await clone(
    'pools',
    'On A: vda into a 1 MiB pool (it fits), vdb into a pool that is not running, the ISO into a pool that does not exist',
    cloneSpec({
      disks: [
        { target: 'vda', mode: 'copy', pool: SMALL.pool, volume: 't-capt-clone.qcow2' },
        { target: 'vdb', mode: 'copy', pool: OFF.pool, volume: 't-capt-clone-1.qcow2' },
        { target: 'sda', mode: 'copy', pool: 'tcapt-nopool', volume: 't-capt-clone.iso' },
        { target: 'vdc', mode: 'detach' },
      ],
    }),
  );
  await clone(
    'disk-list',
    'A to B: vdc listed twice, no decision for vdb and sda, a disk the source lacks',
    cloneSpec(
      {
        disks: [
          { target: 'vda', mode: 'detach' },
          { target: 'vdc', mode: 'detach' },
          { target: 'vdc', mode: 'copy', pool: 'default', volume: 'x.img' },
          { target: 'vdz', mode: 'detach' },
        ],
      },
      B,
    ),
  );
  await clone(
    'no-room',
    'A to B: the 2 MiB ISO copied into a 1 MiB pool; the first NIC on a bridge B lacks, the others left as they are (B lacks their network and bridge)',
    cloneSpec(
      {
        disks: [
          { target: 'vda', mode: 'copy', pool: 'default', volume: 't-capt-clone.qcow2' },
          { target: 'vdb', mode: 'detach' },
          { target: 'sda', mode: 'copy', pool: SMALL.pool, volume: 't-capt-clone.iso' },
          { target: 'vdc', mode: 'detach' },
        ],
        nics: [{ mac, target: { kind: 'bridge', name: 'tcaptbr9' } }],
      },
      B,
    ),
  );
  await clone(
    'taken',
    `On A: the source's own name, UUID, volume name and MAC (all taken), the NIC on a network A lacks`,
    cloneSpec({
      name: SRC,
      newUuid: uuid,
      disks: [
        { target: 'vda', mode: 'copy', pool: 'default', volume: vols.src },
        { target: 'vdb', mode: 'copy', pool: 'default', volume: vols.src },
        { target: 'sda', mode: 'copy', pool: 'default', volume: 'x.iso' },
        { target: 'vdc', mode: 'copy', pool: 'default', volume: 'y.img' },
      ],
      nics: [{ mac, newMac: mac, target: { kind: 'network', name: 'tcapt-nonet' } }],
    }),
  );
  await clone(
    'networks',
    'On A: the first NIC on the network default (defined, not running), the second with the MAC the preview chose, the third dropped',
    cloneSpec({
      nics: [
        { mac, target: { kind: 'network', name: 'default' } },
        { mac: macs[1] ?? '', newMac: '52:54:00:7e:57:01' },
        { mac: (macs[2] ?? '').toUpperCase(), target: { kind: 'none' } },
      ],
    }),
  );
  await virshOn('A', ['start', '--paused', SRC]);
  await clone('paused', `On A: ${SRC} paused (its disks are streamed through Vireo)`, cloneSpec({}));
  await clone('paused-cross-host', `A to B: ${SRC} paused`, cloneSpec({}, B));
  await virshOn('A', ['resume', SRC]);
  await clone('running', `On A: ${SRC} running (refused)`, cloneSpec({}));
  await virshOn('A', ['destroy', SRC]);

  // ---- install ----
  const os = await readOsList(reach.io(A));
  const installSpec = (over: Partial<InstallSpec>): InstallSpec =>
    InstallSpec.parse({
      hostId: A,
      name: 't-capt-inst',
      osVariant: 'linux2022',
      source: {
        kind: 'kernel',
        kernel: `${lab.dir}/guest/vmlinuz`,
        initrd: `${lab.dir}/guest/initrd.img`,
        cmdline: 'console=ttyS0 panic=-1',
      },
      vcpus: 1,
      memoryMiB: 192,
      disk: { kind: 'new', pool: 'default', name: 't-capt-inst.qcow2', sizeMiB: 64, format: 'qcow2' },
      nic: { kind: 'bridge', name: 'labbr0' },
      graphics: true,
      serial: true,
      start: true,
      virtType: 'qemu',
      ...over,
    });
  const install = async (name: string, description: string, spec: InstallSpec) => {
    save(installDir, name, { description, spec, facts: await collectInstallFacts(reach, spec, spec.uuid ?? randomUUID(), os) });
  };
  await install('kernel', 'Kernel + initrd of the lab guest, a new 64 MiB qcow2 disk, NIC on labbr0', installSpec({}));
  await install(
    'iso',
    'An ISO from the default pool as a CD-ROM, a new disk, a Windows variant (SATA, e1000e), no serial console',
    installSpec({ osVariant: 'win11', source: { kind: 'iso', pool: 'default', volume: vols.iso }, serial: false, start: false }),
  );
  await install(
    'iso-only',
    'An ISO and no disk, no NIC',
    installSpec({ source: { kind: 'iso', pool: 'default', volume: vols.iso }, disk: { kind: 'none' }, nic: { kind: 'none' } }),
  );
  await install(
    'import',
    'An existing qcow2 image imported in place as the boot disk',
    installSpec({ source: { kind: 'import', pool: 'default', volume: vols.image }, disk: { kind: 'none' }, start: false }),
  );
  await install(
    'existing-disk',
    'Kernel boot with an existing disk, on the network default (not running), the kernel missing on the host',
    installSpec({
      source: { kind: 'kernel', kernel: '/nonexistent/t-capt/vmlinuz', cmdline: 'quiet' },
      disk: { kind: 'existing', pool: 'default', volume: vols.image },
      nic: { kind: 'network', name: 'default' },
    }),
  );
  await install(
    'no-room',
    'A new 100 GiB raw disk in a 1 MiB pool; a bridge the host lacks',
    installSpec({
      disk: { kind: 'new', pool: SMALL.pool, name: 't-capt-big.img', sizeMiB: 100 * 1024, format: 'raw' },
      nic: { kind: 'bridge', name: 'tcaptbr9' },
    }),
  );
  await install(
    'pool-off',
    'A new disk in a pool that is not running; an ISO in a pool that does not exist',
    installSpec({
      source: { kind: 'iso', pool: 'tcapt-nopool', volume: 'x.iso' },
      disk: { kind: 'new', pool: OFF.pool, name: 't-capt-inst.qcow2', sizeMiB: 64, format: 'qcow2' },
    }),
  );
  await install(
    'taken',
    `The name, UUID, disk name and MAC of ${SRC} (all taken), too many vCPUs, a network that does not exist`,
    installSpec({
      name: SRC,
      uuid,
      mac,
      vcpus: 4096,
      disk: { kind: 'new', pool: 'default', name: vols.src, sizeMiB: 64, format: 'qcow2' },
      nic: { kind: 'network', name: 'tcapt-nonet' },
    }),
  );
  await install(
    'missing-volumes',
    'An existing disk and an ISO the pool does not have',
    installSpec({
      source: { kind: 'iso', pool: 'default', volume: 't-capt-none.iso' },
      disk: { kind: 'existing', pool: 'default', volume: 't-capt-none.qcow2' },
    }),
  );
  await install('kvm', 'Hardware acceleration asked for (the lab may or may not offer it)', installSpec({ virtType: 'kvm' }));
  // A network install tree served on the lab network: the host probes it.
  const files: Record<string, number> = { '/tree/vmlinuz': 1024, '/tree/initrd.img': 2048 };
  const server = createServer((req, res) => {
    const size = files[req.url ?? ''];
    if (size === undefined) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Length': size });
    res.end(req.method === 'HEAD' ? undefined : Buffer.alloc(size));
  });
  await new Promise<void>((r) => server.listen(0, lab.rootIp, () => r()));
  try {
    const base = `http://${lab.rootIp}:${(server.address() as AddressInfo).port}`;
    await install(
      'url',
      'A network install tree the host finds (vmlinuz + initrd.img)',
      installSpec({ source: { kind: 'url', url: `${base}/tree/`, cmdline: 'panic=-1' } }),
    );
    await install(
      'url-empty',
      'A network install tree with no installer the host can find',
      installSpec({ source: { kind: 'url', url: `${base}/empty`, cmdline: '' }, serial: true }),
    );
  } finally {
    server.close();
  }
} finally {
  await tearDown();
  await backend.close();
}
