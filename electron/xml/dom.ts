/**
 * libvirt XML through a real DOM (@xmldom/xmldom): parse, read, edit in place, serialize.
 * Editing a parsed document keeps every element and attribute we don't know about, so a
 * definition round-trips intact apart from what we meant to change.
 */
import { DOMImplementation, DOMParser, type Document, type Element, XMLSerializer } from '@xmldom/xmldom';
import { AppError } from '../../shared/errors';

export type { Document, Element };

export function parseXml(xml: string, what = 'XML'): Document {
  const errors: string[] = [];
  let doc: Document;
  try {
    doc = new DOMParser({
      onError: (level, msg) => {
        if (level !== 'warning') errors.push(msg);
      },
    }).parseFromString(xml, 'text/xml');
  } catch (err) {
    // xmldom throws its ParseError for fatal errors (no root element, unclosed tags): same message as the others.
    throw new AppError('xml', `Cannot parse ${what}: ${(err as Error).message.split('\n')[0]}`);
  }
  if (errors.length || !doc.documentElement) throw new AppError('xml', `Cannot parse ${what}: ${errors[0] ?? 'empty document'}`);
  return doc;
}

/**
 * Serializes a document (or one element of it). Characters that an XML parser may rewrite as a line end (CR, NEL, U+2028,
 * U+2029) are written as character references, so a name holding one reads back unchanged.
 * They can only occur in text and attribute values: our element and attribute names are ASCII.
 */
export function serializeXml(node: Document | Element): string {
  return new XMLSerializer()
    .serializeToString(node)
    .replace(/[\r\u0085\u2028\u2029]/g, (c) => `&#x${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()};`);
}

/** Direct children with this tag name. */
export function children(el: Element, tag: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (n as Element).tagName === tag) out.push(n as Element);
  return out;
}

export function child(el: Element | null | undefined, tag: string): Element | null {
  if (!el) return null;
  return children(el, tag)[0] ?? null;
}

/** Follows a path of tag names from `el` (first match at each step). */
export function path(el: Element | null | undefined, ...tags: string[]): Element | null {
  let cur: Element | null = el ?? null;
  for (const t of tags) cur = child(cur, t);
  return cur;
}

export function attr(el: Element | null | undefined, name: string): string | undefined {
  if (!el?.hasAttribute(name)) return undefined;
  return el.getAttribute(name) ?? undefined;
}

export function text(el: Element | null | undefined): string | undefined {
  const t = el?.textContent;
  return t == null ? undefined : t.trim();
}

export function intAttr(el: Element | null | undefined, name: string): number | undefined {
  const v = attr(el, name);
  if (v === undefined) return undefined;
  const n = Number.parseInt(v, v.startsWith('0x') ? 16 : 10);
  return Number.isFinite(n) ? n : undefined;
}

/** libvirt memory/size with its unit attribute, in KiB. */
export function kib(el: Element | null | undefined): number {
  const v = Number(text(el) ?? 0);
  const unit = (attr(el, 'unit') ?? 'KiB').toLowerCase();
  const factor: Record<string, number> = {
    b: 1 / 1024,
    bytes: 1 / 1024,
    k: 1,
    kib: 1,
    kb: 1000 / 1024,
    m: 1024,
    mib: 1024,
    mb: 1e6 / 1024,
    g: 1024 ** 2,
    gib: 1024 ** 2,
    gb: 1e9 / 1024,
    t: 1024 ** 3,
    tib: 1024 ** 3,
    tb: 1e12 / 1024,
  };
  return Math.round(v * (factor[unit] ?? 1));
}

/** Sets (or creates) a child element's text. */
export function setChildText(doc: Document, el: Element, tag: string, value: string): Element {
  let c = child(el, tag);
  if (!c) {
    c = doc.createElement(tag);
    el.appendChild(c);
  }
  c.textContent = value;
  return c;
}

// ---- building and editing ---------------------------------------------------------------------

type Attrs = Record<string, string | number | undefined>;

/** Appends <tag attrs>text</tag> to `parent` (attributes left undefined are skipped) and returns it. */
export function appendElement(parent: Element, tag: string, attrs: Attrs = {}, textContent?: string): Element {
  const doc = parent.ownerDocument as Document;
  const e = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) e.setAttribute(k, String(v));
  if (textContent !== undefined) e.appendChild(doc.createTextNode(textContent));
  parent.appendChild(e);
  return e;
}

export function newDocument(rootTag: string): Document {
  return new DOMImplementation().createDocument(null, rootTag, null);
}

/** Indents elements that hold only elements (what we built), leaving text content untouched. */
export function indent(doc: Document, unit = '  '): void {
  const walk = (e: Element, depth: number): void => {
    const kids: Element[] = [];
    let textual = false;
    for (let n = e.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 1) kids.push(n as Element);
      else if ((n.nodeType === 3 || n.nodeType === 4) && (n.nodeValue ?? '').trim() !== '') textual = true;
    }
    if (textual || kids.length === 0) return;
    for (let n = e.firstChild; n; ) {
      const next = n.nextSibling;
      if (n.nodeType === 3) e.removeChild(n);
      n = next;
    }
    const pad = (d: number) => doc.createTextNode(`\n${unit.repeat(d)}`);
    for (const k of kids) {
      e.insertBefore(pad(depth + 1), k);
      walk(k, depth + 1);
    }
    e.appendChild(pad(depth));
  };
  walk(doc.documentElement as Element, 0);
}

/** A document we built, serialized with a final line end. */
export function toXml(doc: Document): string {
  return `${serializeXml(doc)}\n`;
}

/** Removes an element and the whitespace before it, so the layout stays tidy. */
export function removeWithIndent(e: Element): void {
  const parent = e.parentNode;
  if (!parent) return;
  const prev = e.previousSibling;
  if (prev && prev.nodeType === 3 && (prev.nodeValue ?? '').trim() === '') parent.removeChild(prev);
  parent.removeChild(e);
}
