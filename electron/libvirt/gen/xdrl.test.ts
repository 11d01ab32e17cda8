// The XDR-language parser and the code generator on small inputs: the grammar libvirt's .x files
// use, the errors for what they don't, and generated codecs run for real (compiled by tsx's
// esbuild into a temporary module) against bytes written out by hand from RFC 4506.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { XdrReader, XdrWriter } from '../xdr';
import { EmitError, emit, pascal } from './emit';
import { parse, parseNumber, tokenize, XdrlError } from './xdrl';

describe('tokenize', () => {
  it('skips comments and % pass-through lines, keeps the comment before a token as its doc', () => {
    const toks = tokenize('%#include "x.h"\n/* a */ const /* @generate: both */ X = 0x10;\n');
    expect(toks.map((t) => t.text)).toEqual(['const', 'X', '=', '0x10', ';', '']);
    expect(toks[0]?.doc).toBe(' a ');
    expect(toks[1]?.doc).toBe(' @generate: both ');
    expect(toks[1]?.line).toBe(2);
  });
  it('counts lines inside comments and names the file in errors', () => {
    expect(() => tokenize('/* 1\n2\n*/\n@', 'f.x')).toThrow(/^f\.x:4: unexpected character "@"$/);
    expect(() => tokenize('/* never closed', 'f.x')).toThrow(XdrlError);
  });
});

describe('parseNumber', () => {
  it('reads decimal, hex, octal and negatives; rejects the rest', () => {
    expect(parseNumber('0x20008086')).toBe(0x20008086);
    expect(parseNumber('010')).toBe(8);
    expect(parseNumber('0')).toBe(0);
    expect(parseNumber('-5')).toBe(-5);
    expect(parseNumber('12a')).toBeNull();
    expect(parseNumber('09')).toBeNull();
  });
});

describe('parse', () => {
  it('parses every declaration form libvirt uses', () => {
    const defs = parse(`
      const MAX = 4;
      typedef string name_t<MAX>;
      typedef name_t *opt_name;
      typedef opaque uuid_t[16];
      enum color { RED = 0, GREEN = 1 };
      struct s {
        unsigned flags;
        unsigned int u;
        unsigned hyper uh;
        hyper h;
        char model[32];
        unsigned char c;
        unsigned short sh;
        opaque blob<MAX>;
        opaque fixed[3];
        string str<>;
        name_t list<MAX>;
        opt_name *p;
        double d;
        bool b;
        color col;
      };
      union v switch (int type) { case 1: int i; case 2: case 3: hyper l; default: void; };
    `);
    expect(defs.map((d) => d.kind)).toEqual(['const', 'typedef', 'typedef', 'typedef', 'enum', 'struct', 'union']);
    const s = defs[5];
    if (s?.kind !== 'struct') throw new Error('not a struct');
    expect(s.fields[0]).toEqual({ kind: 'plain', name: 'flags', type: { kind: 'int', unsigned: true } });
    expect(s.fields[4]).toEqual({
      kind: 'array',
      name: 'model',
      type: { kind: 'char', unsigned: false },
      size: { kind: 'fixed', value: { kind: 'number', value: 32, text: '32' } },
    });
    expect(s.fields[7]).toEqual({ kind: 'opaque', name: 'blob', size: { kind: 'variable', max: { kind: 'ident', name: 'MAX' } } });
    expect(s.fields[9]).toEqual({ kind: 'string', name: 'str', max: null });
    expect(s.fields[11]).toEqual({ kind: 'optional', name: 'p', type: { kind: 'named', name: 'opt_name' } });
    const u = defs[6];
    if (u?.kind !== 'union') throw new Error('not a union');
    expect(u.cases.map((c) => c.values.map((v) => (v.kind === 'number' ? v.value : v.name)))).toEqual([[1], [2, 3]]);
    expect(u.default).toEqual({ kind: 'void' });
  });
  it('keeps the annotation comment of each enum member', () => {
    const defs = parse('enum p {\n /** @generate: both */ A = 1,\n /** @readstream: 1 */ B = 2 };');
    const e = defs[0];
    if (e?.kind !== 'enum') throw new Error('not an enum');
    expect(e.members.map((m) => [m.name, m.doc.trim()])).toEqual([
      ['A', '* @generate: both'],
      ['B', '* @readstream: 1'],
    ]);
  });
  it('refuses what it does not support, with file and line', () => {
    expect(() => parse('struct s {\n  long x;\n};', 'a.x')).toThrow(/^a\.x:2: .*long/);
    expect(() => parse('struct s { struct t { int a; } x; };', 'a.x')).toThrow(/inline struct/);
    expect(() => parse('program P { version V { void F(void) = 1; } = 1; } = 2;', 'a.x')).toThrow(/program definitions/);
    expect(() => parse('struct s { };', 'a.x')).toThrow(/no fields/);
    expect(() => parse('const int = 1;', 'a.x')).toThrow(/reserved word "int"/);
    expect(() => parse('const X = 1', 'a.x')).toThrow(/expected ";" \(at end of file\)/);
  });
});

describe('emit', () => {
  it('maps names to PascalCase', () => {
    expect(pascal('remote_nonnull_domain')).toBe('RemoteNonnullDomain');
    expect(pascal('virNetMessageHeader')).toBe('VirNetMessageHeader');
  });
  const base = {
    header: ['test'],
    imported: [],
    externalConstants: { EXT_LEN: 2 },
    overrides: {},
    xdrModule: '../xdr',
    runtimeModule: './runtime',
  };
  it('fails on an unknown constant or type, and on names that collide in PascalCase', () => {
    expect(() => emit({ ...base, defs: parse('typedef opaque u[NOPE];'), procedures: [] })).toThrow(/unknown constant NOPE/);
    expect(() => emit({ ...base, defs: parse('struct s { missing_t x; };'), procedures: [] })).toThrow(/unknown type missing_t/);
    expect(() => emit({ ...base, defs: parse('struct a_b { int x; }; struct aB { int x; };'), procedures: [] })).toThrow(EmitError);
  });
  it('fails on an _args/_ret/_msg struct that no procedure owns', () => {
    const procedures = [{ enumName: 'p', prefix: 'P_PROC_', structPrefix: 'p_', table: 'pTable', numbers: 'PProc' }];
    const defs = parse('struct p_ping_args { int x; }; struct p_pong_ret { int y; }; enum p { P_PROC_PING = 1 };');
    expect(() => emit({ ...base, defs, procedures })).toThrow(/payloads of no p member: p_pong_ret/);
  });

  // Generated code is compiled and imported for real, from a temporary directory; its imports of
  // ../xdr and ./runtime point at the real files.
  const src = `
    const LIST_MAX = 2;
    typedef string name_t<16>;
    typedef name_t *opt_name;
    typedef opaque id_t[EXT_LEN];
    struct item { name_t name; id_t id; unsigned hyper size; char tag[2]; opt_name note; };
    union val switch (int type) { case 1: int i; case 2: case 3: unsigned hyper l; };
    struct demo_ping_args { item items<LIST_MAX>; val v; bool on; };
    struct demo_ping_ret { int code; };
    struct pair { name_t key; val v; };
    struct demo_tick_msg { unsigned n; };
    enum demo_procedure { DEMO_PROC_PING = 1, /* @readstream: 1 */ DEMO_PROC_TICK = 7, DEMO_PROC_NOOP = 9 };
  `;
  const here = fileURLToPath(new URL('.', import.meta.url));
  const code = emit({
    ...base,
    xdrModule: join(here, '../xdr.ts'),
    runtimeModule: join(here, 'runtime.ts'),
    defs: parse(src),
    procedures: [{ enumName: 'demo_procedure', prefix: 'DEMO_PROC_', structPrefix: 'demo_', table: 'demoProcedures', numbers: 'DemoProc' }],
  });
  const dir = mkdtempSync(join(tmpdir(), 'vireo-gen-test-'));
  const file = join(dir, 'demo.gen.ts');
  writeFileSync(file, code);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  type Demo = {
    readPair: (r: XdrReader) => unknown;
    writePair: (w: XdrWriter, v: unknown) => void;
    DemoProc: Record<string, number>;
    demoProcedures: Record<string, { proc: number; args: unknown; ret: unknown; msg: unknown; stream: string | null }>;
    readDemoPingArgs: (r: XdrReader) => unknown;
    writeDemoPingArgs: (w: XdrWriter, v: unknown) => void;
    LIST_MAX: number;
    EXT_LEN: number;
  };
  const load = async (): Promise<Demo> => (await import(pathToFileURL(file).href)) as Demo;

  it('writes the header, constants and the procedure table', async () => {
    expect(code.startsWith('// test\n')).toBe(true);
    const m = await load();
    expect(m.LIST_MAX).toBe(2);
    expect(m.EXT_LEN).toBe(2);
    expect(m.DemoProc).toEqual({ PING: 1, TICK: 7, NOOP: 9 });
    expect(m.demoProcedures.PING?.proc).toBe(1);
    expect(m.demoProcedures.PING?.args).not.toBeNull();
    expect(m.demoProcedures.PING?.ret).not.toBeNull();
    expect(m.demoProcedures.PING?.msg).toBeNull();
    expect(m.demoProcedures.TICK?.msg).not.toBeNull();
    expect(m.demoProcedures.TICK?.stream).toBe('read');
    expect(m.demoProcedures.NOOP).toMatchObject({ proc: 9, args: null, ret: null, msg: null, stream: null });
  });

  it('encodes and decodes with RFC 4506 layouts', async () => {
    const m = await load();
    const value = {
      items: [{ name: 'ab', id: Buffer.from([7, 8]), size: 5n, tag: [65, -1], note: 'n' }],
      v: { type: 3, value: 2n ** 40n },
      on: true,
    };
    const w = new XdrWriter();
    m.writeDemoPingArgs(w, value);
    const hex = w.finish().toString('hex');
    expect(hex).toBe(
      [
        '00000001', // items: count
        '00000002',
        '61620000', // name "ab" + pad
        '07080000', // id: 2 fixed bytes + pad
        '0000000000000005', // size
        '00000041',
        'ffffffff', // tag: 2 chars, 4 bytes each
        '00000001',
        '00000001',
        '6e000000', // note: present, "n"
        '00000003',
        '0000010000000000', // v: arm 3 → unsigned hyper
        '00000001', // on
      ].join(''),
    );
    const r = new XdrReader(Buffer.from(hex, 'hex'));
    expect(m.readDemoPingArgs(r)).toEqual(value);
    expect(r.remaining).toBe(0);
  });

  it('emits a struct that ends in a union flat: one object { …fields, type, value }', async () => {
    const m = await load();
    const w = new XdrWriter();
    m.writePair(w, { key: 'k', type: 1, value: -1 });
    const bytes = w.finish();
    expect(bytes.toString('hex')).toBe('000000016b00000000000001ffffffff');
    expect(m.readPair(new XdrReader(bytes))).toEqual({ key: 'k', type: 1, value: -1 });
    expect(code).toContain('export type Pair =\n  | { key: NameT; type: 1; value: number } // i');
  });

  it('enforces the limits of the .x on both sides', async () => {
    const m = await load();
    const item = { name: 'a', id: Buffer.alloc(2), size: 0, tag: [0, 0], note: null };
    const v = { type: 1, value: 0 };
    expect(() => m.writeDemoPingArgs(new XdrWriter(), { items: [item, item, item], v, on: false })).toThrow(/exceed the limit 2/);
    expect(() => m.writeDemoPingArgs(new XdrWriter(), { items: [{ ...item, tag: [0] }], v, on: false })).toThrow(/expected 2 elements/);
    // A count of 3 where the .x allows 2; then an arm the union does not have.
    expect(() => m.readDemoPingArgs(new XdrReader(Buffer.from('00000003', 'hex')))).toThrow(/exceeds the limit 2/);
    expect(() => m.readDemoPingArgs(new XdrReader(Buffer.from('0000000000000009', 'hex')))).toThrow(/val: no arm for type 9/);
    // name_t is string<16>.
    const long = new XdrWriter().uint(1).string('x'.repeat(17)).finish();
    expect(() => m.readDemoPingArgs(new XdrReader(long))).toThrow(/exceeds the limit 16/);
  });
});
