// Test support for the *.lab.test.ts files of this folder (not used by the app): connections to
// the two-host lab (e2e/lab) through the real SSH transport, virsh on the same host for
// comparison, and throwaway domains named t-proto-* that the tests create and remove.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type HostId, LabCommandError, labHost, labSh, readLab } from '../../e2e/lab/lab';
import { SshSession } from '../transport/ssh';
import type { RpcClient } from './client';
import { LibvirtConnection } from './connection';

export { labHost, readLab };

export interface OpenHost {
  ssh: SshSession;
  conn: LibvirtConnection;
  rpc: RpcClient;
  close: () => Promise<void>;
}

/** An SSH session to a lab host and a libvirt connection over it (qemu:///system unless `uri`). */
export async function openHost(id: HostId, uri?: string): Promise<OpenHost> {
  const lab = readLab();
  const h = labHost(id, lab);
  const ssh = await SshSession.connect(
    {
      host: h.address,
      port: h.port,
      user: h.user,
      auth: { kind: 'key', path: h.keyPath },
    },
    {
      hostKeys: {
        knownHostsPath: lab.knownHosts,
        onUnknown: async () => false,
      },
    },
  );
  const u = uri ?? h.uri;
  try {
    const conn = await LibvirtConnection.open({
      label: `lab ${id}`,
      uri: u,
      channel: () => ssh.openLibvirtChannel(u),
      reconnect: false,
    });
    return {
      ssh,
      conn,
      rpc: conn.rpc,
      close: async () => {
        await conn.close();
        ssh.close();
      },
    };
  } catch (e) {
    ssh.close();
    throw e;
  }
}

/** virsh inside a lab host (its own namespaces), like an admin logged into it; `uri` default qemu:///system. */
export async function virsh(id: HostId, args: readonly string[], uri = 'qemu:///system'): Promise<string> {
  return (await labSh(['exec', id, 'virsh', '-c', uri, ...args])).stdout;
}

/** Like virsh(), but resolves with the exit status instead of throwing. */
export async function virshStatus(id: HostId, args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await labSh(['exec', id, 'virsh', '-c', 'qemu:///system', ...args]);
    return { code: 0, ...r };
  } catch (e) {
    if (e instanceof LabCommandError) return { code: e.code ?? 1, stdout: e.stdout, stderr: e.stderr };
    throw e;
  }
}

/** `virsh domstats`-style "key=value" lines → record of strings. */
export function parseKeyValues(out: string): Record<string, string> {
  const rec: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const m = /^\s+([^=\s]+)=(.*)$/.exec(line);
    if (m) rec[m[1]!] = m[2]!;
  }
  return rec;
}

/** `virsh nodeinfo`-style "Key:   value" lines → record. */
export function parseColon(out: string): Record<string, string> {
  const rec: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const m = /^([^:]+):\s+(.*)$/.exec(line.trim());
    if (m) rec[m[1]!.trim()] = m[2]!.trim();
  }
  return rec;
}

export const throwawayName = (what: string): string => `t-proto-${what}-${randomBytes(3).toString('hex')}`;

/**
 * A guest built like the lab's `tiny` (direct kernel boot of the lab's busybox initramfs, serial
 * console, NIC on the lab bridge) under another name, with no UUID or MAC (libvirt makes them),
 * no serial log file (tiny's is its own) and, instead of tiny's disk, `disk` when given.
 */
export function throwawayXml(name: string, opts: { disk?: string } = {}): string {
  let xml = readFileSync(`${readLab().dir}/xml/tiny.xml`, 'utf8');
  xml = xml
    .replace(/<name>[^<]*<\/name>/, `<name>${name}</name>`)
    .replace(/\s*<uuid>[^<]*<\/uuid>/, '')
    .replace(/\s*<description>[^<]*<\/description>/, '')
    .replace(/\s*<mac address=[^>]*\/>/, '')
    .replace(/\s*<log file=[^>]*\/>/, '')
    .replace(/\s*<disk [\s\S]*?<\/disk>/, '');
  if (opts.disk) {
    xml = xml.replace(
      '<devices>',
      `<devices>\n    <disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='${opts.disk}'/><target dev='vda' bus='virtio'/></disk>`,
    );
  }
  return xml;
}

/** Removes every t-proto-* domain this run left on a host (destroy, then undefine). */
export async function removeThrowaways(id: HostId, prefix = 't-proto-'): Promise<void> {
  const names = (await virsh(id, ['list', '--all', '--name']))
    .split('\n')
    .map((s) => s.trim())
    .filter((n) => n.startsWith(prefix));
  for (const n of names) {
    await virshStatus(id, ['destroy', n]);
    await virshStatus(id, ['undefine', n, '--nvram']);
  }
}

/** Polls `fn` until it returns a value that is not undefined (or times out). */
export async function until<T>(fn: () => Promise<T | undefined>, timeoutMs = 20_000, stepMs = 100): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
