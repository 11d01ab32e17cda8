// libvirt's typed parameters (virTypedParameter): named, typed values used by stats, tuning,
// job stats and migration. On the wire: remote_typed_param { string field; union value switch
// (int type) { INT 1: int | UINT 2: unsigned | LLONG 3: hyper | ULLONG 4: unsigned hyper |
// DOUBLE 5: double | BOOLEAN 6: int | STRING 7: string } }.
//
// Decoded 64-bit values are bigints in the list (lossless); `paramsToRecord` turns them into
// numbers where that is exact, so callers see plain numbers for every real-world size and time.
//
// The wire codec is the generated one (remote_typed_param in gen/remote_protocol.gen.ts); this
// module gives it the ergonomic shape ({ field, type: 'ullong', value }) and records.
import { type RemoteTypedParam, type RemoteTypedParamIn, readRemoteTypedParam, writeRemoteTypedParam } from './gen/remote_protocol.gen';
import { TypedParamType as Code } from './protocol';
import { XdrError, type XdrReader, type XdrWriter } from './xdr';

export type TypedParamType = 'int' | 'uint' | 'llong' | 'ullong' | 'double' | 'boolean' | 'string';

/** A typed value. 64-bit kinds accept a number when encoding and decode to bigint. */
export type TypedParamValue =
  | { type: 'int' | 'uint' | 'double'; value: number }
  | { type: 'llong' | 'ullong'; value: bigint | number }
  | { type: 'boolean'; value: boolean }
  | { type: 'string'; value: string };

export type TypedParam = { field: string } & TypedParamValue;

/** What a record holds: bigint only for a 64-bit value beyond Number.MAX_SAFE_INTEGER. */
export type ParamScalar = number | bigint | boolean | string;
export type ParamRecord = Record<string, ParamScalar>;

/** libvirt's VIR_TYPED_PARAM_FIELD_LENGTH: field names are at most 79 bytes + NUL. */
export const FIELD_MAX = 80;

/** A TypedParam as the generated remote_typed_param. */
export function toRemoteTypedParam(p: TypedParam): RemoteTypedParamIn {
  const { field } = p;
  switch (p.type) {
    case 'int':
      return { field, type: Code.INT, value: p.value };
    case 'uint':
      return { field, type: Code.UINT, value: p.value };
    case 'llong':
      return { field, type: Code.LLONG, value: p.value };
    case 'ullong':
      return { field, type: Code.ULLONG, value: p.value };
    case 'double':
      return { field, type: Code.DOUBLE, value: p.value };
    case 'boolean':
      return { field, type: Code.BOOLEAN, value: p.value ? 1 : 0 };
    case 'string':
      return { field, type: Code.STRING, value: p.value };
  }
}

/** A decoded remote_typed_param as a TypedParam. */
export function fromRemoteTypedParam(p: RemoteTypedParam): TypedParam {
  const { field } = p;
  if (Buffer.byteLength(field) > FIELD_MAX)
    throw new XdrError(`typed param field of ${Buffer.byteLength(field)} bytes exceeds ${FIELD_MAX}`);
  switch (p.type) {
    case Code.INT:
      return { field, type: 'int', value: p.value };
    case Code.UINT:
      return { field, type: 'uint', value: p.value };
    case Code.LLONG:
      return { field, type: 'llong', value: p.value };
    case Code.ULLONG:
      return { field, type: 'ullong', value: p.value };
    case Code.DOUBLE:
      return { field, type: 'double', value: p.value };
    case Code.BOOLEAN:
      // libvirt sends 0/1 in an int; treat any non-zero as true like its own client does.
      return { field, type: 'boolean', value: p.value !== 0 };
    case Code.STRING:
      return { field, type: 'string', value: p.value };
  }
}

export function writeTypedParam(w: XdrWriter, p: TypedParam): void {
  writeRemoteTypedParam(w, toRemoteTypedParam(p));
}

/** Throws XdrError on a type code the union lacks: the rest of the message cannot be parsed. */
export function readTypedParam(r: XdrReader): TypedParam {
  return fromRemoteTypedParam(readRemoteTypedParam(r));
}

/** remote_typed_param params<max>. */
export function writeTypedParams(w: XdrWriter, params: readonly TypedParam[]): void {
  w.array(params, writeTypedParam);
}
export function readTypedParams(r: XdrReader, max: number): TypedParam[] {
  return r.array(readTypedParam, max);
}
export const toRemoteTypedParams = (params: readonly TypedParam[]): RemoteTypedParamIn[] => params.map(toRemoteTypedParam);
export const fromRemoteTypedParams = (params: readonly RemoteTypedParam[]): TypedParam[] => params.map(fromRemoteTypedParam);

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);

/** A bigint as a number when exact, else unchanged. */
export function safeNumber(v: bigint | number): number | bigint {
  if (typeof v === 'number') return v;
  return v <= MAX_SAFE && v >= MIN_SAFE ? Number(v) : v;
}

/**
 * A param list as a plain record: numbers where exact (bigint only past 2^53), booleans,
 * strings. A repeated field (migrate_disks, compression) keeps its last value; read the list
 * itself for those.
 */
export function paramsToRecord(params: readonly TypedParam[]): ParamRecord {
  const out: ParamRecord = {};
  for (const p of params) out[p.field] = p.type === 'llong' || p.type === 'ullong' ? safeNumber(p.value) : p.value;
  return out;
}

/** paramsToRecord straight from the decoded wire form (stats of many domains: no list in between). */
export function remoteParamsToRecord(params: readonly RemoteTypedParam[]): ParamRecord {
  const out: ParamRecord = {};
  // One loop with a single keyed store (three stores would each keep their own megamorphic cache):
  // this runs for every value of a many-domain stats reply.
  for (const p of params) {
    const t = p.type;
    const v = p.value;
    out[p.field] = t === Code.LLONG || t === Code.ULLONG ? safeNumber(v as bigint) : t === Code.BOOLEAN ? v !== 0 : v;
  }
  return out;
}

/** Per-key wire types: libvirt rejects a known field sent with the wrong type. */
export type ParamSchema = Readonly<Record<string, TypedParamType>>;

/** A value in a record to encode; an array repeats the field (migrate_disks). undefined is skipped. */
export type ParamInput = ParamScalar | readonly ParamScalar[] | undefined;

/**
 * Builds a param list from a record using `schema` for the wire types. A key missing from the
 * schema is an error rather than a guess: a wrong type would be refused by the daemon anyway,
 * and a typo must not pass silently.
 */
export function paramsFromRecord(record: Readonly<Record<string, ParamInput>>, schema: ParamSchema): TypedParam[] {
  const out: TypedParam[] = [];
  for (const [field, v] of Object.entries(record)) {
    if (v === undefined) continue;
    const type = schema[field];
    if (type === undefined) throw new TypeError(`unknown parameter ${JSON.stringify(field)}`);
    for (const one of Array.isArray(v) ? (v as readonly ParamScalar[]) : [v as ParamScalar]) {
      out.push(typedParam(field, type, one));
    }
  }
  return out;
}

/** One typed param, checking that the JS value fits the wire type. */
export function typedParam(field: string, type: TypedParamType, v: ParamScalar): TypedParam {
  const bad = (): never => {
    throw new TypeError(`parameter ${JSON.stringify(field)}: ${typeof v} ${String(v)} is not a valid ${type}`);
  };
  switch (type) {
    case 'int':
    case 'uint':
    case 'double':
      if (typeof v === 'bigint' && type !== 'double') return { field, type, value: Number(v) };
      if (typeof v !== 'number') return bad();
      return { field, type, value: v };
    case 'llong':
    case 'ullong':
      if (typeof v !== 'number' && typeof v !== 'bigint') return bad();
      if (typeof v === 'number' && !Number.isSafeInteger(v)) return bad();
      return { field, type, value: v };
    case 'boolean':
      if (typeof v !== 'boolean') return bad();
      return { field, type, value: v };
    case 'string':
      if (typeof v !== 'string') return bad();
      return { field, type, value: v };
  }
}

// ---- schemas of the parameter families we set --------------------------------------------------

/** DOMAIN_SET_BLOCK_IO_TUNE (virsh blkdeviotune): all unsigned long long but the group name. */
export const BlockIoTuneSchema: ParamSchema = {
  total_bytes_sec: 'ullong',
  read_bytes_sec: 'ullong',
  write_bytes_sec: 'ullong',
  total_iops_sec: 'ullong',
  read_iops_sec: 'ullong',
  write_iops_sec: 'ullong',
  total_bytes_sec_max: 'ullong',
  read_bytes_sec_max: 'ullong',
  write_bytes_sec_max: 'ullong',
  total_iops_sec_max: 'ullong',
  read_iops_sec_max: 'ullong',
  write_iops_sec_max: 'ullong',
  total_bytes_sec_max_length: 'ullong',
  read_bytes_sec_max_length: 'ullong',
  write_bytes_sec_max_length: 'ullong',
  total_iops_sec_max_length: 'ullong',
  read_iops_sec_max_length: 'ullong',
  write_iops_sec_max_length: 'ullong',
  size_iops_sec: 'ullong',
  group_name: 'string',
};

/** DOMAIN_SET_INTERFACE_PARAMETERS (virsh domiftune): KiB/s and KiB, unsigned int. */
export const InterfaceParamsSchema: ParamSchema = {
  'inbound.average': 'uint',
  'inbound.peak': 'uint',
  'inbound.burst': 'uint',
  'inbound.floor': 'uint',
  'outbound.average': 'uint',
  'outbound.peak': 'uint',
  'outbound.burst': 'uint',
};

/** DOMAIN_SET_SCHEDULER_PARAMETERS_FLAGS for QEMU (virsh schedinfo): periods µs, quotas µs (-1 = none). */
export const SchedulerParamsSchema: ParamSchema = {
  cpu_shares: 'ullong',
  vcpu_period: 'ullong',
  vcpu_quota: 'llong',
  emulator_period: 'ullong',
  emulator_quota: 'llong',
  global_period: 'ullong',
  global_quota: 'llong',
  iothread_period: 'ullong',
  iothread_quota: 'llong',
};

/** VIR_MIGRATE_PARAM_* (libvirt-domain.h). `migrate_disks` and `compression` may repeat. */
export const MigrateParamsSchema: ParamSchema = {
  migrate_uri: 'string',
  destination_name: 'string',
  destination_xml: 'string',
  persistent_xml: 'string',
  bandwidth: 'ullong',
  'bandwidth.postcopy': 'ullong',
  graphics_uri: 'string',
  listen_address: 'string',
  migrate_disks: 'string',
  disks_port: 'int',
  disks_uri: 'string',
  compression: 'string',
  'compression.mt.level': 'int',
  'compression.mt.threads': 'int',
  'compression.mt.dthreads': 'int',
  'compression.xbzrle.cache': 'ullong',
  'compression.zlib.level': 'int',
  'compression.zstd.level': 'int',
  'auto_converge.initial': 'int',
  'auto_converge.increment': 'int',
  'parallel.connections': 'int',
  'tls.destination': 'string',
};
