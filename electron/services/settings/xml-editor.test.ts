import { describe, expect, it } from 'vitest';
import { isAppError } from '../../libvirt/errors';
import { redactDomainXml } from '../../xml/redact';
import { withSecrets } from './xml-editor';

const UUID = '7e570000-0000-4000-8000-0000000000aa';
const secure = `<domain type='qemu'>
  <name>vm</name>
  <uuid>${UUID}</uuid>
  <devices>
    <graphics type='vnc' port='-1' autoport='yes' passwd='s3cret'/>
    <graphics type='spice' autoport='yes' passwd='sp1ce' passwdValidTo='2030-01-01T00:00:00'/>
  </devices>
</domain>`;

describe('withSecrets: the editor never sees the passwords, apply never drops them', () => {
  it('puts each graphics password back from the SECURE definition', () => {
    const shown = redactDomainXml(secure);
    expect(shown).not.toContain('s3cret');
    const out = withSecrets(shown.replace('<name>vm</name>', '<name>vm</name><title>t</title>'), secure, UUID, 'vm');
    expect(out).toContain('passwd="s3cret"');
    expect(out).toContain('passwd="sp1ce"');
    expect(out).toContain('passwdValidTo="2030-01-01T00:00:00"');
    expect(out).toContain('<title>t</title>');
  });
  it('a password typed by the admin wins over the stored one', () => {
    const out = withSecrets(secure.replace("passwd='s3cret'", "passwd='n3w'").replace(" passwd='sp1ce'", ''), secure, UUID, 'vm');
    expect(out).toContain('passwd="n3w"');
    expect(out).toContain('passwd="sp1ce"');
  });
  it('without passwords the admin’s text goes as written, byte for byte', () => {
    const plain = `<domain>\n  <name>vm</name>\n  <uuid>${UUID.toUpperCase()}</uuid>\n  <!-- kept -->\n</domain>`;
    expect(withSecrets(plain, plain, UUID, 'vm')).toBe(plain);
  });
  it('text that does not parse goes to libvirt unchanged (its parser names the line)', () => {
    expect(withSecrets('<domain><name>x</nam></domain>', secure, UUID, 'vm')).toBe('<domain><name>x</nam></domain>');
  });
  it('refuses a changed or missing <uuid>: libvirt would define another VM', () => {
    const other = secure.replace(UUID, '7e570000-0000-4000-8000-0000000000bb');
    expect(() => withSecrets(other, secure, UUID, 'vm')).toThrow(/changed to 7e570000-0000-4000-8000-0000000000bb/);
    try {
      withSecrets(secure.replace(/<uuid>.*<\/uuid>/, ''), secure, UUID, 'vm');
      expect.unreachable();
    } catch (err) {
      expect(isAppError(err, 'invalid-input')).toBe(true);
      expect((err as Error).message).toContain('<uuid> element is missing');
    }
  });
});
