/**
 * XML editor completion from the host's own libvirt RelaxNG schemas (issue 19): the schema files
 * are read from the host once (so the names match its libvirt version), then the element names,
 * each element's attributes and its child elements are derived here (pure) for CodeMirror's
 * schema completion. Elements of the same name in several places (a disk's and an interface's
 * <source>) are merged: completion offers the union, libvirt's own validator has the last word.
 */
import type { SchemaElement } from '../../../shared/api/settings';
import { attr, type Element, parseXml } from '../../xml/dom';

const RNG_DIR = '/usr/share/libvirt/schemas';

/** Child elements of `el` (any namespace: RelaxNG's own). */
const kids = (el: Element): Element[] => Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1);
const local = (el: Element) => el.localName ?? el.nodeName;

/** Elements, attributes and children reachable from `start`'s <start> through includes and refs. Pure. */
export function elementsFromRelaxNg(files: ReadonlyMap<string, string>, start = 'domain.rng'): SchemaElement[] {
  const defines = new Map<string, Element[]>();
  const starts: Element[] = [];
  const loaded = new Set<string>();
  const load = (file: string) => {
    if (loaded.has(file)) return;
    loaded.add(file);
    const text = files.get(file);
    if (text === undefined) return;
    const root = parseXml(text, file).documentElement;
    if (!root) return;
    const scan = (el: Element) => {
      for (const c of kids(el)) {
        const n = local(c);
        if (n === 'include') {
          const href = attr(c, 'href');
          if (href) load(href.slice(href.lastIndexOf('/') + 1));
          scan(c); // an include's own defines override: kept as more choices
        } else if (n === 'define') {
          const name = attr(c, 'name');
          if (name) defines.set(name, [...(defines.get(name) ?? []), c]);
        } else if (n === 'start') starts.push(c);
        else if (n === 'div' || n === 'grammar') scan(c);
      }
    };
    scan(root);
  };
  load(start);

  const specs = new Map<string, { attributes: Set<string>; children: Set<string> }>();
  const done = new Set<Element>();
  const todo: Element[] = [];
  const specOf = (name: string) => {
    let s = specs.get(name);
    if (!s) {
      s = { attributes: new Set(), children: new Set() };
      specs.set(name, s);
    }
    return s;
  };
  /** Collects the attributes and child elements of one pattern (refs followed, nested elements queued). */
  const walk = (node: Element, into: { attributes: Set<string>; children: Set<string> }, refs: Set<string>) => {
    for (const c of kids(node)) {
      const n = local(c);
      if (n === 'element') {
        const name = attr(c, 'name');
        if (name) {
          into.children.add(name);
          if (!done.has(c)) {
            done.add(c);
            todo.push(c);
          }
        }
      } else if (n === 'attribute') {
        const name = attr(c, 'name');
        if (name) into.attributes.add(name);
      } else if (n === 'ref' || n === 'parentRef') {
        const name = attr(c, 'name');
        if (!name || refs.has(name)) continue;
        refs.add(name);
        for (const d of defines.get(name) ?? []) walk(d, into, refs);
      } else if (!['data', 'value', 'text', 'empty', 'notAllowed', 'param', 'except', 'name', 'anyName', 'nsName'].includes(n)) {
        walk(c, into, refs);
      }
    }
  };
  const top = { attributes: new Set<string>(), children: new Set<string>() };
  for (const s of starts) walk(s, top, new Set());
  for (let el = todo.shift(); el; el = todo.shift()) walk(el, specOf(attr(el, 'name') as string), new Set());
  return [...specs.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, s]) => ({
      name,
      ...(top.children.has(name) ? { top: true } : {}),
      children: [...s.children].sort(),
      attributes: [...s.attributes].sort(),
    }));
}

/** The schema files of the host's libvirt, read once over its SSH session (each file NUL-separated). */
export async function readHostSchemas(
  run: (argv: string[]) => Promise<{ code: number | null; stdout: string; stderr: string }>,
): Promise<Map<string, string>> {
  const r = await run(['sh', '-c', 'cd "$1" && for f in *.rng; do printf "%s\\0" "$f"; cat -- "$f"; printf "\\0"; done', 'sh', RNG_DIR]);
  if (r.code !== 0) throw new Error(`Cannot read ${RNG_DIR} on the host: ${r.stderr.trim() || `exit ${r.code}`}`);
  const parts = r.stdout.split('\0');
  const files = new Map<string, string>();
  for (let i = 0; i + 1 < parts.length; i += 2) files.set(parts[i] as string, parts[i + 1] as string);
  return files;
}
