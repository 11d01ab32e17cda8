// Over 400 lines: eight checks, each with its pass, warn and fail from the captures; one file keeps
// them in the order the wizard shows them.
// The checks about the VM and the two hosts (state, job, CPU, networks, name, reachability,
// memory, versions) from facts captured in the lab (fixtures/preflight/*.json). A variant edits a
// copy of a captured scenario; the comment beside each edit says which fact changes and why.
// Where a check has no warn (state, job) or no fail (versions), the test name says so.
import { describe, expect, it } from 'vitest';
import type { Read } from './facts';
import { check, checkOf, run, scenario } from './preflight.fixture';

const MiB = 1024 ** 2;
const VM_MEMORY = 192 * MiB; // the lab's throwaway guests

function ok<T>(r: Read<T>): T {
  if (!r.ok) throw new Error(`fixture read failed: ${r.error}`);
  return r.value;
}

describe('state (no warn: a state either allows the move or not)', () => {
  it('pass: live, running (lab); offline, shut off and persistent (lab)', () => {
    const live = scenario('live-shared-unsafe');
    expect(checkOf(live, 'state')).toEqual({
      id: 'state',
      title: 'VM state',
      status: 'pass',
      message: `${live.facts.domain.name} is running on lab-a.`,
    });
    const off = scenario('offline-copy');
    expect(checkOf(off, 'state').message).toBe(`${off.facts.domain.name} is shut off on lab-a; its definition and disks move to lab-b.`);
    // Offline with shared storage: only the definition moves.
    off.spec.storage = 'shared';
    expect(checkOf(off, 'state').message).toBe(`${off.facts.domain.name} is shut off on lab-a; its definition move to lab-b.`);
  });

  it('pass with notes: paused arrives paused; a transient VM has no definition to remove', () => {
    const s = scenario('live-shared-unsafe');
    const n = s.facts.domain.name;
    // Paused and transient (no persistent definition), asked to undefine the source.
    s.facts.state = 'paused';
    s.facts.persistent = false;
    s.facts.inactiveXml = null;
    expect(checkOf(s, 'state')).toMatchObject({
      status: 'pass',
      message: `${n} is paused on lab-a.`,
      details: [`${n} is paused: it arrives paused on lab-b.`, `${n} is transient: there is no definition to remove from lab-a.`],
    });
    // Not asked to undefine: no note about it.
    s.spec.undefineSource = false;
    expect(checkOf(s, 'state').details).toEqual([`${n} is paused: it arrives paused on lab-b.`]);
    s.facts.state = 'running';
    expect(checkOf(s, 'state').details).toBeUndefined();
  });

  it('fail: live needs a running VM; offline a shut-off, persistent one', () => {
    const s = scenario('live-shared-unsafe');
    const n = s.facts.domain.name;
    // The VM stopped between the wizard opening and the check.
    s.facts.state = 'shutoff';
    expect(checkOf(s, 'state')).toMatchObject({
      status: 'fail',
      message: `${n} is shut off: a live migration moves a running VM. Choose Offline, or start it first.`,
    });
    // Crashed is no running VM either, and says so by name.
    s.facts.state = 'crashed';
    expect(checkOf(s, 'state').message).toBe(`${n} is crashed: a live migration moves a running VM. Choose Offline, or start it first.`);
    const off = scenario('live-shared-unsafe');
    // Offline asked for a running VM.
    off.spec.mode = 'offline';
    expect(checkOf(off, 'state')).toMatchObject({
      status: 'fail',
      message: `${n} is running: an offline migration moves a shut-off VM. Choose Live, or shut it down first.`,
    });
    const transient = scenario('offline-copy');
    // Shut off and transient: nothing to move.
    transient.facts.persistent = false;
    transient.facts.inactiveXml = null;
    expect(checkOf(transient, 'state')).toMatchObject({
      status: 'fail',
      message: `${transient.facts.domain.name} is transient (no definition): there is nothing to move offline.`,
    });
  });
});

describe('job (present only when one runs: fail; no pass or warn)', () => {
  it('no job (lab) or a job list that could not be read: no check', () => {
    expect(run(scenario('live-shared-unsafe')).plan.checks.map((c) => c.id)).not.toContain('job');
    const s = scenario('live-shared-unsafe');
    // The job stats read failed: not a reason to block.
    s.facts.job = { ok: false, error: 'this function is not supported', code: 3 };
    expect(run(s).plan.checks.map((c) => c.id)).not.toContain('job');
  });

  it('fail: a migration already running (operation 5), or another job, right after the state check', () => {
    const s = scenario('live-shared-unsafe');
    const n = s.facts.domain.name;
    // An unbounded job (type 2) of an outgoing migration (operation 5).
    s.facts.job = { ok: true, value: { type: 2, operation: 5 } };
    const pf = run(s);
    expect(pf.plan.checks[1]).toEqual({
      id: 'job',
      title: 'Running job',
      status: 'fail',
      message: `${n} already has a job running on lab-a (a migration): wait for it to end, or cancel it from the Jobs panel.`,
    });
    expect(pf.plan.canStart).toBe(false);
    // A bounded job (type 1) of another operation (a save, 2), or none named.
    s.facts.job = { ok: true, value: { type: 1, operation: 2 } };
    expect(check(run(s), 'job').message).toBe(
      `${n} already has a job running on lab-a: wait for it to end, or cancel it from the Jobs panel.`,
    );
    s.facts.job = { ok: true, value: { type: 1, operation: null } };
    expect(check(run(s), 'job').status).toBe('fail');
  });
});

describe('CPU', () => {
  it('pass: lab-b provides the custom model qemu64 (lab); identical says so', () => {
    const s = scenario('live-writeback-custom-cpu');
    const n = s.facts.domain.name;
    expect(checkOf(s, 'cpu')).toEqual({
      id: 'cpu',
      title: 'CPU compatibility',
      status: 'pass',
      message: `lab-b provides ${n}'s CPU (qemu64).`,
    });
    // libvirt answered IDENTICAL (1) instead of SUPERSET (2).
    s.facts.cpuCompare = { ok: true, value: 1 };
    expect(checkOf(s, 'cpu').message).toBe(`lab-b provides ${n}'s CPU (qemu64, identical).`);
  });

  it('warn offline, fail live: the CPU requires avx512f, which lab-b’s CPU lacks (lab: libvirt’s CPU_INCOMPATIBLE error)', () => {
    const s = scenario('offline-cpu-incompatible');
    const n = s.facts.domain.name;
    expect(s.facts.cpuCompare).toMatchObject({ ok: false, code: 91 });
    expect(checkOf(s, 'cpu')).toMatchObject({
      status: 'warn',
      message: `lab-b cannot run ${n}'s CPU: the CPU is incompatible with host CPU: Host CPU does not provide required features: avx512f (it would not start on lab-b)`,
    });
    // The same answer for a live migration (the VM running) blocks it.
    s.spec.mode = 'live';
    s.facts.state = 'running';
    expect(checkOf(s, 'cpu').status).toBe('fail');
  });

  it('fail live, warn offline: B cannot provide the model (INCOMPATIBLE, or libvirt’s CPU_INCOMPATIBLE error)', () => {
    const s = scenario('live-writeback-custom-cpu');
    const n = s.facts.domain.name;
    // libvirt answered INCOMPATIBLE (0).
    s.facts.cpuCompare = { ok: true, value: 0 };
    expect(checkOf(s, 'cpu')).toMatchObject({ status: 'fail', message: `lab-b cannot provide ${n}'s CPU (qemu64).` });
    s.spec.mode = 'offline';
    expect(checkOf(s, 'cpu').status).toBe('warn');
    // With FAIL_INCOMPATIBLE libvirt raises error 91 instead, naming the features.
    s.facts.cpuCompare = {
      ok: false,
      error: 'the CPU is incompatible with host CPU: Host CPU does not provide required features: avx512f',
      code: 91,
    };
    expect(checkOf(s, 'cpu')).toMatchObject({
      status: 'warn',
      message: `lab-b cannot run ${n}'s CPU: the CPU is incompatible with host CPU: Host CPU does not provide required features: avx512f (it would not start on lab-b)`,
    });
    s.spec.mode = 'live';
    expect(checkOf(s, 'cpu')).toMatchObject({
      status: 'fail',
      message: `lab-b cannot run ${n}'s CPU: the CPU is incompatible with host CPU: Host CPU does not provide required features: avx512f`,
    });
  });

  it('warn: the comparison itself failed, or was not made', () => {
    const s = scenario('live-writeback-custom-cpu');
    // Another libvirt error (internal error, 1).
    s.facts.cpuCompare = { ok: false, error: 'internal error: unknown CPU vendor', code: 1 };
    expect(checkOf(s, 'cpu')).toMatchObject({
      status: 'warn',
      message: 'Could not compare the CPU with lab-b: internal error: unknown CPU vendor',
    });
    s.facts.cpuCompare = null;
    expect(checkOf(s, 'cpu')).toMatchObject({ status: 'warn', message: 'Could not compare the CPU with lab-b: not compared' });
  });

  it('warn: host-passthrough and maximum show A’s exact CPU, which libvirt cannot check', () => {
    for (const mode of ['host-passthrough', 'maximum']) {
      const s = scenario('live-shared-unsafe');
      // The <cpu> element asks for this mode.
      s.facts.xml = s.facts.xml.replace(/<cpu [\s\S]*?<\/cpu>/, `<cpu mode='${mode}'/>`);
      expect(checkOf(s, 'cpu')).toMatchObject({
        status: 'warn',
        message: `${s.facts.domain.name} uses ${mode}: the guest sees lab-a's exact CPU. lab-b must have the same CPU model, microcode and features, which libvirt cannot check; a difference can crash the guest after the move.`,
      });
    }
  });

  it('pass: no <cpu>, a custom mode without a model, host-model offline', () => {
    const s = scenario('offline-copy');
    const n = s.facts.domain.name;
    // No <cpu> element: the hypervisor's default model.
    s.facts.xml = s.facts.xml.replace(/<cpu [\s\S]*?<\/cpu>/, '');
    expect(checkOf(s, 'cpu').message).toBe(`${n} uses the hypervisor's default CPU model.`);
    // <cpu> with only a topology: mode custom, no model.
    s.facts.xml = s.facts.xml.replace('<features>', "<cpu><topology sockets='1' cores='1' threads='1'/></cpu><features>");
    expect(checkOf(s, 'cpu').message).toBe(`${n} uses the hypervisor's default CPU model.`);
    // host-model, offline: B's own model when it starts there.
    s.facts.xml = s.facts.xml.replace(/<cpu>[\s\S]*?<\/cpu>/, "<cpu mode='host-model'/>");
    expect(checkOf(s, 'cpu')).toMatchObject({
      status: 'pass',
      message: "host-model: lab-b's own CPU model is used when the VM starts there.",
    });
    // host-model live is compared like a custom model.
    s.spec.mode = 'live';
    s.facts.cpuCompare = { ok: true, value: 0 };
    expect(checkOf(s, 'cpu')).toMatchObject({ status: 'fail', message: `lab-b cannot provide ${n}'s CPU (host-model).` });
  });
});

describe('networks and bridges', () => {
  it('pass: the lab bridge labbr0 exists on B (lab)', () => {
    const s = scenario('live-shared-unsafe');
    const mac = /<mac address='([^']+)'/.exec(s.facts.xml)?.[1];
    expect(checkOf(s, 'network')).toEqual({
      id: 'network',
      title: 'Networks and bridges',
      status: 'pass',
      message: `Every network and bridge ${s.facts.domain.name} uses exists on lab-b.`,
      details: [`${mac}: bridge labbr0 exists on lab-b.`],
    });
  });

  it('fail: a bridge B lacks; an inactive network only warns offline (lab: network default defined, not started)', () => {
    const s = scenario('offline-copy');
    expect(checkOf(s, 'network')).toEqual({
      id: 'network',
      title: 'Networks and bridges',
      status: 'fail',
      message: `Some networks or bridges ${s.facts.domain.name} uses are missing on lab-b.`,
      details: [
        "52:54:00:7f:00:01: network 'default' exists on lab-b but is not active: start it there.",
        "52:54:00:7f:00:02: lab-b has no bridge nosuchbr. Create it on lab-b (or change the NIC's bridge).",
        '52:54:00:7f:00:03: bridge labbr0 exists on lab-b.',
        '52:54:00:7f:00:04: user-mode networking needs nothing on lab-b.',
      ],
    });
    // Without the NIC on the missing bridge, the inactive network is the worst: a warning offline.
    s.facts.xml = s.facts.xml.replace(/<interface type='bridge'>\s*<mac address='52:54:00:7f:00:02'\/>[\s\S]*?<\/interface>/, '');
    expect(checkOf(s, 'network')).toMatchObject({
      status: 'warn',
      message: `Some networks or bridges ${s.facts.domain.name} uses are missing on lab-b.`,
    });
    // Live, the same inactive network fails: the VM could not run there.
    s.spec.mode = 'live';
    s.facts.state = 'running';
    expect(checkOf(s, 'network').status).toBe('fail');
    // Started on B: pass.
    ok(s.facts.networks).active.push('default');
    expect(checkOf(s, 'network').status).toBe('pass');
  });

  it('fail: a network B does not define; warn: a NIC type Vireo does not check', () => {
    const s = scenario('offline-copy');
    // B's network list loses 'default'; the bridge NIC moves to labbr0; a vhostuser NIC appears.
    ok(s.facts.networks).defined = [];
    s.facts.xml = s.facts.xml
      .replace("<source bridge='nosuchbr'/>", "<source bridge='labbr0'/>")
      .replace('</devices>', "<interface type='vhostuser'><mac address='52:54:00:7f:00:09'/></interface></devices>");
    const c = checkOf(s, 'network');
    expect(c.status).toBe('fail');
    expect(c.details?.[0]).toBe("52:54:00:7f:00:01: lab-b has no network 'default'. Define it on lab-b.");
    expect(c.details?.at(-1)).toBe("52:54:00:7f:00:09: type 'vhostuser' is not checked by Vireo.");
    // Without the network NIC, the unknown type alone is a warning.
    s.facts.xml = s.facts.xml.replace(/<interface type='network'>[\s\S]*?<\/interface>/, '');
    expect(checkOf(s, 'network').status).toBe('warn');
  });

  it('macvtap (direct): pass when B has the device, fail when not, fail when the test could not run', () => {
    const s = scenario('live-shared-unsafe');
    // The NIC becomes macvtap on eth0; B's `test -e /sys/class/net/eth0` answered yes.
    s.facts.xml = s.facts.xml.replace(
      /<interface type='bridge'>[\s\S]*?<\/interface>/,
      "<interface type='direct'><mac address='m7'/><source dev='eth0' mode='bridge'/></interface>",
    );
    s.facts.directDevices = { eth0: { ok: true, value: true } };
    expect(checkOf(s, 'network')).toMatchObject({ status: 'pass', details: ['m7: device eth0 exists on lab-b.'] });
    s.facts.directDevices = { eth0: { ok: true, value: false } };
    expect(checkOf(s, 'network')).toMatchObject({ status: 'fail', details: ['m7: lab-b has no network device eth0.'] });
    s.facts.directDevices = { eth0: { ok: false, error: 'lab-b: channel closed' } };
    expect(checkOf(s, 'network')).toMatchObject({ status: 'fail', message: 'Could not check: lab-b: channel closed' });
  });

  it('pass: no interfaces; fail when B’s networks or its probe could not be read', () => {
    const s = scenario('offline-copy');
    // The network list read failed.
    s.facts.networks = { ok: false, error: 'Cannot recv data: Connection reset by peer', code: 38 };
    expect(checkOf(s, 'network')).toMatchObject({ status: 'fail', message: 'Could not check: Cannot recv data: Connection reset by peer' });
    s.facts.networks = { ok: true, value: { defined: ['default'], active: ['default'] } };
    // B's probe (its bridges) failed.
    s.facts.dstProbe = { ok: false, error: 'lab-b: exit 2' };
    expect(checkOf(s, 'network')).toMatchObject({ status: 'fail', message: 'Could not check: lab-b: exit 2' });
    // No NICs at all: nothing to check, whatever failed.
    s.facts.xml = s.facts.xml.replace(/<interface [\s\S]*?<\/interface>/g, '');
    expect(checkOf(s, 'network')).toMatchObject({ status: 'pass', message: `${s.facts.domain.name} has no network interfaces.` });
  });
});

describe('name and UUID on the destination', () => {
  it('pass: B has neither the name nor the UUID (lab)', () => {
    const s = scenario('live-shared-unsafe');
    expect(checkOf(s, 'name')).toEqual({
      id: 'name',
      title: 'Name and UUID on the destination',
      status: 'pass',
      message: `lab-b has no VM named '${s.facts.domain.name}' and none with this UUID.`,
    });
    expect(run(s).stale).toBeUndefined();
  });

  it('warn: B keeps a shut-off definition with the same name and UUID (lab); it is the stale copy', () => {
    const s = scenario('offline-copy-stale-same-name');
    const pf = run(s);
    expect(check(pf, 'name')).toMatchObject({
      status: 'warn',
      message:
        'lab-b keeps a shut-off definition of this VM (same name and UUID, e.g. from an earlier migration): the migration replaces it with the current one.',
    });
    expect(pf.stale).toEqual({ dom: s.facts.sameUuidOnDst?.ref, state: 'shutoff' });
  });

  it('fail: B defines the UUID under another name (lab), with the fix to remove it', () => {
    const s = scenario('offline-copy-stale-other-name');
    const old = s.facts.sameUuidOnDst?.ref.name;
    expect(checkOf(s, 'name')).toEqual({
      id: 'name',
      title: 'Name and UUID on the destination',
      status: 'fail',
      message: `lab-b already defines this VM as '${old}' (same UUID, shut off): libvirt refuses a second name for it.`,
      fix: {
        id: 'undefine-stale',
        label: 'Remove the stale definition on lab-b',
        detail: `Undefines '${old}' on lab-b. Its disks are kept.`,
      },
    });
  });

  it('fail: B runs this very VM already; a state that could not be read fails the check', () => {
    const s = scenario('offline-copy-stale-same-name');
    // B's copy is running (the VM was started on both hosts).
    const ref = s.facts.sameUuidOnDst?.ref;
    if (!ref) throw new Error('fixture has no stale copy on B');
    s.facts.sameUuidOnDst = { ref, state: { ok: true, value: 'running' } };
    const pf = run(s);
    expect(check(pf, 'name')).toMatchObject({
      status: 'fail',
      message: `lab-b already runs this VM (same UUID) as '${s.facts.domain.name}' (running). A VM must run on one host only: find out which copy is current before going on.`,
    });
    expect(pf.stale).toEqual({ dom: ref, state: 'running' });
    // Its state read failed.
    s.facts.sameUuidOnDst = { ref, state: { ok: false, error: 'Domain not found', code: 42 } };
    expect(checkOf(s, 'name')).toMatchObject({ status: 'fail', message: 'Could not check: Domain not found' });
    expect(run(s).stale).toBeUndefined();
  });

  it('fail: the new name is another VM’s on B (lab), with the fix to rename', () => {
    const s = scenario('live-shared-name-clash');
    const other = s.facts.sameNameOnDst;
    expect(checkOf(s, 'name')).toEqual({
      id: 'name',
      title: 'Name and UUID on the destination',
      status: 'fail',
      message: `lab-b already has another VM named '${s.spec.newName}' (UUID ${other?.uuid}): libvirt refuses to migrate onto it.`,
      fix: { id: 'rename', label: 'Choose a new name', detail: 'The VM keeps its UUID and gets the new name on lab-b.' },
    });
    expect(run(s).params.destination_name).toBe(s.spec.newName);
  });
});

describe('destination reachable', () => {
  it('direct, pass: A reaches B’s SSH port (lab)', () => {
    expect(checkOf(scenario('live-shared-unsafe'), 'reachable')).toEqual({
      id: 'reachable',
      title: 'Destination reachable',
      status: 'pass',
      message: 'lab-a reaches 10.203.0.2 (TCP 22): QEMU streams from lab-a to lab-b directly, with no SSH trust between the hosts.',
    });
  });

  it('direct, fail: A cannot reach B (with or without nc’s words); the probe failed', () => {
    const s = scenario('live-shared-unsafe');
    // nc on A timed out.
    ok(s.facts.srcProbe).reach = { ok: false, output: 'nc: connect to 10.203.0.2 port 22 (tcp) timed out' };
    expect(checkOf(s, 'reachable')).toMatchObject({
      status: 'fail',
      message:
        'lab-a cannot reach 10.203.0.2 (TCP 22): nc: connect to 10.203.0.2 port 22 (tcp) timed out. A direct migration streams from lab-a to lab-b: check routing and firewalls between them.',
    });
    ok(s.facts.srcProbe).reach = { ok: false, output: '' };
    expect(checkOf(s, 'reachable').message).toBe(
      'lab-a cannot reach 10.203.0.2 (TCP 22). A direct migration streams from lab-a to lab-b: check routing and firewalls between them.',
    );
    // B listens on another SSH port.
    s.facts.dst.spec.port = 2222;
    expect(checkOf(s, 'reachable').message).toContain('(TCP 2222)');
    s.facts.srcProbe = { ok: false, error: 'lab-a: exit 2' };
    expect(checkOf(s, 'reachable')).toMatchObject({ status: 'fail', message: 'Could not check: lab-a: exit 2' });
  });

  it('direct, warn: B is reached by a local socket, so Vireo does not know B’s address', () => {
    const s = scenario('live-shared-unsafe');
    // B added as "this computer" (transport local, no address).
    s.facts.dst.spec = { name: 'lab-b', transport: 'local', uri: 'qemu:///system' };
    expect(checkOf(s, 'reachable')).toMatchObject({
      status: 'warn',
      message: 'Vireo cannot tell which address lab-a uses to reach lab-b; QEMU on lab-a must reach lab-b directly.',
    });
  });

  it('peer-to-peer, pass: A’s libvirt opens B (lab); the URI is in the plan', () => {
    const s = scenario('live-shared-p2p');
    const pf = run(s);
    expect(check(pf, 'reachable')).toMatchObject({
      status: 'pass',
      message: "lab-a's libvirt opens qemu+ssh://root@10.203.0.2/system (peer-to-peer: lab-a drives the migration itself).",
    });
    expect(pf.peerUri).toBe('qemu+ssh://root@10.203.0.2/system');
    expect(pf.plan.flags).toEqual(['--live', '--p2p', '--persistent', '--undefinesource', '--unsafe']);
    expect(pf.plan.virsh.endsWith(`--verbose ${s.facts.domain.name} qemu+ssh://root@10.203.0.2/system`)).toBe(true);
  });

  it('peer-to-peer, fail: nothing answers at the URI’s address; B refuses the user (lab)', () => {
    const unreachable = scenario('live-shared-p2p-unreachable');
    expect(checkOf(unreachable, 'reachable')).toMatchObject({
      status: 'fail',
      message:
        'lab-a cannot open qemu+ssh://10.203.0.99/system: Cannot recv data: ssh: connect to host 10.203.0.99 port 22: No route to host: Connection reset by peer',
    });
    const refused = scenario('live-shared-p2p-refused');
    expect(checkOf(refused, 'reachable').message).toBe(
      'lab-a cannot open qemu+ssh://nosuch@10.203.0.2/system: Cannot recv data: nosuch@10.203.0.2: Permission denied (publickey).: Connection reset by peer',
    );
    expect(run(refused).plan.canStart).toBe(false);
  });

  it('peer-to-peer: warn without virsh on A; fail on a timeout or a refusal; fail when the test could not run', () => {
    const s = scenario('live-shared-p2p');
    const t = (code: number, stdout: string) => {
      // What `virsh -c <uri> uri` on A printed and exited with.
      s.facts.peerTest = { ok: true, value: { code, stdout, stderr: '' } };
      return checkOf(s, 'reachable');
    };
    expect(t(127, 'no virsh on this host')).toMatchObject({
      status: 'warn',
      message: 'lab-a has no virsh to test qemu+ssh://root@10.203.0.2/system with; libvirt on lab-a must be able to open it.',
    });
    expect(t(124, '')).toMatchObject({ status: 'fail', message: 'lab-a could not reach qemu+ssh://root@10.203.0.2/system within 12 s.' });
    const refused = t(1, 'error: failed to connect to the hypervisor\nerror: Permission denied (publickey).\n');
    expect(refused).toEqual({
      id: 'reachable',
      title: 'Destination reachable',
      status: 'fail',
      message: 'lab-a cannot open qemu+ssh://root@10.203.0.2/system: Permission denied (publickey).',
      details: [
        "Peer-to-peer needs lab-a to reach lab-b on its own (SSH keys of lab-a's root for qemu+ssh). Use Direct instead, or fix lab-a's access to lab-b.",
      ],
    });
    expect(t(3, '').message).toBe('lab-a cannot open qemu+ssh://root@10.203.0.2/system: exit 3');
    s.facts.peerTest = { ok: false, error: 'lab-a: channel closed' };
    expect(checkOf(s, 'reachable')).toMatchObject({ status: 'fail', message: 'Could not check: lab-a: channel closed' });
    s.facts.peerTest = null;
    expect(checkOf(s, 'reachable')).toMatchObject({
      status: 'fail',
      message: 'Could not check: qemu+ssh://root@10.203.0.2/system was not tested',
    });
  });

  it('peer-to-peer, fail: no URI to reach B (B is local and none was typed); a typed URI is used as is', () => {
    const s = scenario('live-shared-p2p');
    // B added as "this computer": no address for a default URI.
    s.facts.dst.spec = { name: 'lab-b', transport: 'local', uri: 'qemu:///system' };
    expect(checkOf(s, 'reachable')).toMatchObject({
      status: 'fail',
      message: "Enter the URI lab-a uses to reach lab-b's libvirt (e.g. qemu+ssh://host/system).",
    });
    expect(run(s).plan.virsh.endsWith(" '?'")).toBe(true);
    s.spec.peerUri = 'qemu+tls://b.example/system';
    expect(checkOf(s, 'reachable').message).toBe(
      "lab-a's libvirt opens qemu+tls://b.example/system (peer-to-peer: lab-a drives the migration itself).",
    );
  });
});

describe('memory on the destination', () => {
  it('pass: lab-b has GiBs free for 192 MiB (lab)', () => {
    const s = scenario('live-shared-unsafe');
    expect(checkOf(s, 'memory')).toEqual({
      id: 'memory',
      title: 'Memory on the destination',
      status: 'pass',
      message: `lab-b has ${(ok(s.facts.freeMemory) / 1024 ** 3).toFixed(1)} GiB free; ${s.facts.domain.name} needs 192 MiB.`,
    });
    expect(run(s).plan.memoryBytes).toBe(VM_MEMORY);
  });

  it.each([
    // B's free memory against the guest's 192 MiB: less fails, up to 1.1 × + 256 MiB warns.
    [VM_MEMORY - 1, 'fail', 'lab-b has 192 MiB free; NAME needs 192 MiB.'],
    [VM_MEMORY, 'warn', "lab-b has 192 MiB free for NAME's 192 MiB: little left for the host itself."],
    [Math.ceil(1.1 * VM_MEMORY + 256 * MiB) - 1, 'warn', "lab-b has 467 MiB free for NAME's 192 MiB: little left for the host itself."],
    [Math.ceil(1.1 * VM_MEMORY + 256 * MiB), 'pass', 'lab-b has 467 MiB free; NAME needs 192 MiB.'],
  ] as const)('live, %d bytes free on B: %s', (free, status, message) => {
    const s = scenario('live-shared-unsafe');
    s.facts.freeMemory = { ok: true, value: free };
    expect(checkOf(s, 'memory')).toMatchObject({ status, message: message.replace('NAME', s.facts.domain.name) });
  });

  it('offline: too little only warns (it is needed when the VM starts)', () => {
    const s = scenario('offline-copy');
    const n = s.facts.domain.name;
    expect(checkOf(s, 'memory').message).toMatch(new RegExp(`free; ${n} needs 192 MiB when it starts\\.$`));
    s.facts.freeMemory = { ok: true, value: VM_MEMORY - 1 };
    expect(checkOf(s, 'memory')).toMatchObject({ status: 'warn', message: `lab-b has 192 MiB free; ${n} needs 192 MiB to start there.` });
    s.facts.freeMemory = { ok: true, value: VM_MEMORY };
    expect(checkOf(s, 'memory')).toMatchObject({ status: 'pass', message: `lab-b has 192 MiB free; ${n} needs 192 MiB when it starts.` });
  });

  it('fail: the free memory could not be read', () => {
    const s = scenario('live-shared-unsafe');
    s.facts.freeMemory = { ok: false, error: 'this function is not supported by the connection driver: virNodeGetFreeMemory', code: 3 };
    const pf = run(s);
    expect(check(pf, 'memory')).toEqual({
      id: 'memory',
      title: 'Memory on the destination',
      status: 'fail',
      message: 'Could not check: this function is not supported by the connection driver: virNodeGetFreeMemory',
    });
    expect(pf.plan.canStart).toBe(false);
  });
});

describe('hypervisor versions (no fail: an older QEMU may still work)', () => {
  it('pass: the same QEMU and libvirt on both (lab)', () => {
    expect(checkOf(scenario('live-shared-unsafe'), 'versions')).toEqual({
      id: 'versions',
      title: 'Hypervisor versions',
      status: 'pass',
      message: 'QEMU 7.2.22 / libvirt 9.0.0 on lab-a, QEMU 7.2.22 / libvirt 9.0.0 on lab-b.',
    });
  });

  it.each([
    // B's QEMU version against A's 7.2.22, compared number by number.
    ['7.2.21', 'warn'],
    ['7.2', 'warn'],
    ['6.9.99', 'warn'],
    ['7.10.0', 'pass'],
    ['7.2.22', 'pass'],
    ['7.2.22.1', 'pass'],
    ['8.0', 'pass'],
  ] as const)('live, QEMU %s on B: %s', (hv, status) => {
    const s = scenario('live-shared-unsafe');
    s.facts.dst.hypervisorVersion = hv;
    const c = checkOf(s, 'versions');
    expect(c.status).toBe(status);
    if (status === 'warn')
      expect(c.message).toBe(
        `lab-b runs an older QEMU: QEMU 7.2.22 / libvirt 9.0.0 on lab-a, QEMU ${hv} / libvirt 9.0.0 on lab-b. Migrating to an older QEMU works only with a machine type both know.`,
      );
  });

  it('offline, or a version not known: pass', () => {
    const s = scenario('offline-copy');
    // B's QEMU is older, but an offline move starts the VM afresh there.
    s.facts.dst.hypervisorVersion = '6.0.0';
    expect(checkOf(s, 'versions').status).toBe('pass');
    const u = scenario('live-shared-unsafe');
    // The versions were not reported by either host.
    delete u.facts.dst.hypervisorVersion;
    delete u.facts.dst.libvirtVersion;
    expect(checkOf(u, 'versions')).toMatchObject({
      status: 'pass',
      message: 'QEMU 7.2.22 / libvirt 9.0.0 on lab-a, QEMU ? / libvirt ? on lab-b.',
    });
    delete u.facts.src.hypervisorVersion;
    u.facts.dst.hypervisorVersion = '1.0';
    expect(checkOf(u, 'versions').status).toBe('pass');
  });
});

describe('host checks: edges the mutation run found', () => {
  it('direct: a local destination warns even with an address; a probe without a route answer fails without words', () => {
    const s = scenario('live-shared-unsafe');
    // B added as local but with an address kept in its spec.
    s.facts.dst.spec = { ...s.facts.dst.spec, transport: 'local' };
    expect(checkOf(s, 'reachable').status).toBe('warn');
    const t = scenario('live-shared-unsafe');
    // The probe printed no @reach section.
    delete ok(t.facts.srcProbe).reach;
    expect(checkOf(t, 'reachable').message).toBe(
      'lab-a cannot reach 10.203.0.2 (TCP 22). A direct migration streams from lab-a to lab-b: check routing and firewalls between them.',
    );
  });

  it('memory: exactly 1.1 × the guest + 256 MiB is enough', () => {
    const s = scenario('live-shared-unsafe');
    // The guest gets 200 MiB (1.1 × 200 MiB is a whole number of bytes), B exactly that much more than needed.
    s.facts.xml = s.facts.xml.replace(/<memory unit='KiB'>\d+<\/memory>/, "<memory unit='KiB'>204800</memory>");
    s.facts.freeMemory = { ok: true, value: 200 * MiB * 1.1 + 256 * MiB };
    expect(checkOf(s, 'memory').status).toBe('pass');
    s.facts.freeMemory = { ok: true, value: 200 * MiB * 1.1 + 256 * MiB - 1 };
    expect(checkOf(s, 'memory').status).toBe('warn');
  });

  it('versions not known on the source are shown as ?', () => {
    const s = scenario('live-shared-unsafe');
    delete s.facts.src.hypervisorVersion;
    delete s.facts.src.libvirtVersion;
    expect(checkOf(s, 'versions').message).toBe('QEMU ? / libvirt ? on lab-a, QEMU 7.2.22 / libvirt 9.0.0 on lab-b.');
  });
});
