// redactDomainXml at its edges: each kind of secret alone is removed (and the text re-written),
// while a definition that only mentions the words comes back byte for byte.
import { describe, expect, it } from 'vitest';
import { redactDomainXml } from './redact';

describe('redactDomainXml edges', () => {
  it('only the words, no secret: the very same text (quotes and spacing kept)', () => {
    const xml =
      "<domain type='kvm'>\n  <description>reset the passwd, see <secret> docs</description>\n  <graphics type='vnc'/>\n</domain>";
    expect(redactDomainXml(xml.replace('<secret>', 'secret'))).toBe(xml.replace('<secret>', 'secret'));
    expect(redactDomainXml("<domain type='kvm'><title>password</title></domain>")).toBe(
      "<domain type='kvm'><title>password</title></domain>",
    );
  });

  it('no secret words: the text is not even parsed', () => {
    expect(redactDomainXml('not xml at all')).toBe('not xml at all');
  });

  it('a malformed definition with a secret word is an error naming the domain XML', () => {
    expect(() => redactDomainXml('<domain passwd="x"')).toThrow(/^Cannot parse the domain XML: /);
  });

  it.each([
    ['a graphics passwd', "<domain><graphics type='vnc' passwd='s3'/></domain>", '<domain><graphics type="vnc"/></domain>'],
    ['a password attribute', "<domain><disk><auth password='s3'/></disk></domain>", '<domain><disk><auth/></disk></domain>'],
    ["a secret's value", "<domain><secret value='s3'/></domain>", '<domain><secret/></domain>'],
    ["a secret's text", '<domain><secret>s3</secret></domain>', '<domain><secret/></domain>'],
    [
      'cookies',
      "<domain><disk><source><cookies><cookie name='a'>s3</cookie></cookies></source></disk></domain>",
      '<domain><disk><source/></disk></domain>',
    ],
  ])('%s alone is removed', (_, xml, out) => {
    expect(redactDomainXml(xml)).toBe(out);
  });
});
