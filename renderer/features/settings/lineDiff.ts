/** A line diff (longest common subsequence) for the XML editor's review step. Pure. */

export interface DiffLine {
  kind: 'same' | 'add' | 'del';
  text: string;
  /** Line number in the old text (same, del) or the new one (add), from 1. */
  line: number;
}

/** Above this many cells the diff falls back to "everything changed" (keeps the UI responsive). */
const MAX_CELLS = 16_000_000;

export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  // Common head and tail first: an edit usually touches a few lines of a long definition.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const out: DiffLine[] = a.slice(0, head).map((text, i) => ({ kind: 'same', text, line: i + 1 }));
  const am = a.slice(head, a.length - tail);
  const bm = b.slice(head, b.length - tail);
  out.push(...middle(am, bm, head));
  for (let i = a.length - tail; i < a.length; i++) out.push({ kind: 'same', text: a[i] ?? '', line: i + 1 });
  return out;
}

function middle(a: string[], b: string[], offset: number): DiffLine[] {
  const n = a.length;
  const m = b.length;
  if (n * m > MAX_CELLS) {
    return [
      ...a.map((text, i) => ({ kind: 'del' as const, text, line: offset + i + 1 })),
      ...b.map((text, j) => ({ kind: 'add' as const, text, line: offset + j + 1 })),
    ];
  }
  // lcs[i][j] = LCS length of a[i..] and b[j..], in one flat array.
  const w = m + 1;
  const lcs = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i * w + j] = a[i] === b[j] ? (lcs[(i + 1) * w + j + 1] ?? 0) + 1 : Math.max(lcs[(i + 1) * w + j] ?? 0, lcs[i * w + j + 1] ?? 0);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i] ?? '', line: offset + i + 1 });
      i++;
      j++;
    } else if (i < n && (j === m || (lcs[(i + 1) * w + j] ?? 0) >= (lcs[i * w + j + 1] ?? 0))) {
      // Removed lines before added ones, as diff -u prints them.
      out.push({ kind: 'del', text: a[i] ?? '', line: offset + i + 1 });
      i++;
    } else {
      out.push({ kind: 'add', text: b[j] ?? '', line: offset + j + 1 });
      j++;
    }
  }
  return out;
}

/** Only the changed lines with `context` unchanged lines around each; gaps become one 'gap' marker. */
export type Gap = { kind: 'gap'; skipped: number; from: number };

export function hunks(lines: DiffLine[], context = 2): (DiffLine | Gap)[] {
  const keep = lines.map(() => false);
  lines.forEach((l, i) => {
    if (l.kind === 'same') return;
    for (let k = Math.max(0, i - context); k <= Math.min(lines.length - 1, i + context); k++) keep[k] = true;
  });
  const out: (DiffLine | Gap)[] = [];
  let skipped = 0;
  let from = 0;
  lines.forEach((l, i) => {
    if (keep[i]) {
      if (skipped) out.push({ kind: 'gap', skipped, from });
      skipped = 0;
      out.push(l);
    } else if (skipped++ === 0) from = l.line;
  });
  if (skipped && out.length) out.push({ kind: 'gap', skipped, from });
  return out;
}

/** The line libvirt's message names, if any: its XML parser writes "(domain_definition):12: …", its validator "line 12". */
export function lineOfError(message: string): number | undefined {
  const m = /\):(\d+):/.exec(message) ?? /\bline (\d+)\b/i.exec(message);
  return m?.[1] ? Number(m[1]) : undefined;
}
