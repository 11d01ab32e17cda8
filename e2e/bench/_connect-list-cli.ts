/**
 * The Vireo side of connect-list as its own cold process: connect to one host the app's way (SSH
 * session, libvirt channel, handshake), list every domain with its state (the VM list's call),
 * print one `name state` line each, and exit. connect-list bundles it with the app's own esbuild
 * settings and runs it with node, as virsh runs `list --all`.
 *
 *   node connect-list.mjs '{"host","port","user","keyPath","knownHosts","uri"}'
 */

import { LibvirtConnection } from '../../electron/libvirt/connection';
import { domainListAllWithState } from '../../electron/libvirt/domain';
import { SshSession } from '../../electron/transport/ssh';

interface Target {
  host: string;
  port: number;
  user: string;
  keyPath: string;
  knownHosts: string;
  uri: string;
}

const t = JSON.parse(process.argv[2] ?? '{}') as Target;
const ssh = await SshSession.connect(
  { host: t.host, port: t.port, user: t.user, auth: { kind: 'key', path: t.keyPath } },
  { hostKeys: { knownHostsPath: t.knownHosts, onUnknown: async () => false } },
);
const conn = await LibvirtConnection.open({ label: t.host, uri: t.uri, channel: () => ssh.openLibvirtChannel(t.uri), reconnect: false });
const doms = await domainListAllWithState(conn.rpc);
process.stdout.write(doms.map((d) => `${d.name} ${d.stateName.toLowerCase()}\n`).join(''));
// Like virsh at its end: the list is out, the process goes (the OS closes the session).
process.exit(0);
