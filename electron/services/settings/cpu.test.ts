import { describe, expect, it } from 'vitest';
import { domainToXml, openDomain, setCpuMode } from '../../xml/edit';
import { parseDomain } from '../../xml/parse';
import { customModels, hostModelCpuXml } from './cpu';

const DOMCAPS = `<domainCapabilities><path>/usr/bin/qemu-system-x86_64</path><domain>qemu</domain>
<cpu>
  <mode name='host-passthrough' supported='no'/>
  <mode name='host-model' supported='yes'>
    <model fallback='forbid'>Skylake-Client-IBRS</model>
    <vendor>Intel</vendor>
    <feature policy='require' name='ss'/>
    <feature policy='disable' name='hle'/>
  </mode>
  <mode name='custom' supported='yes'>
    <model usable='yes' vendor='unknown'>qemu64</model>
    <model usable='no' vendor='Intel'>Skylake-Server</model>
  </mode>
</cpu></domainCapabilities>`;

describe('CPU mode facts', () => {
  it('reads the host-model CPU as the custom model libvirt migrates it as, and the custom models', () => {
    const x = hostModelCpuXml(DOMCAPS) ?? '';
    expect(x).toContain("<cpu mode='custom' match='exact'>".replaceAll("'", '"'));
    expect(x).toContain('<model fallback="forbid">Skylake-Client-IBRS</model>');
    expect(x).toContain('<feature policy="disable" name="hle"/>');
    expect(customModels(DOMCAPS)).toEqual([
      { name: 'qemu64', usable: true },
      { name: 'Skylake-Server', usable: false },
    ]);
    expect(hostModelCpuXml(DOMCAPS.replace("name='host-model' supported='yes'", "name='host-model' supported='no'"))).toBeNull();
  });

  it('setCpuMode: a host mode drops model, vendor and features and keeps the topology; custom names its model', () => {
    const d = openDomain(`<domain type='qemu'><name>v</name><os><type>hvm</type></os>
  <cpu mode='custom' match='exact' check='partial'><model fallback='allow'>qemu64</model><vendor>AMD</vendor><topology sockets='1' dies='1' cores='2' threads='1'/><feature policy='require' name='x2apic'/></cpu></domain>`);
    setCpuMode(d, 'host-passthrough');
    const m1 = parseDomain(domainToXml(d));
    expect(m1.cpu).toMatchObject({ mode: 'host-passthrough', topology: { cores: 2 } });
    expect(m1.cpu.model).toBeUndefined();
    expect(domainToXml(d)).not.toMatch(/vendor|feature|match=|check=/);
    setCpuMode(d, 'custom', 'Skylake-Server');
    expect(parseDomain(domainToXml(d)).cpu).toMatchObject({
      mode: 'custom',
      match: 'exact',
      model: 'Skylake-Server',
      topology: { cores: 2 },
    });
    expect(() => setCpuMode(d, 'custom')).toThrow(/needs a model/);
  });
});
