import { describe, expect, it } from 'vitest';
import type { InstallOptions } from '../../../shared/api';
import { initialDraft, issues, nicKey, nicOf, toSpec, uploadVolumeName, withFormat, withName, withVariant } from './draft';
import { firmwareChoices, firmwareReasons } from './firmware';

const OPTIONS: InstallOptions = {
  hostId: 'lab-a',
  osVariants: [
    {
      id: 'linux2022',
      name: 'Generic Linux (2022 or later)',
      family: 'linux',
      defaults: { vcpus: 2, memoryMiB: 2048, diskGiB: 20, virtio: true },
    },
    { id: 'win11', name: 'Microsoft Windows 11', family: 'windows', defaults: { vcpus: 2, memoryMiB: 4096, diskGiB: 80, virtio: false } },
  ],
  osinfoSource: 'built-in',
  domainType: 'qemu',
  domainTypes: ['qemu'],
  arch: 'x86_64',
  machine: 'pc-q35-7.2',
  emulator: '/usr/bin/qemu-system-x86_64',
  cpu: { mode: 'host-model' },
  maxVcpus: 288,
  hostMemoryMiB: 8192,
  pools: [{ name: 'default', uuid: 'u', state: 'running', capacity: 1, allocation: 0, available: 1 }],
  networks: [],
  bridges: ['labbr0'],
  suggested: { pool: 'default', nic: { kind: 'bridge', name: 'labbr0' } },
  firmware: { uefi: { offered: true }, secureBoot: { offered: true }, tpm: { offered: true, model: 'tpm-crb' } },
};

describe('install draft', () => {
  it('starts from the host’s suggestions and the first OS, with a free name and a matching volume name', () => {
    const d = initialDraft(OPTIONS, new Set(['linux2022']));
    expect(d).toMatchObject({
      name: 'linux2022-1',
      diskName: 'linux2022-1.qcow2',
      diskPool: 'default',
      nic: 'bridge:labbr0',
      vcpus: 2,
      memoryMiB: 2048,
      diskSize: 20,
    });
  });

  it('the volume name follows the VM name and format until typed', () => {
    let d = withName(initialDraft(OPTIONS, new Set()), `web "prod" <1>`);
    expect(d.diskName).toBe('web_prod_1_.qcow2');
    d = withFormat(d, 'raw');
    expect(d.diskName).toBe('web_prod_1_.img');
    d = withName({ ...d, diskName: 'mine.img', diskNameTouched: true }, 'other');
    expect(d.diskName).toBe('mine.img');
  });

  it('an OS sets its defaults', () => {
    expect(withVariant(initialDraft(OPTIONS, new Set()), OPTIONS.osVariants[1])).toMatchObject({
      osVariant: 'win11',
      memoryMiB: 4096,
      diskSize: 80,
    });
  });

  it('builds the contract’s spec: sizes in MiB, an import carries no extra disk', () => {
    const d = {
      ...initialDraft(OPTIONS, new Set()),
      source: 'kernel' as const,
      kernel: '/k',
      initrd: '',
      cmdline: 'console=ttyS0',
      diskSize: 64,
      diskUnit: 'MiB' as const,
    };
    expect(toSpec(d)).toMatchObject({
      source: { kind: 'kernel', kernel: '/k', cmdline: 'console=ttyS0' },
      disk: { kind: 'new', sizeMiB: 64 },
      nic: { kind: 'bridge', name: 'labbr0' },
    });
    expect(toSpec({ ...d, source: 'import', importVolume: 'x.qcow2' }).disk).toEqual({ kind: 'none' });
  });

  it('checks a step with the contract’s schema', () => {
    const d = initialDraft(OPTIONS, new Set());
    expect(issues({ ...d, source: 'iso' }, 0)).toEqual({ 'source.volume': 'ISO: pick one (or upload one)' });
    expect(issues({ ...d, source: 'kernel', kernel: 'relative' }, 0)['source.kernel']).toBe(
      'Kernel (path on the host) must be an absolute path on the host',
    );
    expect(issues({ ...d, source: 'url', url: 'ftp://x', urlKernel: '../k' }, 0)).toEqual({
      'source.url': 'Install tree URL must be an http:// or https:// URL',
      'source.kernel': 'Kernel in the tree must be a relative path inside the install tree',
    });
    expect(issues({ ...d, name: 'a/b' }, 1).name).toBe('Name must not contain "/"');
    expect(issues({ ...d, name: '', vcpus: 0, memoryMiB: 8 }, 1)).toEqual({
      name: 'Name is empty',
      vcpus: 'vCPUs must be at least 1 vCPU',
      memoryMiB: 'Memory (MiB) must be at least 16 MiB',
    });
    expect(issues({ ...d, name: `ok "q" <b>` }, 1)).toEqual({});
  });

  it('NIC keys round-trip; upload names keep plain characters', () => {
    for (const n of [{ kind: 'network', name: 'default' }, { kind: 'bridge', name: 'br0' }, { kind: 'none' }] as const)
      expect(nicOf(nicKey(n))).toEqual(n);
    expect(uploadVolumeName('Debian 12 (netinst).iso')).toBe('Debian_12_netinst_.iso');
  });

  it('BIOS by default (nothing sent); UEFI, secure boot and a TPM sent when chosen; what the host lacks disabled with its reason once', () => {
    const d = initialDraft(OPTIONS, new Set());
    expect(d).toMatchObject({ firmware: 'bios', tpm: false });
    expect(toSpec(d)).not.toHaveProperty('firmware');
    expect(toSpec(d)).not.toHaveProperty('tpm');
    expect(toSpec({ ...d, firmware: 'uefi-secure', tpm: true })).toMatchObject({ firmware: 'uefi-secure', tpm: true });
    expect(firmwareChoices(OPTIONS.firmware).filter((c) => c.disabled)).toEqual([]);
    expect(firmwareReasons(OPTIONS.firmware)).toEqual([]);
    const none = 'lab-a’s libvirt offers no UEFI firmware';
    const lacking = {
      uefi: { offered: false, reason: none },
      secureBoot: { offered: false, reason: none },
      tpm: { offered: false, reason: 'no swtpm' },
    };
    expect(firmwareChoices(lacking).map((c) => [c.value, !!c.disabled])).toEqual([
      ['bios', false],
      ['uefi', true],
      ['uefi-secure', true],
    ]);
    expect(firmwareReasons(lacking)).toEqual([none, 'no swtpm']);
  });
});
