// Turns parsed .x definitions (xdrl.ts) into a TypeScript module: constants, enums, one type and
// one read/write function pair per typedef, struct and union, and a table of procedures.
//
// Mapping: int, unsigned, char, short and enums → number (char and short are 4 bytes on the wire);
// hyper → bigint (the writer also takes a safe-integer number); bool → boolean; double → number;
// string → string; opaque → Buffer (the writer takes any Uint8Array); *T → T | null; T<> and T[n]
// → arrays. Types whose writer accepts more than the reader returns get a second `…In` type.
// Names: remote_domain_get_state_args → RemoteDomainGetStateArgs, readRemoteDomainGetStateArgs,
// writeRemoteDomainGetStateArgs; fields keep libvirt's names.
import type { Declaration, Definition, Size, TypeSpec, Value } from './xdrl';

export class EmitError extends Error {
  override name = 'EmitError';
}

/** A .x type we represent by hand instead (remote_uuid as text). */
export interface TypeOverride {
  tsType: string;
  read: string;
  write: string;
  /** Imports the generated module needs for it: module → names. */
  imports: Record<string, string[]>;
}

export interface ProcedureEnum {
  /** The .x enum listing the procedures (remote_procedure). */
  enumName: string;
  /** Member prefix, stripped for the table keys (REMOTE_PROC_). */
  prefix: string;
  /** Struct name prefix: REMOTE_PROC_FOO_BAR → <prefix>foo_bar_args / _ret / _msg. */
  structPrefix: string;
  /** Name of the emitted table (remoteProcedures). */
  table: string;
  /** Name of the emitted short name → number map (RemoteProc). */
  numbers: string;
}

export interface EmitInput {
  /** Comment lines at the top (without the comment markers). */
  header: string[];
  defs: Definition[];
  /** Definitions of other generated modules this one refers to, and the module to import them from. */
  imported: { module: string; defs: Definition[] }[];
  /** Constants the .x files use but take from libvirt's C headers. */
  externalConstants: Record<string, number>;
  overrides: Record<string, TypeOverride>;
  procedures: ProcedureEnum[];
  /** Module paths of xdr.ts and runtime.ts as seen from the output file. */
  xdrModule: string;
  runtimeModule: string;
}

type Sym =
  | { kind: 'const'; value: number }
  | { kind: 'enum' }
  | { kind: 'typedef'; decl: Declaration }
  | { kind: 'struct'; fields: Declaration[] }
  | { kind: 'union'; def: Extract<Definition, { kind: 'union' }> };

export const pascal = (s: string): string =>
  s
    .split('_')
    .filter((x) => x !== '')
    .map((x) => (x[0] as string).toUpperCase() + x.slice(1))
    .join('');

export function emit(input: EmitInput): string {
  const syms = new Map<string, Sym & { module: string | null }>();
  const enumMembers = new Map<string, number>();
  const add = (name: string, s: Sym, module: string | null): void => {
    if (syms.has(name) || enumMembers.has(name)) throw new EmitError(`${name} is defined twice`);
    syms.set(name, { ...s, module });
  };
  const constValue = (v: Value, where: string): number => {
    if (v.kind === 'number') return v.value;
    const s = syms.get(v.name);
    if (s?.kind === 'const') return s.value;
    const m = enumMembers.get(v.name);
    if (m !== undefined) return m;
    const ext = input.externalConstants[v.name];
    if (ext !== undefined) return ext;
    throw new EmitError(`${where}: unknown constant ${v.name} (add it to the external constants with its value from libvirt's C headers)`);
  };
  const collect = (defs: Definition[], module: string | null): void => {
    for (const d of defs) {
      switch (d.kind) {
        case 'const':
          add(d.name, { kind: 'const', value: constValue(d.value, d.name) }, module);
          break;
        case 'enum':
          add(d.name, { kind: 'enum' }, module);
          for (const m of d.members) {
            if (enumMembers.has(m.name) || syms.has(m.name)) throw new EmitError(`${m.name} is defined twice`);
            enumMembers.set(m.name, constValue(m.value, `${d.name}.${m.name}`));
          }
          break;
        case 'typedef':
          if (d.decl.kind === 'void') throw new EmitError('typedef void');
          add(d.decl.name, { kind: 'typedef', decl: d.decl }, module);
          break;
        case 'struct':
          add(d.name, { kind: 'struct', fields: d.fields }, module);
          break;
        case 'union':
          add(d.name, { kind: 'union', def: d }, module);
          break;
      }
    }
  };
  for (const imp of input.imported) collect(imp.defs, imp.module);
  collect(input.defs, null);

  const pascalOwner = new Map<string, string>();
  for (const [name, s] of syms) {
    if (s.kind === 'const') continue;
    const p = pascal(name);
    const other = pascalOwner.get(p);
    if (other) throw new EmitError(`${name} and ${other} both map to ${p}`);
    pascalOwner.set(p, name);
  }

  const usedImports = new Map<string, Set<string>>();
  const addImport = (module: string, name: string): void => {
    const set = usedImports.get(module) ?? new Set<string>();
    usedImports.set(module, set);
    set.add(name);
  };
  const usedRuntime = new Set<string>();
  const usedXdr = new Set<string>(['XdrReader', 'XdrWriter']);

  const named = (name: string, where: string): Sym & { module: string | null } => {
    const s = syms.get(name);
    if (!s || s.kind === 'const') throw new EmitError(`${where}: unknown type ${name}`);
    return s;
  };
  /** A name from this module, or imported from the module that defines it. */
  const ref = (xName: string, tsName: string): string => {
    const s = syms.get(xName);
    if (s?.module) addImport(s.module, tsName);
    return tsName;
  };
  const sizeExpr = (v: Value, where: string): string => {
    constValue(v, where); // must resolve
    if (v.kind === 'number') return v.text;
    const s = syms.get(v.name);
    if (s?.kind === 'const') return ref(v.name, v.name);
    return String(constValue(v, where));
  };

  // Whether the writer of a type accepts more than its reader returns (hence a separate In type).
  const inMemo = new Map<string, boolean>();
  const specNeedsIn = (t: TypeSpec, where: string): boolean => {
    if (t.kind === 'hyper') return true;
    if (t.kind !== 'named') return false;
    if (input.overrides[t.name]) return false;
    const cached = inMemo.get(t.name);
    if (cached !== undefined) return cached;
    inMemo.set(t.name, false); // no recursive types in libvirt; this stops a loop if one appears
    const s = named(t.name, where);
    let r = false;
    if (s.kind === 'typedef') r = declNeedsIn(s.decl, t.name);
    else if (s.kind === 'struct') r = s.fields.some((f) => declNeedsIn(f, t.name));
    else if (s.kind === 'union')
      r = [...s.def.cases.map((c) => c.decl), ...(s.def.default ? [s.def.default] : [])].some((d) => declNeedsIn(d, t.name));
    inMemo.set(t.name, r);
    return r;
  };
  const declNeedsIn = (d: Declaration, where: string): boolean => {
    switch (d.kind) {
      case 'void':
      case 'string':
        return false;
      case 'opaque':
      case 'optional':
      case 'array':
        return true;
      case 'plain':
        return specNeedsIn(d.type, where);
    }
  };
  const typeNeedsIn = (xName: string): boolean => specNeedsIn({ kind: 'named', name: xName }, xName);

  const specType = (t: TypeSpec, dir: 'out' | 'in', where: string): string => {
    switch (t.kind) {
      case 'int':
      case 'char':
      case 'short':
      case 'double':
        return 'number';
      case 'float':
        throw new EmitError(`${where}: float is not supported (xdr.ts has no 4-byte float)`);
      case 'hyper':
        return dir === 'out' ? 'bigint' : 'bigint | number';
      case 'bool':
        return 'boolean';
      case 'named': {
        const o = input.overrides[t.name];
        if (o) return o.tsType;
        const s = named(t.name, where);
        if (s.kind === 'enum') return 'number';
        const p = pascal(t.name);
        return dir === 'in' && typeNeedsIn(t.name) ? ref(t.name, `${p}In`) : ref(t.name, p);
      }
    }
  };
  const declType = (d: Declaration, dir: 'out' | 'in', where: string): string => {
    switch (d.kind) {
      case 'void':
        throw new EmitError(`${where}: void has no type`);
      case 'plain':
        return specType(d.type, dir, where);
      case 'string':
        return 'string';
      case 'opaque':
        return dir === 'out' ? 'Buffer' : 'Uint8Array';
      case 'optional':
        return `${specType(d.type, dir, where)} | null${dir === 'in' ? ' | undefined' : ''}`;
      case 'array': {
        const el = specType(d.type, dir, where);
        const wrapped = /[ |]/.test(el) ? `(${el})` : el;
        return dir === 'in' ? `readonly ${wrapped}[]` : `${wrapped}[]`;
      }
    }
  };

  // ---- readers and writers as expressions -------------------------------------------------------

  const specRead = (t: TypeSpec, r: string, where: string): string => {
    switch (t.kind) {
      case 'int':
      case 'char':
      case 'short':
        return t.unsigned ? `${r}.uint()` : `${r}.int()`;
      case 'hyper':
        return t.unsigned ? `${r}.uhyper()` : `${r}.hyper()`;
      case 'double':
        return `${r}.double()`;
      case 'bool':
        return `${r}.bool()`;
      case 'float':
        throw new EmitError(`${where}: float is not supported`);
      case 'named': {
        const o = input.overrides[t.name];
        if (o) return `${overrideFn(o, 'read')}(${r})`;
        const s = named(t.name, where);
        if (s.kind === 'enum') return `${r}.int()`;
        return `${ref(t.name, `read${pascal(t.name)}`)}(${r})`;
      }
    }
  };
  const specWrite = (t: TypeSpec, w: string, v: string, where: string): string => {
    switch (t.kind) {
      case 'int':
      case 'char':
      case 'short':
        return t.unsigned ? `${w}.uint(${v})` : `${w}.int(${v})`;
      case 'hyper':
        return t.unsigned ? `${w}.uhyper(${v})` : `${w}.hyper(${v})`;
      case 'double':
        return `${w}.double(${v})`;
      case 'bool':
        return `${w}.bool(${v})`;
      case 'float':
        throw new EmitError(`${where}: float is not supported`);
      case 'named': {
        const o = input.overrides[t.name];
        if (o) return `${overrideFn(o, 'write')}(${w}, ${v})`;
        const s = named(t.name, where);
        if (s.kind === 'enum') return `${w}.int(${v})`;
        return `${ref(t.name, `write${pascal(t.name)}`)}(${w}, ${v})`;
      }
    }
  };
  const overrideFn = (o: TypeOverride, which: 'read' | 'write'): string => {
    for (const [m, names] of Object.entries(o.imports)) for (const n of names) addImport(m, n);
    return o[which];
  };
  /** A function expression reading one element (for optional and arrays). */
  const specReadFn = (t: TypeSpec, where: string): string => {
    if (t.kind === 'named' && !input.overrides[t.name] && named(t.name, where).kind !== 'enum') return ref(t.name, `read${pascal(t.name)}`);
    if (t.kind === 'named' && input.overrides[t.name]) return overrideFn(input.overrides[t.name] as TypeOverride, 'read');
    return `(x) => ${specRead(t, 'x', where)}`;
  };
  const specWriteFn = (t: TypeSpec, where: string): string => {
    if (t.kind === 'named' && !input.overrides[t.name] && named(t.name, where).kind !== 'enum')
      return ref(t.name, `write${pascal(t.name)}`);
    if (t.kind === 'named' && input.overrides[t.name]) return overrideFn(input.overrides[t.name] as TypeOverride, 'write');
    return `(x, y) => ${specWrite(t, 'x', 'y', where)}`;
  };
  const maxArg = (max: Value | null, where: string): string | null => (max === null ? null : sizeExpr(max, where));

  const declRead = (d: Declaration, r: string, where: string): string => {
    switch (d.kind) {
      case 'void':
        throw new EmitError(`${where}: cannot read void`);
      case 'plain':
        return specRead(d.type, r, where);
      case 'string': {
        const m = maxArg(d.max, where);
        return m ? `${r}.string(${m})` : `${r}.string()`;
      }
      case 'opaque':
        if (d.size.kind === 'fixed') return `${r}.fixedOpaque(${sizeExpr(d.size.value, where)})`;
        return d.size.max ? `${r}.opaque(${sizeExpr(d.size.max, where)})` : `${r}.opaque()`;
      case 'optional':
        return `${r}.optional(${specReadFn(d.type, where)})`;
      case 'array':
        return arrayRead(d.type, d.size, r, where);
    }
  };
  const arrayRead = (t: TypeSpec, size: Size, r: string, where: string): string => {
    const fn = specReadFn(t, where);
    if (size.kind === 'fixed') {
      usedRuntime.add('readFixedArray');
      return `readFixedArray(${r}, ${sizeExpr(size.value, where)}, ${fn})`;
    }
    return size.max ? `${r}.array(${fn}, ${sizeExpr(size.max, where)})` : `${r}.array(${fn})`;
  };
  const declWrite = (d: Declaration, w: string, v: string, where: string): string => {
    switch (d.kind) {
      case 'void':
        throw new EmitError(`${where}: cannot write void`);
      case 'plain':
        return specWrite(d.type, w, v, where);
      case 'string':
        return `${w}.string(${v})`;
      case 'opaque':
        if (d.size.kind === 'fixed') return `${w}.fixedOpaque(${v}, ${sizeExpr(d.size.value, where)})`;
        if (d.size.max) {
          usedRuntime.add('writeOpaque');
          return `writeOpaque(${w}, ${v}, ${sizeExpr(d.size.max, where)}, '${where}')`;
        }
        return `${w}.opaque(${v})`;
      case 'optional':
        return `${w}.optional(${v}, ${specWriteFn(d.type, where)})`;
      case 'array': {
        const fn = specWriteFn(d.type, where);
        if (d.size.kind === 'fixed') {
          usedRuntime.add('writeFixedArray');
          return `writeFixedArray(${w}, ${v}, ${sizeExpr(d.size.value, where)}, ${fn}, '${where}')`;
        }
        if (d.size.max) {
          usedRuntime.add('writeArray');
          return `writeArray(${w}, ${v}, ${sizeExpr(d.size.max, where)}, ${fn}, '${where}')`;
        }
        return `${w}.array(${v}, ${fn})`;
      }
    }
  };

  // ---- definitions ----------------------------------------------------------------------------

  const out: string[] = [];
  const ext = Object.entries(input.externalConstants).filter(([name]) =>
    input.defs.some(
      (d) => JSON.stringify(d).includes(`"name":"${name}"`) || (d.kind === 'const' && d.value.kind === 'ident' && d.value.name === name),
    ),
  );
  if (ext.length > 0) {
    out.push("// Constants the .x files take from libvirt's C headers (include/libvirt/*.h).");
    for (const [name, v] of ext) out.push(`export const ${name} = ${v};`);
    out.push('');
  }

  for (const d of input.defs) {
    switch (d.kind) {
      case 'const': {
        const rhs = d.value.kind === 'number' ? d.value.text : d.value.name;
        out.push(`export const ${d.name} = ${rhs};`);
        break;
      }
      case 'enum': {
        const p = pascal(d.name);
        out.push('', `/** enum ${d.name} */`, `export const ${p} = {`);
        for (const m of d.members) out.push(`  ${m.name}: ${constValue(m.value, m.name)},`);
        out.push('} as const;', `export type ${p} = (typeof ${p})[keyof typeof ${p}];`);
        break;
      }
      case 'typedef': {
        const decl = d.decl as Exclude<Declaration, { kind: 'void' }>;
        const x = decl.name;
        const p = pascal(x);
        const o = input.overrides[x];
        out.push('', `/** typedef ${x} */`);
        if (o) {
          out.push(
            `export type ${p} = ${o.tsType};`,
            `export const read${p} = ${overrideFn(o, 'read')};`,
            `export const write${p} = ${overrideFn(o, 'write')};`,
          );
          break;
        }
        const needsIn = typeNeedsIn(x);
        out.push(`export type ${p} = ${declType(decl, 'out', x)};`);
        if (needsIn) out.push(`export type ${p}In = ${declType(decl, 'in', x)};`);
        out.push(
          `export function read${p}(r: XdrReader): ${p} {`,
          `  return ${declRead(decl, 'r', x)};`,
          '}',
          `export function write${p}(w: XdrWriter, v: ${needsIn ? `${p}In` : p}): void {`,
          `  ${declWrite(decl, 'w', 'v', x)};`,
          '}',
        );
        break;
      }
      case 'struct': {
        const p = pascal(d.name);
        const needsIn = typeNeedsIn(d.name);
        const fields = d.fields as Exclude<Declaration, { kind: 'void' }>[];
        // A struct ending in a union (remote_typed_param { field; value }) is emitted flat: one
        // object per value, { field, type, value }, instead of two. Typed params come by the
        // ten thousand in a stats reply; the nested form cost ~20% more CPU to decode and use.
        const last = fields[fields.length - 1];
        const tail =
          last?.kind === 'plain' && last.type.kind === 'named' && !input.overrides[last.type.name] ? syms.get(last.type.name) : undefined;
        if (tail?.kind === 'union') {
          emitUnion(tail.def, { p, xName: d.name, lead: fields.slice(0, -1), needsIn });
          break;
        }
        out.push('', `/** struct ${d.name} */`, `export interface ${p} {`);
        for (const f of fields) out.push(`  ${f.name}: ${declType(f, 'out', `${d.name}.${f.name}`)};`);
        out.push('}');
        if (needsIn) {
          out.push(`export interface ${p}In {`);
          for (const f of fields) out.push(`  ${f.name}: ${declType(f, 'in', `${d.name}.${f.name}`)};`);
          out.push('}');
        }
        out.push(`export function read${p}(r: XdrReader): ${p} {`, '  return {');
        for (const f of fields) out.push(`    ${f.name}: ${declRead(f, 'r', `${d.name}.${f.name}`)},`);
        out.push('  };', '}', `export function write${p}(w: XdrWriter, v: ${needsIn ? `${p}In` : p}): void {`);
        for (const f of fields) out.push(`  ${declWrite(f, 'w', `v.${f.name}`, `${d.name}.${f.name}`)};`);
        out.push('}');
        break;
      }
      case 'union':
        emitUnion(d, { p: pascal(d.name), xName: d.name, lead: [], needsIn: typeNeedsIn(d.name) });
        break;
    }
  }

  /** A union's type and codec; `lead` are the fields of a struct that ends in it (emitted flat). */
  function emitUnion(
    d: Extract<Definition, { kind: 'union' }>,
    o: { p: string; xName: string; lead: Exclude<Declaration, { kind: 'void' }>[]; needsIn: boolean },
  ): void {
    const { p, lead, needsIn } = o;
    const disc = d.discriminant as Extract<Declaration, { kind: 'plain' }>;
    const dt = disc.type;
    const discKind =
      dt.kind === 'bool'
        ? 'bool'
        : dt.kind === 'int' && dt.unsigned
          ? 'uint'
          : dt.kind === 'int' || (dt.kind === 'named' && syms.get(dt.name)?.kind === 'enum')
            ? 'int'
            : null;
    if (!discKind) throw new EmitError(`${d.name}: discriminant must be int, unsigned int, bool or an enum`);
    const lit = (v: Value): string => (discKind === 'bool' ? String(constValue(v, d.name) !== 0) : String(constValue(v, d.name)));
    // Every arm keeps its value under one key, `value` (the .x arm name is in a comment), so all
    // decoded values share one object shape: property reads on them stay monomorphic (a list of
    // typed params decodes to 7 arms; with 7 shapes V8's inline caches would go megamorphic).
    const keys = [...lead.map((f) => f.name), disc.name, 'value'];
    if (new Set(keys).size !== keys.length) throw new EmitError(`${o.xName}: field names clash with the union's ${disc.name} or value`);
    const leadTypes = (dir: 'out' | 'in'): string => lead.map((f) => `${f.name}: ${declType(f, dir, `${o.xName}.${f.name}`)}; `).join('');
    const arm = (c: { values: Value[] | null; decl: Declaration }, dir: 'out' | 'in'): string => {
      const tag = c.values ? c.values.map(lit).join(' | ') : discKind === 'bool' ? 'boolean' : 'number';
      const field = c.decl.kind === 'void' ? '' : `; value: ${declType(c.decl, dir, `${d.name}.${c.decl.name}`)}`;
      return `{ ${leadTypes(dir)}${disc.name}: ${tag}${field} }${c.decl.kind === 'void' ? '' : ` // ${c.decl.name}`}`;
    };
    const arms = [...d.cases.map((c) => ({ values: c.values, decl: c.decl })), ...(d.default ? [{ values: null, decl: d.default }] : [])];
    const doc = lead.length > 0 ? `struct ${o.xName}, its union ${d.name} flattened in` : `union ${d.name} switch (${disc.name})`;
    out.push('', `/** ${doc} */`, `export type ${p} =`);
    out.push(...arms.map((a) => `  | ${arm(a, 'out')}`));
    out.push('  ;');
    if (needsIn) {
      out.push(`export type ${p}In =`, ...arms.map((a) => `  | ${arm(a, 'in')}`), '  ;');
    }
    const names = (vs: Value[]) => vs.map((v) => (v.kind === 'ident' ? v.name : v.text)).join(', ');
    // Lead fields are read first, in order, into locals named after them.
    const leadNames = lead.map((f) => f.name).join(', ');
    const leadInit = leadNames ? `${leadNames}, ` : '';
    out.push(`export function read${p}(r: XdrReader): ${p} {`);
    for (const f of lead) out.push(`  const ${f.name} = ${declRead(f, 'r', `${o.xName}.${f.name}`)};`);
    out.push(`  const ${disc.name} = r.${discKind}();`, `  switch (${disc.name}) {`);
    for (const c of d.cases) {
      for (const v of c.values) out.push(`    case ${lit(v)}:${v.kind === 'ident' ? ` // ${v.name}` : ''}`);
      const body = c.decl.kind === 'void' ? '' : ` value: ${declRead(c.decl, 'r', `${d.name}.${c.decl.name}`)}`;
      // A shared arm returns the tag it read; a single-valued one names its literal for the type checker.
      const tag = c.values.length === 1 ? lit(c.values[0] as Value) : `${disc.name} as ${c.values.map(lit).join(' | ')}`;
      out.push(`      return { ${leadInit}${disc.name}: ${tag},${body} };`);
    }
    if (d.default) {
      const body = d.default.kind === 'void' ? '' : ` value: ${declRead(d.default, 'r', `${d.name}.${d.default.name}`)}`;
      out.push('    default:', `      return { ${leadInit}${disc.name},${body} };`);
    } else {
      usedXdr.add('XdrError');
      out.push('    default:', `      throw new XdrError(\`${d.name}: no arm for ${disc.name} \${${disc.name}}\`);`);
    }
    out.push('  }', '}');
    out.push(
      `export function write${p}(w: XdrWriter, v: ${needsIn ? `${p}In` : p}): void {`,
      ...lead.map((f) => `  ${declWrite(f, 'w', `v.${f.name}`, `${o.xName}.${f.name}`)};`),
      `  w.${discKind}(v.${disc.name});`,
      `  switch (v.${disc.name}) {`,
    );
    for (const c of d.cases) {
      out.push(`    case ${c.values.map(lit).join(':\n    case ')}: // ${names(c.values)}`);
      if (c.decl.kind !== 'void') out.push(`      ${declWrite(c.decl, 'w', 'v.value', `${d.name}.${c.decl.name}`)};`);
      out.push('      return;');
    }
    if (d.default) {
      out.push('    default:');
      if (d.default.kind !== 'void') out.push(`      ${declWrite(d.default, 'w', '(v as { value: never }).value', d.name)};`);
    }
    out.push('  }', '}');
  }

  // ---- procedure tables -----------------------------------------------------------------------

  for (const pe of input.procedures) {
    const def = input.defs.find((d): d is Extract<Definition, { kind: 'enum' }> => d.kind === 'enum' && d.name === pe.enumName);
    if (!def) throw new EmitError(`procedure enum ${pe.enumName} not found`);
    usedRuntime.add('ProcedureSpec');
    const codec = (x: string): string => {
      const s = syms.get(x);
      if (!s || (s.kind !== 'struct' && s.kind !== 'typedef' && s.kind !== 'union')) return 'null';
      const p = pascal(x);
      return `{ read: ${ref(x, `read${p}`)}, write: ${ref(x, `write${p}`)} }`;
    };
    // Every <prefix>…_args/_ret/_msg struct must belong to a procedure: a payload we would not
    // attach to its procedure is a naming rule this generator does not know.
    const payloads = new Set(
      input.defs
        .filter((d) => (d.kind === 'struct' || d.kind === 'union') && d.name.startsWith(pe.structPrefix) && /_(args|ret|msg)$/.test(d.name))
        .map((d) => (d as { name: string }).name),
    );
    for (const m of def.members) {
      const base = `${pe.structPrefix}${m.name.slice(pe.prefix.length).toLowerCase()}`;
      for (const suffix of ['_args', '_ret', '_msg']) payloads.delete(`${base}${suffix}`);
    }
    if (payloads.size > 0) throw new EmitError(`payloads of no ${pe.enumName} member: ${[...payloads].join(', ')}`);
    const shortNames: string[] = [];
    out.push('', `/** ${pe.enumName} without the ${pe.prefix} prefix. */`, `export const ${pe.numbers} = {`);
    for (const m of def.members) {
      if (!m.name.startsWith(pe.prefix)) throw new EmitError(`${m.name} lacks the prefix ${pe.prefix}`);
      shortNames.push(m.name.slice(pe.prefix.length));
      out.push(`  ${m.name.slice(pe.prefix.length)}: ${constValue(m.value, m.name)},`);
    }
    out.push('} as const;');
    // One exported spec per procedure (`import * as P …; callRemote(rpc, P.DOMAIN_GET_STATE, …)`), so a
    // bundler keeps only the codecs a program uses: the whole table costs ~15 ms at every cold start.
    out.push(
      '',
      `// ${pe.enumName}: each procedure's number, the codecs of its args, reply and event message, and whether it opens a stream.`,
    );
    def.members.forEach((m, i) => {
      const short = shortNames[i] as string;
      if (syms.has(short) || pascalOwner.has(short) || /^(read|write)/.test(short))
        throw new EmitError(`procedure ${short} clashes with a generated name`);
      const base = `${pe.structPrefix}${short.toLowerCase()}`;
      const stream = /@readstream/.test(m.doc) ? "'read'" : /@writestream/.test(m.doc) ? "'write'" : 'null';
      out.push(
        `export const ${short} = { proc: ${constValue(m.value, m.name)}, args: ${codec(`${base}_args`)}, ret: ${codec(`${base}_ret`)}, msg: ${codec(`${base}_msg`)}, stream: ${stream} } as const;`,
      );
    });
    out.push('', `/** Every procedure of ${pe.enumName} (tests, tools; a program should import the ones it calls). */`);
    out.push(`export const ${pe.table} = {`, ...shortNames.map((s) => `  ${s},`), `} as const satisfies Record<string, ProcedureSpec>;`);
  }

  // ---- header and imports ---------------------------------------------------------------------

  const head: string[] = input.header.map((l) => (l ? `// ${l}` : '//'));
  head.push(
    `import { ${[...usedXdr]
      .sort()
      .map((n) => (n === 'XdrError' ? n : `type ${n}`))
      .join(', ')} } from '${input.xdrModule}';`,
  );
  if (usedRuntime.size > 0) {
    head.push(
      `import { ${[...usedRuntime]
        .sort()
        .map((n) => (n === 'ProcedureSpec' ? `type ${n}` : n))
        .join(', ')} } from '${input.runtimeModule}';`,
    );
  }
  for (const [m, names] of [...usedImports].sort(([a], [b]) => a.localeCompare(b))) {
    if (m === input.runtimeModule) continue;
    // PascalCase names are types (values are readX/writeX and UPPER_CASE constants).
    const spec = [...names].sort().map((n) => (/^[A-Z][a-z]/.test(n) ? `type ${n}` : n));
    head.push(`import { ${spec.join(', ')} } from '${m}';`);
  }
  const runtimeExtra = usedImports.get(input.runtimeModule);
  if (runtimeExtra) {
    const all = new Set([...usedRuntime, ...runtimeExtra]);
    const i = head.findIndex((l) => l.endsWith(`from '${input.runtimeModule}';`));
    const line = `import { ${[...all]
      .sort()
      .map((n) => (n === 'ProcedureSpec' ? `type ${n}` : n))
      .join(', ')} } from '${input.runtimeModule}';`;
    if (i >= 0) head[i] = line;
    else head.push(line);
  }
  return `${[...head, '', ...out].join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}
