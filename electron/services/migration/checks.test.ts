// Pre-flight as a whole from the facts captured in the lab: what each scenario gives (pinned
// check by check), the order of the checks, the facts as plain data without secrets, and a check
// that throws failing alone.
import { describe, expect, it } from 'vitest';
import { preflightFromFacts } from './checks';
import { contextOf, cpuToCompare, diskDest, size } from './checks-common';
import { check, run, scenario, scenarioNames } from './preflight.fixture';

describe('captured scenarios', () => {
  it('each scenario gives its checks (statuses pinned: a change shows here first)', () => {
    const got = Object.fromEntries(
      scenarioNames().map((n) => [
        n,
        run(scenario(n))
          .plan.checks.map((c) => `${c.id}:${c.status}`)
          .join(' '),
      ]),
    );
    const ok = (storage: string, rest = '') =>
      `state:pass disk-cache:pass cpu:pass storage:${storage} network:pass name:pass reachable:pass memory:pass versions:pass${rest}`;
    expect(got).toEqual({
      'live-copy-chosen-pool-missing': ok('fail'),
      'live-copy-chosen-pool': ok('pass'),
      'live-copy-chosen-pool-inactive': ok('fail'),
      'live-copy-default-pool': ok('pass'),
      'live-copy-no-pool-at-dir': ok('fail'),
      'live-copy-volume-too-small-on-b': ok('fail'),
      'live-shared-disk-missing-on-b': ok('fail'),
      'live-shared-name-clash': ok('warn').replace('name:pass', 'name:fail'),
      'live-shared-p2p': ok('warn'),
      'live-shared-p2p-refused': ok('warn').replace('reachable:pass', 'reachable:fail'),
      'live-shared-p2p-unreachable': ok('warn').replace('reachable:pass', 'reachable:fail'),
      'live-shared-unsafe': ok('warn'),
      'live-writeback-custom-cpu': ok('warn').replace('disk-cache:pass', 'disk-cache:warn'),
      'live-writeback-defined-none': ok('warn'),
      'offline-copy': ok('pass').replace('network:pass', 'network:fail'),
      'offline-copy-stale-other-name': ok('pass').replace('network:pass', 'network:fail').replace('name:pass', 'name:fail'),
      'offline-copy-stale-same-name': ok('pass').replace('network:pass', 'network:fail').replace('name:pass', 'name:warn'),
      'offline-cpu-incompatible': ok('pass').replace('cpu:pass', 'cpu:warn'),
    });
    expect(
      Object.entries(got)
        .filter(([, v]) => !v.includes(':fail'))
        .map(([k]) => k),
    ).toEqual([
      'live-copy-chosen-pool',
      'live-copy-default-pool',
      'live-shared-p2p',
      'live-shared-unsafe',
      'live-writeback-custom-cpu',
      'live-writeback-defined-none',
      'offline-cpu-incompatible',
    ]);
  });

  it('canStart is false exactly when a check fails', () => {
    for (const n of scenarioNames()) {
      const pf = run(scenario(n));
      expect(pf.plan.canStart, n).toBe(!pf.plan.checks.some((c) => c.status === 'fail'));
    }
  });

  it('the ready live migration, whole: plan, flags, virsh line, what the run needs', () => {
    const s = scenario('live-shared-unsafe');
    const n = s.facts.domain.name;
    const pf = run(s);
    expect(pf.plan.checks.map((c) => c.title)).toEqual([
      'VM state',
      'Disk cache mode',
      'CPU compatibility',
      'Storage',
      'Networks and bridges',
      'Name and UUID on the destination',
      'Destination reachable',
      'Memory on the destination',
      'Hypervisor versions',
    ]);
    expect(pf.plan).toMatchObject({
      canStart: true,
      copyBytes: 0,
      memoryBytes: 192 * 1024 ** 2,
      flags: ['--live', '--persistent', '--undefinesource', '--unsafe'],
      virsh: `virsh -c qemu+ssh://root@10.203.0.1/system migrate --live --persistent --undefinesource --unsafe --verbose ${n} qemu+ssh://root@10.203.0.2/system`,
      disks: [],
    });
    expect(pf).toMatchObject({ name: n, destName: n, state: 'running', persistent: true, params: {}, dom: s.facts.domain });
    expect(pf.flags).toBe(1 + 8 + 16 + 512);
    expect(pf.peerUri).toBeUndefined();
    expect(pf.stale).toBeUndefined();
  });
});

describe('facts are plain data', () => {
  it('a JSON round trip changes nothing, and gives the same pre-flight', () => {
    for (const n of scenarioNames()) {
      const s = scenario(n);
      const again = JSON.parse(JSON.stringify(s.facts));
      expect(again, n).toEqual(s.facts);
      expect(preflightFromFacts(again, s.spec), n).toEqual(run(s));
    }
  });

  it('hold no credentials: the hosts keep name, transport, address, port, user and URI only', () => {
    for (const n of scenarioNames()) {
      const { facts } = scenario(n);
      for (const h of [facts.src, facts.dst]) {
        expect(Object.keys(h.spec).sort(), n).toEqual(['address', 'name', 'port', 'transport', 'uri', 'user']);
        expect(Object.keys(h).sort(), n).toEqual(['hypervisorVersion', 'id', 'libvirtVersion', 'spec']);
      }
      expect(JSON.stringify(facts), n).not.toMatch(/passwd=|<secret|PRIVATE KEY|"auth"|keyPath|password/i);
    }
  });

  it('the same facts and spec give the same result (no clock, no randomness)', () => {
    const s = scenario('live-copy-default-pool');
    expect(run(s)).toEqual(run(s));
  });
});

describe('context', () => {
  it('names, mode and disks as the checks read them (lab definition)', () => {
    const s = scenario('live-copy-no-pool-at-dir');
    const ctx = contextOf(s.facts, { ...s.spec, newName: 'renamed' });
    expect(ctx).toMatchObject({
      A: 'lab-a',
      B: 'lab-b',
      name: s.facts.domain.name,
      destName: 'renamed',
      live: true,
      active: true,
      copying: true,
    });
    expect(ctx.disks.map(({ el: _el, ...d }) => d)).toEqual([
      {
        target: 'vda',
        device: 'disk',
        type: 'file',
        source: Object.keys(s.facts.imageInfo)[0],
        format: 'qcow2',
        cache: 'none',
        readonly: false,
        shareable: false,
        backing: false,
      },
    ]);
    expect(ctx.inactiveDisks).toHaveLength(1);
    expect(ctx.ifaces).toStrictEqual([{ type: 'bridge', mac: expect.stringMatching(/^52:54:00:/), bridge: 'labbr0' }]);
    expect(ctx.memoryBytes).toBe(192 * 1024 ** 2);
    const off = scenario('offline-copy');
    // A macvtap NIC added to the lab's four.
    off.facts.xml = off.facts.xml.replace(
      '</devices>',
      "<interface type='direct'><source dev='eth0' mode='bridge'/></interface><interface><source/></interface></devices>",
    );
    expect(contextOf(off.facts, off.spec).ifaces).toStrictEqual([
      { type: 'network', mac: '52:54:00:7f:00:01', network: 'default' },
      { type: 'bridge', mac: '52:54:00:7f:00:02', bridge: 'nosuchbr' },
      { type: 'bridge', mac: '52:54:00:7f:00:03', bridge: 'labbr0' },
      { type: 'user', mac: '52:54:00:7f:00:04' },
      { type: 'direct', mac: '', dev: 'eth0' },
      { type: '?', mac: '' },
    ]);
    expect(contextOf({ ...s.facts, state: 'crashed' }, s.spec).active).toBe(false);
    expect(contextOf({ ...s.facts, state: 'paused' }, s.spec).active).toBe(true);
  });

  it('a shareable disk is never copied; an empty CD-ROM drive is skipped', () => {
    const s = scenario('live-copy-default-pool');
    // vda marked <shareable/>: another VM writes it too, so it stays where it is.
    s.facts.xml = s.facts.xml
      .replace("<target dev='vda'", "<shareable/><target dev='vda'")
      .replace('</devices>', "<disk type='file' device='cdrom'><target dev='sda'/></disk></devices>");
    const pf = run(s);
    expect(pf.plan.disks).toEqual([]);
    expect(pf.disks.map((d) => [d.target, d.copy, d.source])).toEqual([
      ['vda', false, Object.keys(s.facts.srcVols)[0]],
      ['sda', false, ''],
    ]);
    expect(check(pf, 'storage').details).toHaveLength(1);
  });
});

describe('a check that throws', () => {
  it('fails with the reason (with the checks that need the same facts); the others still run', () => {
    const s = scenario('live-copy-default-pool');
    // A probe answer without its file table: the disk plan cannot read it, so storage and networks (B's bridges) fail.
    (s.facts.dstProbe as { ok: true; value: { files: unknown } }).value.files = null;
    const pf = run(s);
    expect(check(pf, 'storage')).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/^Could not check: Cannot read properties of null/),
    });
    expect(pf.plan.checks.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual(['storage', 'network']);
    expect(pf.disks).toEqual([]);
  });
});

describe('the destination’s definition', () => {
  it('no rewrite when the disk keeps its path (copied into the same directory on B)', () => {
    const s = scenario('live-copy-default-pool');
    expect(run(s).params).toEqual({});
  });

  it('a copy does not take the definition’s cache mode: QEMU copies the disk anyway', () => {
    const s = scenario('live-copy-default-pool');
    // Running with writeback, defined with none (as in live-writeback-defined-none), but copied.
    s.facts.xml = s.facts.xml.replace("cache='none'", "cache='writeback'");
    expect(run(s).params.destination_xml).toBeUndefined();
  });

  it('offline into a chosen pool: the definition sent points at the copy; no separate persistent one', () => {
    const s = scenario('live-copy-chosen-pool');
    // The same VM and pool, but shut off and moved offline.
    s.spec.mode = 'offline';
    s.facts.state = 'shutoff';
    s.facts.xml = s.facts.inactiveXml as string;
    const pf = run(s);
    expect(pf.params.destination_xml).toContain(`/var/lib/libvirt/${s.spec.destPool}/`);
    expect(pf.params.persistent_xml).toBeUndefined();
  });

  it('offline with writeback defined: nothing to rewrite (no running QEMU)', () => {
    const s = scenario('live-writeback-custom-cpu');
    // Shut off, moved offline on shared storage, its definition still says writeback while the XML sent says none.
    s.spec.mode = 'offline';
    s.facts.state = 'shutoff';
    s.facts.inactiveXml = (s.facts.inactiveXml as string).replace("cache='writeback'", "cache='none'");
    expect(run(s).params.destination_xml).toBeUndefined();
  });
});

describe('shared helpers', () => {
  it('sizes: MiB with one decimal below 100 MiB, whole MiB up to 1 GiB, then GiB', () => {
    const MiB = 1024 ** 2;
    expect([
      size(0),
      size(MiB / 2),
      size(100 * MiB - 1),
      size(100 * MiB),
      size(1024 * MiB - 1),
      size(1024 * MiB),
      size(2.25 * 1024 * MiB),
    ]).toEqual(['0.0 MiB', '0.5 MiB', '100.0 MiB', '100 MiB', '1024 MiB', '1.0 GiB', '2.3 GiB']);
  });

  it('the CPU compared on B: the lab definition’s model with its arch and machine; nothing for modes libvirt cannot compare', () => {
    const s = scenario('live-writeback-custom-cpu');
    const ctx = contextOf(s.facts, s.spec);
    expect(cpuToCompare(ctx.root, true)).toStrictEqual({
      virtType: 'qemu',
      arch: 'x86_64',
      machine: 'pc-i440fx-7.2',
      xmlCpu: expect.stringMatching(/^<cpu mode="custom" match="exact"[^>]*>\s*<model fallback="forbid">qemu64<\/model>\s*<\/cpu>$/),
    });
    const root = (xml: string) => contextOf({ ...s.facts, xml }, s.spec).root;
    const bare = s.facts.xml
      .replace(/<cpu [\s\S]*?<\/cpu>/, "<cpu mode='custom'><model>qemu64</model></cpu>")
      .replace(/<type arch=[^>]*>/, '<type>')
      .replace("<domain type='qemu'", '<domain');
    expect(cpuToCompare(root(bare), true)).toStrictEqual({ virtType: 'kvm', xmlCpu: '<cpu mode="custom"><model>qemu64</model></cpu>' });
    const withCpu = (cpu: string) => root(s.facts.xml.replace(/<cpu [\s\S]*?<\/cpu>/, cpu));
    expect(cpuToCompare(withCpu(''), true)).toBeNull();
    expect(cpuToCompare(withCpu("<cpu><topology sockets='1' cores='1' threads='1'/></cpu>"), true)).toBeNull();
    expect(cpuToCompare(withCpu("<cpu mode='host-passthrough'/>"), true)).toBeNull();
    expect(cpuToCompare(withCpu("<cpu mode='maximum'/>"), true)).toBeNull();
    expect(cpuToCompare(withCpu("<cpu mode='host-model'/>"), false)).toBeNull();
    expect(cpuToCompare(withCpu("<cpu mode='host-model'/>"), true)).toMatchObject({ xmlCpu: '<cpu mode="host-model"/>' });
    expect(cpuToCompare(withCpu('<cpu><model>qemu64</model></cpu>'), true)).toMatchObject({ xmlCpu: '<cpu><model>qemu64</model></cpu>' });
  });

  it('where a disk goes: the same path unless a chosen pool has another one; its pool named when B has one there', () => {
    const s = scenario('live-copy-default-pool');
    const ctx = contextOf(s.facts, s.spec);
    const d = ctx.disks[0] as (typeof ctx.disks)[number];
    const pools = [
      { name: 'default', path: '/var/lib/libvirt/images', active: true, available: 1 },
      { name: 'fast', path: '/srv/fast', active: true, available: 1 },
      { name: 'nopath', active: true, available: 1 },
    ];
    const file = (d.source as string).split('/').pop();
    expect(diskDest(d, s.spec, pools)).toStrictEqual({ copy: true, dest: d.source, destPool: 'default' });
    expect(diskDest(d, { ...s.spec, destPool: 'fast' }, pools)).toStrictEqual({ copy: true, dest: `/srv/fast/${file}`, destPool: 'fast' });
    expect(diskDest(d, { ...s.spec, destPool: 'nopath' }, pools)).toStrictEqual({ copy: true, dest: d.source });
    expect(diskDest(d, s.spec, pools.slice(1))).toStrictEqual({ copy: true, dest: d.source });
    expect(diskDest(d, { ...s.spec, storage: 'shared' }, pools)).toStrictEqual({ copy: false, dest: d.source });
    expect(diskDest({ ...d, readonly: true }, s.spec, pools)).toStrictEqual({ copy: false, dest: d.source });
    expect(diskDest({ ...d, type: 'block' }, s.spec, pools)).toStrictEqual({ copy: true, dest: d.source });
    expect(diskDest({ ...d, type: 'network' }, s.spec, pools)).toStrictEqual({ copy: false, dest: d.source });
  });
});

describe('edges the mutation run found', () => {
  it('a disk with no target, driver or source: the defaults libvirt reads', () => {
    const s = scenario('live-copy-default-pool');
    // An empty drive with neither <target> nor <driver>.
    s.facts.xml = s.facts.xml.replace('</devices>', "<disk type='file' device='cdrom'/></devices>");
    const d = contextOf(s.facts, s.spec).disks[1];
    expect(d && { target: d.target, format: d.format, cache: d.cache, source: d.source }).toStrictEqual({
      target: '?',
      format: 'raw',
      cache: 'default',
      source: undefined,
    });
    expect(d && diskDest(d, s.spec, [])).toStrictEqual({ copy: false, dest: '' });
  });

  it('a live copy’s virsh line has no offline note', () => {
    expect(run(scenario('live-copy-default-pool')).plan.virsh.startsWith('virsh -c ')).toBe(true);
  });

  it('a check that throws inside: only it fails, saying why', () => {
    const s = scenario('live-shared-unsafe');
    // The route answer is missing its value: the reachability check cannot read it (nor can the disk plan).
    (s.facts.srcProbe as { ok: true; value: unknown }).value = null;
    const pf = run(s);
    expect(check(pf, 'reachable')).toMatchObject({
      status: 'fail',
      message: expect.stringContaining('Could not check: Cannot read properties of null'),
    });
    expect(check(pf, 'storage').message).toEqual(expect.stringContaining('Could not check: Cannot read properties of null'));
    expect(pf.plan.flags).not.toContain('--unsafe');
  });
});
