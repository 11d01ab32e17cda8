/**
 * The OS list of the install wizard: libosinfo's database on the host when it has osinfo-query
 * (what virt-install and virt-manager use), else a short built-in list. Each OS family sets the
 * defaults the wizard starts from; the admin can change every one of them.
 */
import { OsShortId, type OsVariant } from '../../../shared/api';

type Family = OsVariant['family'];

const FAMILY_DEFAULTS: Record<Family, OsVariant['defaults']> = {
  linux: { vcpus: 2, memoryMiB: 2048, diskGiB: 20, virtio: true },
  // Windows installers have no virtio drivers of their own: SATA disk and e1000e NIC work out of the box.
  windows: { vcpus: 2, memoryMiB: 4096, diskGiB: 64, virtio: false },
  bsd: { vcpus: 2, memoryMiB: 2048, diskGiB: 20, virtio: true },
  other: { vcpus: 1, memoryMiB: 1024, diskGiB: 10, virtio: true },
};

function v(id: string, name: string, family: Family, osinfoUri: string, over: Partial<OsVariant['defaults']> = {}): OsVariant {
  return { id, name, family, osinfoUri, defaults: { ...FAMILY_DEFAULTS[family], ...over } };
}

/** When the host has no libosinfo: common server and desktop OSes, newest first per vendor. */
export const BUILTIN_OS_VARIANTS: readonly OsVariant[] = [
  v('linux2022', 'Generic Linux (2022 or later)', 'linux', 'http://libosinfo.org/linux/2022'),
  v('linux2020', 'Generic Linux (2020)', 'linux', 'http://libosinfo.org/linux/2020'),
  v('debian12', 'Debian 12 (bookworm)', 'linux', 'http://debian.org/debian/12'),
  v('debian11', 'Debian 11 (bullseye)', 'linux', 'http://debian.org/debian/11'),
  v('ubuntu24.04', 'Ubuntu 24.04 LTS', 'linux', 'http://ubuntu.com/ubuntu/24.04', { memoryMiB: 4096, diskGiB: 25 }),
  v('ubuntu22.04', 'Ubuntu 22.04 LTS', 'linux', 'http://ubuntu.com/ubuntu/22.04', { memoryMiB: 4096, diskGiB: 25 }),
  v('fedora40', 'Fedora 40', 'linux', 'http://fedoraproject.org/fedora/40', { memoryMiB: 4096 }),
  v('rhel9.4', 'Red Hat Enterprise Linux 9.4', 'linux', 'http://redhat.com/rhel/9.4'),
  v('centos-stream9', 'CentOS Stream 9', 'linux', 'http://centos.org/centos-stream/9'),
  v('rocky9', 'Rocky Linux 9', 'linux', 'http://rockylinux.org/rocky/9'),
  v('almalinux9', 'AlmaLinux 9', 'linux', 'http://almalinux.org/almalinux/9'),
  v('opensuse15.5', 'openSUSE Leap 15.5', 'linux', 'http://opensuse.org/opensuse/15.5'),
  v('alpinelinux3.19', 'Alpine Linux 3.19', 'linux', 'http://alpinelinux.org/alpinelinux/3.19', { vcpus: 1, memoryMiB: 512, diskGiB: 8 }),
  v('archlinux', 'Arch Linux', 'linux', 'http://archlinux.org/archlinux/rolling'),
  v('freebsd14.0', 'FreeBSD 14.0', 'bsd', 'http://freebsd.org/freebsd/14.0'),
  v('win11', 'Microsoft Windows 11', 'windows', 'http://microsoft.com/win/11', { diskGiB: 80 }),
  v('win10', 'Microsoft Windows 10', 'windows', 'http://microsoft.com/win/10'),
  v('win2k22', 'Microsoft Windows Server 2022', 'windows', 'http://microsoft.com/win/2k22'),
  v('win2k19', 'Microsoft Windows Server 2019', 'windows', 'http://microsoft.com/win/2k19'),
  v('generic', 'Other / unknown OS', 'other', 'http://libosinfo.org/unknown'),
];

function familyOf(osinfoFamily: string, shortId: string): Family {
  const f = osinfoFamily.toLowerCase();
  if (f === 'linux') return 'linux';
  if (f.startsWith('win')) return 'windows';
  if (f.includes('bsd')) return 'bsd';
  if (/^win/.test(shortId)) return 'windows';
  return 'other';
}

/**
 * Parses `osinfo-query os --fields=short-id,name,family,id` (a table: a header, a dashed rule,
 * then `value | value | …` rows). Returns [] when the output is not that table.
 */
export function parseOsinfoQuery(stdout: string): OsVariant[] {
  const lines = stdout.split('\n');
  const rule = lines.findIndex((l) => /^-+(\+-+)+\s*$/.test(l.trim()));
  if (rule < 1) return [];
  const out: OsVariant[] = [];
  const seen = new Set<string>();
  for (const line of lines.slice(rule + 1)) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 4) continue;
    const [id, name, fam, uri] = cells as [string, string, string, string];
    // Several short ids per OS are listed comma-separated in newer versions: take the first.
    const short = id.split(',')[0]?.trim() ?? '';
    if (!OsShortId.safeParse(short).success || seen.has(short)) continue;
    seen.add(short);
    const family = familyOf(fam, short);
    out.push({ id: short, name: name || short, family, ...(uri ? { osinfoUri: uri } : {}), defaults: { ...FAMILY_DEFAULTS[family] } });
  }
  // The generic choices first, then by name.
  const rank = (o: OsVariant) => (o.id.startsWith('linux20') || o.id === 'generic' ? 0 : 1);
  return out.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** The variant for an id (from the list given), else a generic one of the right family. */
export function variantOf(list: readonly OsVariant[], id: string): OsVariant {
  return (
    list.find((o) => o.id === id) ??
    BUILTIN_OS_VARIANTS.find((o) => o.id === id) ?? {
      id,
      name: id,
      family: familyOf('', id),
      defaults: { ...FAMILY_DEFAULTS[familyOf('', id)] },
    }
  );
}
