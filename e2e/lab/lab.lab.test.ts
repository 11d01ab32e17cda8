/**
 * The lab itself (e2e/lab/lab.sh): what every other lab test relies on, checked from the root
 * namespace the way the app reaches the hosts. Ends with the lab in its initial state.
 * (`lab.sh down && lab.sh verify-clean` is checked by CI's script, not here: it would end the
 * lab other test files share.)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  guestExec,
  LAB_SCRIPT,
  type Lab,
  LabCommandError,
  labClient,
  labDir,
  labHost,
  labReset,
  labSh,
  labStatus,
  readLab,
  virshOn,
  virshRemote,
  waitForDomainState,
} from './lab';

let lab: Lab;
const INITIAL_A = ['stopped', 'tiny', 'tiny-local'];

const names = (out: string): string[] =>
  out
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .sort();

/** Reads from `lab.sh client ssh -W 127.0.0.1:<port> root@<ip>` until `want` arrives. */
function readThroughSsh(address: string, port: number, want: string, timeoutMs = 20_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [LAB_SCRIPT, 'client', 'ssh', '-W', `127.0.0.1:${port}`, `root@${address}`], {
      env: { ...process.env, LAB_DIR: labDir() },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const done = (fn: () => void): void => {
      clearTimeout(timer);
      child.kill();
      fn();
    };
    const timer = setTimeout(
      () => done(() => reject(new Error(`no '${want}' within ${timeoutMs} ms: ${JSON.stringify(out)} ${err}`))),
      timeoutMs,
    );
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('latin1');
      if (out.includes(want)) done(() => resolve(out));
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('exit', (code) => {
      if (!out.includes(want)) done(() => reject(new Error(`ssh -W exited ${code}: ${err}`)));
    });
  });
}

/** Password login with Node's ssh2 (as the app does), verifying the host key from lab.json. */
function sshPasswordExec(address: string, hostKey: string, user: string, password: string, command: string): Promise<string> {
  const expectedKey = Buffer.from(hostKey.split(' ')[1] ?? '', 'base64');
  return new Promise((resolve, reject) => {
    const conn = new Client();
    conn
      .on('ready', () => {
        conn.exec(command, (err, stream) => {
          if (err) {
            conn.end();
            reject(err);
            return;
          }
          let out = '';
          let errOut = '';
          stream
            .on('data', (d: Buffer) => {
              out += d.toString();
            })
            .on('close', (code: number | null) => {
              conn.end();
              if (code === 0) resolve(out);
              else reject(new Error(`'${command}' exited ${code}: ${errOut}`));
            });
          stream.stderr.on('data', (d: Buffer) => {
            errOut += d.toString();
          });
        });
      })
      .on('error', reject)
      .connect({
        host: address,
        port: 22,
        username: user,
        password,
        tryKeyboard: false,
        agent: undefined,
        readyTimeout: 20_000,
        hostVerifier: (key: Buffer) => key.equals(expectedKey),
      });
  });
}

beforeAll(async () => {
  lab = readLab();
  await labReset(); // start from the initial state whatever the previous file left
}, 300_000);

afterAll(async () => {
  await labReset();
}, 300_000);

describe('lab', () => {
  it('describes itself in lab.json, with a known_hosts file listing both hosts', () => {
    expect(lab.dir).toBe(labDir());
    expect(lab.rootIp).toBe('10.203.0.254');
    expect(lab.hosts.map((h) => [h.id, h.address, h.user, h.port])).toEqual([
      ['A', '10.203.0.1', 'root', 22],
      ['B', '10.203.0.2', 'root', 22],
    ]);
    const known = readFileSync(lab.knownHosts, 'utf8');
    for (const h of lab.hosts) {
      expect(h.hostKey).toMatch(/^ssh-ed25519 AAAA/);
      expect(h.fingerprint).toMatch(/^SHA256:/);
      expect(known).toContain(`${h.address},${h.name} ${h.hostKey}`);
    }
    expect(labHost('A', lab).password?.user).toBe('vireo');
    expect(labHost('B', lab).password).toBeUndefined();
    expect(Object.keys(lab.guests).sort()).toEqual(INITIAL_A);
  });

  it('status shows both hosts healthy with the initial guests', async () => {
    const st = await labStatus();
    expect(st.healthy).toBe(true);
    expect(st.ready).toBe(true);
    const [a, b] = st.hosts;
    expect(a?.guests).toEqual(
      expect.arrayContaining([
        { name: 'tiny', state: 'running' },
        { name: 'tiny-local', state: 'running' },
        { name: 'stopped', state: 'shut off' },
      ]),
    );
    expect(b?.guests).toEqual([]);
  });

  it('both hosts answer SSH with the lab key, from the root namespace', async () => {
    for (const h of lab.hosts) {
      expect((await labClient(['ssh', `root@${h.address}`, 'hostname'])).trim()).toBe(h.name);
    }
  });

  it('virsh over qemu+ssh lists the initial guests on A and none on B', async () => {
    // (containment on A: other test files may add their own domains while this one runs)
    expect(names(await virshRemote('A', ['list', '--all', '--name']))).toEqual(expect.arrayContaining(INITIAL_A));
    expect(names(await virshRemote('B', ['list', '--all', '--name']))).toEqual([]);
    expect((await virshRemote('A', ['domstate', 'tiny'])).trim()).toBe('running');
    expect((await virshRemote('A', ['domstate', 'stopped'])).trim()).toBe('shut off');
  });

  it('tiny shows its banner on the serial console and runs commands there', async () => {
    // The banner printed at boot may be gone from the log (a guest that arrived by migration has a
    // fresh one): the console shell prints it again when it starts, here on demand.
    const started = await guestExec('A', 'tiny', '/bin/console-shell </dev/null');
    expect(started).toMatch(/^=== TINYGUEST BANNER: console shell on tinyguest, uptime [\d.]+s ===$/m);
    const serial = await labSh(['exec', 'A', 'cat', lab.guests.tiny?.serialLog ?? '']);
    expect(serial.stdout).toContain('=== TINYGUEST BANNER: console shell on tinyguest');
    expect((await guestExec('A', 'tiny', 'echo $((6*7))')).trim()).toBe('42');
    expect(await guestExec('A', 'tiny-local', 'printf "%s|" a "b c"; hostname')).toBe('a|b c|tinyguest\n');
    // the command's exit status comes back as the error's code
    const failed = await guestExec('A', 'tiny', 'echo out; exit_code() { return 3; }; exit_code').catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(LabCommandError);
    expect((failed as LabCommandError).code).toBe(3);
    expect((failed as LabCommandError).stdout).toBe('out\n');
  });

  it("tiny's VNC display answers RFB 003.008 through SSH", async () => {
    const display = (await virshRemote('A', ['domdisplay', 'tiny'])).trim();
    const m = /^vnc:\/\/127\.0\.0\.1:(\d+)$/.exec(display);
    expect(m, display).not.toBeNull();
    const port = 5900 + Number(m?.[1]);
    expect(await readThroughSsh('10.203.0.1', port, 'RFB 003.008')).toMatch(/^RFB 003\.008\n/);
  });

  it('the password account logs in to A with its password and may use qemu:///system; B does not know it', async () => {
    const A = labHost('A', lab);
    const pw = A.password;
    if (!pw) throw new Error('lab.json: host A has no password account');
    const out = await sshPasswordExec(A.address, A.hostKey, pw.user, pw.password, 'id -un; virsh -c qemu:///system list --all --name');
    expect(names(out)).toEqual(expect.arrayContaining([...INITIAL_A, pw.user]));
    expect(out.split('\n')[0]).toBe(pw.user);
    const B = labHost('B', lab);
    await expect(sshPasswordExec(B.address, B.hostKey, pw.user, pw.password, 'true')).rejects.toThrow(/authentication/i);
    await expect(sshPasswordExec(A.address, A.hostKey, pw.user, `${pw.password}x`, 'true')).rejects.toThrow(/authentication/i);
  });

  it('the test driver serves the USB node devices and 1000 running domains on both hosts', async () => {
    const A = labHost('A', lab);
    const usb = A.testUris.usb;
    const path = usb.replace(/^test:\/\//, '');
    for (const h of lab.hosts) {
      const remote = `test+ssh://root@${h.address}${path}`;
      const dump = async (dev: string): Promise<string> => labClient(['virsh', '-c', remote, 'nodedev-dumpxml', dev]);
      const s2 = await dump('usb_1_2');
      const s3 = await dump('usb_1_3');
      for (const x of [s2, s3]) {
        expect(x).toContain("<capability type='usb_device'>");
        expect(x).toContain("<vendor id='0x1234'>");
        expect(x).toContain("<product id='0x5678'>");
      }
      expect(s2).toContain('<device>2</device>');
      expect(s3).toContain('<device>3</device>');
      expect(await dump('usb_usb1')).toContain("<vendor id='0x1d6b'>");
    }
    const doms = await labSh(['exec', 'A', 'virsh', '-c', A.testUris.dom1000, 'list', '--name']);
    expect(names(doms.stdout)).toHaveLength(1000);
  });

  it('tiny migrates live A -> B and back (qemu+ssh from the root namespace), alive on each side', async () => {
    const A = labHost('A', lab);
    const B = labHost('B', lab);
    const t0 = Date.now();
    await virshRemote('A', ['migrate', '--live', '--unsafe', '--persistent', '--undefinesource', 'tiny', B.sshUri]);
    await waitForDomainState('B', 'tiny', 'running', 30_000);
    await waitForDomainState('A', 'tiny', 'absent', 30_000);
    expect((await guestExec('B', 'tiny', 'echo alive-on-B')).trim()).toBe('alive-on-B');
    await virshRemote('B', ['migrate', '--live', '--unsafe', '--persistent', '--undefinesource', 'tiny', A.sshUri]);
    await waitForDomainState('A', 'tiny', 'running', 30_000);
    await waitForDomainState('B', 'tiny', 'absent', 30_000);
    expect((await guestExec('A', 'tiny', 'echo alive-on-A')).trim()).toBe('alive-on-A');
    // ~5 s for both hops on an idle machine; generous for a loaded CI box
    expect(Date.now() - t0).toBeLessThan(120_000);
  }, 240_000);

  it('reset restores the initial state after the hosts were changed', async () => {
    const B = labHost('B', lab);
    // tiny to B (definition removed from A), tiny-local stopped, stopped started, junk on both hosts
    await virshRemote('A', ['migrate', '--live', '--unsafe', '--persistent', '--undefinesource', 'tiny', B.sshUri]);
    await virshOn('A', ['destroy', 'tiny-local']);
    await virshOn('A', ['start', 'stopped']);
    await virshOn('B', ['vol-create-as', 'default', 'junk.qcow2', '8M', '--format', 'qcow2']);
    const xml = (await virshOn('A', ['dumpxml', '--inactive', 'stopped']))
      .replace('<name>stopped</name>', '<name>lab-test-extra</name>')
      .replace(/<uuid>[^<]*<\/uuid>/, '')
      .replace(/<mac address=[^>]*>/, '');
    // /tmp is the same directory inside the lab hosts
    const dir = mkdtempSync(join(tmpdir(), 'vireo-lab-test-'));
    const file = join(dir, 'extra.xml');
    writeFileSync(file, xml);
    try {
      await virshOn('A', ['define', file]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(names(await virshOn('A', ['list', '--all', '--name']))).toContain('lab-test-extra');
    const t0 = Date.now();
    await labReset();
    const took = Date.now() - t0;
    const onA = names(await virshOn('A', ['list', '--all', '--name']));
    expect(onA).toEqual(expect.arrayContaining(INITIAL_A));
    expect(onA).not.toContain('lab-test-extra');
    expect(names(await virshOn('B', ['list', '--all', '--name']))).toEqual([]);
    expect((await virshOn('B', ['vol-list', 'default'])).includes('junk.qcow2')).toBe(false);
    for (const [name, g] of Object.entries(lab.guests)) expect((await virshOn('A', ['domstate', name])).trim()).toBe(g.state);
    expect((await guestExec('A', 'tiny', 'echo $((6*7))')).trim()).toBe('42');
    // seconds plus the guests' boot (~10 s) on an idle machine
    expect(took).toBeLessThan(120_000);
  }, 300_000);
});
