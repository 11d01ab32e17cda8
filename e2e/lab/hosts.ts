/**
 * The lab's two hosts in Vireo, added the way an admin adds any host (the app itself knows no lab):
 *
 *   await connectLabHosts(client);      // hosts.add + the host-key confirmation the UI shows, answered
 *                                   // only when the fingerprint is the one the lab published
 *   await seedLabHosts(dataDir);    // before the app starts (npm run demo): hosts.json and
 *                                   // known_hosts written by the app's own HostManager and key writer
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Backend } from '../../electron/backend';
import { EventHub } from '../../electron/core/events';
import { HostStore, knownHostsFile, MemorySecrets } from '../../electron/core/store';
import { HostManager } from '../../electron/services/hosts';
import { PromptBroker } from '../../electron/services/prompts';
import { fingerprintOf, parseHostPublicKey, trustHostKey } from '../../electron/transport/known-hosts';
import type { EventName, Events, HostInfo, HostSpec, RequestInput, RequestName, RequestOutput } from '../../shared/api';
import { AppError } from '../../shared/errors';
import { type Lab, type LabHost, labSh, labStatus, readLab } from './lab';

/** What a test or bench talks to: the web bridge (BackendClient) or an in-process backend. */
export interface AppClient {
  call<N extends RequestName>(name: N, input: RequestInput<N>): Promise<RequestOutput<N>>;
  /** Subscribes to an event; returns the unsubscribe. */
  on<E extends EventName>(event: E, fn: (payload: Events[E]) => void): () => void;
}

/** An in-process backend (createBackend) as an AppClient: the same contract and checks as the bridge. */
export function inProcess(backend: Backend): AppClient {
  return {
    call: async (name, input) => {
      const r = await backend.dispatch(name, input);
      if (!r.ok) throw Object.assign(new Error(`${name}: ${r.error.message}${r.error.hint ? ` (${r.error.hint})` : ''}`), { api: r.error });
      return r.value as never;
    },
    on: (event, fn) => backend.events.on(event, fn),
  };
}

/** The spec an admin would type into "Add a host" for a lab host (the lab's key, root, qemu:///system). */
export function labHostSpec(h: LabHost): HostSpec {
  return {
    name: h.name,
    transport: 'ssh',
    address: h.address,
    port: h.port,
    user: h.user,
    auth: { kind: 'key', path: h.keyPath },
    uri: 'qemu:///system',
  };
}

/** The lab's published key, checked against its published fingerprint (lab.json says both). */
function publishedKey(h: LabHost): string {
  const fp = fingerprintOf(parseHostPublicKey(h.hostKey).key);
  if (fp !== h.fingerprint) throw new Error(`lab.json: host ${h.id}'s hostKey has fingerprint ${fp}, not the published ${h.fingerprint}`);
  return h.hostKey;
}

/**
 * libvirt 9.0's libvirtd segfaulted in this lab (dmesg: "libvirtd[…]: segfault … in libvirt.so"),
 * once in a whole e2e run, and every later spec then failed on "Connection refused". A spec that
 * finds a lab host's libvirtd dead (not stopped on purpose: those specs start it again) starts it,
 * says so loudly with the kernel's segfault lines, and tries once more. Returns whether it did.
 */
async function restartCrashedLibvirtd(h: LabHost, err: unknown): Promise<boolean> {
  if (!/libvirt-sock.*(Connection refused|No such file)/.test((err as Error).message ?? '')) return false;
  const st = (await labStatus()).hosts.find((x) => x.name === h.name);
  if (!st || st.daemons.libvirtd !== null) return false;
  const crashes = (
    await labSh(['client', 'sh', '-c', 'dmesg -T 2>/dev/null | grep -i "libvirtd.*segfault" | tail -n 3']).catch(() => ({ stdout: '' }))
  ).stdout.trim();
  console.error(
    `LAB REPAIR: libvirtd on ${h.name} was not running (${crashes || 'no segfault in dmesg'}); starting it again before this spec`,
  );
  await labSh(['libvirtd-start', st.id]);
  return true;
}

/**
 * Adds (or, when already added, connects) both lab hosts through the user's own flow: hosts.add
 * with connect, and the unknown-host-key question answered as an admin would — yes only when the
 * fingerprint shown is the one the lab published. Resolves with [A, B], connected.
 */
export async function connectLabHosts(client: AppClient, lab: Lab = readLab()): Promise<HostInfo[]> {
  const refused: string[] = [];
  const off = client.on('prompt', (p) => {
    if (p.kind !== 'host-key') return;
    const h = lab.hosts.find((x) => x.address === p.host && x.port === p.port);
    if (!h) return; // not ours to answer
    const accept = p.fingerprint === h.fingerprint;
    if (!accept) refused.push(`${h.name} presented ${p.keyType} ${p.fingerprint}, the lab published ${h.fingerprint}`);
    client.call('prompts.answer', { id: p.id, accept }).catch((err: unknown) => refused.push(`answering ${p.id}: ${String(err)}`));
  });
  try {
    const existing = await client.call('hosts.list', {});
    const out: HostInfo[] = [];
    for (const h of lab.hosts) {
      const have = existing.find((x) => x.spec.transport === 'ssh' && x.spec.address === h.address && x.spec.user === h.user);
      const attempt = () =>
        have ? client.call('hosts.connect', { hostId: have.id }) : client.call('hosts.add', { spec: labHostSpec(h), connect: true });
      try {
        out.push(await attempt().catch(async (err: unknown) => ((await restartCrashedLibvirtd(h, err)) ? attempt() : Promise.reject(err))));
      } catch (err) {
        throw new Error(
          `Could not add lab host ${h.name}: ${(err as Error).message}${refused.length ? ` (refused: ${refused.join('; ')})` : ''}`,
          {
            cause: err,
          },
        );
      }
    }
    return out;
  } finally {
    off();
  }
}

/**
 * Writes the lab's hosts into an app data dir before the app starts (npm run demo): the host keys
 * through the app's known_hosts writer (one validated line per host) and the hosts through the
 * app's own HostManager.add, as saved but not connected hosts (with `autoconnect`, marked "connect
 * when Vireo starts", as the demo does). Hosts already there are kept.
 */
export async function seedLabHosts(
  dataDir: string,
  lab: Lab = readLab(),
  opts: { autoconnect?: boolean } = {},
): Promise<{ added: string[]; kept: string[] }> {
  const knownHostsPath = knownHostsFile(dataDir);
  for (const h of lab.hosts) await trustHostKey(knownHostsPath, h.address, h.port, publishedKey(h));
  const events = new EventHub();
  const hosts = new HostManager({
    events,
    prompts: new PromptBroker(events),
    store: new HostStore(dataDir),
    secrets: new MemorySecrets(),
    knownHostsPath,
  });
  const added: string[] = [];
  const kept: string[] = [];
  for (const h of lab.hosts) {
    try {
      await hosts.add({ ...labHostSpec(h), ...(opts.autoconnect ? { autoconnect: true } : {}) }, false);
      added.push(h.name);
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'exists')) throw err;
      kept.push(h.name);
      const have = hosts.list().find((x) => x.spec.address === h.address && x.spec.user === h.user);
      if (have && opts.autoconnect && !have.spec.autoconnect) await hosts.update(have.id, { autoconnect: true });
    }
  }
  return { added, kept };
}

/** Where the demo keeps its own app data, apart from the admin's real hosts (README, "The demo"). */
export function demoDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.VIREO_DATA_DIR ?? join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'vireo-demo');
}
