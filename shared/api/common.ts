/**
 * The primitive validators every feature's schemas are built from (names, ids, UUIDs, MACs, disk
 * targets, paths, addresses), and the error/result shapes every reply uses. One rule per kind of
 * value: a feature file never writes its own regex for one of these.
 */
import { z } from 'zod';

/**
 * zod's default messages in plain words ("is longer than 64 characters", not "Too big: expected
 * string to have <=64 characters"), for the rules that set no message of their own. Both sides
 * import this file, so the backend's refusals and the forms' own checks read alike.
 */
z.config({
  customError: (iss) => {
    const n = (v: unknown) => Number(v);
    switch (iss.code) {
      case 'too_big':
        if (iss.origin === 'string') return `is longer than ${n(iss.maximum)} characters`;
        if (iss.origin === 'array' || iss.origin === 'set') return `has more than ${n(iss.maximum)} entries`;
        return `must be at most ${n(iss.maximum)}`;
      case 'too_small':
        if (iss.origin === 'string') return n(iss.minimum) <= 1 ? 'is empty' : `is shorter than ${n(iss.minimum)} characters`;
        if (iss.origin === 'array' || iss.origin === 'set') return `needs at least ${n(iss.minimum)} entries`;
        return `must be at least ${n(iss.minimum)}`;
      case 'invalid_type':
        if (iss.input === undefined) return 'is missing';
        return iss.expected === 'int' || iss.expected === 'number' ? 'must be a number' : `must be a ${iss.expected}`;
      case 'invalid_format':
        return 'is not in the expected form';
      case 'invalid_value':
        return 'is not one of the choices';
      case 'unrecognized_keys':
        return `has unexpected fields: ${iss.keys.join(', ')}`;
      default:
        return undefined;
    }
  },
});

const hasControl = (s: string) => [...s].some((c) => c.charCodeAt(0) < 0x20);

/** A domain, pool, volume or network name as libvirt takes it: 1–1024 characters, no "/" and no control characters; shown verbatim. */
export const ObjectName = z
  .string()
  .min(1, 'Name is empty')
  .max(1024, 'Name is longer than 1024 characters')
  .refine((s) => !s.includes('/'), 'Name must not contain "/"')
  .refine((s) => !hasControl(s), 'Name must not contain control characters');

/** A host's id in Vireo's store: lower-case letters, digits and "-", up to 63, not starting with "-". */
export const HostId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'Invalid host id');
export type HostId = z.infer<typeof HostId>;

/** A job's id as the backend hands it out (also a prompt's id): 1–64 characters. */
export const JobId = z.string().min(1).max(64);

/** An address we open SSH to: a DNS name or an IP (v4, v6 without brackets), nothing a shell or ssh could misread. */
export const HostAddress = z
  .string()
  .min(1, 'Address is empty')
  .max(253, 'Address is too long')
  .regex(/^[A-Za-z0-9][A-Za-z0-9.:_-]*$/, 'Address may contain only letters, digits, ".", ":", "-", "_"');

/** A UUID, 8-4-4-4-12 hex digits in either case, normalised to lower case as libvirt prints it. */
export const Uuid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'Not a UUID')
  .toLowerCase();

const MAC_RE = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i;
/** The MAC of an existing NIC: six hex pairs with colons, either case, normalised to lower case as libvirt prints it. */
export const MacAddress = z.string().regex(MAC_RE, 'Not a MAC address').toLowerCase();
/** The MAC for a new NIC: as MacAddress, and unicast (the first byte even), which libvirt requires of a NIC. */
export const NicMacAddress = z
  .string()
  .regex(MAC_RE, 'Not a MAC address')
  .refine((s) => (Number.parseInt(s.slice(0, 2), 16) & 1) === 0, 'Not a unicast MAC address (the first byte must be even)')
  .toLowerCase();

/**
 * A disk's guest device name: a prefix libvirt accepts (fd, hd, sd, vd, xvd, ubd), 1–4 letters
 * for the index and at most 3 digits for a partition (libvirt's virDiskNameParse): vda, sdb, hdc, xvdaa.
 */
export const DiskTarget = z.string().regex(/^(?:fd|hd|sd|vd|xvd|ubd)[a-z]{1,4}[0-9]{0,3}$/, 'Not a disk target like vda');

/** The file name of a volume Vireo creates (install, clone, emulated USB disk): a letter or digit, then letters, digits, ".", "_", "+", "-" (up to 128 in all). */
export const VolumeFileName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$/, 'Use letters, digits, ".", "_", "+" and "-" (up to 128)');

/** An LVM volume group name (a logical pool's source): letters, digits, "+", "_", ".", "-", not starting with "-", up to 127; not "." or "..". */
export const VolumeGroupName = z
  .string()
  .regex(/^[A-Za-z0-9+_.][A-Za-z0-9+_.-]{0,126}$/, 'Use letters, digits, "+", "_", ".", "-" (not first), up to 127')
  .refine((s) => s !== '.' && s !== '..', 'Must not be "." or ".."');

/** An absolute path on a host: starts with "/", 2–4096 characters, no control characters. */
export const AbsPath = z
  .string()
  .min(2)
  .max(4096)
  .regex(/^\//, 'Must be an absolute path on the host')
  .refine((s) => !hasControl(s), 'Must not contain control characters');

/** A relative path inside a tree (a network install tree): starts with a letter or digit, no "..", no spaces, up to 256. */
export const TreePath = z.string().regex(/^(?!.*\.\.)[A-Za-z0-9][A-Za-z0-9._/+-]{0,255}$/, 'A relative path inside the install tree');

/** Free text on one line (a kernel command line): up to 4096 characters, no control characters. */
export const OneLine = z
  .string()
  .max(4096)
  .refine((s) => !hasControl(s), 'Must not contain control characters');

/** A libvirt node device name (usb_1_3): letters, digits, "_", ".", ":", "-", up to 256. */
export const NodeDeviceName = z.string().regex(/^[A-Za-z0-9_.:-]{1,256}$/, 'Not a node device name');

/** A host bridge (a network interface name): up to 15 characters (IFNAMSIZ), letters, digits, "_", ".", ":", "-". */
export const BridgeName = z.string().regex(/^[A-Za-z0-9_.:-]{1,15}$/, 'Not a host bridge name');

/** An IPv4 address in dotted quads (10.203.101.1): four numbers 0–255 without leading zeros. */
export const Ipv4Address = z
  .string()
  .regex(/^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/, 'is not an IPv4 address like 10.0.0.1');

/** The prefix length of a virtual network's IPv4 subnet: /8 to /30 (a /31 or /32 leaves no address for a guest). */
export const Ipv4Prefix = z.number().int('must be a whole number').min(8, 'must be 8 or more').max(30, 'must be 30 or less');

/** A DHCP host name (dnsmasq's host label): a letter or digit, then letters, digits and "-" (up to 63). */
export const DhcpHostName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,62}$/, 'may contain only letters, digits and "-" (up to 63)');

/** A DHCPv6 client's DUID as libvirt's <host id=…> takes it: hex bytes separated by ":" (0:3:0:1:52:54:0:12:34:56). */
export const Duid = z
  .string()
  .regex(/^[0-9A-Fa-f]{1,2}(?::[0-9A-Fa-f]{1,2}){1,129}$/, 'is not a DUID like 0:3:0:1:52:54:0:12:34:56 (hex bytes separated by ":")');

/** A valid Ipv4Address as a 32-bit number (unsigned). */
export function ipv4ToInt(a: string): number {
  return a.split('.').reduce((n, p) => n * 256 + Number(p), 0) >>> 0;
}

export function intToIpv4(n: number): string {
  return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
}

/** The first (network) and last (broadcast) address of the subnet an address/prefix is in, as numbers. */
export function ipv4Subnet(address: string, prefix: number): { first: number; last: number } {
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  const first = (ipv4ToInt(address) & mask) >>> 0;
  return { first, last: (first | (~mask >>> 0)) >>> 0 };
}

/** An IPv6 address (fd00:203::1, ::1) as 128 bits, or null when it is not one (no zone, no embedded IPv4). */
export function ipv6ToBigInt(a: string): bigint | null {
  if (!/^[0-9A-Fa-f:]{2,39}$/.test(a)) return null;
  const halves = a.split('::');
  if (halves.length > 2) return null;
  const part = (s: string) => (s === '' ? [] : s.split(':'));
  const head = part(halves[0] ?? '');
  const tail = halves.length === 2 ? part(halves[1] ?? '') : [];
  const groups = halves.length === 2 ? [...head, ...Array(8 - head.length - tail.length).fill('0'), ...tail] : head;
  if (groups.length !== 8 || (halves.length === 2 && head.length + tail.length > 7)) return null;
  let n = 0n;
  for (const g of groups) {
    if (!/^[0-9A-Fa-f]{1,4}$/.test(g)) return null;
    n = (n << 16n) | BigInt(Number.parseInt(g, 16));
  }
  return n;
}

/** An IPv6 address in its text form (fd00:203:0:1::1). */
export const Ipv6Address = z.string().refine((s) => ipv6ToBigInt(s) !== null, 'is not an IPv6 address like fd00:1::1');

/** The prefix length of a virtual network's IPv6 subnet: /64 is what DHCPv6 and router advertisements need; /48 to /64 taken. */
export const Ipv6Prefix = z.number().int('must be a whole number').min(48, 'must be 48 or more').max(64, 'must be 64 or less');

/** The first and last address of the IPv6 subnet an address/prefix is in, as numbers. */
export function ipv6Subnet(address: string, prefix: number): { first: bigint; last: bigint } {
  const n = ipv6ToBigInt(address) ?? 0n;
  const hostBits = BigInt(128 - prefix);
  const first = (n >> hostBits) << hostBits;
  return { first, last: first | ((1n << hostBits) - 1n) };
}

/** 128 bits as an IPv6 address in its short text form (the longest run of zero groups as "::"). */
export function bigIntToIpv6(n: bigint): string {
  const g = Array.from({ length: 8 }, (_, i) => Number((n >> BigInt(112 - 16 * i)) & 0xffffn));
  let best = -1;
  let len = 0;
  for (let i = 0; i < 8; i++) {
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > len && j - i > 1) [best, len] = [i, j - i];
    i = j;
  }
  const hex = (xs: number[]) => xs.map((x) => x.toString(16)).join(':');
  return best < 0 ? hex(g) : `${hex(g.slice(0, best))}::${hex(g.slice(best + len))}`;
}

/** A libosinfo short id (debian12, win11, linux2022): a letter or digit, then letters, digits, ".", "_", "+", "-" (up to 64). */
export const OsShortId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$/, 'Not an OS short id');

/**
 * The libvirt URI on a host: a driver, ":///" and a path, no host part (Vireo brings its own
 * transport): qemu:///system, qemu:///session, lxc:///system, test:///default, or the test driver
 * on a node XML file of the host (test:///var/lib/x/node.xml). "?socket=/abs/path" picks a daemon
 * listening on another socket.
 */
const LIBVIRT_URI_RE = /^([a-z][a-z0-9]{0,31}):\/\/\/([A-Za-z0-9_./-]{0,1024})(?:\?socket=(\/[A-Za-z0-9_./-]{1,1024}))?$/;
export const LibvirtUri = z
  .string()
  .regex(
    LIBVIRT_URI_RE,
    'Not a libvirt URI on the host: a driver, ":///" and a path, like qemu:///system or test:///default (optionally ?socket=/path)',
  );

/** A LibvirtUri's parts: the URI CONNECT_OPEN names (without the socket), and the socket when one is given. */
export function splitLibvirtUri(uri: string): { driver: string; path: string; open: string; socket?: string } {
  const m = LIBVIRT_URI_RE.exec(uri);
  if (!m) throw new Error(`Not a libvirt URI on the host: ${JSON.stringify(uri)}`);
  const [, driver = '', path = '', socket] = m;
  return { driver, path, open: `${driver}:///${path}`, ...(socket ? { socket } : {}) };
}

export const emptyInput = z.object({}).strict();
export const hostRef = z.object({ hostId: HostId }).strict();
export const domainRef = z.object({ hostId: HostId, uuid: Uuid }).strict();

export interface ApiError {
  /** 'invalid-input' | 'libvirt' | 'ssh' | 'not-found' | 'timeout' | 'internal' … */
  code: string;
  message: string;
  /** What to try next, in the admin's words. */
  hint?: string;
  /** libvirt's own error numbers when the error came from libvirt. */
  libvirt?: { code: number; domain: number };
  /** Schema issues for invalid input. */
  issues?: { path: string; message: string }[];
  /** A changed host key: the keys on file (`type SHA256:…`), the one presented, and the file that has the old ones. */
  hostKey?: { host: string; port: number; expected: string[]; presented: string; file: string };
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };
