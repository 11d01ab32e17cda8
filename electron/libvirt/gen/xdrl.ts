// A parser for the XDR language (RFC 4506 §6) as libvirt's .x files use it, with rpcgen's
// extensions: `%` pass-through lines, `unsigned` alone, `char` and `short`. Parses into a plain
// AST for the code generator (emit.ts); it checks names, not semantics. No `program` blocks:
// libvirt declares its program numbers as constants and its procedures as an enum.

export type Size = { kind: 'fixed'; value: Value } | { kind: 'variable'; max: Value | null };
/** A number literal or the name of a constant (defined in the .x or known from libvirt's C headers). */
export type Value = { kind: 'number'; value: number; text: string } | { kind: 'ident'; name: string };

export type TypeSpec =
  | { kind: 'int'; unsigned: boolean }
  | { kind: 'hyper'; unsigned: boolean }
  | { kind: 'char'; unsigned: boolean }
  | { kind: 'short'; unsigned: boolean }
  | { kind: 'float' }
  | { kind: 'double' }
  | { kind: 'bool' }
  | { kind: 'named'; name: string };

export type Declaration =
  | { kind: 'void' }
  | { kind: 'plain'; name: string; type: TypeSpec }
  | { kind: 'array'; name: string; type: TypeSpec; size: Size }
  | { kind: 'opaque'; name: string; size: Size }
  | { kind: 'string'; name: string; max: Value | null }
  | { kind: 'optional'; name: string; type: TypeSpec };

export interface EnumMember {
  name: string;
  value: Value;
  /** The comment just before the member (libvirt's @generate/@readstream annotations). */
  doc: string;
}
export interface UnionCase {
  values: Value[];
  decl: Declaration;
}

export type Definition =
  | { kind: 'const'; name: string; value: Value; line: number }
  | { kind: 'typedef'; decl: Declaration; line: number }
  | { kind: 'enum'; name: string; members: EnumMember[]; line: number }
  | { kind: 'struct'; name: string; fields: Declaration[]; line: number }
  | {
      kind: 'union';
      name: string;
      discriminant: Declaration;
      cases: UnionCase[];
      default: Declaration | null;
      line: number;
    };

export class XdrlError extends Error {
  override name = 'XdrlError';
}

interface Token {
  kind: 'ident' | 'number' | 'punct' | 'eof';
  text: string;
  line: number;
  /** Comments between the previous token and this one. */
  doc: string;
}

const PUNCT = new Set(['{', '}', '(', ')', '[', ']', '<', '>', ';', ',', '=', '*', ':']);

export function tokenize(src: string, file = '<input>'): Token[] {
  const out: Token[] = [];
  let i = 0;
  let line = 1;
  let doc: string[] = [];
  const atLineStart = (at: number): boolean => {
    for (let j = at - 1; j >= 0 && src[j] !== '\n'; j--) if (src[j] !== ' ' && src[j] !== '\t') return false;
    return true;
  };
  while (i < src.length) {
    const c = src[i] as string;
    if (c === '\n') {
      line++;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r' || c === '\f') {
      i++;
    } else if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      if (end < 0) throw new XdrlError(`${file}:${line}: unterminated comment`);
      const text = src.slice(i + 2, end);
      doc.push(text);
      for (const ch of text) if (ch === '\n') line++;
      i = end + 2;
    } else if (c === '/' && src[i + 1] === '/') {
      const end = src.indexOf('\n', i);
      doc.push(src.slice(i + 2, end < 0 ? src.length : end));
      i = end < 0 ? src.length : end;
    } else if (c === '%' && atLineStart(i)) {
      // rpcgen pass-through line (C for the generated header): not XDR.
      const end = src.indexOf('\n', i);
      i = end < 0 ? src.length : end;
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < src.length && /[A-Za-z0-9_]/.test(src[j] as string)) j++;
      out.push({ kind: 'ident', text: src.slice(i, j), line, doc: doc.join('\n') });
      doc = [];
      i = j;
    } else if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(src[i + 1] ?? ''))) {
      let j = i + 1;
      while (j < src.length && /[0-9A-Fa-fxX]/.test(src[j] as string)) j++;
      out.push({ kind: 'number', text: src.slice(i, j), line, doc: doc.join('\n') });
      doc = [];
      i = j;
    } else if (PUNCT.has(c)) {
      out.push({ kind: 'punct', text: c, line, doc: doc.join('\n') });
      doc = [];
      i++;
    } else {
      throw new XdrlError(`${file}:${line}: unexpected character ${JSON.stringify(c)}`);
    }
  }
  out.push({ kind: 'eof', text: '', line, doc: doc.join('\n') });
  return out;
}

/** A number literal: decimal, 0x hex or 0 octal, optionally negative (RFC 4506 §6.3 `constant`). */
export function parseNumber(text: string): number | null {
  const m = /^(-?)(0[xX][0-9A-Fa-f]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
  if (!m) return null;
  const body = m[2] as string;
  const v = /^0[xX]/.test(body)
    ? Number.parseInt(body.slice(2), 16)
    : body.length > 1 && body.startsWith('0')
      ? Number.parseInt(body, 8)
      : Number(body);
  return m[1] ? -v : v;
}

const RESERVED = new Set([
  'bool',
  'case',
  'const',
  'default',
  'double',
  'quadruple',
  'enum',
  'float',
  'hyper',
  'int',
  'opaque',
  'string',
  'struct',
  'switch',
  'typedef',
  'union',
  'unsigned',
  'void',
  'char',
  'short',
  'long',
  'program',
  'version',
]);

export function parse(src: string, file = '<input>'): Definition[] {
  const toks = tokenize(src, file);
  let p = 0;
  const peek = (): Token => toks[p] as Token;
  const fail = (msg: string, t: Token = peek()): never => {
    throw new XdrlError(`${file}:${t.line}: ${msg} (at ${t.kind === 'eof' ? 'end of file' : JSON.stringify(t.text)})`);
  };
  const next = (): Token => {
    const t = peek();
    if (t.kind !== 'eof') p++;
    return t;
  };
  const isPunct = (s: string): boolean => peek().kind === 'punct' && peek().text === s;
  const isWord = (s: string): boolean => peek().kind === 'ident' && peek().text === s;
  const expect = (s: string): Token => {
    if (!isPunct(s) && !isWord(s)) fail(`expected ${JSON.stringify(s)}`);
    return next();
  };
  const ident = (): string => {
    const t = peek();
    if (t.kind !== 'ident') return fail('expected an identifier');
    if (RESERVED.has(t.text)) return fail(`reserved word ${JSON.stringify(t.text)} used as a name`);
    next();
    return t.text;
  };
  const value = (): Value => {
    const t = peek();
    if (t.kind === 'number') {
      const v = parseNumber(t.text);
      if (v === null) return fail('bad number');
      next();
      return { kind: 'number', value: v, text: t.text };
    }
    return { kind: 'ident', name: ident() };
  };

  const typeSpec = (): TypeSpec => {
    const t = peek();
    if (t.kind !== 'ident') return fail('expected a type');
    if (t.text === 'unsigned') {
      next();
      const w = peek();
      if (w.kind === 'ident' && (w.text === 'int' || w.text === 'hyper' || w.text === 'char' || w.text === 'short')) {
        next();
        return { kind: w.text, unsigned: true };
      }
      if (w.kind === 'ident' && w.text === 'long') return fail('`long` is not supported: its size differs between C and XDR');
      return { kind: 'int', unsigned: true }; // rpcgen: `unsigned` alone is unsigned int
    }
    switch (t.text) {
      case 'int':
      case 'hyper':
      case 'char':
      case 'short':
        next();
        return { kind: t.text, unsigned: false };
      case 'float':
      case 'double':
      case 'bool':
        next();
        return { kind: t.text };
      case 'quadruple':
      case 'long':
        return fail(`${t.text} is not supported`);
      case 'enum':
      case 'struct':
      case 'union':
        return fail(`inline ${t.text} types are not supported: declare them by name`);
      default:
        return { kind: 'named', name: ident() };
    }
  };

  const maxSize = (): Value | null => {
    expect('<');
    if (isPunct('>')) {
      next();
      return null;
    }
    const v = value();
    expect('>');
    return v;
  };

  const declaration = (): Declaration => {
    if (isWord('void')) {
      next();
      return { kind: 'void' };
    }
    if (isWord('opaque')) {
      next();
      const name = ident();
      if (isPunct('[')) {
        next();
        const v = value();
        expect(']');
        return { kind: 'opaque', name, size: { kind: 'fixed', value: v } };
      }
      if (!isPunct('<')) fail('opaque needs [size] or <max>');
      return { kind: 'opaque', name, size: { kind: 'variable', max: maxSize() } };
    }
    if (isWord('string')) {
      next();
      const name = ident();
      if (!isPunct('<')) fail('string needs <max>');
      return { kind: 'string', name, max: maxSize() };
    }
    const type = typeSpec();
    if (isPunct('*')) {
      next();
      return { kind: 'optional', name: ident(), type };
    }
    const name = ident();
    if (isPunct('[')) {
      next();
      const v = value();
      expect(']');
      return { kind: 'array', name, type, size: { kind: 'fixed', value: v } };
    }
    if (isPunct('<')) return { kind: 'array', name, type, size: { kind: 'variable', max: maxSize() } };
    return { kind: 'plain', name, type };
  };

  const defs: Definition[] = [];
  while (peek().kind !== 'eof') {
    const t = next();
    const line = t.line;
    if (t.kind !== 'ident') fail('expected a definition', t);
    switch (t.text) {
      case 'const': {
        const name = ident();
        expect('=');
        defs.push({ kind: 'const', name, value: value(), line });
        break;
      }
      case 'typedef': {
        const decl = declaration();
        if (decl.kind === 'void') fail('typedef void', t);
        defs.push({ kind: 'typedef', decl, line });
        break;
      }
      case 'enum': {
        const name = ident();
        expect('{');
        const members: EnumMember[] = [];
        for (;;) {
          const doc = peek().doc;
          const m = ident();
          expect('=');
          members.push({ name: m, value: value(), doc });
          if (isPunct(',')) {
            next();
            continue;
          }
          expect('}');
          break;
        }
        defs.push({ kind: 'enum', name, members, line });
        break;
      }
      case 'struct': {
        const name = ident();
        expect('{');
        const fields: Declaration[] = [];
        while (!isPunct('}')) {
          const d = declaration();
          if (d.kind === 'void') fail('void field in a struct');
          fields.push(d);
          expect(';');
        }
        next();
        if (fields.length === 0) fail(`struct ${name} has no fields`);
        defs.push({ kind: 'struct', name, fields, line });
        break;
      }
      case 'union': {
        const name = ident();
        expect('switch');
        expect('(');
        const discriminant = declaration();
        if (discriminant.kind !== 'plain') fail('a union discriminant is a plain int, unsigned int, bool or enum');
        expect(')');
        expect('{');
        const cases: UnionCase[] = [];
        let dflt: Declaration | null = null;
        while (!isPunct('}')) {
          if (isWord('default')) {
            if (dflt) fail('two default arms');
            next();
            expect(':');
            dflt = declaration();
            expect(';');
            continue;
          }
          const values: Value[] = [];
          while (isWord('case')) {
            next();
            values.push(value());
            expect(':');
          }
          if (values.length === 0) fail('expected case or default');
          cases.push({ values, decl: declaration() });
          expect(';');
        }
        next();
        defs.push({ kind: 'union', name, discriminant, cases, default: dflt, line });
        break;
      }
      default:
        fail(t.text === 'program' ? 'program definitions are not supported' : 'expected const, typedef, enum, struct or union', t);
    }
    expect(';');
  }
  return defs;
}
