/**
 * One disk parser, one serial/console parser, one volume builder (issue 16): outside electron/xml
 * no product file reads <disk>, <serial> or <console> elements itself or writes volume XML by
 * hand — they use parseDomain / parseDisk / parseCharDev and buildVolumeXml. Grep-based, like
 * electron/boundaries.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Files (or folders, ending in /) allowed to read those elements themselves: none now, every service uses the model. */
const ALLOWED: string[] = [];

/** What reading those elements or writing a volume by hand looks like. */
const HAND_XML: { what: string; re: RegExp }[] = [
  { what: 'reads <disk>/<serial>/<console> elements', re: /\b(child|children)\(\s*[^,()]+,\s*['"`](disk|serial|console)['"`]\s*\)/ },
  { what: 'reads <disk>/<serial>/<console> elements', re: /getElementsByTagName(NS)?\([^)]*['"`](disk|serial|console)['"`]/ },
  { what: 'reads <disk>/<serial>/<console> elements', re: /(tagName|localName|nodeName)\s*===?\s*['"`](disk|serial|console)['"`]/ },
  { what: 'matches disk XML as text', re: /<disk[\s>/'"`]/ },
  { what: 'writes volume XML by hand', re: /<volume[\s>/'"`]|createElement(NS)?\([^)]*['"`]volume['"`]|newDocument\(\s*['"`]volume['"`]/ },
];

function hits(source: string): string[] {
  const out: string[] = [];
  source.split('\n').forEach((line, i) => {
    for (const h of HAND_XML) if (h.re.test(line)) out.push(`${i + 1}: ${h.what}: ${line.trim()}`);
  });
  return out;
}

function productFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile() && /\.tsx?$/.test(f.name) && !/\.test\.tsx?$|[.-]fixture\.ts$/.test(f.name))
    .map((f) => relative(ROOT, join(f.parentPath, f.name)));
}

const allowed = (file: string) =>
  file.startsWith('electron/xml/') || ALLOWED.some((a) => (a.endsWith('/') ? file.startsWith(a) : file === a));

describe('one disk parser, one volume builder (issue 16)', () => {
  it('the patterns see every form of hand-made disk, serial and volume XML (so the check below can fail)', () => {
    const planted = [
      "for (const d of children(devices, 'disk')) {",
      'const s = child(devices, "serial");',
      "children(dev, 'console').map(x)",
      "doc.getElementsByTagName('disk')",
      "if (el.tagName === 'disk') {",
      "const xml = `<disk type='file'>`;",
      'const xml = `<volume><name>` + n + `</name></volume>`;',
      "doc.createElement('volume')",
      "newDocument('volume')",
    ];
    for (const line of planted) expect(hits(line), line).toHaveLength(1);
    for (const fine of [
      'const d = parseDomain(xml).disks;',
      "buildVolumeXml({ name, capacity, format: 'raw' })",
      "kind: 'disk'",
      "device: 'disk'",
    ])
      expect(hits(fine), fine).toEqual([]);
  });

  it('no product file outside electron/xml reads <disk>, <serial> or <console> or writes volume XML itself', () => {
    const found: string[] = [];
    for (const file of productFiles('electron')) {
      if (allowed(file)) continue;
      for (const h of hits(readFileSync(join(ROOT, file), 'utf8'))) found.push(`${file}:${h}`);
    }
    expect(found).toEqual([]);
  });
});
