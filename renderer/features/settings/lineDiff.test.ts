import { describe, expect, it } from 'vitest';
import { hunks, lineDiff, lineOfError } from './lineDiff';

describe('lineDiff', () => {
  it('marks one changed line as a deletion and an addition, the rest the same', () => {
    const d = lineDiff('a\nb\nc', 'a\nB\nc');
    expect(d).toEqual([
      { kind: 'same', text: 'a', line: 1 },
      { kind: 'del', text: 'b', line: 2 },
      { kind: 'add', text: 'B', line: 2 },
      { kind: 'same', text: 'c', line: 3 },
    ]);
  });
  it('finds inserted and removed lines in the middle', () => {
    const d = lineDiff('a\nb\nc\nd', 'a\nc\nx\nd');
    expect(d.filter((l) => l.kind !== 'same').map((l) => `${l.kind}:${l.text}`)).toEqual(['del:b', 'add:x']);
  });
  it('equal texts: no change', () => {
    expect(lineDiff('x\ny', 'x\ny').every((l) => l.kind === 'same')).toBe(true);
  });
  it('hunks keep context and count the lines left out', () => {
    const before = Array.from({ length: 20 }, (_, i) => `l${i}`).join('\n');
    const after = before.replace('l10', 'L10');
    const h = hunks(lineDiff(before, after), 1);
    expect(h[0]).toEqual({ kind: 'gap', skipped: 9, from: 1 });
    expect(h.filter((l) => l.kind !== 'gap').map((l) => ('text' in l ? l.text : ''))).toEqual(['l9', 'l10', 'L10', 'l11']);
    expect(h[h.length - 1]).toEqual({ kind: 'gap', skipped: 8, from: 13 });
  });
});

describe('lineOfError', () => {
  it('reads the line of libvirt’s parser and validator messages', () => {
    expect(lineOfError('XML error: (domain_definition):7: Opening and ending tag mismatch: vcpu line 7 and memory')).toBe(7);
    expect(lineOfError('element foo: Relax-NG validity error : line 12 extra element')).toBe(12);
    expect(lineOfError('unsupported configuration: no line here')).toBeUndefined();
  });
});
