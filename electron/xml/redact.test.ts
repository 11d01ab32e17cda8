import { describe, expect, it } from 'vitest';
import { redactDomainXml } from './redact';

// A definition as libvirt 9.0 returns it with VIR_DOMAIN_XML_SECURE (what clone and console read).
const secure = `<domain type='kvm'>
  <name>web1</name>
  <devices>
    <disk type='network' device='disk'>
      <source protocol='https' name='/images/web1.qcow2'>
        <host name='images.example' port='443'/>
        <cookies>
          <cookie name='session'>s3cr3t-cookie</cookie>
        </cookies>
      </source>
      <target dev='vda' bus='virtio'/>
    </disk>
    <disk type='network' device='disk'>
      <source protocol='rbd' name='pool/img'>
        <auth username='admin'><secret type='ceph' usage='client.admin'/></auth>
      </source>
      <target dev='vdb' bus='virtio'/>
    </disk>
    <graphics type='vnc' port='-1' autoport='yes' listen='127.0.0.1' passwd='vncpass1' passwdValidTo='2030-01-01T00:00:00'>
      <listen type='address' address='127.0.0.1'/>
    </graphics>
    <graphics type='spice' autoport='yes' passwd='spicepw2'/>
  </devices>
</domain>`;

describe('low clone preview secrets: no secret leaves the backend in a domain XML', () => {
  it('low clone preview secrets graphics passwords and disk cookies are removed; the rest stays, secret references included', () => {
    const out = redactDomainXml(secure);
    for (const s of ['vncpass1', 'spicepw2', 's3cr3t-cookie', 'passwd=', '<cookies']) expect(out).not.toContain(s);
    expect(out).toContain("passwdValidTo='2030-01-01T00:00:00'".replace(/'/g, '"'));
    expect(out).toContain('<secret type="ceph" usage="client.admin"/>');
    expect(out).toContain('<auth username="admin">');
    expect(out).toContain('<listen type="address" address="127.0.0.1"/>');
    expect(out).toContain('<name>web1</name>');
  });

  it('low clone preview secrets a definition without secrets comes back as it was, byte for byte', () => {
    const plain = "<domain type='kvm'><name>a</name><devices><graphics type='vnc' port='-1'/></devices></domain>";
    expect(redactDomainXml(plain)).toBe(plain);
  });

  it('low clone preview secrets a password attribute or secret value anywhere goes', () => {
    const out = redactDomainXml(
      "<domain><devices><hostdev><source><auth username='u' password='pw3'/></source></hostdev><secret type='x' value='v4'>t5</secret></devices></domain>",
    );
    for (const s of ['pw3', 'v4', 't5']) expect(out).not.toContain(s);
    expect(out).toContain('<secret type="x"/>');
  });
});
