import { describe, expect, it } from 'vitest';
import { bookwormSourceLine, parseAptSources } from './generate';

// The generator fetches libvirt's source from the mirror the system already uses: no archive host in the repo.
describe('gen: the deb-src line comes from the system apt sources', () => {
  it('deb822 stanzas: the bookworm main entry, with its key', () => {
    const text = [
      'Types: deb',
      '# a comment',
      'URIs: http://mirror.example.invalid/debian',
      'Suites: bookworm bookworm-updates',
      'Components: main',
      'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg',
      '',
      'Types: deb',
      'URIs: http://mirror.example.invalid/debian-security',
      'Suites: bookworm-security',
      'Components: main',
    ].join('\n');
    const entries = parseAptSources(text, true);
    expect(entries).toHaveLength(2);
    expect(bookwormSourceLine(entries)).toBe(
      'deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://mirror.example.invalid/debian bookworm main',
    );
  });

  it('one-line entries; deb-src, disabled stanzas and other suites are not taken', () => {
    const lines = parseAptSources(
      [
        'deb-src http://a.example.invalid/debian bookworm main',
        'deb [arch=amd64] http://b.example.invalid/debian bookworm contrib main # x',
        '',
      ].join('\n'),
      false,
    );
    expect(bookwormSourceLine(lines)).toBe('deb-src http://b.example.invalid/debian bookworm main');
    expect(parseAptSources('Types: deb\nEnabled: no\nURIs: http://c.example.invalid/\nSuites: bookworm\nComponents: main\n', true)).toEqual(
      [],
    );
    expect(() => bookwormSourceLine(parseAptSources('deb http://d.example.invalid/debian trixie main', false))).toThrow(
      /no apt source for Debian bookworm/,
    );
  });
});
