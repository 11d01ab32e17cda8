// GENERATED FILE, DO NOT EDIT. Made by electron/libvirt/gen/generate.ts (npm run gen:protocol)
// from libvirt 9.0.0: src/remote/remote_protocol.x.
// `npm run gen:protocol -- --check` (run by CI) fails when this file and the generator disagree.
import { XdrError, type XdrReader, type XdrWriter } from '../xdr';
import { type ProcedureSpec, readFixedArray, readUuidText, writeArray, writeFixedArray, writeOpaque, writeUuidText } from './runtime';

// Constants the .x files take from libvirt's C headers (include/libvirt/*.h).
export const VIR_UUID_BUFLEN = 16;
export const VIR_SECURITY_MODEL_BUFLEN = 257;
export const VIR_SECURITY_LABEL_BUFLEN = 4097;
export const VIR_SECURITY_DOI_BUFLEN = 257;
export const VIR_TYPED_PARAM_INT = 1;
export const VIR_TYPED_PARAM_UINT = 2;
export const VIR_TYPED_PARAM_LLONG = 3;
export const VIR_TYPED_PARAM_ULLONG = 4;
export const VIR_TYPED_PARAM_DOUBLE = 5;
export const VIR_TYPED_PARAM_BOOLEAN = 6;
export const VIR_TYPED_PARAM_STRING = 7;

export const REMOTE_STRING_MAX = 4194304;

/** typedef remote_nonnull_string */
export type RemoteNonnullString = string;
export function readRemoteNonnullString(r: XdrReader): RemoteNonnullString {
  return r.string(REMOTE_STRING_MAX);
}
export function writeRemoteNonnullString(w: XdrWriter, v: RemoteNonnullString): void {
  w.string(v);
}

/** typedef remote_string */
export type RemoteString = RemoteNonnullString | null;
export type RemoteStringIn = RemoteNonnullString | null | undefined;
export function readRemoteString(r: XdrReader): RemoteString {
  return r.optional(readRemoteNonnullString);
}
export function writeRemoteString(w: XdrWriter, v: RemoteStringIn): void {
  w.optional(v, writeRemoteNonnullString);
}
export const REMOTE_CONNECT_IDENTITY_PARAMS_MAX = 20;
export const REMOTE_DOMAIN_LIST_MAX = 16384;
export const REMOTE_CPUMAP_MAX = 2048;
export const REMOTE_VCPUINFO_MAX = 16384;
export const REMOTE_CPUMAPS_MAX = 8388608;
export const REMOTE_IOTHREAD_INFO_MAX = 16384;
export const REMOTE_MIGRATE_COOKIE_MAX = 4194304;
export const REMOTE_NETWORK_LIST_MAX = 16384;
export const REMOTE_NETWORK_PORT_LIST_MAX = 16384;
export const REMOTE_INTERFACE_LIST_MAX = 16384;
export const REMOTE_STORAGE_POOL_LIST_MAX = 16384;
export const REMOTE_STORAGE_VOL_LIST_MAX = 16384;
export const REMOTE_NODE_DEVICE_LIST_MAX = 65536;
export const REMOTE_NODE_DEVICE_CAPS_LIST_MAX = 65536;
export const REMOTE_NWFILTER_LIST_MAX = 16384;
export const REMOTE_NWFILTER_BINDING_LIST_MAX = 16384;
export const REMOTE_DOMAIN_SCHEDULER_PARAMETERS_MAX = 16;
export const REMOTE_DOMAIN_BLKIO_PARAMETERS_MAX = 16;
export const REMOTE_DOMAIN_MEMORY_PARAMETERS_MAX = 16;
export const REMOTE_DOMAIN_BLOCK_IO_TUNE_PARAMETERS_MAX = 32;
export const REMOTE_DOMAIN_NUMA_PARAMETERS_MAX = 16;
export const REMOTE_DOMAIN_PERF_EVENTS_MAX = 64;
export const REMOTE_DOMAIN_BLOCK_COPY_PARAMETERS_MAX = 16;
export const REMOTE_NODE_CPU_STATS_MAX = 16;
export const REMOTE_NODE_MEMORY_STATS_MAX = 16;
export const REMOTE_DOMAIN_BLOCK_STATS_PARAMETERS_MAX = 16;
export const REMOTE_NODE_MAX_CELLS = 1024;
export const REMOTE_AUTH_SASL_DATA_MAX = 65536;
export const REMOTE_AUTH_TYPE_LIST_MAX = 20;
export const REMOTE_DOMAIN_MEMORY_STATS_MAX = 1024;
export const REMOTE_DOMAIN_CHECKPOINT_LIST_MAX = 16384;
export const REMOTE_DOMAIN_SNAPSHOT_LIST_MAX = 16384;
export const REMOTE_DOMAIN_BLOCK_PEEK_BUFFER_MAX = 4194304;
export const REMOTE_DOMAIN_MEMORY_PEEK_BUFFER_MAX = 4194304;
export const REMOTE_SECURITY_LABEL_LIST_MAX = 64;
export const REMOTE_SECURITY_MODEL_MAX = VIR_SECURITY_MODEL_BUFLEN;
export const REMOTE_SECURITY_LABEL_MAX = VIR_SECURITY_LABEL_BUFLEN;
export const REMOTE_SECURITY_DOI_MAX = VIR_SECURITY_DOI_BUFLEN;
export const REMOTE_SECRET_VALUE_MAX = 65536;
export const REMOTE_SECRET_LIST_MAX = 16384;
export const REMOTE_CPU_BASELINE_MAX = 256;
export const REMOTE_DOMAIN_SEND_KEY_MAX = 16;
export const REMOTE_DOMAIN_INTERFACE_PARAMETERS_MAX = 16;
export const REMOTE_DOMAIN_GET_CPU_STATS_NCPUS_MAX = 128;
export const REMOTE_DOMAIN_GET_CPU_STATS_MAX = 2048;
export const REMOTE_DOMAIN_DISK_ERRORS_MAX = 256;
export const REMOTE_NODE_MEMORY_PARAMETERS_MAX = 64;
export const REMOTE_DOMAIN_MIGRATE_PARAM_LIST_MAX = 64;
export const REMOTE_DOMAIN_SAVE_PARAMS_MAX = 64;
export const REMOTE_DOMAIN_JOB_STATS_MAX = 64;
export const REMOTE_CONNECT_CPU_MODELS_MAX = 8192;
export const REMOTE_DOMAIN_FSFREEZE_MOUNTPOINTS_MAX = 256;
export const REMOTE_NETWORK_DHCP_LEASES_MAX = 65536;
export const REMOTE_CONNECT_GET_ALL_DOMAIN_STATS_MAX = 262144;
export const REMOTE_DOMAIN_EVENT_TUNABLE_MAX = 2048;
export const REMOTE_DOMAIN_FSINFO_MAX = 256;
export const REMOTE_DOMAIN_FSINFO_DISKS_MAX = 256;
export const REMOTE_DOMAIN_INTERFACE_MAX = 2048;
export const REMOTE_DOMAIN_IP_ADDR_MAX = 2048;
export const REMOTE_DOMAIN_GUEST_VCPU_PARAMS_MAX = 64;
export const REMOTE_DOMAIN_IOTHREAD_PARAMS_MAX = 64;
export const REMOTE_NODE_SEV_INFO_MAX = 64;
export const REMOTE_DOMAIN_LAUNCH_SECURITY_INFO_PARAMS_MAX = 64;
export const REMOTE_DOMAIN_LAUNCH_SECURITY_STATE_PARAMS_MAX = 64;
export const REMOTE_DOMAIN_GUEST_INFO_PARAMS_MAX = 2048;
export const REMOTE_NETWORK_PORT_PARAMETERS_MAX = 16;
export const REMOTE_DOMAIN_AUTHORIZED_SSH_KEYS_MAX = 2048;
export const REMOTE_DOMAIN_MESSAGES_MAX = 2048;

/** typedef remote_uuid */
export type RemoteUuid = string;
export const readRemoteUuid = readUuidText;
export const writeRemoteUuid = writeUuidText;

/** struct remote_nonnull_domain */
export interface RemoteNonnullDomain {
  name: RemoteNonnullString;
  uuid: string;
  id: number;
}
export function readRemoteNonnullDomain(r: XdrReader): RemoteNonnullDomain {
  return {
    name: readRemoteNonnullString(r),
    uuid: readUuidText(r),
    id: r.int(),
  };
}
export function writeRemoteNonnullDomain(w: XdrWriter, v: RemoteNonnullDomain): void {
  writeRemoteNonnullString(w, v.name);
  writeUuidText(w, v.uuid);
  w.int(v.id);
}

/** struct remote_nonnull_network */
export interface RemoteNonnullNetwork {
  name: RemoteNonnullString;
  uuid: string;
}
export function readRemoteNonnullNetwork(r: XdrReader): RemoteNonnullNetwork {
  return {
    name: readRemoteNonnullString(r),
    uuid: readUuidText(r),
  };
}
export function writeRemoteNonnullNetwork(w: XdrWriter, v: RemoteNonnullNetwork): void {
  writeRemoteNonnullString(w, v.name);
  writeUuidText(w, v.uuid);
}

/** struct remote_nonnull_network_port */
export interface RemoteNonnullNetworkPort {
  net: RemoteNonnullNetwork;
  uuid: string;
}
export function readRemoteNonnullNetworkPort(r: XdrReader): RemoteNonnullNetworkPort {
  return {
    net: readRemoteNonnullNetwork(r),
    uuid: readUuidText(r),
  };
}
export function writeRemoteNonnullNetworkPort(w: XdrWriter, v: RemoteNonnullNetworkPort): void {
  writeRemoteNonnullNetwork(w, v.net);
  writeUuidText(w, v.uuid);
}

/** struct remote_nonnull_nwfilter */
export interface RemoteNonnullNwfilter {
  name: RemoteNonnullString;
  uuid: string;
}
export function readRemoteNonnullNwfilter(r: XdrReader): RemoteNonnullNwfilter {
  return {
    name: readRemoteNonnullString(r),
    uuid: readUuidText(r),
  };
}
export function writeRemoteNonnullNwfilter(w: XdrWriter, v: RemoteNonnullNwfilter): void {
  writeRemoteNonnullString(w, v.name);
  writeUuidText(w, v.uuid);
}

/** struct remote_nonnull_nwfilter_binding */
export interface RemoteNonnullNwfilterBinding {
  portdev: RemoteNonnullString;
  filtername: RemoteNonnullString;
}
export function readRemoteNonnullNwfilterBinding(r: XdrReader): RemoteNonnullNwfilterBinding {
  return {
    portdev: readRemoteNonnullString(r),
    filtername: readRemoteNonnullString(r),
  };
}
export function writeRemoteNonnullNwfilterBinding(w: XdrWriter, v: RemoteNonnullNwfilterBinding): void {
  writeRemoteNonnullString(w, v.portdev);
  writeRemoteNonnullString(w, v.filtername);
}

/** struct remote_nonnull_interface */
export interface RemoteNonnullInterface {
  name: RemoteNonnullString;
  mac: RemoteNonnullString;
}
export function readRemoteNonnullInterface(r: XdrReader): RemoteNonnullInterface {
  return {
    name: readRemoteNonnullString(r),
    mac: readRemoteNonnullString(r),
  };
}
export function writeRemoteNonnullInterface(w: XdrWriter, v: RemoteNonnullInterface): void {
  writeRemoteNonnullString(w, v.name);
  writeRemoteNonnullString(w, v.mac);
}

/** struct remote_nonnull_storage_pool */
export interface RemoteNonnullStoragePool {
  name: RemoteNonnullString;
  uuid: string;
}
export function readRemoteNonnullStoragePool(r: XdrReader): RemoteNonnullStoragePool {
  return {
    name: readRemoteNonnullString(r),
    uuid: readUuidText(r),
  };
}
export function writeRemoteNonnullStoragePool(w: XdrWriter, v: RemoteNonnullStoragePool): void {
  writeRemoteNonnullString(w, v.name);
  writeUuidText(w, v.uuid);
}

/** struct remote_nonnull_storage_vol */
export interface RemoteNonnullStorageVol {
  pool: RemoteNonnullString;
  name: RemoteNonnullString;
  key: RemoteNonnullString;
}
export function readRemoteNonnullStorageVol(r: XdrReader): RemoteNonnullStorageVol {
  return {
    pool: readRemoteNonnullString(r),
    name: readRemoteNonnullString(r),
    key: readRemoteNonnullString(r),
  };
}
export function writeRemoteNonnullStorageVol(w: XdrWriter, v: RemoteNonnullStorageVol): void {
  writeRemoteNonnullString(w, v.pool);
  writeRemoteNonnullString(w, v.name);
  writeRemoteNonnullString(w, v.key);
}

/** struct remote_nonnull_node_device */
export interface RemoteNonnullNodeDevice {
  name: RemoteNonnullString;
}
export function readRemoteNonnullNodeDevice(r: XdrReader): RemoteNonnullNodeDevice {
  return {
    name: readRemoteNonnullString(r),
  };
}
export function writeRemoteNonnullNodeDevice(w: XdrWriter, v: RemoteNonnullNodeDevice): void {
  writeRemoteNonnullString(w, v.name);
}

/** struct remote_nonnull_secret */
export interface RemoteNonnullSecret {
  uuid: string;
  usageType: number;
  usageID: RemoteNonnullString;
}
export function readRemoteNonnullSecret(r: XdrReader): RemoteNonnullSecret {
  return {
    uuid: readUuidText(r),
    usageType: r.int(),
    usageID: readRemoteNonnullString(r),
  };
}
export function writeRemoteNonnullSecret(w: XdrWriter, v: RemoteNonnullSecret): void {
  writeUuidText(w, v.uuid);
  w.int(v.usageType);
  writeRemoteNonnullString(w, v.usageID);
}

/** struct remote_nonnull_domain_checkpoint */
export interface RemoteNonnullDomainCheckpoint {
  name: RemoteNonnullString;
  dom: RemoteNonnullDomain;
}
export function readRemoteNonnullDomainCheckpoint(r: XdrReader): RemoteNonnullDomainCheckpoint {
  return {
    name: readRemoteNonnullString(r),
    dom: readRemoteNonnullDomain(r),
  };
}
export function writeRemoteNonnullDomainCheckpoint(w: XdrWriter, v: RemoteNonnullDomainCheckpoint): void {
  writeRemoteNonnullString(w, v.name);
  writeRemoteNonnullDomain(w, v.dom);
}

/** struct remote_nonnull_domain_snapshot */
export interface RemoteNonnullDomainSnapshot {
  name: RemoteNonnullString;
  dom: RemoteNonnullDomain;
}
export function readRemoteNonnullDomainSnapshot(r: XdrReader): RemoteNonnullDomainSnapshot {
  return {
    name: readRemoteNonnullString(r),
    dom: readRemoteNonnullDomain(r),
  };
}
export function writeRemoteNonnullDomainSnapshot(w: XdrWriter, v: RemoteNonnullDomainSnapshot): void {
  writeRemoteNonnullString(w, v.name);
  writeRemoteNonnullDomain(w, v.dom);
}

/** typedef remote_domain */
export type RemoteDomain = RemoteNonnullDomain | null;
export type RemoteDomainIn = RemoteNonnullDomain | null | undefined;
export function readRemoteDomain(r: XdrReader): RemoteDomain {
  return r.optional(readRemoteNonnullDomain);
}
export function writeRemoteDomain(w: XdrWriter, v: RemoteDomainIn): void {
  w.optional(v, writeRemoteNonnullDomain);
}

/** typedef remote_network */
export type RemoteNetwork = RemoteNonnullNetwork | null;
export type RemoteNetworkIn = RemoteNonnullNetwork | null | undefined;
export function readRemoteNetwork(r: XdrReader): RemoteNetwork {
  return r.optional(readRemoteNonnullNetwork);
}
export function writeRemoteNetwork(w: XdrWriter, v: RemoteNetworkIn): void {
  w.optional(v, writeRemoteNonnullNetwork);
}

/** typedef remote_network_port */
export type RemoteNetworkPort = RemoteNonnullNetworkPort | null;
export type RemoteNetworkPortIn = RemoteNonnullNetworkPort | null | undefined;
export function readRemoteNetworkPort(r: XdrReader): RemoteNetworkPort {
  return r.optional(readRemoteNonnullNetworkPort);
}
export function writeRemoteNetworkPort(w: XdrWriter, v: RemoteNetworkPortIn): void {
  w.optional(v, writeRemoteNonnullNetworkPort);
}

/** typedef remote_nwfilter */
export type RemoteNwfilter = RemoteNonnullNwfilter | null;
export type RemoteNwfilterIn = RemoteNonnullNwfilter | null | undefined;
export function readRemoteNwfilter(r: XdrReader): RemoteNwfilter {
  return r.optional(readRemoteNonnullNwfilter);
}
export function writeRemoteNwfilter(w: XdrWriter, v: RemoteNwfilterIn): void {
  w.optional(v, writeRemoteNonnullNwfilter);
}

/** typedef remote_nwfilter_binding */
export type RemoteNwfilterBinding = RemoteNonnullNwfilterBinding | null;
export type RemoteNwfilterBindingIn = RemoteNonnullNwfilterBinding | null | undefined;
export function readRemoteNwfilterBinding(r: XdrReader): RemoteNwfilterBinding {
  return r.optional(readRemoteNonnullNwfilterBinding);
}
export function writeRemoteNwfilterBinding(w: XdrWriter, v: RemoteNwfilterBindingIn): void {
  w.optional(v, writeRemoteNonnullNwfilterBinding);
}

/** typedef remote_storage_pool */
export type RemoteStoragePool = RemoteNonnullStoragePool | null;
export type RemoteStoragePoolIn = RemoteNonnullStoragePool | null | undefined;
export function readRemoteStoragePool(r: XdrReader): RemoteStoragePool {
  return r.optional(readRemoteNonnullStoragePool);
}
export function writeRemoteStoragePool(w: XdrWriter, v: RemoteStoragePoolIn): void {
  w.optional(v, writeRemoteNonnullStoragePool);
}

/** typedef remote_storage_vol */
export type RemoteStorageVol = RemoteNonnullStorageVol | null;
export type RemoteStorageVolIn = RemoteNonnullStorageVol | null | undefined;
export function readRemoteStorageVol(r: XdrReader): RemoteStorageVol {
  return r.optional(readRemoteNonnullStorageVol);
}
export function writeRemoteStorageVol(w: XdrWriter, v: RemoteStorageVolIn): void {
  w.optional(v, writeRemoteNonnullStorageVol);
}

/** typedef remote_node_device */
export type RemoteNodeDevice = RemoteNonnullNodeDevice | null;
export type RemoteNodeDeviceIn = RemoteNonnullNodeDevice | null | undefined;
export function readRemoteNodeDevice(r: XdrReader): RemoteNodeDevice {
  return r.optional(readRemoteNonnullNodeDevice);
}
export function writeRemoteNodeDevice(w: XdrWriter, v: RemoteNodeDeviceIn): void {
  w.optional(v, writeRemoteNonnullNodeDevice);
}

/** typedef remote_secret */
export type RemoteSecret = RemoteNonnullSecret | null;
export type RemoteSecretIn = RemoteNonnullSecret | null | undefined;
export function readRemoteSecret(r: XdrReader): RemoteSecret {
  return r.optional(readRemoteNonnullSecret);
}
export function writeRemoteSecret(w: XdrWriter, v: RemoteSecretIn): void {
  w.optional(v, writeRemoteNonnullSecret);
}

/** struct remote_error */
export interface RemoteError {
  code: number;
  domain: number;
  message: RemoteString;
  level: number;
  dom: RemoteDomain;
  str1: RemoteString;
  str2: RemoteString;
  str3: RemoteString;
  int1: number;
  int2: number;
  net: RemoteNetwork;
}
export interface RemoteErrorIn {
  code: number;
  domain: number;
  message: RemoteStringIn;
  level: number;
  dom: RemoteDomainIn;
  str1: RemoteStringIn;
  str2: RemoteStringIn;
  str3: RemoteStringIn;
  int1: number;
  int2: number;
  net: RemoteNetworkIn;
}
export function readRemoteError(r: XdrReader): RemoteError {
  return {
    code: r.int(),
    domain: r.int(),
    message: readRemoteString(r),
    level: r.int(),
    dom: readRemoteDomain(r),
    str1: readRemoteString(r),
    str2: readRemoteString(r),
    str3: readRemoteString(r),
    int1: r.int(),
    int2: r.int(),
    net: readRemoteNetwork(r),
  };
}
export function writeRemoteError(w: XdrWriter, v: RemoteErrorIn): void {
  w.int(v.code);
  w.int(v.domain);
  writeRemoteString(w, v.message);
  w.int(v.level);
  writeRemoteDomain(w, v.dom);
  writeRemoteString(w, v.str1);
  writeRemoteString(w, v.str2);
  writeRemoteString(w, v.str3);
  w.int(v.int1);
  w.int(v.int2);
  writeRemoteNetwork(w, v.net);
}

/** enum remote_auth_type */
export const RemoteAuthType = {
  REMOTE_AUTH_NONE: 0,
  REMOTE_AUTH_SASL: 1,
  REMOTE_AUTH_POLKIT: 2,
} as const;
export type RemoteAuthType = (typeof RemoteAuthType)[keyof typeof RemoteAuthType];

/** struct remote_vcpu_info */
export interface RemoteVcpuInfo {
  number: number;
  state: number;
  cpu_time: bigint;
  cpu: number;
}
export interface RemoteVcpuInfoIn {
  number: number;
  state: number;
  cpu_time: bigint | number;
  cpu: number;
}
export function readRemoteVcpuInfo(r: XdrReader): RemoteVcpuInfo {
  return {
    number: r.uint(),
    state: r.int(),
    cpu_time: r.uhyper(),
    cpu: r.int(),
  };
}
export function writeRemoteVcpuInfo(w: XdrWriter, v: RemoteVcpuInfoIn): void {
  w.uint(v.number);
  w.int(v.state);
  w.uhyper(v.cpu_time);
  w.int(v.cpu);
}

/** union remote_typed_param_value switch (type) */
export type RemoteTypedParamValue =
  | { type: 1; value: number } // i
  | { type: 2; value: number } // ui
  | { type: 3; value: bigint } // l
  | { type: 4; value: bigint } // ul
  | { type: 5; value: number } // d
  | { type: 6; value: number } // b
  | { type: 7; value: RemoteNonnullString } // s
  ;
export type RemoteTypedParamValueIn =
  | { type: 1; value: number } // i
  | { type: 2; value: number } // ui
  | { type: 3; value: bigint | number } // l
  | { type: 4; value: bigint | number } // ul
  | { type: 5; value: number } // d
  | { type: 6; value: number } // b
  | { type: 7; value: RemoteNonnullString } // s
  ;
export function readRemoteTypedParamValue(r: XdrReader): RemoteTypedParamValue {
  const type = r.int();
  switch (type) {
    case 1: // VIR_TYPED_PARAM_INT
      return { type: 1, value: r.int() };
    case 2: // VIR_TYPED_PARAM_UINT
      return { type: 2, value: r.uint() };
    case 3: // VIR_TYPED_PARAM_LLONG
      return { type: 3, value: r.hyper() };
    case 4: // VIR_TYPED_PARAM_ULLONG
      return { type: 4, value: r.uhyper() };
    case 5: // VIR_TYPED_PARAM_DOUBLE
      return { type: 5, value: r.double() };
    case 6: // VIR_TYPED_PARAM_BOOLEAN
      return { type: 6, value: r.int() };
    case 7: // VIR_TYPED_PARAM_STRING
      return { type: 7, value: readRemoteNonnullString(r) };
    default:
      throw new XdrError(`remote_typed_param_value: no arm for type ${type}`);
  }
}
export function writeRemoteTypedParamValue(w: XdrWriter, v: RemoteTypedParamValueIn): void {
  w.int(v.type);
  switch (v.type) {
    case 1: // VIR_TYPED_PARAM_INT
      w.int(v.value);
      return;
    case 2: // VIR_TYPED_PARAM_UINT
      w.uint(v.value);
      return;
    case 3: // VIR_TYPED_PARAM_LLONG
      w.hyper(v.value);
      return;
    case 4: // VIR_TYPED_PARAM_ULLONG
      w.uhyper(v.value);
      return;
    case 5: // VIR_TYPED_PARAM_DOUBLE
      w.double(v.value);
      return;
    case 6: // VIR_TYPED_PARAM_BOOLEAN
      w.int(v.value);
      return;
    case 7: // VIR_TYPED_PARAM_STRING
      writeRemoteNonnullString(w, v.value);
      return;
  }
}

/** struct remote_typed_param, its union remote_typed_param_value flattened in */
export type RemoteTypedParam =
  | { field: RemoteNonnullString; type: 1; value: number } // i
  | { field: RemoteNonnullString; type: 2; value: number } // ui
  | { field: RemoteNonnullString; type: 3; value: bigint } // l
  | { field: RemoteNonnullString; type: 4; value: bigint } // ul
  | { field: RemoteNonnullString; type: 5; value: number } // d
  | { field: RemoteNonnullString; type: 6; value: number } // b
  | { field: RemoteNonnullString; type: 7; value: RemoteNonnullString } // s
  ;
export type RemoteTypedParamIn =
  | { field: RemoteNonnullString; type: 1; value: number } // i
  | { field: RemoteNonnullString; type: 2; value: number } // ui
  | { field: RemoteNonnullString; type: 3; value: bigint | number } // l
  | { field: RemoteNonnullString; type: 4; value: bigint | number } // ul
  | { field: RemoteNonnullString; type: 5; value: number } // d
  | { field: RemoteNonnullString; type: 6; value: number } // b
  | { field: RemoteNonnullString; type: 7; value: RemoteNonnullString } // s
  ;
export function readRemoteTypedParam(r: XdrReader): RemoteTypedParam {
  const field = readRemoteNonnullString(r);
  const type = r.int();
  switch (type) {
    case 1: // VIR_TYPED_PARAM_INT
      return { field, type: 1, value: r.int() };
    case 2: // VIR_TYPED_PARAM_UINT
      return { field, type: 2, value: r.uint() };
    case 3: // VIR_TYPED_PARAM_LLONG
      return { field, type: 3, value: r.hyper() };
    case 4: // VIR_TYPED_PARAM_ULLONG
      return { field, type: 4, value: r.uhyper() };
    case 5: // VIR_TYPED_PARAM_DOUBLE
      return { field, type: 5, value: r.double() };
    case 6: // VIR_TYPED_PARAM_BOOLEAN
      return { field, type: 6, value: r.int() };
    case 7: // VIR_TYPED_PARAM_STRING
      return { field, type: 7, value: readRemoteNonnullString(r) };
    default:
      throw new XdrError(`remote_typed_param_value: no arm for type ${type}`);
  }
}
export function writeRemoteTypedParam(w: XdrWriter, v: RemoteTypedParamIn): void {
  writeRemoteNonnullString(w, v.field);
  w.int(v.type);
  switch (v.type) {
    case 1: // VIR_TYPED_PARAM_INT
      w.int(v.value);
      return;
    case 2: // VIR_TYPED_PARAM_UINT
      w.uint(v.value);
      return;
    case 3: // VIR_TYPED_PARAM_LLONG
      w.hyper(v.value);
      return;
    case 4: // VIR_TYPED_PARAM_ULLONG
      w.uhyper(v.value);
      return;
    case 5: // VIR_TYPED_PARAM_DOUBLE
      w.double(v.value);
      return;
    case 6: // VIR_TYPED_PARAM_BOOLEAN
      w.int(v.value);
      return;
    case 7: // VIR_TYPED_PARAM_STRING
      writeRemoteNonnullString(w, v.value);
      return;
  }
}

/** struct remote_node_get_cpu_stats */
export interface RemoteNodeGetCpuStats {
  field: RemoteNonnullString;
  value: bigint;
}
export interface RemoteNodeGetCpuStatsIn {
  field: RemoteNonnullString;
  value: bigint | number;
}
export function readRemoteNodeGetCpuStats(r: XdrReader): RemoteNodeGetCpuStats {
  return {
    field: readRemoteNonnullString(r),
    value: r.uhyper(),
  };
}
export function writeRemoteNodeGetCpuStats(w: XdrWriter, v: RemoteNodeGetCpuStatsIn): void {
  writeRemoteNonnullString(w, v.field);
  w.uhyper(v.value);
}

/** struct remote_node_get_memory_stats */
export interface RemoteNodeGetMemoryStats {
  field: RemoteNonnullString;
  value: bigint;
}
export interface RemoteNodeGetMemoryStatsIn {
  field: RemoteNonnullString;
  value: bigint | number;
}
export function readRemoteNodeGetMemoryStats(r: XdrReader): RemoteNodeGetMemoryStats {
  return {
    field: readRemoteNonnullString(r),
    value: r.uhyper(),
  };
}
export function writeRemoteNodeGetMemoryStats(w: XdrWriter, v: RemoteNodeGetMemoryStatsIn): void {
  writeRemoteNonnullString(w, v.field);
  w.uhyper(v.value);
}

/** struct remote_domain_disk_error */
export interface RemoteDomainDiskError {
  disk: RemoteNonnullString;
  error: number;
}
export function readRemoteDomainDiskError(r: XdrReader): RemoteDomainDiskError {
  return {
    disk: readRemoteNonnullString(r),
    error: r.int(),
  };
}
export function writeRemoteDomainDiskError(w: XdrWriter, v: RemoteDomainDiskError): void {
  writeRemoteNonnullString(w, v.disk);
  w.int(v.error);
}

/** struct remote_connect_open_args */
export interface RemoteConnectOpenArgs {
  name: RemoteString;
  flags: number;
}
export interface RemoteConnectOpenArgsIn {
  name: RemoteStringIn;
  flags: number;
}
export function readRemoteConnectOpenArgs(r: XdrReader): RemoteConnectOpenArgs {
  return {
    name: readRemoteString(r),
    flags: r.uint(),
  };
}
export function writeRemoteConnectOpenArgs(w: XdrWriter, v: RemoteConnectOpenArgsIn): void {
  writeRemoteString(w, v.name);
  w.uint(v.flags);
}

/** struct remote_connect_supports_feature_args */
export interface RemoteConnectSupportsFeatureArgs {
  feature: number;
}
export function readRemoteConnectSupportsFeatureArgs(r: XdrReader): RemoteConnectSupportsFeatureArgs {
  return {
    feature: r.int(),
  };
}
export function writeRemoteConnectSupportsFeatureArgs(w: XdrWriter, v: RemoteConnectSupportsFeatureArgs): void {
  w.int(v.feature);
}

/** struct remote_connect_supports_feature_ret */
export interface RemoteConnectSupportsFeatureRet {
  supported: number;
}
export function readRemoteConnectSupportsFeatureRet(r: XdrReader): RemoteConnectSupportsFeatureRet {
  return {
    supported: r.int(),
  };
}
export function writeRemoteConnectSupportsFeatureRet(w: XdrWriter, v: RemoteConnectSupportsFeatureRet): void {
  w.int(v.supported);
}

/** struct remote_connect_get_type_ret */
export interface RemoteConnectGetTypeRet {
  type: RemoteNonnullString;
}
export function readRemoteConnectGetTypeRet(r: XdrReader): RemoteConnectGetTypeRet {
  return {
    type: readRemoteNonnullString(r),
  };
}
export function writeRemoteConnectGetTypeRet(w: XdrWriter, v: RemoteConnectGetTypeRet): void {
  writeRemoteNonnullString(w, v.type);
}

/** struct remote_connect_get_version_ret */
export interface RemoteConnectGetVersionRet {
  hv_ver: bigint;
}
export interface RemoteConnectGetVersionRetIn {
  hv_ver: bigint | number;
}
export function readRemoteConnectGetVersionRet(r: XdrReader): RemoteConnectGetVersionRet {
  return {
    hv_ver: r.uhyper(),
  };
}
export function writeRemoteConnectGetVersionRet(w: XdrWriter, v: RemoteConnectGetVersionRetIn): void {
  w.uhyper(v.hv_ver);
}

/** struct remote_connect_get_lib_version_ret */
export interface RemoteConnectGetLibVersionRet {
  lib_ver: bigint;
}
export interface RemoteConnectGetLibVersionRetIn {
  lib_ver: bigint | number;
}
export function readRemoteConnectGetLibVersionRet(r: XdrReader): RemoteConnectGetLibVersionRet {
  return {
    lib_ver: r.uhyper(),
  };
}
export function writeRemoteConnectGetLibVersionRet(w: XdrWriter, v: RemoteConnectGetLibVersionRetIn): void {
  w.uhyper(v.lib_ver);
}

/** struct remote_connect_get_hostname_ret */
export interface RemoteConnectGetHostnameRet {
  hostname: RemoteNonnullString;
}
export function readRemoteConnectGetHostnameRet(r: XdrReader): RemoteConnectGetHostnameRet {
  return {
    hostname: readRemoteNonnullString(r),
  };
}
export function writeRemoteConnectGetHostnameRet(w: XdrWriter, v: RemoteConnectGetHostnameRet): void {
  writeRemoteNonnullString(w, v.hostname);
}

/** struct remote_connect_get_sysinfo_args */
export interface RemoteConnectGetSysinfoArgs {
  flags: number;
}
export function readRemoteConnectGetSysinfoArgs(r: XdrReader): RemoteConnectGetSysinfoArgs {
  return {
    flags: r.uint(),
  };
}
export function writeRemoteConnectGetSysinfoArgs(w: XdrWriter, v: RemoteConnectGetSysinfoArgs): void {
  w.uint(v.flags);
}

/** struct remote_connect_get_sysinfo_ret */
export interface RemoteConnectGetSysinfoRet {
  sysinfo: RemoteNonnullString;
}
export function readRemoteConnectGetSysinfoRet(r: XdrReader): RemoteConnectGetSysinfoRet {
  return {
    sysinfo: readRemoteNonnullString(r),
  };
}
export function writeRemoteConnectGetSysinfoRet(w: XdrWriter, v: RemoteConnectGetSysinfoRet): void {
  writeRemoteNonnullString(w, v.sysinfo);
}

/** struct remote_connect_get_uri_ret */
export interface RemoteConnectGetUriRet {
  uri: RemoteNonnullString;
}
export function readRemoteConnectGetUriRet(r: XdrReader): RemoteConnectGetUriRet {
  return {
    uri: readRemoteNonnullString(r),
  };
}
export function writeRemoteConnectGetUriRet(w: XdrWriter, v: RemoteConnectGetUriRet): void {
  writeRemoteNonnullString(w, v.uri);
}

/** struct remote_connect_get_max_vcpus_args */
export interface RemoteConnectGetMaxVcpusArgs {
  type: RemoteString;
}
export interface RemoteConnectGetMaxVcpusArgsIn {
  type: RemoteStringIn;
}
export function readRemoteConnectGetMaxVcpusArgs(r: XdrReader): RemoteConnectGetMaxVcpusArgs {
  return {
    type: readRemoteString(r),
  };
}
export function writeRemoteConnectGetMaxVcpusArgs(w: XdrWriter, v: RemoteConnectGetMaxVcpusArgsIn): void {
  writeRemoteString(w, v.type);
}

/** struct remote_connect_get_max_vcpus_ret */
export interface RemoteConnectGetMaxVcpusRet {
  max_vcpus: number;
}
export function readRemoteConnectGetMaxVcpusRet(r: XdrReader): RemoteConnectGetMaxVcpusRet {
  return {
    max_vcpus: r.int(),
  };
}
export function writeRemoteConnectGetMaxVcpusRet(w: XdrWriter, v: RemoteConnectGetMaxVcpusRet): void {
  w.int(v.max_vcpus);
}

/** struct remote_node_get_info_ret */
export interface RemoteNodeGetInfoRet {
  model: number[];
  memory: bigint;
  cpus: number;
  mhz: number;
  nodes: number;
  sockets: number;
  cores: number;
  threads: number;
}
export interface RemoteNodeGetInfoRetIn {
  model: readonly number[];
  memory: bigint | number;
  cpus: number;
  mhz: number;
  nodes: number;
  sockets: number;
  cores: number;
  threads: number;
}
export function readRemoteNodeGetInfoRet(r: XdrReader): RemoteNodeGetInfoRet {
  return {
    model: readFixedArray(r, 32, (x) => x.int()),
    memory: r.uhyper(),
    cpus: r.int(),
    mhz: r.int(),
    nodes: r.int(),
    sockets: r.int(),
    cores: r.int(),
    threads: r.int(),
  };
}
export function writeRemoteNodeGetInfoRet(w: XdrWriter, v: RemoteNodeGetInfoRetIn): void {
  writeFixedArray(w, v.model, 32, (x, y) => x.int(y), 'remote_node_get_info_ret.model');
  w.uhyper(v.memory);
  w.int(v.cpus);
  w.int(v.mhz);
  w.int(v.nodes);
  w.int(v.sockets);
  w.int(v.cores);
  w.int(v.threads);
}

/** struct remote_connect_get_capabilities_ret */
export interface RemoteConnectGetCapabilitiesRet {
  capabilities: RemoteNonnullString;
}
export function readRemoteConnectGetCapabilitiesRet(r: XdrReader): RemoteConnectGetCapabilitiesRet {
  return {
    capabilities: readRemoteNonnullString(r),
  };
}
export function writeRemoteConnectGetCapabilitiesRet(w: XdrWriter, v: RemoteConnectGetCapabilitiesRet): void {
  writeRemoteNonnullString(w, v.capabilities);
}

/** struct remote_connect_get_domain_capabilities_args */
export interface RemoteConnectGetDomainCapabilitiesArgs {
  emulatorbin: RemoteString;
  arch: RemoteString;
  machine: RemoteString;
  virttype: RemoteString;
  flags: number;
}
export interface RemoteConnectGetDomainCapabilitiesArgsIn {
  emulatorbin: RemoteStringIn;
  arch: RemoteStringIn;
  machine: RemoteStringIn;
  virttype: RemoteStringIn;
  flags: number;
}
export function readRemoteConnectGetDomainCapabilitiesArgs(r: XdrReader): RemoteConnectGetDomainCapabilitiesArgs {
  return {
    emulatorbin: readRemoteString(r),
    arch: readRemoteString(r),
    machine: readRemoteString(r),
    virttype: readRemoteString(r),
    flags: r.uint(),
  };
}
export function writeRemoteConnectGetDomainCapabilitiesArgs(w: XdrWriter, v: RemoteConnectGetDomainCapabilitiesArgsIn): void {
  writeRemoteString(w, v.emulatorbin);
  writeRemoteString(w, v.arch);
  writeRemoteString(w, v.machine);
  writeRemoteString(w, v.virttype);
  w.uint(v.flags);
}

/** struct remote_connect_get_domain_capabilities_ret */
export interface RemoteConnectGetDomainCapabilitiesRet {
  capabilities: RemoteNonnullString;
}
export function readRemoteConnectGetDomainCapabilitiesRet(r: XdrReader): RemoteConnectGetDomainCapabilitiesRet {
  return {
    capabilities: readRemoteNonnullString(r),
  };
}
export function writeRemoteConnectGetDomainCapabilitiesRet(w: XdrWriter, v: RemoteConnectGetDomainCapabilitiesRet): void {
  writeRemoteNonnullString(w, v.capabilities);
}

/** struct remote_node_get_cpu_stats_args */
export interface RemoteNodeGetCpuStatsArgs {
  cpuNum: number;
  nparams: number;
  flags: number;
}
export function readRemoteNodeGetCpuStatsArgs(r: XdrReader): RemoteNodeGetCpuStatsArgs {
  return {
    cpuNum: r.int(),
    nparams: r.int(),
    flags: r.uint(),
  };
}
export function writeRemoteNodeGetCpuStatsArgs(w: XdrWriter, v: RemoteNodeGetCpuStatsArgs): void {
  w.int(v.cpuNum);
  w.int(v.nparams);
  w.uint(v.flags);
}

/** struct remote_node_get_cpu_stats_ret */
export interface RemoteNodeGetCpuStatsRet {
  params: RemoteNodeGetCpuStats[];
  nparams: number;
}
export interface RemoteNodeGetCpuStatsRetIn {
  params: readonly RemoteNodeGetCpuStatsIn[];
  nparams: number;
}
export function readRemoteNodeGetCpuStatsRet(r: XdrReader): RemoteNodeGetCpuStatsRet {
  return {
    params: r.array(readRemoteNodeGetCpuStats, REMOTE_NODE_CPU_STATS_MAX),
    nparams: r.int(),
  };
}
export function writeRemoteNodeGetCpuStatsRet(w: XdrWriter, v: RemoteNodeGetCpuStatsRetIn): void {
  writeArray(w, v.params, REMOTE_NODE_CPU_STATS_MAX, writeRemoteNodeGetCpuStats, 'remote_node_get_cpu_stats_ret.params');
  w.int(v.nparams);
}

/** struct remote_node_get_memory_stats_args */
export interface RemoteNodeGetMemoryStatsArgs {
  nparams: number;
  cellNum: number;
  flags: number;
}
export function readRemoteNodeGetMemoryStatsArgs(r: XdrReader): RemoteNodeGetMemoryStatsArgs {
  return {
    nparams: r.int(),
    cellNum: r.int(),
    flags: r.uint(),
  };
}
export function writeRemoteNodeGetMemoryStatsArgs(w: XdrWriter, v: RemoteNodeGetMemoryStatsArgs): void {
  w.int(v.nparams);
  w.int(v.cellNum);
  w.uint(v.flags);
}

/** struct remote_node_get_memory_stats_ret */
export interface RemoteNodeGetMemoryStatsRet {
  params: RemoteNodeGetMemoryStats[];
  nparams: number;
}
export interface RemoteNodeGetMemoryStatsRetIn {
  params: readonly RemoteNodeGetMemoryStatsIn[];
  nparams: number;
}
export function readRemoteNodeGetMemoryStatsRet(r: XdrReader): RemoteNodeGetMemoryStatsRet {
  return {
    params: r.array(readRemoteNodeGetMemoryStats, REMOTE_NODE_MEMORY_STATS_MAX),
    nparams: r.int(),
  };
}
export function writeRemoteNodeGetMemoryStatsRet(w: XdrWriter, v: RemoteNodeGetMemoryStatsRetIn): void {
  writeArray(w, v.params, REMOTE_NODE_MEMORY_STATS_MAX, writeRemoteNodeGetMemoryStats, 'remote_node_get_memory_stats_ret.params');
  w.int(v.nparams);
}

/** struct remote_node_get_cells_free_memory_args */
export interface RemoteNodeGetCellsFreeMemoryArgs {
  startCell: number;
  maxcells: number;
}
export function readRemoteNodeGetCellsFreeMemoryArgs(r: XdrReader): RemoteNodeGetCellsFreeMemoryArgs {
  return {
    startCell: r.int(),
    maxcells: r.int(),
  };
}
export function writeRemoteNodeGetCellsFreeMemoryArgs(w: XdrWriter, v: RemoteNodeGetCellsFreeMemoryArgs): void {
  w.int(v.startCell);
  w.int(v.maxcells);
}

/** struct remote_node_get_cells_free_memory_ret */
export interface RemoteNodeGetCellsFreeMemoryRet {
  cells: bigint[];
}
export interface RemoteNodeGetCellsFreeMemoryRetIn {
  cells: readonly (bigint | number)[];
}
export function readRemoteNodeGetCellsFreeMemoryRet(r: XdrReader): RemoteNodeGetCellsFreeMemoryRet {
  return {
    cells: r.array((x) => x.uhyper(), REMOTE_NODE_MAX_CELLS),
  };
}
export function writeRemoteNodeGetCellsFreeMemoryRet(w: XdrWriter, v: RemoteNodeGetCellsFreeMemoryRetIn): void {
  writeArray(w, v.cells, REMOTE_NODE_MAX_CELLS, (x, y) => x.uhyper(y), 'remote_node_get_cells_free_memory_ret.cells');
}

/** struct remote_node_get_free_memory_ret */
export interface RemoteNodeGetFreeMemoryRet {
  freeMem: bigint;
}
export interface RemoteNodeGetFreeMemoryRetIn {
  freeMem: bigint | number;
}
export function readRemoteNodeGetFreeMemoryRet(r: XdrReader): RemoteNodeGetFreeMemoryRet {
  return {
    freeMem: r.uhyper(),
  };
}
export function writeRemoteNodeGetFreeMemoryRet(w: XdrWriter, v: RemoteNodeGetFreeMemoryRetIn): void {
  w.uhyper(v.freeMem);
}

/** struct remote_domain_get_scheduler_type_args */
export interface RemoteDomainGetSchedulerTypeArgs {
  dom: RemoteNonnullDomain;
}
export function readRemoteDomainGetSchedulerTypeArgs(r: XdrReader): RemoteDomainGetSchedulerTypeArgs {
  return {
    dom: readRemoteNonnullDomain(r),
  };
}
export function writeRemoteDomainGetSchedulerTypeArgs(w: XdrWriter, v: RemoteDomainGetSchedulerTypeArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
}

/** struct remote_domain_get_scheduler_type_ret */
export interface RemoteDomainGetSchedulerTypeRet {
  type: RemoteNonnullString;
  nparams: number;
}
export function readRemoteDomainGetSchedulerTypeRet(r: XdrReader): RemoteDomainGetSchedulerTypeRet {
  return {
    type: readRemoteNonnullString(r),
    nparams: r.int(),
  };
}
export function writeRemoteDomainGetSchedulerTypeRet(w: XdrWriter, v: RemoteDomainGetSchedulerTypeRet): void {
  writeRemoteNonnullString(w, v.type);
  w.int(v.nparams);
}

/** struct remote_domain_get_scheduler_parameters_args */
export interface RemoteDomainGetSchedulerParametersArgs {
  dom: RemoteNonnullDomain;
  nparams: number;
}
export function readRemoteDomainGetSchedulerParametersArgs(r: XdrReader): RemoteDomainGetSchedulerParametersArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    nparams: r.int(),
  };
}
export function writeRemoteDomainGetSchedulerParametersArgs(w: XdrWriter, v: RemoteDomainGetSchedulerParametersArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.int(v.nparams);
}

/** struct remote_domain_get_scheduler_parameters_ret */
export interface RemoteDomainGetSchedulerParametersRet {
  params: RemoteTypedParam[];
}
export interface RemoteDomainGetSchedulerParametersRetIn {
  params: readonly RemoteTypedParamIn[];
}
export function readRemoteDomainGetSchedulerParametersRet(r: XdrReader): RemoteDomainGetSchedulerParametersRet {
  return {
    params: r.array(readRemoteTypedParam, REMOTE_DOMAIN_SCHEDULER_PARAMETERS_MAX),
  };
}
export function writeRemoteDomainGetSchedulerParametersRet(w: XdrWriter, v: RemoteDomainGetSchedulerParametersRetIn): void {
  writeArray(w, v.params, REMOTE_DOMAIN_SCHEDULER_PARAMETERS_MAX, writeRemoteTypedParam, 'remote_domain_get_scheduler_parameters_ret.params');
}

/** struct remote_domain_get_scheduler_parameters_flags_args */
export interface RemoteDomainGetSchedulerParametersFlagsArgs {
  dom: RemoteNonnullDomain;
  nparams: number;
  flags: number;
}
export function readRemoteDomainGetSchedulerParametersFlagsArgs(r: XdrReader): RemoteDomainGetSchedulerParametersFlagsArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    nparams: r.int(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainGetSchedulerParametersFlagsArgs(w: XdrWriter, v: RemoteDomainGetSchedulerParametersFlagsArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.int(v.nparams);
  w.uint(v.flags);
}

/** struct remote_domain_get_scheduler_parameters_flags_ret */
export interface RemoteDomainGetSchedulerParametersFlagsRet {
  params: RemoteTypedParam[];
}
export interface RemoteDomainGetSchedulerParametersFlagsRetIn {
  params: readonly RemoteTypedParamIn[];
}
export function readRemoteDomainGetSchedulerParametersFlagsRet(r: XdrReader): RemoteDomainGetSchedulerParametersFlagsRet {
  return {
    params: r.array(readRemoteTypedParam, REMOTE_DOMAIN_SCHEDULER_PARAMETERS_MAX),
  };
}
export function writeRemoteDomainGetSchedulerParametersFlagsRet(w: XdrWriter, v: RemoteDomainGetSchedulerParametersFlagsRetIn): void {
  writeArray(w, v.params, REMOTE_DOMAIN_SCHEDULER_PARAMETERS_MAX, writeRemoteTypedParam, 'remote_domain_get_scheduler_parameters_flags_ret.params');
}

/** struct remote_domain_set_scheduler_parameters_args */
export interface RemoteDomainSetSchedulerParametersArgs {
  dom: RemoteNonnullDomain;
  params: RemoteTypedParam[];
}
export interface RemoteDomainSetSchedulerParametersArgsIn {
  dom: RemoteNonnullDomain;
  params: readonly RemoteTypedParamIn[];
}
export function readRemoteDomainSetSchedulerParametersArgs(r: XdrReader): RemoteDomainSetSchedulerParametersArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    params: r.array(readRemoteTypedParam, REMOTE_DOMAIN_SCHEDULER_PARAMETERS_MAX),
  };
}
export function writeRemoteDomainSetSchedulerParametersArgs(w: XdrWriter, v: RemoteDomainSetSchedulerParametersArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeArray(w, v.params, REMOTE_DOMAIN_SCHEDULER_PARAMETERS_MAX, writeRemoteTypedParam, 'remote_domain_set_scheduler_parameters_args.params');
}

/** struct remote_domain_set_scheduler_parameters_flags_args */
export interface RemoteDomainSetSchedulerParametersFlagsArgs {
  dom: RemoteNonnullDomain;
  params: RemoteTypedParam[];
  flags: number;
}
export interface RemoteDomainSetSchedulerParametersFlagsArgsIn {
  dom: RemoteNonnullDomain;
  params: readonly RemoteTypedParamIn[];
  flags: number;
}
export function readRemoteDomainSetSchedulerParametersFlagsArgs(r: XdrReader): RemoteDomainSetSchedulerParametersFlagsArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    params: r.array(readRemoteTypedParam, REMOTE_DOMAIN_SCHEDULER_PARAMETERS_MAX),
    flags: r.uint(),
  };
}
export function writeRemoteDomainSetSchedulerParametersFlagsArgs(w: XdrWriter, v: RemoteDomainSetSchedulerParametersFlagsArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeArray(w, v.params, REMOTE_DOMAIN_SCHEDULER_PARAMETERS_MAX, writeRemoteTypedParam, 'remote_domain_set_scheduler_parameters_flags_args.params');
  w.uint(v.flags);
}

/** struct remote_domain_set_blkio_parameters_args */
export interface RemoteDomainSetBlkioParametersArgs {
  dom: RemoteNonnullDomain;
  params: RemoteTypedParam[];
  flags: number;
}
export interface RemoteDomainSetBlkioParametersArgsIn {
  dom: RemoteNonnullDomain;
  params: readonly RemoteTypedParamIn[];
  flags: number;
}
export function readRemoteDomainSetBlkioParametersArgs(r: XdrReader): RemoteDomainSetBlkioParametersArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    params: r.array(readRemoteTypedParam, REMOTE_DOMAIN_BLKIO_PARAMETERS_MAX),
    flags: r.uint(),
  };
}
export function writeRemoteDomainSetBlkioParametersArgs(w: XdrWriter, v: RemoteDomainSetBlkioParametersArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeArray(w, v.params, REMOTE_DOMAIN_BLKIO_PARAMETERS_MAX, writeRemoteTypedParam, 'remote_domain_set_blkio_parameters_args.params');
  w.uint(v.flags);
}

/** struct remote_domain_get_blkio_parameters_args */
export interface RemoteDomainGetBlkioParametersArgs {
  dom: RemoteNonnullDomain;
  nparams: number;
  flags: number;
}
export function readRemoteDomainGetBlkioParametersArgs(r: XdrReader): RemoteDomainGetBlkioParametersArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    nparams: r.int(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainGetBlkioParametersArgs(w: XdrWriter, v: RemoteDomainGetBlkioParametersArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.int(v.nparams);
  w.uint(v.flags);
}

/** struct remote_domain_get_blkio_parameters_ret */
export interface RemoteDomainGetBlkioParametersRet {
  params: RemoteTypedParam[];
  nparams: number;
}
export interface RemoteDomainGetBlkioParametersRetIn {
  params: readonly RemoteTypedParamIn[];
  nparams: number;
}
export function readRemoteDomainGetBlkioParametersRet(r: XdrReader): RemoteDomainGetBlkioParametersRet {
  return {
    params: r.array(readRemoteTypedParam, REMOTE_DOMAIN_BLKIO_PARAMETERS_MAX),
    nparams: r.int(),
  };
}
export function writeRemoteDomainGetBlkioParametersRet(w: XdrWriter, v: RemoteDomainGetBlkioParametersRetIn): void {
  writeArray(w, v.params, REMOTE_DOMAIN_BLKIO_PARAMETERS_MAX, writeRemoteTypedParam, 'remote_domain_get_blkio_parameters_ret.params');
  w.int(v.nparams);
}

/** struct remote_domain_set_memory_parameters_args */
export interface RemoteDomainSetMemoryParametersArgs {
  dom: RemoteNonnullDomain;
  params: RemoteTypedParam[];
  flags: number;
}
export interface RemoteDomainSetMemoryParametersArgsIn {
  dom: RemoteNonnullDomain;
  params: readonly RemoteTypedParamIn[];
  flags: number;
}
export function readRemoteDomainSetMemoryParametersArgs(r: XdrReader): RemoteDomainSetMemoryParametersArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    params: r.array(readRemoteTypedParam, REMOTE_DOMAIN_MEMORY_PARAMETERS_MAX),
    flags: r.uint(),
  };
}
export function writeRemoteDomainSetMemoryParametersArgs(w: XdrWriter, v: RemoteDomainSetMemoryParametersArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeArray(w, v.params, REMOTE_DOMAIN_MEMORY_PARAMETERS_MAX, writeRemoteTypedParam, 'remote_domain_set_memory_parameters_args.params');
  w.uint(v.flags);
}

/** struct remote_domain_get_memory_parameters_args */
export interface RemoteDomainGetMemoryParametersArgs {
  dom: RemoteNonnullDomain;
  nparams: number;
  flags: number;
}
export function readRemoteDomainGetMemoryParametersArgs(r: XdrReader): RemoteDomainGetMemoryParametersArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    nparams: r.int(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainGetMemoryParametersArgs(w: XdrWriter, v: RemoteDomainGetMemoryParametersArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.int(v.nparams);
  w.uint(v.flags);
}

/** struct remote_domain_get_memory_parameters_ret */
export interface RemoteDomainGetMemoryParametersRet {
  params: RemoteTypedParam[];
  nparams: number;
}
export interface RemoteDomainGetMemoryParametersRetIn {
  params: readonly RemoteTypedParamIn[];
  nparams: number;
}
export function readRemoteDomainGetMemoryParametersRet(r: XdrReader): RemoteDomainGetMemoryParametersRet {
  return {
    params: r.array(readRemoteTypedParam, REMOTE_DOMAIN_MEMORY_PARAMETERS_MAX),
    nparams: r.int(),
  };
}
export function writeRemoteDomainGetMemoryParametersRet(w: XdrWriter, v: RemoteDomainGetMemoryParametersRetIn): void {
  writeArray(w, v.params, REMOTE_DOMAIN_MEMORY_PARAMETERS_MAX, writeRemoteTypedParam, 'remote_domain_get_memory_parameters_ret.params');
  w.int(v.nparams);
}

/** struct remote_domain_block_resize_args */
export interface RemoteDomainBlockResizeArgs {
  dom: RemoteNonnullDomain;
  disk: RemoteNonnullString;
  size: bigint;
  flags: number;
}
export interface RemoteDomainBlockResizeArgsIn {
  dom: RemoteNonnullDomain;
  disk: RemoteNonnullString;
  size: bigint | number;
  flags: number;
}
export function readRemoteDomainBlockResizeArgs(r: XdrReader): RemoteDomainBlockResizeArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    disk: readRemoteNonnullString(r),
    size: r.uhyper(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainBlockResizeArgs(w: XdrWriter, v: RemoteDomainBlockResizeArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.disk);
  w.uhyper(v.size);
  w.uint(v.flags);
}

/** struct remote_domain_set_numa_parameters_args */
export interface RemoteDomainSetNumaParametersArgs {
  dom: RemoteNonnullDomain;
  params: RemoteTypedParam[];
  flags: number;
}
export interface RemoteDomainSetNumaParametersArgsIn {
  dom: RemoteNonnullDomain;
  params: readonly RemoteTypedParamIn[];
  flags: number;
}
export function readRemoteDomainSetNumaParametersArgs(r: XdrReader): RemoteDomainSetNumaParametersArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    params: r.array(readRemoteTypedParam, REMOTE_DOMAIN_NUMA_PARAMETERS_MAX),
    flags: r.uint(),
  };
}
export function writeRemoteDomainSetNumaParametersArgs(w: XdrWriter, v: RemoteDomainSetNumaParametersArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeArray(w, v.params, REMOTE_DOMAIN_NUMA_PARAMETERS_MAX, writeRemoteTypedParam, 'remote_domain_set_numa_parameters_args.params');
  w.uint(v.flags);
}

/** struct remote_domain_get_numa_parameters_args */
export interface RemoteDomainGetNumaParametersArgs {
  dom: RemoteNonnullDomain;
  nparams: number;
  flags: number;
}
export function readRemoteDomainGetNumaParametersArgs(r: XdrReader): RemoteDomainGetNumaParametersArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    nparams: r.int(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainGetNumaParametersArgs(w: XdrWriter, v: RemoteDomainGetNumaParametersArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.int(v.nparams);
  w.uint(v.flags);
}

/** struct remote_domain_get_numa_parameters_ret */
export interface RemoteDomainGetNumaParametersRet {
  params: RemoteTypedParam[];
  nparams: number;
}
export interface RemoteDomainGetNumaParametersRetIn {
  params: readonly RemoteTypedParamIn[];
  nparams: number;
}
export function readRemoteDomainGetNumaParametersRet(r: XdrReader): RemoteDomainGetNumaParametersRet {
  return {
    params: r.array(readRemoteTypedParam, REMOTE_DOMAIN_NUMA_PARAMETERS_MAX),
    nparams: r.int(),
  };
}
export function writeRemoteDomainGetNumaParametersRet(w: XdrWriter, v: RemoteDomainGetNumaParametersRetIn): void {
  writeArray(w, v.params, REMOTE_DOMAIN_NUMA_PARAMETERS_MAX, writeRemoteTypedParam, 'remote_domain_get_numa_parameters_ret.params');
  w.int(v.nparams);
}

/** struct remote_domain_set_perf_events_args */
export interface RemoteDomainSetPerfEventsArgs {
  dom: RemoteNonnullDomain;
  params: RemoteTypedParam[];
  flags: number;
}
export interface RemoteDomainSetPerfEventsArgsIn {
  dom: RemoteNonnullDomain;
  params: readonly RemoteTypedParamIn[];
  flags: number;
}
export function readRemoteDomainSetPerfEventsArgs(r: XdrReader): RemoteDomainSetPerfEventsArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    params: r.array(readRemoteTypedParam, REMOTE_DOMAIN_PERF_EVENTS_MAX),
    flags: r.uint(),
  };
}
export function writeRemoteDomainSetPerfEventsArgs(w: XdrWriter, v: RemoteDomainSetPerfEventsArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeArray(w, v.params, REMOTE_DOMAIN_PERF_EVENTS_MAX, writeRemoteTypedParam, 'remote_domain_set_perf_events_args.params');
  w.uint(v.flags);
}

/** struct remote_domain_get_perf_events_args */
export interface RemoteDomainGetPerfEventsArgs {
  dom: RemoteNonnullDomain;
  flags: number;
}
export function readRemoteDomainGetPerfEventsArgs(r: XdrReader): RemoteDomainGetPerfEventsArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainGetPerfEventsArgs(w: XdrWriter, v: RemoteDomainGetPerfEventsArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.flags);
}

/** struct remote_domain_get_perf_events_ret */
export interface RemoteDomainGetPerfEventsRet {
  params: RemoteTypedParam[];
}
export interface RemoteDomainGetPerfEventsRetIn {
  params: readonly RemoteTypedParamIn[];
}
export function readRemoteDomainGetPerfEventsRet(r: XdrReader): RemoteDomainGetPerfEventsRet {
  return {
    params: r.array(readRemoteTypedParam, REMOTE_DOMAIN_PERF_EVENTS_MAX),
  };
}
export function writeRemoteDomainGetPerfEventsRet(w: XdrWriter, v: RemoteDomainGetPerfEventsRetIn): void {
  writeArray(w, v.params, REMOTE_DOMAIN_PERF_EVENTS_MAX, writeRemoteTypedParam, 'remote_domain_get_perf_events_ret.params');
}

/** struct remote_domain_block_stats_args */
export interface RemoteDomainBlockStatsArgs {
  dom: RemoteNonnullDomain;
  path: RemoteNonnullString;
}
export function readRemoteDomainBlockStatsArgs(r: XdrReader): RemoteDomainBlockStatsArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    path: readRemoteNonnullString(r),
  };
}
export function writeRemoteDomainBlockStatsArgs(w: XdrWriter, v: RemoteDomainBlockStatsArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.path);
}

/** struct remote_domain_block_stats_ret */
export interface RemoteDomainBlockStatsRet {
  rd_req: bigint;
  rd_bytes: bigint;
  wr_req: bigint;
  wr_bytes: bigint;
  errs: bigint;
}
export interface RemoteDomainBlockStatsRetIn {
  rd_req: bigint | number;
  rd_bytes: bigint | number;
  wr_req: bigint | number;
  wr_bytes: bigint | number;
  errs: bigint | number;
}
export function readRemoteDomainBlockStatsRet(r: XdrReader): RemoteDomainBlockStatsRet {
  return {
    rd_req: r.hyper(),
    rd_bytes: r.hyper(),
    wr_req: r.hyper(),
    wr_bytes: r.hyper(),
    errs: r.hyper(),
  };
}
export function writeRemoteDomainBlockStatsRet(w: XdrWriter, v: RemoteDomainBlockStatsRetIn): void {
  w.hyper(v.rd_req);
  w.hyper(v.rd_bytes);
  w.hyper(v.wr_req);
  w.hyper(v.wr_bytes);
  w.hyper(v.errs);
}

/** struct remote_domain_block_stats_flags_args */
export interface RemoteDomainBlockStatsFlagsArgs {
  dom: RemoteNonnullDomain;
  path: RemoteNonnullString;
  nparams: number;
  flags: number;
}
export function readRemoteDomainBlockStatsFlagsArgs(r: XdrReader): RemoteDomainBlockStatsFlagsArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    path: readRemoteNonnullString(r),
    nparams: r.int(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainBlockStatsFlagsArgs(w: XdrWriter, v: RemoteDomainBlockStatsFlagsArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.path);
  w.int(v.nparams);
  w.uint(v.flags);
}

/** struct remote_domain_block_stats_flags_ret */
export interface RemoteDomainBlockStatsFlagsRet {
  params: RemoteTypedParam[];
  nparams: number;
}
export interface RemoteDomainBlockStatsFlagsRetIn {
  params: readonly RemoteTypedParamIn[];
  nparams: number;
}
export function readRemoteDomainBlockStatsFlagsRet(r: XdrReader): RemoteDomainBlockStatsFlagsRet {
  return {
    params: r.array(readRemoteTypedParam, REMOTE_DOMAIN_BLOCK_STATS_PARAMETERS_MAX),
    nparams: r.int(),
  };
}
export function writeRemoteDomainBlockStatsFlagsRet(w: XdrWriter, v: RemoteDomainBlockStatsFlagsRetIn): void {
  writeArray(w, v.params, REMOTE_DOMAIN_BLOCK_STATS_PARAMETERS_MAX, writeRemoteTypedParam, 'remote_domain_block_stats_flags_ret.params');
  w.int(v.nparams);
}

/** struct remote_domain_interface_stats_args */
export interface RemoteDomainInterfaceStatsArgs {
  dom: RemoteNonnullDomain;
  device: RemoteNonnullString;
}
export function readRemoteDomainInterfaceStatsArgs(r: XdrReader): RemoteDomainInterfaceStatsArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    device: readRemoteNonnullString(r),
  };
}
export function writeRemoteDomainInterfaceStatsArgs(w: XdrWriter, v: RemoteDomainInterfaceStatsArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.device);
}

/** struct remote_domain_interface_stats_ret */
export interface RemoteDomainInterfaceStatsRet {
  rx_bytes: bigint;
  rx_packets: bigint;
  rx_errs: bigint;
  rx_drop: bigint;
  tx_bytes: bigint;
  tx_packets: bigint;
  tx_errs: bigint;
  tx_drop: bigint;
}
export interface RemoteDomainInterfaceStatsRetIn {
  rx_bytes: bigint | number;
  rx_packets: bigint | number;
  rx_errs: bigint | number;
  rx_drop: bigint | number;
  tx_bytes: bigint | number;
  tx_packets: bigint | number;
  tx_errs: bigint | number;
  tx_drop: bigint | number;
}
export function readRemoteDomainInterfaceStatsRet(r: XdrReader): RemoteDomainInterfaceStatsRet {
  return {
    rx_bytes: r.hyper(),
    rx_packets: r.hyper(),
    rx_errs: r.hyper(),
    rx_drop: r.hyper(),
    tx_bytes: r.hyper(),
    tx_packets: r.hyper(),
    tx_errs: r.hyper(),
    tx_drop: r.hyper(),
  };
}
export function writeRemoteDomainInterfaceStatsRet(w: XdrWriter, v: RemoteDomainInterfaceStatsRetIn): void {
  w.hyper(v.rx_bytes);
  w.hyper(v.rx_packets);
  w.hyper(v.rx_errs);
  w.hyper(v.rx_drop);
  w.hyper(v.tx_bytes);
  w.hyper(v.tx_packets);
  w.hyper(v.tx_errs);
  w.hyper(v.tx_drop);
}

/** struct remote_domain_set_interface_parameters_args */
export interface RemoteDomainSetInterfaceParametersArgs {
  dom: RemoteNonnullDomain;
  device: RemoteNonnullString;
  params: RemoteTypedParam[];
  flags: number;
}
export interface RemoteDomainSetInterfaceParametersArgsIn {
  dom: RemoteNonnullDomain;
  device: RemoteNonnullString;
  params: readonly RemoteTypedParamIn[];
  flags: number;
}
export function readRemoteDomainSetInterfaceParametersArgs(r: XdrReader): RemoteDomainSetInterfaceParametersArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    device: readRemoteNonnullString(r),
    params: r.array(readRemoteTypedParam, REMOTE_DOMAIN_INTERFACE_PARAMETERS_MAX),
    flags: r.uint(),
  };
}
export function writeRemoteDomainSetInterfaceParametersArgs(w: XdrWriter, v: RemoteDomainSetInterfaceParametersArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.device);
  writeArray(w, v.params, REMOTE_DOMAIN_INTERFACE_PARAMETERS_MAX, writeRemoteTypedParam, 'remote_domain_set_interface_parameters_args.params');
  w.uint(v.flags);
}

/** struct remote_domain_get_interface_parameters_args */
export interface RemoteDomainGetInterfaceParametersArgs {
  dom: RemoteNonnullDomain;
  device: RemoteNonnullString;
  nparams: number;
  flags: number;
}
export function readRemoteDomainGetInterfaceParametersArgs(r: XdrReader): RemoteDomainGetInterfaceParametersArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    device: readRemoteNonnullString(r),
    nparams: r.int(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainGetInterfaceParametersArgs(w: XdrWriter, v: RemoteDomainGetInterfaceParametersArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.device);
  w.int(v.nparams);
  w.uint(v.flags);
}

/** struct remote_domain_get_interface_parameters_ret */
export interface RemoteDomainGetInterfaceParametersRet {
  params: RemoteTypedParam[];
  nparams: number;
}
export interface RemoteDomainGetInterfaceParametersRetIn {
  params: readonly RemoteTypedParamIn[];
  nparams: number;
}
export function readRemoteDomainGetInterfaceParametersRet(r: XdrReader): RemoteDomainGetInterfaceParametersRet {
  return {
    params: r.array(readRemoteTypedParam, REMOTE_DOMAIN_INTERFACE_PARAMETERS_MAX),
    nparams: r.int(),
  };
}
export function writeRemoteDomainGetInterfaceParametersRet(w: XdrWriter, v: RemoteDomainGetInterfaceParametersRetIn): void {
  writeArray(w, v.params, REMOTE_DOMAIN_INTERFACE_PARAMETERS_MAX, writeRemoteTypedParam, 'remote_domain_get_interface_parameters_ret.params');
  w.int(v.nparams);
}

/** struct remote_domain_memory_stats_args */
export interface RemoteDomainMemoryStatsArgs {
  dom: RemoteNonnullDomain;
  maxStats: number;
  flags: number;
}
export function readRemoteDomainMemoryStatsArgs(r: XdrReader): RemoteDomainMemoryStatsArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    maxStats: r.uint(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainMemoryStatsArgs(w: XdrWriter, v: RemoteDomainMemoryStatsArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.maxStats);
  w.uint(v.flags);
}

/** struct remote_domain_memory_stat */
export interface RemoteDomainMemoryStat {
  tag: number;
  val: bigint;
}
export interface RemoteDomainMemoryStatIn {
  tag: number;
  val: bigint | number;
}
export function readRemoteDomainMemoryStat(r: XdrReader): RemoteDomainMemoryStat {
  return {
    tag: r.int(),
    val: r.uhyper(),
  };
}
export function writeRemoteDomainMemoryStat(w: XdrWriter, v: RemoteDomainMemoryStatIn): void {
  w.int(v.tag);
  w.uhyper(v.val);
}

/** struct remote_domain_memory_stats_ret */
export interface RemoteDomainMemoryStatsRet {
  stats: RemoteDomainMemoryStat[];
}
export interface RemoteDomainMemoryStatsRetIn {
  stats: readonly RemoteDomainMemoryStatIn[];
}
export function readRemoteDomainMemoryStatsRet(r: XdrReader): RemoteDomainMemoryStatsRet {
  return {
    stats: r.array(readRemoteDomainMemoryStat, REMOTE_DOMAIN_MEMORY_STATS_MAX),
  };
}
export function writeRemoteDomainMemoryStatsRet(w: XdrWriter, v: RemoteDomainMemoryStatsRetIn): void {
  writeArray(w, v.stats, REMOTE_DOMAIN_MEMORY_STATS_MAX, writeRemoteDomainMemoryStat, 'remote_domain_memory_stats_ret.stats');
}

/** struct remote_domain_block_peek_args */
export interface RemoteDomainBlockPeekArgs {
  dom: RemoteNonnullDomain;
  path: RemoteNonnullString;
  offset: bigint;
  size: number;
  flags: number;
}
export interface RemoteDomainBlockPeekArgsIn {
  dom: RemoteNonnullDomain;
  path: RemoteNonnullString;
  offset: bigint | number;
  size: number;
  flags: number;
}
export function readRemoteDomainBlockPeekArgs(r: XdrReader): RemoteDomainBlockPeekArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    path: readRemoteNonnullString(r),
    offset: r.uhyper(),
    size: r.uint(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainBlockPeekArgs(w: XdrWriter, v: RemoteDomainBlockPeekArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.path);
  w.uhyper(v.offset);
  w.uint(v.size);
  w.uint(v.flags);
}

/** struct remote_domain_block_peek_ret */
export interface RemoteDomainBlockPeekRet {
  buffer: Buffer;
}
export interface RemoteDomainBlockPeekRetIn {
  buffer: Uint8Array;
}
export function readRemoteDomainBlockPeekRet(r: XdrReader): RemoteDomainBlockPeekRet {
  return {
    buffer: r.opaque(REMOTE_DOMAIN_BLOCK_PEEK_BUFFER_MAX),
  };
}
export function writeRemoteDomainBlockPeekRet(w: XdrWriter, v: RemoteDomainBlockPeekRetIn): void {
  writeOpaque(w, v.buffer, REMOTE_DOMAIN_BLOCK_PEEK_BUFFER_MAX, 'remote_domain_block_peek_ret.buffer');
}

/** struct remote_domain_memory_peek_args */
export interface RemoteDomainMemoryPeekArgs {
  dom: RemoteNonnullDomain;
  offset: bigint;
  size: number;
  flags: number;
}
export interface RemoteDomainMemoryPeekArgsIn {
  dom: RemoteNonnullDomain;
  offset: bigint | number;
  size: number;
  flags: number;
}
export function readRemoteDomainMemoryPeekArgs(r: XdrReader): RemoteDomainMemoryPeekArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    offset: r.uhyper(),
    size: r.uint(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainMemoryPeekArgs(w: XdrWriter, v: RemoteDomainMemoryPeekArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uhyper(v.offset);
  w.uint(v.size);
  w.uint(v.flags);
}

/** struct remote_domain_memory_peek_ret */
export interface RemoteDomainMemoryPeekRet {
  buffer: Buffer;
}
export interface RemoteDomainMemoryPeekRetIn {
  buffer: Uint8Array;
}
export function readRemoteDomainMemoryPeekRet(r: XdrReader): RemoteDomainMemoryPeekRet {
  return {
    buffer: r.opaque(REMOTE_DOMAIN_MEMORY_PEEK_BUFFER_MAX),
  };
}
export function writeRemoteDomainMemoryPeekRet(w: XdrWriter, v: RemoteDomainMemoryPeekRetIn): void {
  writeOpaque(w, v.buffer, REMOTE_DOMAIN_MEMORY_PEEK_BUFFER_MAX, 'remote_domain_memory_peek_ret.buffer');
}

/** struct remote_domain_get_block_info_args */
export interface RemoteDomainGetBlockInfoArgs {
  dom: RemoteNonnullDomain;
  path: RemoteNonnullString;
  flags: number;
}
export function readRemoteDomainGetBlockInfoArgs(r: XdrReader): RemoteDomainGetBlockInfoArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    path: readRemoteNonnullString(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainGetBlockInfoArgs(w: XdrWriter, v: RemoteDomainGetBlockInfoArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.path);
  w.uint(v.flags);
}

/** struct remote_domain_get_block_info_ret */
export interface RemoteDomainGetBlockInfoRet {
  allocation: bigint;
  capacity: bigint;
  physical: bigint;
}
export interface RemoteDomainGetBlockInfoRetIn {
  allocation: bigint | number;
  capacity: bigint | number;
  physical: bigint | number;
}
export function readRemoteDomainGetBlockInfoRet(r: XdrReader): RemoteDomainGetBlockInfoRet {
  return {
    allocation: r.uhyper(),
    capacity: r.uhyper(),
    physical: r.uhyper(),
  };
}
export function writeRemoteDomainGetBlockInfoRet(w: XdrWriter, v: RemoteDomainGetBlockInfoRetIn): void {
  w.uhyper(v.allocation);
  w.uhyper(v.capacity);
  w.uhyper(v.physical);
}

/** struct remote_connect_list_domains_args */
export interface RemoteConnectListDomainsArgs {
  maxids: number;
}
export function readRemoteConnectListDomainsArgs(r: XdrReader): RemoteConnectListDomainsArgs {
  return {
    maxids: r.int(),
  };
}
export function writeRemoteConnectListDomainsArgs(w: XdrWriter, v: RemoteConnectListDomainsArgs): void {
  w.int(v.maxids);
}

/** struct remote_connect_list_domains_ret */
export interface RemoteConnectListDomainsRet {
  ids: number[];
}
export interface RemoteConnectListDomainsRetIn {
  ids: readonly number[];
}
export function readRemoteConnectListDomainsRet(r: XdrReader): RemoteConnectListDomainsRet {
  return {
    ids: r.array((x) => x.int(), REMOTE_DOMAIN_LIST_MAX),
  };
}
export function writeRemoteConnectListDomainsRet(w: XdrWriter, v: RemoteConnectListDomainsRetIn): void {
  writeArray(w, v.ids, REMOTE_DOMAIN_LIST_MAX, (x, y) => x.int(y), 'remote_connect_list_domains_ret.ids');
}

/** struct remote_connect_num_of_domains_ret */
export interface RemoteConnectNumOfDomainsRet {
  num: number;
}
export function readRemoteConnectNumOfDomainsRet(r: XdrReader): RemoteConnectNumOfDomainsRet {
  return {
    num: r.int(),
  };
}
export function writeRemoteConnectNumOfDomainsRet(w: XdrWriter, v: RemoteConnectNumOfDomainsRet): void {
  w.int(v.num);
}

/** struct remote_domain_create_xml_args */
export interface RemoteDomainCreateXmlArgs {
  xml_desc: RemoteNonnullString;
  flags: number;
}
export function readRemoteDomainCreateXmlArgs(r: XdrReader): RemoteDomainCreateXmlArgs {
  return {
    xml_desc: readRemoteNonnullString(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainCreateXmlArgs(w: XdrWriter, v: RemoteDomainCreateXmlArgs): void {
  writeRemoteNonnullString(w, v.xml_desc);
  w.uint(v.flags);
}

/** struct remote_domain_create_xml_ret */
export interface RemoteDomainCreateXmlRet {
  dom: RemoteNonnullDomain;
}
export function readRemoteDomainCreateXmlRet(r: XdrReader): RemoteDomainCreateXmlRet {
  return {
    dom: readRemoteNonnullDomain(r),
  };
}
export function writeRemoteDomainCreateXmlRet(w: XdrWriter, v: RemoteDomainCreateXmlRet): void {
  writeRemoteNonnullDomain(w, v.dom);
}

/** struct remote_domain_create_xml_with_files_args */
export interface RemoteDomainCreateXmlWithFilesArgs {
  xml_desc: RemoteNonnullString;
  flags: number;
}
export function readRemoteDomainCreateXmlWithFilesArgs(r: XdrReader): RemoteDomainCreateXmlWithFilesArgs {
  return {
    xml_desc: readRemoteNonnullString(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainCreateXmlWithFilesArgs(w: XdrWriter, v: RemoteDomainCreateXmlWithFilesArgs): void {
  writeRemoteNonnullString(w, v.xml_desc);
  w.uint(v.flags);
}

/** struct remote_domain_create_xml_with_files_ret */
export interface RemoteDomainCreateXmlWithFilesRet {
  dom: RemoteNonnullDomain;
}
export function readRemoteDomainCreateXmlWithFilesRet(r: XdrReader): RemoteDomainCreateXmlWithFilesRet {
  return {
    dom: readRemoteNonnullDomain(r),
  };
}
export function writeRemoteDomainCreateXmlWithFilesRet(w: XdrWriter, v: RemoteDomainCreateXmlWithFilesRet): void {
  writeRemoteNonnullDomain(w, v.dom);
}

/** struct remote_domain_lookup_by_id_args */
export interface RemoteDomainLookupByIdArgs {
  id: number;
}
export function readRemoteDomainLookupByIdArgs(r: XdrReader): RemoteDomainLookupByIdArgs {
  return {
    id: r.int(),
  };
}
export function writeRemoteDomainLookupByIdArgs(w: XdrWriter, v: RemoteDomainLookupByIdArgs): void {
  w.int(v.id);
}

/** struct remote_domain_lookup_by_id_ret */
export interface RemoteDomainLookupByIdRet {
  dom: RemoteNonnullDomain;
}
export function readRemoteDomainLookupByIdRet(r: XdrReader): RemoteDomainLookupByIdRet {
  return {
    dom: readRemoteNonnullDomain(r),
  };
}
export function writeRemoteDomainLookupByIdRet(w: XdrWriter, v: RemoteDomainLookupByIdRet): void {
  writeRemoteNonnullDomain(w, v.dom);
}

/** struct remote_domain_lookup_by_uuid_args */
export interface RemoteDomainLookupByUuidArgs {
  uuid: string;
}
export function readRemoteDomainLookupByUuidArgs(r: XdrReader): RemoteDomainLookupByUuidArgs {
  return {
    uuid: readUuidText(r),
  };
}
export function writeRemoteDomainLookupByUuidArgs(w: XdrWriter, v: RemoteDomainLookupByUuidArgs): void {
  writeUuidText(w, v.uuid);
}

/** struct remote_domain_lookup_by_uuid_ret */
export interface RemoteDomainLookupByUuidRet {
  dom: RemoteNonnullDomain;
}
export function readRemoteDomainLookupByUuidRet(r: XdrReader): RemoteDomainLookupByUuidRet {
  return {
    dom: readRemoteNonnullDomain(r),
  };
}
export function writeRemoteDomainLookupByUuidRet(w: XdrWriter, v: RemoteDomainLookupByUuidRet): void {
  writeRemoteNonnullDomain(w, v.dom);
}

/** struct remote_domain_lookup_by_name_args */
export interface RemoteDomainLookupByNameArgs {
  name: RemoteNonnullString;
}
export function readRemoteDomainLookupByNameArgs(r: XdrReader): RemoteDomainLookupByNameArgs {
  return {
    name: readRemoteNonnullString(r),
  };
}
export function writeRemoteDomainLookupByNameArgs(w: XdrWriter, v: RemoteDomainLookupByNameArgs): void {
  writeRemoteNonnullString(w, v.name);
}

/** struct remote_domain_lookup_by_name_ret */
export interface RemoteDomainLookupByNameRet {
  dom: RemoteNonnullDomain;
}
export function readRemoteDomainLookupByNameRet(r: XdrReader): RemoteDomainLookupByNameRet {
  return {
    dom: readRemoteNonnullDomain(r),
  };
}
export function writeRemoteDomainLookupByNameRet(w: XdrWriter, v: RemoteDomainLookupByNameRet): void {
  writeRemoteNonnullDomain(w, v.dom);
}

/** struct remote_domain_suspend_args */
export interface RemoteDomainSuspendArgs {
  dom: RemoteNonnullDomain;
}
export function readRemoteDomainSuspendArgs(r: XdrReader): RemoteDomainSuspendArgs {
  return {
    dom: readRemoteNonnullDomain(r),
  };
}
export function writeRemoteDomainSuspendArgs(w: XdrWriter, v: RemoteDomainSuspendArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
}

/** struct remote_domain_resume_args */
export interface RemoteDomainResumeArgs {
  dom: RemoteNonnullDomain;
}
export function readRemoteDomainResumeArgs(r: XdrReader): RemoteDomainResumeArgs {
  return {
    dom: readRemoteNonnullDomain(r),
  };
}
export function writeRemoteDomainResumeArgs(w: XdrWriter, v: RemoteDomainResumeArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
}

/** struct remote_domain_pm_suspend_for_duration_args */
export interface RemoteDomainPmSuspendForDurationArgs {
  dom: RemoteNonnullDomain;
  target: number;
  duration: bigint;
  flags: number;
}
export interface RemoteDomainPmSuspendForDurationArgsIn {
  dom: RemoteNonnullDomain;
  target: number;
  duration: bigint | number;
  flags: number;
}
export function readRemoteDomainPmSuspendForDurationArgs(r: XdrReader): RemoteDomainPmSuspendForDurationArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    target: r.uint(),
    duration: r.uhyper(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainPmSuspendForDurationArgs(w: XdrWriter, v: RemoteDomainPmSuspendForDurationArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.target);
  w.uhyper(v.duration);
  w.uint(v.flags);
}

/** struct remote_domain_pm_wakeup_args */
export interface RemoteDomainPmWakeupArgs {
  dom: RemoteNonnullDomain;
  flags: number;
}
export function readRemoteDomainPmWakeupArgs(r: XdrReader): RemoteDomainPmWakeupArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainPmWakeupArgs(w: XdrWriter, v: RemoteDomainPmWakeupArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.flags);
}

/** struct remote_domain_shutdown_args */
export interface RemoteDomainShutdownArgs {
  dom: RemoteNonnullDomain;
}
export function readRemoteDomainShutdownArgs(r: XdrReader): RemoteDomainShutdownArgs {
  return {
    dom: readRemoteNonnullDomain(r),
  };
}
export function writeRemoteDomainShutdownArgs(w: XdrWriter, v: RemoteDomainShutdownArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
}

/** struct remote_domain_reboot_args */
export interface RemoteDomainRebootArgs {
  dom: RemoteNonnullDomain;
  flags: number;
}
export function readRemoteDomainRebootArgs(r: XdrReader): RemoteDomainRebootArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainRebootArgs(w: XdrWriter, v: RemoteDomainRebootArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.flags);
}

/** struct remote_domain_reset_args */
export interface RemoteDomainResetArgs {
  dom: RemoteNonnullDomain;
  flags: number;
}
export function readRemoteDomainResetArgs(r: XdrReader): RemoteDomainResetArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainResetArgs(w: XdrWriter, v: RemoteDomainResetArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.flags);
}

/** struct remote_domain_destroy_args */
export interface RemoteDomainDestroyArgs {
  dom: RemoteNonnullDomain;
}
export function readRemoteDomainDestroyArgs(r: XdrReader): RemoteDomainDestroyArgs {
  return {
    dom: readRemoteNonnullDomain(r),
  };
}
export function writeRemoteDomainDestroyArgs(w: XdrWriter, v: RemoteDomainDestroyArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
}

/** struct remote_domain_destroy_flags_args */
export interface RemoteDomainDestroyFlagsArgs {
  dom: RemoteNonnullDomain;
  flags: number;
}
export function readRemoteDomainDestroyFlagsArgs(r: XdrReader): RemoteDomainDestroyFlagsArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainDestroyFlagsArgs(w: XdrWriter, v: RemoteDomainDestroyFlagsArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.flags);
}

/** struct remote_domain_get_os_type_args */
export interface RemoteDomainGetOsTypeArgs {
  dom: RemoteNonnullDomain;
}
export function readRemoteDomainGetOsTypeArgs(r: XdrReader): RemoteDomainGetOsTypeArgs {
  return {
    dom: readRemoteNonnullDomain(r),
  };
}
export function writeRemoteDomainGetOsTypeArgs(w: XdrWriter, v: RemoteDomainGetOsTypeArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
}

/** struct remote_domain_get_os_type_ret */
export interface RemoteDomainGetOsTypeRet {
  type: RemoteNonnullString;
}
export function readRemoteDomainGetOsTypeRet(r: XdrReader): RemoteDomainGetOsTypeRet {
  return {
    type: readRemoteNonnullString(r),
  };
}
export function writeRemoteDomainGetOsTypeRet(w: XdrWriter, v: RemoteDomainGetOsTypeRet): void {
  writeRemoteNonnullString(w, v.type);
}

/** struct remote_domain_get_max_memory_args */
export interface RemoteDomainGetMaxMemoryArgs {
  dom: RemoteNonnullDomain;
}
export function readRemoteDomainGetMaxMemoryArgs(r: XdrReader): RemoteDomainGetMaxMemoryArgs {
  return {
    dom: readRemoteNonnullDomain(r),
  };
}
export function writeRemoteDomainGetMaxMemoryArgs(w: XdrWriter, v: RemoteDomainGetMaxMemoryArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
}

/** struct remote_domain_get_max_memory_ret */
export interface RemoteDomainGetMaxMemoryRet {
  memory: bigint;
}
export interface RemoteDomainGetMaxMemoryRetIn {
  memory: bigint | number;
}
export function readRemoteDomainGetMaxMemoryRet(r: XdrReader): RemoteDomainGetMaxMemoryRet {
  return {
    memory: r.uhyper(),
  };
}
export function writeRemoteDomainGetMaxMemoryRet(w: XdrWriter, v: RemoteDomainGetMaxMemoryRetIn): void {
  w.uhyper(v.memory);
}

/** struct remote_domain_set_max_memory_args */
export interface RemoteDomainSetMaxMemoryArgs {
  dom: RemoteNonnullDomain;
  memory: bigint;
}
export interface RemoteDomainSetMaxMemoryArgsIn {
  dom: RemoteNonnullDomain;
  memory: bigint | number;
}
export function readRemoteDomainSetMaxMemoryArgs(r: XdrReader): RemoteDomainSetMaxMemoryArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    memory: r.uhyper(),
  };
}
export function writeRemoteDomainSetMaxMemoryArgs(w: XdrWriter, v: RemoteDomainSetMaxMemoryArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uhyper(v.memory);
}

/** struct remote_domain_set_memory_args */
export interface RemoteDomainSetMemoryArgs {
  dom: RemoteNonnullDomain;
  memory: bigint;
}
export interface RemoteDomainSetMemoryArgsIn {
  dom: RemoteNonnullDomain;
  memory: bigint | number;
}
export function readRemoteDomainSetMemoryArgs(r: XdrReader): RemoteDomainSetMemoryArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    memory: r.uhyper(),
  };
}
export function writeRemoteDomainSetMemoryArgs(w: XdrWriter, v: RemoteDomainSetMemoryArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uhyper(v.memory);
}

/** struct remote_domain_set_memory_flags_args */
export interface RemoteDomainSetMemoryFlagsArgs {
  dom: RemoteNonnullDomain;
  memory: bigint;
  flags: number;
}
export interface RemoteDomainSetMemoryFlagsArgsIn {
  dom: RemoteNonnullDomain;
  memory: bigint | number;
  flags: number;
}
export function readRemoteDomainSetMemoryFlagsArgs(r: XdrReader): RemoteDomainSetMemoryFlagsArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    memory: r.uhyper(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainSetMemoryFlagsArgs(w: XdrWriter, v: RemoteDomainSetMemoryFlagsArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uhyper(v.memory);
  w.uint(v.flags);
}

/** struct remote_domain_set_memory_stats_period_args */
export interface RemoteDomainSetMemoryStatsPeriodArgs {
  dom: RemoteNonnullDomain;
  period: number;
  flags: number;
}
export function readRemoteDomainSetMemoryStatsPeriodArgs(r: XdrReader): RemoteDomainSetMemoryStatsPeriodArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    period: r.int(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainSetMemoryStatsPeriodArgs(w: XdrWriter, v: RemoteDomainSetMemoryStatsPeriodArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.int(v.period);
  w.uint(v.flags);
}

/** struct remote_domain_get_info_args */
export interface RemoteDomainGetInfoArgs {
  dom: RemoteNonnullDomain;
}
export function readRemoteDomainGetInfoArgs(r: XdrReader): RemoteDomainGetInfoArgs {
  return {
    dom: readRemoteNonnullDomain(r),
  };
}
export function writeRemoteDomainGetInfoArgs(w: XdrWriter, v: RemoteDomainGetInfoArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
}

/** struct remote_domain_get_info_ret */
export interface RemoteDomainGetInfoRet {
  state: number;
  maxMem: bigint;
  memory: bigint;
  nrVirtCpu: number;
  cpuTime: bigint;
}
export interface RemoteDomainGetInfoRetIn {
  state: number;
  maxMem: bigint | number;
  memory: bigint | number;
  nrVirtCpu: number;
  cpuTime: bigint | number;
}
export function readRemoteDomainGetInfoRet(r: XdrReader): RemoteDomainGetInfoRet {
  return {
    state: r.uint(),
    maxMem: r.uhyper(),
    memory: r.uhyper(),
    nrVirtCpu: r.uint(),
    cpuTime: r.uhyper(),
  };
}
export function writeRemoteDomainGetInfoRet(w: XdrWriter, v: RemoteDomainGetInfoRetIn): void {
  w.uint(v.state);
  w.uhyper(v.maxMem);
  w.uhyper(v.memory);
  w.uint(v.nrVirtCpu);
  w.uhyper(v.cpuTime);
}

/** struct remote_domain_save_args */
export interface RemoteDomainSaveArgs {
  dom: RemoteNonnullDomain;
  to: RemoteNonnullString;
}
export function readRemoteDomainSaveArgs(r: XdrReader): RemoteDomainSaveArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    to: readRemoteNonnullString(r),
  };
}
export function writeRemoteDomainSaveArgs(w: XdrWriter, v: RemoteDomainSaveArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.to);
}

/** struct remote_domain_save_flags_args */
export interface RemoteDomainSaveFlagsArgs {
  dom: RemoteNonnullDomain;
  to: RemoteNonnullString;
  dxml: RemoteString;
  flags: number;
}
export interface RemoteDomainSaveFlagsArgsIn {
  dom: RemoteNonnullDomain;
  to: RemoteNonnullString;
  dxml: RemoteStringIn;
  flags: number;
}
export function readRemoteDomainSaveFlagsArgs(r: XdrReader): RemoteDomainSaveFlagsArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    to: readRemoteNonnullString(r),
    dxml: readRemoteString(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainSaveFlagsArgs(w: XdrWriter, v: RemoteDomainSaveFlagsArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.to);
  writeRemoteString(w, v.dxml);
  w.uint(v.flags);
}

/** struct remote_domain_save_params_args */
export interface RemoteDomainSaveParamsArgs {
  dom: RemoteNonnullDomain;
  params: RemoteTypedParam[];
  flags: number;
}
export interface RemoteDomainSaveParamsArgsIn {
  dom: RemoteNonnullDomain;
  params: readonly RemoteTypedParamIn[];
  flags: number;
}
export function readRemoteDomainSaveParamsArgs(r: XdrReader): RemoteDomainSaveParamsArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    params: r.array(readRemoteTypedParam, REMOTE_DOMAIN_SAVE_PARAMS_MAX),
    flags: r.uint(),
  };
}
export function writeRemoteDomainSaveParamsArgs(w: XdrWriter, v: RemoteDomainSaveParamsArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeArray(w, v.params, REMOTE_DOMAIN_SAVE_PARAMS_MAX, writeRemoteTypedParam, 'remote_domain_save_params_args.params');
  w.uint(v.flags);
}

/** struct remote_domain_restore_args */
export interface RemoteDomainRestoreArgs {
  from: RemoteNonnullString;
}
export function readRemoteDomainRestoreArgs(r: XdrReader): RemoteDomainRestoreArgs {
  return {
    from: readRemoteNonnullString(r),
  };
}
export function writeRemoteDomainRestoreArgs(w: XdrWriter, v: RemoteDomainRestoreArgs): void {
  writeRemoteNonnullString(w, v.from);
}

/** struct remote_domain_restore_flags_args */
export interface RemoteDomainRestoreFlagsArgs {
  from: RemoteNonnullString;
  dxml: RemoteString;
  flags: number;
}
export interface RemoteDomainRestoreFlagsArgsIn {
  from: RemoteNonnullString;
  dxml: RemoteStringIn;
  flags: number;
}
export function readRemoteDomainRestoreFlagsArgs(r: XdrReader): RemoteDomainRestoreFlagsArgs {
  return {
    from: readRemoteNonnullString(r),
    dxml: readRemoteString(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainRestoreFlagsArgs(w: XdrWriter, v: RemoteDomainRestoreFlagsArgsIn): void {
  writeRemoteNonnullString(w, v.from);
  writeRemoteString(w, v.dxml);
  w.uint(v.flags);
}

/** struct remote_domain_restore_params_args */
export interface RemoteDomainRestoreParamsArgs {
  params: RemoteTypedParam[];
  flags: number;
}
export interface RemoteDomainRestoreParamsArgsIn {
  params: readonly RemoteTypedParamIn[];
  flags: number;
}
export function readRemoteDomainRestoreParamsArgs(r: XdrReader): RemoteDomainRestoreParamsArgs {
  return {
    params: r.array(readRemoteTypedParam, REMOTE_DOMAIN_SAVE_PARAMS_MAX),
    flags: r.uint(),
  };
}
export function writeRemoteDomainRestoreParamsArgs(w: XdrWriter, v: RemoteDomainRestoreParamsArgsIn): void {
  writeArray(w, v.params, REMOTE_DOMAIN_SAVE_PARAMS_MAX, writeRemoteTypedParam, 'remote_domain_restore_params_args.params');
  w.uint(v.flags);
}

/** struct remote_domain_save_image_get_xml_desc_args */
export interface RemoteDomainSaveImageGetXmlDescArgs {
  file: RemoteNonnullString;
  flags: number;
}
export function readRemoteDomainSaveImageGetXmlDescArgs(r: XdrReader): RemoteDomainSaveImageGetXmlDescArgs {
  return {
    file: readRemoteNonnullString(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainSaveImageGetXmlDescArgs(w: XdrWriter, v: RemoteDomainSaveImageGetXmlDescArgs): void {
  writeRemoteNonnullString(w, v.file);
  w.uint(v.flags);
}

/** struct remote_domain_save_image_get_xml_desc_ret */
export interface RemoteDomainSaveImageGetXmlDescRet {
  xml: RemoteNonnullString;
}
export function readRemoteDomainSaveImageGetXmlDescRet(r: XdrReader): RemoteDomainSaveImageGetXmlDescRet {
  return {
    xml: readRemoteNonnullString(r),
  };
}
export function writeRemoteDomainSaveImageGetXmlDescRet(w: XdrWriter, v: RemoteDomainSaveImageGetXmlDescRet): void {
  writeRemoteNonnullString(w, v.xml);
}

/** struct remote_domain_save_image_define_xml_args */
export interface RemoteDomainSaveImageDefineXmlArgs {
  file: RemoteNonnullString;
  dxml: RemoteNonnullString;
  flags: number;
}
export function readRemoteDomainSaveImageDefineXmlArgs(r: XdrReader): RemoteDomainSaveImageDefineXmlArgs {
  return {
    file: readRemoteNonnullString(r),
    dxml: readRemoteNonnullString(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainSaveImageDefineXmlArgs(w: XdrWriter, v: RemoteDomainSaveImageDefineXmlArgs): void {
  writeRemoteNonnullString(w, v.file);
  writeRemoteNonnullString(w, v.dxml);
  w.uint(v.flags);
}

/** struct remote_domain_core_dump_args */
export interface RemoteDomainCoreDumpArgs {
  dom: RemoteNonnullDomain;
  to: RemoteNonnullString;
  flags: number;
}
export function readRemoteDomainCoreDumpArgs(r: XdrReader): RemoteDomainCoreDumpArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    to: readRemoteNonnullString(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainCoreDumpArgs(w: XdrWriter, v: RemoteDomainCoreDumpArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.to);
  w.uint(v.flags);
}

/** struct remote_domain_core_dump_with_format_args */
export interface RemoteDomainCoreDumpWithFormatArgs {
  dom: RemoteNonnullDomain;
  to: RemoteNonnullString;
  dumpformat: number;
  flags: number;
}
export function readRemoteDomainCoreDumpWithFormatArgs(r: XdrReader): RemoteDomainCoreDumpWithFormatArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    to: readRemoteNonnullString(r),
    dumpformat: r.uint(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainCoreDumpWithFormatArgs(w: XdrWriter, v: RemoteDomainCoreDumpWithFormatArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.to);
  w.uint(v.dumpformat);
  w.uint(v.flags);
}

/** struct remote_domain_screenshot_args */
export interface RemoteDomainScreenshotArgs {
  dom: RemoteNonnullDomain;
  screen: number;
  flags: number;
}
export function readRemoteDomainScreenshotArgs(r: XdrReader): RemoteDomainScreenshotArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    screen: r.uint(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainScreenshotArgs(w: XdrWriter, v: RemoteDomainScreenshotArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.screen);
  w.uint(v.flags);
}

/** struct remote_domain_screenshot_ret */
export interface RemoteDomainScreenshotRet {
  mime: RemoteString;
}
export interface RemoteDomainScreenshotRetIn {
  mime: RemoteStringIn;
}
export function readRemoteDomainScreenshotRet(r: XdrReader): RemoteDomainScreenshotRet {
  return {
    mime: readRemoteString(r),
  };
}
export function writeRemoteDomainScreenshotRet(w: XdrWriter, v: RemoteDomainScreenshotRetIn): void {
  writeRemoteString(w, v.mime);
}

/** struct remote_domain_get_xml_desc_args */
export interface RemoteDomainGetXmlDescArgs {
  dom: RemoteNonnullDomain;
  flags: number;
}
export function readRemoteDomainGetXmlDescArgs(r: XdrReader): RemoteDomainGetXmlDescArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainGetXmlDescArgs(w: XdrWriter, v: RemoteDomainGetXmlDescArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.flags);
}

/** struct remote_domain_get_xml_desc_ret */
export interface RemoteDomainGetXmlDescRet {
  xml: RemoteNonnullString;
}
export function readRemoteDomainGetXmlDescRet(r: XdrReader): RemoteDomainGetXmlDescRet {
  return {
    xml: readRemoteNonnullString(r),
  };
}
export function writeRemoteDomainGetXmlDescRet(w: XdrWriter, v: RemoteDomainGetXmlDescRet): void {
  writeRemoteNonnullString(w, v.xml);
}

/** struct remote_domain_migrate_prepare_args */
export interface RemoteDomainMigratePrepareArgs {
  uri_in: RemoteString;
  flags: bigint;
  dname: RemoteString;
  resource: bigint;
}
export interface RemoteDomainMigratePrepareArgsIn {
  uri_in: RemoteStringIn;
  flags: bigint | number;
  dname: RemoteStringIn;
  resource: bigint | number;
}
export function readRemoteDomainMigratePrepareArgs(r: XdrReader): RemoteDomainMigratePrepareArgs {
  return {
    uri_in: readRemoteString(r),
    flags: r.uhyper(),
    dname: readRemoteString(r),
    resource: r.uhyper(),
  };
}
export function writeRemoteDomainMigratePrepareArgs(w: XdrWriter, v: RemoteDomainMigratePrepareArgsIn): void {
  writeRemoteString(w, v.uri_in);
  w.uhyper(v.flags);
  writeRemoteString(w, v.dname);
  w.uhyper(v.resource);
}

/** struct remote_domain_migrate_prepare_ret */
export interface RemoteDomainMigratePrepareRet {
  cookie: Buffer;
  uri_out: RemoteString;
}
export interface RemoteDomainMigratePrepareRetIn {
  cookie: Uint8Array;
  uri_out: RemoteStringIn;
}
export function readRemoteDomainMigratePrepareRet(r: XdrReader): RemoteDomainMigratePrepareRet {
  return {
    cookie: r.opaque(REMOTE_MIGRATE_COOKIE_MAX),
    uri_out: readRemoteString(r),
  };
}
export function writeRemoteDomainMigratePrepareRet(w: XdrWriter, v: RemoteDomainMigratePrepareRetIn): void {
  writeOpaque(w, v.cookie, REMOTE_MIGRATE_COOKIE_MAX, 'remote_domain_migrate_prepare_ret.cookie');
  writeRemoteString(w, v.uri_out);
}

/** struct remote_domain_migrate_perform_args */
export interface RemoteDomainMigratePerformArgs {
  dom: RemoteNonnullDomain;
  cookie: Buffer;
  uri: RemoteNonnullString;
  flags: bigint;
  dname: RemoteString;
  resource: bigint;
}
export interface RemoteDomainMigratePerformArgsIn {
  dom: RemoteNonnullDomain;
  cookie: Uint8Array;
  uri: RemoteNonnullString;
  flags: bigint | number;
  dname: RemoteStringIn;
  resource: bigint | number;
}
export function readRemoteDomainMigratePerformArgs(r: XdrReader): RemoteDomainMigratePerformArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    cookie: r.opaque(REMOTE_MIGRATE_COOKIE_MAX),
    uri: readRemoteNonnullString(r),
    flags: r.uhyper(),
    dname: readRemoteString(r),
    resource: r.uhyper(),
  };
}
export function writeRemoteDomainMigratePerformArgs(w: XdrWriter, v: RemoteDomainMigratePerformArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeOpaque(w, v.cookie, REMOTE_MIGRATE_COOKIE_MAX, 'remote_domain_migrate_perform_args.cookie');
  writeRemoteNonnullString(w, v.uri);
  w.uhyper(v.flags);
  writeRemoteString(w, v.dname);
  w.uhyper(v.resource);
}

/** struct remote_domain_migrate_finish_args */
export interface RemoteDomainMigrateFinishArgs {
  dname: RemoteNonnullString;
  cookie: Buffer;
  uri: RemoteNonnullString;
  flags: bigint;
}
export interface RemoteDomainMigrateFinishArgsIn {
  dname: RemoteNonnullString;
  cookie: Uint8Array;
  uri: RemoteNonnullString;
  flags: bigint | number;
}
export function readRemoteDomainMigrateFinishArgs(r: XdrReader): RemoteDomainMigrateFinishArgs {
  return {
    dname: readRemoteNonnullString(r),
    cookie: r.opaque(REMOTE_MIGRATE_COOKIE_MAX),
    uri: readRemoteNonnullString(r),
    flags: r.uhyper(),
  };
}
export function writeRemoteDomainMigrateFinishArgs(w: XdrWriter, v: RemoteDomainMigrateFinishArgsIn): void {
  writeRemoteNonnullString(w, v.dname);
  writeOpaque(w, v.cookie, REMOTE_MIGRATE_COOKIE_MAX, 'remote_domain_migrate_finish_args.cookie');
  writeRemoteNonnullString(w, v.uri);
  w.uhyper(v.flags);
}

/** struct remote_domain_migrate_finish_ret */
export interface RemoteDomainMigrateFinishRet {
  ddom: RemoteNonnullDomain;
}
export function readRemoteDomainMigrateFinishRet(r: XdrReader): RemoteDomainMigrateFinishRet {
  return {
    ddom: readRemoteNonnullDomain(r),
  };
}
export function writeRemoteDomainMigrateFinishRet(w: XdrWriter, v: RemoteDomainMigrateFinishRet): void {
  writeRemoteNonnullDomain(w, v.ddom);
}

/** struct remote_domain_migrate_prepare2_args */
export interface RemoteDomainMigratePrepare2Args {
  uri_in: RemoteString;
  flags: bigint;
  dname: RemoteString;
  resource: bigint;
  dom_xml: RemoteNonnullString;
}
export interface RemoteDomainMigratePrepare2ArgsIn {
  uri_in: RemoteStringIn;
  flags: bigint | number;
  dname: RemoteStringIn;
  resource: bigint | number;
  dom_xml: RemoteNonnullString;
}
export function readRemoteDomainMigratePrepare2Args(r: XdrReader): RemoteDomainMigratePrepare2Args {
  return {
    uri_in: readRemoteString(r),
    flags: r.uhyper(),
    dname: readRemoteString(r),
    resource: r.uhyper(),
    dom_xml: readRemoteNonnullString(r),
  };
}
export function writeRemoteDomainMigratePrepare2Args(w: XdrWriter, v: RemoteDomainMigratePrepare2ArgsIn): void {
  writeRemoteString(w, v.uri_in);
  w.uhyper(v.flags);
  writeRemoteString(w, v.dname);
  w.uhyper(v.resource);
  writeRemoteNonnullString(w, v.dom_xml);
}

/** struct remote_domain_migrate_prepare2_ret */
export interface RemoteDomainMigratePrepare2Ret {
  cookie: Buffer;
  uri_out: RemoteString;
}
export interface RemoteDomainMigratePrepare2RetIn {
  cookie: Uint8Array;
  uri_out: RemoteStringIn;
}
export function readRemoteDomainMigratePrepare2Ret(r: XdrReader): RemoteDomainMigratePrepare2Ret {
  return {
    cookie: r.opaque(REMOTE_MIGRATE_COOKIE_MAX),
    uri_out: readRemoteString(r),
  };
}
export function writeRemoteDomainMigratePrepare2Ret(w: XdrWriter, v: RemoteDomainMigratePrepare2RetIn): void {
  writeOpaque(w, v.cookie, REMOTE_MIGRATE_COOKIE_MAX, 'remote_domain_migrate_prepare2_ret.cookie');
  writeRemoteString(w, v.uri_out);
}

/** struct remote_domain_migrate_finish2_args */
export interface RemoteDomainMigrateFinish2Args {
  dname: RemoteNonnullString;
  cookie: Buffer;
  uri: RemoteNonnullString;
  flags: bigint;
  retcode: number;
}
export interface RemoteDomainMigrateFinish2ArgsIn {
  dname: RemoteNonnullString;
  cookie: Uint8Array;
  uri: RemoteNonnullString;
  flags: bigint | number;
  retcode: number;
}
export function readRemoteDomainMigrateFinish2Args(r: XdrReader): RemoteDomainMigrateFinish2Args {
  return {
    dname: readRemoteNonnullString(r),
    cookie: r.opaque(REMOTE_MIGRATE_COOKIE_MAX),
    uri: readRemoteNonnullString(r),
    flags: r.uhyper(),
    retcode: r.int(),
  };
}
export function writeRemoteDomainMigrateFinish2Args(w: XdrWriter, v: RemoteDomainMigrateFinish2ArgsIn): void {
  writeRemoteNonnullString(w, v.dname);
  writeOpaque(w, v.cookie, REMOTE_MIGRATE_COOKIE_MAX, 'remote_domain_migrate_finish2_args.cookie');
  writeRemoteNonnullString(w, v.uri);
  w.uhyper(v.flags);
  w.int(v.retcode);
}

/** struct remote_domain_migrate_finish2_ret */
export interface RemoteDomainMigrateFinish2Ret {
  ddom: RemoteNonnullDomain;
}
export function readRemoteDomainMigrateFinish2Ret(r: XdrReader): RemoteDomainMigrateFinish2Ret {
  return {
    ddom: readRemoteNonnullDomain(r),
  };
}
export function writeRemoteDomainMigrateFinish2Ret(w: XdrWriter, v: RemoteDomainMigrateFinish2Ret): void {
  writeRemoteNonnullDomain(w, v.ddom);
}

/** struct remote_connect_list_defined_domains_args */
export interface RemoteConnectListDefinedDomainsArgs {
  maxnames: number;
}
export function readRemoteConnectListDefinedDomainsArgs(r: XdrReader): RemoteConnectListDefinedDomainsArgs {
  return {
    maxnames: r.int(),
  };
}
export function writeRemoteConnectListDefinedDomainsArgs(w: XdrWriter, v: RemoteConnectListDefinedDomainsArgs): void {
  w.int(v.maxnames);
}

/** struct remote_connect_list_defined_domains_ret */
export interface RemoteConnectListDefinedDomainsRet {
  names: RemoteNonnullString[];
}
export interface RemoteConnectListDefinedDomainsRetIn {
  names: readonly RemoteNonnullString[];
}
export function readRemoteConnectListDefinedDomainsRet(r: XdrReader): RemoteConnectListDefinedDomainsRet {
  return {
    names: r.array(readRemoteNonnullString, REMOTE_DOMAIN_LIST_MAX),
  };
}
export function writeRemoteConnectListDefinedDomainsRet(w: XdrWriter, v: RemoteConnectListDefinedDomainsRetIn): void {
  writeArray(w, v.names, REMOTE_DOMAIN_LIST_MAX, writeRemoteNonnullString, 'remote_connect_list_defined_domains_ret.names');
}

/** struct remote_connect_num_of_defined_domains_ret */
export interface RemoteConnectNumOfDefinedDomainsRet {
  num: number;
}
export function readRemoteConnectNumOfDefinedDomainsRet(r: XdrReader): RemoteConnectNumOfDefinedDomainsRet {
  return {
    num: r.int(),
  };
}
export function writeRemoteConnectNumOfDefinedDomainsRet(w: XdrWriter, v: RemoteConnectNumOfDefinedDomainsRet): void {
  w.int(v.num);
}

/** struct remote_domain_create_args */
export interface RemoteDomainCreateArgs {
  dom: RemoteNonnullDomain;
}
export function readRemoteDomainCreateArgs(r: XdrReader): RemoteDomainCreateArgs {
  return {
    dom: readRemoteNonnullDomain(r),
  };
}
export function writeRemoteDomainCreateArgs(w: XdrWriter, v: RemoteDomainCreateArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
}

/** struct remote_domain_create_with_flags_args */
export interface RemoteDomainCreateWithFlagsArgs {
  dom: RemoteNonnullDomain;
  flags: number;
}
export function readRemoteDomainCreateWithFlagsArgs(r: XdrReader): RemoteDomainCreateWithFlagsArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainCreateWithFlagsArgs(w: XdrWriter, v: RemoteDomainCreateWithFlagsArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.flags);
}

/** struct remote_domain_create_with_flags_ret */
export interface RemoteDomainCreateWithFlagsRet {
  dom: RemoteNonnullDomain;
}
export function readRemoteDomainCreateWithFlagsRet(r: XdrReader): RemoteDomainCreateWithFlagsRet {
  return {
    dom: readRemoteNonnullDomain(r),
  };
}
export function writeRemoteDomainCreateWithFlagsRet(w: XdrWriter, v: RemoteDomainCreateWithFlagsRet): void {
  writeRemoteNonnullDomain(w, v.dom);
}

/** struct remote_domain_create_with_files_args */
export interface RemoteDomainCreateWithFilesArgs {
  dom: RemoteNonnullDomain;
  flags: number;
}
export function readRemoteDomainCreateWithFilesArgs(r: XdrReader): RemoteDomainCreateWithFilesArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainCreateWithFilesArgs(w: XdrWriter, v: RemoteDomainCreateWithFilesArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.flags);
}

/** struct remote_domain_create_with_files_ret */
export interface RemoteDomainCreateWithFilesRet {
  dom: RemoteNonnullDomain;
}
export function readRemoteDomainCreateWithFilesRet(r: XdrReader): RemoteDomainCreateWithFilesRet {
  return {
    dom: readRemoteNonnullDomain(r),
  };
}
export function writeRemoteDomainCreateWithFilesRet(w: XdrWriter, v: RemoteDomainCreateWithFilesRet): void {
  writeRemoteNonnullDomain(w, v.dom);
}

/** struct remote_domain_define_xml_args */
export interface RemoteDomainDefineXmlArgs {
  xml: RemoteNonnullString;
}
export function readRemoteDomainDefineXmlArgs(r: XdrReader): RemoteDomainDefineXmlArgs {
  return {
    xml: readRemoteNonnullString(r),
  };
}
export function writeRemoteDomainDefineXmlArgs(w: XdrWriter, v: RemoteDomainDefineXmlArgs): void {
  writeRemoteNonnullString(w, v.xml);
}

/** struct remote_domain_define_xml_ret */
export interface RemoteDomainDefineXmlRet {
  dom: RemoteNonnullDomain;
}
export function readRemoteDomainDefineXmlRet(r: XdrReader): RemoteDomainDefineXmlRet {
  return {
    dom: readRemoteNonnullDomain(r),
  };
}
export function writeRemoteDomainDefineXmlRet(w: XdrWriter, v: RemoteDomainDefineXmlRet): void {
  writeRemoteNonnullDomain(w, v.dom);
}

/** struct remote_domain_define_xml_flags_args */
export interface RemoteDomainDefineXmlFlagsArgs {
  xml: RemoteNonnullString;
  flags: number;
}
export function readRemoteDomainDefineXmlFlagsArgs(r: XdrReader): RemoteDomainDefineXmlFlagsArgs {
  return {
    xml: readRemoteNonnullString(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainDefineXmlFlagsArgs(w: XdrWriter, v: RemoteDomainDefineXmlFlagsArgs): void {
  writeRemoteNonnullString(w, v.xml);
  w.uint(v.flags);
}

/** struct remote_domain_define_xml_flags_ret */
export interface RemoteDomainDefineXmlFlagsRet {
  dom: RemoteNonnullDomain;
}
export function readRemoteDomainDefineXmlFlagsRet(r: XdrReader): RemoteDomainDefineXmlFlagsRet {
  return {
    dom: readRemoteNonnullDomain(r),
  };
}
export function writeRemoteDomainDefineXmlFlagsRet(w: XdrWriter, v: RemoteDomainDefineXmlFlagsRet): void {
  writeRemoteNonnullDomain(w, v.dom);
}

/** struct remote_domain_undefine_args */
export interface RemoteDomainUndefineArgs {
  dom: RemoteNonnullDomain;
}
export function readRemoteDomainUndefineArgs(r: XdrReader): RemoteDomainUndefineArgs {
  return {
    dom: readRemoteNonnullDomain(r),
  };
}
export function writeRemoteDomainUndefineArgs(w: XdrWriter, v: RemoteDomainUndefineArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
}

/** struct remote_domain_undefine_flags_args */
export interface RemoteDomainUndefineFlagsArgs {
  dom: RemoteNonnullDomain;
  flags: number;
}
export function readRemoteDomainUndefineFlagsArgs(r: XdrReader): RemoteDomainUndefineFlagsArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainUndefineFlagsArgs(w: XdrWriter, v: RemoteDomainUndefineFlagsArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.flags);
}

/** struct remote_domain_inject_nmi_args */
export interface RemoteDomainInjectNmiArgs {
  dom: RemoteNonnullDomain;
  flags: number;
}
export function readRemoteDomainInjectNmiArgs(r: XdrReader): RemoteDomainInjectNmiArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainInjectNmiArgs(w: XdrWriter, v: RemoteDomainInjectNmiArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.flags);
}

/** struct remote_domain_send_key_args */
export interface RemoteDomainSendKeyArgs {
  dom: RemoteNonnullDomain;
  codeset: number;
  holdtime: number;
  keycodes: number[];
  flags: number;
}
export interface RemoteDomainSendKeyArgsIn {
  dom: RemoteNonnullDomain;
  codeset: number;
  holdtime: number;
  keycodes: readonly number[];
  flags: number;
}
export function readRemoteDomainSendKeyArgs(r: XdrReader): RemoteDomainSendKeyArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    codeset: r.uint(),
    holdtime: r.uint(),
    keycodes: r.array((x) => x.uint(), REMOTE_DOMAIN_SEND_KEY_MAX),
    flags: r.uint(),
  };
}
export function writeRemoteDomainSendKeyArgs(w: XdrWriter, v: RemoteDomainSendKeyArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.codeset);
  w.uint(v.holdtime);
  writeArray(w, v.keycodes, REMOTE_DOMAIN_SEND_KEY_MAX, (x, y) => x.uint(y), 'remote_domain_send_key_args.keycodes');
  w.uint(v.flags);
}

/** struct remote_domain_send_process_signal_args */
export interface RemoteDomainSendProcessSignalArgs {
  dom: RemoteNonnullDomain;
  pid_value: bigint;
  signum: number;
  flags: number;
}
export interface RemoteDomainSendProcessSignalArgsIn {
  dom: RemoteNonnullDomain;
  pid_value: bigint | number;
  signum: number;
  flags: number;
}
export function readRemoteDomainSendProcessSignalArgs(r: XdrReader): RemoteDomainSendProcessSignalArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    pid_value: r.hyper(),
    signum: r.uint(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainSendProcessSignalArgs(w: XdrWriter, v: RemoteDomainSendProcessSignalArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.hyper(v.pid_value);
  w.uint(v.signum);
  w.uint(v.flags);
}

/** struct remote_domain_set_vcpus_args */
export interface RemoteDomainSetVcpusArgs {
  dom: RemoteNonnullDomain;
  nvcpus: number;
}
export function readRemoteDomainSetVcpusArgs(r: XdrReader): RemoteDomainSetVcpusArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    nvcpus: r.uint(),
  };
}
export function writeRemoteDomainSetVcpusArgs(w: XdrWriter, v: RemoteDomainSetVcpusArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.nvcpus);
}

/** struct remote_domain_set_vcpus_flags_args */
export interface RemoteDomainSetVcpusFlagsArgs {
  dom: RemoteNonnullDomain;
  nvcpus: number;
  flags: number;
}
export function readRemoteDomainSetVcpusFlagsArgs(r: XdrReader): RemoteDomainSetVcpusFlagsArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    nvcpus: r.uint(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainSetVcpusFlagsArgs(w: XdrWriter, v: RemoteDomainSetVcpusFlagsArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.nvcpus);
  w.uint(v.flags);
}

/** struct remote_domain_get_vcpus_flags_args */
export interface RemoteDomainGetVcpusFlagsArgs {
  dom: RemoteNonnullDomain;
  flags: number;
}
export function readRemoteDomainGetVcpusFlagsArgs(r: XdrReader): RemoteDomainGetVcpusFlagsArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainGetVcpusFlagsArgs(w: XdrWriter, v: RemoteDomainGetVcpusFlagsArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.flags);
}

/** struct remote_domain_get_vcpus_flags_ret */
export interface RemoteDomainGetVcpusFlagsRet {
  num: number;
}
export function readRemoteDomainGetVcpusFlagsRet(r: XdrReader): RemoteDomainGetVcpusFlagsRet {
  return {
    num: r.int(),
  };
}
export function writeRemoteDomainGetVcpusFlagsRet(w: XdrWriter, v: RemoteDomainGetVcpusFlagsRet): void {
  w.int(v.num);
}

/** struct remote_domain_pin_vcpu_args */
export interface RemoteDomainPinVcpuArgs {
  dom: RemoteNonnullDomain;
  vcpu: number;
  cpumap: Buffer;
}
export interface RemoteDomainPinVcpuArgsIn {
  dom: RemoteNonnullDomain;
  vcpu: number;
  cpumap: Uint8Array;
}
export function readRemoteDomainPinVcpuArgs(r: XdrReader): RemoteDomainPinVcpuArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    vcpu: r.uint(),
    cpumap: r.opaque(REMOTE_CPUMAP_MAX),
  };
}
export function writeRemoteDomainPinVcpuArgs(w: XdrWriter, v: RemoteDomainPinVcpuArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.vcpu);
  writeOpaque(w, v.cpumap, REMOTE_CPUMAP_MAX, 'remote_domain_pin_vcpu_args.cpumap');
}

/** struct remote_domain_pin_vcpu_flags_args */
export interface RemoteDomainPinVcpuFlagsArgs {
  dom: RemoteNonnullDomain;
  vcpu: number;
  cpumap: Buffer;
  flags: number;
}
export interface RemoteDomainPinVcpuFlagsArgsIn {
  dom: RemoteNonnullDomain;
  vcpu: number;
  cpumap: Uint8Array;
  flags: number;
}
export function readRemoteDomainPinVcpuFlagsArgs(r: XdrReader): RemoteDomainPinVcpuFlagsArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    vcpu: r.uint(),
    cpumap: r.opaque(REMOTE_CPUMAP_MAX),
    flags: r.uint(),
  };
}
export function writeRemoteDomainPinVcpuFlagsArgs(w: XdrWriter, v: RemoteDomainPinVcpuFlagsArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.vcpu);
  writeOpaque(w, v.cpumap, REMOTE_CPUMAP_MAX, 'remote_domain_pin_vcpu_flags_args.cpumap');
  w.uint(v.flags);
}

/** struct remote_domain_get_vcpu_pin_info_args */
export interface RemoteDomainGetVcpuPinInfoArgs {
  dom: RemoteNonnullDomain;
  ncpumaps: number;
  maplen: number;
  flags: number;
}
export function readRemoteDomainGetVcpuPinInfoArgs(r: XdrReader): RemoteDomainGetVcpuPinInfoArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    ncpumaps: r.int(),
    maplen: r.int(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainGetVcpuPinInfoArgs(w: XdrWriter, v: RemoteDomainGetVcpuPinInfoArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.int(v.ncpumaps);
  w.int(v.maplen);
  w.uint(v.flags);
}

/** struct remote_domain_get_vcpu_pin_info_ret */
export interface RemoteDomainGetVcpuPinInfoRet {
  cpumaps: Buffer;
  num: number;
}
export interface RemoteDomainGetVcpuPinInfoRetIn {
  cpumaps: Uint8Array;
  num: number;
}
export function readRemoteDomainGetVcpuPinInfoRet(r: XdrReader): RemoteDomainGetVcpuPinInfoRet {
  return {
    cpumaps: r.opaque(REMOTE_CPUMAPS_MAX),
    num: r.int(),
  };
}
export function writeRemoteDomainGetVcpuPinInfoRet(w: XdrWriter, v: RemoteDomainGetVcpuPinInfoRetIn): void {
  writeOpaque(w, v.cpumaps, REMOTE_CPUMAPS_MAX, 'remote_domain_get_vcpu_pin_info_ret.cpumaps');
  w.int(v.num);
}

/** struct remote_domain_pin_emulator_args */
export interface RemoteDomainPinEmulatorArgs {
  dom: RemoteNonnullDomain;
  cpumap: Buffer;
  flags: number;
}
export interface RemoteDomainPinEmulatorArgsIn {
  dom: RemoteNonnullDomain;
  cpumap: Uint8Array;
  flags: number;
}
export function readRemoteDomainPinEmulatorArgs(r: XdrReader): RemoteDomainPinEmulatorArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    cpumap: r.opaque(REMOTE_CPUMAP_MAX),
    flags: r.uint(),
  };
}
export function writeRemoteDomainPinEmulatorArgs(w: XdrWriter, v: RemoteDomainPinEmulatorArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeOpaque(w, v.cpumap, REMOTE_CPUMAP_MAX, 'remote_domain_pin_emulator_args.cpumap');
  w.uint(v.flags);
}

/** struct remote_domain_get_emulator_pin_info_args */
export interface RemoteDomainGetEmulatorPinInfoArgs {
  dom: RemoteNonnullDomain;
  maplen: number;
  flags: number;
}
export function readRemoteDomainGetEmulatorPinInfoArgs(r: XdrReader): RemoteDomainGetEmulatorPinInfoArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    maplen: r.int(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainGetEmulatorPinInfoArgs(w: XdrWriter, v: RemoteDomainGetEmulatorPinInfoArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.int(v.maplen);
  w.uint(v.flags);
}

/** struct remote_domain_get_emulator_pin_info_ret */
export interface RemoteDomainGetEmulatorPinInfoRet {
  cpumaps: Buffer;
  ret: number;
}
export interface RemoteDomainGetEmulatorPinInfoRetIn {
  cpumaps: Uint8Array;
  ret: number;
}
export function readRemoteDomainGetEmulatorPinInfoRet(r: XdrReader): RemoteDomainGetEmulatorPinInfoRet {
  return {
    cpumaps: r.opaque(REMOTE_CPUMAPS_MAX),
    ret: r.int(),
  };
}
export function writeRemoteDomainGetEmulatorPinInfoRet(w: XdrWriter, v: RemoteDomainGetEmulatorPinInfoRetIn): void {
  writeOpaque(w, v.cpumaps, REMOTE_CPUMAPS_MAX, 'remote_domain_get_emulator_pin_info_ret.cpumaps');
  w.int(v.ret);
}

/** struct remote_domain_get_vcpus_args */
export interface RemoteDomainGetVcpusArgs {
  dom: RemoteNonnullDomain;
  maxinfo: number;
  maplen: number;
}
export function readRemoteDomainGetVcpusArgs(r: XdrReader): RemoteDomainGetVcpusArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    maxinfo: r.int(),
    maplen: r.int(),
  };
}
export function writeRemoteDomainGetVcpusArgs(w: XdrWriter, v: RemoteDomainGetVcpusArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.int(v.maxinfo);
  w.int(v.maplen);
}

/** struct remote_domain_get_vcpus_ret */
export interface RemoteDomainGetVcpusRet {
  info: RemoteVcpuInfo[];
  cpumaps: Buffer;
}
export interface RemoteDomainGetVcpusRetIn {
  info: readonly RemoteVcpuInfoIn[];
  cpumaps: Uint8Array;
}
export function readRemoteDomainGetVcpusRet(r: XdrReader): RemoteDomainGetVcpusRet {
  return {
    info: r.array(readRemoteVcpuInfo, REMOTE_VCPUINFO_MAX),
    cpumaps: r.opaque(REMOTE_CPUMAPS_MAX),
  };
}
export function writeRemoteDomainGetVcpusRet(w: XdrWriter, v: RemoteDomainGetVcpusRetIn): void {
  writeArray(w, v.info, REMOTE_VCPUINFO_MAX, writeRemoteVcpuInfo, 'remote_domain_get_vcpus_ret.info');
  writeOpaque(w, v.cpumaps, REMOTE_CPUMAPS_MAX, 'remote_domain_get_vcpus_ret.cpumaps');
}

/** struct remote_domain_get_max_vcpus_args */
export interface RemoteDomainGetMaxVcpusArgs {
  dom: RemoteNonnullDomain;
}
export function readRemoteDomainGetMaxVcpusArgs(r: XdrReader): RemoteDomainGetMaxVcpusArgs {
  return {
    dom: readRemoteNonnullDomain(r),
  };
}
export function writeRemoteDomainGetMaxVcpusArgs(w: XdrWriter, v: RemoteDomainGetMaxVcpusArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
}

/** struct remote_domain_get_max_vcpus_ret */
export interface RemoteDomainGetMaxVcpusRet {
  num: number;
}
export function readRemoteDomainGetMaxVcpusRet(r: XdrReader): RemoteDomainGetMaxVcpusRet {
  return {
    num: r.int(),
  };
}
export function writeRemoteDomainGetMaxVcpusRet(w: XdrWriter, v: RemoteDomainGetMaxVcpusRet): void {
  w.int(v.num);
}

/** struct remote_domain_iothread_info */
export interface RemoteDomainIothreadInfo {
  iothread_id: number;
  cpumap: Buffer;
}
export interface RemoteDomainIothreadInfoIn {
  iothread_id: number;
  cpumap: Uint8Array;
}
export function readRemoteDomainIothreadInfo(r: XdrReader): RemoteDomainIothreadInfo {
  return {
    iothread_id: r.uint(),
    cpumap: r.opaque(REMOTE_CPUMAP_MAX),
  };
}
export function writeRemoteDomainIothreadInfo(w: XdrWriter, v: RemoteDomainIothreadInfoIn): void {
  w.uint(v.iothread_id);
  writeOpaque(w, v.cpumap, REMOTE_CPUMAP_MAX, 'remote_domain_iothread_info.cpumap');
}

/** struct remote_domain_get_iothread_info_args */
export interface RemoteDomainGetIothreadInfoArgs {
  dom: RemoteNonnullDomain;
  flags: number;
}
export function readRemoteDomainGetIothreadInfoArgs(r: XdrReader): RemoteDomainGetIothreadInfoArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainGetIothreadInfoArgs(w: XdrWriter, v: RemoteDomainGetIothreadInfoArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.flags);
}

/** struct remote_domain_get_iothread_info_ret */
export interface RemoteDomainGetIothreadInfoRet {
  info: RemoteDomainIothreadInfo[];
  ret: number;
}
export interface RemoteDomainGetIothreadInfoRetIn {
  info: readonly RemoteDomainIothreadInfoIn[];
  ret: number;
}
export function readRemoteDomainGetIothreadInfoRet(r: XdrReader): RemoteDomainGetIothreadInfoRet {
  return {
    info: r.array(readRemoteDomainIothreadInfo, REMOTE_IOTHREAD_INFO_MAX),
    ret: r.uint(),
  };
}
export function writeRemoteDomainGetIothreadInfoRet(w: XdrWriter, v: RemoteDomainGetIothreadInfoRetIn): void {
  writeArray(w, v.info, REMOTE_IOTHREAD_INFO_MAX, writeRemoteDomainIothreadInfo, 'remote_domain_get_iothread_info_ret.info');
  w.uint(v.ret);
}

/** struct remote_domain_pin_iothread_args */
export interface RemoteDomainPinIothreadArgs {
  dom: RemoteNonnullDomain;
  iothreads_id: number;
  cpumap: Buffer;
  flags: number;
}
export interface RemoteDomainPinIothreadArgsIn {
  dom: RemoteNonnullDomain;
  iothreads_id: number;
  cpumap: Uint8Array;
  flags: number;
}
export function readRemoteDomainPinIothreadArgs(r: XdrReader): RemoteDomainPinIothreadArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    iothreads_id: r.uint(),
    cpumap: r.opaque(REMOTE_CPUMAP_MAX),
    flags: r.uint(),
  };
}
export function writeRemoteDomainPinIothreadArgs(w: XdrWriter, v: RemoteDomainPinIothreadArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.iothreads_id);
  writeOpaque(w, v.cpumap, REMOTE_CPUMAP_MAX, 'remote_domain_pin_iothread_args.cpumap');
  w.uint(v.flags);
}

/** struct remote_domain_add_iothread_args */
export interface RemoteDomainAddIothreadArgs {
  dom: RemoteNonnullDomain;
  iothread_id: number;
  flags: number;
}
export function readRemoteDomainAddIothreadArgs(r: XdrReader): RemoteDomainAddIothreadArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    iothread_id: r.uint(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainAddIothreadArgs(w: XdrWriter, v: RemoteDomainAddIothreadArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.iothread_id);
  w.uint(v.flags);
}

/** struct remote_domain_del_iothread_args */
export interface RemoteDomainDelIothreadArgs {
  dom: RemoteNonnullDomain;
  iothread_id: number;
  flags: number;
}
export function readRemoteDomainDelIothreadArgs(r: XdrReader): RemoteDomainDelIothreadArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    iothread_id: r.uint(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainDelIothreadArgs(w: XdrWriter, v: RemoteDomainDelIothreadArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.iothread_id);
  w.uint(v.flags);
}

/** struct remote_domain_set_iothread_params_args */
export interface RemoteDomainSetIothreadParamsArgs {
  dom: RemoteNonnullDomain;
  iothread_id: number;
  params: RemoteTypedParam[];
  flags: number;
}
export interface RemoteDomainSetIothreadParamsArgsIn {
  dom: RemoteNonnullDomain;
  iothread_id: number;
  params: readonly RemoteTypedParamIn[];
  flags: number;
}
export function readRemoteDomainSetIothreadParamsArgs(r: XdrReader): RemoteDomainSetIothreadParamsArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    iothread_id: r.uint(),
    params: r.array(readRemoteTypedParam, REMOTE_DOMAIN_IOTHREAD_PARAMS_MAX),
    flags: r.uint(),
  };
}
export function writeRemoteDomainSetIothreadParamsArgs(w: XdrWriter, v: RemoteDomainSetIothreadParamsArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.iothread_id);
  writeArray(w, v.params, REMOTE_DOMAIN_IOTHREAD_PARAMS_MAX, writeRemoteTypedParam, 'remote_domain_set_iothread_params_args.params');
  w.uint(v.flags);
}

/** struct remote_domain_get_security_label_args */
export interface RemoteDomainGetSecurityLabelArgs {
  dom: RemoteNonnullDomain;
}
export function readRemoteDomainGetSecurityLabelArgs(r: XdrReader): RemoteDomainGetSecurityLabelArgs {
  return {
    dom: readRemoteNonnullDomain(r),
  };
}
export function writeRemoteDomainGetSecurityLabelArgs(w: XdrWriter, v: RemoteDomainGetSecurityLabelArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
}

/** struct remote_domain_get_security_label_ret */
export interface RemoteDomainGetSecurityLabelRet {
  label: number[];
  enforcing: number;
}
export interface RemoteDomainGetSecurityLabelRetIn {
  label: readonly number[];
  enforcing: number;
}
export function readRemoteDomainGetSecurityLabelRet(r: XdrReader): RemoteDomainGetSecurityLabelRet {
  return {
    label: r.array((x) => x.int(), REMOTE_SECURITY_LABEL_MAX),
    enforcing: r.int(),
  };
}
export function writeRemoteDomainGetSecurityLabelRet(w: XdrWriter, v: RemoteDomainGetSecurityLabelRetIn): void {
  writeArray(w, v.label, REMOTE_SECURITY_LABEL_MAX, (x, y) => x.int(y), 'remote_domain_get_security_label_ret.label');
  w.int(v.enforcing);
}

/** struct remote_domain_get_security_label_list_args */
export interface RemoteDomainGetSecurityLabelListArgs {
  dom: RemoteNonnullDomain;
}
export function readRemoteDomainGetSecurityLabelListArgs(r: XdrReader): RemoteDomainGetSecurityLabelListArgs {
  return {
    dom: readRemoteNonnullDomain(r),
  };
}
export function writeRemoteDomainGetSecurityLabelListArgs(w: XdrWriter, v: RemoteDomainGetSecurityLabelListArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
}

/** struct remote_domain_get_security_label_list_ret */
export interface RemoteDomainGetSecurityLabelListRet {
  labels: RemoteDomainGetSecurityLabelRet[];
  ret: number;
}
export interface RemoteDomainGetSecurityLabelListRetIn {
  labels: readonly RemoteDomainGetSecurityLabelRetIn[];
  ret: number;
}
export function readRemoteDomainGetSecurityLabelListRet(r: XdrReader): RemoteDomainGetSecurityLabelListRet {
  return {
    labels: r.array(readRemoteDomainGetSecurityLabelRet, REMOTE_SECURITY_LABEL_LIST_MAX),
    ret: r.int(),
  };
}
export function writeRemoteDomainGetSecurityLabelListRet(w: XdrWriter, v: RemoteDomainGetSecurityLabelListRetIn): void {
  writeArray(w, v.labels, REMOTE_SECURITY_LABEL_LIST_MAX, writeRemoteDomainGetSecurityLabelRet, 'remote_domain_get_security_label_list_ret.labels');
  w.int(v.ret);
}

/** struct remote_node_get_security_model_ret */
export interface RemoteNodeGetSecurityModelRet {
  model: number[];
  doi: number[];
}
export interface RemoteNodeGetSecurityModelRetIn {
  model: readonly number[];
  doi: readonly number[];
}
export function readRemoteNodeGetSecurityModelRet(r: XdrReader): RemoteNodeGetSecurityModelRet {
  return {
    model: r.array((x) => x.int(), REMOTE_SECURITY_MODEL_MAX),
    doi: r.array((x) => x.int(), REMOTE_SECURITY_DOI_MAX),
  };
}
export function writeRemoteNodeGetSecurityModelRet(w: XdrWriter, v: RemoteNodeGetSecurityModelRetIn): void {
  writeArray(w, v.model, REMOTE_SECURITY_MODEL_MAX, (x, y) => x.int(y), 'remote_node_get_security_model_ret.model');
  writeArray(w, v.doi, REMOTE_SECURITY_DOI_MAX, (x, y) => x.int(y), 'remote_node_get_security_model_ret.doi');
}

/** struct remote_domain_attach_device_args */
export interface RemoteDomainAttachDeviceArgs {
  dom: RemoteNonnullDomain;
  xml: RemoteNonnullString;
}
export function readRemoteDomainAttachDeviceArgs(r: XdrReader): RemoteDomainAttachDeviceArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    xml: readRemoteNonnullString(r),
  };
}
export function writeRemoteDomainAttachDeviceArgs(w: XdrWriter, v: RemoteDomainAttachDeviceArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.xml);
}

/** struct remote_domain_attach_device_flags_args */
export interface RemoteDomainAttachDeviceFlagsArgs {
  dom: RemoteNonnullDomain;
  xml: RemoteNonnullString;
  flags: number;
}
export function readRemoteDomainAttachDeviceFlagsArgs(r: XdrReader): RemoteDomainAttachDeviceFlagsArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    xml: readRemoteNonnullString(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainAttachDeviceFlagsArgs(w: XdrWriter, v: RemoteDomainAttachDeviceFlagsArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.xml);
  w.uint(v.flags);
}

/** struct remote_domain_detach_device_args */
export interface RemoteDomainDetachDeviceArgs {
  dom: RemoteNonnullDomain;
  xml: RemoteNonnullString;
}
export function readRemoteDomainDetachDeviceArgs(r: XdrReader): RemoteDomainDetachDeviceArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    xml: readRemoteNonnullString(r),
  };
}
export function writeRemoteDomainDetachDeviceArgs(w: XdrWriter, v: RemoteDomainDetachDeviceArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.xml);
}

/** struct remote_domain_detach_device_flags_args */
export interface RemoteDomainDetachDeviceFlagsArgs {
  dom: RemoteNonnullDomain;
  xml: RemoteNonnullString;
  flags: number;
}
export function readRemoteDomainDetachDeviceFlagsArgs(r: XdrReader): RemoteDomainDetachDeviceFlagsArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    xml: readRemoteNonnullString(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainDetachDeviceFlagsArgs(w: XdrWriter, v: RemoteDomainDetachDeviceFlagsArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.xml);
  w.uint(v.flags);
}

/** struct remote_domain_update_device_flags_args */
export interface RemoteDomainUpdateDeviceFlagsArgs {
  dom: RemoteNonnullDomain;
  xml: RemoteNonnullString;
  flags: number;
}
export function readRemoteDomainUpdateDeviceFlagsArgs(r: XdrReader): RemoteDomainUpdateDeviceFlagsArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    xml: readRemoteNonnullString(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainUpdateDeviceFlagsArgs(w: XdrWriter, v: RemoteDomainUpdateDeviceFlagsArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.xml);
  w.uint(v.flags);
}

/** struct remote_domain_detach_device_alias_args */
export interface RemoteDomainDetachDeviceAliasArgs {
  dom: RemoteNonnullDomain;
  alias: RemoteNonnullString;
  flags: number;
}
export function readRemoteDomainDetachDeviceAliasArgs(r: XdrReader): RemoteDomainDetachDeviceAliasArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    alias: readRemoteNonnullString(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainDetachDeviceAliasArgs(w: XdrWriter, v: RemoteDomainDetachDeviceAliasArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.alias);
  w.uint(v.flags);
}

/** struct remote_domain_get_autostart_args */
export interface RemoteDomainGetAutostartArgs {
  dom: RemoteNonnullDomain;
}
export function readRemoteDomainGetAutostartArgs(r: XdrReader): RemoteDomainGetAutostartArgs {
  return {
    dom: readRemoteNonnullDomain(r),
  };
}
export function writeRemoteDomainGetAutostartArgs(w: XdrWriter, v: RemoteDomainGetAutostartArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
}

/** struct remote_domain_get_autostart_ret */
export interface RemoteDomainGetAutostartRet {
  autostart: number;
}
export function readRemoteDomainGetAutostartRet(r: XdrReader): RemoteDomainGetAutostartRet {
  return {
    autostart: r.int(),
  };
}
export function writeRemoteDomainGetAutostartRet(w: XdrWriter, v: RemoteDomainGetAutostartRet): void {
  w.int(v.autostart);
}

/** struct remote_domain_set_autostart_args */
export interface RemoteDomainSetAutostartArgs {
  dom: RemoteNonnullDomain;
  autostart: number;
}
export function readRemoteDomainSetAutostartArgs(r: XdrReader): RemoteDomainSetAutostartArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    autostart: r.int(),
  };
}
export function writeRemoteDomainSetAutostartArgs(w: XdrWriter, v: RemoteDomainSetAutostartArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.int(v.autostart);
}

/** struct remote_domain_set_metadata_args */
export interface RemoteDomainSetMetadataArgs {
  dom: RemoteNonnullDomain;
  type: number;
  metadata: RemoteString;
  key: RemoteString;
  uri: RemoteString;
  flags: number;
}
export interface RemoteDomainSetMetadataArgsIn {
  dom: RemoteNonnullDomain;
  type: number;
  metadata: RemoteStringIn;
  key: RemoteStringIn;
  uri: RemoteStringIn;
  flags: number;
}
export function readRemoteDomainSetMetadataArgs(r: XdrReader): RemoteDomainSetMetadataArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    type: r.int(),
    metadata: readRemoteString(r),
    key: readRemoteString(r),
    uri: readRemoteString(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainSetMetadataArgs(w: XdrWriter, v: RemoteDomainSetMetadataArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.int(v.type);
  writeRemoteString(w, v.metadata);
  writeRemoteString(w, v.key);
  writeRemoteString(w, v.uri);
  w.uint(v.flags);
}

/** struct remote_domain_get_metadata_args */
export interface RemoteDomainGetMetadataArgs {
  dom: RemoteNonnullDomain;
  type: number;
  uri: RemoteString;
  flags: number;
}
export interface RemoteDomainGetMetadataArgsIn {
  dom: RemoteNonnullDomain;
  type: number;
  uri: RemoteStringIn;
  flags: number;
}
export function readRemoteDomainGetMetadataArgs(r: XdrReader): RemoteDomainGetMetadataArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    type: r.int(),
    uri: readRemoteString(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainGetMetadataArgs(w: XdrWriter, v: RemoteDomainGetMetadataArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.int(v.type);
  writeRemoteString(w, v.uri);
  w.uint(v.flags);
}

/** struct remote_domain_get_metadata_ret */
export interface RemoteDomainGetMetadataRet {
  metadata: RemoteNonnullString;
}
export function readRemoteDomainGetMetadataRet(r: XdrReader): RemoteDomainGetMetadataRet {
  return {
    metadata: readRemoteNonnullString(r),
  };
}
export function writeRemoteDomainGetMetadataRet(w: XdrWriter, v: RemoteDomainGetMetadataRet): void {
  writeRemoteNonnullString(w, v.metadata);
}

/** struct remote_domain_block_job_abort_args */
export interface RemoteDomainBlockJobAbortArgs {
  dom: RemoteNonnullDomain;
  path: RemoteNonnullString;
  flags: number;
}
export function readRemoteDomainBlockJobAbortArgs(r: XdrReader): RemoteDomainBlockJobAbortArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    path: readRemoteNonnullString(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainBlockJobAbortArgs(w: XdrWriter, v: RemoteDomainBlockJobAbortArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.path);
  w.uint(v.flags);
}

/** struct remote_domain_get_block_job_info_args */
export interface RemoteDomainGetBlockJobInfoArgs {
  dom: RemoteNonnullDomain;
  path: RemoteNonnullString;
  flags: number;
}
export function readRemoteDomainGetBlockJobInfoArgs(r: XdrReader): RemoteDomainGetBlockJobInfoArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    path: readRemoteNonnullString(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainGetBlockJobInfoArgs(w: XdrWriter, v: RemoteDomainGetBlockJobInfoArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.path);
  w.uint(v.flags);
}

/** struct remote_domain_get_block_job_info_ret */
export interface RemoteDomainGetBlockJobInfoRet {
  found: number;
  type: number;
  bandwidth: bigint;
  cur: bigint;
  end: bigint;
}
export interface RemoteDomainGetBlockJobInfoRetIn {
  found: number;
  type: number;
  bandwidth: bigint | number;
  cur: bigint | number;
  end: bigint | number;
}
export function readRemoteDomainGetBlockJobInfoRet(r: XdrReader): RemoteDomainGetBlockJobInfoRet {
  return {
    found: r.int(),
    type: r.int(),
    bandwidth: r.uhyper(),
    cur: r.uhyper(),
    end: r.uhyper(),
  };
}
export function writeRemoteDomainGetBlockJobInfoRet(w: XdrWriter, v: RemoteDomainGetBlockJobInfoRetIn): void {
  w.int(v.found);
  w.int(v.type);
  w.uhyper(v.bandwidth);
  w.uhyper(v.cur);
  w.uhyper(v.end);
}

/** struct remote_domain_block_job_set_speed_args */
export interface RemoteDomainBlockJobSetSpeedArgs {
  dom: RemoteNonnullDomain;
  path: RemoteNonnullString;
  bandwidth: bigint;
  flags: number;
}
export interface RemoteDomainBlockJobSetSpeedArgsIn {
  dom: RemoteNonnullDomain;
  path: RemoteNonnullString;
  bandwidth: bigint | number;
  flags: number;
}
export function readRemoteDomainBlockJobSetSpeedArgs(r: XdrReader): RemoteDomainBlockJobSetSpeedArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    path: readRemoteNonnullString(r),
    bandwidth: r.uhyper(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainBlockJobSetSpeedArgs(w: XdrWriter, v: RemoteDomainBlockJobSetSpeedArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.path);
  w.uhyper(v.bandwidth);
  w.uint(v.flags);
}

/** struct remote_domain_block_pull_args */
export interface RemoteDomainBlockPullArgs {
  dom: RemoteNonnullDomain;
  path: RemoteNonnullString;
  bandwidth: bigint;
  flags: number;
}
export interface RemoteDomainBlockPullArgsIn {
  dom: RemoteNonnullDomain;
  path: RemoteNonnullString;
  bandwidth: bigint | number;
  flags: number;
}
export function readRemoteDomainBlockPullArgs(r: XdrReader): RemoteDomainBlockPullArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    path: readRemoteNonnullString(r),
    bandwidth: r.uhyper(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainBlockPullArgs(w: XdrWriter, v: RemoteDomainBlockPullArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.path);
  w.uhyper(v.bandwidth);
  w.uint(v.flags);
}

/** struct remote_domain_block_rebase_args */
export interface RemoteDomainBlockRebaseArgs {
  dom: RemoteNonnullDomain;
  path: RemoteNonnullString;
  base: RemoteString;
  bandwidth: bigint;
  flags: number;
}
export interface RemoteDomainBlockRebaseArgsIn {
  dom: RemoteNonnullDomain;
  path: RemoteNonnullString;
  base: RemoteStringIn;
  bandwidth: bigint | number;
  flags: number;
}
export function readRemoteDomainBlockRebaseArgs(r: XdrReader): RemoteDomainBlockRebaseArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    path: readRemoteNonnullString(r),
    base: readRemoteString(r),
    bandwidth: r.uhyper(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainBlockRebaseArgs(w: XdrWriter, v: RemoteDomainBlockRebaseArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.path);
  writeRemoteString(w, v.base);
  w.uhyper(v.bandwidth);
  w.uint(v.flags);
}

/** struct remote_domain_block_copy_args */
export interface RemoteDomainBlockCopyArgs {
  dom: RemoteNonnullDomain;
  path: RemoteNonnullString;
  destxml: RemoteNonnullString;
  params: RemoteTypedParam[];
  flags: number;
}
export interface RemoteDomainBlockCopyArgsIn {
  dom: RemoteNonnullDomain;
  path: RemoteNonnullString;
  destxml: RemoteNonnullString;
  params: readonly RemoteTypedParamIn[];
  flags: number;
}
export function readRemoteDomainBlockCopyArgs(r: XdrReader): RemoteDomainBlockCopyArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    path: readRemoteNonnullString(r),
    destxml: readRemoteNonnullString(r),
    params: r.array(readRemoteTypedParam, REMOTE_DOMAIN_BLOCK_COPY_PARAMETERS_MAX),
    flags: r.uint(),
  };
}
export function writeRemoteDomainBlockCopyArgs(w: XdrWriter, v: RemoteDomainBlockCopyArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.path);
  writeRemoteNonnullString(w, v.destxml);
  writeArray(w, v.params, REMOTE_DOMAIN_BLOCK_COPY_PARAMETERS_MAX, writeRemoteTypedParam, 'remote_domain_block_copy_args.params');
  w.uint(v.flags);
}

/** struct remote_domain_block_commit_args */
export interface RemoteDomainBlockCommitArgs {
  dom: RemoteNonnullDomain;
  disk: RemoteNonnullString;
  base: RemoteString;
  top: RemoteString;
  bandwidth: bigint;
  flags: number;
}
export interface RemoteDomainBlockCommitArgsIn {
  dom: RemoteNonnullDomain;
  disk: RemoteNonnullString;
  base: RemoteStringIn;
  top: RemoteStringIn;
  bandwidth: bigint | number;
  flags: number;
}
export function readRemoteDomainBlockCommitArgs(r: XdrReader): RemoteDomainBlockCommitArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    disk: readRemoteNonnullString(r),
    base: readRemoteString(r),
    top: readRemoteString(r),
    bandwidth: r.uhyper(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainBlockCommitArgs(w: XdrWriter, v: RemoteDomainBlockCommitArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.disk);
  writeRemoteString(w, v.base);
  writeRemoteString(w, v.top);
  w.uhyper(v.bandwidth);
  w.uint(v.flags);
}

/** struct remote_domain_set_block_io_tune_args */
export interface RemoteDomainSetBlockIoTuneArgs {
  dom: RemoteNonnullDomain;
  disk: RemoteNonnullString;
  params: RemoteTypedParam[];
  flags: number;
}
export interface RemoteDomainSetBlockIoTuneArgsIn {
  dom: RemoteNonnullDomain;
  disk: RemoteNonnullString;
  params: readonly RemoteTypedParamIn[];
  flags: number;
}
export function readRemoteDomainSetBlockIoTuneArgs(r: XdrReader): RemoteDomainSetBlockIoTuneArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    disk: readRemoteNonnullString(r),
    params: r.array(readRemoteTypedParam, REMOTE_DOMAIN_BLOCK_IO_TUNE_PARAMETERS_MAX),
    flags: r.uint(),
  };
}
export function writeRemoteDomainSetBlockIoTuneArgs(w: XdrWriter, v: RemoteDomainSetBlockIoTuneArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.disk);
  writeArray(w, v.params, REMOTE_DOMAIN_BLOCK_IO_TUNE_PARAMETERS_MAX, writeRemoteTypedParam, 'remote_domain_set_block_io_tune_args.params');
  w.uint(v.flags);
}

/** struct remote_domain_get_block_io_tune_args */
export interface RemoteDomainGetBlockIoTuneArgs {
  dom: RemoteNonnullDomain;
  disk: RemoteString;
  nparams: number;
  flags: number;
}
export interface RemoteDomainGetBlockIoTuneArgsIn {
  dom: RemoteNonnullDomain;
  disk: RemoteStringIn;
  nparams: number;
  flags: number;
}
export function readRemoteDomainGetBlockIoTuneArgs(r: XdrReader): RemoteDomainGetBlockIoTuneArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    disk: readRemoteString(r),
    nparams: r.int(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainGetBlockIoTuneArgs(w: XdrWriter, v: RemoteDomainGetBlockIoTuneArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteString(w, v.disk);
  w.int(v.nparams);
  w.uint(v.flags);
}

/** struct remote_domain_get_block_io_tune_ret */
export interface RemoteDomainGetBlockIoTuneRet {
  params: RemoteTypedParam[];
  nparams: number;
}
export interface RemoteDomainGetBlockIoTuneRetIn {
  params: readonly RemoteTypedParamIn[];
  nparams: number;
}
export function readRemoteDomainGetBlockIoTuneRet(r: XdrReader): RemoteDomainGetBlockIoTuneRet {
  return {
    params: r.array(readRemoteTypedParam, REMOTE_DOMAIN_BLOCK_IO_TUNE_PARAMETERS_MAX),
    nparams: r.int(),
  };
}
export function writeRemoteDomainGetBlockIoTuneRet(w: XdrWriter, v: RemoteDomainGetBlockIoTuneRetIn): void {
  writeArray(w, v.params, REMOTE_DOMAIN_BLOCK_IO_TUNE_PARAMETERS_MAX, writeRemoteTypedParam, 'remote_domain_get_block_io_tune_ret.params');
  w.int(v.nparams);
}

/** struct remote_domain_get_cpu_stats_args */
export interface RemoteDomainGetCpuStatsArgs {
  dom: RemoteNonnullDomain;
  nparams: number;
  start_cpu: number;
  ncpus: number;
  flags: number;
}
export function readRemoteDomainGetCpuStatsArgs(r: XdrReader): RemoteDomainGetCpuStatsArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    nparams: r.uint(),
    start_cpu: r.int(),
    ncpus: r.uint(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainGetCpuStatsArgs(w: XdrWriter, v: RemoteDomainGetCpuStatsArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.nparams);
  w.int(v.start_cpu);
  w.uint(v.ncpus);
  w.uint(v.flags);
}

/** struct remote_domain_get_cpu_stats_ret */
export interface RemoteDomainGetCpuStatsRet {
  params: RemoteTypedParam[];
  nparams: number;
}
export interface RemoteDomainGetCpuStatsRetIn {
  params: readonly RemoteTypedParamIn[];
  nparams: number;
}
export function readRemoteDomainGetCpuStatsRet(r: XdrReader): RemoteDomainGetCpuStatsRet {
  return {
    params: r.array(readRemoteTypedParam, REMOTE_DOMAIN_GET_CPU_STATS_MAX),
    nparams: r.int(),
  };
}
export function writeRemoteDomainGetCpuStatsRet(w: XdrWriter, v: RemoteDomainGetCpuStatsRetIn): void {
  writeArray(w, v.params, REMOTE_DOMAIN_GET_CPU_STATS_MAX, writeRemoteTypedParam, 'remote_domain_get_cpu_stats_ret.params');
  w.int(v.nparams);
}

/** struct remote_domain_get_hostname_args */
export interface RemoteDomainGetHostnameArgs {
  dom: RemoteNonnullDomain;
  flags: number;
}
export function readRemoteDomainGetHostnameArgs(r: XdrReader): RemoteDomainGetHostnameArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainGetHostnameArgs(w: XdrWriter, v: RemoteDomainGetHostnameArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.flags);
}

/** struct remote_domain_get_hostname_ret */
export interface RemoteDomainGetHostnameRet {
  hostname: RemoteNonnullString;
}
export function readRemoteDomainGetHostnameRet(r: XdrReader): RemoteDomainGetHostnameRet {
  return {
    hostname: readRemoteNonnullString(r),
  };
}
export function writeRemoteDomainGetHostnameRet(w: XdrWriter, v: RemoteDomainGetHostnameRet): void {
  writeRemoteNonnullString(w, v.hostname);
}

/** struct remote_connect_num_of_networks_ret */
export interface RemoteConnectNumOfNetworksRet {
  num: number;
}
export function readRemoteConnectNumOfNetworksRet(r: XdrReader): RemoteConnectNumOfNetworksRet {
  return {
    num: r.int(),
  };
}
export function writeRemoteConnectNumOfNetworksRet(w: XdrWriter, v: RemoteConnectNumOfNetworksRet): void {
  w.int(v.num);
}

/** struct remote_connect_list_networks_args */
export interface RemoteConnectListNetworksArgs {
  maxnames: number;
}
export function readRemoteConnectListNetworksArgs(r: XdrReader): RemoteConnectListNetworksArgs {
  return {
    maxnames: r.int(),
  };
}
export function writeRemoteConnectListNetworksArgs(w: XdrWriter, v: RemoteConnectListNetworksArgs): void {
  w.int(v.maxnames);
}

/** struct remote_connect_list_networks_ret */
export interface RemoteConnectListNetworksRet {
  names: RemoteNonnullString[];
}
export interface RemoteConnectListNetworksRetIn {
  names: readonly RemoteNonnullString[];
}
export function readRemoteConnectListNetworksRet(r: XdrReader): RemoteConnectListNetworksRet {
  return {
    names: r.array(readRemoteNonnullString, REMOTE_NETWORK_LIST_MAX),
  };
}
export function writeRemoteConnectListNetworksRet(w: XdrWriter, v: RemoteConnectListNetworksRetIn): void {
  writeArray(w, v.names, REMOTE_NETWORK_LIST_MAX, writeRemoteNonnullString, 'remote_connect_list_networks_ret.names');
}

/** struct remote_connect_num_of_defined_networks_ret */
export interface RemoteConnectNumOfDefinedNetworksRet {
  num: number;
}
export function readRemoteConnectNumOfDefinedNetworksRet(r: XdrReader): RemoteConnectNumOfDefinedNetworksRet {
  return {
    num: r.int(),
  };
}
export function writeRemoteConnectNumOfDefinedNetworksRet(w: XdrWriter, v: RemoteConnectNumOfDefinedNetworksRet): void {
  w.int(v.num);
}

/** struct remote_connect_list_defined_networks_args */
export interface RemoteConnectListDefinedNetworksArgs {
  maxnames: number;
}
export function readRemoteConnectListDefinedNetworksArgs(r: XdrReader): RemoteConnectListDefinedNetworksArgs {
  return {
    maxnames: r.int(),
  };
}
export function writeRemoteConnectListDefinedNetworksArgs(w: XdrWriter, v: RemoteConnectListDefinedNetworksArgs): void {
  w.int(v.maxnames);
}

/** struct remote_connect_list_defined_networks_ret */
export interface RemoteConnectListDefinedNetworksRet {
  names: RemoteNonnullString[];
}
export interface RemoteConnectListDefinedNetworksRetIn {
  names: readonly RemoteNonnullString[];
}
export function readRemoteConnectListDefinedNetworksRet(r: XdrReader): RemoteConnectListDefinedNetworksRet {
  return {
    names: r.array(readRemoteNonnullString, REMOTE_NETWORK_LIST_MAX),
  };
}
export function writeRemoteConnectListDefinedNetworksRet(w: XdrWriter, v: RemoteConnectListDefinedNetworksRetIn): void {
  writeArray(w, v.names, REMOTE_NETWORK_LIST_MAX, writeRemoteNonnullString, 'remote_connect_list_defined_networks_ret.names');
}

/** struct remote_network_lookup_by_uuid_args */
export interface RemoteNetworkLookupByUuidArgs {
  uuid: string;
}
export function readRemoteNetworkLookupByUuidArgs(r: XdrReader): RemoteNetworkLookupByUuidArgs {
  return {
    uuid: readUuidText(r),
  };
}
export function writeRemoteNetworkLookupByUuidArgs(w: XdrWriter, v: RemoteNetworkLookupByUuidArgs): void {
  writeUuidText(w, v.uuid);
}

/** struct remote_network_lookup_by_uuid_ret */
export interface RemoteNetworkLookupByUuidRet {
  net: RemoteNonnullNetwork;
}
export function readRemoteNetworkLookupByUuidRet(r: XdrReader): RemoteNetworkLookupByUuidRet {
  return {
    net: readRemoteNonnullNetwork(r),
  };
}
export function writeRemoteNetworkLookupByUuidRet(w: XdrWriter, v: RemoteNetworkLookupByUuidRet): void {
  writeRemoteNonnullNetwork(w, v.net);
}

/** struct remote_network_lookup_by_name_args */
export interface RemoteNetworkLookupByNameArgs {
  name: RemoteNonnullString;
}
export function readRemoteNetworkLookupByNameArgs(r: XdrReader): RemoteNetworkLookupByNameArgs {
  return {
    name: readRemoteNonnullString(r),
  };
}
export function writeRemoteNetworkLookupByNameArgs(w: XdrWriter, v: RemoteNetworkLookupByNameArgs): void {
  writeRemoteNonnullString(w, v.name);
}

/** struct remote_network_lookup_by_name_ret */
export interface RemoteNetworkLookupByNameRet {
  net: RemoteNonnullNetwork;
}
export function readRemoteNetworkLookupByNameRet(r: XdrReader): RemoteNetworkLookupByNameRet {
  return {
    net: readRemoteNonnullNetwork(r),
  };
}
export function writeRemoteNetworkLookupByNameRet(w: XdrWriter, v: RemoteNetworkLookupByNameRet): void {
  writeRemoteNonnullNetwork(w, v.net);
}

/** struct remote_network_create_xml_args */
export interface RemoteNetworkCreateXmlArgs {
  xml: RemoteNonnullString;
}
export function readRemoteNetworkCreateXmlArgs(r: XdrReader): RemoteNetworkCreateXmlArgs {
  return {
    xml: readRemoteNonnullString(r),
  };
}
export function writeRemoteNetworkCreateXmlArgs(w: XdrWriter, v: RemoteNetworkCreateXmlArgs): void {
  writeRemoteNonnullString(w, v.xml);
}

/** struct remote_network_create_xml_ret */
export interface RemoteNetworkCreateXmlRet {
  net: RemoteNonnullNetwork;
}
export function readRemoteNetworkCreateXmlRet(r: XdrReader): RemoteNetworkCreateXmlRet {
  return {
    net: readRemoteNonnullNetwork(r),
  };
}
export function writeRemoteNetworkCreateXmlRet(w: XdrWriter, v: RemoteNetworkCreateXmlRet): void {
  writeRemoteNonnullNetwork(w, v.net);
}

/** struct remote_network_create_xml_flags_args */
export interface RemoteNetworkCreateXmlFlagsArgs {
  xml: RemoteNonnullString;
  flags: number;
}
export function readRemoteNetworkCreateXmlFlagsArgs(r: XdrReader): RemoteNetworkCreateXmlFlagsArgs {
  return {
    xml: readRemoteNonnullString(r),
    flags: r.uint(),
  };
}
export function writeRemoteNetworkCreateXmlFlagsArgs(w: XdrWriter, v: RemoteNetworkCreateXmlFlagsArgs): void {
  writeRemoteNonnullString(w, v.xml);
  w.uint(v.flags);
}

/** struct remote_network_create_xml_flags_ret */
export interface RemoteNetworkCreateXmlFlagsRet {
  net: RemoteNonnullNetwork;
}
export function readRemoteNetworkCreateXmlFlagsRet(r: XdrReader): RemoteNetworkCreateXmlFlagsRet {
  return {
    net: readRemoteNonnullNetwork(r),
  };
}
export function writeRemoteNetworkCreateXmlFlagsRet(w: XdrWriter, v: RemoteNetworkCreateXmlFlagsRet): void {
  writeRemoteNonnullNetwork(w, v.net);
}

/** struct remote_network_define_xml_args */
export interface RemoteNetworkDefineXmlArgs {
  xml: RemoteNonnullString;
}
export function readRemoteNetworkDefineXmlArgs(r: XdrReader): RemoteNetworkDefineXmlArgs {
  return {
    xml: readRemoteNonnullString(r),
  };
}
export function writeRemoteNetworkDefineXmlArgs(w: XdrWriter, v: RemoteNetworkDefineXmlArgs): void {
  writeRemoteNonnullString(w, v.xml);
}

/** struct remote_network_define_xml_ret */
export interface RemoteNetworkDefineXmlRet {
  net: RemoteNonnullNetwork;
}
export function readRemoteNetworkDefineXmlRet(r: XdrReader): RemoteNetworkDefineXmlRet {
  return {
    net: readRemoteNonnullNetwork(r),
  };
}
export function writeRemoteNetworkDefineXmlRet(w: XdrWriter, v: RemoteNetworkDefineXmlRet): void {
  writeRemoteNonnullNetwork(w, v.net);
}

/** struct remote_network_define_xml_flags_args */
export interface RemoteNetworkDefineXmlFlagsArgs {
  xml: RemoteNonnullString;
  flags: number;
}
export function readRemoteNetworkDefineXmlFlagsArgs(r: XdrReader): RemoteNetworkDefineXmlFlagsArgs {
  return {
    xml: readRemoteNonnullString(r),
    flags: r.uint(),
  };
}
export function writeRemoteNetworkDefineXmlFlagsArgs(w: XdrWriter, v: RemoteNetworkDefineXmlFlagsArgs): void {
  writeRemoteNonnullString(w, v.xml);
  w.uint(v.flags);
}

/** struct remote_network_define_xml_flags_ret */
export interface RemoteNetworkDefineXmlFlagsRet {
  net: RemoteNonnullNetwork;
}
export function readRemoteNetworkDefineXmlFlagsRet(r: XdrReader): RemoteNetworkDefineXmlFlagsRet {
  return {
    net: readRemoteNonnullNetwork(r),
  };
}
export function writeRemoteNetworkDefineXmlFlagsRet(w: XdrWriter, v: RemoteNetworkDefineXmlFlagsRet): void {
  writeRemoteNonnullNetwork(w, v.net);
}

/** struct remote_network_undefine_args */
export interface RemoteNetworkUndefineArgs {
  net: RemoteNonnullNetwork;
}
export function readRemoteNetworkUndefineArgs(r: XdrReader): RemoteNetworkUndefineArgs {
  return {
    net: readRemoteNonnullNetwork(r),
  };
}
export function writeRemoteNetworkUndefineArgs(w: XdrWriter, v: RemoteNetworkUndefineArgs): void {
  writeRemoteNonnullNetwork(w, v.net);
}

/** struct remote_network_update_args */
export interface RemoteNetworkUpdateArgs {
  net: RemoteNonnullNetwork;
  command: number;
  section: number;
  parentIndex: number;
  xml: RemoteNonnullString;
  flags: number;
}
export function readRemoteNetworkUpdateArgs(r: XdrReader): RemoteNetworkUpdateArgs {
  return {
    net: readRemoteNonnullNetwork(r),
    command: r.uint(),
    section: r.uint(),
    parentIndex: r.int(),
    xml: readRemoteNonnullString(r),
    flags: r.uint(),
  };
}
export function writeRemoteNetworkUpdateArgs(w: XdrWriter, v: RemoteNetworkUpdateArgs): void {
  writeRemoteNonnullNetwork(w, v.net);
  w.uint(v.command);
  w.uint(v.section);
  w.int(v.parentIndex);
  writeRemoteNonnullString(w, v.xml);
  w.uint(v.flags);
}

/** struct remote_network_create_args */
export interface RemoteNetworkCreateArgs {
  net: RemoteNonnullNetwork;
}
export function readRemoteNetworkCreateArgs(r: XdrReader): RemoteNetworkCreateArgs {
  return {
    net: readRemoteNonnullNetwork(r),
  };
}
export function writeRemoteNetworkCreateArgs(w: XdrWriter, v: RemoteNetworkCreateArgs): void {
  writeRemoteNonnullNetwork(w, v.net);
}

/** struct remote_network_destroy_args */
export interface RemoteNetworkDestroyArgs {
  net: RemoteNonnullNetwork;
}
export function readRemoteNetworkDestroyArgs(r: XdrReader): RemoteNetworkDestroyArgs {
  return {
    net: readRemoteNonnullNetwork(r),
  };
}
export function writeRemoteNetworkDestroyArgs(w: XdrWriter, v: RemoteNetworkDestroyArgs): void {
  writeRemoteNonnullNetwork(w, v.net);
}

/** struct remote_network_get_xml_desc_args */
export interface RemoteNetworkGetXmlDescArgs {
  net: RemoteNonnullNetwork;
  flags: number;
}
export function readRemoteNetworkGetXmlDescArgs(r: XdrReader): RemoteNetworkGetXmlDescArgs {
  return {
    net: readRemoteNonnullNetwork(r),
    flags: r.uint(),
  };
}
export function writeRemoteNetworkGetXmlDescArgs(w: XdrWriter, v: RemoteNetworkGetXmlDescArgs): void {
  writeRemoteNonnullNetwork(w, v.net);
  w.uint(v.flags);
}

/** struct remote_network_get_xml_desc_ret */
export interface RemoteNetworkGetXmlDescRet {
  xml: RemoteNonnullString;
}
export function readRemoteNetworkGetXmlDescRet(r: XdrReader): RemoteNetworkGetXmlDescRet {
  return {
    xml: readRemoteNonnullString(r),
  };
}
export function writeRemoteNetworkGetXmlDescRet(w: XdrWriter, v: RemoteNetworkGetXmlDescRet): void {
  writeRemoteNonnullString(w, v.xml);
}

/** struct remote_network_get_bridge_name_args */
export interface RemoteNetworkGetBridgeNameArgs {
  net: RemoteNonnullNetwork;
}
export function readRemoteNetworkGetBridgeNameArgs(r: XdrReader): RemoteNetworkGetBridgeNameArgs {
  return {
    net: readRemoteNonnullNetwork(r),
  };
}
export function writeRemoteNetworkGetBridgeNameArgs(w: XdrWriter, v: RemoteNetworkGetBridgeNameArgs): void {
  writeRemoteNonnullNetwork(w, v.net);
}

/** struct remote_network_get_bridge_name_ret */
export interface RemoteNetworkGetBridgeNameRet {
  name: RemoteNonnullString;
}
export function readRemoteNetworkGetBridgeNameRet(r: XdrReader): RemoteNetworkGetBridgeNameRet {
  return {
    name: readRemoteNonnullString(r),
  };
}
export function writeRemoteNetworkGetBridgeNameRet(w: XdrWriter, v: RemoteNetworkGetBridgeNameRet): void {
  writeRemoteNonnullString(w, v.name);
}

/** struct remote_network_get_autostart_args */
export interface RemoteNetworkGetAutostartArgs {
  net: RemoteNonnullNetwork;
}
export function readRemoteNetworkGetAutostartArgs(r: XdrReader): RemoteNetworkGetAutostartArgs {
  return {
    net: readRemoteNonnullNetwork(r),
  };
}
export function writeRemoteNetworkGetAutostartArgs(w: XdrWriter, v: RemoteNetworkGetAutostartArgs): void {
  writeRemoteNonnullNetwork(w, v.net);
}

/** struct remote_network_get_autostart_ret */
export interface RemoteNetworkGetAutostartRet {
  autostart: number;
}
export function readRemoteNetworkGetAutostartRet(r: XdrReader): RemoteNetworkGetAutostartRet {
  return {
    autostart: r.int(),
  };
}
export function writeRemoteNetworkGetAutostartRet(w: XdrWriter, v: RemoteNetworkGetAutostartRet): void {
  w.int(v.autostart);
}

/** struct remote_network_set_autostart_args */
export interface RemoteNetworkSetAutostartArgs {
  net: RemoteNonnullNetwork;
  autostart: number;
}
export function readRemoteNetworkSetAutostartArgs(r: XdrReader): RemoteNetworkSetAutostartArgs {
  return {
    net: readRemoteNonnullNetwork(r),
    autostart: r.int(),
  };
}
export function writeRemoteNetworkSetAutostartArgs(w: XdrWriter, v: RemoteNetworkSetAutostartArgs): void {
  writeRemoteNonnullNetwork(w, v.net);
  w.int(v.autostart);
}

/** struct remote_connect_num_of_nwfilters_ret */
export interface RemoteConnectNumOfNwfiltersRet {
  num: number;
}
export function readRemoteConnectNumOfNwfiltersRet(r: XdrReader): RemoteConnectNumOfNwfiltersRet {
  return {
    num: r.int(),
  };
}
export function writeRemoteConnectNumOfNwfiltersRet(w: XdrWriter, v: RemoteConnectNumOfNwfiltersRet): void {
  w.int(v.num);
}

/** struct remote_connect_list_nwfilters_args */
export interface RemoteConnectListNwfiltersArgs {
  maxnames: number;
}
export function readRemoteConnectListNwfiltersArgs(r: XdrReader): RemoteConnectListNwfiltersArgs {
  return {
    maxnames: r.int(),
  };
}
export function writeRemoteConnectListNwfiltersArgs(w: XdrWriter, v: RemoteConnectListNwfiltersArgs): void {
  w.int(v.maxnames);
}

/** struct remote_connect_list_nwfilters_ret */
export interface RemoteConnectListNwfiltersRet {
  names: RemoteNonnullString[];
}
export interface RemoteConnectListNwfiltersRetIn {
  names: readonly RemoteNonnullString[];
}
export function readRemoteConnectListNwfiltersRet(r: XdrReader): RemoteConnectListNwfiltersRet {
  return {
    names: r.array(readRemoteNonnullString, REMOTE_NWFILTER_LIST_MAX),
  };
}
export function writeRemoteConnectListNwfiltersRet(w: XdrWriter, v: RemoteConnectListNwfiltersRetIn): void {
  writeArray(w, v.names, REMOTE_NWFILTER_LIST_MAX, writeRemoteNonnullString, 'remote_connect_list_nwfilters_ret.names');
}

/** struct remote_nwfilter_lookup_by_uuid_args */
export interface RemoteNwfilterLookupByUuidArgs {
  uuid: string;
}
export function readRemoteNwfilterLookupByUuidArgs(r: XdrReader): RemoteNwfilterLookupByUuidArgs {
  return {
    uuid: readUuidText(r),
  };
}
export function writeRemoteNwfilterLookupByUuidArgs(w: XdrWriter, v: RemoteNwfilterLookupByUuidArgs): void {
  writeUuidText(w, v.uuid);
}

/** struct remote_nwfilter_lookup_by_uuid_ret */
export interface RemoteNwfilterLookupByUuidRet {
  nwfilter: RemoteNonnullNwfilter;
}
export function readRemoteNwfilterLookupByUuidRet(r: XdrReader): RemoteNwfilterLookupByUuidRet {
  return {
    nwfilter: readRemoteNonnullNwfilter(r),
  };
}
export function writeRemoteNwfilterLookupByUuidRet(w: XdrWriter, v: RemoteNwfilterLookupByUuidRet): void {
  writeRemoteNonnullNwfilter(w, v.nwfilter);
}

/** struct remote_nwfilter_lookup_by_name_args */
export interface RemoteNwfilterLookupByNameArgs {
  name: RemoteNonnullString;
}
export function readRemoteNwfilterLookupByNameArgs(r: XdrReader): RemoteNwfilterLookupByNameArgs {
  return {
    name: readRemoteNonnullString(r),
  };
}
export function writeRemoteNwfilterLookupByNameArgs(w: XdrWriter, v: RemoteNwfilterLookupByNameArgs): void {
  writeRemoteNonnullString(w, v.name);
}

/** struct remote_nwfilter_lookup_by_name_ret */
export interface RemoteNwfilterLookupByNameRet {
  nwfilter: RemoteNonnullNwfilter;
}
export function readRemoteNwfilterLookupByNameRet(r: XdrReader): RemoteNwfilterLookupByNameRet {
  return {
    nwfilter: readRemoteNonnullNwfilter(r),
  };
}
export function writeRemoteNwfilterLookupByNameRet(w: XdrWriter, v: RemoteNwfilterLookupByNameRet): void {
  writeRemoteNonnullNwfilter(w, v.nwfilter);
}

/** struct remote_nwfilter_define_xml_args */
export interface RemoteNwfilterDefineXmlArgs {
  xml: RemoteNonnullString;
}
export function readRemoteNwfilterDefineXmlArgs(r: XdrReader): RemoteNwfilterDefineXmlArgs {
  return {
    xml: readRemoteNonnullString(r),
  };
}
export function writeRemoteNwfilterDefineXmlArgs(w: XdrWriter, v: RemoteNwfilterDefineXmlArgs): void {
  writeRemoteNonnullString(w, v.xml);
}

/** struct remote_nwfilter_define_xml_ret */
export interface RemoteNwfilterDefineXmlRet {
  nwfilter: RemoteNonnullNwfilter;
}
export function readRemoteNwfilterDefineXmlRet(r: XdrReader): RemoteNwfilterDefineXmlRet {
  return {
    nwfilter: readRemoteNonnullNwfilter(r),
  };
}
export function writeRemoteNwfilterDefineXmlRet(w: XdrWriter, v: RemoteNwfilterDefineXmlRet): void {
  writeRemoteNonnullNwfilter(w, v.nwfilter);
}

/** struct remote_nwfilter_define_xml_flags_args */
export interface RemoteNwfilterDefineXmlFlagsArgs {
  xml: RemoteNonnullString;
  flags: number;
}
export function readRemoteNwfilterDefineXmlFlagsArgs(r: XdrReader): RemoteNwfilterDefineXmlFlagsArgs {
  return {
    xml: readRemoteNonnullString(r),
    flags: r.uint(),
  };
}
export function writeRemoteNwfilterDefineXmlFlagsArgs(w: XdrWriter, v: RemoteNwfilterDefineXmlFlagsArgs): void {
  writeRemoteNonnullString(w, v.xml);
  w.uint(v.flags);
}

/** struct remote_nwfilter_define_xml_flags_ret */
export interface RemoteNwfilterDefineXmlFlagsRet {
  nwfilter: RemoteNonnullNwfilter;
}
export function readRemoteNwfilterDefineXmlFlagsRet(r: XdrReader): RemoteNwfilterDefineXmlFlagsRet {
  return {
    nwfilter: readRemoteNonnullNwfilter(r),
  };
}
export function writeRemoteNwfilterDefineXmlFlagsRet(w: XdrWriter, v: RemoteNwfilterDefineXmlFlagsRet): void {
  writeRemoteNonnullNwfilter(w, v.nwfilter);
}

/** struct remote_nwfilter_undefine_args */
export interface RemoteNwfilterUndefineArgs {
  nwfilter: RemoteNonnullNwfilter;
}
export function readRemoteNwfilterUndefineArgs(r: XdrReader): RemoteNwfilterUndefineArgs {
  return {
    nwfilter: readRemoteNonnullNwfilter(r),
  };
}
export function writeRemoteNwfilterUndefineArgs(w: XdrWriter, v: RemoteNwfilterUndefineArgs): void {
  writeRemoteNonnullNwfilter(w, v.nwfilter);
}

/** struct remote_nwfilter_get_xml_desc_args */
export interface RemoteNwfilterGetXmlDescArgs {
  nwfilter: RemoteNonnullNwfilter;
  flags: number;
}
export function readRemoteNwfilterGetXmlDescArgs(r: XdrReader): RemoteNwfilterGetXmlDescArgs {
  return {
    nwfilter: readRemoteNonnullNwfilter(r),
    flags: r.uint(),
  };
}
export function writeRemoteNwfilterGetXmlDescArgs(w: XdrWriter, v: RemoteNwfilterGetXmlDescArgs): void {
  writeRemoteNonnullNwfilter(w, v.nwfilter);
  w.uint(v.flags);
}

/** struct remote_nwfilter_get_xml_desc_ret */
export interface RemoteNwfilterGetXmlDescRet {
  xml: RemoteNonnullString;
}
export function readRemoteNwfilterGetXmlDescRet(r: XdrReader): RemoteNwfilterGetXmlDescRet {
  return {
    xml: readRemoteNonnullString(r),
  };
}
export function writeRemoteNwfilterGetXmlDescRet(w: XdrWriter, v: RemoteNwfilterGetXmlDescRet): void {
  writeRemoteNonnullString(w, v.xml);
}

/** struct remote_connect_num_of_interfaces_ret */
export interface RemoteConnectNumOfInterfacesRet {
  num: number;
}
export function readRemoteConnectNumOfInterfacesRet(r: XdrReader): RemoteConnectNumOfInterfacesRet {
  return {
    num: r.int(),
  };
}
export function writeRemoteConnectNumOfInterfacesRet(w: XdrWriter, v: RemoteConnectNumOfInterfacesRet): void {
  w.int(v.num);
}

/** struct remote_connect_list_interfaces_args */
export interface RemoteConnectListInterfacesArgs {
  maxnames: number;
}
export function readRemoteConnectListInterfacesArgs(r: XdrReader): RemoteConnectListInterfacesArgs {
  return {
    maxnames: r.int(),
  };
}
export function writeRemoteConnectListInterfacesArgs(w: XdrWriter, v: RemoteConnectListInterfacesArgs): void {
  w.int(v.maxnames);
}

/** struct remote_connect_list_interfaces_ret */
export interface RemoteConnectListInterfacesRet {
  names: RemoteNonnullString[];
}
export interface RemoteConnectListInterfacesRetIn {
  names: readonly RemoteNonnullString[];
}
export function readRemoteConnectListInterfacesRet(r: XdrReader): RemoteConnectListInterfacesRet {
  return {
    names: r.array(readRemoteNonnullString, REMOTE_INTERFACE_LIST_MAX),
  };
}
export function writeRemoteConnectListInterfacesRet(w: XdrWriter, v: RemoteConnectListInterfacesRetIn): void {
  writeArray(w, v.names, REMOTE_INTERFACE_LIST_MAX, writeRemoteNonnullString, 'remote_connect_list_interfaces_ret.names');
}

/** struct remote_connect_num_of_defined_interfaces_ret */
export interface RemoteConnectNumOfDefinedInterfacesRet {
  num: number;
}
export function readRemoteConnectNumOfDefinedInterfacesRet(r: XdrReader): RemoteConnectNumOfDefinedInterfacesRet {
  return {
    num: r.int(),
  };
}
export function writeRemoteConnectNumOfDefinedInterfacesRet(w: XdrWriter, v: RemoteConnectNumOfDefinedInterfacesRet): void {
  w.int(v.num);
}

/** struct remote_connect_list_defined_interfaces_args */
export interface RemoteConnectListDefinedInterfacesArgs {
  maxnames: number;
}
export function readRemoteConnectListDefinedInterfacesArgs(r: XdrReader): RemoteConnectListDefinedInterfacesArgs {
  return {
    maxnames: r.int(),
  };
}
export function writeRemoteConnectListDefinedInterfacesArgs(w: XdrWriter, v: RemoteConnectListDefinedInterfacesArgs): void {
  w.int(v.maxnames);
}

/** struct remote_connect_list_defined_interfaces_ret */
export interface RemoteConnectListDefinedInterfacesRet {
  names: RemoteNonnullString[];
}
export interface RemoteConnectListDefinedInterfacesRetIn {
  names: readonly RemoteNonnullString[];
}
export function readRemoteConnectListDefinedInterfacesRet(r: XdrReader): RemoteConnectListDefinedInterfacesRet {
  return {
    names: r.array(readRemoteNonnullString, REMOTE_INTERFACE_LIST_MAX),
  };
}
export function writeRemoteConnectListDefinedInterfacesRet(w: XdrWriter, v: RemoteConnectListDefinedInterfacesRetIn): void {
  writeArray(w, v.names, REMOTE_INTERFACE_LIST_MAX, writeRemoteNonnullString, 'remote_connect_list_defined_interfaces_ret.names');
}

/** struct remote_interface_lookup_by_name_args */
export interface RemoteInterfaceLookupByNameArgs {
  name: RemoteNonnullString;
}
export function readRemoteInterfaceLookupByNameArgs(r: XdrReader): RemoteInterfaceLookupByNameArgs {
  return {
    name: readRemoteNonnullString(r),
  };
}
export function writeRemoteInterfaceLookupByNameArgs(w: XdrWriter, v: RemoteInterfaceLookupByNameArgs): void {
  writeRemoteNonnullString(w, v.name);
}

/** struct remote_interface_lookup_by_name_ret */
export interface RemoteInterfaceLookupByNameRet {
  iface: RemoteNonnullInterface;
}
export function readRemoteInterfaceLookupByNameRet(r: XdrReader): RemoteInterfaceLookupByNameRet {
  return {
    iface: readRemoteNonnullInterface(r),
  };
}
export function writeRemoteInterfaceLookupByNameRet(w: XdrWriter, v: RemoteInterfaceLookupByNameRet): void {
  writeRemoteNonnullInterface(w, v.iface);
}

/** struct remote_interface_lookup_by_mac_string_args */
export interface RemoteInterfaceLookupByMacStringArgs {
  mac: RemoteNonnullString;
}
export function readRemoteInterfaceLookupByMacStringArgs(r: XdrReader): RemoteInterfaceLookupByMacStringArgs {
  return {
    mac: readRemoteNonnullString(r),
  };
}
export function writeRemoteInterfaceLookupByMacStringArgs(w: XdrWriter, v: RemoteInterfaceLookupByMacStringArgs): void {
  writeRemoteNonnullString(w, v.mac);
}

/** struct remote_interface_lookup_by_mac_string_ret */
export interface RemoteInterfaceLookupByMacStringRet {
  iface: RemoteNonnullInterface;
}
export function readRemoteInterfaceLookupByMacStringRet(r: XdrReader): RemoteInterfaceLookupByMacStringRet {
  return {
    iface: readRemoteNonnullInterface(r),
  };
}
export function writeRemoteInterfaceLookupByMacStringRet(w: XdrWriter, v: RemoteInterfaceLookupByMacStringRet): void {
  writeRemoteNonnullInterface(w, v.iface);
}

/** struct remote_interface_get_xml_desc_args */
export interface RemoteInterfaceGetXmlDescArgs {
  iface: RemoteNonnullInterface;
  flags: number;
}
export function readRemoteInterfaceGetXmlDescArgs(r: XdrReader): RemoteInterfaceGetXmlDescArgs {
  return {
    iface: readRemoteNonnullInterface(r),
    flags: r.uint(),
  };
}
export function writeRemoteInterfaceGetXmlDescArgs(w: XdrWriter, v: RemoteInterfaceGetXmlDescArgs): void {
  writeRemoteNonnullInterface(w, v.iface);
  w.uint(v.flags);
}

/** struct remote_interface_get_xml_desc_ret */
export interface RemoteInterfaceGetXmlDescRet {
  xml: RemoteNonnullString;
}
export function readRemoteInterfaceGetXmlDescRet(r: XdrReader): RemoteInterfaceGetXmlDescRet {
  return {
    xml: readRemoteNonnullString(r),
  };
}
export function writeRemoteInterfaceGetXmlDescRet(w: XdrWriter, v: RemoteInterfaceGetXmlDescRet): void {
  writeRemoteNonnullString(w, v.xml);
}

/** struct remote_interface_define_xml_args */
export interface RemoteInterfaceDefineXmlArgs {
  xml: RemoteNonnullString;
  flags: number;
}
export function readRemoteInterfaceDefineXmlArgs(r: XdrReader): RemoteInterfaceDefineXmlArgs {
  return {
    xml: readRemoteNonnullString(r),
    flags: r.uint(),
  };
}
export function writeRemoteInterfaceDefineXmlArgs(w: XdrWriter, v: RemoteInterfaceDefineXmlArgs): void {
  writeRemoteNonnullString(w, v.xml);
  w.uint(v.flags);
}

/** struct remote_interface_define_xml_ret */
export interface RemoteInterfaceDefineXmlRet {
  iface: RemoteNonnullInterface;
}
export function readRemoteInterfaceDefineXmlRet(r: XdrReader): RemoteInterfaceDefineXmlRet {
  return {
    iface: readRemoteNonnullInterface(r),
  };
}
export function writeRemoteInterfaceDefineXmlRet(w: XdrWriter, v: RemoteInterfaceDefineXmlRet): void {
  writeRemoteNonnullInterface(w, v.iface);
}

/** struct remote_interface_undefine_args */
export interface RemoteInterfaceUndefineArgs {
  iface: RemoteNonnullInterface;
}
export function readRemoteInterfaceUndefineArgs(r: XdrReader): RemoteInterfaceUndefineArgs {
  return {
    iface: readRemoteNonnullInterface(r),
  };
}
export function writeRemoteInterfaceUndefineArgs(w: XdrWriter, v: RemoteInterfaceUndefineArgs): void {
  writeRemoteNonnullInterface(w, v.iface);
}

/** struct remote_interface_create_args */
export interface RemoteInterfaceCreateArgs {
  iface: RemoteNonnullInterface;
  flags: number;
}
export function readRemoteInterfaceCreateArgs(r: XdrReader): RemoteInterfaceCreateArgs {
  return {
    iface: readRemoteNonnullInterface(r),
    flags: r.uint(),
  };
}
export function writeRemoteInterfaceCreateArgs(w: XdrWriter, v: RemoteInterfaceCreateArgs): void {
  writeRemoteNonnullInterface(w, v.iface);
  w.uint(v.flags);
}

/** struct remote_interface_destroy_args */
export interface RemoteInterfaceDestroyArgs {
  iface: RemoteNonnullInterface;
  flags: number;
}
export function readRemoteInterfaceDestroyArgs(r: XdrReader): RemoteInterfaceDestroyArgs {
  return {
    iface: readRemoteNonnullInterface(r),
    flags: r.uint(),
  };
}
export function writeRemoteInterfaceDestroyArgs(w: XdrWriter, v: RemoteInterfaceDestroyArgs): void {
  writeRemoteNonnullInterface(w, v.iface);
  w.uint(v.flags);
}

/** struct remote_interface_change_begin_args */
export interface RemoteInterfaceChangeBeginArgs {
  flags: number;
}
export function readRemoteInterfaceChangeBeginArgs(r: XdrReader): RemoteInterfaceChangeBeginArgs {
  return {
    flags: r.uint(),
  };
}
export function writeRemoteInterfaceChangeBeginArgs(w: XdrWriter, v: RemoteInterfaceChangeBeginArgs): void {
  w.uint(v.flags);
}

/** struct remote_interface_change_commit_args */
export interface RemoteInterfaceChangeCommitArgs {
  flags: number;
}
export function readRemoteInterfaceChangeCommitArgs(r: XdrReader): RemoteInterfaceChangeCommitArgs {
  return {
    flags: r.uint(),
  };
}
export function writeRemoteInterfaceChangeCommitArgs(w: XdrWriter, v: RemoteInterfaceChangeCommitArgs): void {
  w.uint(v.flags);
}

/** struct remote_interface_change_rollback_args */
export interface RemoteInterfaceChangeRollbackArgs {
  flags: number;
}
export function readRemoteInterfaceChangeRollbackArgs(r: XdrReader): RemoteInterfaceChangeRollbackArgs {
  return {
    flags: r.uint(),
  };
}
export function writeRemoteInterfaceChangeRollbackArgs(w: XdrWriter, v: RemoteInterfaceChangeRollbackArgs): void {
  w.uint(v.flags);
}

/** struct remote_auth_list_ret */
export interface RemoteAuthListRet {
  types: number[];
}
export interface RemoteAuthListRetIn {
  types: readonly number[];
}
export function readRemoteAuthListRet(r: XdrReader): RemoteAuthListRet {
  return {
    types: r.array((x) => x.int(), REMOTE_AUTH_TYPE_LIST_MAX),
  };
}
export function writeRemoteAuthListRet(w: XdrWriter, v: RemoteAuthListRetIn): void {
  writeArray(w, v.types, REMOTE_AUTH_TYPE_LIST_MAX, (x, y) => x.int(y), 'remote_auth_list_ret.types');
}

/** struct remote_auth_sasl_init_ret */
export interface RemoteAuthSaslInitRet {
  mechlist: RemoteNonnullString;
}
export function readRemoteAuthSaslInitRet(r: XdrReader): RemoteAuthSaslInitRet {
  return {
    mechlist: readRemoteNonnullString(r),
  };
}
export function writeRemoteAuthSaslInitRet(w: XdrWriter, v: RemoteAuthSaslInitRet): void {
  writeRemoteNonnullString(w, v.mechlist);
}

/** struct remote_auth_sasl_start_args */
export interface RemoteAuthSaslStartArgs {
  mech: RemoteNonnullString;
  nil: number;
  data: number[];
}
export interface RemoteAuthSaslStartArgsIn {
  mech: RemoteNonnullString;
  nil: number;
  data: readonly number[];
}
export function readRemoteAuthSaslStartArgs(r: XdrReader): RemoteAuthSaslStartArgs {
  return {
    mech: readRemoteNonnullString(r),
    nil: r.int(),
    data: r.array((x) => x.int(), REMOTE_AUTH_SASL_DATA_MAX),
  };
}
export function writeRemoteAuthSaslStartArgs(w: XdrWriter, v: RemoteAuthSaslStartArgsIn): void {
  writeRemoteNonnullString(w, v.mech);
  w.int(v.nil);
  writeArray(w, v.data, REMOTE_AUTH_SASL_DATA_MAX, (x, y) => x.int(y), 'remote_auth_sasl_start_args.data');
}

/** struct remote_auth_sasl_start_ret */
export interface RemoteAuthSaslStartRet {
  complete: number;
  nil: number;
  data: number[];
}
export interface RemoteAuthSaslStartRetIn {
  complete: number;
  nil: number;
  data: readonly number[];
}
export function readRemoteAuthSaslStartRet(r: XdrReader): RemoteAuthSaslStartRet {
  return {
    complete: r.int(),
    nil: r.int(),
    data: r.array((x) => x.int(), REMOTE_AUTH_SASL_DATA_MAX),
  };
}
export function writeRemoteAuthSaslStartRet(w: XdrWriter, v: RemoteAuthSaslStartRetIn): void {
  w.int(v.complete);
  w.int(v.nil);
  writeArray(w, v.data, REMOTE_AUTH_SASL_DATA_MAX, (x, y) => x.int(y), 'remote_auth_sasl_start_ret.data');
}

/** struct remote_auth_sasl_step_args */
export interface RemoteAuthSaslStepArgs {
  nil: number;
  data: number[];
}
export interface RemoteAuthSaslStepArgsIn {
  nil: number;
  data: readonly number[];
}
export function readRemoteAuthSaslStepArgs(r: XdrReader): RemoteAuthSaslStepArgs {
  return {
    nil: r.int(),
    data: r.array((x) => x.int(), REMOTE_AUTH_SASL_DATA_MAX),
  };
}
export function writeRemoteAuthSaslStepArgs(w: XdrWriter, v: RemoteAuthSaslStepArgsIn): void {
  w.int(v.nil);
  writeArray(w, v.data, REMOTE_AUTH_SASL_DATA_MAX, (x, y) => x.int(y), 'remote_auth_sasl_step_args.data');
}

/** struct remote_auth_sasl_step_ret */
export interface RemoteAuthSaslStepRet {
  complete: number;
  nil: number;
  data: number[];
}
export interface RemoteAuthSaslStepRetIn {
  complete: number;
  nil: number;
  data: readonly number[];
}
export function readRemoteAuthSaslStepRet(r: XdrReader): RemoteAuthSaslStepRet {
  return {
    complete: r.int(),
    nil: r.int(),
    data: r.array((x) => x.int(), REMOTE_AUTH_SASL_DATA_MAX),
  };
}
export function writeRemoteAuthSaslStepRet(w: XdrWriter, v: RemoteAuthSaslStepRetIn): void {
  w.int(v.complete);
  w.int(v.nil);
  writeArray(w, v.data, REMOTE_AUTH_SASL_DATA_MAX, (x, y) => x.int(y), 'remote_auth_sasl_step_ret.data');
}

/** struct remote_auth_polkit_ret */
export interface RemoteAuthPolkitRet {
  complete: number;
}
export function readRemoteAuthPolkitRet(r: XdrReader): RemoteAuthPolkitRet {
  return {
    complete: r.int(),
  };
}
export function writeRemoteAuthPolkitRet(w: XdrWriter, v: RemoteAuthPolkitRet): void {
  w.int(v.complete);
}

/** struct remote_connect_num_of_storage_pools_ret */
export interface RemoteConnectNumOfStoragePoolsRet {
  num: number;
}
export function readRemoteConnectNumOfStoragePoolsRet(r: XdrReader): RemoteConnectNumOfStoragePoolsRet {
  return {
    num: r.int(),
  };
}
export function writeRemoteConnectNumOfStoragePoolsRet(w: XdrWriter, v: RemoteConnectNumOfStoragePoolsRet): void {
  w.int(v.num);
}

/** struct remote_connect_list_storage_pools_args */
export interface RemoteConnectListStoragePoolsArgs {
  maxnames: number;
}
export function readRemoteConnectListStoragePoolsArgs(r: XdrReader): RemoteConnectListStoragePoolsArgs {
  return {
    maxnames: r.int(),
  };
}
export function writeRemoteConnectListStoragePoolsArgs(w: XdrWriter, v: RemoteConnectListStoragePoolsArgs): void {
  w.int(v.maxnames);
}

/** struct remote_connect_list_storage_pools_ret */
export interface RemoteConnectListStoragePoolsRet {
  names: RemoteNonnullString[];
}
export interface RemoteConnectListStoragePoolsRetIn {
  names: readonly RemoteNonnullString[];
}
export function readRemoteConnectListStoragePoolsRet(r: XdrReader): RemoteConnectListStoragePoolsRet {
  return {
    names: r.array(readRemoteNonnullString, REMOTE_STORAGE_POOL_LIST_MAX),
  };
}
export function writeRemoteConnectListStoragePoolsRet(w: XdrWriter, v: RemoteConnectListStoragePoolsRetIn): void {
  writeArray(w, v.names, REMOTE_STORAGE_POOL_LIST_MAX, writeRemoteNonnullString, 'remote_connect_list_storage_pools_ret.names');
}

/** struct remote_connect_num_of_defined_storage_pools_ret */
export interface RemoteConnectNumOfDefinedStoragePoolsRet {
  num: number;
}
export function readRemoteConnectNumOfDefinedStoragePoolsRet(r: XdrReader): RemoteConnectNumOfDefinedStoragePoolsRet {
  return {
    num: r.int(),
  };
}
export function writeRemoteConnectNumOfDefinedStoragePoolsRet(w: XdrWriter, v: RemoteConnectNumOfDefinedStoragePoolsRet): void {
  w.int(v.num);
}

/** struct remote_connect_list_defined_storage_pools_args */
export interface RemoteConnectListDefinedStoragePoolsArgs {
  maxnames: number;
}
export function readRemoteConnectListDefinedStoragePoolsArgs(r: XdrReader): RemoteConnectListDefinedStoragePoolsArgs {
  return {
    maxnames: r.int(),
  };
}
export function writeRemoteConnectListDefinedStoragePoolsArgs(w: XdrWriter, v: RemoteConnectListDefinedStoragePoolsArgs): void {
  w.int(v.maxnames);
}

/** struct remote_connect_list_defined_storage_pools_ret */
export interface RemoteConnectListDefinedStoragePoolsRet {
  names: RemoteNonnullString[];
}
export interface RemoteConnectListDefinedStoragePoolsRetIn {
  names: readonly RemoteNonnullString[];
}
export function readRemoteConnectListDefinedStoragePoolsRet(r: XdrReader): RemoteConnectListDefinedStoragePoolsRet {
  return {
    names: r.array(readRemoteNonnullString, REMOTE_STORAGE_POOL_LIST_MAX),
  };
}
export function writeRemoteConnectListDefinedStoragePoolsRet(w: XdrWriter, v: RemoteConnectListDefinedStoragePoolsRetIn): void {
  writeArray(w, v.names, REMOTE_STORAGE_POOL_LIST_MAX, writeRemoteNonnullString, 'remote_connect_list_defined_storage_pools_ret.names');
}

/** struct remote_connect_find_storage_pool_sources_args */
export interface RemoteConnectFindStoragePoolSourcesArgs {
  type: RemoteNonnullString;
  srcSpec: RemoteString;
  flags: number;
}
export interface RemoteConnectFindStoragePoolSourcesArgsIn {
  type: RemoteNonnullString;
  srcSpec: RemoteStringIn;
  flags: number;
}
export function readRemoteConnectFindStoragePoolSourcesArgs(r: XdrReader): RemoteConnectFindStoragePoolSourcesArgs {
  return {
    type: readRemoteNonnullString(r),
    srcSpec: readRemoteString(r),
    flags: r.uint(),
  };
}
export function writeRemoteConnectFindStoragePoolSourcesArgs(w: XdrWriter, v: RemoteConnectFindStoragePoolSourcesArgsIn): void {
  writeRemoteNonnullString(w, v.type);
  writeRemoteString(w, v.srcSpec);
  w.uint(v.flags);
}

/** struct remote_connect_find_storage_pool_sources_ret */
export interface RemoteConnectFindStoragePoolSourcesRet {
  xml: RemoteNonnullString;
}
export function readRemoteConnectFindStoragePoolSourcesRet(r: XdrReader): RemoteConnectFindStoragePoolSourcesRet {
  return {
    xml: readRemoteNonnullString(r),
  };
}
export function writeRemoteConnectFindStoragePoolSourcesRet(w: XdrWriter, v: RemoteConnectFindStoragePoolSourcesRet): void {
  writeRemoteNonnullString(w, v.xml);
}

/** struct remote_storage_pool_lookup_by_uuid_args */
export interface RemoteStoragePoolLookupByUuidArgs {
  uuid: string;
}
export function readRemoteStoragePoolLookupByUuidArgs(r: XdrReader): RemoteStoragePoolLookupByUuidArgs {
  return {
    uuid: readUuidText(r),
  };
}
export function writeRemoteStoragePoolLookupByUuidArgs(w: XdrWriter, v: RemoteStoragePoolLookupByUuidArgs): void {
  writeUuidText(w, v.uuid);
}

/** struct remote_storage_pool_lookup_by_uuid_ret */
export interface RemoteStoragePoolLookupByUuidRet {
  pool: RemoteNonnullStoragePool;
}
export function readRemoteStoragePoolLookupByUuidRet(r: XdrReader): RemoteStoragePoolLookupByUuidRet {
  return {
    pool: readRemoteNonnullStoragePool(r),
  };
}
export function writeRemoteStoragePoolLookupByUuidRet(w: XdrWriter, v: RemoteStoragePoolLookupByUuidRet): void {
  writeRemoteNonnullStoragePool(w, v.pool);
}

/** struct remote_storage_pool_lookup_by_name_args */
export interface RemoteStoragePoolLookupByNameArgs {
  name: RemoteNonnullString;
}
export function readRemoteStoragePoolLookupByNameArgs(r: XdrReader): RemoteStoragePoolLookupByNameArgs {
  return {
    name: readRemoteNonnullString(r),
  };
}
export function writeRemoteStoragePoolLookupByNameArgs(w: XdrWriter, v: RemoteStoragePoolLookupByNameArgs): void {
  writeRemoteNonnullString(w, v.name);
}

/** struct remote_storage_pool_lookup_by_name_ret */
export interface RemoteStoragePoolLookupByNameRet {
  pool: RemoteNonnullStoragePool;
}
export function readRemoteStoragePoolLookupByNameRet(r: XdrReader): RemoteStoragePoolLookupByNameRet {
  return {
    pool: readRemoteNonnullStoragePool(r),
  };
}
export function writeRemoteStoragePoolLookupByNameRet(w: XdrWriter, v: RemoteStoragePoolLookupByNameRet): void {
  writeRemoteNonnullStoragePool(w, v.pool);
}

/** struct remote_storage_pool_lookup_by_volume_args */
export interface RemoteStoragePoolLookupByVolumeArgs {
  vol: RemoteNonnullStorageVol;
}
export function readRemoteStoragePoolLookupByVolumeArgs(r: XdrReader): RemoteStoragePoolLookupByVolumeArgs {
  return {
    vol: readRemoteNonnullStorageVol(r),
  };
}
export function writeRemoteStoragePoolLookupByVolumeArgs(w: XdrWriter, v: RemoteStoragePoolLookupByVolumeArgs): void {
  writeRemoteNonnullStorageVol(w, v.vol);
}

/** struct remote_storage_pool_lookup_by_volume_ret */
export interface RemoteStoragePoolLookupByVolumeRet {
  pool: RemoteNonnullStoragePool;
}
export function readRemoteStoragePoolLookupByVolumeRet(r: XdrReader): RemoteStoragePoolLookupByVolumeRet {
  return {
    pool: readRemoteNonnullStoragePool(r),
  };
}
export function writeRemoteStoragePoolLookupByVolumeRet(w: XdrWriter, v: RemoteStoragePoolLookupByVolumeRet): void {
  writeRemoteNonnullStoragePool(w, v.pool);
}

/** struct remote_storage_pool_lookup_by_target_path_args */
export interface RemoteStoragePoolLookupByTargetPathArgs {
  path: RemoteNonnullString;
}
export function readRemoteStoragePoolLookupByTargetPathArgs(r: XdrReader): RemoteStoragePoolLookupByTargetPathArgs {
  return {
    path: readRemoteNonnullString(r),
  };
}
export function writeRemoteStoragePoolLookupByTargetPathArgs(w: XdrWriter, v: RemoteStoragePoolLookupByTargetPathArgs): void {
  writeRemoteNonnullString(w, v.path);
}

/** struct remote_storage_pool_lookup_by_target_path_ret */
export interface RemoteStoragePoolLookupByTargetPathRet {
  pool: RemoteNonnullStoragePool;
}
export function readRemoteStoragePoolLookupByTargetPathRet(r: XdrReader): RemoteStoragePoolLookupByTargetPathRet {
  return {
    pool: readRemoteNonnullStoragePool(r),
  };
}
export function writeRemoteStoragePoolLookupByTargetPathRet(w: XdrWriter, v: RemoteStoragePoolLookupByTargetPathRet): void {
  writeRemoteNonnullStoragePool(w, v.pool);
}

/** struct remote_storage_pool_create_xml_args */
export interface RemoteStoragePoolCreateXmlArgs {
  xml: RemoteNonnullString;
  flags: number;
}
export function readRemoteStoragePoolCreateXmlArgs(r: XdrReader): RemoteStoragePoolCreateXmlArgs {
  return {
    xml: readRemoteNonnullString(r),
    flags: r.uint(),
  };
}
export function writeRemoteStoragePoolCreateXmlArgs(w: XdrWriter, v: RemoteStoragePoolCreateXmlArgs): void {
  writeRemoteNonnullString(w, v.xml);
  w.uint(v.flags);
}

/** struct remote_storage_pool_create_xml_ret */
export interface RemoteStoragePoolCreateXmlRet {
  pool: RemoteNonnullStoragePool;
}
export function readRemoteStoragePoolCreateXmlRet(r: XdrReader): RemoteStoragePoolCreateXmlRet {
  return {
    pool: readRemoteNonnullStoragePool(r),
  };
}
export function writeRemoteStoragePoolCreateXmlRet(w: XdrWriter, v: RemoteStoragePoolCreateXmlRet): void {
  writeRemoteNonnullStoragePool(w, v.pool);
}

/** struct remote_storage_pool_define_xml_args */
export interface RemoteStoragePoolDefineXmlArgs {
  xml: RemoteNonnullString;
  flags: number;
}
export function readRemoteStoragePoolDefineXmlArgs(r: XdrReader): RemoteStoragePoolDefineXmlArgs {
  return {
    xml: readRemoteNonnullString(r),
    flags: r.uint(),
  };
}
export function writeRemoteStoragePoolDefineXmlArgs(w: XdrWriter, v: RemoteStoragePoolDefineXmlArgs): void {
  writeRemoteNonnullString(w, v.xml);
  w.uint(v.flags);
}

/** struct remote_storage_pool_define_xml_ret */
export interface RemoteStoragePoolDefineXmlRet {
  pool: RemoteNonnullStoragePool;
}
export function readRemoteStoragePoolDefineXmlRet(r: XdrReader): RemoteStoragePoolDefineXmlRet {
  return {
    pool: readRemoteNonnullStoragePool(r),
  };
}
export function writeRemoteStoragePoolDefineXmlRet(w: XdrWriter, v: RemoteStoragePoolDefineXmlRet): void {
  writeRemoteNonnullStoragePool(w, v.pool);
}

/** struct remote_storage_pool_build_args */
export interface RemoteStoragePoolBuildArgs {
  pool: RemoteNonnullStoragePool;
  flags: number;
}
export function readRemoteStoragePoolBuildArgs(r: XdrReader): RemoteStoragePoolBuildArgs {
  return {
    pool: readRemoteNonnullStoragePool(r),
    flags: r.uint(),
  };
}
export function writeRemoteStoragePoolBuildArgs(w: XdrWriter, v: RemoteStoragePoolBuildArgs): void {
  writeRemoteNonnullStoragePool(w, v.pool);
  w.uint(v.flags);
}

/** struct remote_storage_pool_undefine_args */
export interface RemoteStoragePoolUndefineArgs {
  pool: RemoteNonnullStoragePool;
}
export function readRemoteStoragePoolUndefineArgs(r: XdrReader): RemoteStoragePoolUndefineArgs {
  return {
    pool: readRemoteNonnullStoragePool(r),
  };
}
export function writeRemoteStoragePoolUndefineArgs(w: XdrWriter, v: RemoteStoragePoolUndefineArgs): void {
  writeRemoteNonnullStoragePool(w, v.pool);
}

/** struct remote_storage_pool_create_args */
export interface RemoteStoragePoolCreateArgs {
  pool: RemoteNonnullStoragePool;
  flags: number;
}
export function readRemoteStoragePoolCreateArgs(r: XdrReader): RemoteStoragePoolCreateArgs {
  return {
    pool: readRemoteNonnullStoragePool(r),
    flags: r.uint(),
  };
}
export function writeRemoteStoragePoolCreateArgs(w: XdrWriter, v: RemoteStoragePoolCreateArgs): void {
  writeRemoteNonnullStoragePool(w, v.pool);
  w.uint(v.flags);
}

/** struct remote_storage_pool_destroy_args */
export interface RemoteStoragePoolDestroyArgs {
  pool: RemoteNonnullStoragePool;
}
export function readRemoteStoragePoolDestroyArgs(r: XdrReader): RemoteStoragePoolDestroyArgs {
  return {
    pool: readRemoteNonnullStoragePool(r),
  };
}
export function writeRemoteStoragePoolDestroyArgs(w: XdrWriter, v: RemoteStoragePoolDestroyArgs): void {
  writeRemoteNonnullStoragePool(w, v.pool);
}

/** struct remote_storage_pool_delete_args */
export interface RemoteStoragePoolDeleteArgs {
  pool: RemoteNonnullStoragePool;
  flags: number;
}
export function readRemoteStoragePoolDeleteArgs(r: XdrReader): RemoteStoragePoolDeleteArgs {
  return {
    pool: readRemoteNonnullStoragePool(r),
    flags: r.uint(),
  };
}
export function writeRemoteStoragePoolDeleteArgs(w: XdrWriter, v: RemoteStoragePoolDeleteArgs): void {
  writeRemoteNonnullStoragePool(w, v.pool);
  w.uint(v.flags);
}

/** struct remote_storage_pool_refresh_args */
export interface RemoteStoragePoolRefreshArgs {
  pool: RemoteNonnullStoragePool;
  flags: number;
}
export function readRemoteStoragePoolRefreshArgs(r: XdrReader): RemoteStoragePoolRefreshArgs {
  return {
    pool: readRemoteNonnullStoragePool(r),
    flags: r.uint(),
  };
}
export function writeRemoteStoragePoolRefreshArgs(w: XdrWriter, v: RemoteStoragePoolRefreshArgs): void {
  writeRemoteNonnullStoragePool(w, v.pool);
  w.uint(v.flags);
}

/** struct remote_storage_pool_get_xml_desc_args */
export interface RemoteStoragePoolGetXmlDescArgs {
  pool: RemoteNonnullStoragePool;
  flags: number;
}
export function readRemoteStoragePoolGetXmlDescArgs(r: XdrReader): RemoteStoragePoolGetXmlDescArgs {
  return {
    pool: readRemoteNonnullStoragePool(r),
    flags: r.uint(),
  };
}
export function writeRemoteStoragePoolGetXmlDescArgs(w: XdrWriter, v: RemoteStoragePoolGetXmlDescArgs): void {
  writeRemoteNonnullStoragePool(w, v.pool);
  w.uint(v.flags);
}

/** struct remote_storage_pool_get_xml_desc_ret */
export interface RemoteStoragePoolGetXmlDescRet {
  xml: RemoteNonnullString;
}
export function readRemoteStoragePoolGetXmlDescRet(r: XdrReader): RemoteStoragePoolGetXmlDescRet {
  return {
    xml: readRemoteNonnullString(r),
  };
}
export function writeRemoteStoragePoolGetXmlDescRet(w: XdrWriter, v: RemoteStoragePoolGetXmlDescRet): void {
  writeRemoteNonnullString(w, v.xml);
}

/** struct remote_storage_pool_get_info_args */
export interface RemoteStoragePoolGetInfoArgs {
  pool: RemoteNonnullStoragePool;
}
export function readRemoteStoragePoolGetInfoArgs(r: XdrReader): RemoteStoragePoolGetInfoArgs {
  return {
    pool: readRemoteNonnullStoragePool(r),
  };
}
export function writeRemoteStoragePoolGetInfoArgs(w: XdrWriter, v: RemoteStoragePoolGetInfoArgs): void {
  writeRemoteNonnullStoragePool(w, v.pool);
}

/** struct remote_storage_pool_get_info_ret */
export interface RemoteStoragePoolGetInfoRet {
  state: number;
  capacity: bigint;
  allocation: bigint;
  available: bigint;
}
export interface RemoteStoragePoolGetInfoRetIn {
  state: number;
  capacity: bigint | number;
  allocation: bigint | number;
  available: bigint | number;
}
export function readRemoteStoragePoolGetInfoRet(r: XdrReader): RemoteStoragePoolGetInfoRet {
  return {
    state: r.uint(),
    capacity: r.uhyper(),
    allocation: r.uhyper(),
    available: r.uhyper(),
  };
}
export function writeRemoteStoragePoolGetInfoRet(w: XdrWriter, v: RemoteStoragePoolGetInfoRetIn): void {
  w.uint(v.state);
  w.uhyper(v.capacity);
  w.uhyper(v.allocation);
  w.uhyper(v.available);
}

/** struct remote_storage_pool_get_autostart_args */
export interface RemoteStoragePoolGetAutostartArgs {
  pool: RemoteNonnullStoragePool;
}
export function readRemoteStoragePoolGetAutostartArgs(r: XdrReader): RemoteStoragePoolGetAutostartArgs {
  return {
    pool: readRemoteNonnullStoragePool(r),
  };
}
export function writeRemoteStoragePoolGetAutostartArgs(w: XdrWriter, v: RemoteStoragePoolGetAutostartArgs): void {
  writeRemoteNonnullStoragePool(w, v.pool);
}

/** struct remote_storage_pool_get_autostart_ret */
export interface RemoteStoragePoolGetAutostartRet {
  autostart: number;
}
export function readRemoteStoragePoolGetAutostartRet(r: XdrReader): RemoteStoragePoolGetAutostartRet {
  return {
    autostart: r.int(),
  };
}
export function writeRemoteStoragePoolGetAutostartRet(w: XdrWriter, v: RemoteStoragePoolGetAutostartRet): void {
  w.int(v.autostart);
}

/** struct remote_storage_pool_set_autostart_args */
export interface RemoteStoragePoolSetAutostartArgs {
  pool: RemoteNonnullStoragePool;
  autostart: number;
}
export function readRemoteStoragePoolSetAutostartArgs(r: XdrReader): RemoteStoragePoolSetAutostartArgs {
  return {
    pool: readRemoteNonnullStoragePool(r),
    autostart: r.int(),
  };
}
export function writeRemoteStoragePoolSetAutostartArgs(w: XdrWriter, v: RemoteStoragePoolSetAutostartArgs): void {
  writeRemoteNonnullStoragePool(w, v.pool);
  w.int(v.autostart);
}

/** struct remote_storage_pool_num_of_volumes_args */
export interface RemoteStoragePoolNumOfVolumesArgs {
  pool: RemoteNonnullStoragePool;
}
export function readRemoteStoragePoolNumOfVolumesArgs(r: XdrReader): RemoteStoragePoolNumOfVolumesArgs {
  return {
    pool: readRemoteNonnullStoragePool(r),
  };
}
export function writeRemoteStoragePoolNumOfVolumesArgs(w: XdrWriter, v: RemoteStoragePoolNumOfVolumesArgs): void {
  writeRemoteNonnullStoragePool(w, v.pool);
}

/** struct remote_storage_pool_num_of_volumes_ret */
export interface RemoteStoragePoolNumOfVolumesRet {
  num: number;
}
export function readRemoteStoragePoolNumOfVolumesRet(r: XdrReader): RemoteStoragePoolNumOfVolumesRet {
  return {
    num: r.int(),
  };
}
export function writeRemoteStoragePoolNumOfVolumesRet(w: XdrWriter, v: RemoteStoragePoolNumOfVolumesRet): void {
  w.int(v.num);
}

/** struct remote_storage_pool_list_volumes_args */
export interface RemoteStoragePoolListVolumesArgs {
  pool: RemoteNonnullStoragePool;
  maxnames: number;
}
export function readRemoteStoragePoolListVolumesArgs(r: XdrReader): RemoteStoragePoolListVolumesArgs {
  return {
    pool: readRemoteNonnullStoragePool(r),
    maxnames: r.int(),
  };
}
export function writeRemoteStoragePoolListVolumesArgs(w: XdrWriter, v: RemoteStoragePoolListVolumesArgs): void {
  writeRemoteNonnullStoragePool(w, v.pool);
  w.int(v.maxnames);
}

/** struct remote_storage_pool_list_volumes_ret */
export interface RemoteStoragePoolListVolumesRet {
  names: RemoteNonnullString[];
}
export interface RemoteStoragePoolListVolumesRetIn {
  names: readonly RemoteNonnullString[];
}
export function readRemoteStoragePoolListVolumesRet(r: XdrReader): RemoteStoragePoolListVolumesRet {
  return {
    names: r.array(readRemoteNonnullString, REMOTE_STORAGE_VOL_LIST_MAX),
  };
}
export function writeRemoteStoragePoolListVolumesRet(w: XdrWriter, v: RemoteStoragePoolListVolumesRetIn): void {
  writeArray(w, v.names, REMOTE_STORAGE_VOL_LIST_MAX, writeRemoteNonnullString, 'remote_storage_pool_list_volumes_ret.names');
}

/** struct remote_storage_vol_lookup_by_name_args */
export interface RemoteStorageVolLookupByNameArgs {
  pool: RemoteNonnullStoragePool;
  name: RemoteNonnullString;
}
export function readRemoteStorageVolLookupByNameArgs(r: XdrReader): RemoteStorageVolLookupByNameArgs {
  return {
    pool: readRemoteNonnullStoragePool(r),
    name: readRemoteNonnullString(r),
  };
}
export function writeRemoteStorageVolLookupByNameArgs(w: XdrWriter, v: RemoteStorageVolLookupByNameArgs): void {
  writeRemoteNonnullStoragePool(w, v.pool);
  writeRemoteNonnullString(w, v.name);
}

/** struct remote_storage_vol_lookup_by_name_ret */
export interface RemoteStorageVolLookupByNameRet {
  vol: RemoteNonnullStorageVol;
}
export function readRemoteStorageVolLookupByNameRet(r: XdrReader): RemoteStorageVolLookupByNameRet {
  return {
    vol: readRemoteNonnullStorageVol(r),
  };
}
export function writeRemoteStorageVolLookupByNameRet(w: XdrWriter, v: RemoteStorageVolLookupByNameRet): void {
  writeRemoteNonnullStorageVol(w, v.vol);
}

/** struct remote_storage_vol_lookup_by_key_args */
export interface RemoteStorageVolLookupByKeyArgs {
  key: RemoteNonnullString;
}
export function readRemoteStorageVolLookupByKeyArgs(r: XdrReader): RemoteStorageVolLookupByKeyArgs {
  return {
    key: readRemoteNonnullString(r),
  };
}
export function writeRemoteStorageVolLookupByKeyArgs(w: XdrWriter, v: RemoteStorageVolLookupByKeyArgs): void {
  writeRemoteNonnullString(w, v.key);
}

/** struct remote_storage_vol_lookup_by_key_ret */
export interface RemoteStorageVolLookupByKeyRet {
  vol: RemoteNonnullStorageVol;
}
export function readRemoteStorageVolLookupByKeyRet(r: XdrReader): RemoteStorageVolLookupByKeyRet {
  return {
    vol: readRemoteNonnullStorageVol(r),
  };
}
export function writeRemoteStorageVolLookupByKeyRet(w: XdrWriter, v: RemoteStorageVolLookupByKeyRet): void {
  writeRemoteNonnullStorageVol(w, v.vol);
}

/** struct remote_storage_vol_lookup_by_path_args */
export interface RemoteStorageVolLookupByPathArgs {
  path: RemoteNonnullString;
}
export function readRemoteStorageVolLookupByPathArgs(r: XdrReader): RemoteStorageVolLookupByPathArgs {
  return {
    path: readRemoteNonnullString(r),
  };
}
export function writeRemoteStorageVolLookupByPathArgs(w: XdrWriter, v: RemoteStorageVolLookupByPathArgs): void {
  writeRemoteNonnullString(w, v.path);
}

/** struct remote_storage_vol_lookup_by_path_ret */
export interface RemoteStorageVolLookupByPathRet {
  vol: RemoteNonnullStorageVol;
}
export function readRemoteStorageVolLookupByPathRet(r: XdrReader): RemoteStorageVolLookupByPathRet {
  return {
    vol: readRemoteNonnullStorageVol(r),
  };
}
export function writeRemoteStorageVolLookupByPathRet(w: XdrWriter, v: RemoteStorageVolLookupByPathRet): void {
  writeRemoteNonnullStorageVol(w, v.vol);
}

/** struct remote_storage_vol_create_xml_args */
export interface RemoteStorageVolCreateXmlArgs {
  pool: RemoteNonnullStoragePool;
  xml: RemoteNonnullString;
  flags: number;
}
export function readRemoteStorageVolCreateXmlArgs(r: XdrReader): RemoteStorageVolCreateXmlArgs {
  return {
    pool: readRemoteNonnullStoragePool(r),
    xml: readRemoteNonnullString(r),
    flags: r.uint(),
  };
}
export function writeRemoteStorageVolCreateXmlArgs(w: XdrWriter, v: RemoteStorageVolCreateXmlArgs): void {
  writeRemoteNonnullStoragePool(w, v.pool);
  writeRemoteNonnullString(w, v.xml);
  w.uint(v.flags);
}

/** struct remote_storage_vol_create_xml_ret */
export interface RemoteStorageVolCreateXmlRet {
  vol: RemoteNonnullStorageVol;
}
export function readRemoteStorageVolCreateXmlRet(r: XdrReader): RemoteStorageVolCreateXmlRet {
  return {
    vol: readRemoteNonnullStorageVol(r),
  };
}
export function writeRemoteStorageVolCreateXmlRet(w: XdrWriter, v: RemoteStorageVolCreateXmlRet): void {
  writeRemoteNonnullStorageVol(w, v.vol);
}

/** struct remote_storage_vol_create_xml_from_args */
export interface RemoteStorageVolCreateXmlFromArgs {
  pool: RemoteNonnullStoragePool;
  xml: RemoteNonnullString;
  clonevol: RemoteNonnullStorageVol;
  flags: number;
}
export function readRemoteStorageVolCreateXmlFromArgs(r: XdrReader): RemoteStorageVolCreateXmlFromArgs {
  return {
    pool: readRemoteNonnullStoragePool(r),
    xml: readRemoteNonnullString(r),
    clonevol: readRemoteNonnullStorageVol(r),
    flags: r.uint(),
  };
}
export function writeRemoteStorageVolCreateXmlFromArgs(w: XdrWriter, v: RemoteStorageVolCreateXmlFromArgs): void {
  writeRemoteNonnullStoragePool(w, v.pool);
  writeRemoteNonnullString(w, v.xml);
  writeRemoteNonnullStorageVol(w, v.clonevol);
  w.uint(v.flags);
}

/** struct remote_storage_vol_create_xml_from_ret */
export interface RemoteStorageVolCreateXmlFromRet {
  vol: RemoteNonnullStorageVol;
}
export function readRemoteStorageVolCreateXmlFromRet(r: XdrReader): RemoteStorageVolCreateXmlFromRet {
  return {
    vol: readRemoteNonnullStorageVol(r),
  };
}
export function writeRemoteStorageVolCreateXmlFromRet(w: XdrWriter, v: RemoteStorageVolCreateXmlFromRet): void {
  writeRemoteNonnullStorageVol(w, v.vol);
}

/** struct remote_storage_vol_delete_args */
export interface RemoteStorageVolDeleteArgs {
  vol: RemoteNonnullStorageVol;
  flags: number;
}
export function readRemoteStorageVolDeleteArgs(r: XdrReader): RemoteStorageVolDeleteArgs {
  return {
    vol: readRemoteNonnullStorageVol(r),
    flags: r.uint(),
  };
}
export function writeRemoteStorageVolDeleteArgs(w: XdrWriter, v: RemoteStorageVolDeleteArgs): void {
  writeRemoteNonnullStorageVol(w, v.vol);
  w.uint(v.flags);
}

/** struct remote_storage_vol_wipe_args */
export interface RemoteStorageVolWipeArgs {
  vol: RemoteNonnullStorageVol;
  flags: number;
}
export function readRemoteStorageVolWipeArgs(r: XdrReader): RemoteStorageVolWipeArgs {
  return {
    vol: readRemoteNonnullStorageVol(r),
    flags: r.uint(),
  };
}
export function writeRemoteStorageVolWipeArgs(w: XdrWriter, v: RemoteStorageVolWipeArgs): void {
  writeRemoteNonnullStorageVol(w, v.vol);
  w.uint(v.flags);
}

/** struct remote_storage_vol_wipe_pattern_args */
export interface RemoteStorageVolWipePatternArgs {
  vol: RemoteNonnullStorageVol;
  algorithm: number;
  flags: number;
}
export function readRemoteStorageVolWipePatternArgs(r: XdrReader): RemoteStorageVolWipePatternArgs {
  return {
    vol: readRemoteNonnullStorageVol(r),
    algorithm: r.uint(),
    flags: r.uint(),
  };
}
export function writeRemoteStorageVolWipePatternArgs(w: XdrWriter, v: RemoteStorageVolWipePatternArgs): void {
  writeRemoteNonnullStorageVol(w, v.vol);
  w.uint(v.algorithm);
  w.uint(v.flags);
}

/** struct remote_storage_vol_get_xml_desc_args */
export interface RemoteStorageVolGetXmlDescArgs {
  vol: RemoteNonnullStorageVol;
  flags: number;
}
export function readRemoteStorageVolGetXmlDescArgs(r: XdrReader): RemoteStorageVolGetXmlDescArgs {
  return {
    vol: readRemoteNonnullStorageVol(r),
    flags: r.uint(),
  };
}
export function writeRemoteStorageVolGetXmlDescArgs(w: XdrWriter, v: RemoteStorageVolGetXmlDescArgs): void {
  writeRemoteNonnullStorageVol(w, v.vol);
  w.uint(v.flags);
}

/** struct remote_storage_vol_get_xml_desc_ret */
export interface RemoteStorageVolGetXmlDescRet {
  xml: RemoteNonnullString;
}
export function readRemoteStorageVolGetXmlDescRet(r: XdrReader): RemoteStorageVolGetXmlDescRet {
  return {
    xml: readRemoteNonnullString(r),
  };
}
export function writeRemoteStorageVolGetXmlDescRet(w: XdrWriter, v: RemoteStorageVolGetXmlDescRet): void {
  writeRemoteNonnullString(w, v.xml);
}

/** struct remote_storage_vol_get_info_args */
export interface RemoteStorageVolGetInfoArgs {
  vol: RemoteNonnullStorageVol;
}
export function readRemoteStorageVolGetInfoArgs(r: XdrReader): RemoteStorageVolGetInfoArgs {
  return {
    vol: readRemoteNonnullStorageVol(r),
  };
}
export function writeRemoteStorageVolGetInfoArgs(w: XdrWriter, v: RemoteStorageVolGetInfoArgs): void {
  writeRemoteNonnullStorageVol(w, v.vol);
}

/** struct remote_storage_vol_get_info_ret */
export interface RemoteStorageVolGetInfoRet {
  type: number;
  capacity: bigint;
  allocation: bigint;
}
export interface RemoteStorageVolGetInfoRetIn {
  type: number;
  capacity: bigint | number;
  allocation: bigint | number;
}
export function readRemoteStorageVolGetInfoRet(r: XdrReader): RemoteStorageVolGetInfoRet {
  return {
    type: r.int(),
    capacity: r.uhyper(),
    allocation: r.uhyper(),
  };
}
export function writeRemoteStorageVolGetInfoRet(w: XdrWriter, v: RemoteStorageVolGetInfoRetIn): void {
  w.int(v.type);
  w.uhyper(v.capacity);
  w.uhyper(v.allocation);
}

/** struct remote_storage_vol_get_info_flags_args */
export interface RemoteStorageVolGetInfoFlagsArgs {
  vol: RemoteNonnullStorageVol;
  flags: number;
}
export function readRemoteStorageVolGetInfoFlagsArgs(r: XdrReader): RemoteStorageVolGetInfoFlagsArgs {
  return {
    vol: readRemoteNonnullStorageVol(r),
    flags: r.uint(),
  };
}
export function writeRemoteStorageVolGetInfoFlagsArgs(w: XdrWriter, v: RemoteStorageVolGetInfoFlagsArgs): void {
  writeRemoteNonnullStorageVol(w, v.vol);
  w.uint(v.flags);
}

/** struct remote_storage_vol_get_info_flags_ret */
export interface RemoteStorageVolGetInfoFlagsRet {
  type: number;
  capacity: bigint;
  allocation: bigint;
}
export interface RemoteStorageVolGetInfoFlagsRetIn {
  type: number;
  capacity: bigint | number;
  allocation: bigint | number;
}
export function readRemoteStorageVolGetInfoFlagsRet(r: XdrReader): RemoteStorageVolGetInfoFlagsRet {
  return {
    type: r.int(),
    capacity: r.uhyper(),
    allocation: r.uhyper(),
  };
}
export function writeRemoteStorageVolGetInfoFlagsRet(w: XdrWriter, v: RemoteStorageVolGetInfoFlagsRetIn): void {
  w.int(v.type);
  w.uhyper(v.capacity);
  w.uhyper(v.allocation);
}

/** struct remote_storage_vol_get_path_args */
export interface RemoteStorageVolGetPathArgs {
  vol: RemoteNonnullStorageVol;
}
export function readRemoteStorageVolGetPathArgs(r: XdrReader): RemoteStorageVolGetPathArgs {
  return {
    vol: readRemoteNonnullStorageVol(r),
  };
}
export function writeRemoteStorageVolGetPathArgs(w: XdrWriter, v: RemoteStorageVolGetPathArgs): void {
  writeRemoteNonnullStorageVol(w, v.vol);
}

/** struct remote_storage_vol_get_path_ret */
export interface RemoteStorageVolGetPathRet {
  name: RemoteNonnullString;
}
export function readRemoteStorageVolGetPathRet(r: XdrReader): RemoteStorageVolGetPathRet {
  return {
    name: readRemoteNonnullString(r),
  };
}
export function writeRemoteStorageVolGetPathRet(w: XdrWriter, v: RemoteStorageVolGetPathRet): void {
  writeRemoteNonnullString(w, v.name);
}

/** struct remote_storage_vol_resize_args */
export interface RemoteStorageVolResizeArgs {
  vol: RemoteNonnullStorageVol;
  capacity: bigint;
  flags: number;
}
export interface RemoteStorageVolResizeArgsIn {
  vol: RemoteNonnullStorageVol;
  capacity: bigint | number;
  flags: number;
}
export function readRemoteStorageVolResizeArgs(r: XdrReader): RemoteStorageVolResizeArgs {
  return {
    vol: readRemoteNonnullStorageVol(r),
    capacity: r.uhyper(),
    flags: r.uint(),
  };
}
export function writeRemoteStorageVolResizeArgs(w: XdrWriter, v: RemoteStorageVolResizeArgsIn): void {
  writeRemoteNonnullStorageVol(w, v.vol);
  w.uhyper(v.capacity);
  w.uint(v.flags);
}

/** struct remote_node_num_of_devices_args */
export interface RemoteNodeNumOfDevicesArgs {
  cap: RemoteString;
  flags: number;
}
export interface RemoteNodeNumOfDevicesArgsIn {
  cap: RemoteStringIn;
  flags: number;
}
export function readRemoteNodeNumOfDevicesArgs(r: XdrReader): RemoteNodeNumOfDevicesArgs {
  return {
    cap: readRemoteString(r),
    flags: r.uint(),
  };
}
export function writeRemoteNodeNumOfDevicesArgs(w: XdrWriter, v: RemoteNodeNumOfDevicesArgsIn): void {
  writeRemoteString(w, v.cap);
  w.uint(v.flags);
}

/** struct remote_node_num_of_devices_ret */
export interface RemoteNodeNumOfDevicesRet {
  num: number;
}
export function readRemoteNodeNumOfDevicesRet(r: XdrReader): RemoteNodeNumOfDevicesRet {
  return {
    num: r.int(),
  };
}
export function writeRemoteNodeNumOfDevicesRet(w: XdrWriter, v: RemoteNodeNumOfDevicesRet): void {
  w.int(v.num);
}

/** struct remote_node_list_devices_args */
export interface RemoteNodeListDevicesArgs {
  cap: RemoteString;
  maxnames: number;
  flags: number;
}
export interface RemoteNodeListDevicesArgsIn {
  cap: RemoteStringIn;
  maxnames: number;
  flags: number;
}
export function readRemoteNodeListDevicesArgs(r: XdrReader): RemoteNodeListDevicesArgs {
  return {
    cap: readRemoteString(r),
    maxnames: r.int(),
    flags: r.uint(),
  };
}
export function writeRemoteNodeListDevicesArgs(w: XdrWriter, v: RemoteNodeListDevicesArgsIn): void {
  writeRemoteString(w, v.cap);
  w.int(v.maxnames);
  w.uint(v.flags);
}

/** struct remote_node_list_devices_ret */
export interface RemoteNodeListDevicesRet {
  names: RemoteNonnullString[];
}
export interface RemoteNodeListDevicesRetIn {
  names: readonly RemoteNonnullString[];
}
export function readRemoteNodeListDevicesRet(r: XdrReader): RemoteNodeListDevicesRet {
  return {
    names: r.array(readRemoteNonnullString, REMOTE_NODE_DEVICE_LIST_MAX),
  };
}
export function writeRemoteNodeListDevicesRet(w: XdrWriter, v: RemoteNodeListDevicesRetIn): void {
  writeArray(w, v.names, REMOTE_NODE_DEVICE_LIST_MAX, writeRemoteNonnullString, 'remote_node_list_devices_ret.names');
}

/** struct remote_node_device_lookup_by_name_args */
export interface RemoteNodeDeviceLookupByNameArgs {
  name: RemoteNonnullString;
}
export function readRemoteNodeDeviceLookupByNameArgs(r: XdrReader): RemoteNodeDeviceLookupByNameArgs {
  return {
    name: readRemoteNonnullString(r),
  };
}
export function writeRemoteNodeDeviceLookupByNameArgs(w: XdrWriter, v: RemoteNodeDeviceLookupByNameArgs): void {
  writeRemoteNonnullString(w, v.name);
}

/** struct remote_node_device_lookup_by_name_ret */
export interface RemoteNodeDeviceLookupByNameRet {
  dev: RemoteNonnullNodeDevice;
}
export function readRemoteNodeDeviceLookupByNameRet(r: XdrReader): RemoteNodeDeviceLookupByNameRet {
  return {
    dev: readRemoteNonnullNodeDevice(r),
  };
}
export function writeRemoteNodeDeviceLookupByNameRet(w: XdrWriter, v: RemoteNodeDeviceLookupByNameRet): void {
  writeRemoteNonnullNodeDevice(w, v.dev);
}

/** struct remote_node_device_lookup_scsi_host_by_wwn_args */
export interface RemoteNodeDeviceLookupScsiHostByWwnArgs {
  wwnn: RemoteNonnullString;
  wwpn: RemoteNonnullString;
  flags: number;
}
export function readRemoteNodeDeviceLookupScsiHostByWwnArgs(r: XdrReader): RemoteNodeDeviceLookupScsiHostByWwnArgs {
  return {
    wwnn: readRemoteNonnullString(r),
    wwpn: readRemoteNonnullString(r),
    flags: r.uint(),
  };
}
export function writeRemoteNodeDeviceLookupScsiHostByWwnArgs(w: XdrWriter, v: RemoteNodeDeviceLookupScsiHostByWwnArgs): void {
  writeRemoteNonnullString(w, v.wwnn);
  writeRemoteNonnullString(w, v.wwpn);
  w.uint(v.flags);
}

/** struct remote_node_device_lookup_scsi_host_by_wwn_ret */
export interface RemoteNodeDeviceLookupScsiHostByWwnRet {
  dev: RemoteNonnullNodeDevice;
}
export function readRemoteNodeDeviceLookupScsiHostByWwnRet(r: XdrReader): RemoteNodeDeviceLookupScsiHostByWwnRet {
  return {
    dev: readRemoteNonnullNodeDevice(r),
  };
}
export function writeRemoteNodeDeviceLookupScsiHostByWwnRet(w: XdrWriter, v: RemoteNodeDeviceLookupScsiHostByWwnRet): void {
  writeRemoteNonnullNodeDevice(w, v.dev);
}

/** struct remote_node_device_get_xml_desc_args */
export interface RemoteNodeDeviceGetXmlDescArgs {
  name: RemoteNonnullString;
  flags: number;
}
export function readRemoteNodeDeviceGetXmlDescArgs(r: XdrReader): RemoteNodeDeviceGetXmlDescArgs {
  return {
    name: readRemoteNonnullString(r),
    flags: r.uint(),
  };
}
export function writeRemoteNodeDeviceGetXmlDescArgs(w: XdrWriter, v: RemoteNodeDeviceGetXmlDescArgs): void {
  writeRemoteNonnullString(w, v.name);
  w.uint(v.flags);
}

/** struct remote_node_device_get_xml_desc_ret */
export interface RemoteNodeDeviceGetXmlDescRet {
  xml: RemoteNonnullString;
}
export function readRemoteNodeDeviceGetXmlDescRet(r: XdrReader): RemoteNodeDeviceGetXmlDescRet {
  return {
    xml: readRemoteNonnullString(r),
  };
}
export function writeRemoteNodeDeviceGetXmlDescRet(w: XdrWriter, v: RemoteNodeDeviceGetXmlDescRet): void {
  writeRemoteNonnullString(w, v.xml);
}

/** struct remote_node_device_get_parent_args */
export interface RemoteNodeDeviceGetParentArgs {
  name: RemoteNonnullString;
}
export function readRemoteNodeDeviceGetParentArgs(r: XdrReader): RemoteNodeDeviceGetParentArgs {
  return {
    name: readRemoteNonnullString(r),
  };
}
export function writeRemoteNodeDeviceGetParentArgs(w: XdrWriter, v: RemoteNodeDeviceGetParentArgs): void {
  writeRemoteNonnullString(w, v.name);
}

/** struct remote_node_device_get_parent_ret */
export interface RemoteNodeDeviceGetParentRet {
  parentName: RemoteString;
}
export interface RemoteNodeDeviceGetParentRetIn {
  parentName: RemoteStringIn;
}
export function readRemoteNodeDeviceGetParentRet(r: XdrReader): RemoteNodeDeviceGetParentRet {
  return {
    parentName: readRemoteString(r),
  };
}
export function writeRemoteNodeDeviceGetParentRet(w: XdrWriter, v: RemoteNodeDeviceGetParentRetIn): void {
  writeRemoteString(w, v.parentName);
}

/** struct remote_node_device_num_of_caps_args */
export interface RemoteNodeDeviceNumOfCapsArgs {
  name: RemoteNonnullString;
}
export function readRemoteNodeDeviceNumOfCapsArgs(r: XdrReader): RemoteNodeDeviceNumOfCapsArgs {
  return {
    name: readRemoteNonnullString(r),
  };
}
export function writeRemoteNodeDeviceNumOfCapsArgs(w: XdrWriter, v: RemoteNodeDeviceNumOfCapsArgs): void {
  writeRemoteNonnullString(w, v.name);
}

/** struct remote_node_device_num_of_caps_ret */
export interface RemoteNodeDeviceNumOfCapsRet {
  num: number;
}
export function readRemoteNodeDeviceNumOfCapsRet(r: XdrReader): RemoteNodeDeviceNumOfCapsRet {
  return {
    num: r.int(),
  };
}
export function writeRemoteNodeDeviceNumOfCapsRet(w: XdrWriter, v: RemoteNodeDeviceNumOfCapsRet): void {
  w.int(v.num);
}

/** struct remote_node_device_list_caps_args */
export interface RemoteNodeDeviceListCapsArgs {
  name: RemoteNonnullString;
  maxnames: number;
}
export function readRemoteNodeDeviceListCapsArgs(r: XdrReader): RemoteNodeDeviceListCapsArgs {
  return {
    name: readRemoteNonnullString(r),
    maxnames: r.int(),
  };
}
export function writeRemoteNodeDeviceListCapsArgs(w: XdrWriter, v: RemoteNodeDeviceListCapsArgs): void {
  writeRemoteNonnullString(w, v.name);
  w.int(v.maxnames);
}

/** struct remote_node_device_list_caps_ret */
export interface RemoteNodeDeviceListCapsRet {
  names: RemoteNonnullString[];
}
export interface RemoteNodeDeviceListCapsRetIn {
  names: readonly RemoteNonnullString[];
}
export function readRemoteNodeDeviceListCapsRet(r: XdrReader): RemoteNodeDeviceListCapsRet {
  return {
    names: r.array(readRemoteNonnullString, REMOTE_NODE_DEVICE_CAPS_LIST_MAX),
  };
}
export function writeRemoteNodeDeviceListCapsRet(w: XdrWriter, v: RemoteNodeDeviceListCapsRetIn): void {
  writeArray(w, v.names, REMOTE_NODE_DEVICE_CAPS_LIST_MAX, writeRemoteNonnullString, 'remote_node_device_list_caps_ret.names');
}

/** struct remote_node_device_dettach_args */
export interface RemoteNodeDeviceDettachArgs {
  name: RemoteNonnullString;
}
export function readRemoteNodeDeviceDettachArgs(r: XdrReader): RemoteNodeDeviceDettachArgs {
  return {
    name: readRemoteNonnullString(r),
  };
}
export function writeRemoteNodeDeviceDettachArgs(w: XdrWriter, v: RemoteNodeDeviceDettachArgs): void {
  writeRemoteNonnullString(w, v.name);
}

/** struct remote_node_device_detach_flags_args */
export interface RemoteNodeDeviceDetachFlagsArgs {
  name: RemoteNonnullString;
  driverName: RemoteString;
  flags: number;
}
export interface RemoteNodeDeviceDetachFlagsArgsIn {
  name: RemoteNonnullString;
  driverName: RemoteStringIn;
  flags: number;
}
export function readRemoteNodeDeviceDetachFlagsArgs(r: XdrReader): RemoteNodeDeviceDetachFlagsArgs {
  return {
    name: readRemoteNonnullString(r),
    driverName: readRemoteString(r),
    flags: r.uint(),
  };
}
export function writeRemoteNodeDeviceDetachFlagsArgs(w: XdrWriter, v: RemoteNodeDeviceDetachFlagsArgsIn): void {
  writeRemoteNonnullString(w, v.name);
  writeRemoteString(w, v.driverName);
  w.uint(v.flags);
}

/** struct remote_node_device_re_attach_args */
export interface RemoteNodeDeviceReAttachArgs {
  name: RemoteNonnullString;
}
export function readRemoteNodeDeviceReAttachArgs(r: XdrReader): RemoteNodeDeviceReAttachArgs {
  return {
    name: readRemoteNonnullString(r),
  };
}
export function writeRemoteNodeDeviceReAttachArgs(w: XdrWriter, v: RemoteNodeDeviceReAttachArgs): void {
  writeRemoteNonnullString(w, v.name);
}

/** struct remote_node_device_reset_args */
export interface RemoteNodeDeviceResetArgs {
  name: RemoteNonnullString;
}
export function readRemoteNodeDeviceResetArgs(r: XdrReader): RemoteNodeDeviceResetArgs {
  return {
    name: readRemoteNonnullString(r),
  };
}
export function writeRemoteNodeDeviceResetArgs(w: XdrWriter, v: RemoteNodeDeviceResetArgs): void {
  writeRemoteNonnullString(w, v.name);
}

/** struct remote_node_device_create_xml_args */
export interface RemoteNodeDeviceCreateXmlArgs {
  xml_desc: RemoteNonnullString;
  flags: number;
}
export function readRemoteNodeDeviceCreateXmlArgs(r: XdrReader): RemoteNodeDeviceCreateXmlArgs {
  return {
    xml_desc: readRemoteNonnullString(r),
    flags: r.uint(),
  };
}
export function writeRemoteNodeDeviceCreateXmlArgs(w: XdrWriter, v: RemoteNodeDeviceCreateXmlArgs): void {
  writeRemoteNonnullString(w, v.xml_desc);
  w.uint(v.flags);
}

/** struct remote_node_device_create_xml_ret */
export interface RemoteNodeDeviceCreateXmlRet {
  dev: RemoteNonnullNodeDevice;
}
export function readRemoteNodeDeviceCreateXmlRet(r: XdrReader): RemoteNodeDeviceCreateXmlRet {
  return {
    dev: readRemoteNonnullNodeDevice(r),
  };
}
export function writeRemoteNodeDeviceCreateXmlRet(w: XdrWriter, v: RemoteNodeDeviceCreateXmlRet): void {
  writeRemoteNonnullNodeDevice(w, v.dev);
}

/** struct remote_node_device_destroy_args */
export interface RemoteNodeDeviceDestroyArgs {
  name: RemoteNonnullString;
}
export function readRemoteNodeDeviceDestroyArgs(r: XdrReader): RemoteNodeDeviceDestroyArgs {
  return {
    name: readRemoteNonnullString(r),
  };
}
export function writeRemoteNodeDeviceDestroyArgs(w: XdrWriter, v: RemoteNodeDeviceDestroyArgs): void {
  writeRemoteNonnullString(w, v.name);
}

/** struct remote_node_device_define_xml_args */
export interface RemoteNodeDeviceDefineXmlArgs {
  xml_desc: RemoteNonnullString;
  flags: number;
}
export function readRemoteNodeDeviceDefineXmlArgs(r: XdrReader): RemoteNodeDeviceDefineXmlArgs {
  return {
    xml_desc: readRemoteNonnullString(r),
    flags: r.uint(),
  };
}
export function writeRemoteNodeDeviceDefineXmlArgs(w: XdrWriter, v: RemoteNodeDeviceDefineXmlArgs): void {
  writeRemoteNonnullString(w, v.xml_desc);
  w.uint(v.flags);
}

/** struct remote_node_device_define_xml_ret */
export interface RemoteNodeDeviceDefineXmlRet {
  dev: RemoteNonnullNodeDevice;
}
export function readRemoteNodeDeviceDefineXmlRet(r: XdrReader): RemoteNodeDeviceDefineXmlRet {
  return {
    dev: readRemoteNonnullNodeDevice(r),
  };
}
export function writeRemoteNodeDeviceDefineXmlRet(w: XdrWriter, v: RemoteNodeDeviceDefineXmlRet): void {
  writeRemoteNonnullNodeDevice(w, v.dev);
}

/** struct remote_node_device_undefine_args */
export interface RemoteNodeDeviceUndefineArgs {
  name: RemoteNonnullString;
  flags: number;
}
export function readRemoteNodeDeviceUndefineArgs(r: XdrReader): RemoteNodeDeviceUndefineArgs {
  return {
    name: readRemoteNonnullString(r),
    flags: r.uint(),
  };
}
export function writeRemoteNodeDeviceUndefineArgs(w: XdrWriter, v: RemoteNodeDeviceUndefineArgs): void {
  writeRemoteNonnullString(w, v.name);
  w.uint(v.flags);
}

/** struct remote_node_device_create_args */
export interface RemoteNodeDeviceCreateArgs {
  name: RemoteNonnullString;
  flags: number;
}
export function readRemoteNodeDeviceCreateArgs(r: XdrReader): RemoteNodeDeviceCreateArgs {
  return {
    name: readRemoteNonnullString(r),
    flags: r.uint(),
  };
}
export function writeRemoteNodeDeviceCreateArgs(w: XdrWriter, v: RemoteNodeDeviceCreateArgs): void {
  writeRemoteNonnullString(w, v.name);
  w.uint(v.flags);
}

/** struct remote_node_device_get_autostart_args */
export interface RemoteNodeDeviceGetAutostartArgs {
  name: RemoteNonnullString;
}
export function readRemoteNodeDeviceGetAutostartArgs(r: XdrReader): RemoteNodeDeviceGetAutostartArgs {
  return {
    name: readRemoteNonnullString(r),
  };
}
export function writeRemoteNodeDeviceGetAutostartArgs(w: XdrWriter, v: RemoteNodeDeviceGetAutostartArgs): void {
  writeRemoteNonnullString(w, v.name);
}

/** struct remote_node_device_get_autostart_ret */
export interface RemoteNodeDeviceGetAutostartRet {
  autostart: number;
}
export function readRemoteNodeDeviceGetAutostartRet(r: XdrReader): RemoteNodeDeviceGetAutostartRet {
  return {
    autostart: r.int(),
  };
}
export function writeRemoteNodeDeviceGetAutostartRet(w: XdrWriter, v: RemoteNodeDeviceGetAutostartRet): void {
  w.int(v.autostart);
}

/** struct remote_node_device_set_autostart_args */
export interface RemoteNodeDeviceSetAutostartArgs {
  name: RemoteNonnullString;
  autostart: number;
}
export function readRemoteNodeDeviceSetAutostartArgs(r: XdrReader): RemoteNodeDeviceSetAutostartArgs {
  return {
    name: readRemoteNonnullString(r),
    autostart: r.int(),
  };
}
export function writeRemoteNodeDeviceSetAutostartArgs(w: XdrWriter, v: RemoteNodeDeviceSetAutostartArgs): void {
  writeRemoteNonnullString(w, v.name);
  w.int(v.autostart);
}

/** struct remote_node_device_is_persistent_args */
export interface RemoteNodeDeviceIsPersistentArgs {
  name: RemoteNonnullString;
}
export function readRemoteNodeDeviceIsPersistentArgs(r: XdrReader): RemoteNodeDeviceIsPersistentArgs {
  return {
    name: readRemoteNonnullString(r),
  };
}
export function writeRemoteNodeDeviceIsPersistentArgs(w: XdrWriter, v: RemoteNodeDeviceIsPersistentArgs): void {
  writeRemoteNonnullString(w, v.name);
}

/** struct remote_node_device_is_persistent_ret */
export interface RemoteNodeDeviceIsPersistentRet {
  persistent: number;
}
export function readRemoteNodeDeviceIsPersistentRet(r: XdrReader): RemoteNodeDeviceIsPersistentRet {
  return {
    persistent: r.int(),
  };
}
export function writeRemoteNodeDeviceIsPersistentRet(w: XdrWriter, v: RemoteNodeDeviceIsPersistentRet): void {
  w.int(v.persistent);
}

/** struct remote_node_device_is_active_args */
export interface RemoteNodeDeviceIsActiveArgs {
  name: RemoteNonnullString;
}
export function readRemoteNodeDeviceIsActiveArgs(r: XdrReader): RemoteNodeDeviceIsActiveArgs {
  return {
    name: readRemoteNonnullString(r),
  };
}
export function writeRemoteNodeDeviceIsActiveArgs(w: XdrWriter, v: RemoteNodeDeviceIsActiveArgs): void {
  writeRemoteNonnullString(w, v.name);
}

/** struct remote_node_device_is_active_ret */
export interface RemoteNodeDeviceIsActiveRet {
  active: number;
}
export function readRemoteNodeDeviceIsActiveRet(r: XdrReader): RemoteNodeDeviceIsActiveRet {
  return {
    active: r.int(),
  };
}
export function writeRemoteNodeDeviceIsActiveRet(w: XdrWriter, v: RemoteNodeDeviceIsActiveRet): void {
  w.int(v.active);
}

/** struct remote_connect_domain_event_register_ret */
export interface RemoteConnectDomainEventRegisterRet {
  cb_registered: number;
}
export function readRemoteConnectDomainEventRegisterRet(r: XdrReader): RemoteConnectDomainEventRegisterRet {
  return {
    cb_registered: r.int(),
  };
}
export function writeRemoteConnectDomainEventRegisterRet(w: XdrWriter, v: RemoteConnectDomainEventRegisterRet): void {
  w.int(v.cb_registered);
}

/** struct remote_connect_domain_event_deregister_ret */
export interface RemoteConnectDomainEventDeregisterRet {
  cb_registered: number;
}
export function readRemoteConnectDomainEventDeregisterRet(r: XdrReader): RemoteConnectDomainEventDeregisterRet {
  return {
    cb_registered: r.int(),
  };
}
export function writeRemoteConnectDomainEventDeregisterRet(w: XdrWriter, v: RemoteConnectDomainEventDeregisterRet): void {
  w.int(v.cb_registered);
}

/** struct remote_domain_event_lifecycle_msg */
export interface RemoteDomainEventLifecycleMsg {
  dom: RemoteNonnullDomain;
  event: number;
  detail: number;
}
export function readRemoteDomainEventLifecycleMsg(r: XdrReader): RemoteDomainEventLifecycleMsg {
  return {
    dom: readRemoteNonnullDomain(r),
    event: r.int(),
    detail: r.int(),
  };
}
export function writeRemoteDomainEventLifecycleMsg(w: XdrWriter, v: RemoteDomainEventLifecycleMsg): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.int(v.event);
  w.int(v.detail);
}

/** struct remote_domain_event_callback_lifecycle_msg */
export interface RemoteDomainEventCallbackLifecycleMsg {
  callbackID: number;
  msg: RemoteDomainEventLifecycleMsg;
}
export function readRemoteDomainEventCallbackLifecycleMsg(r: XdrReader): RemoteDomainEventCallbackLifecycleMsg {
  return {
    callbackID: r.int(),
    msg: readRemoteDomainEventLifecycleMsg(r),
  };
}
export function writeRemoteDomainEventCallbackLifecycleMsg(w: XdrWriter, v: RemoteDomainEventCallbackLifecycleMsg): void {
  w.int(v.callbackID);
  writeRemoteDomainEventLifecycleMsg(w, v.msg);
}

/** struct remote_connect_domain_xml_from_native_args */
export interface RemoteConnectDomainXmlFromNativeArgs {
  nativeFormat: RemoteNonnullString;
  nativeConfig: RemoteNonnullString;
  flags: number;
}
export function readRemoteConnectDomainXmlFromNativeArgs(r: XdrReader): RemoteConnectDomainXmlFromNativeArgs {
  return {
    nativeFormat: readRemoteNonnullString(r),
    nativeConfig: readRemoteNonnullString(r),
    flags: r.uint(),
  };
}
export function writeRemoteConnectDomainXmlFromNativeArgs(w: XdrWriter, v: RemoteConnectDomainXmlFromNativeArgs): void {
  writeRemoteNonnullString(w, v.nativeFormat);
  writeRemoteNonnullString(w, v.nativeConfig);
  w.uint(v.flags);
}

/** struct remote_connect_domain_xml_from_native_ret */
export interface RemoteConnectDomainXmlFromNativeRet {
  domainXml: RemoteNonnullString;
}
export function readRemoteConnectDomainXmlFromNativeRet(r: XdrReader): RemoteConnectDomainXmlFromNativeRet {
  return {
    domainXml: readRemoteNonnullString(r),
  };
}
export function writeRemoteConnectDomainXmlFromNativeRet(w: XdrWriter, v: RemoteConnectDomainXmlFromNativeRet): void {
  writeRemoteNonnullString(w, v.domainXml);
}

/** struct remote_connect_domain_xml_to_native_args */
export interface RemoteConnectDomainXmlToNativeArgs {
  nativeFormat: RemoteNonnullString;
  domainXml: RemoteNonnullString;
  flags: number;
}
export function readRemoteConnectDomainXmlToNativeArgs(r: XdrReader): RemoteConnectDomainXmlToNativeArgs {
  return {
    nativeFormat: readRemoteNonnullString(r),
    domainXml: readRemoteNonnullString(r),
    flags: r.uint(),
  };
}
export function writeRemoteConnectDomainXmlToNativeArgs(w: XdrWriter, v: RemoteConnectDomainXmlToNativeArgs): void {
  writeRemoteNonnullString(w, v.nativeFormat);
  writeRemoteNonnullString(w, v.domainXml);
  w.uint(v.flags);
}

/** struct remote_connect_domain_xml_to_native_ret */
export interface RemoteConnectDomainXmlToNativeRet {
  nativeConfig: RemoteNonnullString;
}
export function readRemoteConnectDomainXmlToNativeRet(r: XdrReader): RemoteConnectDomainXmlToNativeRet {
  return {
    nativeConfig: readRemoteNonnullString(r),
  };
}
export function writeRemoteConnectDomainXmlToNativeRet(w: XdrWriter, v: RemoteConnectDomainXmlToNativeRet): void {
  writeRemoteNonnullString(w, v.nativeConfig);
}

/** struct remote_connect_num_of_secrets_ret */
export interface RemoteConnectNumOfSecretsRet {
  num: number;
}
export function readRemoteConnectNumOfSecretsRet(r: XdrReader): RemoteConnectNumOfSecretsRet {
  return {
    num: r.int(),
  };
}
export function writeRemoteConnectNumOfSecretsRet(w: XdrWriter, v: RemoteConnectNumOfSecretsRet): void {
  w.int(v.num);
}

/** struct remote_connect_list_secrets_args */
export interface RemoteConnectListSecretsArgs {
  maxuuids: number;
}
export function readRemoteConnectListSecretsArgs(r: XdrReader): RemoteConnectListSecretsArgs {
  return {
    maxuuids: r.int(),
  };
}
export function writeRemoteConnectListSecretsArgs(w: XdrWriter, v: RemoteConnectListSecretsArgs): void {
  w.int(v.maxuuids);
}

/** struct remote_connect_list_secrets_ret */
export interface RemoteConnectListSecretsRet {
  uuids: RemoteNonnullString[];
}
export interface RemoteConnectListSecretsRetIn {
  uuids: readonly RemoteNonnullString[];
}
export function readRemoteConnectListSecretsRet(r: XdrReader): RemoteConnectListSecretsRet {
  return {
    uuids: r.array(readRemoteNonnullString, REMOTE_SECRET_LIST_MAX),
  };
}
export function writeRemoteConnectListSecretsRet(w: XdrWriter, v: RemoteConnectListSecretsRetIn): void {
  writeArray(w, v.uuids, REMOTE_SECRET_LIST_MAX, writeRemoteNonnullString, 'remote_connect_list_secrets_ret.uuids');
}

/** struct remote_secret_lookup_by_uuid_args */
export interface RemoteSecretLookupByUuidArgs {
  uuid: string;
}
export function readRemoteSecretLookupByUuidArgs(r: XdrReader): RemoteSecretLookupByUuidArgs {
  return {
    uuid: readUuidText(r),
  };
}
export function writeRemoteSecretLookupByUuidArgs(w: XdrWriter, v: RemoteSecretLookupByUuidArgs): void {
  writeUuidText(w, v.uuid);
}

/** struct remote_secret_lookup_by_uuid_ret */
export interface RemoteSecretLookupByUuidRet {
  secret: RemoteNonnullSecret;
}
export function readRemoteSecretLookupByUuidRet(r: XdrReader): RemoteSecretLookupByUuidRet {
  return {
    secret: readRemoteNonnullSecret(r),
  };
}
export function writeRemoteSecretLookupByUuidRet(w: XdrWriter, v: RemoteSecretLookupByUuidRet): void {
  writeRemoteNonnullSecret(w, v.secret);
}

/** struct remote_secret_define_xml_args */
export interface RemoteSecretDefineXmlArgs {
  xml: RemoteNonnullString;
  flags: number;
}
export function readRemoteSecretDefineXmlArgs(r: XdrReader): RemoteSecretDefineXmlArgs {
  return {
    xml: readRemoteNonnullString(r),
    flags: r.uint(),
  };
}
export function writeRemoteSecretDefineXmlArgs(w: XdrWriter, v: RemoteSecretDefineXmlArgs): void {
  writeRemoteNonnullString(w, v.xml);
  w.uint(v.flags);
}

/** struct remote_secret_define_xml_ret */
export interface RemoteSecretDefineXmlRet {
  secret: RemoteNonnullSecret;
}
export function readRemoteSecretDefineXmlRet(r: XdrReader): RemoteSecretDefineXmlRet {
  return {
    secret: readRemoteNonnullSecret(r),
  };
}
export function writeRemoteSecretDefineXmlRet(w: XdrWriter, v: RemoteSecretDefineXmlRet): void {
  writeRemoteNonnullSecret(w, v.secret);
}

/** struct remote_secret_get_xml_desc_args */
export interface RemoteSecretGetXmlDescArgs {
  secret: RemoteNonnullSecret;
  flags: number;
}
export function readRemoteSecretGetXmlDescArgs(r: XdrReader): RemoteSecretGetXmlDescArgs {
  return {
    secret: readRemoteNonnullSecret(r),
    flags: r.uint(),
  };
}
export function writeRemoteSecretGetXmlDescArgs(w: XdrWriter, v: RemoteSecretGetXmlDescArgs): void {
  writeRemoteNonnullSecret(w, v.secret);
  w.uint(v.flags);
}

/** struct remote_secret_get_xml_desc_ret */
export interface RemoteSecretGetXmlDescRet {
  xml: RemoteNonnullString;
}
export function readRemoteSecretGetXmlDescRet(r: XdrReader): RemoteSecretGetXmlDescRet {
  return {
    xml: readRemoteNonnullString(r),
  };
}
export function writeRemoteSecretGetXmlDescRet(w: XdrWriter, v: RemoteSecretGetXmlDescRet): void {
  writeRemoteNonnullString(w, v.xml);
}

/** struct remote_secret_set_value_args */
export interface RemoteSecretSetValueArgs {
  secret: RemoteNonnullSecret;
  value: Buffer;
  flags: number;
}
export interface RemoteSecretSetValueArgsIn {
  secret: RemoteNonnullSecret;
  value: Uint8Array;
  flags: number;
}
export function readRemoteSecretSetValueArgs(r: XdrReader): RemoteSecretSetValueArgs {
  return {
    secret: readRemoteNonnullSecret(r),
    value: r.opaque(REMOTE_SECRET_VALUE_MAX),
    flags: r.uint(),
  };
}
export function writeRemoteSecretSetValueArgs(w: XdrWriter, v: RemoteSecretSetValueArgsIn): void {
  writeRemoteNonnullSecret(w, v.secret);
  writeOpaque(w, v.value, REMOTE_SECRET_VALUE_MAX, 'remote_secret_set_value_args.value');
  w.uint(v.flags);
}

/** struct remote_secret_get_value_args */
export interface RemoteSecretGetValueArgs {
  secret: RemoteNonnullSecret;
  flags: number;
}
export function readRemoteSecretGetValueArgs(r: XdrReader): RemoteSecretGetValueArgs {
  return {
    secret: readRemoteNonnullSecret(r),
    flags: r.uint(),
  };
}
export function writeRemoteSecretGetValueArgs(w: XdrWriter, v: RemoteSecretGetValueArgs): void {
  writeRemoteNonnullSecret(w, v.secret);
  w.uint(v.flags);
}

/** struct remote_secret_get_value_ret */
export interface RemoteSecretGetValueRet {
  value: Buffer;
}
export interface RemoteSecretGetValueRetIn {
  value: Uint8Array;
}
export function readRemoteSecretGetValueRet(r: XdrReader): RemoteSecretGetValueRet {
  return {
    value: r.opaque(REMOTE_SECRET_VALUE_MAX),
  };
}
export function writeRemoteSecretGetValueRet(w: XdrWriter, v: RemoteSecretGetValueRetIn): void {
  writeOpaque(w, v.value, REMOTE_SECRET_VALUE_MAX, 'remote_secret_get_value_ret.value');
}

/** struct remote_secret_undefine_args */
export interface RemoteSecretUndefineArgs {
  secret: RemoteNonnullSecret;
}
export function readRemoteSecretUndefineArgs(r: XdrReader): RemoteSecretUndefineArgs {
  return {
    secret: readRemoteNonnullSecret(r),
  };
}
export function writeRemoteSecretUndefineArgs(w: XdrWriter, v: RemoteSecretUndefineArgs): void {
  writeRemoteNonnullSecret(w, v.secret);
}

/** struct remote_secret_lookup_by_usage_args */
export interface RemoteSecretLookupByUsageArgs {
  usageType: number;
  usageID: RemoteNonnullString;
}
export function readRemoteSecretLookupByUsageArgs(r: XdrReader): RemoteSecretLookupByUsageArgs {
  return {
    usageType: r.int(),
    usageID: readRemoteNonnullString(r),
  };
}
export function writeRemoteSecretLookupByUsageArgs(w: XdrWriter, v: RemoteSecretLookupByUsageArgs): void {
  w.int(v.usageType);
  writeRemoteNonnullString(w, v.usageID);
}

/** struct remote_secret_lookup_by_usage_ret */
export interface RemoteSecretLookupByUsageRet {
  secret: RemoteNonnullSecret;
}
export function readRemoteSecretLookupByUsageRet(r: XdrReader): RemoteSecretLookupByUsageRet {
  return {
    secret: readRemoteNonnullSecret(r),
  };
}
export function writeRemoteSecretLookupByUsageRet(w: XdrWriter, v: RemoteSecretLookupByUsageRet): void {
  writeRemoteNonnullSecret(w, v.secret);
}

/** struct remote_domain_migrate_prepare_tunnel_args */
export interface RemoteDomainMigratePrepareTunnelArgs {
  flags: bigint;
  dname: RemoteString;
  resource: bigint;
  dom_xml: RemoteNonnullString;
}
export interface RemoteDomainMigratePrepareTunnelArgsIn {
  flags: bigint | number;
  dname: RemoteStringIn;
  resource: bigint | number;
  dom_xml: RemoteNonnullString;
}
export function readRemoteDomainMigratePrepareTunnelArgs(r: XdrReader): RemoteDomainMigratePrepareTunnelArgs {
  return {
    flags: r.uhyper(),
    dname: readRemoteString(r),
    resource: r.uhyper(),
    dom_xml: readRemoteNonnullString(r),
  };
}
export function writeRemoteDomainMigratePrepareTunnelArgs(w: XdrWriter, v: RemoteDomainMigratePrepareTunnelArgsIn): void {
  w.uhyper(v.flags);
  writeRemoteString(w, v.dname);
  w.uhyper(v.resource);
  writeRemoteNonnullString(w, v.dom_xml);
}

/** struct remote_connect_is_secure_ret */
export interface RemoteConnectIsSecureRet {
  secure: number;
}
export function readRemoteConnectIsSecureRet(r: XdrReader): RemoteConnectIsSecureRet {
  return {
    secure: r.int(),
  };
}
export function writeRemoteConnectIsSecureRet(w: XdrWriter, v: RemoteConnectIsSecureRet): void {
  w.int(v.secure);
}

/** struct remote_domain_is_active_args */
export interface RemoteDomainIsActiveArgs {
  dom: RemoteNonnullDomain;
}
export function readRemoteDomainIsActiveArgs(r: XdrReader): RemoteDomainIsActiveArgs {
  return {
    dom: readRemoteNonnullDomain(r),
  };
}
export function writeRemoteDomainIsActiveArgs(w: XdrWriter, v: RemoteDomainIsActiveArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
}

/** struct remote_domain_is_active_ret */
export interface RemoteDomainIsActiveRet {
  active: number;
}
export function readRemoteDomainIsActiveRet(r: XdrReader): RemoteDomainIsActiveRet {
  return {
    active: r.int(),
  };
}
export function writeRemoteDomainIsActiveRet(w: XdrWriter, v: RemoteDomainIsActiveRet): void {
  w.int(v.active);
}

/** struct remote_domain_is_persistent_args */
export interface RemoteDomainIsPersistentArgs {
  dom: RemoteNonnullDomain;
}
export function readRemoteDomainIsPersistentArgs(r: XdrReader): RemoteDomainIsPersistentArgs {
  return {
    dom: readRemoteNonnullDomain(r),
  };
}
export function writeRemoteDomainIsPersistentArgs(w: XdrWriter, v: RemoteDomainIsPersistentArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
}

/** struct remote_domain_is_persistent_ret */
export interface RemoteDomainIsPersistentRet {
  persistent: number;
}
export function readRemoteDomainIsPersistentRet(r: XdrReader): RemoteDomainIsPersistentRet {
  return {
    persistent: r.int(),
  };
}
export function writeRemoteDomainIsPersistentRet(w: XdrWriter, v: RemoteDomainIsPersistentRet): void {
  w.int(v.persistent);
}

/** struct remote_domain_is_updated_args */
export interface RemoteDomainIsUpdatedArgs {
  dom: RemoteNonnullDomain;
}
export function readRemoteDomainIsUpdatedArgs(r: XdrReader): RemoteDomainIsUpdatedArgs {
  return {
    dom: readRemoteNonnullDomain(r),
  };
}
export function writeRemoteDomainIsUpdatedArgs(w: XdrWriter, v: RemoteDomainIsUpdatedArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
}

/** struct remote_domain_is_updated_ret */
export interface RemoteDomainIsUpdatedRet {
  updated: number;
}
export function readRemoteDomainIsUpdatedRet(r: XdrReader): RemoteDomainIsUpdatedRet {
  return {
    updated: r.int(),
  };
}
export function writeRemoteDomainIsUpdatedRet(w: XdrWriter, v: RemoteDomainIsUpdatedRet): void {
  w.int(v.updated);
}

/** struct remote_network_is_active_args */
export interface RemoteNetworkIsActiveArgs {
  net: RemoteNonnullNetwork;
}
export function readRemoteNetworkIsActiveArgs(r: XdrReader): RemoteNetworkIsActiveArgs {
  return {
    net: readRemoteNonnullNetwork(r),
  };
}
export function writeRemoteNetworkIsActiveArgs(w: XdrWriter, v: RemoteNetworkIsActiveArgs): void {
  writeRemoteNonnullNetwork(w, v.net);
}

/** struct remote_network_is_active_ret */
export interface RemoteNetworkIsActiveRet {
  active: number;
}
export function readRemoteNetworkIsActiveRet(r: XdrReader): RemoteNetworkIsActiveRet {
  return {
    active: r.int(),
  };
}
export function writeRemoteNetworkIsActiveRet(w: XdrWriter, v: RemoteNetworkIsActiveRet): void {
  w.int(v.active);
}

/** struct remote_network_is_persistent_args */
export interface RemoteNetworkIsPersistentArgs {
  net: RemoteNonnullNetwork;
}
export function readRemoteNetworkIsPersistentArgs(r: XdrReader): RemoteNetworkIsPersistentArgs {
  return {
    net: readRemoteNonnullNetwork(r),
  };
}
export function writeRemoteNetworkIsPersistentArgs(w: XdrWriter, v: RemoteNetworkIsPersistentArgs): void {
  writeRemoteNonnullNetwork(w, v.net);
}

/** struct remote_network_is_persistent_ret */
export interface RemoteNetworkIsPersistentRet {
  persistent: number;
}
export function readRemoteNetworkIsPersistentRet(r: XdrReader): RemoteNetworkIsPersistentRet {
  return {
    persistent: r.int(),
  };
}
export function writeRemoteNetworkIsPersistentRet(w: XdrWriter, v: RemoteNetworkIsPersistentRet): void {
  w.int(v.persistent);
}

/** struct remote_storage_pool_is_active_args */
export interface RemoteStoragePoolIsActiveArgs {
  pool: RemoteNonnullStoragePool;
}
export function readRemoteStoragePoolIsActiveArgs(r: XdrReader): RemoteStoragePoolIsActiveArgs {
  return {
    pool: readRemoteNonnullStoragePool(r),
  };
}
export function writeRemoteStoragePoolIsActiveArgs(w: XdrWriter, v: RemoteStoragePoolIsActiveArgs): void {
  writeRemoteNonnullStoragePool(w, v.pool);
}

/** struct remote_storage_pool_is_active_ret */
export interface RemoteStoragePoolIsActiveRet {
  active: number;
}
export function readRemoteStoragePoolIsActiveRet(r: XdrReader): RemoteStoragePoolIsActiveRet {
  return {
    active: r.int(),
  };
}
export function writeRemoteStoragePoolIsActiveRet(w: XdrWriter, v: RemoteStoragePoolIsActiveRet): void {
  w.int(v.active);
}

/** struct remote_storage_pool_is_persistent_args */
export interface RemoteStoragePoolIsPersistentArgs {
  pool: RemoteNonnullStoragePool;
}
export function readRemoteStoragePoolIsPersistentArgs(r: XdrReader): RemoteStoragePoolIsPersistentArgs {
  return {
    pool: readRemoteNonnullStoragePool(r),
  };
}
export function writeRemoteStoragePoolIsPersistentArgs(w: XdrWriter, v: RemoteStoragePoolIsPersistentArgs): void {
  writeRemoteNonnullStoragePool(w, v.pool);
}

/** struct remote_storage_pool_is_persistent_ret */
export interface RemoteStoragePoolIsPersistentRet {
  persistent: number;
}
export function readRemoteStoragePoolIsPersistentRet(r: XdrReader): RemoteStoragePoolIsPersistentRet {
  return {
    persistent: r.int(),
  };
}
export function writeRemoteStoragePoolIsPersistentRet(w: XdrWriter, v: RemoteStoragePoolIsPersistentRet): void {
  w.int(v.persistent);
}

/** struct remote_interface_is_active_args */
export interface RemoteInterfaceIsActiveArgs {
  iface: RemoteNonnullInterface;
}
export function readRemoteInterfaceIsActiveArgs(r: XdrReader): RemoteInterfaceIsActiveArgs {
  return {
    iface: readRemoteNonnullInterface(r),
  };
}
export function writeRemoteInterfaceIsActiveArgs(w: XdrWriter, v: RemoteInterfaceIsActiveArgs): void {
  writeRemoteNonnullInterface(w, v.iface);
}

/** struct remote_interface_is_active_ret */
export interface RemoteInterfaceIsActiveRet {
  active: number;
}
export function readRemoteInterfaceIsActiveRet(r: XdrReader): RemoteInterfaceIsActiveRet {
  return {
    active: r.int(),
  };
}
export function writeRemoteInterfaceIsActiveRet(w: XdrWriter, v: RemoteInterfaceIsActiveRet): void {
  w.int(v.active);
}

/** struct remote_connect_compare_cpu_args */
export interface RemoteConnectCompareCpuArgs {
  xml: RemoteNonnullString;
  flags: number;
}
export function readRemoteConnectCompareCpuArgs(r: XdrReader): RemoteConnectCompareCpuArgs {
  return {
    xml: readRemoteNonnullString(r),
    flags: r.uint(),
  };
}
export function writeRemoteConnectCompareCpuArgs(w: XdrWriter, v: RemoteConnectCompareCpuArgs): void {
  writeRemoteNonnullString(w, v.xml);
  w.uint(v.flags);
}

/** struct remote_connect_compare_cpu_ret */
export interface RemoteConnectCompareCpuRet {
  result: number;
}
export function readRemoteConnectCompareCpuRet(r: XdrReader): RemoteConnectCompareCpuRet {
  return {
    result: r.int(),
  };
}
export function writeRemoteConnectCompareCpuRet(w: XdrWriter, v: RemoteConnectCompareCpuRet): void {
  w.int(v.result);
}

/** struct remote_connect_baseline_cpu_args */
export interface RemoteConnectBaselineCpuArgs {
  xmlCPUs: RemoteNonnullString[];
  flags: number;
}
export interface RemoteConnectBaselineCpuArgsIn {
  xmlCPUs: readonly RemoteNonnullString[];
  flags: number;
}
export function readRemoteConnectBaselineCpuArgs(r: XdrReader): RemoteConnectBaselineCpuArgs {
  return {
    xmlCPUs: r.array(readRemoteNonnullString, REMOTE_CPU_BASELINE_MAX),
    flags: r.uint(),
  };
}
export function writeRemoteConnectBaselineCpuArgs(w: XdrWriter, v: RemoteConnectBaselineCpuArgsIn): void {
  writeArray(w, v.xmlCPUs, REMOTE_CPU_BASELINE_MAX, writeRemoteNonnullString, 'remote_connect_baseline_cpu_args.xmlCPUs');
  w.uint(v.flags);
}

/** struct remote_connect_baseline_cpu_ret */
export interface RemoteConnectBaselineCpuRet {
  cpu: RemoteNonnullString;
}
export function readRemoteConnectBaselineCpuRet(r: XdrReader): RemoteConnectBaselineCpuRet {
  return {
    cpu: readRemoteNonnullString(r),
  };
}
export function writeRemoteConnectBaselineCpuRet(w: XdrWriter, v: RemoteConnectBaselineCpuRet): void {
  writeRemoteNonnullString(w, v.cpu);
}

/** struct remote_domain_get_job_info_args */
export interface RemoteDomainGetJobInfoArgs {
  dom: RemoteNonnullDomain;
}
export function readRemoteDomainGetJobInfoArgs(r: XdrReader): RemoteDomainGetJobInfoArgs {
  return {
    dom: readRemoteNonnullDomain(r),
  };
}
export function writeRemoteDomainGetJobInfoArgs(w: XdrWriter, v: RemoteDomainGetJobInfoArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
}

/** struct remote_domain_get_job_info_ret */
export interface RemoteDomainGetJobInfoRet {
  type: number;
  timeElapsed: bigint;
  timeRemaining: bigint;
  dataTotal: bigint;
  dataProcessed: bigint;
  dataRemaining: bigint;
  memTotal: bigint;
  memProcessed: bigint;
  memRemaining: bigint;
  fileTotal: bigint;
  fileProcessed: bigint;
  fileRemaining: bigint;
}
export interface RemoteDomainGetJobInfoRetIn {
  type: number;
  timeElapsed: bigint | number;
  timeRemaining: bigint | number;
  dataTotal: bigint | number;
  dataProcessed: bigint | number;
  dataRemaining: bigint | number;
  memTotal: bigint | number;
  memProcessed: bigint | number;
  memRemaining: bigint | number;
  fileTotal: bigint | number;
  fileProcessed: bigint | number;
  fileRemaining: bigint | number;
}
export function readRemoteDomainGetJobInfoRet(r: XdrReader): RemoteDomainGetJobInfoRet {
  return {
    type: r.int(),
    timeElapsed: r.uhyper(),
    timeRemaining: r.uhyper(),
    dataTotal: r.uhyper(),
    dataProcessed: r.uhyper(),
    dataRemaining: r.uhyper(),
    memTotal: r.uhyper(),
    memProcessed: r.uhyper(),
    memRemaining: r.uhyper(),
    fileTotal: r.uhyper(),
    fileProcessed: r.uhyper(),
    fileRemaining: r.uhyper(),
  };
}
export function writeRemoteDomainGetJobInfoRet(w: XdrWriter, v: RemoteDomainGetJobInfoRetIn): void {
  w.int(v.type);
  w.uhyper(v.timeElapsed);
  w.uhyper(v.timeRemaining);
  w.uhyper(v.dataTotal);
  w.uhyper(v.dataProcessed);
  w.uhyper(v.dataRemaining);
  w.uhyper(v.memTotal);
  w.uhyper(v.memProcessed);
  w.uhyper(v.memRemaining);
  w.uhyper(v.fileTotal);
  w.uhyper(v.fileProcessed);
  w.uhyper(v.fileRemaining);
}

/** struct remote_domain_get_job_stats_args */
export interface RemoteDomainGetJobStatsArgs {
  dom: RemoteNonnullDomain;
  flags: number;
}
export function readRemoteDomainGetJobStatsArgs(r: XdrReader): RemoteDomainGetJobStatsArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainGetJobStatsArgs(w: XdrWriter, v: RemoteDomainGetJobStatsArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.flags);
}

/** struct remote_domain_get_job_stats_ret */
export interface RemoteDomainGetJobStatsRet {
  type: number;
  params: RemoteTypedParam[];
}
export interface RemoteDomainGetJobStatsRetIn {
  type: number;
  params: readonly RemoteTypedParamIn[];
}
export function readRemoteDomainGetJobStatsRet(r: XdrReader): RemoteDomainGetJobStatsRet {
  return {
    type: r.int(),
    params: r.array(readRemoteTypedParam, REMOTE_DOMAIN_JOB_STATS_MAX),
  };
}
export function writeRemoteDomainGetJobStatsRet(w: XdrWriter, v: RemoteDomainGetJobStatsRetIn): void {
  w.int(v.type);
  writeArray(w, v.params, REMOTE_DOMAIN_JOB_STATS_MAX, writeRemoteTypedParam, 'remote_domain_get_job_stats_ret.params');
}

/** struct remote_domain_abort_job_args */
export interface RemoteDomainAbortJobArgs {
  dom: RemoteNonnullDomain;
}
export function readRemoteDomainAbortJobArgs(r: XdrReader): RemoteDomainAbortJobArgs {
  return {
    dom: readRemoteNonnullDomain(r),
  };
}
export function writeRemoteDomainAbortJobArgs(w: XdrWriter, v: RemoteDomainAbortJobArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
}

/** struct remote_domain_abort_job_flags_args */
export interface RemoteDomainAbortJobFlagsArgs {
  dom: RemoteNonnullDomain;
  flags: number;
}
export function readRemoteDomainAbortJobFlagsArgs(r: XdrReader): RemoteDomainAbortJobFlagsArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainAbortJobFlagsArgs(w: XdrWriter, v: RemoteDomainAbortJobFlagsArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.flags);
}

/** struct remote_domain_migrate_get_max_downtime_args */
export interface RemoteDomainMigrateGetMaxDowntimeArgs {
  dom: RemoteNonnullDomain;
  flags: number;
}
export function readRemoteDomainMigrateGetMaxDowntimeArgs(r: XdrReader): RemoteDomainMigrateGetMaxDowntimeArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainMigrateGetMaxDowntimeArgs(w: XdrWriter, v: RemoteDomainMigrateGetMaxDowntimeArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.flags);
}

/** struct remote_domain_migrate_get_max_downtime_ret */
export interface RemoteDomainMigrateGetMaxDowntimeRet {
  downtime: bigint;
}
export interface RemoteDomainMigrateGetMaxDowntimeRetIn {
  downtime: bigint | number;
}
export function readRemoteDomainMigrateGetMaxDowntimeRet(r: XdrReader): RemoteDomainMigrateGetMaxDowntimeRet {
  return {
    downtime: r.uhyper(),
  };
}
export function writeRemoteDomainMigrateGetMaxDowntimeRet(w: XdrWriter, v: RemoteDomainMigrateGetMaxDowntimeRetIn): void {
  w.uhyper(v.downtime);
}

/** struct remote_domain_migrate_set_max_downtime_args */
export interface RemoteDomainMigrateSetMaxDowntimeArgs {
  dom: RemoteNonnullDomain;
  downtime: bigint;
  flags: number;
}
export interface RemoteDomainMigrateSetMaxDowntimeArgsIn {
  dom: RemoteNonnullDomain;
  downtime: bigint | number;
  flags: number;
}
export function readRemoteDomainMigrateSetMaxDowntimeArgs(r: XdrReader): RemoteDomainMigrateSetMaxDowntimeArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    downtime: r.uhyper(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainMigrateSetMaxDowntimeArgs(w: XdrWriter, v: RemoteDomainMigrateSetMaxDowntimeArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uhyper(v.downtime);
  w.uint(v.flags);
}

/** struct remote_domain_migrate_get_compression_cache_args */
export interface RemoteDomainMigrateGetCompressionCacheArgs {
  dom: RemoteNonnullDomain;
  flags: number;
}
export function readRemoteDomainMigrateGetCompressionCacheArgs(r: XdrReader): RemoteDomainMigrateGetCompressionCacheArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainMigrateGetCompressionCacheArgs(w: XdrWriter, v: RemoteDomainMigrateGetCompressionCacheArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.flags);
}

/** struct remote_domain_migrate_get_compression_cache_ret */
export interface RemoteDomainMigrateGetCompressionCacheRet {
  cacheSize: bigint;
}
export interface RemoteDomainMigrateGetCompressionCacheRetIn {
  cacheSize: bigint | number;
}
export function readRemoteDomainMigrateGetCompressionCacheRet(r: XdrReader): RemoteDomainMigrateGetCompressionCacheRet {
  return {
    cacheSize: r.uhyper(),
  };
}
export function writeRemoteDomainMigrateGetCompressionCacheRet(w: XdrWriter, v: RemoteDomainMigrateGetCompressionCacheRetIn): void {
  w.uhyper(v.cacheSize);
}

/** struct remote_domain_migrate_set_compression_cache_args */
export interface RemoteDomainMigrateSetCompressionCacheArgs {
  dom: RemoteNonnullDomain;
  cacheSize: bigint;
  flags: number;
}
export interface RemoteDomainMigrateSetCompressionCacheArgsIn {
  dom: RemoteNonnullDomain;
  cacheSize: bigint | number;
  flags: number;
}
export function readRemoteDomainMigrateSetCompressionCacheArgs(r: XdrReader): RemoteDomainMigrateSetCompressionCacheArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    cacheSize: r.uhyper(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainMigrateSetCompressionCacheArgs(w: XdrWriter, v: RemoteDomainMigrateSetCompressionCacheArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uhyper(v.cacheSize);
  w.uint(v.flags);
}

/** struct remote_domain_migrate_set_max_speed_args */
export interface RemoteDomainMigrateSetMaxSpeedArgs {
  dom: RemoteNonnullDomain;
  bandwidth: bigint;
  flags: number;
}
export interface RemoteDomainMigrateSetMaxSpeedArgsIn {
  dom: RemoteNonnullDomain;
  bandwidth: bigint | number;
  flags: number;
}
export function readRemoteDomainMigrateSetMaxSpeedArgs(r: XdrReader): RemoteDomainMigrateSetMaxSpeedArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    bandwidth: r.uhyper(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainMigrateSetMaxSpeedArgs(w: XdrWriter, v: RemoteDomainMigrateSetMaxSpeedArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uhyper(v.bandwidth);
  w.uint(v.flags);
}

/** struct remote_domain_migrate_get_max_speed_args */
export interface RemoteDomainMigrateGetMaxSpeedArgs {
  dom: RemoteNonnullDomain;
  flags: number;
}
export function readRemoteDomainMigrateGetMaxSpeedArgs(r: XdrReader): RemoteDomainMigrateGetMaxSpeedArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainMigrateGetMaxSpeedArgs(w: XdrWriter, v: RemoteDomainMigrateGetMaxSpeedArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.flags);
}

/** struct remote_domain_migrate_get_max_speed_ret */
export interface RemoteDomainMigrateGetMaxSpeedRet {
  bandwidth: bigint;
}
export interface RemoteDomainMigrateGetMaxSpeedRetIn {
  bandwidth: bigint | number;
}
export function readRemoteDomainMigrateGetMaxSpeedRet(r: XdrReader): RemoteDomainMigrateGetMaxSpeedRet {
  return {
    bandwidth: r.uhyper(),
  };
}
export function writeRemoteDomainMigrateGetMaxSpeedRet(w: XdrWriter, v: RemoteDomainMigrateGetMaxSpeedRetIn): void {
  w.uhyper(v.bandwidth);
}

/** struct remote_connect_domain_event_register_any_args */
export interface RemoteConnectDomainEventRegisterAnyArgs {
  eventID: number;
}
export function readRemoteConnectDomainEventRegisterAnyArgs(r: XdrReader): RemoteConnectDomainEventRegisterAnyArgs {
  return {
    eventID: r.int(),
  };
}
export function writeRemoteConnectDomainEventRegisterAnyArgs(w: XdrWriter, v: RemoteConnectDomainEventRegisterAnyArgs): void {
  w.int(v.eventID);
}

/** struct remote_connect_domain_event_deregister_any_args */
export interface RemoteConnectDomainEventDeregisterAnyArgs {
  eventID: number;
}
export function readRemoteConnectDomainEventDeregisterAnyArgs(r: XdrReader): RemoteConnectDomainEventDeregisterAnyArgs {
  return {
    eventID: r.int(),
  };
}
export function writeRemoteConnectDomainEventDeregisterAnyArgs(w: XdrWriter, v: RemoteConnectDomainEventDeregisterAnyArgs): void {
  w.int(v.eventID);
}

/** struct remote_connect_domain_event_callback_register_any_args */
export interface RemoteConnectDomainEventCallbackRegisterAnyArgs {
  eventID: number;
  dom: RemoteDomain;
}
export interface RemoteConnectDomainEventCallbackRegisterAnyArgsIn {
  eventID: number;
  dom: RemoteDomainIn;
}
export function readRemoteConnectDomainEventCallbackRegisterAnyArgs(r: XdrReader): RemoteConnectDomainEventCallbackRegisterAnyArgs {
  return {
    eventID: r.int(),
    dom: readRemoteDomain(r),
  };
}
export function writeRemoteConnectDomainEventCallbackRegisterAnyArgs(w: XdrWriter, v: RemoteConnectDomainEventCallbackRegisterAnyArgsIn): void {
  w.int(v.eventID);
  writeRemoteDomain(w, v.dom);
}

/** struct remote_connect_domain_event_callback_register_any_ret */
export interface RemoteConnectDomainEventCallbackRegisterAnyRet {
  callbackID: number;
}
export function readRemoteConnectDomainEventCallbackRegisterAnyRet(r: XdrReader): RemoteConnectDomainEventCallbackRegisterAnyRet {
  return {
    callbackID: r.int(),
  };
}
export function writeRemoteConnectDomainEventCallbackRegisterAnyRet(w: XdrWriter, v: RemoteConnectDomainEventCallbackRegisterAnyRet): void {
  w.int(v.callbackID);
}

/** struct remote_connect_domain_event_callback_deregister_any_args */
export interface RemoteConnectDomainEventCallbackDeregisterAnyArgs {
  callbackID: number;
}
export function readRemoteConnectDomainEventCallbackDeregisterAnyArgs(r: XdrReader): RemoteConnectDomainEventCallbackDeregisterAnyArgs {
  return {
    callbackID: r.int(),
  };
}
export function writeRemoteConnectDomainEventCallbackDeregisterAnyArgs(w: XdrWriter, v: RemoteConnectDomainEventCallbackDeregisterAnyArgs): void {
  w.int(v.callbackID);
}

/** struct remote_domain_event_reboot_msg */
export interface RemoteDomainEventRebootMsg {
  dom: RemoteNonnullDomain;
}
export function readRemoteDomainEventRebootMsg(r: XdrReader): RemoteDomainEventRebootMsg {
  return {
    dom: readRemoteNonnullDomain(r),
  };
}
export function writeRemoteDomainEventRebootMsg(w: XdrWriter, v: RemoteDomainEventRebootMsg): void {
  writeRemoteNonnullDomain(w, v.dom);
}

/** struct remote_domain_event_callback_reboot_msg */
export interface RemoteDomainEventCallbackRebootMsg {
  callbackID: number;
  msg: RemoteDomainEventRebootMsg;
}
export function readRemoteDomainEventCallbackRebootMsg(r: XdrReader): RemoteDomainEventCallbackRebootMsg {
  return {
    callbackID: r.int(),
    msg: readRemoteDomainEventRebootMsg(r),
  };
}
export function writeRemoteDomainEventCallbackRebootMsg(w: XdrWriter, v: RemoteDomainEventCallbackRebootMsg): void {
  w.int(v.callbackID);
  writeRemoteDomainEventRebootMsg(w, v.msg);
}

/** struct remote_domain_event_rtc_change_msg */
export interface RemoteDomainEventRtcChangeMsg {
  dom: RemoteNonnullDomain;
  offset: bigint;
}
export interface RemoteDomainEventRtcChangeMsgIn {
  dom: RemoteNonnullDomain;
  offset: bigint | number;
}
export function readRemoteDomainEventRtcChangeMsg(r: XdrReader): RemoteDomainEventRtcChangeMsg {
  return {
    dom: readRemoteNonnullDomain(r),
    offset: r.hyper(),
  };
}
export function writeRemoteDomainEventRtcChangeMsg(w: XdrWriter, v: RemoteDomainEventRtcChangeMsgIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.hyper(v.offset);
}

/** struct remote_domain_event_callback_rtc_change_msg */
export interface RemoteDomainEventCallbackRtcChangeMsg {
  callbackID: number;
  msg: RemoteDomainEventRtcChangeMsg;
}
export interface RemoteDomainEventCallbackRtcChangeMsgIn {
  callbackID: number;
  msg: RemoteDomainEventRtcChangeMsgIn;
}
export function readRemoteDomainEventCallbackRtcChangeMsg(r: XdrReader): RemoteDomainEventCallbackRtcChangeMsg {
  return {
    callbackID: r.int(),
    msg: readRemoteDomainEventRtcChangeMsg(r),
  };
}
export function writeRemoteDomainEventCallbackRtcChangeMsg(w: XdrWriter, v: RemoteDomainEventCallbackRtcChangeMsgIn): void {
  w.int(v.callbackID);
  writeRemoteDomainEventRtcChangeMsg(w, v.msg);
}

/** struct remote_domain_event_watchdog_msg */
export interface RemoteDomainEventWatchdogMsg {
  dom: RemoteNonnullDomain;
  action: number;
}
export function readRemoteDomainEventWatchdogMsg(r: XdrReader): RemoteDomainEventWatchdogMsg {
  return {
    dom: readRemoteNonnullDomain(r),
    action: r.int(),
  };
}
export function writeRemoteDomainEventWatchdogMsg(w: XdrWriter, v: RemoteDomainEventWatchdogMsg): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.int(v.action);
}

/** struct remote_domain_event_callback_watchdog_msg */
export interface RemoteDomainEventCallbackWatchdogMsg {
  callbackID: number;
  msg: RemoteDomainEventWatchdogMsg;
}
export function readRemoteDomainEventCallbackWatchdogMsg(r: XdrReader): RemoteDomainEventCallbackWatchdogMsg {
  return {
    callbackID: r.int(),
    msg: readRemoteDomainEventWatchdogMsg(r),
  };
}
export function writeRemoteDomainEventCallbackWatchdogMsg(w: XdrWriter, v: RemoteDomainEventCallbackWatchdogMsg): void {
  w.int(v.callbackID);
  writeRemoteDomainEventWatchdogMsg(w, v.msg);
}

/** struct remote_domain_event_io_error_msg */
export interface RemoteDomainEventIoErrorMsg {
  dom: RemoteNonnullDomain;
  srcPath: RemoteNonnullString;
  devAlias: RemoteNonnullString;
  action: number;
}
export function readRemoteDomainEventIoErrorMsg(r: XdrReader): RemoteDomainEventIoErrorMsg {
  return {
    dom: readRemoteNonnullDomain(r),
    srcPath: readRemoteNonnullString(r),
    devAlias: readRemoteNonnullString(r),
    action: r.int(),
  };
}
export function writeRemoteDomainEventIoErrorMsg(w: XdrWriter, v: RemoteDomainEventIoErrorMsg): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.srcPath);
  writeRemoteNonnullString(w, v.devAlias);
  w.int(v.action);
}

/** struct remote_domain_event_callback_io_error_msg */
export interface RemoteDomainEventCallbackIoErrorMsg {
  callbackID: number;
  msg: RemoteDomainEventIoErrorMsg;
}
export function readRemoteDomainEventCallbackIoErrorMsg(r: XdrReader): RemoteDomainEventCallbackIoErrorMsg {
  return {
    callbackID: r.int(),
    msg: readRemoteDomainEventIoErrorMsg(r),
  };
}
export function writeRemoteDomainEventCallbackIoErrorMsg(w: XdrWriter, v: RemoteDomainEventCallbackIoErrorMsg): void {
  w.int(v.callbackID);
  writeRemoteDomainEventIoErrorMsg(w, v.msg);
}

/** struct remote_domain_event_io_error_reason_msg */
export interface RemoteDomainEventIoErrorReasonMsg {
  dom: RemoteNonnullDomain;
  srcPath: RemoteNonnullString;
  devAlias: RemoteNonnullString;
  action: number;
  reason: RemoteNonnullString;
}
export function readRemoteDomainEventIoErrorReasonMsg(r: XdrReader): RemoteDomainEventIoErrorReasonMsg {
  return {
    dom: readRemoteNonnullDomain(r),
    srcPath: readRemoteNonnullString(r),
    devAlias: readRemoteNonnullString(r),
    action: r.int(),
    reason: readRemoteNonnullString(r),
  };
}
export function writeRemoteDomainEventIoErrorReasonMsg(w: XdrWriter, v: RemoteDomainEventIoErrorReasonMsg): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.srcPath);
  writeRemoteNonnullString(w, v.devAlias);
  w.int(v.action);
  writeRemoteNonnullString(w, v.reason);
}

/** struct remote_domain_event_callback_io_error_reason_msg */
export interface RemoteDomainEventCallbackIoErrorReasonMsg {
  callbackID: number;
  msg: RemoteDomainEventIoErrorReasonMsg;
}
export function readRemoteDomainEventCallbackIoErrorReasonMsg(r: XdrReader): RemoteDomainEventCallbackIoErrorReasonMsg {
  return {
    callbackID: r.int(),
    msg: readRemoteDomainEventIoErrorReasonMsg(r),
  };
}
export function writeRemoteDomainEventCallbackIoErrorReasonMsg(w: XdrWriter, v: RemoteDomainEventCallbackIoErrorReasonMsg): void {
  w.int(v.callbackID);
  writeRemoteDomainEventIoErrorReasonMsg(w, v.msg);
}

/** struct remote_domain_event_graphics_address */
export interface RemoteDomainEventGraphicsAddress {
  family: number;
  node: RemoteNonnullString;
  service: RemoteNonnullString;
}
export function readRemoteDomainEventGraphicsAddress(r: XdrReader): RemoteDomainEventGraphicsAddress {
  return {
    family: r.int(),
    node: readRemoteNonnullString(r),
    service: readRemoteNonnullString(r),
  };
}
export function writeRemoteDomainEventGraphicsAddress(w: XdrWriter, v: RemoteDomainEventGraphicsAddress): void {
  w.int(v.family);
  writeRemoteNonnullString(w, v.node);
  writeRemoteNonnullString(w, v.service);
}
export const REMOTE_DOMAIN_EVENT_GRAPHICS_IDENTITY_MAX = 20;

/** struct remote_domain_event_graphics_identity */
export interface RemoteDomainEventGraphicsIdentity {
  type: RemoteNonnullString;
  name: RemoteNonnullString;
}
export function readRemoteDomainEventGraphicsIdentity(r: XdrReader): RemoteDomainEventGraphicsIdentity {
  return {
    type: readRemoteNonnullString(r),
    name: readRemoteNonnullString(r),
  };
}
export function writeRemoteDomainEventGraphicsIdentity(w: XdrWriter, v: RemoteDomainEventGraphicsIdentity): void {
  writeRemoteNonnullString(w, v.type);
  writeRemoteNonnullString(w, v.name);
}

/** struct remote_domain_event_graphics_msg */
export interface RemoteDomainEventGraphicsMsg {
  dom: RemoteNonnullDomain;
  phase: number;
  local: RemoteDomainEventGraphicsAddress;
  remote: RemoteDomainEventGraphicsAddress;
  authScheme: RemoteNonnullString;
  subject: RemoteDomainEventGraphicsIdentity[];
}
export interface RemoteDomainEventGraphicsMsgIn {
  dom: RemoteNonnullDomain;
  phase: number;
  local: RemoteDomainEventGraphicsAddress;
  remote: RemoteDomainEventGraphicsAddress;
  authScheme: RemoteNonnullString;
  subject: readonly RemoteDomainEventGraphicsIdentity[];
}
export function readRemoteDomainEventGraphicsMsg(r: XdrReader): RemoteDomainEventGraphicsMsg {
  return {
    dom: readRemoteNonnullDomain(r),
    phase: r.int(),
    local: readRemoteDomainEventGraphicsAddress(r),
    remote: readRemoteDomainEventGraphicsAddress(r),
    authScheme: readRemoteNonnullString(r),
    subject: r.array(readRemoteDomainEventGraphicsIdentity, REMOTE_DOMAIN_EVENT_GRAPHICS_IDENTITY_MAX),
  };
}
export function writeRemoteDomainEventGraphicsMsg(w: XdrWriter, v: RemoteDomainEventGraphicsMsgIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.int(v.phase);
  writeRemoteDomainEventGraphicsAddress(w, v.local);
  writeRemoteDomainEventGraphicsAddress(w, v.remote);
  writeRemoteNonnullString(w, v.authScheme);
  writeArray(w, v.subject, REMOTE_DOMAIN_EVENT_GRAPHICS_IDENTITY_MAX, writeRemoteDomainEventGraphicsIdentity, 'remote_domain_event_graphics_msg.subject');
}

/** struct remote_domain_event_callback_graphics_msg */
export interface RemoteDomainEventCallbackGraphicsMsg {
  callbackID: number;
  msg: RemoteDomainEventGraphicsMsg;
}
export interface RemoteDomainEventCallbackGraphicsMsgIn {
  callbackID: number;
  msg: RemoteDomainEventGraphicsMsgIn;
}
export function readRemoteDomainEventCallbackGraphicsMsg(r: XdrReader): RemoteDomainEventCallbackGraphicsMsg {
  return {
    callbackID: r.int(),
    msg: readRemoteDomainEventGraphicsMsg(r),
  };
}
export function writeRemoteDomainEventCallbackGraphicsMsg(w: XdrWriter, v: RemoteDomainEventCallbackGraphicsMsgIn): void {
  w.int(v.callbackID);
  writeRemoteDomainEventGraphicsMsg(w, v.msg);
}

/** struct remote_domain_event_block_job_msg */
export interface RemoteDomainEventBlockJobMsg {
  dom: RemoteNonnullDomain;
  path: RemoteNonnullString;
  type: number;
  status: number;
}
export function readRemoteDomainEventBlockJobMsg(r: XdrReader): RemoteDomainEventBlockJobMsg {
  return {
    dom: readRemoteNonnullDomain(r),
    path: readRemoteNonnullString(r),
    type: r.int(),
    status: r.int(),
  };
}
export function writeRemoteDomainEventBlockJobMsg(w: XdrWriter, v: RemoteDomainEventBlockJobMsg): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.path);
  w.int(v.type);
  w.int(v.status);
}

/** struct remote_domain_event_callback_block_job_msg */
export interface RemoteDomainEventCallbackBlockJobMsg {
  callbackID: number;
  msg: RemoteDomainEventBlockJobMsg;
}
export function readRemoteDomainEventCallbackBlockJobMsg(r: XdrReader): RemoteDomainEventCallbackBlockJobMsg {
  return {
    callbackID: r.int(),
    msg: readRemoteDomainEventBlockJobMsg(r),
  };
}
export function writeRemoteDomainEventCallbackBlockJobMsg(w: XdrWriter, v: RemoteDomainEventCallbackBlockJobMsg): void {
  w.int(v.callbackID);
  writeRemoteDomainEventBlockJobMsg(w, v.msg);
}

/** struct remote_domain_event_disk_change_msg */
export interface RemoteDomainEventDiskChangeMsg {
  dom: RemoteNonnullDomain;
  oldSrcPath: RemoteString;
  newSrcPath: RemoteString;
  devAlias: RemoteNonnullString;
  reason: number;
}
export interface RemoteDomainEventDiskChangeMsgIn {
  dom: RemoteNonnullDomain;
  oldSrcPath: RemoteStringIn;
  newSrcPath: RemoteStringIn;
  devAlias: RemoteNonnullString;
  reason: number;
}
export function readRemoteDomainEventDiskChangeMsg(r: XdrReader): RemoteDomainEventDiskChangeMsg {
  return {
    dom: readRemoteNonnullDomain(r),
    oldSrcPath: readRemoteString(r),
    newSrcPath: readRemoteString(r),
    devAlias: readRemoteNonnullString(r),
    reason: r.int(),
  };
}
export function writeRemoteDomainEventDiskChangeMsg(w: XdrWriter, v: RemoteDomainEventDiskChangeMsgIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteString(w, v.oldSrcPath);
  writeRemoteString(w, v.newSrcPath);
  writeRemoteNonnullString(w, v.devAlias);
  w.int(v.reason);
}

/** struct remote_domain_event_callback_disk_change_msg */
export interface RemoteDomainEventCallbackDiskChangeMsg {
  callbackID: number;
  msg: RemoteDomainEventDiskChangeMsg;
}
export interface RemoteDomainEventCallbackDiskChangeMsgIn {
  callbackID: number;
  msg: RemoteDomainEventDiskChangeMsgIn;
}
export function readRemoteDomainEventCallbackDiskChangeMsg(r: XdrReader): RemoteDomainEventCallbackDiskChangeMsg {
  return {
    callbackID: r.int(),
    msg: readRemoteDomainEventDiskChangeMsg(r),
  };
}
export function writeRemoteDomainEventCallbackDiskChangeMsg(w: XdrWriter, v: RemoteDomainEventCallbackDiskChangeMsgIn): void {
  w.int(v.callbackID);
  writeRemoteDomainEventDiskChangeMsg(w, v.msg);
}

/** struct remote_domain_event_tray_change_msg */
export interface RemoteDomainEventTrayChangeMsg {
  dom: RemoteNonnullDomain;
  devAlias: RemoteNonnullString;
  reason: number;
}
export function readRemoteDomainEventTrayChangeMsg(r: XdrReader): RemoteDomainEventTrayChangeMsg {
  return {
    dom: readRemoteNonnullDomain(r),
    devAlias: readRemoteNonnullString(r),
    reason: r.int(),
  };
}
export function writeRemoteDomainEventTrayChangeMsg(w: XdrWriter, v: RemoteDomainEventTrayChangeMsg): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.devAlias);
  w.int(v.reason);
}

/** struct remote_domain_event_callback_tray_change_msg */
export interface RemoteDomainEventCallbackTrayChangeMsg {
  callbackID: number;
  msg: RemoteDomainEventTrayChangeMsg;
}
export function readRemoteDomainEventCallbackTrayChangeMsg(r: XdrReader): RemoteDomainEventCallbackTrayChangeMsg {
  return {
    callbackID: r.int(),
    msg: readRemoteDomainEventTrayChangeMsg(r),
  };
}
export function writeRemoteDomainEventCallbackTrayChangeMsg(w: XdrWriter, v: RemoteDomainEventCallbackTrayChangeMsg): void {
  w.int(v.callbackID);
  writeRemoteDomainEventTrayChangeMsg(w, v.msg);
}

/** struct remote_domain_event_pmwakeup_msg */
export interface RemoteDomainEventPmwakeupMsg {
  dom: RemoteNonnullDomain;
}
export function readRemoteDomainEventPmwakeupMsg(r: XdrReader): RemoteDomainEventPmwakeupMsg {
  return {
    dom: readRemoteNonnullDomain(r),
  };
}
export function writeRemoteDomainEventPmwakeupMsg(w: XdrWriter, v: RemoteDomainEventPmwakeupMsg): void {
  writeRemoteNonnullDomain(w, v.dom);
}

/** struct remote_domain_event_callback_pmwakeup_msg */
export interface RemoteDomainEventCallbackPmwakeupMsg {
  callbackID: number;
  reason: number;
  msg: RemoteDomainEventPmwakeupMsg;
}
export function readRemoteDomainEventCallbackPmwakeupMsg(r: XdrReader): RemoteDomainEventCallbackPmwakeupMsg {
  return {
    callbackID: r.int(),
    reason: r.int(),
    msg: readRemoteDomainEventPmwakeupMsg(r),
  };
}
export function writeRemoteDomainEventCallbackPmwakeupMsg(w: XdrWriter, v: RemoteDomainEventCallbackPmwakeupMsg): void {
  w.int(v.callbackID);
  w.int(v.reason);
  writeRemoteDomainEventPmwakeupMsg(w, v.msg);
}

/** struct remote_domain_event_pmsuspend_msg */
export interface RemoteDomainEventPmsuspendMsg {
  dom: RemoteNonnullDomain;
}
export function readRemoteDomainEventPmsuspendMsg(r: XdrReader): RemoteDomainEventPmsuspendMsg {
  return {
    dom: readRemoteNonnullDomain(r),
  };
}
export function writeRemoteDomainEventPmsuspendMsg(w: XdrWriter, v: RemoteDomainEventPmsuspendMsg): void {
  writeRemoteNonnullDomain(w, v.dom);
}

/** struct remote_domain_event_callback_pmsuspend_msg */
export interface RemoteDomainEventCallbackPmsuspendMsg {
  callbackID: number;
  reason: number;
  msg: RemoteDomainEventPmsuspendMsg;
}
export function readRemoteDomainEventCallbackPmsuspendMsg(r: XdrReader): RemoteDomainEventCallbackPmsuspendMsg {
  return {
    callbackID: r.int(),
    reason: r.int(),
    msg: readRemoteDomainEventPmsuspendMsg(r),
  };
}
export function writeRemoteDomainEventCallbackPmsuspendMsg(w: XdrWriter, v: RemoteDomainEventCallbackPmsuspendMsg): void {
  w.int(v.callbackID);
  w.int(v.reason);
  writeRemoteDomainEventPmsuspendMsg(w, v.msg);
}

/** struct remote_domain_event_balloon_change_msg */
export interface RemoteDomainEventBalloonChangeMsg {
  dom: RemoteNonnullDomain;
  actual: bigint;
}
export interface RemoteDomainEventBalloonChangeMsgIn {
  dom: RemoteNonnullDomain;
  actual: bigint | number;
}
export function readRemoteDomainEventBalloonChangeMsg(r: XdrReader): RemoteDomainEventBalloonChangeMsg {
  return {
    dom: readRemoteNonnullDomain(r),
    actual: r.uhyper(),
  };
}
export function writeRemoteDomainEventBalloonChangeMsg(w: XdrWriter, v: RemoteDomainEventBalloonChangeMsgIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uhyper(v.actual);
}

/** struct remote_domain_event_callback_balloon_change_msg */
export interface RemoteDomainEventCallbackBalloonChangeMsg {
  callbackID: number;
  msg: RemoteDomainEventBalloonChangeMsg;
}
export interface RemoteDomainEventCallbackBalloonChangeMsgIn {
  callbackID: number;
  msg: RemoteDomainEventBalloonChangeMsgIn;
}
export function readRemoteDomainEventCallbackBalloonChangeMsg(r: XdrReader): RemoteDomainEventCallbackBalloonChangeMsg {
  return {
    callbackID: r.int(),
    msg: readRemoteDomainEventBalloonChangeMsg(r),
  };
}
export function writeRemoteDomainEventCallbackBalloonChangeMsg(w: XdrWriter, v: RemoteDomainEventCallbackBalloonChangeMsgIn): void {
  w.int(v.callbackID);
  writeRemoteDomainEventBalloonChangeMsg(w, v.msg);
}

/** struct remote_domain_event_pmsuspend_disk_msg */
export interface RemoteDomainEventPmsuspendDiskMsg {
  dom: RemoteNonnullDomain;
}
export function readRemoteDomainEventPmsuspendDiskMsg(r: XdrReader): RemoteDomainEventPmsuspendDiskMsg {
  return {
    dom: readRemoteNonnullDomain(r),
  };
}
export function writeRemoteDomainEventPmsuspendDiskMsg(w: XdrWriter, v: RemoteDomainEventPmsuspendDiskMsg): void {
  writeRemoteNonnullDomain(w, v.dom);
}

/** struct remote_domain_event_callback_pmsuspend_disk_msg */
export interface RemoteDomainEventCallbackPmsuspendDiskMsg {
  callbackID: number;
  reason: number;
  msg: RemoteDomainEventPmsuspendDiskMsg;
}
export function readRemoteDomainEventCallbackPmsuspendDiskMsg(r: XdrReader): RemoteDomainEventCallbackPmsuspendDiskMsg {
  return {
    callbackID: r.int(),
    reason: r.int(),
    msg: readRemoteDomainEventPmsuspendDiskMsg(r),
  };
}
export function writeRemoteDomainEventCallbackPmsuspendDiskMsg(w: XdrWriter, v: RemoteDomainEventCallbackPmsuspendDiskMsg): void {
  w.int(v.callbackID);
  w.int(v.reason);
  writeRemoteDomainEventPmsuspendDiskMsg(w, v.msg);
}

/** struct remote_domain_managed_save_args */
export interface RemoteDomainManagedSaveArgs {
  dom: RemoteNonnullDomain;
  flags: number;
}
export function readRemoteDomainManagedSaveArgs(r: XdrReader): RemoteDomainManagedSaveArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainManagedSaveArgs(w: XdrWriter, v: RemoteDomainManagedSaveArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.flags);
}

/** struct remote_domain_has_managed_save_image_args */
export interface RemoteDomainHasManagedSaveImageArgs {
  dom: RemoteNonnullDomain;
  flags: number;
}
export function readRemoteDomainHasManagedSaveImageArgs(r: XdrReader): RemoteDomainHasManagedSaveImageArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainHasManagedSaveImageArgs(w: XdrWriter, v: RemoteDomainHasManagedSaveImageArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.flags);
}

/** struct remote_domain_has_managed_save_image_ret */
export interface RemoteDomainHasManagedSaveImageRet {
  result: number;
}
export function readRemoteDomainHasManagedSaveImageRet(r: XdrReader): RemoteDomainHasManagedSaveImageRet {
  return {
    result: r.int(),
  };
}
export function writeRemoteDomainHasManagedSaveImageRet(w: XdrWriter, v: RemoteDomainHasManagedSaveImageRet): void {
  w.int(v.result);
}

/** struct remote_domain_managed_save_remove_args */
export interface RemoteDomainManagedSaveRemoveArgs {
  dom: RemoteNonnullDomain;
  flags: number;
}
export function readRemoteDomainManagedSaveRemoveArgs(r: XdrReader): RemoteDomainManagedSaveRemoveArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainManagedSaveRemoveArgs(w: XdrWriter, v: RemoteDomainManagedSaveRemoveArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.flags);
}

/** struct remote_domain_managed_save_get_xml_desc_args */
export interface RemoteDomainManagedSaveGetXmlDescArgs {
  dom: RemoteNonnullDomain;
  flags: number;
}
export function readRemoteDomainManagedSaveGetXmlDescArgs(r: XdrReader): RemoteDomainManagedSaveGetXmlDescArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainManagedSaveGetXmlDescArgs(w: XdrWriter, v: RemoteDomainManagedSaveGetXmlDescArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.flags);
}

/** struct remote_domain_managed_save_get_xml_desc_ret */
export interface RemoteDomainManagedSaveGetXmlDescRet {
  xml: RemoteNonnullString;
}
export function readRemoteDomainManagedSaveGetXmlDescRet(r: XdrReader): RemoteDomainManagedSaveGetXmlDescRet {
  return {
    xml: readRemoteNonnullString(r),
  };
}
export function writeRemoteDomainManagedSaveGetXmlDescRet(w: XdrWriter, v: RemoteDomainManagedSaveGetXmlDescRet): void {
  writeRemoteNonnullString(w, v.xml);
}

/** struct remote_domain_managed_save_define_xml_args */
export interface RemoteDomainManagedSaveDefineXmlArgs {
  dom: RemoteNonnullDomain;
  dxml: RemoteString;
  flags: number;
}
export interface RemoteDomainManagedSaveDefineXmlArgsIn {
  dom: RemoteNonnullDomain;
  dxml: RemoteStringIn;
  flags: number;
}
export function readRemoteDomainManagedSaveDefineXmlArgs(r: XdrReader): RemoteDomainManagedSaveDefineXmlArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    dxml: readRemoteString(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainManagedSaveDefineXmlArgs(w: XdrWriter, v: RemoteDomainManagedSaveDefineXmlArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteString(w, v.dxml);
  w.uint(v.flags);
}

/** struct remote_domain_snapshot_create_xml_args */
export interface RemoteDomainSnapshotCreateXmlArgs {
  dom: RemoteNonnullDomain;
  xml_desc: RemoteNonnullString;
  flags: number;
}
export function readRemoteDomainSnapshotCreateXmlArgs(r: XdrReader): RemoteDomainSnapshotCreateXmlArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    xml_desc: readRemoteNonnullString(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainSnapshotCreateXmlArgs(w: XdrWriter, v: RemoteDomainSnapshotCreateXmlArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.xml_desc);
  w.uint(v.flags);
}

/** struct remote_domain_snapshot_create_xml_ret */
export interface RemoteDomainSnapshotCreateXmlRet {
  snap: RemoteNonnullDomainSnapshot;
}
export function readRemoteDomainSnapshotCreateXmlRet(r: XdrReader): RemoteDomainSnapshotCreateXmlRet {
  return {
    snap: readRemoteNonnullDomainSnapshot(r),
  };
}
export function writeRemoteDomainSnapshotCreateXmlRet(w: XdrWriter, v: RemoteDomainSnapshotCreateXmlRet): void {
  writeRemoteNonnullDomainSnapshot(w, v.snap);
}

/** struct remote_domain_snapshot_get_xml_desc_args */
export interface RemoteDomainSnapshotGetXmlDescArgs {
  snap: RemoteNonnullDomainSnapshot;
  flags: number;
}
export function readRemoteDomainSnapshotGetXmlDescArgs(r: XdrReader): RemoteDomainSnapshotGetXmlDescArgs {
  return {
    snap: readRemoteNonnullDomainSnapshot(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainSnapshotGetXmlDescArgs(w: XdrWriter, v: RemoteDomainSnapshotGetXmlDescArgs): void {
  writeRemoteNonnullDomainSnapshot(w, v.snap);
  w.uint(v.flags);
}

/** struct remote_domain_snapshot_get_xml_desc_ret */
export interface RemoteDomainSnapshotGetXmlDescRet {
  xml: RemoteNonnullString;
}
export function readRemoteDomainSnapshotGetXmlDescRet(r: XdrReader): RemoteDomainSnapshotGetXmlDescRet {
  return {
    xml: readRemoteNonnullString(r),
  };
}
export function writeRemoteDomainSnapshotGetXmlDescRet(w: XdrWriter, v: RemoteDomainSnapshotGetXmlDescRet): void {
  writeRemoteNonnullString(w, v.xml);
}

/** struct remote_domain_snapshot_num_args */
export interface RemoteDomainSnapshotNumArgs {
  dom: RemoteNonnullDomain;
  flags: number;
}
export function readRemoteDomainSnapshotNumArgs(r: XdrReader): RemoteDomainSnapshotNumArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainSnapshotNumArgs(w: XdrWriter, v: RemoteDomainSnapshotNumArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.flags);
}

/** struct remote_domain_snapshot_num_ret */
export interface RemoteDomainSnapshotNumRet {
  num: number;
}
export function readRemoteDomainSnapshotNumRet(r: XdrReader): RemoteDomainSnapshotNumRet {
  return {
    num: r.int(),
  };
}
export function writeRemoteDomainSnapshotNumRet(w: XdrWriter, v: RemoteDomainSnapshotNumRet): void {
  w.int(v.num);
}

/** struct remote_domain_snapshot_list_names_args */
export interface RemoteDomainSnapshotListNamesArgs {
  dom: RemoteNonnullDomain;
  maxnames: number;
  flags: number;
}
export function readRemoteDomainSnapshotListNamesArgs(r: XdrReader): RemoteDomainSnapshotListNamesArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    maxnames: r.int(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainSnapshotListNamesArgs(w: XdrWriter, v: RemoteDomainSnapshotListNamesArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.int(v.maxnames);
  w.uint(v.flags);
}

/** struct remote_domain_snapshot_list_names_ret */
export interface RemoteDomainSnapshotListNamesRet {
  names: RemoteNonnullString[];
}
export interface RemoteDomainSnapshotListNamesRetIn {
  names: readonly RemoteNonnullString[];
}
export function readRemoteDomainSnapshotListNamesRet(r: XdrReader): RemoteDomainSnapshotListNamesRet {
  return {
    names: r.array(readRemoteNonnullString, REMOTE_DOMAIN_SNAPSHOT_LIST_MAX),
  };
}
export function writeRemoteDomainSnapshotListNamesRet(w: XdrWriter, v: RemoteDomainSnapshotListNamesRetIn): void {
  writeArray(w, v.names, REMOTE_DOMAIN_SNAPSHOT_LIST_MAX, writeRemoteNonnullString, 'remote_domain_snapshot_list_names_ret.names');
}

/** struct remote_domain_list_all_snapshots_args */
export interface RemoteDomainListAllSnapshotsArgs {
  dom: RemoteNonnullDomain;
  need_results: number;
  flags: number;
}
export function readRemoteDomainListAllSnapshotsArgs(r: XdrReader): RemoteDomainListAllSnapshotsArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    need_results: r.int(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainListAllSnapshotsArgs(w: XdrWriter, v: RemoteDomainListAllSnapshotsArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.int(v.need_results);
  w.uint(v.flags);
}

/** struct remote_domain_list_all_snapshots_ret */
export interface RemoteDomainListAllSnapshotsRet {
  snapshots: RemoteNonnullDomainSnapshot[];
  ret: number;
}
export interface RemoteDomainListAllSnapshotsRetIn {
  snapshots: readonly RemoteNonnullDomainSnapshot[];
  ret: number;
}
export function readRemoteDomainListAllSnapshotsRet(r: XdrReader): RemoteDomainListAllSnapshotsRet {
  return {
    snapshots: r.array(readRemoteNonnullDomainSnapshot, REMOTE_DOMAIN_SNAPSHOT_LIST_MAX),
    ret: r.int(),
  };
}
export function writeRemoteDomainListAllSnapshotsRet(w: XdrWriter, v: RemoteDomainListAllSnapshotsRetIn): void {
  writeArray(w, v.snapshots, REMOTE_DOMAIN_SNAPSHOT_LIST_MAX, writeRemoteNonnullDomainSnapshot, 'remote_domain_list_all_snapshots_ret.snapshots');
  w.int(v.ret);
}

/** struct remote_domain_snapshot_num_children_args */
export interface RemoteDomainSnapshotNumChildrenArgs {
  snap: RemoteNonnullDomainSnapshot;
  flags: number;
}
export function readRemoteDomainSnapshotNumChildrenArgs(r: XdrReader): RemoteDomainSnapshotNumChildrenArgs {
  return {
    snap: readRemoteNonnullDomainSnapshot(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainSnapshotNumChildrenArgs(w: XdrWriter, v: RemoteDomainSnapshotNumChildrenArgs): void {
  writeRemoteNonnullDomainSnapshot(w, v.snap);
  w.uint(v.flags);
}

/** struct remote_domain_snapshot_num_children_ret */
export interface RemoteDomainSnapshotNumChildrenRet {
  num: number;
}
export function readRemoteDomainSnapshotNumChildrenRet(r: XdrReader): RemoteDomainSnapshotNumChildrenRet {
  return {
    num: r.int(),
  };
}
export function writeRemoteDomainSnapshotNumChildrenRet(w: XdrWriter, v: RemoteDomainSnapshotNumChildrenRet): void {
  w.int(v.num);
}

/** struct remote_domain_snapshot_list_children_names_args */
export interface RemoteDomainSnapshotListChildrenNamesArgs {
  snap: RemoteNonnullDomainSnapshot;
  maxnames: number;
  flags: number;
}
export function readRemoteDomainSnapshotListChildrenNamesArgs(r: XdrReader): RemoteDomainSnapshotListChildrenNamesArgs {
  return {
    snap: readRemoteNonnullDomainSnapshot(r),
    maxnames: r.int(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainSnapshotListChildrenNamesArgs(w: XdrWriter, v: RemoteDomainSnapshotListChildrenNamesArgs): void {
  writeRemoteNonnullDomainSnapshot(w, v.snap);
  w.int(v.maxnames);
  w.uint(v.flags);
}

/** struct remote_domain_snapshot_list_children_names_ret */
export interface RemoteDomainSnapshotListChildrenNamesRet {
  names: RemoteNonnullString[];
}
export interface RemoteDomainSnapshotListChildrenNamesRetIn {
  names: readonly RemoteNonnullString[];
}
export function readRemoteDomainSnapshotListChildrenNamesRet(r: XdrReader): RemoteDomainSnapshotListChildrenNamesRet {
  return {
    names: r.array(readRemoteNonnullString, REMOTE_DOMAIN_SNAPSHOT_LIST_MAX),
  };
}
export function writeRemoteDomainSnapshotListChildrenNamesRet(w: XdrWriter, v: RemoteDomainSnapshotListChildrenNamesRetIn): void {
  writeArray(w, v.names, REMOTE_DOMAIN_SNAPSHOT_LIST_MAX, writeRemoteNonnullString, 'remote_domain_snapshot_list_children_names_ret.names');
}

/** struct remote_domain_snapshot_list_all_children_args */
export interface RemoteDomainSnapshotListAllChildrenArgs {
  snapshot: RemoteNonnullDomainSnapshot;
  need_results: number;
  flags: number;
}
export function readRemoteDomainSnapshotListAllChildrenArgs(r: XdrReader): RemoteDomainSnapshotListAllChildrenArgs {
  return {
    snapshot: readRemoteNonnullDomainSnapshot(r),
    need_results: r.int(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainSnapshotListAllChildrenArgs(w: XdrWriter, v: RemoteDomainSnapshotListAllChildrenArgs): void {
  writeRemoteNonnullDomainSnapshot(w, v.snapshot);
  w.int(v.need_results);
  w.uint(v.flags);
}

/** struct remote_domain_snapshot_list_all_children_ret */
export interface RemoteDomainSnapshotListAllChildrenRet {
  snapshots: RemoteNonnullDomainSnapshot[];
  ret: number;
}
export interface RemoteDomainSnapshotListAllChildrenRetIn {
  snapshots: readonly RemoteNonnullDomainSnapshot[];
  ret: number;
}
export function readRemoteDomainSnapshotListAllChildrenRet(r: XdrReader): RemoteDomainSnapshotListAllChildrenRet {
  return {
    snapshots: r.array(readRemoteNonnullDomainSnapshot, REMOTE_DOMAIN_SNAPSHOT_LIST_MAX),
    ret: r.int(),
  };
}
export function writeRemoteDomainSnapshotListAllChildrenRet(w: XdrWriter, v: RemoteDomainSnapshotListAllChildrenRetIn): void {
  writeArray(w, v.snapshots, REMOTE_DOMAIN_SNAPSHOT_LIST_MAX, writeRemoteNonnullDomainSnapshot, 'remote_domain_snapshot_list_all_children_ret.snapshots');
  w.int(v.ret);
}

/** struct remote_domain_snapshot_lookup_by_name_args */
export interface RemoteDomainSnapshotLookupByNameArgs {
  dom: RemoteNonnullDomain;
  name: RemoteNonnullString;
  flags: number;
}
export function readRemoteDomainSnapshotLookupByNameArgs(r: XdrReader): RemoteDomainSnapshotLookupByNameArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    name: readRemoteNonnullString(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainSnapshotLookupByNameArgs(w: XdrWriter, v: RemoteDomainSnapshotLookupByNameArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.name);
  w.uint(v.flags);
}

/** struct remote_domain_snapshot_lookup_by_name_ret */
export interface RemoteDomainSnapshotLookupByNameRet {
  snap: RemoteNonnullDomainSnapshot;
}
export function readRemoteDomainSnapshotLookupByNameRet(r: XdrReader): RemoteDomainSnapshotLookupByNameRet {
  return {
    snap: readRemoteNonnullDomainSnapshot(r),
  };
}
export function writeRemoteDomainSnapshotLookupByNameRet(w: XdrWriter, v: RemoteDomainSnapshotLookupByNameRet): void {
  writeRemoteNonnullDomainSnapshot(w, v.snap);
}

/** struct remote_domain_has_current_snapshot_args */
export interface RemoteDomainHasCurrentSnapshotArgs {
  dom: RemoteNonnullDomain;
  flags: number;
}
export function readRemoteDomainHasCurrentSnapshotArgs(r: XdrReader): RemoteDomainHasCurrentSnapshotArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainHasCurrentSnapshotArgs(w: XdrWriter, v: RemoteDomainHasCurrentSnapshotArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.flags);
}

/** struct remote_domain_has_current_snapshot_ret */
export interface RemoteDomainHasCurrentSnapshotRet {
  result: number;
}
export function readRemoteDomainHasCurrentSnapshotRet(r: XdrReader): RemoteDomainHasCurrentSnapshotRet {
  return {
    result: r.int(),
  };
}
export function writeRemoteDomainHasCurrentSnapshotRet(w: XdrWriter, v: RemoteDomainHasCurrentSnapshotRet): void {
  w.int(v.result);
}

/** struct remote_domain_snapshot_get_parent_args */
export interface RemoteDomainSnapshotGetParentArgs {
  snap: RemoteNonnullDomainSnapshot;
  flags: number;
}
export function readRemoteDomainSnapshotGetParentArgs(r: XdrReader): RemoteDomainSnapshotGetParentArgs {
  return {
    snap: readRemoteNonnullDomainSnapshot(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainSnapshotGetParentArgs(w: XdrWriter, v: RemoteDomainSnapshotGetParentArgs): void {
  writeRemoteNonnullDomainSnapshot(w, v.snap);
  w.uint(v.flags);
}

/** struct remote_domain_snapshot_get_parent_ret */
export interface RemoteDomainSnapshotGetParentRet {
  snap: RemoteNonnullDomainSnapshot;
}
export function readRemoteDomainSnapshotGetParentRet(r: XdrReader): RemoteDomainSnapshotGetParentRet {
  return {
    snap: readRemoteNonnullDomainSnapshot(r),
  };
}
export function writeRemoteDomainSnapshotGetParentRet(w: XdrWriter, v: RemoteDomainSnapshotGetParentRet): void {
  writeRemoteNonnullDomainSnapshot(w, v.snap);
}

/** struct remote_domain_snapshot_current_args */
export interface RemoteDomainSnapshotCurrentArgs {
  dom: RemoteNonnullDomain;
  flags: number;
}
export function readRemoteDomainSnapshotCurrentArgs(r: XdrReader): RemoteDomainSnapshotCurrentArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainSnapshotCurrentArgs(w: XdrWriter, v: RemoteDomainSnapshotCurrentArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.flags);
}

/** struct remote_domain_snapshot_current_ret */
export interface RemoteDomainSnapshotCurrentRet {
  snap: RemoteNonnullDomainSnapshot;
}
export function readRemoteDomainSnapshotCurrentRet(r: XdrReader): RemoteDomainSnapshotCurrentRet {
  return {
    snap: readRemoteNonnullDomainSnapshot(r),
  };
}
export function writeRemoteDomainSnapshotCurrentRet(w: XdrWriter, v: RemoteDomainSnapshotCurrentRet): void {
  writeRemoteNonnullDomainSnapshot(w, v.snap);
}

/** struct remote_domain_snapshot_is_current_args */
export interface RemoteDomainSnapshotIsCurrentArgs {
  snap: RemoteNonnullDomainSnapshot;
  flags: number;
}
export function readRemoteDomainSnapshotIsCurrentArgs(r: XdrReader): RemoteDomainSnapshotIsCurrentArgs {
  return {
    snap: readRemoteNonnullDomainSnapshot(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainSnapshotIsCurrentArgs(w: XdrWriter, v: RemoteDomainSnapshotIsCurrentArgs): void {
  writeRemoteNonnullDomainSnapshot(w, v.snap);
  w.uint(v.flags);
}

/** struct remote_domain_snapshot_is_current_ret */
export interface RemoteDomainSnapshotIsCurrentRet {
  current: number;
}
export function readRemoteDomainSnapshotIsCurrentRet(r: XdrReader): RemoteDomainSnapshotIsCurrentRet {
  return {
    current: r.int(),
  };
}
export function writeRemoteDomainSnapshotIsCurrentRet(w: XdrWriter, v: RemoteDomainSnapshotIsCurrentRet): void {
  w.int(v.current);
}

/** struct remote_domain_snapshot_has_metadata_args */
export interface RemoteDomainSnapshotHasMetadataArgs {
  snap: RemoteNonnullDomainSnapshot;
  flags: number;
}
export function readRemoteDomainSnapshotHasMetadataArgs(r: XdrReader): RemoteDomainSnapshotHasMetadataArgs {
  return {
    snap: readRemoteNonnullDomainSnapshot(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainSnapshotHasMetadataArgs(w: XdrWriter, v: RemoteDomainSnapshotHasMetadataArgs): void {
  writeRemoteNonnullDomainSnapshot(w, v.snap);
  w.uint(v.flags);
}

/** struct remote_domain_snapshot_has_metadata_ret */
export interface RemoteDomainSnapshotHasMetadataRet {
  metadata: number;
}
export function readRemoteDomainSnapshotHasMetadataRet(r: XdrReader): RemoteDomainSnapshotHasMetadataRet {
  return {
    metadata: r.int(),
  };
}
export function writeRemoteDomainSnapshotHasMetadataRet(w: XdrWriter, v: RemoteDomainSnapshotHasMetadataRet): void {
  w.int(v.metadata);
}

/** struct remote_domain_revert_to_snapshot_args */
export interface RemoteDomainRevertToSnapshotArgs {
  snap: RemoteNonnullDomainSnapshot;
  flags: number;
}
export function readRemoteDomainRevertToSnapshotArgs(r: XdrReader): RemoteDomainRevertToSnapshotArgs {
  return {
    snap: readRemoteNonnullDomainSnapshot(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainRevertToSnapshotArgs(w: XdrWriter, v: RemoteDomainRevertToSnapshotArgs): void {
  writeRemoteNonnullDomainSnapshot(w, v.snap);
  w.uint(v.flags);
}

/** struct remote_domain_snapshot_delete_args */
export interface RemoteDomainSnapshotDeleteArgs {
  snap: RemoteNonnullDomainSnapshot;
  flags: number;
}
export function readRemoteDomainSnapshotDeleteArgs(r: XdrReader): RemoteDomainSnapshotDeleteArgs {
  return {
    snap: readRemoteNonnullDomainSnapshot(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainSnapshotDeleteArgs(w: XdrWriter, v: RemoteDomainSnapshotDeleteArgs): void {
  writeRemoteNonnullDomainSnapshot(w, v.snap);
  w.uint(v.flags);
}

/** struct remote_domain_open_console_args */
export interface RemoteDomainOpenConsoleArgs {
  dom: RemoteNonnullDomain;
  dev_name: RemoteString;
  flags: number;
}
export interface RemoteDomainOpenConsoleArgsIn {
  dom: RemoteNonnullDomain;
  dev_name: RemoteStringIn;
  flags: number;
}
export function readRemoteDomainOpenConsoleArgs(r: XdrReader): RemoteDomainOpenConsoleArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    dev_name: readRemoteString(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainOpenConsoleArgs(w: XdrWriter, v: RemoteDomainOpenConsoleArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteString(w, v.dev_name);
  w.uint(v.flags);
}

/** struct remote_domain_open_channel_args */
export interface RemoteDomainOpenChannelArgs {
  dom: RemoteNonnullDomain;
  name: RemoteString;
  flags: number;
}
export interface RemoteDomainOpenChannelArgsIn {
  dom: RemoteNonnullDomain;
  name: RemoteStringIn;
  flags: number;
}
export function readRemoteDomainOpenChannelArgs(r: XdrReader): RemoteDomainOpenChannelArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    name: readRemoteString(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainOpenChannelArgs(w: XdrWriter, v: RemoteDomainOpenChannelArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteString(w, v.name);
  w.uint(v.flags);
}

/** struct remote_storage_vol_upload_args */
export interface RemoteStorageVolUploadArgs {
  vol: RemoteNonnullStorageVol;
  offset: bigint;
  length: bigint;
  flags: number;
}
export interface RemoteStorageVolUploadArgsIn {
  vol: RemoteNonnullStorageVol;
  offset: bigint | number;
  length: bigint | number;
  flags: number;
}
export function readRemoteStorageVolUploadArgs(r: XdrReader): RemoteStorageVolUploadArgs {
  return {
    vol: readRemoteNonnullStorageVol(r),
    offset: r.uhyper(),
    length: r.uhyper(),
    flags: r.uint(),
  };
}
export function writeRemoteStorageVolUploadArgs(w: XdrWriter, v: RemoteStorageVolUploadArgsIn): void {
  writeRemoteNonnullStorageVol(w, v.vol);
  w.uhyper(v.offset);
  w.uhyper(v.length);
  w.uint(v.flags);
}

/** struct remote_storage_vol_download_args */
export interface RemoteStorageVolDownloadArgs {
  vol: RemoteNonnullStorageVol;
  offset: bigint;
  length: bigint;
  flags: number;
}
export interface RemoteStorageVolDownloadArgsIn {
  vol: RemoteNonnullStorageVol;
  offset: bigint | number;
  length: bigint | number;
  flags: number;
}
export function readRemoteStorageVolDownloadArgs(r: XdrReader): RemoteStorageVolDownloadArgs {
  return {
    vol: readRemoteNonnullStorageVol(r),
    offset: r.uhyper(),
    length: r.uhyper(),
    flags: r.uint(),
  };
}
export function writeRemoteStorageVolDownloadArgs(w: XdrWriter, v: RemoteStorageVolDownloadArgsIn): void {
  writeRemoteNonnullStorageVol(w, v.vol);
  w.uhyper(v.offset);
  w.uhyper(v.length);
  w.uint(v.flags);
}

/** struct remote_domain_get_state_args */
export interface RemoteDomainGetStateArgs {
  dom: RemoteNonnullDomain;
  flags: number;
}
export function readRemoteDomainGetStateArgs(r: XdrReader): RemoteDomainGetStateArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainGetStateArgs(w: XdrWriter, v: RemoteDomainGetStateArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.flags);
}

/** struct remote_domain_get_state_ret */
export interface RemoteDomainGetStateRet {
  state: number;
  reason: number;
}
export function readRemoteDomainGetStateRet(r: XdrReader): RemoteDomainGetStateRet {
  return {
    state: r.int(),
    reason: r.int(),
  };
}
export function writeRemoteDomainGetStateRet(w: XdrWriter, v: RemoteDomainGetStateRet): void {
  w.int(v.state);
  w.int(v.reason);
}

/** struct remote_domain_migrate_begin3_args */
export interface RemoteDomainMigrateBegin3Args {
  dom: RemoteNonnullDomain;
  xmlin: RemoteString;
  flags: bigint;
  dname: RemoteString;
  resource: bigint;
}
export interface RemoteDomainMigrateBegin3ArgsIn {
  dom: RemoteNonnullDomain;
  xmlin: RemoteStringIn;
  flags: bigint | number;
  dname: RemoteStringIn;
  resource: bigint | number;
}
export function readRemoteDomainMigrateBegin3Args(r: XdrReader): RemoteDomainMigrateBegin3Args {
  return {
    dom: readRemoteNonnullDomain(r),
    xmlin: readRemoteString(r),
    flags: r.uhyper(),
    dname: readRemoteString(r),
    resource: r.uhyper(),
  };
}
export function writeRemoteDomainMigrateBegin3Args(w: XdrWriter, v: RemoteDomainMigrateBegin3ArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteString(w, v.xmlin);
  w.uhyper(v.flags);
  writeRemoteString(w, v.dname);
  w.uhyper(v.resource);
}

/** struct remote_domain_migrate_begin3_ret */
export interface RemoteDomainMigrateBegin3Ret {
  cookie_out: Buffer;
  xml: RemoteNonnullString;
}
export interface RemoteDomainMigrateBegin3RetIn {
  cookie_out: Uint8Array;
  xml: RemoteNonnullString;
}
export function readRemoteDomainMigrateBegin3Ret(r: XdrReader): RemoteDomainMigrateBegin3Ret {
  return {
    cookie_out: r.opaque(REMOTE_MIGRATE_COOKIE_MAX),
    xml: readRemoteNonnullString(r),
  };
}
export function writeRemoteDomainMigrateBegin3Ret(w: XdrWriter, v: RemoteDomainMigrateBegin3RetIn): void {
  writeOpaque(w, v.cookie_out, REMOTE_MIGRATE_COOKIE_MAX, 'remote_domain_migrate_begin3_ret.cookie_out');
  writeRemoteNonnullString(w, v.xml);
}

/** struct remote_domain_migrate_prepare3_args */
export interface RemoteDomainMigratePrepare3Args {
  cookie_in: Buffer;
  uri_in: RemoteString;
  flags: bigint;
  dname: RemoteString;
  resource: bigint;
  dom_xml: RemoteNonnullString;
}
export interface RemoteDomainMigratePrepare3ArgsIn {
  cookie_in: Uint8Array;
  uri_in: RemoteStringIn;
  flags: bigint | number;
  dname: RemoteStringIn;
  resource: bigint | number;
  dom_xml: RemoteNonnullString;
}
export function readRemoteDomainMigratePrepare3Args(r: XdrReader): RemoteDomainMigratePrepare3Args {
  return {
    cookie_in: r.opaque(REMOTE_MIGRATE_COOKIE_MAX),
    uri_in: readRemoteString(r),
    flags: r.uhyper(),
    dname: readRemoteString(r),
    resource: r.uhyper(),
    dom_xml: readRemoteNonnullString(r),
  };
}
export function writeRemoteDomainMigratePrepare3Args(w: XdrWriter, v: RemoteDomainMigratePrepare3ArgsIn): void {
  writeOpaque(w, v.cookie_in, REMOTE_MIGRATE_COOKIE_MAX, 'remote_domain_migrate_prepare3_args.cookie_in');
  writeRemoteString(w, v.uri_in);
  w.uhyper(v.flags);
  writeRemoteString(w, v.dname);
  w.uhyper(v.resource);
  writeRemoteNonnullString(w, v.dom_xml);
}

/** struct remote_domain_migrate_prepare3_ret */
export interface RemoteDomainMigratePrepare3Ret {
  cookie_out: Buffer;
  uri_out: RemoteString;
}
export interface RemoteDomainMigratePrepare3RetIn {
  cookie_out: Uint8Array;
  uri_out: RemoteStringIn;
}
export function readRemoteDomainMigratePrepare3Ret(r: XdrReader): RemoteDomainMigratePrepare3Ret {
  return {
    cookie_out: r.opaque(REMOTE_MIGRATE_COOKIE_MAX),
    uri_out: readRemoteString(r),
  };
}
export function writeRemoteDomainMigratePrepare3Ret(w: XdrWriter, v: RemoteDomainMigratePrepare3RetIn): void {
  writeOpaque(w, v.cookie_out, REMOTE_MIGRATE_COOKIE_MAX, 'remote_domain_migrate_prepare3_ret.cookie_out');
  writeRemoteString(w, v.uri_out);
}

/** struct remote_domain_migrate_prepare_tunnel3_args */
export interface RemoteDomainMigratePrepareTunnel3Args {
  cookie_in: Buffer;
  flags: bigint;
  dname: RemoteString;
  resource: bigint;
  dom_xml: RemoteNonnullString;
}
export interface RemoteDomainMigratePrepareTunnel3ArgsIn {
  cookie_in: Uint8Array;
  flags: bigint | number;
  dname: RemoteStringIn;
  resource: bigint | number;
  dom_xml: RemoteNonnullString;
}
export function readRemoteDomainMigratePrepareTunnel3Args(r: XdrReader): RemoteDomainMigratePrepareTunnel3Args {
  return {
    cookie_in: r.opaque(REMOTE_MIGRATE_COOKIE_MAX),
    flags: r.uhyper(),
    dname: readRemoteString(r),
    resource: r.uhyper(),
    dom_xml: readRemoteNonnullString(r),
  };
}
export function writeRemoteDomainMigratePrepareTunnel3Args(w: XdrWriter, v: RemoteDomainMigratePrepareTunnel3ArgsIn): void {
  writeOpaque(w, v.cookie_in, REMOTE_MIGRATE_COOKIE_MAX, 'remote_domain_migrate_prepare_tunnel3_args.cookie_in');
  w.uhyper(v.flags);
  writeRemoteString(w, v.dname);
  w.uhyper(v.resource);
  writeRemoteNonnullString(w, v.dom_xml);
}

/** struct remote_domain_migrate_prepare_tunnel3_ret */
export interface RemoteDomainMigratePrepareTunnel3Ret {
  cookie_out: Buffer;
}
export interface RemoteDomainMigratePrepareTunnel3RetIn {
  cookie_out: Uint8Array;
}
export function readRemoteDomainMigratePrepareTunnel3Ret(r: XdrReader): RemoteDomainMigratePrepareTunnel3Ret {
  return {
    cookie_out: r.opaque(REMOTE_MIGRATE_COOKIE_MAX),
  };
}
export function writeRemoteDomainMigratePrepareTunnel3Ret(w: XdrWriter, v: RemoteDomainMigratePrepareTunnel3RetIn): void {
  writeOpaque(w, v.cookie_out, REMOTE_MIGRATE_COOKIE_MAX, 'remote_domain_migrate_prepare_tunnel3_ret.cookie_out');
}

/** struct remote_domain_migrate_perform3_args */
export interface RemoteDomainMigratePerform3Args {
  dom: RemoteNonnullDomain;
  xmlin: RemoteString;
  cookie_in: Buffer;
  dconnuri: RemoteString;
  uri: RemoteString;
  flags: bigint;
  dname: RemoteString;
  resource: bigint;
}
export interface RemoteDomainMigratePerform3ArgsIn {
  dom: RemoteNonnullDomain;
  xmlin: RemoteStringIn;
  cookie_in: Uint8Array;
  dconnuri: RemoteStringIn;
  uri: RemoteStringIn;
  flags: bigint | number;
  dname: RemoteStringIn;
  resource: bigint | number;
}
export function readRemoteDomainMigratePerform3Args(r: XdrReader): RemoteDomainMigratePerform3Args {
  return {
    dom: readRemoteNonnullDomain(r),
    xmlin: readRemoteString(r),
    cookie_in: r.opaque(REMOTE_MIGRATE_COOKIE_MAX),
    dconnuri: readRemoteString(r),
    uri: readRemoteString(r),
    flags: r.uhyper(),
    dname: readRemoteString(r),
    resource: r.uhyper(),
  };
}
export function writeRemoteDomainMigratePerform3Args(w: XdrWriter, v: RemoteDomainMigratePerform3ArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteString(w, v.xmlin);
  writeOpaque(w, v.cookie_in, REMOTE_MIGRATE_COOKIE_MAX, 'remote_domain_migrate_perform3_args.cookie_in');
  writeRemoteString(w, v.dconnuri);
  writeRemoteString(w, v.uri);
  w.uhyper(v.flags);
  writeRemoteString(w, v.dname);
  w.uhyper(v.resource);
}

/** struct remote_domain_migrate_perform3_ret */
export interface RemoteDomainMigratePerform3Ret {
  cookie_out: Buffer;
}
export interface RemoteDomainMigratePerform3RetIn {
  cookie_out: Uint8Array;
}
export function readRemoteDomainMigratePerform3Ret(r: XdrReader): RemoteDomainMigratePerform3Ret {
  return {
    cookie_out: r.opaque(REMOTE_MIGRATE_COOKIE_MAX),
  };
}
export function writeRemoteDomainMigratePerform3Ret(w: XdrWriter, v: RemoteDomainMigratePerform3RetIn): void {
  writeOpaque(w, v.cookie_out, REMOTE_MIGRATE_COOKIE_MAX, 'remote_domain_migrate_perform3_ret.cookie_out');
}

/** struct remote_domain_migrate_finish3_args */
export interface RemoteDomainMigrateFinish3Args {
  dname: RemoteNonnullString;
  cookie_in: Buffer;
  dconnuri: RemoteString;
  uri: RemoteString;
  flags: bigint;
  cancelled: number;
}
export interface RemoteDomainMigrateFinish3ArgsIn {
  dname: RemoteNonnullString;
  cookie_in: Uint8Array;
  dconnuri: RemoteStringIn;
  uri: RemoteStringIn;
  flags: bigint | number;
  cancelled: number;
}
export function readRemoteDomainMigrateFinish3Args(r: XdrReader): RemoteDomainMigrateFinish3Args {
  return {
    dname: readRemoteNonnullString(r),
    cookie_in: r.opaque(REMOTE_MIGRATE_COOKIE_MAX),
    dconnuri: readRemoteString(r),
    uri: readRemoteString(r),
    flags: r.uhyper(),
    cancelled: r.int(),
  };
}
export function writeRemoteDomainMigrateFinish3Args(w: XdrWriter, v: RemoteDomainMigrateFinish3ArgsIn): void {
  writeRemoteNonnullString(w, v.dname);
  writeOpaque(w, v.cookie_in, REMOTE_MIGRATE_COOKIE_MAX, 'remote_domain_migrate_finish3_args.cookie_in');
  writeRemoteString(w, v.dconnuri);
  writeRemoteString(w, v.uri);
  w.uhyper(v.flags);
  w.int(v.cancelled);
}

/** struct remote_domain_migrate_finish3_ret */
export interface RemoteDomainMigrateFinish3Ret {
  dom: RemoteNonnullDomain;
  cookie_out: Buffer;
}
export interface RemoteDomainMigrateFinish3RetIn {
  dom: RemoteNonnullDomain;
  cookie_out: Uint8Array;
}
export function readRemoteDomainMigrateFinish3Ret(r: XdrReader): RemoteDomainMigrateFinish3Ret {
  return {
    dom: readRemoteNonnullDomain(r),
    cookie_out: r.opaque(REMOTE_MIGRATE_COOKIE_MAX),
  };
}
export function writeRemoteDomainMigrateFinish3Ret(w: XdrWriter, v: RemoteDomainMigrateFinish3RetIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeOpaque(w, v.cookie_out, REMOTE_MIGRATE_COOKIE_MAX, 'remote_domain_migrate_finish3_ret.cookie_out');
}

/** struct remote_domain_migrate_confirm3_args */
export interface RemoteDomainMigrateConfirm3Args {
  dom: RemoteNonnullDomain;
  cookie_in: Buffer;
  flags: bigint;
  cancelled: number;
}
export interface RemoteDomainMigrateConfirm3ArgsIn {
  dom: RemoteNonnullDomain;
  cookie_in: Uint8Array;
  flags: bigint | number;
  cancelled: number;
}
export function readRemoteDomainMigrateConfirm3Args(r: XdrReader): RemoteDomainMigrateConfirm3Args {
  return {
    dom: readRemoteNonnullDomain(r),
    cookie_in: r.opaque(REMOTE_MIGRATE_COOKIE_MAX),
    flags: r.uhyper(),
    cancelled: r.int(),
  };
}
export function writeRemoteDomainMigrateConfirm3Args(w: XdrWriter, v: RemoteDomainMigrateConfirm3ArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeOpaque(w, v.cookie_in, REMOTE_MIGRATE_COOKIE_MAX, 'remote_domain_migrate_confirm3_args.cookie_in');
  w.uhyper(v.flags);
  w.int(v.cancelled);
}

/** struct remote_domain_event_control_error_msg */
export interface RemoteDomainEventControlErrorMsg {
  dom: RemoteNonnullDomain;
}
export function readRemoteDomainEventControlErrorMsg(r: XdrReader): RemoteDomainEventControlErrorMsg {
  return {
    dom: readRemoteNonnullDomain(r),
  };
}
export function writeRemoteDomainEventControlErrorMsg(w: XdrWriter, v: RemoteDomainEventControlErrorMsg): void {
  writeRemoteNonnullDomain(w, v.dom);
}

/** struct remote_domain_event_callback_control_error_msg */
export interface RemoteDomainEventCallbackControlErrorMsg {
  callbackID: number;
  msg: RemoteDomainEventControlErrorMsg;
}
export function readRemoteDomainEventCallbackControlErrorMsg(r: XdrReader): RemoteDomainEventCallbackControlErrorMsg {
  return {
    callbackID: r.int(),
    msg: readRemoteDomainEventControlErrorMsg(r),
  };
}
export function writeRemoteDomainEventCallbackControlErrorMsg(w: XdrWriter, v: RemoteDomainEventCallbackControlErrorMsg): void {
  w.int(v.callbackID);
  writeRemoteDomainEventControlErrorMsg(w, v.msg);
}

/** struct remote_domain_get_control_info_args */
export interface RemoteDomainGetControlInfoArgs {
  dom: RemoteNonnullDomain;
  flags: number;
}
export function readRemoteDomainGetControlInfoArgs(r: XdrReader): RemoteDomainGetControlInfoArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainGetControlInfoArgs(w: XdrWriter, v: RemoteDomainGetControlInfoArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.flags);
}

/** struct remote_domain_get_control_info_ret */
export interface RemoteDomainGetControlInfoRet {
  state: number;
  details: number;
  stateTime: bigint;
}
export interface RemoteDomainGetControlInfoRetIn {
  state: number;
  details: number;
  stateTime: bigint | number;
}
export function readRemoteDomainGetControlInfoRet(r: XdrReader): RemoteDomainGetControlInfoRet {
  return {
    state: r.uint(),
    details: r.uint(),
    stateTime: r.uhyper(),
  };
}
export function writeRemoteDomainGetControlInfoRet(w: XdrWriter, v: RemoteDomainGetControlInfoRetIn): void {
  w.uint(v.state);
  w.uint(v.details);
  w.uhyper(v.stateTime);
}

/** struct remote_domain_open_graphics_args */
export interface RemoteDomainOpenGraphicsArgs {
  dom: RemoteNonnullDomain;
  idx: number;
  flags: number;
}
export function readRemoteDomainOpenGraphicsArgs(r: XdrReader): RemoteDomainOpenGraphicsArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    idx: r.uint(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainOpenGraphicsArgs(w: XdrWriter, v: RemoteDomainOpenGraphicsArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.idx);
  w.uint(v.flags);
}

/** struct remote_domain_open_graphics_fd_args */
export interface RemoteDomainOpenGraphicsFdArgs {
  dom: RemoteNonnullDomain;
  idx: number;
  flags: number;
}
export function readRemoteDomainOpenGraphicsFdArgs(r: XdrReader): RemoteDomainOpenGraphicsFdArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    idx: r.uint(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainOpenGraphicsFdArgs(w: XdrWriter, v: RemoteDomainOpenGraphicsFdArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.idx);
  w.uint(v.flags);
}

/** struct remote_node_suspend_for_duration_args */
export interface RemoteNodeSuspendForDurationArgs {
  target: number;
  duration: bigint;
  flags: number;
}
export interface RemoteNodeSuspendForDurationArgsIn {
  target: number;
  duration: bigint | number;
  flags: number;
}
export function readRemoteNodeSuspendForDurationArgs(r: XdrReader): RemoteNodeSuspendForDurationArgs {
  return {
    target: r.uint(),
    duration: r.uhyper(),
    flags: r.uint(),
  };
}
export function writeRemoteNodeSuspendForDurationArgs(w: XdrWriter, v: RemoteNodeSuspendForDurationArgsIn): void {
  w.uint(v.target);
  w.uhyper(v.duration);
  w.uint(v.flags);
}

/** struct remote_domain_shutdown_flags_args */
export interface RemoteDomainShutdownFlagsArgs {
  dom: RemoteNonnullDomain;
  flags: number;
}
export function readRemoteDomainShutdownFlagsArgs(r: XdrReader): RemoteDomainShutdownFlagsArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainShutdownFlagsArgs(w: XdrWriter, v: RemoteDomainShutdownFlagsArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.flags);
}

/** struct remote_domain_get_disk_errors_args */
export interface RemoteDomainGetDiskErrorsArgs {
  dom: RemoteNonnullDomain;
  maxerrors: number;
  flags: number;
}
export function readRemoteDomainGetDiskErrorsArgs(r: XdrReader): RemoteDomainGetDiskErrorsArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    maxerrors: r.uint(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainGetDiskErrorsArgs(w: XdrWriter, v: RemoteDomainGetDiskErrorsArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.maxerrors);
  w.uint(v.flags);
}

/** struct remote_domain_get_disk_errors_ret */
export interface RemoteDomainGetDiskErrorsRet {
  errors: RemoteDomainDiskError[];
  nerrors: number;
}
export interface RemoteDomainGetDiskErrorsRetIn {
  errors: readonly RemoteDomainDiskError[];
  nerrors: number;
}
export function readRemoteDomainGetDiskErrorsRet(r: XdrReader): RemoteDomainGetDiskErrorsRet {
  return {
    errors: r.array(readRemoteDomainDiskError, REMOTE_DOMAIN_DISK_ERRORS_MAX),
    nerrors: r.int(),
  };
}
export function writeRemoteDomainGetDiskErrorsRet(w: XdrWriter, v: RemoteDomainGetDiskErrorsRetIn): void {
  writeArray(w, v.errors, REMOTE_DOMAIN_DISK_ERRORS_MAX, writeRemoteDomainDiskError, 'remote_domain_get_disk_errors_ret.errors');
  w.int(v.nerrors);
}

/** struct remote_connect_list_all_domains_args */
export interface RemoteConnectListAllDomainsArgs {
  need_results: number;
  flags: number;
}
export function readRemoteConnectListAllDomainsArgs(r: XdrReader): RemoteConnectListAllDomainsArgs {
  return {
    need_results: r.int(),
    flags: r.uint(),
  };
}
export function writeRemoteConnectListAllDomainsArgs(w: XdrWriter, v: RemoteConnectListAllDomainsArgs): void {
  w.int(v.need_results);
  w.uint(v.flags);
}

/** struct remote_connect_list_all_domains_ret */
export interface RemoteConnectListAllDomainsRet {
  domains: RemoteNonnullDomain[];
  ret: number;
}
export interface RemoteConnectListAllDomainsRetIn {
  domains: readonly RemoteNonnullDomain[];
  ret: number;
}
export function readRemoteConnectListAllDomainsRet(r: XdrReader): RemoteConnectListAllDomainsRet {
  return {
    domains: r.array(readRemoteNonnullDomain, REMOTE_DOMAIN_LIST_MAX),
    ret: r.uint(),
  };
}
export function writeRemoteConnectListAllDomainsRet(w: XdrWriter, v: RemoteConnectListAllDomainsRetIn): void {
  writeArray(w, v.domains, REMOTE_DOMAIN_LIST_MAX, writeRemoteNonnullDomain, 'remote_connect_list_all_domains_ret.domains');
  w.uint(v.ret);
}

/** struct remote_connect_list_all_storage_pools_args */
export interface RemoteConnectListAllStoragePoolsArgs {
  need_results: number;
  flags: number;
}
export function readRemoteConnectListAllStoragePoolsArgs(r: XdrReader): RemoteConnectListAllStoragePoolsArgs {
  return {
    need_results: r.int(),
    flags: r.uint(),
  };
}
export function writeRemoteConnectListAllStoragePoolsArgs(w: XdrWriter, v: RemoteConnectListAllStoragePoolsArgs): void {
  w.int(v.need_results);
  w.uint(v.flags);
}

/** struct remote_connect_list_all_storage_pools_ret */
export interface RemoteConnectListAllStoragePoolsRet {
  pools: RemoteNonnullStoragePool[];
  ret: number;
}
export interface RemoteConnectListAllStoragePoolsRetIn {
  pools: readonly RemoteNonnullStoragePool[];
  ret: number;
}
export function readRemoteConnectListAllStoragePoolsRet(r: XdrReader): RemoteConnectListAllStoragePoolsRet {
  return {
    pools: r.array(readRemoteNonnullStoragePool, REMOTE_STORAGE_POOL_LIST_MAX),
    ret: r.uint(),
  };
}
export function writeRemoteConnectListAllStoragePoolsRet(w: XdrWriter, v: RemoteConnectListAllStoragePoolsRetIn): void {
  writeArray(w, v.pools, REMOTE_STORAGE_POOL_LIST_MAX, writeRemoteNonnullStoragePool, 'remote_connect_list_all_storage_pools_ret.pools');
  w.uint(v.ret);
}

/** struct remote_storage_pool_list_all_volumes_args */
export interface RemoteStoragePoolListAllVolumesArgs {
  pool: RemoteNonnullStoragePool;
  need_results: number;
  flags: number;
}
export function readRemoteStoragePoolListAllVolumesArgs(r: XdrReader): RemoteStoragePoolListAllVolumesArgs {
  return {
    pool: readRemoteNonnullStoragePool(r),
    need_results: r.int(),
    flags: r.uint(),
  };
}
export function writeRemoteStoragePoolListAllVolumesArgs(w: XdrWriter, v: RemoteStoragePoolListAllVolumesArgs): void {
  writeRemoteNonnullStoragePool(w, v.pool);
  w.int(v.need_results);
  w.uint(v.flags);
}

/** struct remote_storage_pool_list_all_volumes_ret */
export interface RemoteStoragePoolListAllVolumesRet {
  vols: RemoteNonnullStorageVol[];
  ret: number;
}
export interface RemoteStoragePoolListAllVolumesRetIn {
  vols: readonly RemoteNonnullStorageVol[];
  ret: number;
}
export function readRemoteStoragePoolListAllVolumesRet(r: XdrReader): RemoteStoragePoolListAllVolumesRet {
  return {
    vols: r.array(readRemoteNonnullStorageVol, REMOTE_STORAGE_VOL_LIST_MAX),
    ret: r.uint(),
  };
}
export function writeRemoteStoragePoolListAllVolumesRet(w: XdrWriter, v: RemoteStoragePoolListAllVolumesRetIn): void {
  writeArray(w, v.vols, REMOTE_STORAGE_VOL_LIST_MAX, writeRemoteNonnullStorageVol, 'remote_storage_pool_list_all_volumes_ret.vols');
  w.uint(v.ret);
}

/** struct remote_connect_list_all_networks_args */
export interface RemoteConnectListAllNetworksArgs {
  need_results: number;
  flags: number;
}
export function readRemoteConnectListAllNetworksArgs(r: XdrReader): RemoteConnectListAllNetworksArgs {
  return {
    need_results: r.int(),
    flags: r.uint(),
  };
}
export function writeRemoteConnectListAllNetworksArgs(w: XdrWriter, v: RemoteConnectListAllNetworksArgs): void {
  w.int(v.need_results);
  w.uint(v.flags);
}

/** struct remote_connect_list_all_networks_ret */
export interface RemoteConnectListAllNetworksRet {
  nets: RemoteNonnullNetwork[];
  ret: number;
}
export interface RemoteConnectListAllNetworksRetIn {
  nets: readonly RemoteNonnullNetwork[];
  ret: number;
}
export function readRemoteConnectListAllNetworksRet(r: XdrReader): RemoteConnectListAllNetworksRet {
  return {
    nets: r.array(readRemoteNonnullNetwork, REMOTE_NETWORK_LIST_MAX),
    ret: r.uint(),
  };
}
export function writeRemoteConnectListAllNetworksRet(w: XdrWriter, v: RemoteConnectListAllNetworksRetIn): void {
  writeArray(w, v.nets, REMOTE_NETWORK_LIST_MAX, writeRemoteNonnullNetwork, 'remote_connect_list_all_networks_ret.nets');
  w.uint(v.ret);
}

/** struct remote_connect_list_all_interfaces_args */
export interface RemoteConnectListAllInterfacesArgs {
  need_results: number;
  flags: number;
}
export function readRemoteConnectListAllInterfacesArgs(r: XdrReader): RemoteConnectListAllInterfacesArgs {
  return {
    need_results: r.int(),
    flags: r.uint(),
  };
}
export function writeRemoteConnectListAllInterfacesArgs(w: XdrWriter, v: RemoteConnectListAllInterfacesArgs): void {
  w.int(v.need_results);
  w.uint(v.flags);
}

/** struct remote_connect_list_all_interfaces_ret */
export interface RemoteConnectListAllInterfacesRet {
  ifaces: RemoteNonnullInterface[];
  ret: number;
}
export interface RemoteConnectListAllInterfacesRetIn {
  ifaces: readonly RemoteNonnullInterface[];
  ret: number;
}
export function readRemoteConnectListAllInterfacesRet(r: XdrReader): RemoteConnectListAllInterfacesRet {
  return {
    ifaces: r.array(readRemoteNonnullInterface, REMOTE_INTERFACE_LIST_MAX),
    ret: r.uint(),
  };
}
export function writeRemoteConnectListAllInterfacesRet(w: XdrWriter, v: RemoteConnectListAllInterfacesRetIn): void {
  writeArray(w, v.ifaces, REMOTE_INTERFACE_LIST_MAX, writeRemoteNonnullInterface, 'remote_connect_list_all_interfaces_ret.ifaces');
  w.uint(v.ret);
}

/** struct remote_connect_list_all_node_devices_args */
export interface RemoteConnectListAllNodeDevicesArgs {
  need_results: number;
  flags: number;
}
export function readRemoteConnectListAllNodeDevicesArgs(r: XdrReader): RemoteConnectListAllNodeDevicesArgs {
  return {
    need_results: r.int(),
    flags: r.uint(),
  };
}
export function writeRemoteConnectListAllNodeDevicesArgs(w: XdrWriter, v: RemoteConnectListAllNodeDevicesArgs): void {
  w.int(v.need_results);
  w.uint(v.flags);
}

/** struct remote_connect_list_all_node_devices_ret */
export interface RemoteConnectListAllNodeDevicesRet {
  devices: RemoteNonnullNodeDevice[];
  ret: number;
}
export interface RemoteConnectListAllNodeDevicesRetIn {
  devices: readonly RemoteNonnullNodeDevice[];
  ret: number;
}
export function readRemoteConnectListAllNodeDevicesRet(r: XdrReader): RemoteConnectListAllNodeDevicesRet {
  return {
    devices: r.array(readRemoteNonnullNodeDevice, REMOTE_NODE_DEVICE_LIST_MAX),
    ret: r.uint(),
  };
}
export function writeRemoteConnectListAllNodeDevicesRet(w: XdrWriter, v: RemoteConnectListAllNodeDevicesRetIn): void {
  writeArray(w, v.devices, REMOTE_NODE_DEVICE_LIST_MAX, writeRemoteNonnullNodeDevice, 'remote_connect_list_all_node_devices_ret.devices');
  w.uint(v.ret);
}

/** struct remote_connect_list_all_nwfilters_args */
export interface RemoteConnectListAllNwfiltersArgs {
  need_results: number;
  flags: number;
}
export function readRemoteConnectListAllNwfiltersArgs(r: XdrReader): RemoteConnectListAllNwfiltersArgs {
  return {
    need_results: r.int(),
    flags: r.uint(),
  };
}
export function writeRemoteConnectListAllNwfiltersArgs(w: XdrWriter, v: RemoteConnectListAllNwfiltersArgs): void {
  w.int(v.need_results);
  w.uint(v.flags);
}

/** struct remote_connect_list_all_nwfilters_ret */
export interface RemoteConnectListAllNwfiltersRet {
  filters: RemoteNonnullNwfilter[];
  ret: number;
}
export interface RemoteConnectListAllNwfiltersRetIn {
  filters: readonly RemoteNonnullNwfilter[];
  ret: number;
}
export function readRemoteConnectListAllNwfiltersRet(r: XdrReader): RemoteConnectListAllNwfiltersRet {
  return {
    filters: r.array(readRemoteNonnullNwfilter, REMOTE_NWFILTER_LIST_MAX),
    ret: r.uint(),
  };
}
export function writeRemoteConnectListAllNwfiltersRet(w: XdrWriter, v: RemoteConnectListAllNwfiltersRetIn): void {
  writeArray(w, v.filters, REMOTE_NWFILTER_LIST_MAX, writeRemoteNonnullNwfilter, 'remote_connect_list_all_nwfilters_ret.filters');
  w.uint(v.ret);
}

/** struct remote_connect_list_all_secrets_args */
export interface RemoteConnectListAllSecretsArgs {
  need_results: number;
  flags: number;
}
export function readRemoteConnectListAllSecretsArgs(r: XdrReader): RemoteConnectListAllSecretsArgs {
  return {
    need_results: r.int(),
    flags: r.uint(),
  };
}
export function writeRemoteConnectListAllSecretsArgs(w: XdrWriter, v: RemoteConnectListAllSecretsArgs): void {
  w.int(v.need_results);
  w.uint(v.flags);
}

/** struct remote_connect_list_all_secrets_ret */
export interface RemoteConnectListAllSecretsRet {
  secrets: RemoteNonnullSecret[];
  ret: number;
}
export interface RemoteConnectListAllSecretsRetIn {
  secrets: readonly RemoteNonnullSecret[];
  ret: number;
}
export function readRemoteConnectListAllSecretsRet(r: XdrReader): RemoteConnectListAllSecretsRet {
  return {
    secrets: r.array(readRemoteNonnullSecret, REMOTE_SECRET_LIST_MAX),
    ret: r.uint(),
  };
}
export function writeRemoteConnectListAllSecretsRet(w: XdrWriter, v: RemoteConnectListAllSecretsRetIn): void {
  writeArray(w, v.secrets, REMOTE_SECRET_LIST_MAX, writeRemoteNonnullSecret, 'remote_connect_list_all_secrets_ret.secrets');
  w.uint(v.ret);
}

/** struct remote_node_set_memory_parameters_args */
export interface RemoteNodeSetMemoryParametersArgs {
  params: RemoteTypedParam[];
  flags: number;
}
export interface RemoteNodeSetMemoryParametersArgsIn {
  params: readonly RemoteTypedParamIn[];
  flags: number;
}
export function readRemoteNodeSetMemoryParametersArgs(r: XdrReader): RemoteNodeSetMemoryParametersArgs {
  return {
    params: r.array(readRemoteTypedParam, REMOTE_NODE_MEMORY_PARAMETERS_MAX),
    flags: r.uint(),
  };
}
export function writeRemoteNodeSetMemoryParametersArgs(w: XdrWriter, v: RemoteNodeSetMemoryParametersArgsIn): void {
  writeArray(w, v.params, REMOTE_NODE_MEMORY_PARAMETERS_MAX, writeRemoteTypedParam, 'remote_node_set_memory_parameters_args.params');
  w.uint(v.flags);
}

/** struct remote_node_get_memory_parameters_args */
export interface RemoteNodeGetMemoryParametersArgs {
  nparams: number;
  flags: number;
}
export function readRemoteNodeGetMemoryParametersArgs(r: XdrReader): RemoteNodeGetMemoryParametersArgs {
  return {
    nparams: r.int(),
    flags: r.uint(),
  };
}
export function writeRemoteNodeGetMemoryParametersArgs(w: XdrWriter, v: RemoteNodeGetMemoryParametersArgs): void {
  w.int(v.nparams);
  w.uint(v.flags);
}

/** struct remote_node_get_memory_parameters_ret */
export interface RemoteNodeGetMemoryParametersRet {
  params: RemoteTypedParam[];
  nparams: number;
}
export interface RemoteNodeGetMemoryParametersRetIn {
  params: readonly RemoteTypedParamIn[];
  nparams: number;
}
export function readRemoteNodeGetMemoryParametersRet(r: XdrReader): RemoteNodeGetMemoryParametersRet {
  return {
    params: r.array(readRemoteTypedParam, REMOTE_NODE_MEMORY_PARAMETERS_MAX),
    nparams: r.int(),
  };
}
export function writeRemoteNodeGetMemoryParametersRet(w: XdrWriter, v: RemoteNodeGetMemoryParametersRetIn): void {
  writeArray(w, v.params, REMOTE_NODE_MEMORY_PARAMETERS_MAX, writeRemoteTypedParam, 'remote_node_get_memory_parameters_ret.params');
  w.int(v.nparams);
}

/** struct remote_node_get_cpu_map_args */
export interface RemoteNodeGetCpuMapArgs {
  need_map: number;
  need_online: number;
  flags: number;
}
export function readRemoteNodeGetCpuMapArgs(r: XdrReader): RemoteNodeGetCpuMapArgs {
  return {
    need_map: r.int(),
    need_online: r.int(),
    flags: r.uint(),
  };
}
export function writeRemoteNodeGetCpuMapArgs(w: XdrWriter, v: RemoteNodeGetCpuMapArgs): void {
  w.int(v.need_map);
  w.int(v.need_online);
  w.uint(v.flags);
}

/** struct remote_node_get_cpu_map_ret */
export interface RemoteNodeGetCpuMapRet {
  cpumap: Buffer;
  online: number;
  ret: number;
}
export interface RemoteNodeGetCpuMapRetIn {
  cpumap: Uint8Array;
  online: number;
  ret: number;
}
export function readRemoteNodeGetCpuMapRet(r: XdrReader): RemoteNodeGetCpuMapRet {
  return {
    cpumap: r.opaque(REMOTE_CPUMAP_MAX),
    online: r.uint(),
    ret: r.int(),
  };
}
export function writeRemoteNodeGetCpuMapRet(w: XdrWriter, v: RemoteNodeGetCpuMapRetIn): void {
  writeOpaque(w, v.cpumap, REMOTE_CPUMAP_MAX, 'remote_node_get_cpu_map_ret.cpumap');
  w.uint(v.online);
  w.int(v.ret);
}

/** struct remote_domain_fstrim_args */
export interface RemoteDomainFstrimArgs {
  dom: RemoteNonnullDomain;
  mountPoint: RemoteString;
  minimum: bigint;
  flags: number;
}
export interface RemoteDomainFstrimArgsIn {
  dom: RemoteNonnullDomain;
  mountPoint: RemoteStringIn;
  minimum: bigint | number;
  flags: number;
}
export function readRemoteDomainFstrimArgs(r: XdrReader): RemoteDomainFstrimArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    mountPoint: readRemoteString(r),
    minimum: r.uhyper(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainFstrimArgs(w: XdrWriter, v: RemoteDomainFstrimArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteString(w, v.mountPoint);
  w.uhyper(v.minimum);
  w.uint(v.flags);
}

/** struct remote_domain_get_time_args */
export interface RemoteDomainGetTimeArgs {
  dom: RemoteNonnullDomain;
  flags: number;
}
export function readRemoteDomainGetTimeArgs(r: XdrReader): RemoteDomainGetTimeArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainGetTimeArgs(w: XdrWriter, v: RemoteDomainGetTimeArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.flags);
}

/** struct remote_domain_get_time_ret */
export interface RemoteDomainGetTimeRet {
  seconds: bigint;
  nseconds: number;
}
export interface RemoteDomainGetTimeRetIn {
  seconds: bigint | number;
  nseconds: number;
}
export function readRemoteDomainGetTimeRet(r: XdrReader): RemoteDomainGetTimeRet {
  return {
    seconds: r.hyper(),
    nseconds: r.uint(),
  };
}
export function writeRemoteDomainGetTimeRet(w: XdrWriter, v: RemoteDomainGetTimeRetIn): void {
  w.hyper(v.seconds);
  w.uint(v.nseconds);
}

/** struct remote_domain_set_time_args */
export interface RemoteDomainSetTimeArgs {
  dom: RemoteNonnullDomain;
  seconds: bigint;
  nseconds: number;
  flags: number;
}
export interface RemoteDomainSetTimeArgsIn {
  dom: RemoteNonnullDomain;
  seconds: bigint | number;
  nseconds: number;
  flags: number;
}
export function readRemoteDomainSetTimeArgs(r: XdrReader): RemoteDomainSetTimeArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    seconds: r.hyper(),
    nseconds: r.uint(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainSetTimeArgs(w: XdrWriter, v: RemoteDomainSetTimeArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.hyper(v.seconds);
  w.uint(v.nseconds);
  w.uint(v.flags);
}

/** struct remote_domain_migrate_begin3_params_args */
export interface RemoteDomainMigrateBegin3ParamsArgs {
  dom: RemoteNonnullDomain;
  params: RemoteTypedParam[];
  flags: number;
}
export interface RemoteDomainMigrateBegin3ParamsArgsIn {
  dom: RemoteNonnullDomain;
  params: readonly RemoteTypedParamIn[];
  flags: number;
}
export function readRemoteDomainMigrateBegin3ParamsArgs(r: XdrReader): RemoteDomainMigrateBegin3ParamsArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    params: r.array(readRemoteTypedParam, REMOTE_DOMAIN_MIGRATE_PARAM_LIST_MAX),
    flags: r.uint(),
  };
}
export function writeRemoteDomainMigrateBegin3ParamsArgs(w: XdrWriter, v: RemoteDomainMigrateBegin3ParamsArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeArray(w, v.params, REMOTE_DOMAIN_MIGRATE_PARAM_LIST_MAX, writeRemoteTypedParam, 'remote_domain_migrate_begin3_params_args.params');
  w.uint(v.flags);
}

/** struct remote_domain_migrate_begin3_params_ret */
export interface RemoteDomainMigrateBegin3ParamsRet {
  cookie_out: Buffer;
  xml: RemoteNonnullString;
}
export interface RemoteDomainMigrateBegin3ParamsRetIn {
  cookie_out: Uint8Array;
  xml: RemoteNonnullString;
}
export function readRemoteDomainMigrateBegin3ParamsRet(r: XdrReader): RemoteDomainMigrateBegin3ParamsRet {
  return {
    cookie_out: r.opaque(REMOTE_MIGRATE_COOKIE_MAX),
    xml: readRemoteNonnullString(r),
  };
}
export function writeRemoteDomainMigrateBegin3ParamsRet(w: XdrWriter, v: RemoteDomainMigrateBegin3ParamsRetIn): void {
  writeOpaque(w, v.cookie_out, REMOTE_MIGRATE_COOKIE_MAX, 'remote_domain_migrate_begin3_params_ret.cookie_out');
  writeRemoteNonnullString(w, v.xml);
}

/** struct remote_domain_migrate_prepare3_params_args */
export interface RemoteDomainMigratePrepare3ParamsArgs {
  params: RemoteTypedParam[];
  cookie_in: Buffer;
  flags: number;
}
export interface RemoteDomainMigratePrepare3ParamsArgsIn {
  params: readonly RemoteTypedParamIn[];
  cookie_in: Uint8Array;
  flags: number;
}
export function readRemoteDomainMigratePrepare3ParamsArgs(r: XdrReader): RemoteDomainMigratePrepare3ParamsArgs {
  return {
    params: r.array(readRemoteTypedParam, REMOTE_DOMAIN_MIGRATE_PARAM_LIST_MAX),
    cookie_in: r.opaque(REMOTE_MIGRATE_COOKIE_MAX),
    flags: r.uint(),
  };
}
export function writeRemoteDomainMigratePrepare3ParamsArgs(w: XdrWriter, v: RemoteDomainMigratePrepare3ParamsArgsIn): void {
  writeArray(w, v.params, REMOTE_DOMAIN_MIGRATE_PARAM_LIST_MAX, writeRemoteTypedParam, 'remote_domain_migrate_prepare3_params_args.params');
  writeOpaque(w, v.cookie_in, REMOTE_MIGRATE_COOKIE_MAX, 'remote_domain_migrate_prepare3_params_args.cookie_in');
  w.uint(v.flags);
}

/** struct remote_domain_migrate_prepare3_params_ret */
export interface RemoteDomainMigratePrepare3ParamsRet {
  cookie_out: Buffer;
  uri_out: RemoteString;
}
export interface RemoteDomainMigratePrepare3ParamsRetIn {
  cookie_out: Uint8Array;
  uri_out: RemoteStringIn;
}
export function readRemoteDomainMigratePrepare3ParamsRet(r: XdrReader): RemoteDomainMigratePrepare3ParamsRet {
  return {
    cookie_out: r.opaque(REMOTE_MIGRATE_COOKIE_MAX),
    uri_out: readRemoteString(r),
  };
}
export function writeRemoteDomainMigratePrepare3ParamsRet(w: XdrWriter, v: RemoteDomainMigratePrepare3ParamsRetIn): void {
  writeOpaque(w, v.cookie_out, REMOTE_MIGRATE_COOKIE_MAX, 'remote_domain_migrate_prepare3_params_ret.cookie_out');
  writeRemoteString(w, v.uri_out);
}

/** struct remote_domain_migrate_prepare_tunnel3_params_args */
export interface RemoteDomainMigratePrepareTunnel3ParamsArgs {
  params: RemoteTypedParam[];
  cookie_in: Buffer;
  flags: number;
}
export interface RemoteDomainMigratePrepareTunnel3ParamsArgsIn {
  params: readonly RemoteTypedParamIn[];
  cookie_in: Uint8Array;
  flags: number;
}
export function readRemoteDomainMigratePrepareTunnel3ParamsArgs(r: XdrReader): RemoteDomainMigratePrepareTunnel3ParamsArgs {
  return {
    params: r.array(readRemoteTypedParam, REMOTE_DOMAIN_MIGRATE_PARAM_LIST_MAX),
    cookie_in: r.opaque(REMOTE_MIGRATE_COOKIE_MAX),
    flags: r.uint(),
  };
}
export function writeRemoteDomainMigratePrepareTunnel3ParamsArgs(w: XdrWriter, v: RemoteDomainMigratePrepareTunnel3ParamsArgsIn): void {
  writeArray(w, v.params, REMOTE_DOMAIN_MIGRATE_PARAM_LIST_MAX, writeRemoteTypedParam, 'remote_domain_migrate_prepare_tunnel3_params_args.params');
  writeOpaque(w, v.cookie_in, REMOTE_MIGRATE_COOKIE_MAX, 'remote_domain_migrate_prepare_tunnel3_params_args.cookie_in');
  w.uint(v.flags);
}

/** struct remote_domain_migrate_prepare_tunnel3_params_ret */
export interface RemoteDomainMigratePrepareTunnel3ParamsRet {
  cookie_out: Buffer;
}
export interface RemoteDomainMigratePrepareTunnel3ParamsRetIn {
  cookie_out: Uint8Array;
}
export function readRemoteDomainMigratePrepareTunnel3ParamsRet(r: XdrReader): RemoteDomainMigratePrepareTunnel3ParamsRet {
  return {
    cookie_out: r.opaque(REMOTE_MIGRATE_COOKIE_MAX),
  };
}
export function writeRemoteDomainMigratePrepareTunnel3ParamsRet(w: XdrWriter, v: RemoteDomainMigratePrepareTunnel3ParamsRetIn): void {
  writeOpaque(w, v.cookie_out, REMOTE_MIGRATE_COOKIE_MAX, 'remote_domain_migrate_prepare_tunnel3_params_ret.cookie_out');
}

/** struct remote_domain_migrate_perform3_params_args */
export interface RemoteDomainMigratePerform3ParamsArgs {
  dom: RemoteNonnullDomain;
  dconnuri: RemoteString;
  params: RemoteTypedParam[];
  cookie_in: Buffer;
  flags: number;
}
export interface RemoteDomainMigratePerform3ParamsArgsIn {
  dom: RemoteNonnullDomain;
  dconnuri: RemoteStringIn;
  params: readonly RemoteTypedParamIn[];
  cookie_in: Uint8Array;
  flags: number;
}
export function readRemoteDomainMigratePerform3ParamsArgs(r: XdrReader): RemoteDomainMigratePerform3ParamsArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    dconnuri: readRemoteString(r),
    params: r.array(readRemoteTypedParam, REMOTE_DOMAIN_MIGRATE_PARAM_LIST_MAX),
    cookie_in: r.opaque(REMOTE_MIGRATE_COOKIE_MAX),
    flags: r.uint(),
  };
}
export function writeRemoteDomainMigratePerform3ParamsArgs(w: XdrWriter, v: RemoteDomainMigratePerform3ParamsArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteString(w, v.dconnuri);
  writeArray(w, v.params, REMOTE_DOMAIN_MIGRATE_PARAM_LIST_MAX, writeRemoteTypedParam, 'remote_domain_migrate_perform3_params_args.params');
  writeOpaque(w, v.cookie_in, REMOTE_MIGRATE_COOKIE_MAX, 'remote_domain_migrate_perform3_params_args.cookie_in');
  w.uint(v.flags);
}

/** struct remote_domain_migrate_perform3_params_ret */
export interface RemoteDomainMigratePerform3ParamsRet {
  cookie_out: Buffer;
}
export interface RemoteDomainMigratePerform3ParamsRetIn {
  cookie_out: Uint8Array;
}
export function readRemoteDomainMigratePerform3ParamsRet(r: XdrReader): RemoteDomainMigratePerform3ParamsRet {
  return {
    cookie_out: r.opaque(REMOTE_MIGRATE_COOKIE_MAX),
  };
}
export function writeRemoteDomainMigratePerform3ParamsRet(w: XdrWriter, v: RemoteDomainMigratePerform3ParamsRetIn): void {
  writeOpaque(w, v.cookie_out, REMOTE_MIGRATE_COOKIE_MAX, 'remote_domain_migrate_perform3_params_ret.cookie_out');
}

/** struct remote_domain_migrate_finish3_params_args */
export interface RemoteDomainMigrateFinish3ParamsArgs {
  params: RemoteTypedParam[];
  cookie_in: Buffer;
  flags: number;
  cancelled: number;
}
export interface RemoteDomainMigrateFinish3ParamsArgsIn {
  params: readonly RemoteTypedParamIn[];
  cookie_in: Uint8Array;
  flags: number;
  cancelled: number;
}
export function readRemoteDomainMigrateFinish3ParamsArgs(r: XdrReader): RemoteDomainMigrateFinish3ParamsArgs {
  return {
    params: r.array(readRemoteTypedParam, REMOTE_DOMAIN_MIGRATE_PARAM_LIST_MAX),
    cookie_in: r.opaque(REMOTE_MIGRATE_COOKIE_MAX),
    flags: r.uint(),
    cancelled: r.int(),
  };
}
export function writeRemoteDomainMigrateFinish3ParamsArgs(w: XdrWriter, v: RemoteDomainMigrateFinish3ParamsArgsIn): void {
  writeArray(w, v.params, REMOTE_DOMAIN_MIGRATE_PARAM_LIST_MAX, writeRemoteTypedParam, 'remote_domain_migrate_finish3_params_args.params');
  writeOpaque(w, v.cookie_in, REMOTE_MIGRATE_COOKIE_MAX, 'remote_domain_migrate_finish3_params_args.cookie_in');
  w.uint(v.flags);
  w.int(v.cancelled);
}

/** struct remote_domain_migrate_finish3_params_ret */
export interface RemoteDomainMigrateFinish3ParamsRet {
  dom: RemoteNonnullDomain;
  cookie_out: Buffer;
}
export interface RemoteDomainMigrateFinish3ParamsRetIn {
  dom: RemoteNonnullDomain;
  cookie_out: Uint8Array;
}
export function readRemoteDomainMigrateFinish3ParamsRet(r: XdrReader): RemoteDomainMigrateFinish3ParamsRet {
  return {
    dom: readRemoteNonnullDomain(r),
    cookie_out: r.opaque(REMOTE_MIGRATE_COOKIE_MAX),
  };
}
export function writeRemoteDomainMigrateFinish3ParamsRet(w: XdrWriter, v: RemoteDomainMigrateFinish3ParamsRetIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeOpaque(w, v.cookie_out, REMOTE_MIGRATE_COOKIE_MAX, 'remote_domain_migrate_finish3_params_ret.cookie_out');
}

/** struct remote_domain_migrate_confirm3_params_args */
export interface RemoteDomainMigrateConfirm3ParamsArgs {
  dom: RemoteNonnullDomain;
  params: RemoteTypedParam[];
  cookie_in: Buffer;
  flags: number;
  cancelled: number;
}
export interface RemoteDomainMigrateConfirm3ParamsArgsIn {
  dom: RemoteNonnullDomain;
  params: readonly RemoteTypedParamIn[];
  cookie_in: Uint8Array;
  flags: number;
  cancelled: number;
}
export function readRemoteDomainMigrateConfirm3ParamsArgs(r: XdrReader): RemoteDomainMigrateConfirm3ParamsArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    params: r.array(readRemoteTypedParam, REMOTE_DOMAIN_MIGRATE_PARAM_LIST_MAX),
    cookie_in: r.opaque(REMOTE_MIGRATE_COOKIE_MAX),
    flags: r.uint(),
    cancelled: r.int(),
  };
}
export function writeRemoteDomainMigrateConfirm3ParamsArgs(w: XdrWriter, v: RemoteDomainMigrateConfirm3ParamsArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeArray(w, v.params, REMOTE_DOMAIN_MIGRATE_PARAM_LIST_MAX, writeRemoteTypedParam, 'remote_domain_migrate_confirm3_params_args.params');
  writeOpaque(w, v.cookie_in, REMOTE_MIGRATE_COOKIE_MAX, 'remote_domain_migrate_confirm3_params_args.cookie_in');
  w.uint(v.flags);
  w.int(v.cancelled);
}

/** struct remote_domain_event_device_removed_msg */
export interface RemoteDomainEventDeviceRemovedMsg {
  dom: RemoteNonnullDomain;
  devAlias: RemoteNonnullString;
}
export function readRemoteDomainEventDeviceRemovedMsg(r: XdrReader): RemoteDomainEventDeviceRemovedMsg {
  return {
    dom: readRemoteNonnullDomain(r),
    devAlias: readRemoteNonnullString(r),
  };
}
export function writeRemoteDomainEventDeviceRemovedMsg(w: XdrWriter, v: RemoteDomainEventDeviceRemovedMsg): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.devAlias);
}

/** struct remote_domain_event_callback_device_removed_msg */
export interface RemoteDomainEventCallbackDeviceRemovedMsg {
  callbackID: number;
  msg: RemoteDomainEventDeviceRemovedMsg;
}
export function readRemoteDomainEventCallbackDeviceRemovedMsg(r: XdrReader): RemoteDomainEventCallbackDeviceRemovedMsg {
  return {
    callbackID: r.int(),
    msg: readRemoteDomainEventDeviceRemovedMsg(r),
  };
}
export function writeRemoteDomainEventCallbackDeviceRemovedMsg(w: XdrWriter, v: RemoteDomainEventCallbackDeviceRemovedMsg): void {
  w.int(v.callbackID);
  writeRemoteDomainEventDeviceRemovedMsg(w, v.msg);
}

/** struct remote_domain_event_block_job_2_msg */
export interface RemoteDomainEventBlockJob2Msg {
  callbackID: number;
  dom: RemoteNonnullDomain;
  dst: RemoteNonnullString;
  type: number;
  status: number;
}
export function readRemoteDomainEventBlockJob2Msg(r: XdrReader): RemoteDomainEventBlockJob2Msg {
  return {
    callbackID: r.int(),
    dom: readRemoteNonnullDomain(r),
    dst: readRemoteNonnullString(r),
    type: r.int(),
    status: r.int(),
  };
}
export function writeRemoteDomainEventBlockJob2Msg(w: XdrWriter, v: RemoteDomainEventBlockJob2Msg): void {
  w.int(v.callbackID);
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.dst);
  w.int(v.type);
  w.int(v.status);
}

/** struct remote_domain_event_block_threshold_msg */
export interface RemoteDomainEventBlockThresholdMsg {
  callbackID: number;
  dom: RemoteNonnullDomain;
  dev: RemoteNonnullString;
  path: RemoteString;
  threshold: bigint;
  excess: bigint;
}
export interface RemoteDomainEventBlockThresholdMsgIn {
  callbackID: number;
  dom: RemoteNonnullDomain;
  dev: RemoteNonnullString;
  path: RemoteStringIn;
  threshold: bigint | number;
  excess: bigint | number;
}
export function readRemoteDomainEventBlockThresholdMsg(r: XdrReader): RemoteDomainEventBlockThresholdMsg {
  return {
    callbackID: r.int(),
    dom: readRemoteNonnullDomain(r),
    dev: readRemoteNonnullString(r),
    path: readRemoteString(r),
    threshold: r.uhyper(),
    excess: r.uhyper(),
  };
}
export function writeRemoteDomainEventBlockThresholdMsg(w: XdrWriter, v: RemoteDomainEventBlockThresholdMsgIn): void {
  w.int(v.callbackID);
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.dev);
  writeRemoteString(w, v.path);
  w.uhyper(v.threshold);
  w.uhyper(v.excess);
}

/** struct remote_domain_event_callback_tunable_msg */
export interface RemoteDomainEventCallbackTunableMsg {
  callbackID: number;
  dom: RemoteNonnullDomain;
  params: RemoteTypedParam[];
}
export interface RemoteDomainEventCallbackTunableMsgIn {
  callbackID: number;
  dom: RemoteNonnullDomain;
  params: readonly RemoteTypedParamIn[];
}
export function readRemoteDomainEventCallbackTunableMsg(r: XdrReader): RemoteDomainEventCallbackTunableMsg {
  return {
    callbackID: r.int(),
    dom: readRemoteNonnullDomain(r),
    params: r.array(readRemoteTypedParam, REMOTE_DOMAIN_EVENT_TUNABLE_MAX),
  };
}
export function writeRemoteDomainEventCallbackTunableMsg(w: XdrWriter, v: RemoteDomainEventCallbackTunableMsgIn): void {
  w.int(v.callbackID);
  writeRemoteNonnullDomain(w, v.dom);
  writeArray(w, v.params, REMOTE_DOMAIN_EVENT_TUNABLE_MAX, writeRemoteTypedParam, 'remote_domain_event_callback_tunable_msg.params');
}

/** struct remote_domain_event_callback_device_added_msg */
export interface RemoteDomainEventCallbackDeviceAddedMsg {
  callbackID: number;
  dom: RemoteNonnullDomain;
  devAlias: RemoteNonnullString;
}
export function readRemoteDomainEventCallbackDeviceAddedMsg(r: XdrReader): RemoteDomainEventCallbackDeviceAddedMsg {
  return {
    callbackID: r.int(),
    dom: readRemoteNonnullDomain(r),
    devAlias: readRemoteNonnullString(r),
  };
}
export function writeRemoteDomainEventCallbackDeviceAddedMsg(w: XdrWriter, v: RemoteDomainEventCallbackDeviceAddedMsg): void {
  w.int(v.callbackID);
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.devAlias);
}

/** struct remote_connect_event_connection_closed_msg */
export interface RemoteConnectEventConnectionClosedMsg {
  reason: number;
}
export function readRemoteConnectEventConnectionClosedMsg(r: XdrReader): RemoteConnectEventConnectionClosedMsg {
  return {
    reason: r.int(),
  };
}
export function writeRemoteConnectEventConnectionClosedMsg(w: XdrWriter, v: RemoteConnectEventConnectionClosedMsg): void {
  w.int(v.reason);
}

/** struct remote_connect_get_cpu_model_names_args */
export interface RemoteConnectGetCpuModelNamesArgs {
  arch: RemoteNonnullString;
  need_results: number;
  flags: number;
}
export function readRemoteConnectGetCpuModelNamesArgs(r: XdrReader): RemoteConnectGetCpuModelNamesArgs {
  return {
    arch: readRemoteNonnullString(r),
    need_results: r.int(),
    flags: r.uint(),
  };
}
export function writeRemoteConnectGetCpuModelNamesArgs(w: XdrWriter, v: RemoteConnectGetCpuModelNamesArgs): void {
  writeRemoteNonnullString(w, v.arch);
  w.int(v.need_results);
  w.uint(v.flags);
}

/** struct remote_connect_get_cpu_model_names_ret */
export interface RemoteConnectGetCpuModelNamesRet {
  models: RemoteNonnullString[];
  ret: number;
}
export interface RemoteConnectGetCpuModelNamesRetIn {
  models: readonly RemoteNonnullString[];
  ret: number;
}
export function readRemoteConnectGetCpuModelNamesRet(r: XdrReader): RemoteConnectGetCpuModelNamesRet {
  return {
    models: r.array(readRemoteNonnullString, REMOTE_CONNECT_CPU_MODELS_MAX),
    ret: r.int(),
  };
}
export function writeRemoteConnectGetCpuModelNamesRet(w: XdrWriter, v: RemoteConnectGetCpuModelNamesRetIn): void {
  writeArray(w, v.models, REMOTE_CONNECT_CPU_MODELS_MAX, writeRemoteNonnullString, 'remote_connect_get_cpu_model_names_ret.models');
  w.int(v.ret);
}

/** struct remote_connect_network_event_register_any_args */
export interface RemoteConnectNetworkEventRegisterAnyArgs {
  eventID: number;
  net: RemoteNetwork;
}
export interface RemoteConnectNetworkEventRegisterAnyArgsIn {
  eventID: number;
  net: RemoteNetworkIn;
}
export function readRemoteConnectNetworkEventRegisterAnyArgs(r: XdrReader): RemoteConnectNetworkEventRegisterAnyArgs {
  return {
    eventID: r.int(),
    net: readRemoteNetwork(r),
  };
}
export function writeRemoteConnectNetworkEventRegisterAnyArgs(w: XdrWriter, v: RemoteConnectNetworkEventRegisterAnyArgsIn): void {
  w.int(v.eventID);
  writeRemoteNetwork(w, v.net);
}

/** struct remote_connect_network_event_register_any_ret */
export interface RemoteConnectNetworkEventRegisterAnyRet {
  callbackID: number;
}
export function readRemoteConnectNetworkEventRegisterAnyRet(r: XdrReader): RemoteConnectNetworkEventRegisterAnyRet {
  return {
    callbackID: r.int(),
  };
}
export function writeRemoteConnectNetworkEventRegisterAnyRet(w: XdrWriter, v: RemoteConnectNetworkEventRegisterAnyRet): void {
  w.int(v.callbackID);
}

/** struct remote_connect_network_event_deregister_any_args */
export interface RemoteConnectNetworkEventDeregisterAnyArgs {
  callbackID: number;
}
export function readRemoteConnectNetworkEventDeregisterAnyArgs(r: XdrReader): RemoteConnectNetworkEventDeregisterAnyArgs {
  return {
    callbackID: r.int(),
  };
}
export function writeRemoteConnectNetworkEventDeregisterAnyArgs(w: XdrWriter, v: RemoteConnectNetworkEventDeregisterAnyArgs): void {
  w.int(v.callbackID);
}

/** struct remote_network_event_lifecycle_msg */
export interface RemoteNetworkEventLifecycleMsg {
  callbackID: number;
  net: RemoteNonnullNetwork;
  event: number;
  detail: number;
}
export function readRemoteNetworkEventLifecycleMsg(r: XdrReader): RemoteNetworkEventLifecycleMsg {
  return {
    callbackID: r.int(),
    net: readRemoteNonnullNetwork(r),
    event: r.int(),
    detail: r.int(),
  };
}
export function writeRemoteNetworkEventLifecycleMsg(w: XdrWriter, v: RemoteNetworkEventLifecycleMsg): void {
  w.int(v.callbackID);
  writeRemoteNonnullNetwork(w, v.net);
  w.int(v.event);
  w.int(v.detail);
}

/** struct remote_connect_storage_pool_event_register_any_args */
export interface RemoteConnectStoragePoolEventRegisterAnyArgs {
  eventID: number;
  pool: RemoteStoragePool;
}
export interface RemoteConnectStoragePoolEventRegisterAnyArgsIn {
  eventID: number;
  pool: RemoteStoragePoolIn;
}
export function readRemoteConnectStoragePoolEventRegisterAnyArgs(r: XdrReader): RemoteConnectStoragePoolEventRegisterAnyArgs {
  return {
    eventID: r.int(),
    pool: readRemoteStoragePool(r),
  };
}
export function writeRemoteConnectStoragePoolEventRegisterAnyArgs(w: XdrWriter, v: RemoteConnectStoragePoolEventRegisterAnyArgsIn): void {
  w.int(v.eventID);
  writeRemoteStoragePool(w, v.pool);
}

/** struct remote_connect_storage_pool_event_register_any_ret */
export interface RemoteConnectStoragePoolEventRegisterAnyRet {
  callbackID: number;
}
export function readRemoteConnectStoragePoolEventRegisterAnyRet(r: XdrReader): RemoteConnectStoragePoolEventRegisterAnyRet {
  return {
    callbackID: r.int(),
  };
}
export function writeRemoteConnectStoragePoolEventRegisterAnyRet(w: XdrWriter, v: RemoteConnectStoragePoolEventRegisterAnyRet): void {
  w.int(v.callbackID);
}

/** struct remote_connect_storage_pool_event_deregister_any_args */
export interface RemoteConnectStoragePoolEventDeregisterAnyArgs {
  callbackID: number;
}
export function readRemoteConnectStoragePoolEventDeregisterAnyArgs(r: XdrReader): RemoteConnectStoragePoolEventDeregisterAnyArgs {
  return {
    callbackID: r.int(),
  };
}
export function writeRemoteConnectStoragePoolEventDeregisterAnyArgs(w: XdrWriter, v: RemoteConnectStoragePoolEventDeregisterAnyArgs): void {
  w.int(v.callbackID);
}

/** struct remote_storage_pool_event_lifecycle_msg */
export interface RemoteStoragePoolEventLifecycleMsg {
  callbackID: number;
  pool: RemoteNonnullStoragePool;
  event: number;
  detail: number;
}
export function readRemoteStoragePoolEventLifecycleMsg(r: XdrReader): RemoteStoragePoolEventLifecycleMsg {
  return {
    callbackID: r.int(),
    pool: readRemoteNonnullStoragePool(r),
    event: r.int(),
    detail: r.int(),
  };
}
export function writeRemoteStoragePoolEventLifecycleMsg(w: XdrWriter, v: RemoteStoragePoolEventLifecycleMsg): void {
  w.int(v.callbackID);
  writeRemoteNonnullStoragePool(w, v.pool);
  w.int(v.event);
  w.int(v.detail);
}

/** struct remote_storage_pool_event_refresh_msg */
export interface RemoteStoragePoolEventRefreshMsg {
  callbackID: number;
  pool: RemoteNonnullStoragePool;
}
export function readRemoteStoragePoolEventRefreshMsg(r: XdrReader): RemoteStoragePoolEventRefreshMsg {
  return {
    callbackID: r.int(),
    pool: readRemoteNonnullStoragePool(r),
  };
}
export function writeRemoteStoragePoolEventRefreshMsg(w: XdrWriter, v: RemoteStoragePoolEventRefreshMsg): void {
  w.int(v.callbackID);
  writeRemoteNonnullStoragePool(w, v.pool);
}

/** struct remote_connect_node_device_event_register_any_args */
export interface RemoteConnectNodeDeviceEventRegisterAnyArgs {
  eventID: number;
  dev: RemoteNodeDevice;
}
export interface RemoteConnectNodeDeviceEventRegisterAnyArgsIn {
  eventID: number;
  dev: RemoteNodeDeviceIn;
}
export function readRemoteConnectNodeDeviceEventRegisterAnyArgs(r: XdrReader): RemoteConnectNodeDeviceEventRegisterAnyArgs {
  return {
    eventID: r.int(),
    dev: readRemoteNodeDevice(r),
  };
}
export function writeRemoteConnectNodeDeviceEventRegisterAnyArgs(w: XdrWriter, v: RemoteConnectNodeDeviceEventRegisterAnyArgsIn): void {
  w.int(v.eventID);
  writeRemoteNodeDevice(w, v.dev);
}

/** struct remote_connect_node_device_event_register_any_ret */
export interface RemoteConnectNodeDeviceEventRegisterAnyRet {
  callbackID: number;
}
export function readRemoteConnectNodeDeviceEventRegisterAnyRet(r: XdrReader): RemoteConnectNodeDeviceEventRegisterAnyRet {
  return {
    callbackID: r.int(),
  };
}
export function writeRemoteConnectNodeDeviceEventRegisterAnyRet(w: XdrWriter, v: RemoteConnectNodeDeviceEventRegisterAnyRet): void {
  w.int(v.callbackID);
}

/** struct remote_connect_node_device_event_deregister_any_args */
export interface RemoteConnectNodeDeviceEventDeregisterAnyArgs {
  callbackID: number;
}
export function readRemoteConnectNodeDeviceEventDeregisterAnyArgs(r: XdrReader): RemoteConnectNodeDeviceEventDeregisterAnyArgs {
  return {
    callbackID: r.int(),
  };
}
export function writeRemoteConnectNodeDeviceEventDeregisterAnyArgs(w: XdrWriter, v: RemoteConnectNodeDeviceEventDeregisterAnyArgs): void {
  w.int(v.callbackID);
}

/** struct remote_node_device_event_lifecycle_msg */
export interface RemoteNodeDeviceEventLifecycleMsg {
  callbackID: number;
  dev: RemoteNonnullNodeDevice;
  event: number;
  detail: number;
}
export function readRemoteNodeDeviceEventLifecycleMsg(r: XdrReader): RemoteNodeDeviceEventLifecycleMsg {
  return {
    callbackID: r.int(),
    dev: readRemoteNonnullNodeDevice(r),
    event: r.int(),
    detail: r.int(),
  };
}
export function writeRemoteNodeDeviceEventLifecycleMsg(w: XdrWriter, v: RemoteNodeDeviceEventLifecycleMsg): void {
  w.int(v.callbackID);
  writeRemoteNonnullNodeDevice(w, v.dev);
  w.int(v.event);
  w.int(v.detail);
}

/** struct remote_node_device_event_update_msg */
export interface RemoteNodeDeviceEventUpdateMsg {
  callbackID: number;
  dev: RemoteNonnullNodeDevice;
}
export function readRemoteNodeDeviceEventUpdateMsg(r: XdrReader): RemoteNodeDeviceEventUpdateMsg {
  return {
    callbackID: r.int(),
    dev: readRemoteNonnullNodeDevice(r),
  };
}
export function writeRemoteNodeDeviceEventUpdateMsg(w: XdrWriter, v: RemoteNodeDeviceEventUpdateMsg): void {
  w.int(v.callbackID);
  writeRemoteNonnullNodeDevice(w, v.dev);
}

/** struct remote_domain_fsfreeze_args */
export interface RemoteDomainFsfreezeArgs {
  dom: RemoteNonnullDomain;
  mountpoints: RemoteNonnullString[];
  flags: number;
}
export interface RemoteDomainFsfreezeArgsIn {
  dom: RemoteNonnullDomain;
  mountpoints: readonly RemoteNonnullString[];
  flags: number;
}
export function readRemoteDomainFsfreezeArgs(r: XdrReader): RemoteDomainFsfreezeArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    mountpoints: r.array(readRemoteNonnullString, REMOTE_DOMAIN_FSFREEZE_MOUNTPOINTS_MAX),
    flags: r.uint(),
  };
}
export function writeRemoteDomainFsfreezeArgs(w: XdrWriter, v: RemoteDomainFsfreezeArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeArray(w, v.mountpoints, REMOTE_DOMAIN_FSFREEZE_MOUNTPOINTS_MAX, writeRemoteNonnullString, 'remote_domain_fsfreeze_args.mountpoints');
  w.uint(v.flags);
}

/** struct remote_domain_fsfreeze_ret */
export interface RemoteDomainFsfreezeRet {
  filesystems: number;
}
export function readRemoteDomainFsfreezeRet(r: XdrReader): RemoteDomainFsfreezeRet {
  return {
    filesystems: r.int(),
  };
}
export function writeRemoteDomainFsfreezeRet(w: XdrWriter, v: RemoteDomainFsfreezeRet): void {
  w.int(v.filesystems);
}

/** struct remote_domain_fsthaw_args */
export interface RemoteDomainFsthawArgs {
  dom: RemoteNonnullDomain;
  mountpoints: RemoteNonnullString[];
  flags: number;
}
export interface RemoteDomainFsthawArgsIn {
  dom: RemoteNonnullDomain;
  mountpoints: readonly RemoteNonnullString[];
  flags: number;
}
export function readRemoteDomainFsthawArgs(r: XdrReader): RemoteDomainFsthawArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    mountpoints: r.array(readRemoteNonnullString, REMOTE_DOMAIN_FSFREEZE_MOUNTPOINTS_MAX),
    flags: r.uint(),
  };
}
export function writeRemoteDomainFsthawArgs(w: XdrWriter, v: RemoteDomainFsthawArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeArray(w, v.mountpoints, REMOTE_DOMAIN_FSFREEZE_MOUNTPOINTS_MAX, writeRemoteNonnullString, 'remote_domain_fsthaw_args.mountpoints');
  w.uint(v.flags);
}

/** struct remote_domain_fsthaw_ret */
export interface RemoteDomainFsthawRet {
  filesystems: number;
}
export function readRemoteDomainFsthawRet(r: XdrReader): RemoteDomainFsthawRet {
  return {
    filesystems: r.int(),
  };
}
export function writeRemoteDomainFsthawRet(w: XdrWriter, v: RemoteDomainFsthawRet): void {
  w.int(v.filesystems);
}

/** struct remote_node_get_free_pages_args */
export interface RemoteNodeGetFreePagesArgs {
  pages: number[];
  startCell: number;
  cellCount: number;
  flags: number;
}
export interface RemoteNodeGetFreePagesArgsIn {
  pages: readonly number[];
  startCell: number;
  cellCount: number;
  flags: number;
}
export function readRemoteNodeGetFreePagesArgs(r: XdrReader): RemoteNodeGetFreePagesArgs {
  return {
    pages: r.array((x) => x.uint(), REMOTE_NODE_MAX_CELLS),
    startCell: r.int(),
    cellCount: r.uint(),
    flags: r.uint(),
  };
}
export function writeRemoteNodeGetFreePagesArgs(w: XdrWriter, v: RemoteNodeGetFreePagesArgsIn): void {
  writeArray(w, v.pages, REMOTE_NODE_MAX_CELLS, (x, y) => x.uint(y), 'remote_node_get_free_pages_args.pages');
  w.int(v.startCell);
  w.uint(v.cellCount);
  w.uint(v.flags);
}

/** struct remote_node_get_free_pages_ret */
export interface RemoteNodeGetFreePagesRet {
  counts: bigint[];
}
export interface RemoteNodeGetFreePagesRetIn {
  counts: readonly (bigint | number)[];
}
export function readRemoteNodeGetFreePagesRet(r: XdrReader): RemoteNodeGetFreePagesRet {
  return {
    counts: r.array((x) => x.uhyper(), REMOTE_NODE_MAX_CELLS),
  };
}
export function writeRemoteNodeGetFreePagesRet(w: XdrWriter, v: RemoteNodeGetFreePagesRetIn): void {
  writeArray(w, v.counts, REMOTE_NODE_MAX_CELLS, (x, y) => x.uhyper(y), 'remote_node_get_free_pages_ret.counts');
}

/** struct remote_node_alloc_pages_args */
export interface RemoteNodeAllocPagesArgs {
  pageSizes: number[];
  pageCounts: bigint[];
  startCell: number;
  cellCount: number;
  flags: number;
}
export interface RemoteNodeAllocPagesArgsIn {
  pageSizes: readonly number[];
  pageCounts: readonly (bigint | number)[];
  startCell: number;
  cellCount: number;
  flags: number;
}
export function readRemoteNodeAllocPagesArgs(r: XdrReader): RemoteNodeAllocPagesArgs {
  return {
    pageSizes: r.array((x) => x.uint(), REMOTE_NODE_MAX_CELLS),
    pageCounts: r.array((x) => x.uhyper(), REMOTE_NODE_MAX_CELLS),
    startCell: r.int(),
    cellCount: r.uint(),
    flags: r.uint(),
  };
}
export function writeRemoteNodeAllocPagesArgs(w: XdrWriter, v: RemoteNodeAllocPagesArgsIn): void {
  writeArray(w, v.pageSizes, REMOTE_NODE_MAX_CELLS, (x, y) => x.uint(y), 'remote_node_alloc_pages_args.pageSizes');
  writeArray(w, v.pageCounts, REMOTE_NODE_MAX_CELLS, (x, y) => x.uhyper(y), 'remote_node_alloc_pages_args.pageCounts');
  w.int(v.startCell);
  w.uint(v.cellCount);
  w.uint(v.flags);
}

/** struct remote_node_alloc_pages_ret */
export interface RemoteNodeAllocPagesRet {
  ret: number;
}
export function readRemoteNodeAllocPagesRet(r: XdrReader): RemoteNodeAllocPagesRet {
  return {
    ret: r.int(),
  };
}
export function writeRemoteNodeAllocPagesRet(w: XdrWriter, v: RemoteNodeAllocPagesRet): void {
  w.int(v.ret);
}

/** struct remote_network_dhcp_lease */
export interface RemoteNetworkDhcpLease {
  iface: RemoteNonnullString;
  expirytime: bigint;
  type: number;
  mac: RemoteString;
  iaid: RemoteString;
  ipaddr: RemoteNonnullString;
  prefix: number;
  hostname: RemoteString;
  clientid: RemoteString;
}
export interface RemoteNetworkDhcpLeaseIn {
  iface: RemoteNonnullString;
  expirytime: bigint | number;
  type: number;
  mac: RemoteStringIn;
  iaid: RemoteStringIn;
  ipaddr: RemoteNonnullString;
  prefix: number;
  hostname: RemoteStringIn;
  clientid: RemoteStringIn;
}
export function readRemoteNetworkDhcpLease(r: XdrReader): RemoteNetworkDhcpLease {
  return {
    iface: readRemoteNonnullString(r),
    expirytime: r.hyper(),
    type: r.int(),
    mac: readRemoteString(r),
    iaid: readRemoteString(r),
    ipaddr: readRemoteNonnullString(r),
    prefix: r.uint(),
    hostname: readRemoteString(r),
    clientid: readRemoteString(r),
  };
}
export function writeRemoteNetworkDhcpLease(w: XdrWriter, v: RemoteNetworkDhcpLeaseIn): void {
  writeRemoteNonnullString(w, v.iface);
  w.hyper(v.expirytime);
  w.int(v.type);
  writeRemoteString(w, v.mac);
  writeRemoteString(w, v.iaid);
  writeRemoteNonnullString(w, v.ipaddr);
  w.uint(v.prefix);
  writeRemoteString(w, v.hostname);
  writeRemoteString(w, v.clientid);
}

/** struct remote_network_get_dhcp_leases_args */
export interface RemoteNetworkGetDhcpLeasesArgs {
  net: RemoteNonnullNetwork;
  mac: RemoteString;
  need_results: number;
  flags: number;
}
export interface RemoteNetworkGetDhcpLeasesArgsIn {
  net: RemoteNonnullNetwork;
  mac: RemoteStringIn;
  need_results: number;
  flags: number;
}
export function readRemoteNetworkGetDhcpLeasesArgs(r: XdrReader): RemoteNetworkGetDhcpLeasesArgs {
  return {
    net: readRemoteNonnullNetwork(r),
    mac: readRemoteString(r),
    need_results: r.int(),
    flags: r.uint(),
  };
}
export function writeRemoteNetworkGetDhcpLeasesArgs(w: XdrWriter, v: RemoteNetworkGetDhcpLeasesArgsIn): void {
  writeRemoteNonnullNetwork(w, v.net);
  writeRemoteString(w, v.mac);
  w.int(v.need_results);
  w.uint(v.flags);
}

/** struct remote_network_get_dhcp_leases_ret */
export interface RemoteNetworkGetDhcpLeasesRet {
  leases: RemoteNetworkDhcpLease[];
  ret: number;
}
export interface RemoteNetworkGetDhcpLeasesRetIn {
  leases: readonly RemoteNetworkDhcpLeaseIn[];
  ret: number;
}
export function readRemoteNetworkGetDhcpLeasesRet(r: XdrReader): RemoteNetworkGetDhcpLeasesRet {
  return {
    leases: r.array(readRemoteNetworkDhcpLease, REMOTE_NETWORK_DHCP_LEASES_MAX),
    ret: r.uint(),
  };
}
export function writeRemoteNetworkGetDhcpLeasesRet(w: XdrWriter, v: RemoteNetworkGetDhcpLeasesRetIn): void {
  writeArray(w, v.leases, REMOTE_NETWORK_DHCP_LEASES_MAX, writeRemoteNetworkDhcpLease, 'remote_network_get_dhcp_leases_ret.leases');
  w.uint(v.ret);
}

/** struct remote_domain_stats_record */
export interface RemoteDomainStatsRecord {
  dom: RemoteNonnullDomain;
  params: RemoteTypedParam[];
}
export interface RemoteDomainStatsRecordIn {
  dom: RemoteNonnullDomain;
  params: readonly RemoteTypedParamIn[];
}
export function readRemoteDomainStatsRecord(r: XdrReader): RemoteDomainStatsRecord {
  return {
    dom: readRemoteNonnullDomain(r),
    params: r.array(readRemoteTypedParam, REMOTE_CONNECT_GET_ALL_DOMAIN_STATS_MAX),
  };
}
export function writeRemoteDomainStatsRecord(w: XdrWriter, v: RemoteDomainStatsRecordIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeArray(w, v.params, REMOTE_CONNECT_GET_ALL_DOMAIN_STATS_MAX, writeRemoteTypedParam, 'remote_domain_stats_record.params');
}

/** struct remote_connect_get_all_domain_stats_args */
export interface RemoteConnectGetAllDomainStatsArgs {
  doms: RemoteNonnullDomain[];
  stats: number;
  flags: number;
}
export interface RemoteConnectGetAllDomainStatsArgsIn {
  doms: readonly RemoteNonnullDomain[];
  stats: number;
  flags: number;
}
export function readRemoteConnectGetAllDomainStatsArgs(r: XdrReader): RemoteConnectGetAllDomainStatsArgs {
  return {
    doms: r.array(readRemoteNonnullDomain, REMOTE_DOMAIN_LIST_MAX),
    stats: r.uint(),
    flags: r.uint(),
  };
}
export function writeRemoteConnectGetAllDomainStatsArgs(w: XdrWriter, v: RemoteConnectGetAllDomainStatsArgsIn): void {
  writeArray(w, v.doms, REMOTE_DOMAIN_LIST_MAX, writeRemoteNonnullDomain, 'remote_connect_get_all_domain_stats_args.doms');
  w.uint(v.stats);
  w.uint(v.flags);
}

/** struct remote_domain_event_callback_agent_lifecycle_msg */
export interface RemoteDomainEventCallbackAgentLifecycleMsg {
  callbackID: number;
  dom: RemoteNonnullDomain;
  state: number;
  reason: number;
}
export function readRemoteDomainEventCallbackAgentLifecycleMsg(r: XdrReader): RemoteDomainEventCallbackAgentLifecycleMsg {
  return {
    callbackID: r.int(),
    dom: readRemoteNonnullDomain(r),
    state: r.int(),
    reason: r.int(),
  };
}
export function writeRemoteDomainEventCallbackAgentLifecycleMsg(w: XdrWriter, v: RemoteDomainEventCallbackAgentLifecycleMsg): void {
  w.int(v.callbackID);
  writeRemoteNonnullDomain(w, v.dom);
  w.int(v.state);
  w.int(v.reason);
}

/** struct remote_connect_get_all_domain_stats_ret */
export interface RemoteConnectGetAllDomainStatsRet {
  retStats: RemoteDomainStatsRecord[];
}
export interface RemoteConnectGetAllDomainStatsRetIn {
  retStats: readonly RemoteDomainStatsRecordIn[];
}
export function readRemoteConnectGetAllDomainStatsRet(r: XdrReader): RemoteConnectGetAllDomainStatsRet {
  return {
    retStats: r.array(readRemoteDomainStatsRecord, REMOTE_DOMAIN_LIST_MAX),
  };
}
export function writeRemoteConnectGetAllDomainStatsRet(w: XdrWriter, v: RemoteConnectGetAllDomainStatsRetIn): void {
  writeArray(w, v.retStats, REMOTE_DOMAIN_LIST_MAX, writeRemoteDomainStatsRecord, 'remote_connect_get_all_domain_stats_ret.retStats');
}

/** struct remote_domain_fsinfo */
export interface RemoteDomainFsinfo {
  mountpoint: RemoteNonnullString;
  name: RemoteNonnullString;
  fstype: RemoteNonnullString;
  dev_aliases: RemoteNonnullString[];
}
export interface RemoteDomainFsinfoIn {
  mountpoint: RemoteNonnullString;
  name: RemoteNonnullString;
  fstype: RemoteNonnullString;
  dev_aliases: readonly RemoteNonnullString[];
}
export function readRemoteDomainFsinfo(r: XdrReader): RemoteDomainFsinfo {
  return {
    mountpoint: readRemoteNonnullString(r),
    name: readRemoteNonnullString(r),
    fstype: readRemoteNonnullString(r),
    dev_aliases: r.array(readRemoteNonnullString, REMOTE_DOMAIN_FSINFO_DISKS_MAX),
  };
}
export function writeRemoteDomainFsinfo(w: XdrWriter, v: RemoteDomainFsinfoIn): void {
  writeRemoteNonnullString(w, v.mountpoint);
  writeRemoteNonnullString(w, v.name);
  writeRemoteNonnullString(w, v.fstype);
  writeArray(w, v.dev_aliases, REMOTE_DOMAIN_FSINFO_DISKS_MAX, writeRemoteNonnullString, 'remote_domain_fsinfo.dev_aliases');
}

/** struct remote_domain_get_fsinfo_args */
export interface RemoteDomainGetFsinfoArgs {
  dom: RemoteNonnullDomain;
  flags: number;
}
export function readRemoteDomainGetFsinfoArgs(r: XdrReader): RemoteDomainGetFsinfoArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainGetFsinfoArgs(w: XdrWriter, v: RemoteDomainGetFsinfoArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.flags);
}

/** struct remote_domain_get_fsinfo_ret */
export interface RemoteDomainGetFsinfoRet {
  info: RemoteDomainFsinfo[];
  ret: number;
}
export interface RemoteDomainGetFsinfoRetIn {
  info: readonly RemoteDomainFsinfoIn[];
  ret: number;
}
export function readRemoteDomainGetFsinfoRet(r: XdrReader): RemoteDomainGetFsinfoRet {
  return {
    info: r.array(readRemoteDomainFsinfo, REMOTE_DOMAIN_FSINFO_MAX),
    ret: r.uint(),
  };
}
export function writeRemoteDomainGetFsinfoRet(w: XdrWriter, v: RemoteDomainGetFsinfoRetIn): void {
  writeArray(w, v.info, REMOTE_DOMAIN_FSINFO_MAX, writeRemoteDomainFsinfo, 'remote_domain_get_fsinfo_ret.info');
  w.uint(v.ret);
}

/** struct remote_domain_ip_addr */
export interface RemoteDomainIpAddr {
  type: number;
  addr: RemoteNonnullString;
  prefix: number;
}
export function readRemoteDomainIpAddr(r: XdrReader): RemoteDomainIpAddr {
  return {
    type: r.int(),
    addr: readRemoteNonnullString(r),
    prefix: r.uint(),
  };
}
export function writeRemoteDomainIpAddr(w: XdrWriter, v: RemoteDomainIpAddr): void {
  w.int(v.type);
  writeRemoteNonnullString(w, v.addr);
  w.uint(v.prefix);
}

/** struct remote_domain_interface */
export interface RemoteDomainInterface {
  name: RemoteNonnullString;
  hwaddr: RemoteString;
  addrs: RemoteDomainIpAddr[];
}
export interface RemoteDomainInterfaceIn {
  name: RemoteNonnullString;
  hwaddr: RemoteStringIn;
  addrs: readonly RemoteDomainIpAddr[];
}
export function readRemoteDomainInterface(r: XdrReader): RemoteDomainInterface {
  return {
    name: readRemoteNonnullString(r),
    hwaddr: readRemoteString(r),
    addrs: r.array(readRemoteDomainIpAddr, REMOTE_DOMAIN_IP_ADDR_MAX),
  };
}
export function writeRemoteDomainInterface(w: XdrWriter, v: RemoteDomainInterfaceIn): void {
  writeRemoteNonnullString(w, v.name);
  writeRemoteString(w, v.hwaddr);
  writeArray(w, v.addrs, REMOTE_DOMAIN_IP_ADDR_MAX, writeRemoteDomainIpAddr, 'remote_domain_interface.addrs');
}

/** struct remote_domain_interface_addresses_args */
export interface RemoteDomainInterfaceAddressesArgs {
  dom: RemoteNonnullDomain;
  source: number;
  flags: number;
}
export function readRemoteDomainInterfaceAddressesArgs(r: XdrReader): RemoteDomainInterfaceAddressesArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    source: r.uint(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainInterfaceAddressesArgs(w: XdrWriter, v: RemoteDomainInterfaceAddressesArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.source);
  w.uint(v.flags);
}

/** struct remote_domain_interface_addresses_ret */
export interface RemoteDomainInterfaceAddressesRet {
  ifaces: RemoteDomainInterface[];
}
export interface RemoteDomainInterfaceAddressesRetIn {
  ifaces: readonly RemoteDomainInterfaceIn[];
}
export function readRemoteDomainInterfaceAddressesRet(r: XdrReader): RemoteDomainInterfaceAddressesRet {
  return {
    ifaces: r.array(readRemoteDomainInterface, REMOTE_DOMAIN_INTERFACE_MAX),
  };
}
export function writeRemoteDomainInterfaceAddressesRet(w: XdrWriter, v: RemoteDomainInterfaceAddressesRetIn): void {
  writeArray(w, v.ifaces, REMOTE_DOMAIN_INTERFACE_MAX, writeRemoteDomainInterface, 'remote_domain_interface_addresses_ret.ifaces');
}

/** struct remote_domain_set_user_password_args */
export interface RemoteDomainSetUserPasswordArgs {
  dom: RemoteNonnullDomain;
  user: RemoteString;
  password: RemoteString;
  flags: number;
}
export interface RemoteDomainSetUserPasswordArgsIn {
  dom: RemoteNonnullDomain;
  user: RemoteStringIn;
  password: RemoteStringIn;
  flags: number;
}
export function readRemoteDomainSetUserPasswordArgs(r: XdrReader): RemoteDomainSetUserPasswordArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    user: readRemoteString(r),
    password: readRemoteString(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainSetUserPasswordArgs(w: XdrWriter, v: RemoteDomainSetUserPasswordArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteString(w, v.user);
  writeRemoteString(w, v.password);
  w.uint(v.flags);
}

/** struct remote_domain_rename_args */
export interface RemoteDomainRenameArgs {
  dom: RemoteNonnullDomain;
  new_name: RemoteString;
  flags: number;
}
export interface RemoteDomainRenameArgsIn {
  dom: RemoteNonnullDomain;
  new_name: RemoteStringIn;
  flags: number;
}
export function readRemoteDomainRenameArgs(r: XdrReader): RemoteDomainRenameArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    new_name: readRemoteString(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainRenameArgs(w: XdrWriter, v: RemoteDomainRenameArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteString(w, v.new_name);
  w.uint(v.flags);
}

/** struct remote_domain_rename_ret */
export interface RemoteDomainRenameRet {
  retcode: number;
}
export function readRemoteDomainRenameRet(r: XdrReader): RemoteDomainRenameRet {
  return {
    retcode: r.int(),
  };
}
export function writeRemoteDomainRenameRet(w: XdrWriter, v: RemoteDomainRenameRet): void {
  w.int(v.retcode);
}

/** struct remote_domain_event_callback_migration_iteration_msg */
export interface RemoteDomainEventCallbackMigrationIterationMsg {
  callbackID: number;
  dom: RemoteNonnullDomain;
  iteration: number;
}
export function readRemoteDomainEventCallbackMigrationIterationMsg(r: XdrReader): RemoteDomainEventCallbackMigrationIterationMsg {
  return {
    callbackID: r.int(),
    dom: readRemoteNonnullDomain(r),
    iteration: r.int(),
  };
}
export function writeRemoteDomainEventCallbackMigrationIterationMsg(w: XdrWriter, v: RemoteDomainEventCallbackMigrationIterationMsg): void {
  w.int(v.callbackID);
  writeRemoteNonnullDomain(w, v.dom);
  w.int(v.iteration);
}

/** struct remote_domain_event_callback_job_completed_msg */
export interface RemoteDomainEventCallbackJobCompletedMsg {
  callbackID: number;
  dom: RemoteNonnullDomain;
  params: RemoteTypedParam[];
}
export interface RemoteDomainEventCallbackJobCompletedMsgIn {
  callbackID: number;
  dom: RemoteNonnullDomain;
  params: readonly RemoteTypedParamIn[];
}
export function readRemoteDomainEventCallbackJobCompletedMsg(r: XdrReader): RemoteDomainEventCallbackJobCompletedMsg {
  return {
    callbackID: r.int(),
    dom: readRemoteNonnullDomain(r),
    params: r.array(readRemoteTypedParam, REMOTE_DOMAIN_JOB_STATS_MAX),
  };
}
export function writeRemoteDomainEventCallbackJobCompletedMsg(w: XdrWriter, v: RemoteDomainEventCallbackJobCompletedMsgIn): void {
  w.int(v.callbackID);
  writeRemoteNonnullDomain(w, v.dom);
  writeArray(w, v.params, REMOTE_DOMAIN_JOB_STATS_MAX, writeRemoteTypedParam, 'remote_domain_event_callback_job_completed_msg.params');
}

/** struct remote_domain_migrate_start_post_copy_args */
export interface RemoteDomainMigrateStartPostCopyArgs {
  dom: RemoteNonnullDomain;
  flags: number;
}
export function readRemoteDomainMigrateStartPostCopyArgs(r: XdrReader): RemoteDomainMigrateStartPostCopyArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainMigrateStartPostCopyArgs(w: XdrWriter, v: RemoteDomainMigrateStartPostCopyArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.flags);
}

/** struct remote_domain_event_callback_device_removal_failed_msg */
export interface RemoteDomainEventCallbackDeviceRemovalFailedMsg {
  callbackID: number;
  dom: RemoteNonnullDomain;
  devAlias: RemoteNonnullString;
}
export function readRemoteDomainEventCallbackDeviceRemovalFailedMsg(r: XdrReader): RemoteDomainEventCallbackDeviceRemovalFailedMsg {
  return {
    callbackID: r.int(),
    dom: readRemoteNonnullDomain(r),
    devAlias: readRemoteNonnullString(r),
  };
}
export function writeRemoteDomainEventCallbackDeviceRemovalFailedMsg(w: XdrWriter, v: RemoteDomainEventCallbackDeviceRemovalFailedMsg): void {
  w.int(v.callbackID);
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.devAlias);
}

/** struct remote_domain_get_guest_vcpus_args */
export interface RemoteDomainGetGuestVcpusArgs {
  dom: RemoteNonnullDomain;
  flags: number;
}
export function readRemoteDomainGetGuestVcpusArgs(r: XdrReader): RemoteDomainGetGuestVcpusArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainGetGuestVcpusArgs(w: XdrWriter, v: RemoteDomainGetGuestVcpusArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.flags);
}

/** struct remote_domain_get_guest_vcpus_ret */
export interface RemoteDomainGetGuestVcpusRet {
  params: RemoteTypedParam[];
}
export interface RemoteDomainGetGuestVcpusRetIn {
  params: readonly RemoteTypedParamIn[];
}
export function readRemoteDomainGetGuestVcpusRet(r: XdrReader): RemoteDomainGetGuestVcpusRet {
  return {
    params: r.array(readRemoteTypedParam, REMOTE_DOMAIN_GUEST_VCPU_PARAMS_MAX),
  };
}
export function writeRemoteDomainGetGuestVcpusRet(w: XdrWriter, v: RemoteDomainGetGuestVcpusRetIn): void {
  writeArray(w, v.params, REMOTE_DOMAIN_GUEST_VCPU_PARAMS_MAX, writeRemoteTypedParam, 'remote_domain_get_guest_vcpus_ret.params');
}

/** struct remote_domain_set_guest_vcpus_args */
export interface RemoteDomainSetGuestVcpusArgs {
  dom: RemoteNonnullDomain;
  cpumap: RemoteNonnullString;
  state: number;
  flags: number;
}
export function readRemoteDomainSetGuestVcpusArgs(r: XdrReader): RemoteDomainSetGuestVcpusArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    cpumap: readRemoteNonnullString(r),
    state: r.int(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainSetGuestVcpusArgs(w: XdrWriter, v: RemoteDomainSetGuestVcpusArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.cpumap);
  w.int(v.state);
  w.uint(v.flags);
}

/** struct remote_domain_set_vcpu_args */
export interface RemoteDomainSetVcpuArgs {
  dom: RemoteNonnullDomain;
  cpumap: RemoteNonnullString;
  state: number;
  flags: number;
}
export function readRemoteDomainSetVcpuArgs(r: XdrReader): RemoteDomainSetVcpuArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    cpumap: readRemoteNonnullString(r),
    state: r.int(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainSetVcpuArgs(w: XdrWriter, v: RemoteDomainSetVcpuArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.cpumap);
  w.int(v.state);
  w.uint(v.flags);
}

/** struct remote_domain_event_callback_metadata_change_msg */
export interface RemoteDomainEventCallbackMetadataChangeMsg {
  callbackID: number;
  dom: RemoteNonnullDomain;
  type: number;
  nsuri: RemoteString;
}
export interface RemoteDomainEventCallbackMetadataChangeMsgIn {
  callbackID: number;
  dom: RemoteNonnullDomain;
  type: number;
  nsuri: RemoteStringIn;
}
export function readRemoteDomainEventCallbackMetadataChangeMsg(r: XdrReader): RemoteDomainEventCallbackMetadataChangeMsg {
  return {
    callbackID: r.int(),
    dom: readRemoteNonnullDomain(r),
    type: r.int(),
    nsuri: readRemoteString(r),
  };
}
export function writeRemoteDomainEventCallbackMetadataChangeMsg(w: XdrWriter, v: RemoteDomainEventCallbackMetadataChangeMsgIn): void {
  w.int(v.callbackID);
  writeRemoteNonnullDomain(w, v.dom);
  w.int(v.type);
  writeRemoteString(w, v.nsuri);
}

/** struct remote_domain_event_memory_failure_msg */
export interface RemoteDomainEventMemoryFailureMsg {
  callbackID: number;
  dom: RemoteNonnullDomain;
  recipient: number;
  action: number;
  flags: number;
}
export function readRemoteDomainEventMemoryFailureMsg(r: XdrReader): RemoteDomainEventMemoryFailureMsg {
  return {
    callbackID: r.int(),
    dom: readRemoteNonnullDomain(r),
    recipient: r.int(),
    action: r.int(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainEventMemoryFailureMsg(w: XdrWriter, v: RemoteDomainEventMemoryFailureMsg): void {
  w.int(v.callbackID);
  writeRemoteNonnullDomain(w, v.dom);
  w.int(v.recipient);
  w.int(v.action);
  w.uint(v.flags);
}

/** struct remote_connect_secret_event_register_any_args */
export interface RemoteConnectSecretEventRegisterAnyArgs {
  eventID: number;
  secret: RemoteSecret;
}
export interface RemoteConnectSecretEventRegisterAnyArgsIn {
  eventID: number;
  secret: RemoteSecretIn;
}
export function readRemoteConnectSecretEventRegisterAnyArgs(r: XdrReader): RemoteConnectSecretEventRegisterAnyArgs {
  return {
    eventID: r.int(),
    secret: readRemoteSecret(r),
  };
}
export function writeRemoteConnectSecretEventRegisterAnyArgs(w: XdrWriter, v: RemoteConnectSecretEventRegisterAnyArgsIn): void {
  w.int(v.eventID);
  writeRemoteSecret(w, v.secret);
}

/** struct remote_connect_secret_event_register_any_ret */
export interface RemoteConnectSecretEventRegisterAnyRet {
  callbackID: number;
}
export function readRemoteConnectSecretEventRegisterAnyRet(r: XdrReader): RemoteConnectSecretEventRegisterAnyRet {
  return {
    callbackID: r.int(),
  };
}
export function writeRemoteConnectSecretEventRegisterAnyRet(w: XdrWriter, v: RemoteConnectSecretEventRegisterAnyRet): void {
  w.int(v.callbackID);
}

/** struct remote_connect_secret_event_deregister_any_args */
export interface RemoteConnectSecretEventDeregisterAnyArgs {
  callbackID: number;
}
export function readRemoteConnectSecretEventDeregisterAnyArgs(r: XdrReader): RemoteConnectSecretEventDeregisterAnyArgs {
  return {
    callbackID: r.int(),
  };
}
export function writeRemoteConnectSecretEventDeregisterAnyArgs(w: XdrWriter, v: RemoteConnectSecretEventDeregisterAnyArgs): void {
  w.int(v.callbackID);
}

/** struct remote_secret_event_lifecycle_msg */
export interface RemoteSecretEventLifecycleMsg {
  callbackID: number;
  secret: RemoteNonnullSecret;
  event: number;
  detail: number;
}
export function readRemoteSecretEventLifecycleMsg(r: XdrReader): RemoteSecretEventLifecycleMsg {
  return {
    callbackID: r.int(),
    secret: readRemoteNonnullSecret(r),
    event: r.int(),
    detail: r.int(),
  };
}
export function writeRemoteSecretEventLifecycleMsg(w: XdrWriter, v: RemoteSecretEventLifecycleMsg): void {
  w.int(v.callbackID);
  writeRemoteNonnullSecret(w, v.secret);
  w.int(v.event);
  w.int(v.detail);
}

/** struct remote_secret_event_value_changed_msg */
export interface RemoteSecretEventValueChangedMsg {
  callbackID: number;
  secret: RemoteNonnullSecret;
}
export function readRemoteSecretEventValueChangedMsg(r: XdrReader): RemoteSecretEventValueChangedMsg {
  return {
    callbackID: r.int(),
    secret: readRemoteNonnullSecret(r),
  };
}
export function writeRemoteSecretEventValueChangedMsg(w: XdrWriter, v: RemoteSecretEventValueChangedMsg): void {
  w.int(v.callbackID);
  writeRemoteNonnullSecret(w, v.secret);
}

/** struct remote_domain_set_block_threshold_args */
export interface RemoteDomainSetBlockThresholdArgs {
  dom: RemoteNonnullDomain;
  dev: RemoteNonnullString;
  threshold: bigint;
  flags: number;
}
export interface RemoteDomainSetBlockThresholdArgsIn {
  dom: RemoteNonnullDomain;
  dev: RemoteNonnullString;
  threshold: bigint | number;
  flags: number;
}
export function readRemoteDomainSetBlockThresholdArgs(r: XdrReader): RemoteDomainSetBlockThresholdArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    dev: readRemoteNonnullString(r),
    threshold: r.uhyper(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainSetBlockThresholdArgs(w: XdrWriter, v: RemoteDomainSetBlockThresholdArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.dev);
  w.uhyper(v.threshold);
  w.uint(v.flags);
}

/** struct remote_domain_set_lifecycle_action_args */
export interface RemoteDomainSetLifecycleActionArgs {
  dom: RemoteNonnullDomain;
  type: number;
  action: number;
  flags: number;
}
export function readRemoteDomainSetLifecycleActionArgs(r: XdrReader): RemoteDomainSetLifecycleActionArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    type: r.uint(),
    action: r.uint(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainSetLifecycleActionArgs(w: XdrWriter, v: RemoteDomainSetLifecycleActionArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.type);
  w.uint(v.action);
  w.uint(v.flags);
}

/** struct remote_connect_compare_hypervisor_cpu_args */
export interface RemoteConnectCompareHypervisorCpuArgs {
  emulator: RemoteString;
  arch: RemoteString;
  machine: RemoteString;
  virttype: RemoteString;
  xmlCPU: RemoteNonnullString;
  flags: number;
}
export interface RemoteConnectCompareHypervisorCpuArgsIn {
  emulator: RemoteStringIn;
  arch: RemoteStringIn;
  machine: RemoteStringIn;
  virttype: RemoteStringIn;
  xmlCPU: RemoteNonnullString;
  flags: number;
}
export function readRemoteConnectCompareHypervisorCpuArgs(r: XdrReader): RemoteConnectCompareHypervisorCpuArgs {
  return {
    emulator: readRemoteString(r),
    arch: readRemoteString(r),
    machine: readRemoteString(r),
    virttype: readRemoteString(r),
    xmlCPU: readRemoteNonnullString(r),
    flags: r.uint(),
  };
}
export function writeRemoteConnectCompareHypervisorCpuArgs(w: XdrWriter, v: RemoteConnectCompareHypervisorCpuArgsIn): void {
  writeRemoteString(w, v.emulator);
  writeRemoteString(w, v.arch);
  writeRemoteString(w, v.machine);
  writeRemoteString(w, v.virttype);
  writeRemoteNonnullString(w, v.xmlCPU);
  w.uint(v.flags);
}

/** struct remote_connect_compare_hypervisor_cpu_ret */
export interface RemoteConnectCompareHypervisorCpuRet {
  result: number;
}
export function readRemoteConnectCompareHypervisorCpuRet(r: XdrReader): RemoteConnectCompareHypervisorCpuRet {
  return {
    result: r.int(),
  };
}
export function writeRemoteConnectCompareHypervisorCpuRet(w: XdrWriter, v: RemoteConnectCompareHypervisorCpuRet): void {
  w.int(v.result);
}

/** struct remote_connect_baseline_hypervisor_cpu_args */
export interface RemoteConnectBaselineHypervisorCpuArgs {
  emulator: RemoteString;
  arch: RemoteString;
  machine: RemoteString;
  virttype: RemoteString;
  xmlCPUs: RemoteNonnullString[];
  flags: number;
}
export interface RemoteConnectBaselineHypervisorCpuArgsIn {
  emulator: RemoteStringIn;
  arch: RemoteStringIn;
  machine: RemoteStringIn;
  virttype: RemoteStringIn;
  xmlCPUs: readonly RemoteNonnullString[];
  flags: number;
}
export function readRemoteConnectBaselineHypervisorCpuArgs(r: XdrReader): RemoteConnectBaselineHypervisorCpuArgs {
  return {
    emulator: readRemoteString(r),
    arch: readRemoteString(r),
    machine: readRemoteString(r),
    virttype: readRemoteString(r),
    xmlCPUs: r.array(readRemoteNonnullString, REMOTE_CPU_BASELINE_MAX),
    flags: r.uint(),
  };
}
export function writeRemoteConnectBaselineHypervisorCpuArgs(w: XdrWriter, v: RemoteConnectBaselineHypervisorCpuArgsIn): void {
  writeRemoteString(w, v.emulator);
  writeRemoteString(w, v.arch);
  writeRemoteString(w, v.machine);
  writeRemoteString(w, v.virttype);
  writeArray(w, v.xmlCPUs, REMOTE_CPU_BASELINE_MAX, writeRemoteNonnullString, 'remote_connect_baseline_hypervisor_cpu_args.xmlCPUs');
  w.uint(v.flags);
}

/** struct remote_connect_baseline_hypervisor_cpu_ret */
export interface RemoteConnectBaselineHypervisorCpuRet {
  cpu: RemoteNonnullString;
}
export function readRemoteConnectBaselineHypervisorCpuRet(r: XdrReader): RemoteConnectBaselineHypervisorCpuRet {
  return {
    cpu: readRemoteNonnullString(r),
  };
}
export function writeRemoteConnectBaselineHypervisorCpuRet(w: XdrWriter, v: RemoteConnectBaselineHypervisorCpuRet): void {
  writeRemoteNonnullString(w, v.cpu);
}

/** struct remote_node_get_sev_info_args */
export interface RemoteNodeGetSevInfoArgs {
  nparams: number;
  flags: number;
}
export function readRemoteNodeGetSevInfoArgs(r: XdrReader): RemoteNodeGetSevInfoArgs {
  return {
    nparams: r.int(),
    flags: r.uint(),
  };
}
export function writeRemoteNodeGetSevInfoArgs(w: XdrWriter, v: RemoteNodeGetSevInfoArgs): void {
  w.int(v.nparams);
  w.uint(v.flags);
}

/** struct remote_node_get_sev_info_ret */
export interface RemoteNodeGetSevInfoRet {
  params: RemoteTypedParam[];
  nparams: number;
}
export interface RemoteNodeGetSevInfoRetIn {
  params: readonly RemoteTypedParamIn[];
  nparams: number;
}
export function readRemoteNodeGetSevInfoRet(r: XdrReader): RemoteNodeGetSevInfoRet {
  return {
    params: r.array(readRemoteTypedParam, REMOTE_NODE_SEV_INFO_MAX),
    nparams: r.int(),
  };
}
export function writeRemoteNodeGetSevInfoRet(w: XdrWriter, v: RemoteNodeGetSevInfoRetIn): void {
  writeArray(w, v.params, REMOTE_NODE_SEV_INFO_MAX, writeRemoteTypedParam, 'remote_node_get_sev_info_ret.params');
  w.int(v.nparams);
}

/** struct remote_domain_get_launch_security_info_args */
export interface RemoteDomainGetLaunchSecurityInfoArgs {
  dom: RemoteNonnullDomain;
  flags: number;
}
export function readRemoteDomainGetLaunchSecurityInfoArgs(r: XdrReader): RemoteDomainGetLaunchSecurityInfoArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainGetLaunchSecurityInfoArgs(w: XdrWriter, v: RemoteDomainGetLaunchSecurityInfoArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.flags);
}

/** struct remote_domain_get_launch_security_info_ret */
export interface RemoteDomainGetLaunchSecurityInfoRet {
  params: RemoteTypedParam[];
}
export interface RemoteDomainGetLaunchSecurityInfoRetIn {
  params: readonly RemoteTypedParamIn[];
}
export function readRemoteDomainGetLaunchSecurityInfoRet(r: XdrReader): RemoteDomainGetLaunchSecurityInfoRet {
  return {
    params: r.array(readRemoteTypedParam, REMOTE_DOMAIN_LAUNCH_SECURITY_INFO_PARAMS_MAX),
  };
}
export function writeRemoteDomainGetLaunchSecurityInfoRet(w: XdrWriter, v: RemoteDomainGetLaunchSecurityInfoRetIn): void {
  writeArray(w, v.params, REMOTE_DOMAIN_LAUNCH_SECURITY_INFO_PARAMS_MAX, writeRemoteTypedParam, 'remote_domain_get_launch_security_info_ret.params');
}

/** struct remote_domain_set_launch_security_state_args */
export interface RemoteDomainSetLaunchSecurityStateArgs {
  dom: RemoteNonnullDomain;
  params: RemoteTypedParam[];
  flags: number;
}
export interface RemoteDomainSetLaunchSecurityStateArgsIn {
  dom: RemoteNonnullDomain;
  params: readonly RemoteTypedParamIn[];
  flags: number;
}
export function readRemoteDomainSetLaunchSecurityStateArgs(r: XdrReader): RemoteDomainSetLaunchSecurityStateArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    params: r.array(readRemoteTypedParam, REMOTE_DOMAIN_LAUNCH_SECURITY_STATE_PARAMS_MAX),
    flags: r.uint(),
  };
}
export function writeRemoteDomainSetLaunchSecurityStateArgs(w: XdrWriter, v: RemoteDomainSetLaunchSecurityStateArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeArray(w, v.params, REMOTE_DOMAIN_LAUNCH_SECURITY_STATE_PARAMS_MAX, writeRemoteTypedParam, 'remote_domain_set_launch_security_state_args.params');
  w.uint(v.flags);
}

/** struct remote_nwfilter_binding_lookup_by_port_dev_args */
export interface RemoteNwfilterBindingLookupByPortDevArgs {
  name: RemoteNonnullString;
}
export function readRemoteNwfilterBindingLookupByPortDevArgs(r: XdrReader): RemoteNwfilterBindingLookupByPortDevArgs {
  return {
    name: readRemoteNonnullString(r),
  };
}
export function writeRemoteNwfilterBindingLookupByPortDevArgs(w: XdrWriter, v: RemoteNwfilterBindingLookupByPortDevArgs): void {
  writeRemoteNonnullString(w, v.name);
}

/** struct remote_nwfilter_binding_lookup_by_port_dev_ret */
export interface RemoteNwfilterBindingLookupByPortDevRet {
  nwfilter: RemoteNonnullNwfilterBinding;
}
export function readRemoteNwfilterBindingLookupByPortDevRet(r: XdrReader): RemoteNwfilterBindingLookupByPortDevRet {
  return {
    nwfilter: readRemoteNonnullNwfilterBinding(r),
  };
}
export function writeRemoteNwfilterBindingLookupByPortDevRet(w: XdrWriter, v: RemoteNwfilterBindingLookupByPortDevRet): void {
  writeRemoteNonnullNwfilterBinding(w, v.nwfilter);
}

/** struct remote_nwfilter_binding_create_xml_args */
export interface RemoteNwfilterBindingCreateXmlArgs {
  xml: RemoteNonnullString;
  flags: number;
}
export function readRemoteNwfilterBindingCreateXmlArgs(r: XdrReader): RemoteNwfilterBindingCreateXmlArgs {
  return {
    xml: readRemoteNonnullString(r),
    flags: r.uint(),
  };
}
export function writeRemoteNwfilterBindingCreateXmlArgs(w: XdrWriter, v: RemoteNwfilterBindingCreateXmlArgs): void {
  writeRemoteNonnullString(w, v.xml);
  w.uint(v.flags);
}

/** struct remote_nwfilter_binding_create_xml_ret */
export interface RemoteNwfilterBindingCreateXmlRet {
  nwfilter: RemoteNonnullNwfilterBinding;
}
export function readRemoteNwfilterBindingCreateXmlRet(r: XdrReader): RemoteNwfilterBindingCreateXmlRet {
  return {
    nwfilter: readRemoteNonnullNwfilterBinding(r),
  };
}
export function writeRemoteNwfilterBindingCreateXmlRet(w: XdrWriter, v: RemoteNwfilterBindingCreateXmlRet): void {
  writeRemoteNonnullNwfilterBinding(w, v.nwfilter);
}

/** struct remote_nwfilter_binding_delete_args */
export interface RemoteNwfilterBindingDeleteArgs {
  nwfilter: RemoteNonnullNwfilterBinding;
}
export function readRemoteNwfilterBindingDeleteArgs(r: XdrReader): RemoteNwfilterBindingDeleteArgs {
  return {
    nwfilter: readRemoteNonnullNwfilterBinding(r),
  };
}
export function writeRemoteNwfilterBindingDeleteArgs(w: XdrWriter, v: RemoteNwfilterBindingDeleteArgs): void {
  writeRemoteNonnullNwfilterBinding(w, v.nwfilter);
}

/** struct remote_nwfilter_binding_get_xml_desc_args */
export interface RemoteNwfilterBindingGetXmlDescArgs {
  nwfilter: RemoteNonnullNwfilterBinding;
  flags: number;
}
export function readRemoteNwfilterBindingGetXmlDescArgs(r: XdrReader): RemoteNwfilterBindingGetXmlDescArgs {
  return {
    nwfilter: readRemoteNonnullNwfilterBinding(r),
    flags: r.uint(),
  };
}
export function writeRemoteNwfilterBindingGetXmlDescArgs(w: XdrWriter, v: RemoteNwfilterBindingGetXmlDescArgs): void {
  writeRemoteNonnullNwfilterBinding(w, v.nwfilter);
  w.uint(v.flags);
}

/** struct remote_nwfilter_binding_get_xml_desc_ret */
export interface RemoteNwfilterBindingGetXmlDescRet {
  xml: RemoteNonnullString;
}
export function readRemoteNwfilterBindingGetXmlDescRet(r: XdrReader): RemoteNwfilterBindingGetXmlDescRet {
  return {
    xml: readRemoteNonnullString(r),
  };
}
export function writeRemoteNwfilterBindingGetXmlDescRet(w: XdrWriter, v: RemoteNwfilterBindingGetXmlDescRet): void {
  writeRemoteNonnullString(w, v.xml);
}

/** struct remote_connect_list_all_nwfilter_bindings_args */
export interface RemoteConnectListAllNwfilterBindingsArgs {
  need_results: number;
  flags: number;
}
export function readRemoteConnectListAllNwfilterBindingsArgs(r: XdrReader): RemoteConnectListAllNwfilterBindingsArgs {
  return {
    need_results: r.int(),
    flags: r.uint(),
  };
}
export function writeRemoteConnectListAllNwfilterBindingsArgs(w: XdrWriter, v: RemoteConnectListAllNwfilterBindingsArgs): void {
  w.int(v.need_results);
  w.uint(v.flags);
}

/** struct remote_connect_list_all_nwfilter_bindings_ret */
export interface RemoteConnectListAllNwfilterBindingsRet {
  bindings: RemoteNonnullNwfilterBinding[];
  ret: number;
}
export interface RemoteConnectListAllNwfilterBindingsRetIn {
  bindings: readonly RemoteNonnullNwfilterBinding[];
  ret: number;
}
export function readRemoteConnectListAllNwfilterBindingsRet(r: XdrReader): RemoteConnectListAllNwfilterBindingsRet {
  return {
    bindings: r.array(readRemoteNonnullNwfilterBinding, REMOTE_NWFILTER_BINDING_LIST_MAX),
    ret: r.uint(),
  };
}
export function writeRemoteConnectListAllNwfilterBindingsRet(w: XdrWriter, v: RemoteConnectListAllNwfilterBindingsRetIn): void {
  writeArray(w, v.bindings, REMOTE_NWFILTER_BINDING_LIST_MAX, writeRemoteNonnullNwfilterBinding, 'remote_connect_list_all_nwfilter_bindings_ret.bindings');
  w.uint(v.ret);
}

/** struct remote_connect_get_storage_pool_capabilities_args */
export interface RemoteConnectGetStoragePoolCapabilitiesArgs {
  flags: number;
}
export function readRemoteConnectGetStoragePoolCapabilitiesArgs(r: XdrReader): RemoteConnectGetStoragePoolCapabilitiesArgs {
  return {
    flags: r.uint(),
  };
}
export function writeRemoteConnectGetStoragePoolCapabilitiesArgs(w: XdrWriter, v: RemoteConnectGetStoragePoolCapabilitiesArgs): void {
  w.uint(v.flags);
}

/** struct remote_connect_get_storage_pool_capabilities_ret */
export interface RemoteConnectGetStoragePoolCapabilitiesRet {
  capabilities: RemoteNonnullString;
}
export function readRemoteConnectGetStoragePoolCapabilitiesRet(r: XdrReader): RemoteConnectGetStoragePoolCapabilitiesRet {
  return {
    capabilities: readRemoteNonnullString(r),
  };
}
export function writeRemoteConnectGetStoragePoolCapabilitiesRet(w: XdrWriter, v: RemoteConnectGetStoragePoolCapabilitiesRet): void {
  writeRemoteNonnullString(w, v.capabilities);
}

/** struct remote_network_list_all_ports_args */
export interface RemoteNetworkListAllPortsArgs {
  network: RemoteNonnullNetwork;
  need_results: number;
  flags: number;
}
export function readRemoteNetworkListAllPortsArgs(r: XdrReader): RemoteNetworkListAllPortsArgs {
  return {
    network: readRemoteNonnullNetwork(r),
    need_results: r.int(),
    flags: r.uint(),
  };
}
export function writeRemoteNetworkListAllPortsArgs(w: XdrWriter, v: RemoteNetworkListAllPortsArgs): void {
  writeRemoteNonnullNetwork(w, v.network);
  w.int(v.need_results);
  w.uint(v.flags);
}

/** struct remote_network_list_all_ports_ret */
export interface RemoteNetworkListAllPortsRet {
  ports: RemoteNonnullNetworkPort[];
  ret: number;
}
export interface RemoteNetworkListAllPortsRetIn {
  ports: readonly RemoteNonnullNetworkPort[];
  ret: number;
}
export function readRemoteNetworkListAllPortsRet(r: XdrReader): RemoteNetworkListAllPortsRet {
  return {
    ports: r.array(readRemoteNonnullNetworkPort, REMOTE_NETWORK_PORT_LIST_MAX),
    ret: r.uint(),
  };
}
export function writeRemoteNetworkListAllPortsRet(w: XdrWriter, v: RemoteNetworkListAllPortsRetIn): void {
  writeArray(w, v.ports, REMOTE_NETWORK_PORT_LIST_MAX, writeRemoteNonnullNetworkPort, 'remote_network_list_all_ports_ret.ports');
  w.uint(v.ret);
}

/** struct remote_network_port_lookup_by_uuid_args */
export interface RemoteNetworkPortLookupByUuidArgs {
  network: RemoteNonnullNetwork;
  uuid: string;
}
export function readRemoteNetworkPortLookupByUuidArgs(r: XdrReader): RemoteNetworkPortLookupByUuidArgs {
  return {
    network: readRemoteNonnullNetwork(r),
    uuid: readUuidText(r),
  };
}
export function writeRemoteNetworkPortLookupByUuidArgs(w: XdrWriter, v: RemoteNetworkPortLookupByUuidArgs): void {
  writeRemoteNonnullNetwork(w, v.network);
  writeUuidText(w, v.uuid);
}

/** struct remote_network_port_lookup_by_uuid_ret */
export interface RemoteNetworkPortLookupByUuidRet {
  port: RemoteNonnullNetworkPort;
}
export function readRemoteNetworkPortLookupByUuidRet(r: XdrReader): RemoteNetworkPortLookupByUuidRet {
  return {
    port: readRemoteNonnullNetworkPort(r),
  };
}
export function writeRemoteNetworkPortLookupByUuidRet(w: XdrWriter, v: RemoteNetworkPortLookupByUuidRet): void {
  writeRemoteNonnullNetworkPort(w, v.port);
}

/** struct remote_network_port_create_xml_args */
export interface RemoteNetworkPortCreateXmlArgs {
  network: RemoteNonnullNetwork;
  xml: RemoteNonnullString;
  flags: number;
}
export function readRemoteNetworkPortCreateXmlArgs(r: XdrReader): RemoteNetworkPortCreateXmlArgs {
  return {
    network: readRemoteNonnullNetwork(r),
    xml: readRemoteNonnullString(r),
    flags: r.uint(),
  };
}
export function writeRemoteNetworkPortCreateXmlArgs(w: XdrWriter, v: RemoteNetworkPortCreateXmlArgs): void {
  writeRemoteNonnullNetwork(w, v.network);
  writeRemoteNonnullString(w, v.xml);
  w.uint(v.flags);
}

/** struct remote_network_port_create_xml_ret */
export interface RemoteNetworkPortCreateXmlRet {
  port: RemoteNonnullNetworkPort;
}
export function readRemoteNetworkPortCreateXmlRet(r: XdrReader): RemoteNetworkPortCreateXmlRet {
  return {
    port: readRemoteNonnullNetworkPort(r),
  };
}
export function writeRemoteNetworkPortCreateXmlRet(w: XdrWriter, v: RemoteNetworkPortCreateXmlRet): void {
  writeRemoteNonnullNetworkPort(w, v.port);
}

/** struct remote_network_port_set_parameters_args */
export interface RemoteNetworkPortSetParametersArgs {
  port: RemoteNonnullNetworkPort;
  params: RemoteTypedParam[];
  flags: number;
}
export interface RemoteNetworkPortSetParametersArgsIn {
  port: RemoteNonnullNetworkPort;
  params: readonly RemoteTypedParamIn[];
  flags: number;
}
export function readRemoteNetworkPortSetParametersArgs(r: XdrReader): RemoteNetworkPortSetParametersArgs {
  return {
    port: readRemoteNonnullNetworkPort(r),
    params: r.array(readRemoteTypedParam, REMOTE_NETWORK_PORT_PARAMETERS_MAX),
    flags: r.uint(),
  };
}
export function writeRemoteNetworkPortSetParametersArgs(w: XdrWriter, v: RemoteNetworkPortSetParametersArgsIn): void {
  writeRemoteNonnullNetworkPort(w, v.port);
  writeArray(w, v.params, REMOTE_NETWORK_PORT_PARAMETERS_MAX, writeRemoteTypedParam, 'remote_network_port_set_parameters_args.params');
  w.uint(v.flags);
}

/** struct remote_network_port_get_parameters_args */
export interface RemoteNetworkPortGetParametersArgs {
  port: RemoteNonnullNetworkPort;
  nparams: number;
  flags: number;
}
export function readRemoteNetworkPortGetParametersArgs(r: XdrReader): RemoteNetworkPortGetParametersArgs {
  return {
    port: readRemoteNonnullNetworkPort(r),
    nparams: r.int(),
    flags: r.uint(),
  };
}
export function writeRemoteNetworkPortGetParametersArgs(w: XdrWriter, v: RemoteNetworkPortGetParametersArgs): void {
  writeRemoteNonnullNetworkPort(w, v.port);
  w.int(v.nparams);
  w.uint(v.flags);
}

/** struct remote_network_port_get_parameters_ret */
export interface RemoteNetworkPortGetParametersRet {
  params: RemoteTypedParam[];
  nparams: number;
}
export interface RemoteNetworkPortGetParametersRetIn {
  params: readonly RemoteTypedParamIn[];
  nparams: number;
}
export function readRemoteNetworkPortGetParametersRet(r: XdrReader): RemoteNetworkPortGetParametersRet {
  return {
    params: r.array(readRemoteTypedParam, REMOTE_NETWORK_PORT_PARAMETERS_MAX),
    nparams: r.int(),
  };
}
export function writeRemoteNetworkPortGetParametersRet(w: XdrWriter, v: RemoteNetworkPortGetParametersRetIn): void {
  writeArray(w, v.params, REMOTE_NETWORK_PORT_PARAMETERS_MAX, writeRemoteTypedParam, 'remote_network_port_get_parameters_ret.params');
  w.int(v.nparams);
}

/** struct remote_network_port_get_xml_desc_args */
export interface RemoteNetworkPortGetXmlDescArgs {
  port: RemoteNonnullNetworkPort;
  flags: number;
}
export function readRemoteNetworkPortGetXmlDescArgs(r: XdrReader): RemoteNetworkPortGetXmlDescArgs {
  return {
    port: readRemoteNonnullNetworkPort(r),
    flags: r.uint(),
  };
}
export function writeRemoteNetworkPortGetXmlDescArgs(w: XdrWriter, v: RemoteNetworkPortGetXmlDescArgs): void {
  writeRemoteNonnullNetworkPort(w, v.port);
  w.uint(v.flags);
}

/** struct remote_network_port_get_xml_desc_ret */
export interface RemoteNetworkPortGetXmlDescRet {
  xml: RemoteNonnullString;
}
export function readRemoteNetworkPortGetXmlDescRet(r: XdrReader): RemoteNetworkPortGetXmlDescRet {
  return {
    xml: readRemoteNonnullString(r),
  };
}
export function writeRemoteNetworkPortGetXmlDescRet(w: XdrWriter, v: RemoteNetworkPortGetXmlDescRet): void {
  writeRemoteNonnullString(w, v.xml);
}

/** struct remote_network_port_delete_args */
export interface RemoteNetworkPortDeleteArgs {
  port: RemoteNonnullNetworkPort;
  flags: number;
}
export function readRemoteNetworkPortDeleteArgs(r: XdrReader): RemoteNetworkPortDeleteArgs {
  return {
    port: readRemoteNonnullNetworkPort(r),
    flags: r.uint(),
  };
}
export function writeRemoteNetworkPortDeleteArgs(w: XdrWriter, v: RemoteNetworkPortDeleteArgs): void {
  writeRemoteNonnullNetworkPort(w, v.port);
  w.uint(v.flags);
}

/** struct remote_domain_checkpoint_create_xml_args */
export interface RemoteDomainCheckpointCreateXmlArgs {
  dom: RemoteNonnullDomain;
  xml_desc: RemoteNonnullString;
  flags: number;
}
export function readRemoteDomainCheckpointCreateXmlArgs(r: XdrReader): RemoteDomainCheckpointCreateXmlArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    xml_desc: readRemoteNonnullString(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainCheckpointCreateXmlArgs(w: XdrWriter, v: RemoteDomainCheckpointCreateXmlArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.xml_desc);
  w.uint(v.flags);
}

/** struct remote_domain_checkpoint_create_xml_ret */
export interface RemoteDomainCheckpointCreateXmlRet {
  checkpoint: RemoteNonnullDomainCheckpoint;
}
export function readRemoteDomainCheckpointCreateXmlRet(r: XdrReader): RemoteDomainCheckpointCreateXmlRet {
  return {
    checkpoint: readRemoteNonnullDomainCheckpoint(r),
  };
}
export function writeRemoteDomainCheckpointCreateXmlRet(w: XdrWriter, v: RemoteDomainCheckpointCreateXmlRet): void {
  writeRemoteNonnullDomainCheckpoint(w, v.checkpoint);
}

/** struct remote_domain_checkpoint_get_xml_desc_args */
export interface RemoteDomainCheckpointGetXmlDescArgs {
  checkpoint: RemoteNonnullDomainCheckpoint;
  flags: number;
}
export function readRemoteDomainCheckpointGetXmlDescArgs(r: XdrReader): RemoteDomainCheckpointGetXmlDescArgs {
  return {
    checkpoint: readRemoteNonnullDomainCheckpoint(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainCheckpointGetXmlDescArgs(w: XdrWriter, v: RemoteDomainCheckpointGetXmlDescArgs): void {
  writeRemoteNonnullDomainCheckpoint(w, v.checkpoint);
  w.uint(v.flags);
}

/** struct remote_domain_checkpoint_get_xml_desc_ret */
export interface RemoteDomainCheckpointGetXmlDescRet {
  xml: RemoteNonnullString;
}
export function readRemoteDomainCheckpointGetXmlDescRet(r: XdrReader): RemoteDomainCheckpointGetXmlDescRet {
  return {
    xml: readRemoteNonnullString(r),
  };
}
export function writeRemoteDomainCheckpointGetXmlDescRet(w: XdrWriter, v: RemoteDomainCheckpointGetXmlDescRet): void {
  writeRemoteNonnullString(w, v.xml);
}

/** struct remote_domain_list_all_checkpoints_args */
export interface RemoteDomainListAllCheckpointsArgs {
  dom: RemoteNonnullDomain;
  need_results: number;
  flags: number;
}
export function readRemoteDomainListAllCheckpointsArgs(r: XdrReader): RemoteDomainListAllCheckpointsArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    need_results: r.int(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainListAllCheckpointsArgs(w: XdrWriter, v: RemoteDomainListAllCheckpointsArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.int(v.need_results);
  w.uint(v.flags);
}

/** struct remote_domain_list_all_checkpoints_ret */
export interface RemoteDomainListAllCheckpointsRet {
  checkpoints: RemoteNonnullDomainCheckpoint[];
  ret: number;
}
export interface RemoteDomainListAllCheckpointsRetIn {
  checkpoints: readonly RemoteNonnullDomainCheckpoint[];
  ret: number;
}
export function readRemoteDomainListAllCheckpointsRet(r: XdrReader): RemoteDomainListAllCheckpointsRet {
  return {
    checkpoints: r.array(readRemoteNonnullDomainCheckpoint, REMOTE_DOMAIN_CHECKPOINT_LIST_MAX),
    ret: r.int(),
  };
}
export function writeRemoteDomainListAllCheckpointsRet(w: XdrWriter, v: RemoteDomainListAllCheckpointsRetIn): void {
  writeArray(w, v.checkpoints, REMOTE_DOMAIN_CHECKPOINT_LIST_MAX, writeRemoteNonnullDomainCheckpoint, 'remote_domain_list_all_checkpoints_ret.checkpoints');
  w.int(v.ret);
}

/** struct remote_domain_checkpoint_list_all_children_args */
export interface RemoteDomainCheckpointListAllChildrenArgs {
  checkpoint: RemoteNonnullDomainCheckpoint;
  need_results: number;
  flags: number;
}
export function readRemoteDomainCheckpointListAllChildrenArgs(r: XdrReader): RemoteDomainCheckpointListAllChildrenArgs {
  return {
    checkpoint: readRemoteNonnullDomainCheckpoint(r),
    need_results: r.int(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainCheckpointListAllChildrenArgs(w: XdrWriter, v: RemoteDomainCheckpointListAllChildrenArgs): void {
  writeRemoteNonnullDomainCheckpoint(w, v.checkpoint);
  w.int(v.need_results);
  w.uint(v.flags);
}

/** struct remote_domain_checkpoint_list_all_children_ret */
export interface RemoteDomainCheckpointListAllChildrenRet {
  checkpoints: RemoteNonnullDomainCheckpoint[];
  ret: number;
}
export interface RemoteDomainCheckpointListAllChildrenRetIn {
  checkpoints: readonly RemoteNonnullDomainCheckpoint[];
  ret: number;
}
export function readRemoteDomainCheckpointListAllChildrenRet(r: XdrReader): RemoteDomainCheckpointListAllChildrenRet {
  return {
    checkpoints: r.array(readRemoteNonnullDomainCheckpoint, REMOTE_DOMAIN_CHECKPOINT_LIST_MAX),
    ret: r.int(),
  };
}
export function writeRemoteDomainCheckpointListAllChildrenRet(w: XdrWriter, v: RemoteDomainCheckpointListAllChildrenRetIn): void {
  writeArray(w, v.checkpoints, REMOTE_DOMAIN_CHECKPOINT_LIST_MAX, writeRemoteNonnullDomainCheckpoint, 'remote_domain_checkpoint_list_all_children_ret.checkpoints');
  w.int(v.ret);
}

/** struct remote_domain_checkpoint_lookup_by_name_args */
export interface RemoteDomainCheckpointLookupByNameArgs {
  dom: RemoteNonnullDomain;
  name: RemoteNonnullString;
  flags: number;
}
export function readRemoteDomainCheckpointLookupByNameArgs(r: XdrReader): RemoteDomainCheckpointLookupByNameArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    name: readRemoteNonnullString(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainCheckpointLookupByNameArgs(w: XdrWriter, v: RemoteDomainCheckpointLookupByNameArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.name);
  w.uint(v.flags);
}

/** struct remote_domain_checkpoint_lookup_by_name_ret */
export interface RemoteDomainCheckpointLookupByNameRet {
  checkpoint: RemoteNonnullDomainCheckpoint;
}
export function readRemoteDomainCheckpointLookupByNameRet(r: XdrReader): RemoteDomainCheckpointLookupByNameRet {
  return {
    checkpoint: readRemoteNonnullDomainCheckpoint(r),
  };
}
export function writeRemoteDomainCheckpointLookupByNameRet(w: XdrWriter, v: RemoteDomainCheckpointLookupByNameRet): void {
  writeRemoteNonnullDomainCheckpoint(w, v.checkpoint);
}

/** struct remote_domain_checkpoint_get_parent_args */
export interface RemoteDomainCheckpointGetParentArgs {
  checkpoint: RemoteNonnullDomainCheckpoint;
  flags: number;
}
export function readRemoteDomainCheckpointGetParentArgs(r: XdrReader): RemoteDomainCheckpointGetParentArgs {
  return {
    checkpoint: readRemoteNonnullDomainCheckpoint(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainCheckpointGetParentArgs(w: XdrWriter, v: RemoteDomainCheckpointGetParentArgs): void {
  writeRemoteNonnullDomainCheckpoint(w, v.checkpoint);
  w.uint(v.flags);
}

/** struct remote_domain_checkpoint_get_parent_ret */
export interface RemoteDomainCheckpointGetParentRet {
  parent: RemoteNonnullDomainCheckpoint;
}
export function readRemoteDomainCheckpointGetParentRet(r: XdrReader): RemoteDomainCheckpointGetParentRet {
  return {
    parent: readRemoteNonnullDomainCheckpoint(r),
  };
}
export function writeRemoteDomainCheckpointGetParentRet(w: XdrWriter, v: RemoteDomainCheckpointGetParentRet): void {
  writeRemoteNonnullDomainCheckpoint(w, v.parent);
}

/** struct remote_domain_checkpoint_delete_args */
export interface RemoteDomainCheckpointDeleteArgs {
  checkpoint: RemoteNonnullDomainCheckpoint;
  flags: number;
}
export function readRemoteDomainCheckpointDeleteArgs(r: XdrReader): RemoteDomainCheckpointDeleteArgs {
  return {
    checkpoint: readRemoteNonnullDomainCheckpoint(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainCheckpointDeleteArgs(w: XdrWriter, v: RemoteDomainCheckpointDeleteArgs): void {
  writeRemoteNonnullDomainCheckpoint(w, v.checkpoint);
  w.uint(v.flags);
}

/** struct remote_domain_get_guest_info_args */
export interface RemoteDomainGetGuestInfoArgs {
  dom: RemoteNonnullDomain;
  types: number;
  flags: number;
}
export function readRemoteDomainGetGuestInfoArgs(r: XdrReader): RemoteDomainGetGuestInfoArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    types: r.uint(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainGetGuestInfoArgs(w: XdrWriter, v: RemoteDomainGetGuestInfoArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.types);
  w.uint(v.flags);
}

/** struct remote_domain_get_guest_info_ret */
export interface RemoteDomainGetGuestInfoRet {
  params: RemoteTypedParam[];
}
export interface RemoteDomainGetGuestInfoRetIn {
  params: readonly RemoteTypedParamIn[];
}
export function readRemoteDomainGetGuestInfoRet(r: XdrReader): RemoteDomainGetGuestInfoRet {
  return {
    params: r.array(readRemoteTypedParam, REMOTE_DOMAIN_GUEST_INFO_PARAMS_MAX),
  };
}
export function writeRemoteDomainGetGuestInfoRet(w: XdrWriter, v: RemoteDomainGetGuestInfoRetIn): void {
  writeArray(w, v.params, REMOTE_DOMAIN_GUEST_INFO_PARAMS_MAX, writeRemoteTypedParam, 'remote_domain_get_guest_info_ret.params');
}

/** struct remote_connect_set_identity_args */
export interface RemoteConnectSetIdentityArgs {
  params: RemoteTypedParam[];
  flags: number;
}
export interface RemoteConnectSetIdentityArgsIn {
  params: readonly RemoteTypedParamIn[];
  flags: number;
}
export function readRemoteConnectSetIdentityArgs(r: XdrReader): RemoteConnectSetIdentityArgs {
  return {
    params: r.array(readRemoteTypedParam, REMOTE_CONNECT_IDENTITY_PARAMS_MAX),
    flags: r.uint(),
  };
}
export function writeRemoteConnectSetIdentityArgs(w: XdrWriter, v: RemoteConnectSetIdentityArgsIn): void {
  writeArray(w, v.params, REMOTE_CONNECT_IDENTITY_PARAMS_MAX, writeRemoteTypedParam, 'remote_connect_set_identity_args.params');
  w.uint(v.flags);
}

/** struct remote_domain_agent_set_response_timeout_args */
export interface RemoteDomainAgentSetResponseTimeoutArgs {
  dom: RemoteNonnullDomain;
  timeout: number;
  flags: number;
}
export function readRemoteDomainAgentSetResponseTimeoutArgs(r: XdrReader): RemoteDomainAgentSetResponseTimeoutArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    timeout: r.int(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainAgentSetResponseTimeoutArgs(w: XdrWriter, v: RemoteDomainAgentSetResponseTimeoutArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.int(v.timeout);
  w.uint(v.flags);
}

/** struct remote_domain_agent_set_response_timeout_ret */
export interface RemoteDomainAgentSetResponseTimeoutRet {
  result: number;
}
export function readRemoteDomainAgentSetResponseTimeoutRet(r: XdrReader): RemoteDomainAgentSetResponseTimeoutRet {
  return {
    result: r.int(),
  };
}
export function writeRemoteDomainAgentSetResponseTimeoutRet(w: XdrWriter, v: RemoteDomainAgentSetResponseTimeoutRet): void {
  w.int(v.result);
}

/** struct remote_domain_backup_begin_args */
export interface RemoteDomainBackupBeginArgs {
  dom: RemoteNonnullDomain;
  backup_xml: RemoteNonnullString;
  checkpoint_xml: RemoteString;
  flags: number;
}
export interface RemoteDomainBackupBeginArgsIn {
  dom: RemoteNonnullDomain;
  backup_xml: RemoteNonnullString;
  checkpoint_xml: RemoteStringIn;
  flags: number;
}
export function readRemoteDomainBackupBeginArgs(r: XdrReader): RemoteDomainBackupBeginArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    backup_xml: readRemoteNonnullString(r),
    checkpoint_xml: readRemoteString(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainBackupBeginArgs(w: XdrWriter, v: RemoteDomainBackupBeginArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.backup_xml);
  writeRemoteString(w, v.checkpoint_xml);
  w.uint(v.flags);
}

/** struct remote_domain_backup_get_xml_desc_args */
export interface RemoteDomainBackupGetXmlDescArgs {
  dom: RemoteNonnullDomain;
  flags: number;
}
export function readRemoteDomainBackupGetXmlDescArgs(r: XdrReader): RemoteDomainBackupGetXmlDescArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainBackupGetXmlDescArgs(w: XdrWriter, v: RemoteDomainBackupGetXmlDescArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.flags);
}

/** struct remote_domain_backup_get_xml_desc_ret */
export interface RemoteDomainBackupGetXmlDescRet {
  xml: RemoteNonnullString;
}
export function readRemoteDomainBackupGetXmlDescRet(r: XdrReader): RemoteDomainBackupGetXmlDescRet {
  return {
    xml: readRemoteNonnullString(r),
  };
}
export function writeRemoteDomainBackupGetXmlDescRet(w: XdrWriter, v: RemoteDomainBackupGetXmlDescRet): void {
  writeRemoteNonnullString(w, v.xml);
}

/** struct remote_domain_authorized_ssh_keys_get_args */
export interface RemoteDomainAuthorizedSshKeysGetArgs {
  dom: RemoteNonnullDomain;
  user: RemoteNonnullString;
  flags: number;
}
export function readRemoteDomainAuthorizedSshKeysGetArgs(r: XdrReader): RemoteDomainAuthorizedSshKeysGetArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    user: readRemoteNonnullString(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainAuthorizedSshKeysGetArgs(w: XdrWriter, v: RemoteDomainAuthorizedSshKeysGetArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.user);
  w.uint(v.flags);
}

/** struct remote_domain_authorized_ssh_keys_get_ret */
export interface RemoteDomainAuthorizedSshKeysGetRet {
  keys: RemoteNonnullString[];
}
export interface RemoteDomainAuthorizedSshKeysGetRetIn {
  keys: readonly RemoteNonnullString[];
}
export function readRemoteDomainAuthorizedSshKeysGetRet(r: XdrReader): RemoteDomainAuthorizedSshKeysGetRet {
  return {
    keys: r.array(readRemoteNonnullString, REMOTE_DOMAIN_AUTHORIZED_SSH_KEYS_MAX),
  };
}
export function writeRemoteDomainAuthorizedSshKeysGetRet(w: XdrWriter, v: RemoteDomainAuthorizedSshKeysGetRetIn): void {
  writeArray(w, v.keys, REMOTE_DOMAIN_AUTHORIZED_SSH_KEYS_MAX, writeRemoteNonnullString, 'remote_domain_authorized_ssh_keys_get_ret.keys');
}

/** struct remote_domain_authorized_ssh_keys_set_args */
export interface RemoteDomainAuthorizedSshKeysSetArgs {
  dom: RemoteNonnullDomain;
  user: RemoteNonnullString;
  keys: RemoteNonnullString[];
  flags: number;
}
export interface RemoteDomainAuthorizedSshKeysSetArgsIn {
  dom: RemoteNonnullDomain;
  user: RemoteNonnullString;
  keys: readonly RemoteNonnullString[];
  flags: number;
}
export function readRemoteDomainAuthorizedSshKeysSetArgs(r: XdrReader): RemoteDomainAuthorizedSshKeysSetArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    user: readRemoteNonnullString(r),
    keys: r.array(readRemoteNonnullString, REMOTE_DOMAIN_AUTHORIZED_SSH_KEYS_MAX),
    flags: r.uint(),
  };
}
export function writeRemoteDomainAuthorizedSshKeysSetArgs(w: XdrWriter, v: RemoteDomainAuthorizedSshKeysSetArgsIn): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.user);
  writeArray(w, v.keys, REMOTE_DOMAIN_AUTHORIZED_SSH_KEYS_MAX, writeRemoteNonnullString, 'remote_domain_authorized_ssh_keys_set_args.keys');
  w.uint(v.flags);
}

/** struct remote_domain_get_messages_args */
export interface RemoteDomainGetMessagesArgs {
  dom: RemoteNonnullDomain;
  flags: number;
}
export function readRemoteDomainGetMessagesArgs(r: XdrReader): RemoteDomainGetMessagesArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainGetMessagesArgs(w: XdrWriter, v: RemoteDomainGetMessagesArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.uint(v.flags);
}

/** struct remote_domain_get_messages_ret */
export interface RemoteDomainGetMessagesRet {
  msgs: RemoteNonnullString[];
}
export interface RemoteDomainGetMessagesRetIn {
  msgs: readonly RemoteNonnullString[];
}
export function readRemoteDomainGetMessagesRet(r: XdrReader): RemoteDomainGetMessagesRet {
  return {
    msgs: r.array(readRemoteNonnullString, REMOTE_DOMAIN_MESSAGES_MAX),
  };
}
export function writeRemoteDomainGetMessagesRet(w: XdrWriter, v: RemoteDomainGetMessagesRetIn): void {
  writeArray(w, v.msgs, REMOTE_DOMAIN_MESSAGES_MAX, writeRemoteNonnullString, 'remote_domain_get_messages_ret.msgs');
}

/** struct remote_domain_start_dirty_rate_calc_args */
export interface RemoteDomainStartDirtyRateCalcArgs {
  dom: RemoteNonnullDomain;
  seconds: number;
  flags: number;
}
export function readRemoteDomainStartDirtyRateCalcArgs(r: XdrReader): RemoteDomainStartDirtyRateCalcArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    seconds: r.int(),
    flags: r.uint(),
  };
}
export function writeRemoteDomainStartDirtyRateCalcArgs(w: XdrWriter, v: RemoteDomainStartDirtyRateCalcArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  w.int(v.seconds);
  w.uint(v.flags);
}

/** struct remote_domain_event_memory_device_size_change_msg */
export interface RemoteDomainEventMemoryDeviceSizeChangeMsg {
  callbackID: number;
  dom: RemoteNonnullDomain;
  alias: RemoteNonnullString;
  size: bigint;
}
export interface RemoteDomainEventMemoryDeviceSizeChangeMsgIn {
  callbackID: number;
  dom: RemoteNonnullDomain;
  alias: RemoteNonnullString;
  size: bigint | number;
}
export function readRemoteDomainEventMemoryDeviceSizeChangeMsg(r: XdrReader): RemoteDomainEventMemoryDeviceSizeChangeMsg {
  return {
    callbackID: r.int(),
    dom: readRemoteNonnullDomain(r),
    alias: readRemoteNonnullString(r),
    size: r.uhyper(),
  };
}
export function writeRemoteDomainEventMemoryDeviceSizeChangeMsg(w: XdrWriter, v: RemoteDomainEventMemoryDeviceSizeChangeMsgIn): void {
  w.int(v.callbackID);
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.alias);
  w.uhyper(v.size);
}

/** struct remote_domain_fd_associate_args */
export interface RemoteDomainFdAssociateArgs {
  dom: RemoteNonnullDomain;
  name: RemoteNonnullString;
  flags: number;
}
export function readRemoteDomainFdAssociateArgs(r: XdrReader): RemoteDomainFdAssociateArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    name: readRemoteNonnullString(r),
    flags: r.uint(),
  };
}
export function writeRemoteDomainFdAssociateArgs(w: XdrWriter, v: RemoteDomainFdAssociateArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.name);
  w.uint(v.flags);
}
export const REMOTE_PROGRAM = 0x20008086;
export const REMOTE_PROTOCOL_VERSION = 1;

/** enum remote_procedure */
export const RemoteProcedure = {
  REMOTE_PROC_CONNECT_OPEN: 1,
  REMOTE_PROC_CONNECT_CLOSE: 2,
  REMOTE_PROC_CONNECT_GET_TYPE: 3,
  REMOTE_PROC_CONNECT_GET_VERSION: 4,
  REMOTE_PROC_CONNECT_GET_MAX_VCPUS: 5,
  REMOTE_PROC_NODE_GET_INFO: 6,
  REMOTE_PROC_CONNECT_GET_CAPABILITIES: 7,
  REMOTE_PROC_DOMAIN_ATTACH_DEVICE: 8,
  REMOTE_PROC_DOMAIN_CREATE: 9,
  REMOTE_PROC_DOMAIN_CREATE_XML: 10,
  REMOTE_PROC_DOMAIN_DEFINE_XML: 11,
  REMOTE_PROC_DOMAIN_DESTROY: 12,
  REMOTE_PROC_DOMAIN_DETACH_DEVICE: 13,
  REMOTE_PROC_DOMAIN_GET_XML_DESC: 14,
  REMOTE_PROC_DOMAIN_GET_AUTOSTART: 15,
  REMOTE_PROC_DOMAIN_GET_INFO: 16,
  REMOTE_PROC_DOMAIN_GET_MAX_MEMORY: 17,
  REMOTE_PROC_DOMAIN_GET_MAX_VCPUS: 18,
  REMOTE_PROC_DOMAIN_GET_OS_TYPE: 19,
  REMOTE_PROC_DOMAIN_GET_VCPUS: 20,
  REMOTE_PROC_CONNECT_LIST_DEFINED_DOMAINS: 21,
  REMOTE_PROC_DOMAIN_LOOKUP_BY_ID: 22,
  REMOTE_PROC_DOMAIN_LOOKUP_BY_NAME: 23,
  REMOTE_PROC_DOMAIN_LOOKUP_BY_UUID: 24,
  REMOTE_PROC_CONNECT_NUM_OF_DEFINED_DOMAINS: 25,
  REMOTE_PROC_DOMAIN_PIN_VCPU: 26,
  REMOTE_PROC_DOMAIN_REBOOT: 27,
  REMOTE_PROC_DOMAIN_RESUME: 28,
  REMOTE_PROC_DOMAIN_SET_AUTOSTART: 29,
  REMOTE_PROC_DOMAIN_SET_MAX_MEMORY: 30,
  REMOTE_PROC_DOMAIN_SET_MEMORY: 31,
  REMOTE_PROC_DOMAIN_SET_VCPUS: 32,
  REMOTE_PROC_DOMAIN_SHUTDOWN: 33,
  REMOTE_PROC_DOMAIN_SUSPEND: 34,
  REMOTE_PROC_DOMAIN_UNDEFINE: 35,
  REMOTE_PROC_CONNECT_LIST_DEFINED_NETWORKS: 36,
  REMOTE_PROC_CONNECT_LIST_DOMAINS: 37,
  REMOTE_PROC_CONNECT_LIST_NETWORKS: 38,
  REMOTE_PROC_NETWORK_CREATE: 39,
  REMOTE_PROC_NETWORK_CREATE_XML: 40,
  REMOTE_PROC_NETWORK_DEFINE_XML: 41,
  REMOTE_PROC_NETWORK_DESTROY: 42,
  REMOTE_PROC_NETWORK_GET_XML_DESC: 43,
  REMOTE_PROC_NETWORK_GET_AUTOSTART: 44,
  REMOTE_PROC_NETWORK_GET_BRIDGE_NAME: 45,
  REMOTE_PROC_NETWORK_LOOKUP_BY_NAME: 46,
  REMOTE_PROC_NETWORK_LOOKUP_BY_UUID: 47,
  REMOTE_PROC_NETWORK_SET_AUTOSTART: 48,
  REMOTE_PROC_NETWORK_UNDEFINE: 49,
  REMOTE_PROC_CONNECT_NUM_OF_DEFINED_NETWORKS: 50,
  REMOTE_PROC_CONNECT_NUM_OF_DOMAINS: 51,
  REMOTE_PROC_CONNECT_NUM_OF_NETWORKS: 52,
  REMOTE_PROC_DOMAIN_CORE_DUMP: 53,
  REMOTE_PROC_DOMAIN_RESTORE: 54,
  REMOTE_PROC_DOMAIN_SAVE: 55,
  REMOTE_PROC_DOMAIN_GET_SCHEDULER_TYPE: 56,
  REMOTE_PROC_DOMAIN_GET_SCHEDULER_PARAMETERS: 57,
  REMOTE_PROC_DOMAIN_SET_SCHEDULER_PARAMETERS: 58,
  REMOTE_PROC_CONNECT_GET_HOSTNAME: 59,
  REMOTE_PROC_CONNECT_SUPPORTS_FEATURE: 60,
  REMOTE_PROC_DOMAIN_MIGRATE_PREPARE: 61,
  REMOTE_PROC_DOMAIN_MIGRATE_PERFORM: 62,
  REMOTE_PROC_DOMAIN_MIGRATE_FINISH: 63,
  REMOTE_PROC_DOMAIN_BLOCK_STATS: 64,
  REMOTE_PROC_DOMAIN_INTERFACE_STATS: 65,
  REMOTE_PROC_AUTH_LIST: 66,
  REMOTE_PROC_AUTH_SASL_INIT: 67,
  REMOTE_PROC_AUTH_SASL_START: 68,
  REMOTE_PROC_AUTH_SASL_STEP: 69,
  REMOTE_PROC_AUTH_POLKIT: 70,
  REMOTE_PROC_CONNECT_NUM_OF_STORAGE_POOLS: 71,
  REMOTE_PROC_CONNECT_LIST_STORAGE_POOLS: 72,
  REMOTE_PROC_CONNECT_NUM_OF_DEFINED_STORAGE_POOLS: 73,
  REMOTE_PROC_CONNECT_LIST_DEFINED_STORAGE_POOLS: 74,
  REMOTE_PROC_CONNECT_FIND_STORAGE_POOL_SOURCES: 75,
  REMOTE_PROC_STORAGE_POOL_CREATE_XML: 76,
  REMOTE_PROC_STORAGE_POOL_DEFINE_XML: 77,
  REMOTE_PROC_STORAGE_POOL_CREATE: 78,
  REMOTE_PROC_STORAGE_POOL_BUILD: 79,
  REMOTE_PROC_STORAGE_POOL_DESTROY: 80,
  REMOTE_PROC_STORAGE_POOL_DELETE: 81,
  REMOTE_PROC_STORAGE_POOL_UNDEFINE: 82,
  REMOTE_PROC_STORAGE_POOL_REFRESH: 83,
  REMOTE_PROC_STORAGE_POOL_LOOKUP_BY_NAME: 84,
  REMOTE_PROC_STORAGE_POOL_LOOKUP_BY_UUID: 85,
  REMOTE_PROC_STORAGE_POOL_LOOKUP_BY_VOLUME: 86,
  REMOTE_PROC_STORAGE_POOL_GET_INFO: 87,
  REMOTE_PROC_STORAGE_POOL_GET_XML_DESC: 88,
  REMOTE_PROC_STORAGE_POOL_GET_AUTOSTART: 89,
  REMOTE_PROC_STORAGE_POOL_SET_AUTOSTART: 90,
  REMOTE_PROC_STORAGE_POOL_NUM_OF_VOLUMES: 91,
  REMOTE_PROC_STORAGE_POOL_LIST_VOLUMES: 92,
  REMOTE_PROC_STORAGE_VOL_CREATE_XML: 93,
  REMOTE_PROC_STORAGE_VOL_DELETE: 94,
  REMOTE_PROC_STORAGE_VOL_LOOKUP_BY_NAME: 95,
  REMOTE_PROC_STORAGE_VOL_LOOKUP_BY_KEY: 96,
  REMOTE_PROC_STORAGE_VOL_LOOKUP_BY_PATH: 97,
  REMOTE_PROC_STORAGE_VOL_GET_INFO: 98,
  REMOTE_PROC_STORAGE_VOL_GET_XML_DESC: 99,
  REMOTE_PROC_STORAGE_VOL_GET_PATH: 100,
  REMOTE_PROC_NODE_GET_CELLS_FREE_MEMORY: 101,
  REMOTE_PROC_NODE_GET_FREE_MEMORY: 102,
  REMOTE_PROC_DOMAIN_BLOCK_PEEK: 103,
  REMOTE_PROC_DOMAIN_MEMORY_PEEK: 104,
  REMOTE_PROC_CONNECT_DOMAIN_EVENT_REGISTER: 105,
  REMOTE_PROC_CONNECT_DOMAIN_EVENT_DEREGISTER: 106,
  REMOTE_PROC_DOMAIN_EVENT_LIFECYCLE: 107,
  REMOTE_PROC_DOMAIN_MIGRATE_PREPARE2: 108,
  REMOTE_PROC_DOMAIN_MIGRATE_FINISH2: 109,
  REMOTE_PROC_CONNECT_GET_URI: 110,
  REMOTE_PROC_NODE_NUM_OF_DEVICES: 111,
  REMOTE_PROC_NODE_LIST_DEVICES: 112,
  REMOTE_PROC_NODE_DEVICE_LOOKUP_BY_NAME: 113,
  REMOTE_PROC_NODE_DEVICE_GET_XML_DESC: 114,
  REMOTE_PROC_NODE_DEVICE_GET_PARENT: 115,
  REMOTE_PROC_NODE_DEVICE_NUM_OF_CAPS: 116,
  REMOTE_PROC_NODE_DEVICE_LIST_CAPS: 117,
  REMOTE_PROC_NODE_DEVICE_DETTACH: 118,
  REMOTE_PROC_NODE_DEVICE_RE_ATTACH: 119,
  REMOTE_PROC_NODE_DEVICE_RESET: 120,
  REMOTE_PROC_DOMAIN_GET_SECURITY_LABEL: 121,
  REMOTE_PROC_NODE_GET_SECURITY_MODEL: 122,
  REMOTE_PROC_NODE_DEVICE_CREATE_XML: 123,
  REMOTE_PROC_NODE_DEVICE_DESTROY: 124,
  REMOTE_PROC_STORAGE_VOL_CREATE_XML_FROM: 125,
  REMOTE_PROC_CONNECT_NUM_OF_INTERFACES: 126,
  REMOTE_PROC_CONNECT_LIST_INTERFACES: 127,
  REMOTE_PROC_INTERFACE_LOOKUP_BY_NAME: 128,
  REMOTE_PROC_INTERFACE_LOOKUP_BY_MAC_STRING: 129,
  REMOTE_PROC_INTERFACE_GET_XML_DESC: 130,
  REMOTE_PROC_INTERFACE_DEFINE_XML: 131,
  REMOTE_PROC_INTERFACE_UNDEFINE: 132,
  REMOTE_PROC_INTERFACE_CREATE: 133,
  REMOTE_PROC_INTERFACE_DESTROY: 134,
  REMOTE_PROC_CONNECT_DOMAIN_XML_FROM_NATIVE: 135,
  REMOTE_PROC_CONNECT_DOMAIN_XML_TO_NATIVE: 136,
  REMOTE_PROC_CONNECT_NUM_OF_DEFINED_INTERFACES: 137,
  REMOTE_PROC_CONNECT_LIST_DEFINED_INTERFACES: 138,
  REMOTE_PROC_CONNECT_NUM_OF_SECRETS: 139,
  REMOTE_PROC_CONNECT_LIST_SECRETS: 140,
  REMOTE_PROC_SECRET_LOOKUP_BY_UUID: 141,
  REMOTE_PROC_SECRET_DEFINE_XML: 142,
  REMOTE_PROC_SECRET_GET_XML_DESC: 143,
  REMOTE_PROC_SECRET_SET_VALUE: 144,
  REMOTE_PROC_SECRET_GET_VALUE: 145,
  REMOTE_PROC_SECRET_UNDEFINE: 146,
  REMOTE_PROC_SECRET_LOOKUP_BY_USAGE: 147,
  REMOTE_PROC_DOMAIN_MIGRATE_PREPARE_TUNNEL: 148,
  REMOTE_PROC_CONNECT_IS_SECURE: 149,
  REMOTE_PROC_DOMAIN_IS_ACTIVE: 150,
  REMOTE_PROC_DOMAIN_IS_PERSISTENT: 151,
  REMOTE_PROC_NETWORK_IS_ACTIVE: 152,
  REMOTE_PROC_NETWORK_IS_PERSISTENT: 153,
  REMOTE_PROC_STORAGE_POOL_IS_ACTIVE: 154,
  REMOTE_PROC_STORAGE_POOL_IS_PERSISTENT: 155,
  REMOTE_PROC_INTERFACE_IS_ACTIVE: 156,
  REMOTE_PROC_CONNECT_GET_LIB_VERSION: 157,
  REMOTE_PROC_CONNECT_COMPARE_CPU: 158,
  REMOTE_PROC_DOMAIN_MEMORY_STATS: 159,
  REMOTE_PROC_DOMAIN_ATTACH_DEVICE_FLAGS: 160,
  REMOTE_PROC_DOMAIN_DETACH_DEVICE_FLAGS: 161,
  REMOTE_PROC_CONNECT_BASELINE_CPU: 162,
  REMOTE_PROC_DOMAIN_GET_JOB_INFO: 163,
  REMOTE_PROC_DOMAIN_ABORT_JOB: 164,
  REMOTE_PROC_STORAGE_VOL_WIPE: 165,
  REMOTE_PROC_DOMAIN_MIGRATE_SET_MAX_DOWNTIME: 166,
  REMOTE_PROC_CONNECT_DOMAIN_EVENT_REGISTER_ANY: 167,
  REMOTE_PROC_CONNECT_DOMAIN_EVENT_DEREGISTER_ANY: 168,
  REMOTE_PROC_DOMAIN_EVENT_REBOOT: 169,
  REMOTE_PROC_DOMAIN_EVENT_RTC_CHANGE: 170,
  REMOTE_PROC_DOMAIN_EVENT_WATCHDOG: 171,
  REMOTE_PROC_DOMAIN_EVENT_IO_ERROR: 172,
  REMOTE_PROC_DOMAIN_EVENT_GRAPHICS: 173,
  REMOTE_PROC_DOMAIN_UPDATE_DEVICE_FLAGS: 174,
  REMOTE_PROC_NWFILTER_LOOKUP_BY_NAME: 175,
  REMOTE_PROC_NWFILTER_LOOKUP_BY_UUID: 176,
  REMOTE_PROC_NWFILTER_GET_XML_DESC: 177,
  REMOTE_PROC_CONNECT_NUM_OF_NWFILTERS: 178,
  REMOTE_PROC_CONNECT_LIST_NWFILTERS: 179,
  REMOTE_PROC_NWFILTER_DEFINE_XML: 180,
  REMOTE_PROC_NWFILTER_UNDEFINE: 181,
  REMOTE_PROC_DOMAIN_MANAGED_SAVE: 182,
  REMOTE_PROC_DOMAIN_HAS_MANAGED_SAVE_IMAGE: 183,
  REMOTE_PROC_DOMAIN_MANAGED_SAVE_REMOVE: 184,
  REMOTE_PROC_DOMAIN_SNAPSHOT_CREATE_XML: 185,
  REMOTE_PROC_DOMAIN_SNAPSHOT_GET_XML_DESC: 186,
  REMOTE_PROC_DOMAIN_SNAPSHOT_NUM: 187,
  REMOTE_PROC_DOMAIN_SNAPSHOT_LIST_NAMES: 188,
  REMOTE_PROC_DOMAIN_SNAPSHOT_LOOKUP_BY_NAME: 189,
  REMOTE_PROC_DOMAIN_HAS_CURRENT_SNAPSHOT: 190,
  REMOTE_PROC_DOMAIN_SNAPSHOT_CURRENT: 191,
  REMOTE_PROC_DOMAIN_REVERT_TO_SNAPSHOT: 192,
  REMOTE_PROC_DOMAIN_SNAPSHOT_DELETE: 193,
  REMOTE_PROC_DOMAIN_GET_BLOCK_INFO: 194,
  REMOTE_PROC_DOMAIN_EVENT_IO_ERROR_REASON: 195,
  REMOTE_PROC_DOMAIN_CREATE_WITH_FLAGS: 196,
  REMOTE_PROC_DOMAIN_SET_MEMORY_PARAMETERS: 197,
  REMOTE_PROC_DOMAIN_GET_MEMORY_PARAMETERS: 198,
  REMOTE_PROC_DOMAIN_SET_VCPUS_FLAGS: 199,
  REMOTE_PROC_DOMAIN_GET_VCPUS_FLAGS: 200,
  REMOTE_PROC_DOMAIN_OPEN_CONSOLE: 201,
  REMOTE_PROC_DOMAIN_IS_UPDATED: 202,
  REMOTE_PROC_CONNECT_GET_SYSINFO: 203,
  REMOTE_PROC_DOMAIN_SET_MEMORY_FLAGS: 204,
  REMOTE_PROC_DOMAIN_SET_BLKIO_PARAMETERS: 205,
  REMOTE_PROC_DOMAIN_GET_BLKIO_PARAMETERS: 206,
  REMOTE_PROC_DOMAIN_MIGRATE_SET_MAX_SPEED: 207,
  REMOTE_PROC_STORAGE_VOL_UPLOAD: 208,
  REMOTE_PROC_STORAGE_VOL_DOWNLOAD: 209,
  REMOTE_PROC_DOMAIN_INJECT_NMI: 210,
  REMOTE_PROC_DOMAIN_SCREENSHOT: 211,
  REMOTE_PROC_DOMAIN_GET_STATE: 212,
  REMOTE_PROC_DOMAIN_MIGRATE_BEGIN3: 213,
  REMOTE_PROC_DOMAIN_MIGRATE_PREPARE3: 214,
  REMOTE_PROC_DOMAIN_MIGRATE_PREPARE_TUNNEL3: 215,
  REMOTE_PROC_DOMAIN_MIGRATE_PERFORM3: 216,
  REMOTE_PROC_DOMAIN_MIGRATE_FINISH3: 217,
  REMOTE_PROC_DOMAIN_MIGRATE_CONFIRM3: 218,
  REMOTE_PROC_DOMAIN_SET_SCHEDULER_PARAMETERS_FLAGS: 219,
  REMOTE_PROC_INTERFACE_CHANGE_BEGIN: 220,
  REMOTE_PROC_INTERFACE_CHANGE_COMMIT: 221,
  REMOTE_PROC_INTERFACE_CHANGE_ROLLBACK: 222,
  REMOTE_PROC_DOMAIN_GET_SCHEDULER_PARAMETERS_FLAGS: 223,
  REMOTE_PROC_DOMAIN_EVENT_CONTROL_ERROR: 224,
  REMOTE_PROC_DOMAIN_PIN_VCPU_FLAGS: 225,
  REMOTE_PROC_DOMAIN_SEND_KEY: 226,
  REMOTE_PROC_NODE_GET_CPU_STATS: 227,
  REMOTE_PROC_NODE_GET_MEMORY_STATS: 228,
  REMOTE_PROC_DOMAIN_GET_CONTROL_INFO: 229,
  REMOTE_PROC_DOMAIN_GET_VCPU_PIN_INFO: 230,
  REMOTE_PROC_DOMAIN_UNDEFINE_FLAGS: 231,
  REMOTE_PROC_DOMAIN_SAVE_FLAGS: 232,
  REMOTE_PROC_DOMAIN_RESTORE_FLAGS: 233,
  REMOTE_PROC_DOMAIN_DESTROY_FLAGS: 234,
  REMOTE_PROC_DOMAIN_SAVE_IMAGE_GET_XML_DESC: 235,
  REMOTE_PROC_DOMAIN_SAVE_IMAGE_DEFINE_XML: 236,
  REMOTE_PROC_DOMAIN_BLOCK_JOB_ABORT: 237,
  REMOTE_PROC_DOMAIN_GET_BLOCK_JOB_INFO: 238,
  REMOTE_PROC_DOMAIN_BLOCK_JOB_SET_SPEED: 239,
  REMOTE_PROC_DOMAIN_BLOCK_PULL: 240,
  REMOTE_PROC_DOMAIN_EVENT_BLOCK_JOB: 241,
  REMOTE_PROC_DOMAIN_MIGRATE_GET_MAX_SPEED: 242,
  REMOTE_PROC_DOMAIN_BLOCK_STATS_FLAGS: 243,
  REMOTE_PROC_DOMAIN_SNAPSHOT_GET_PARENT: 244,
  REMOTE_PROC_DOMAIN_RESET: 245,
  REMOTE_PROC_DOMAIN_SNAPSHOT_NUM_CHILDREN: 246,
  REMOTE_PROC_DOMAIN_SNAPSHOT_LIST_CHILDREN_NAMES: 247,
  REMOTE_PROC_DOMAIN_EVENT_DISK_CHANGE: 248,
  REMOTE_PROC_DOMAIN_OPEN_GRAPHICS: 249,
  REMOTE_PROC_NODE_SUSPEND_FOR_DURATION: 250,
  REMOTE_PROC_DOMAIN_BLOCK_RESIZE: 251,
  REMOTE_PROC_DOMAIN_SET_BLOCK_IO_TUNE: 252,
  REMOTE_PROC_DOMAIN_GET_BLOCK_IO_TUNE: 253,
  REMOTE_PROC_DOMAIN_SET_NUMA_PARAMETERS: 254,
  REMOTE_PROC_DOMAIN_GET_NUMA_PARAMETERS: 255,
  REMOTE_PROC_DOMAIN_SET_INTERFACE_PARAMETERS: 256,
  REMOTE_PROC_DOMAIN_GET_INTERFACE_PARAMETERS: 257,
  REMOTE_PROC_DOMAIN_SHUTDOWN_FLAGS: 258,
  REMOTE_PROC_STORAGE_VOL_WIPE_PATTERN: 259,
  REMOTE_PROC_STORAGE_VOL_RESIZE: 260,
  REMOTE_PROC_DOMAIN_PM_SUSPEND_FOR_DURATION: 261,
  REMOTE_PROC_DOMAIN_GET_CPU_STATS: 262,
  REMOTE_PROC_DOMAIN_GET_DISK_ERRORS: 263,
  REMOTE_PROC_DOMAIN_SET_METADATA: 264,
  REMOTE_PROC_DOMAIN_GET_METADATA: 265,
  REMOTE_PROC_DOMAIN_BLOCK_REBASE: 266,
  REMOTE_PROC_DOMAIN_PM_WAKEUP: 267,
  REMOTE_PROC_DOMAIN_EVENT_TRAY_CHANGE: 268,
  REMOTE_PROC_DOMAIN_EVENT_PMWAKEUP: 269,
  REMOTE_PROC_DOMAIN_EVENT_PMSUSPEND: 270,
  REMOTE_PROC_DOMAIN_SNAPSHOT_IS_CURRENT: 271,
  REMOTE_PROC_DOMAIN_SNAPSHOT_HAS_METADATA: 272,
  REMOTE_PROC_CONNECT_LIST_ALL_DOMAINS: 273,
  REMOTE_PROC_DOMAIN_LIST_ALL_SNAPSHOTS: 274,
  REMOTE_PROC_DOMAIN_SNAPSHOT_LIST_ALL_CHILDREN: 275,
  REMOTE_PROC_DOMAIN_EVENT_BALLOON_CHANGE: 276,
  REMOTE_PROC_DOMAIN_GET_HOSTNAME: 277,
  REMOTE_PROC_DOMAIN_GET_SECURITY_LABEL_LIST: 278,
  REMOTE_PROC_DOMAIN_PIN_EMULATOR: 279,
  REMOTE_PROC_DOMAIN_GET_EMULATOR_PIN_INFO: 280,
  REMOTE_PROC_CONNECT_LIST_ALL_STORAGE_POOLS: 281,
  REMOTE_PROC_STORAGE_POOL_LIST_ALL_VOLUMES: 282,
  REMOTE_PROC_CONNECT_LIST_ALL_NETWORKS: 283,
  REMOTE_PROC_CONNECT_LIST_ALL_INTERFACES: 284,
  REMOTE_PROC_CONNECT_LIST_ALL_NODE_DEVICES: 285,
  REMOTE_PROC_CONNECT_LIST_ALL_NWFILTERS: 286,
  REMOTE_PROC_CONNECT_LIST_ALL_SECRETS: 287,
  REMOTE_PROC_NODE_SET_MEMORY_PARAMETERS: 288,
  REMOTE_PROC_NODE_GET_MEMORY_PARAMETERS: 289,
  REMOTE_PROC_DOMAIN_BLOCK_COMMIT: 290,
  REMOTE_PROC_NETWORK_UPDATE: 291,
  REMOTE_PROC_DOMAIN_EVENT_PMSUSPEND_DISK: 292,
  REMOTE_PROC_NODE_GET_CPU_MAP: 293,
  REMOTE_PROC_DOMAIN_FSTRIM: 294,
  REMOTE_PROC_DOMAIN_SEND_PROCESS_SIGNAL: 295,
  REMOTE_PROC_DOMAIN_OPEN_CHANNEL: 296,
  REMOTE_PROC_NODE_DEVICE_LOOKUP_SCSI_HOST_BY_WWN: 297,
  REMOTE_PROC_DOMAIN_GET_JOB_STATS: 298,
  REMOTE_PROC_DOMAIN_MIGRATE_GET_COMPRESSION_CACHE: 299,
  REMOTE_PROC_DOMAIN_MIGRATE_SET_COMPRESSION_CACHE: 300,
  REMOTE_PROC_NODE_DEVICE_DETACH_FLAGS: 301,
  REMOTE_PROC_DOMAIN_MIGRATE_BEGIN3_PARAMS: 302,
  REMOTE_PROC_DOMAIN_MIGRATE_PREPARE3_PARAMS: 303,
  REMOTE_PROC_DOMAIN_MIGRATE_PREPARE_TUNNEL3_PARAMS: 304,
  REMOTE_PROC_DOMAIN_MIGRATE_PERFORM3_PARAMS: 305,
  REMOTE_PROC_DOMAIN_MIGRATE_FINISH3_PARAMS: 306,
  REMOTE_PROC_DOMAIN_MIGRATE_CONFIRM3_PARAMS: 307,
  REMOTE_PROC_DOMAIN_SET_MEMORY_STATS_PERIOD: 308,
  REMOTE_PROC_DOMAIN_CREATE_XML_WITH_FILES: 309,
  REMOTE_PROC_DOMAIN_CREATE_WITH_FILES: 310,
  REMOTE_PROC_DOMAIN_EVENT_DEVICE_REMOVED: 311,
  REMOTE_PROC_CONNECT_GET_CPU_MODEL_NAMES: 312,
  REMOTE_PROC_CONNECT_NETWORK_EVENT_REGISTER_ANY: 313,
  REMOTE_PROC_CONNECT_NETWORK_EVENT_DEREGISTER_ANY: 314,
  REMOTE_PROC_NETWORK_EVENT_LIFECYCLE: 315,
  REMOTE_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY: 316,
  REMOTE_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY: 317,
  REMOTE_PROC_DOMAIN_EVENT_CALLBACK_LIFECYCLE: 318,
  REMOTE_PROC_DOMAIN_EVENT_CALLBACK_REBOOT: 319,
  REMOTE_PROC_DOMAIN_EVENT_CALLBACK_RTC_CHANGE: 320,
  REMOTE_PROC_DOMAIN_EVENT_CALLBACK_WATCHDOG: 321,
  REMOTE_PROC_DOMAIN_EVENT_CALLBACK_IO_ERROR: 322,
  REMOTE_PROC_DOMAIN_EVENT_CALLBACK_GRAPHICS: 323,
  REMOTE_PROC_DOMAIN_EVENT_CALLBACK_IO_ERROR_REASON: 324,
  REMOTE_PROC_DOMAIN_EVENT_CALLBACK_CONTROL_ERROR: 325,
  REMOTE_PROC_DOMAIN_EVENT_CALLBACK_BLOCK_JOB: 326,
  REMOTE_PROC_DOMAIN_EVENT_CALLBACK_DISK_CHANGE: 327,
  REMOTE_PROC_DOMAIN_EVENT_CALLBACK_TRAY_CHANGE: 328,
  REMOTE_PROC_DOMAIN_EVENT_CALLBACK_PMWAKEUP: 329,
  REMOTE_PROC_DOMAIN_EVENT_CALLBACK_PMSUSPEND: 330,
  REMOTE_PROC_DOMAIN_EVENT_CALLBACK_BALLOON_CHANGE: 331,
  REMOTE_PROC_DOMAIN_EVENT_CALLBACK_PMSUSPEND_DISK: 332,
  REMOTE_PROC_DOMAIN_EVENT_CALLBACK_DEVICE_REMOVED: 333,
  REMOTE_PROC_DOMAIN_CORE_DUMP_WITH_FORMAT: 334,
  REMOTE_PROC_DOMAIN_FSFREEZE: 335,
  REMOTE_PROC_DOMAIN_FSTHAW: 336,
  REMOTE_PROC_DOMAIN_GET_TIME: 337,
  REMOTE_PROC_DOMAIN_SET_TIME: 338,
  REMOTE_PROC_DOMAIN_EVENT_BLOCK_JOB_2: 339,
  REMOTE_PROC_NODE_GET_FREE_PAGES: 340,
  REMOTE_PROC_NETWORK_GET_DHCP_LEASES: 341,
  REMOTE_PROC_CONNECT_GET_DOMAIN_CAPABILITIES: 342,
  REMOTE_PROC_DOMAIN_OPEN_GRAPHICS_FD: 343,
  REMOTE_PROC_CONNECT_GET_ALL_DOMAIN_STATS: 344,
  REMOTE_PROC_DOMAIN_BLOCK_COPY: 345,
  REMOTE_PROC_DOMAIN_EVENT_CALLBACK_TUNABLE: 346,
  REMOTE_PROC_NODE_ALLOC_PAGES: 347,
  REMOTE_PROC_DOMAIN_EVENT_CALLBACK_AGENT_LIFECYCLE: 348,
  REMOTE_PROC_DOMAIN_GET_FSINFO: 349,
  REMOTE_PROC_DOMAIN_DEFINE_XML_FLAGS: 350,
  REMOTE_PROC_DOMAIN_GET_IOTHREAD_INFO: 351,
  REMOTE_PROC_DOMAIN_PIN_IOTHREAD: 352,
  REMOTE_PROC_DOMAIN_INTERFACE_ADDRESSES: 353,
  REMOTE_PROC_DOMAIN_EVENT_CALLBACK_DEVICE_ADDED: 354,
  REMOTE_PROC_DOMAIN_ADD_IOTHREAD: 355,
  REMOTE_PROC_DOMAIN_DEL_IOTHREAD: 356,
  REMOTE_PROC_DOMAIN_SET_USER_PASSWORD: 357,
  REMOTE_PROC_DOMAIN_RENAME: 358,
  REMOTE_PROC_DOMAIN_EVENT_CALLBACK_MIGRATION_ITERATION: 359,
  REMOTE_PROC_CONNECT_REGISTER_CLOSE_CALLBACK: 360,
  REMOTE_PROC_CONNECT_UNREGISTER_CLOSE_CALLBACK: 361,
  REMOTE_PROC_CONNECT_EVENT_CONNECTION_CLOSED: 362,
  REMOTE_PROC_DOMAIN_EVENT_CALLBACK_JOB_COMPLETED: 363,
  REMOTE_PROC_DOMAIN_MIGRATE_START_POST_COPY: 364,
  REMOTE_PROC_DOMAIN_GET_PERF_EVENTS: 365,
  REMOTE_PROC_DOMAIN_SET_PERF_EVENTS: 366,
  REMOTE_PROC_DOMAIN_EVENT_CALLBACK_DEVICE_REMOVAL_FAILED: 367,
  REMOTE_PROC_CONNECT_STORAGE_POOL_EVENT_REGISTER_ANY: 368,
  REMOTE_PROC_CONNECT_STORAGE_POOL_EVENT_DEREGISTER_ANY: 369,
  REMOTE_PROC_STORAGE_POOL_EVENT_LIFECYCLE: 370,
  REMOTE_PROC_DOMAIN_GET_GUEST_VCPUS: 371,
  REMOTE_PROC_DOMAIN_SET_GUEST_VCPUS: 372,
  REMOTE_PROC_STORAGE_POOL_EVENT_REFRESH: 373,
  REMOTE_PROC_CONNECT_NODE_DEVICE_EVENT_REGISTER_ANY: 374,
  REMOTE_PROC_CONNECT_NODE_DEVICE_EVENT_DEREGISTER_ANY: 375,
  REMOTE_PROC_NODE_DEVICE_EVENT_LIFECYCLE: 376,
  REMOTE_PROC_NODE_DEVICE_EVENT_UPDATE: 377,
  REMOTE_PROC_STORAGE_VOL_GET_INFO_FLAGS: 378,
  REMOTE_PROC_DOMAIN_EVENT_CALLBACK_METADATA_CHANGE: 379,
  REMOTE_PROC_CONNECT_SECRET_EVENT_REGISTER_ANY: 380,
  REMOTE_PROC_CONNECT_SECRET_EVENT_DEREGISTER_ANY: 381,
  REMOTE_PROC_SECRET_EVENT_LIFECYCLE: 382,
  REMOTE_PROC_SECRET_EVENT_VALUE_CHANGED: 383,
  REMOTE_PROC_DOMAIN_SET_VCPU: 384,
  REMOTE_PROC_DOMAIN_EVENT_BLOCK_THRESHOLD: 385,
  REMOTE_PROC_DOMAIN_SET_BLOCK_THRESHOLD: 386,
  REMOTE_PROC_DOMAIN_MIGRATE_GET_MAX_DOWNTIME: 387,
  REMOTE_PROC_DOMAIN_MANAGED_SAVE_GET_XML_DESC: 388,
  REMOTE_PROC_DOMAIN_MANAGED_SAVE_DEFINE_XML: 389,
  REMOTE_PROC_DOMAIN_SET_LIFECYCLE_ACTION: 390,
  REMOTE_PROC_STORAGE_POOL_LOOKUP_BY_TARGET_PATH: 391,
  REMOTE_PROC_DOMAIN_DETACH_DEVICE_ALIAS: 392,
  REMOTE_PROC_CONNECT_COMPARE_HYPERVISOR_CPU: 393,
  REMOTE_PROC_CONNECT_BASELINE_HYPERVISOR_CPU: 394,
  REMOTE_PROC_NODE_GET_SEV_INFO: 395,
  REMOTE_PROC_DOMAIN_GET_LAUNCH_SECURITY_INFO: 396,
  REMOTE_PROC_NWFILTER_BINDING_LOOKUP_BY_PORT_DEV: 397,
  REMOTE_PROC_NWFILTER_BINDING_GET_XML_DESC: 398,
  REMOTE_PROC_NWFILTER_BINDING_CREATE_XML: 399,
  REMOTE_PROC_NWFILTER_BINDING_DELETE: 400,
  REMOTE_PROC_CONNECT_LIST_ALL_NWFILTER_BINDINGS: 401,
  REMOTE_PROC_DOMAIN_SET_IOTHREAD_PARAMS: 402,
  REMOTE_PROC_CONNECT_GET_STORAGE_POOL_CAPABILITIES: 403,
  REMOTE_PROC_NETWORK_LIST_ALL_PORTS: 404,
  REMOTE_PROC_NETWORK_PORT_LOOKUP_BY_UUID: 405,
  REMOTE_PROC_NETWORK_PORT_CREATE_XML: 406,
  REMOTE_PROC_NETWORK_PORT_GET_PARAMETERS: 407,
  REMOTE_PROC_NETWORK_PORT_SET_PARAMETERS: 408,
  REMOTE_PROC_NETWORK_PORT_GET_XML_DESC: 409,
  REMOTE_PROC_NETWORK_PORT_DELETE: 410,
  REMOTE_PROC_DOMAIN_CHECKPOINT_CREATE_XML: 411,
  REMOTE_PROC_DOMAIN_CHECKPOINT_GET_XML_DESC: 412,
  REMOTE_PROC_DOMAIN_LIST_ALL_CHECKPOINTS: 413,
  REMOTE_PROC_DOMAIN_CHECKPOINT_LIST_ALL_CHILDREN: 414,
  REMOTE_PROC_DOMAIN_CHECKPOINT_LOOKUP_BY_NAME: 415,
  REMOTE_PROC_DOMAIN_CHECKPOINT_GET_PARENT: 416,
  REMOTE_PROC_DOMAIN_CHECKPOINT_DELETE: 417,
  REMOTE_PROC_DOMAIN_GET_GUEST_INFO: 418,
  REMOTE_PROC_CONNECT_SET_IDENTITY: 419,
  REMOTE_PROC_DOMAIN_AGENT_SET_RESPONSE_TIMEOUT: 420,
  REMOTE_PROC_DOMAIN_BACKUP_BEGIN: 421,
  REMOTE_PROC_DOMAIN_BACKUP_GET_XML_DESC: 422,
  REMOTE_PROC_DOMAIN_EVENT_MEMORY_FAILURE: 423,
  REMOTE_PROC_DOMAIN_AUTHORIZED_SSH_KEYS_GET: 424,
  REMOTE_PROC_DOMAIN_AUTHORIZED_SSH_KEYS_SET: 425,
  REMOTE_PROC_DOMAIN_GET_MESSAGES: 426,
  REMOTE_PROC_DOMAIN_START_DIRTY_RATE_CALC: 427,
  REMOTE_PROC_NODE_DEVICE_DEFINE_XML: 428,
  REMOTE_PROC_NODE_DEVICE_UNDEFINE: 429,
  REMOTE_PROC_NODE_DEVICE_CREATE: 430,
  REMOTE_PROC_NWFILTER_DEFINE_XML_FLAGS: 431,
  REMOTE_PROC_NETWORK_DEFINE_XML_FLAGS: 432,
  REMOTE_PROC_NODE_DEVICE_GET_AUTOSTART: 433,
  REMOTE_PROC_NODE_DEVICE_SET_AUTOSTART: 434,
  REMOTE_PROC_NODE_DEVICE_IS_PERSISTENT: 435,
  REMOTE_PROC_NODE_DEVICE_IS_ACTIVE: 436,
  REMOTE_PROC_NETWORK_CREATE_XML_FLAGS: 437,
  REMOTE_PROC_DOMAIN_EVENT_MEMORY_DEVICE_SIZE_CHANGE: 438,
  REMOTE_PROC_DOMAIN_SET_LAUNCH_SECURITY_STATE: 439,
  REMOTE_PROC_DOMAIN_SAVE_PARAMS: 440,
  REMOTE_PROC_DOMAIN_RESTORE_PARAMS: 441,
  REMOTE_PROC_DOMAIN_ABORT_JOB_FLAGS: 442,
  REMOTE_PROC_DOMAIN_FD_ASSOCIATE: 443,
} as const;
export type RemoteProcedure = (typeof RemoteProcedure)[keyof typeof RemoteProcedure];

/** remote_procedure without the REMOTE_PROC_ prefix. */
export const RemoteProc = {
  CONNECT_OPEN: 1,
  CONNECT_CLOSE: 2,
  CONNECT_GET_TYPE: 3,
  CONNECT_GET_VERSION: 4,
  CONNECT_GET_MAX_VCPUS: 5,
  NODE_GET_INFO: 6,
  CONNECT_GET_CAPABILITIES: 7,
  DOMAIN_ATTACH_DEVICE: 8,
  DOMAIN_CREATE: 9,
  DOMAIN_CREATE_XML: 10,
  DOMAIN_DEFINE_XML: 11,
  DOMAIN_DESTROY: 12,
  DOMAIN_DETACH_DEVICE: 13,
  DOMAIN_GET_XML_DESC: 14,
  DOMAIN_GET_AUTOSTART: 15,
  DOMAIN_GET_INFO: 16,
  DOMAIN_GET_MAX_MEMORY: 17,
  DOMAIN_GET_MAX_VCPUS: 18,
  DOMAIN_GET_OS_TYPE: 19,
  DOMAIN_GET_VCPUS: 20,
  CONNECT_LIST_DEFINED_DOMAINS: 21,
  DOMAIN_LOOKUP_BY_ID: 22,
  DOMAIN_LOOKUP_BY_NAME: 23,
  DOMAIN_LOOKUP_BY_UUID: 24,
  CONNECT_NUM_OF_DEFINED_DOMAINS: 25,
  DOMAIN_PIN_VCPU: 26,
  DOMAIN_REBOOT: 27,
  DOMAIN_RESUME: 28,
  DOMAIN_SET_AUTOSTART: 29,
  DOMAIN_SET_MAX_MEMORY: 30,
  DOMAIN_SET_MEMORY: 31,
  DOMAIN_SET_VCPUS: 32,
  DOMAIN_SHUTDOWN: 33,
  DOMAIN_SUSPEND: 34,
  DOMAIN_UNDEFINE: 35,
  CONNECT_LIST_DEFINED_NETWORKS: 36,
  CONNECT_LIST_DOMAINS: 37,
  CONNECT_LIST_NETWORKS: 38,
  NETWORK_CREATE: 39,
  NETWORK_CREATE_XML: 40,
  NETWORK_DEFINE_XML: 41,
  NETWORK_DESTROY: 42,
  NETWORK_GET_XML_DESC: 43,
  NETWORK_GET_AUTOSTART: 44,
  NETWORK_GET_BRIDGE_NAME: 45,
  NETWORK_LOOKUP_BY_NAME: 46,
  NETWORK_LOOKUP_BY_UUID: 47,
  NETWORK_SET_AUTOSTART: 48,
  NETWORK_UNDEFINE: 49,
  CONNECT_NUM_OF_DEFINED_NETWORKS: 50,
  CONNECT_NUM_OF_DOMAINS: 51,
  CONNECT_NUM_OF_NETWORKS: 52,
  DOMAIN_CORE_DUMP: 53,
  DOMAIN_RESTORE: 54,
  DOMAIN_SAVE: 55,
  DOMAIN_GET_SCHEDULER_TYPE: 56,
  DOMAIN_GET_SCHEDULER_PARAMETERS: 57,
  DOMAIN_SET_SCHEDULER_PARAMETERS: 58,
  CONNECT_GET_HOSTNAME: 59,
  CONNECT_SUPPORTS_FEATURE: 60,
  DOMAIN_MIGRATE_PREPARE: 61,
  DOMAIN_MIGRATE_PERFORM: 62,
  DOMAIN_MIGRATE_FINISH: 63,
  DOMAIN_BLOCK_STATS: 64,
  DOMAIN_INTERFACE_STATS: 65,
  AUTH_LIST: 66,
  AUTH_SASL_INIT: 67,
  AUTH_SASL_START: 68,
  AUTH_SASL_STEP: 69,
  AUTH_POLKIT: 70,
  CONNECT_NUM_OF_STORAGE_POOLS: 71,
  CONNECT_LIST_STORAGE_POOLS: 72,
  CONNECT_NUM_OF_DEFINED_STORAGE_POOLS: 73,
  CONNECT_LIST_DEFINED_STORAGE_POOLS: 74,
  CONNECT_FIND_STORAGE_POOL_SOURCES: 75,
  STORAGE_POOL_CREATE_XML: 76,
  STORAGE_POOL_DEFINE_XML: 77,
  STORAGE_POOL_CREATE: 78,
  STORAGE_POOL_BUILD: 79,
  STORAGE_POOL_DESTROY: 80,
  STORAGE_POOL_DELETE: 81,
  STORAGE_POOL_UNDEFINE: 82,
  STORAGE_POOL_REFRESH: 83,
  STORAGE_POOL_LOOKUP_BY_NAME: 84,
  STORAGE_POOL_LOOKUP_BY_UUID: 85,
  STORAGE_POOL_LOOKUP_BY_VOLUME: 86,
  STORAGE_POOL_GET_INFO: 87,
  STORAGE_POOL_GET_XML_DESC: 88,
  STORAGE_POOL_GET_AUTOSTART: 89,
  STORAGE_POOL_SET_AUTOSTART: 90,
  STORAGE_POOL_NUM_OF_VOLUMES: 91,
  STORAGE_POOL_LIST_VOLUMES: 92,
  STORAGE_VOL_CREATE_XML: 93,
  STORAGE_VOL_DELETE: 94,
  STORAGE_VOL_LOOKUP_BY_NAME: 95,
  STORAGE_VOL_LOOKUP_BY_KEY: 96,
  STORAGE_VOL_LOOKUP_BY_PATH: 97,
  STORAGE_VOL_GET_INFO: 98,
  STORAGE_VOL_GET_XML_DESC: 99,
  STORAGE_VOL_GET_PATH: 100,
  NODE_GET_CELLS_FREE_MEMORY: 101,
  NODE_GET_FREE_MEMORY: 102,
  DOMAIN_BLOCK_PEEK: 103,
  DOMAIN_MEMORY_PEEK: 104,
  CONNECT_DOMAIN_EVENT_REGISTER: 105,
  CONNECT_DOMAIN_EVENT_DEREGISTER: 106,
  DOMAIN_EVENT_LIFECYCLE: 107,
  DOMAIN_MIGRATE_PREPARE2: 108,
  DOMAIN_MIGRATE_FINISH2: 109,
  CONNECT_GET_URI: 110,
  NODE_NUM_OF_DEVICES: 111,
  NODE_LIST_DEVICES: 112,
  NODE_DEVICE_LOOKUP_BY_NAME: 113,
  NODE_DEVICE_GET_XML_DESC: 114,
  NODE_DEVICE_GET_PARENT: 115,
  NODE_DEVICE_NUM_OF_CAPS: 116,
  NODE_DEVICE_LIST_CAPS: 117,
  NODE_DEVICE_DETTACH: 118,
  NODE_DEVICE_RE_ATTACH: 119,
  NODE_DEVICE_RESET: 120,
  DOMAIN_GET_SECURITY_LABEL: 121,
  NODE_GET_SECURITY_MODEL: 122,
  NODE_DEVICE_CREATE_XML: 123,
  NODE_DEVICE_DESTROY: 124,
  STORAGE_VOL_CREATE_XML_FROM: 125,
  CONNECT_NUM_OF_INTERFACES: 126,
  CONNECT_LIST_INTERFACES: 127,
  INTERFACE_LOOKUP_BY_NAME: 128,
  INTERFACE_LOOKUP_BY_MAC_STRING: 129,
  INTERFACE_GET_XML_DESC: 130,
  INTERFACE_DEFINE_XML: 131,
  INTERFACE_UNDEFINE: 132,
  INTERFACE_CREATE: 133,
  INTERFACE_DESTROY: 134,
  CONNECT_DOMAIN_XML_FROM_NATIVE: 135,
  CONNECT_DOMAIN_XML_TO_NATIVE: 136,
  CONNECT_NUM_OF_DEFINED_INTERFACES: 137,
  CONNECT_LIST_DEFINED_INTERFACES: 138,
  CONNECT_NUM_OF_SECRETS: 139,
  CONNECT_LIST_SECRETS: 140,
  SECRET_LOOKUP_BY_UUID: 141,
  SECRET_DEFINE_XML: 142,
  SECRET_GET_XML_DESC: 143,
  SECRET_SET_VALUE: 144,
  SECRET_GET_VALUE: 145,
  SECRET_UNDEFINE: 146,
  SECRET_LOOKUP_BY_USAGE: 147,
  DOMAIN_MIGRATE_PREPARE_TUNNEL: 148,
  CONNECT_IS_SECURE: 149,
  DOMAIN_IS_ACTIVE: 150,
  DOMAIN_IS_PERSISTENT: 151,
  NETWORK_IS_ACTIVE: 152,
  NETWORK_IS_PERSISTENT: 153,
  STORAGE_POOL_IS_ACTIVE: 154,
  STORAGE_POOL_IS_PERSISTENT: 155,
  INTERFACE_IS_ACTIVE: 156,
  CONNECT_GET_LIB_VERSION: 157,
  CONNECT_COMPARE_CPU: 158,
  DOMAIN_MEMORY_STATS: 159,
  DOMAIN_ATTACH_DEVICE_FLAGS: 160,
  DOMAIN_DETACH_DEVICE_FLAGS: 161,
  CONNECT_BASELINE_CPU: 162,
  DOMAIN_GET_JOB_INFO: 163,
  DOMAIN_ABORT_JOB: 164,
  STORAGE_VOL_WIPE: 165,
  DOMAIN_MIGRATE_SET_MAX_DOWNTIME: 166,
  CONNECT_DOMAIN_EVENT_REGISTER_ANY: 167,
  CONNECT_DOMAIN_EVENT_DEREGISTER_ANY: 168,
  DOMAIN_EVENT_REBOOT: 169,
  DOMAIN_EVENT_RTC_CHANGE: 170,
  DOMAIN_EVENT_WATCHDOG: 171,
  DOMAIN_EVENT_IO_ERROR: 172,
  DOMAIN_EVENT_GRAPHICS: 173,
  DOMAIN_UPDATE_DEVICE_FLAGS: 174,
  NWFILTER_LOOKUP_BY_NAME: 175,
  NWFILTER_LOOKUP_BY_UUID: 176,
  NWFILTER_GET_XML_DESC: 177,
  CONNECT_NUM_OF_NWFILTERS: 178,
  CONNECT_LIST_NWFILTERS: 179,
  NWFILTER_DEFINE_XML: 180,
  NWFILTER_UNDEFINE: 181,
  DOMAIN_MANAGED_SAVE: 182,
  DOMAIN_HAS_MANAGED_SAVE_IMAGE: 183,
  DOMAIN_MANAGED_SAVE_REMOVE: 184,
  DOMAIN_SNAPSHOT_CREATE_XML: 185,
  DOMAIN_SNAPSHOT_GET_XML_DESC: 186,
  DOMAIN_SNAPSHOT_NUM: 187,
  DOMAIN_SNAPSHOT_LIST_NAMES: 188,
  DOMAIN_SNAPSHOT_LOOKUP_BY_NAME: 189,
  DOMAIN_HAS_CURRENT_SNAPSHOT: 190,
  DOMAIN_SNAPSHOT_CURRENT: 191,
  DOMAIN_REVERT_TO_SNAPSHOT: 192,
  DOMAIN_SNAPSHOT_DELETE: 193,
  DOMAIN_GET_BLOCK_INFO: 194,
  DOMAIN_EVENT_IO_ERROR_REASON: 195,
  DOMAIN_CREATE_WITH_FLAGS: 196,
  DOMAIN_SET_MEMORY_PARAMETERS: 197,
  DOMAIN_GET_MEMORY_PARAMETERS: 198,
  DOMAIN_SET_VCPUS_FLAGS: 199,
  DOMAIN_GET_VCPUS_FLAGS: 200,
  DOMAIN_OPEN_CONSOLE: 201,
  DOMAIN_IS_UPDATED: 202,
  CONNECT_GET_SYSINFO: 203,
  DOMAIN_SET_MEMORY_FLAGS: 204,
  DOMAIN_SET_BLKIO_PARAMETERS: 205,
  DOMAIN_GET_BLKIO_PARAMETERS: 206,
  DOMAIN_MIGRATE_SET_MAX_SPEED: 207,
  STORAGE_VOL_UPLOAD: 208,
  STORAGE_VOL_DOWNLOAD: 209,
  DOMAIN_INJECT_NMI: 210,
  DOMAIN_SCREENSHOT: 211,
  DOMAIN_GET_STATE: 212,
  DOMAIN_MIGRATE_BEGIN3: 213,
  DOMAIN_MIGRATE_PREPARE3: 214,
  DOMAIN_MIGRATE_PREPARE_TUNNEL3: 215,
  DOMAIN_MIGRATE_PERFORM3: 216,
  DOMAIN_MIGRATE_FINISH3: 217,
  DOMAIN_MIGRATE_CONFIRM3: 218,
  DOMAIN_SET_SCHEDULER_PARAMETERS_FLAGS: 219,
  INTERFACE_CHANGE_BEGIN: 220,
  INTERFACE_CHANGE_COMMIT: 221,
  INTERFACE_CHANGE_ROLLBACK: 222,
  DOMAIN_GET_SCHEDULER_PARAMETERS_FLAGS: 223,
  DOMAIN_EVENT_CONTROL_ERROR: 224,
  DOMAIN_PIN_VCPU_FLAGS: 225,
  DOMAIN_SEND_KEY: 226,
  NODE_GET_CPU_STATS: 227,
  NODE_GET_MEMORY_STATS: 228,
  DOMAIN_GET_CONTROL_INFO: 229,
  DOMAIN_GET_VCPU_PIN_INFO: 230,
  DOMAIN_UNDEFINE_FLAGS: 231,
  DOMAIN_SAVE_FLAGS: 232,
  DOMAIN_RESTORE_FLAGS: 233,
  DOMAIN_DESTROY_FLAGS: 234,
  DOMAIN_SAVE_IMAGE_GET_XML_DESC: 235,
  DOMAIN_SAVE_IMAGE_DEFINE_XML: 236,
  DOMAIN_BLOCK_JOB_ABORT: 237,
  DOMAIN_GET_BLOCK_JOB_INFO: 238,
  DOMAIN_BLOCK_JOB_SET_SPEED: 239,
  DOMAIN_BLOCK_PULL: 240,
  DOMAIN_EVENT_BLOCK_JOB: 241,
  DOMAIN_MIGRATE_GET_MAX_SPEED: 242,
  DOMAIN_BLOCK_STATS_FLAGS: 243,
  DOMAIN_SNAPSHOT_GET_PARENT: 244,
  DOMAIN_RESET: 245,
  DOMAIN_SNAPSHOT_NUM_CHILDREN: 246,
  DOMAIN_SNAPSHOT_LIST_CHILDREN_NAMES: 247,
  DOMAIN_EVENT_DISK_CHANGE: 248,
  DOMAIN_OPEN_GRAPHICS: 249,
  NODE_SUSPEND_FOR_DURATION: 250,
  DOMAIN_BLOCK_RESIZE: 251,
  DOMAIN_SET_BLOCK_IO_TUNE: 252,
  DOMAIN_GET_BLOCK_IO_TUNE: 253,
  DOMAIN_SET_NUMA_PARAMETERS: 254,
  DOMAIN_GET_NUMA_PARAMETERS: 255,
  DOMAIN_SET_INTERFACE_PARAMETERS: 256,
  DOMAIN_GET_INTERFACE_PARAMETERS: 257,
  DOMAIN_SHUTDOWN_FLAGS: 258,
  STORAGE_VOL_WIPE_PATTERN: 259,
  STORAGE_VOL_RESIZE: 260,
  DOMAIN_PM_SUSPEND_FOR_DURATION: 261,
  DOMAIN_GET_CPU_STATS: 262,
  DOMAIN_GET_DISK_ERRORS: 263,
  DOMAIN_SET_METADATA: 264,
  DOMAIN_GET_METADATA: 265,
  DOMAIN_BLOCK_REBASE: 266,
  DOMAIN_PM_WAKEUP: 267,
  DOMAIN_EVENT_TRAY_CHANGE: 268,
  DOMAIN_EVENT_PMWAKEUP: 269,
  DOMAIN_EVENT_PMSUSPEND: 270,
  DOMAIN_SNAPSHOT_IS_CURRENT: 271,
  DOMAIN_SNAPSHOT_HAS_METADATA: 272,
  CONNECT_LIST_ALL_DOMAINS: 273,
  DOMAIN_LIST_ALL_SNAPSHOTS: 274,
  DOMAIN_SNAPSHOT_LIST_ALL_CHILDREN: 275,
  DOMAIN_EVENT_BALLOON_CHANGE: 276,
  DOMAIN_GET_HOSTNAME: 277,
  DOMAIN_GET_SECURITY_LABEL_LIST: 278,
  DOMAIN_PIN_EMULATOR: 279,
  DOMAIN_GET_EMULATOR_PIN_INFO: 280,
  CONNECT_LIST_ALL_STORAGE_POOLS: 281,
  STORAGE_POOL_LIST_ALL_VOLUMES: 282,
  CONNECT_LIST_ALL_NETWORKS: 283,
  CONNECT_LIST_ALL_INTERFACES: 284,
  CONNECT_LIST_ALL_NODE_DEVICES: 285,
  CONNECT_LIST_ALL_NWFILTERS: 286,
  CONNECT_LIST_ALL_SECRETS: 287,
  NODE_SET_MEMORY_PARAMETERS: 288,
  NODE_GET_MEMORY_PARAMETERS: 289,
  DOMAIN_BLOCK_COMMIT: 290,
  NETWORK_UPDATE: 291,
  DOMAIN_EVENT_PMSUSPEND_DISK: 292,
  NODE_GET_CPU_MAP: 293,
  DOMAIN_FSTRIM: 294,
  DOMAIN_SEND_PROCESS_SIGNAL: 295,
  DOMAIN_OPEN_CHANNEL: 296,
  NODE_DEVICE_LOOKUP_SCSI_HOST_BY_WWN: 297,
  DOMAIN_GET_JOB_STATS: 298,
  DOMAIN_MIGRATE_GET_COMPRESSION_CACHE: 299,
  DOMAIN_MIGRATE_SET_COMPRESSION_CACHE: 300,
  NODE_DEVICE_DETACH_FLAGS: 301,
  DOMAIN_MIGRATE_BEGIN3_PARAMS: 302,
  DOMAIN_MIGRATE_PREPARE3_PARAMS: 303,
  DOMAIN_MIGRATE_PREPARE_TUNNEL3_PARAMS: 304,
  DOMAIN_MIGRATE_PERFORM3_PARAMS: 305,
  DOMAIN_MIGRATE_FINISH3_PARAMS: 306,
  DOMAIN_MIGRATE_CONFIRM3_PARAMS: 307,
  DOMAIN_SET_MEMORY_STATS_PERIOD: 308,
  DOMAIN_CREATE_XML_WITH_FILES: 309,
  DOMAIN_CREATE_WITH_FILES: 310,
  DOMAIN_EVENT_DEVICE_REMOVED: 311,
  CONNECT_GET_CPU_MODEL_NAMES: 312,
  CONNECT_NETWORK_EVENT_REGISTER_ANY: 313,
  CONNECT_NETWORK_EVENT_DEREGISTER_ANY: 314,
  NETWORK_EVENT_LIFECYCLE: 315,
  CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY: 316,
  CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY: 317,
  DOMAIN_EVENT_CALLBACK_LIFECYCLE: 318,
  DOMAIN_EVENT_CALLBACK_REBOOT: 319,
  DOMAIN_EVENT_CALLBACK_RTC_CHANGE: 320,
  DOMAIN_EVENT_CALLBACK_WATCHDOG: 321,
  DOMAIN_EVENT_CALLBACK_IO_ERROR: 322,
  DOMAIN_EVENT_CALLBACK_GRAPHICS: 323,
  DOMAIN_EVENT_CALLBACK_IO_ERROR_REASON: 324,
  DOMAIN_EVENT_CALLBACK_CONTROL_ERROR: 325,
  DOMAIN_EVENT_CALLBACK_BLOCK_JOB: 326,
  DOMAIN_EVENT_CALLBACK_DISK_CHANGE: 327,
  DOMAIN_EVENT_CALLBACK_TRAY_CHANGE: 328,
  DOMAIN_EVENT_CALLBACK_PMWAKEUP: 329,
  DOMAIN_EVENT_CALLBACK_PMSUSPEND: 330,
  DOMAIN_EVENT_CALLBACK_BALLOON_CHANGE: 331,
  DOMAIN_EVENT_CALLBACK_PMSUSPEND_DISK: 332,
  DOMAIN_EVENT_CALLBACK_DEVICE_REMOVED: 333,
  DOMAIN_CORE_DUMP_WITH_FORMAT: 334,
  DOMAIN_FSFREEZE: 335,
  DOMAIN_FSTHAW: 336,
  DOMAIN_GET_TIME: 337,
  DOMAIN_SET_TIME: 338,
  DOMAIN_EVENT_BLOCK_JOB_2: 339,
  NODE_GET_FREE_PAGES: 340,
  NETWORK_GET_DHCP_LEASES: 341,
  CONNECT_GET_DOMAIN_CAPABILITIES: 342,
  DOMAIN_OPEN_GRAPHICS_FD: 343,
  CONNECT_GET_ALL_DOMAIN_STATS: 344,
  DOMAIN_BLOCK_COPY: 345,
  DOMAIN_EVENT_CALLBACK_TUNABLE: 346,
  NODE_ALLOC_PAGES: 347,
  DOMAIN_EVENT_CALLBACK_AGENT_LIFECYCLE: 348,
  DOMAIN_GET_FSINFO: 349,
  DOMAIN_DEFINE_XML_FLAGS: 350,
  DOMAIN_GET_IOTHREAD_INFO: 351,
  DOMAIN_PIN_IOTHREAD: 352,
  DOMAIN_INTERFACE_ADDRESSES: 353,
  DOMAIN_EVENT_CALLBACK_DEVICE_ADDED: 354,
  DOMAIN_ADD_IOTHREAD: 355,
  DOMAIN_DEL_IOTHREAD: 356,
  DOMAIN_SET_USER_PASSWORD: 357,
  DOMAIN_RENAME: 358,
  DOMAIN_EVENT_CALLBACK_MIGRATION_ITERATION: 359,
  CONNECT_REGISTER_CLOSE_CALLBACK: 360,
  CONNECT_UNREGISTER_CLOSE_CALLBACK: 361,
  CONNECT_EVENT_CONNECTION_CLOSED: 362,
  DOMAIN_EVENT_CALLBACK_JOB_COMPLETED: 363,
  DOMAIN_MIGRATE_START_POST_COPY: 364,
  DOMAIN_GET_PERF_EVENTS: 365,
  DOMAIN_SET_PERF_EVENTS: 366,
  DOMAIN_EVENT_CALLBACK_DEVICE_REMOVAL_FAILED: 367,
  CONNECT_STORAGE_POOL_EVENT_REGISTER_ANY: 368,
  CONNECT_STORAGE_POOL_EVENT_DEREGISTER_ANY: 369,
  STORAGE_POOL_EVENT_LIFECYCLE: 370,
  DOMAIN_GET_GUEST_VCPUS: 371,
  DOMAIN_SET_GUEST_VCPUS: 372,
  STORAGE_POOL_EVENT_REFRESH: 373,
  CONNECT_NODE_DEVICE_EVENT_REGISTER_ANY: 374,
  CONNECT_NODE_DEVICE_EVENT_DEREGISTER_ANY: 375,
  NODE_DEVICE_EVENT_LIFECYCLE: 376,
  NODE_DEVICE_EVENT_UPDATE: 377,
  STORAGE_VOL_GET_INFO_FLAGS: 378,
  DOMAIN_EVENT_CALLBACK_METADATA_CHANGE: 379,
  CONNECT_SECRET_EVENT_REGISTER_ANY: 380,
  CONNECT_SECRET_EVENT_DEREGISTER_ANY: 381,
  SECRET_EVENT_LIFECYCLE: 382,
  SECRET_EVENT_VALUE_CHANGED: 383,
  DOMAIN_SET_VCPU: 384,
  DOMAIN_EVENT_BLOCK_THRESHOLD: 385,
  DOMAIN_SET_BLOCK_THRESHOLD: 386,
  DOMAIN_MIGRATE_GET_MAX_DOWNTIME: 387,
  DOMAIN_MANAGED_SAVE_GET_XML_DESC: 388,
  DOMAIN_MANAGED_SAVE_DEFINE_XML: 389,
  DOMAIN_SET_LIFECYCLE_ACTION: 390,
  STORAGE_POOL_LOOKUP_BY_TARGET_PATH: 391,
  DOMAIN_DETACH_DEVICE_ALIAS: 392,
  CONNECT_COMPARE_HYPERVISOR_CPU: 393,
  CONNECT_BASELINE_HYPERVISOR_CPU: 394,
  NODE_GET_SEV_INFO: 395,
  DOMAIN_GET_LAUNCH_SECURITY_INFO: 396,
  NWFILTER_BINDING_LOOKUP_BY_PORT_DEV: 397,
  NWFILTER_BINDING_GET_XML_DESC: 398,
  NWFILTER_BINDING_CREATE_XML: 399,
  NWFILTER_BINDING_DELETE: 400,
  CONNECT_LIST_ALL_NWFILTER_BINDINGS: 401,
  DOMAIN_SET_IOTHREAD_PARAMS: 402,
  CONNECT_GET_STORAGE_POOL_CAPABILITIES: 403,
  NETWORK_LIST_ALL_PORTS: 404,
  NETWORK_PORT_LOOKUP_BY_UUID: 405,
  NETWORK_PORT_CREATE_XML: 406,
  NETWORK_PORT_GET_PARAMETERS: 407,
  NETWORK_PORT_SET_PARAMETERS: 408,
  NETWORK_PORT_GET_XML_DESC: 409,
  NETWORK_PORT_DELETE: 410,
  DOMAIN_CHECKPOINT_CREATE_XML: 411,
  DOMAIN_CHECKPOINT_GET_XML_DESC: 412,
  DOMAIN_LIST_ALL_CHECKPOINTS: 413,
  DOMAIN_CHECKPOINT_LIST_ALL_CHILDREN: 414,
  DOMAIN_CHECKPOINT_LOOKUP_BY_NAME: 415,
  DOMAIN_CHECKPOINT_GET_PARENT: 416,
  DOMAIN_CHECKPOINT_DELETE: 417,
  DOMAIN_GET_GUEST_INFO: 418,
  CONNECT_SET_IDENTITY: 419,
  DOMAIN_AGENT_SET_RESPONSE_TIMEOUT: 420,
  DOMAIN_BACKUP_BEGIN: 421,
  DOMAIN_BACKUP_GET_XML_DESC: 422,
  DOMAIN_EVENT_MEMORY_FAILURE: 423,
  DOMAIN_AUTHORIZED_SSH_KEYS_GET: 424,
  DOMAIN_AUTHORIZED_SSH_KEYS_SET: 425,
  DOMAIN_GET_MESSAGES: 426,
  DOMAIN_START_DIRTY_RATE_CALC: 427,
  NODE_DEVICE_DEFINE_XML: 428,
  NODE_DEVICE_UNDEFINE: 429,
  NODE_DEVICE_CREATE: 430,
  NWFILTER_DEFINE_XML_FLAGS: 431,
  NETWORK_DEFINE_XML_FLAGS: 432,
  NODE_DEVICE_GET_AUTOSTART: 433,
  NODE_DEVICE_SET_AUTOSTART: 434,
  NODE_DEVICE_IS_PERSISTENT: 435,
  NODE_DEVICE_IS_ACTIVE: 436,
  NETWORK_CREATE_XML_FLAGS: 437,
  DOMAIN_EVENT_MEMORY_DEVICE_SIZE_CHANGE: 438,
  DOMAIN_SET_LAUNCH_SECURITY_STATE: 439,
  DOMAIN_SAVE_PARAMS: 440,
  DOMAIN_RESTORE_PARAMS: 441,
  DOMAIN_ABORT_JOB_FLAGS: 442,
  DOMAIN_FD_ASSOCIATE: 443,
} as const;

// remote_procedure: each procedure's number, the codecs of its args, reply and event message, and whether it opens a stream.
export const CONNECT_OPEN = { proc: 1, args: { read: readRemoteConnectOpenArgs, write: writeRemoteConnectOpenArgs }, ret: null, msg: null, stream: 'read' } as const;
export const CONNECT_CLOSE = { proc: 2, args: null, ret: null, msg: null, stream: null } as const;
export const CONNECT_GET_TYPE = { proc: 3, args: null, ret: { read: readRemoteConnectGetTypeRet, write: writeRemoteConnectGetTypeRet }, msg: null, stream: null } as const;
export const CONNECT_GET_VERSION = { proc: 4, args: null, ret: { read: readRemoteConnectGetVersionRet, write: writeRemoteConnectGetVersionRet }, msg: null, stream: null } as const;
export const CONNECT_GET_MAX_VCPUS = { proc: 5, args: { read: readRemoteConnectGetMaxVcpusArgs, write: writeRemoteConnectGetMaxVcpusArgs }, ret: { read: readRemoteConnectGetMaxVcpusRet, write: writeRemoteConnectGetMaxVcpusRet }, msg: null, stream: null } as const;
export const NODE_GET_INFO = { proc: 6, args: null, ret: { read: readRemoteNodeGetInfoRet, write: writeRemoteNodeGetInfoRet }, msg: null, stream: null } as const;
export const CONNECT_GET_CAPABILITIES = { proc: 7, args: null, ret: { read: readRemoteConnectGetCapabilitiesRet, write: writeRemoteConnectGetCapabilitiesRet }, msg: null, stream: null } as const;
export const DOMAIN_ATTACH_DEVICE = { proc: 8, args: { read: readRemoteDomainAttachDeviceArgs, write: writeRemoteDomainAttachDeviceArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_CREATE = { proc: 9, args: { read: readRemoteDomainCreateArgs, write: writeRemoteDomainCreateArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_CREATE_XML = { proc: 10, args: { read: readRemoteDomainCreateXmlArgs, write: writeRemoteDomainCreateXmlArgs }, ret: { read: readRemoteDomainCreateXmlRet, write: writeRemoteDomainCreateXmlRet }, msg: null, stream: null } as const;
export const DOMAIN_DEFINE_XML = { proc: 11, args: { read: readRemoteDomainDefineXmlArgs, write: writeRemoteDomainDefineXmlArgs }, ret: { read: readRemoteDomainDefineXmlRet, write: writeRemoteDomainDefineXmlRet }, msg: null, stream: null } as const;
export const DOMAIN_DESTROY = { proc: 12, args: { read: readRemoteDomainDestroyArgs, write: writeRemoteDomainDestroyArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_DETACH_DEVICE = { proc: 13, args: { read: readRemoteDomainDetachDeviceArgs, write: writeRemoteDomainDetachDeviceArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_GET_XML_DESC = { proc: 14, args: { read: readRemoteDomainGetXmlDescArgs, write: writeRemoteDomainGetXmlDescArgs }, ret: { read: readRemoteDomainGetXmlDescRet, write: writeRemoteDomainGetXmlDescRet }, msg: null, stream: null } as const;
export const DOMAIN_GET_AUTOSTART = { proc: 15, args: { read: readRemoteDomainGetAutostartArgs, write: writeRemoteDomainGetAutostartArgs }, ret: { read: readRemoteDomainGetAutostartRet, write: writeRemoteDomainGetAutostartRet }, msg: null, stream: null } as const;
export const DOMAIN_GET_INFO = { proc: 16, args: { read: readRemoteDomainGetInfoArgs, write: writeRemoteDomainGetInfoArgs }, ret: { read: readRemoteDomainGetInfoRet, write: writeRemoteDomainGetInfoRet }, msg: null, stream: null } as const;
export const DOMAIN_GET_MAX_MEMORY = { proc: 17, args: { read: readRemoteDomainGetMaxMemoryArgs, write: writeRemoteDomainGetMaxMemoryArgs }, ret: { read: readRemoteDomainGetMaxMemoryRet, write: writeRemoteDomainGetMaxMemoryRet }, msg: null, stream: null } as const;
export const DOMAIN_GET_MAX_VCPUS = { proc: 18, args: { read: readRemoteDomainGetMaxVcpusArgs, write: writeRemoteDomainGetMaxVcpusArgs }, ret: { read: readRemoteDomainGetMaxVcpusRet, write: writeRemoteDomainGetMaxVcpusRet }, msg: null, stream: null } as const;
export const DOMAIN_GET_OS_TYPE = { proc: 19, args: { read: readRemoteDomainGetOsTypeArgs, write: writeRemoteDomainGetOsTypeArgs }, ret: { read: readRemoteDomainGetOsTypeRet, write: writeRemoteDomainGetOsTypeRet }, msg: null, stream: null } as const;
export const DOMAIN_GET_VCPUS = { proc: 20, args: { read: readRemoteDomainGetVcpusArgs, write: writeRemoteDomainGetVcpusArgs }, ret: { read: readRemoteDomainGetVcpusRet, write: writeRemoteDomainGetVcpusRet }, msg: null, stream: null } as const;
export const CONNECT_LIST_DEFINED_DOMAINS = { proc: 21, args: { read: readRemoteConnectListDefinedDomainsArgs, write: writeRemoteConnectListDefinedDomainsArgs }, ret: { read: readRemoteConnectListDefinedDomainsRet, write: writeRemoteConnectListDefinedDomainsRet }, msg: null, stream: null } as const;
export const DOMAIN_LOOKUP_BY_ID = { proc: 22, args: { read: readRemoteDomainLookupByIdArgs, write: writeRemoteDomainLookupByIdArgs }, ret: { read: readRemoteDomainLookupByIdRet, write: writeRemoteDomainLookupByIdRet }, msg: null, stream: null } as const;
export const DOMAIN_LOOKUP_BY_NAME = { proc: 23, args: { read: readRemoteDomainLookupByNameArgs, write: writeRemoteDomainLookupByNameArgs }, ret: { read: readRemoteDomainLookupByNameRet, write: writeRemoteDomainLookupByNameRet }, msg: null, stream: null } as const;
export const DOMAIN_LOOKUP_BY_UUID = { proc: 24, args: { read: readRemoteDomainLookupByUuidArgs, write: writeRemoteDomainLookupByUuidArgs }, ret: { read: readRemoteDomainLookupByUuidRet, write: writeRemoteDomainLookupByUuidRet }, msg: null, stream: null } as const;
export const CONNECT_NUM_OF_DEFINED_DOMAINS = { proc: 25, args: null, ret: { read: readRemoteConnectNumOfDefinedDomainsRet, write: writeRemoteConnectNumOfDefinedDomainsRet }, msg: null, stream: null } as const;
export const DOMAIN_PIN_VCPU = { proc: 26, args: { read: readRemoteDomainPinVcpuArgs, write: writeRemoteDomainPinVcpuArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_REBOOT = { proc: 27, args: { read: readRemoteDomainRebootArgs, write: writeRemoteDomainRebootArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_RESUME = { proc: 28, args: { read: readRemoteDomainResumeArgs, write: writeRemoteDomainResumeArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_SET_AUTOSTART = { proc: 29, args: { read: readRemoteDomainSetAutostartArgs, write: writeRemoteDomainSetAutostartArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_SET_MAX_MEMORY = { proc: 30, args: { read: readRemoteDomainSetMaxMemoryArgs, write: writeRemoteDomainSetMaxMemoryArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_SET_MEMORY = { proc: 31, args: { read: readRemoteDomainSetMemoryArgs, write: writeRemoteDomainSetMemoryArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_SET_VCPUS = { proc: 32, args: { read: readRemoteDomainSetVcpusArgs, write: writeRemoteDomainSetVcpusArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_SHUTDOWN = { proc: 33, args: { read: readRemoteDomainShutdownArgs, write: writeRemoteDomainShutdownArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_SUSPEND = { proc: 34, args: { read: readRemoteDomainSuspendArgs, write: writeRemoteDomainSuspendArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_UNDEFINE = { proc: 35, args: { read: readRemoteDomainUndefineArgs, write: writeRemoteDomainUndefineArgs }, ret: null, msg: null, stream: null } as const;
export const CONNECT_LIST_DEFINED_NETWORKS = { proc: 36, args: { read: readRemoteConnectListDefinedNetworksArgs, write: writeRemoteConnectListDefinedNetworksArgs }, ret: { read: readRemoteConnectListDefinedNetworksRet, write: writeRemoteConnectListDefinedNetworksRet }, msg: null, stream: null } as const;
export const CONNECT_LIST_DOMAINS = { proc: 37, args: { read: readRemoteConnectListDomainsArgs, write: writeRemoteConnectListDomainsArgs }, ret: { read: readRemoteConnectListDomainsRet, write: writeRemoteConnectListDomainsRet }, msg: null, stream: null } as const;
export const CONNECT_LIST_NETWORKS = { proc: 38, args: { read: readRemoteConnectListNetworksArgs, write: writeRemoteConnectListNetworksArgs }, ret: { read: readRemoteConnectListNetworksRet, write: writeRemoteConnectListNetworksRet }, msg: null, stream: null } as const;
export const NETWORK_CREATE = { proc: 39, args: { read: readRemoteNetworkCreateArgs, write: writeRemoteNetworkCreateArgs }, ret: null, msg: null, stream: null } as const;
export const NETWORK_CREATE_XML = { proc: 40, args: { read: readRemoteNetworkCreateXmlArgs, write: writeRemoteNetworkCreateXmlArgs }, ret: { read: readRemoteNetworkCreateXmlRet, write: writeRemoteNetworkCreateXmlRet }, msg: null, stream: null } as const;
export const NETWORK_DEFINE_XML = { proc: 41, args: { read: readRemoteNetworkDefineXmlArgs, write: writeRemoteNetworkDefineXmlArgs }, ret: { read: readRemoteNetworkDefineXmlRet, write: writeRemoteNetworkDefineXmlRet }, msg: null, stream: null } as const;
export const NETWORK_DESTROY = { proc: 42, args: { read: readRemoteNetworkDestroyArgs, write: writeRemoteNetworkDestroyArgs }, ret: null, msg: null, stream: null } as const;
export const NETWORK_GET_XML_DESC = { proc: 43, args: { read: readRemoteNetworkGetXmlDescArgs, write: writeRemoteNetworkGetXmlDescArgs }, ret: { read: readRemoteNetworkGetXmlDescRet, write: writeRemoteNetworkGetXmlDescRet }, msg: null, stream: null } as const;
export const NETWORK_GET_AUTOSTART = { proc: 44, args: { read: readRemoteNetworkGetAutostartArgs, write: writeRemoteNetworkGetAutostartArgs }, ret: { read: readRemoteNetworkGetAutostartRet, write: writeRemoteNetworkGetAutostartRet }, msg: null, stream: null } as const;
export const NETWORK_GET_BRIDGE_NAME = { proc: 45, args: { read: readRemoteNetworkGetBridgeNameArgs, write: writeRemoteNetworkGetBridgeNameArgs }, ret: { read: readRemoteNetworkGetBridgeNameRet, write: writeRemoteNetworkGetBridgeNameRet }, msg: null, stream: null } as const;
export const NETWORK_LOOKUP_BY_NAME = { proc: 46, args: { read: readRemoteNetworkLookupByNameArgs, write: writeRemoteNetworkLookupByNameArgs }, ret: { read: readRemoteNetworkLookupByNameRet, write: writeRemoteNetworkLookupByNameRet }, msg: null, stream: null } as const;
export const NETWORK_LOOKUP_BY_UUID = { proc: 47, args: { read: readRemoteNetworkLookupByUuidArgs, write: writeRemoteNetworkLookupByUuidArgs }, ret: { read: readRemoteNetworkLookupByUuidRet, write: writeRemoteNetworkLookupByUuidRet }, msg: null, stream: null } as const;
export const NETWORK_SET_AUTOSTART = { proc: 48, args: { read: readRemoteNetworkSetAutostartArgs, write: writeRemoteNetworkSetAutostartArgs }, ret: null, msg: null, stream: null } as const;
export const NETWORK_UNDEFINE = { proc: 49, args: { read: readRemoteNetworkUndefineArgs, write: writeRemoteNetworkUndefineArgs }, ret: null, msg: null, stream: null } as const;
export const CONNECT_NUM_OF_DEFINED_NETWORKS = { proc: 50, args: null, ret: { read: readRemoteConnectNumOfDefinedNetworksRet, write: writeRemoteConnectNumOfDefinedNetworksRet }, msg: null, stream: null } as const;
export const CONNECT_NUM_OF_DOMAINS = { proc: 51, args: null, ret: { read: readRemoteConnectNumOfDomainsRet, write: writeRemoteConnectNumOfDomainsRet }, msg: null, stream: null } as const;
export const CONNECT_NUM_OF_NETWORKS = { proc: 52, args: null, ret: { read: readRemoteConnectNumOfNetworksRet, write: writeRemoteConnectNumOfNetworksRet }, msg: null, stream: null } as const;
export const DOMAIN_CORE_DUMP = { proc: 53, args: { read: readRemoteDomainCoreDumpArgs, write: writeRemoteDomainCoreDumpArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_RESTORE = { proc: 54, args: { read: readRemoteDomainRestoreArgs, write: writeRemoteDomainRestoreArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_SAVE = { proc: 55, args: { read: readRemoteDomainSaveArgs, write: writeRemoteDomainSaveArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_GET_SCHEDULER_TYPE = { proc: 56, args: { read: readRemoteDomainGetSchedulerTypeArgs, write: writeRemoteDomainGetSchedulerTypeArgs }, ret: { read: readRemoteDomainGetSchedulerTypeRet, write: writeRemoteDomainGetSchedulerTypeRet }, msg: null, stream: null } as const;
export const DOMAIN_GET_SCHEDULER_PARAMETERS = { proc: 57, args: { read: readRemoteDomainGetSchedulerParametersArgs, write: writeRemoteDomainGetSchedulerParametersArgs }, ret: { read: readRemoteDomainGetSchedulerParametersRet, write: writeRemoteDomainGetSchedulerParametersRet }, msg: null, stream: null } as const;
export const DOMAIN_SET_SCHEDULER_PARAMETERS = { proc: 58, args: { read: readRemoteDomainSetSchedulerParametersArgs, write: writeRemoteDomainSetSchedulerParametersArgs }, ret: null, msg: null, stream: null } as const;
export const CONNECT_GET_HOSTNAME = { proc: 59, args: null, ret: { read: readRemoteConnectGetHostnameRet, write: writeRemoteConnectGetHostnameRet }, msg: null, stream: null } as const;
export const CONNECT_SUPPORTS_FEATURE = { proc: 60, args: { read: readRemoteConnectSupportsFeatureArgs, write: writeRemoteConnectSupportsFeatureArgs }, ret: { read: readRemoteConnectSupportsFeatureRet, write: writeRemoteConnectSupportsFeatureRet }, msg: null, stream: null } as const;
export const DOMAIN_MIGRATE_PREPARE = { proc: 61, args: { read: readRemoteDomainMigratePrepareArgs, write: writeRemoteDomainMigratePrepareArgs }, ret: { read: readRemoteDomainMigratePrepareRet, write: writeRemoteDomainMigratePrepareRet }, msg: null, stream: null } as const;
export const DOMAIN_MIGRATE_PERFORM = { proc: 62, args: { read: readRemoteDomainMigratePerformArgs, write: writeRemoteDomainMigratePerformArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_MIGRATE_FINISH = { proc: 63, args: { read: readRemoteDomainMigrateFinishArgs, write: writeRemoteDomainMigrateFinishArgs }, ret: { read: readRemoteDomainMigrateFinishRet, write: writeRemoteDomainMigrateFinishRet }, msg: null, stream: null } as const;
export const DOMAIN_BLOCK_STATS = { proc: 64, args: { read: readRemoteDomainBlockStatsArgs, write: writeRemoteDomainBlockStatsArgs }, ret: { read: readRemoteDomainBlockStatsRet, write: writeRemoteDomainBlockStatsRet }, msg: null, stream: null } as const;
export const DOMAIN_INTERFACE_STATS = { proc: 65, args: { read: readRemoteDomainInterfaceStatsArgs, write: writeRemoteDomainInterfaceStatsArgs }, ret: { read: readRemoteDomainInterfaceStatsRet, write: writeRemoteDomainInterfaceStatsRet }, msg: null, stream: null } as const;
export const AUTH_LIST = { proc: 66, args: null, ret: { read: readRemoteAuthListRet, write: writeRemoteAuthListRet }, msg: null, stream: null } as const;
export const AUTH_SASL_INIT = { proc: 67, args: null, ret: { read: readRemoteAuthSaslInitRet, write: writeRemoteAuthSaslInitRet }, msg: null, stream: null } as const;
export const AUTH_SASL_START = { proc: 68, args: { read: readRemoteAuthSaslStartArgs, write: writeRemoteAuthSaslStartArgs }, ret: { read: readRemoteAuthSaslStartRet, write: writeRemoteAuthSaslStartRet }, msg: null, stream: null } as const;
export const AUTH_SASL_STEP = { proc: 69, args: { read: readRemoteAuthSaslStepArgs, write: writeRemoteAuthSaslStepArgs }, ret: { read: readRemoteAuthSaslStepRet, write: writeRemoteAuthSaslStepRet }, msg: null, stream: null } as const;
export const AUTH_POLKIT = { proc: 70, args: null, ret: { read: readRemoteAuthPolkitRet, write: writeRemoteAuthPolkitRet }, msg: null, stream: null } as const;
export const CONNECT_NUM_OF_STORAGE_POOLS = { proc: 71, args: null, ret: { read: readRemoteConnectNumOfStoragePoolsRet, write: writeRemoteConnectNumOfStoragePoolsRet }, msg: null, stream: null } as const;
export const CONNECT_LIST_STORAGE_POOLS = { proc: 72, args: { read: readRemoteConnectListStoragePoolsArgs, write: writeRemoteConnectListStoragePoolsArgs }, ret: { read: readRemoteConnectListStoragePoolsRet, write: writeRemoteConnectListStoragePoolsRet }, msg: null, stream: null } as const;
export const CONNECT_NUM_OF_DEFINED_STORAGE_POOLS = { proc: 73, args: null, ret: { read: readRemoteConnectNumOfDefinedStoragePoolsRet, write: writeRemoteConnectNumOfDefinedStoragePoolsRet }, msg: null, stream: null } as const;
export const CONNECT_LIST_DEFINED_STORAGE_POOLS = { proc: 74, args: { read: readRemoteConnectListDefinedStoragePoolsArgs, write: writeRemoteConnectListDefinedStoragePoolsArgs }, ret: { read: readRemoteConnectListDefinedStoragePoolsRet, write: writeRemoteConnectListDefinedStoragePoolsRet }, msg: null, stream: null } as const;
export const CONNECT_FIND_STORAGE_POOL_SOURCES = { proc: 75, args: { read: readRemoteConnectFindStoragePoolSourcesArgs, write: writeRemoteConnectFindStoragePoolSourcesArgs }, ret: { read: readRemoteConnectFindStoragePoolSourcesRet, write: writeRemoteConnectFindStoragePoolSourcesRet }, msg: null, stream: null } as const;
export const STORAGE_POOL_CREATE_XML = { proc: 76, args: { read: readRemoteStoragePoolCreateXmlArgs, write: writeRemoteStoragePoolCreateXmlArgs }, ret: { read: readRemoteStoragePoolCreateXmlRet, write: writeRemoteStoragePoolCreateXmlRet }, msg: null, stream: null } as const;
export const STORAGE_POOL_DEFINE_XML = { proc: 77, args: { read: readRemoteStoragePoolDefineXmlArgs, write: writeRemoteStoragePoolDefineXmlArgs }, ret: { read: readRemoteStoragePoolDefineXmlRet, write: writeRemoteStoragePoolDefineXmlRet }, msg: null, stream: null } as const;
export const STORAGE_POOL_CREATE = { proc: 78, args: { read: readRemoteStoragePoolCreateArgs, write: writeRemoteStoragePoolCreateArgs }, ret: null, msg: null, stream: null } as const;
export const STORAGE_POOL_BUILD = { proc: 79, args: { read: readRemoteStoragePoolBuildArgs, write: writeRemoteStoragePoolBuildArgs }, ret: null, msg: null, stream: null } as const;
export const STORAGE_POOL_DESTROY = { proc: 80, args: { read: readRemoteStoragePoolDestroyArgs, write: writeRemoteStoragePoolDestroyArgs }, ret: null, msg: null, stream: null } as const;
export const STORAGE_POOL_DELETE = { proc: 81, args: { read: readRemoteStoragePoolDeleteArgs, write: writeRemoteStoragePoolDeleteArgs }, ret: null, msg: null, stream: null } as const;
export const STORAGE_POOL_UNDEFINE = { proc: 82, args: { read: readRemoteStoragePoolUndefineArgs, write: writeRemoteStoragePoolUndefineArgs }, ret: null, msg: null, stream: null } as const;
export const STORAGE_POOL_REFRESH = { proc: 83, args: { read: readRemoteStoragePoolRefreshArgs, write: writeRemoteStoragePoolRefreshArgs }, ret: null, msg: null, stream: null } as const;
export const STORAGE_POOL_LOOKUP_BY_NAME = { proc: 84, args: { read: readRemoteStoragePoolLookupByNameArgs, write: writeRemoteStoragePoolLookupByNameArgs }, ret: { read: readRemoteStoragePoolLookupByNameRet, write: writeRemoteStoragePoolLookupByNameRet }, msg: null, stream: null } as const;
export const STORAGE_POOL_LOOKUP_BY_UUID = { proc: 85, args: { read: readRemoteStoragePoolLookupByUuidArgs, write: writeRemoteStoragePoolLookupByUuidArgs }, ret: { read: readRemoteStoragePoolLookupByUuidRet, write: writeRemoteStoragePoolLookupByUuidRet }, msg: null, stream: null } as const;
export const STORAGE_POOL_LOOKUP_BY_VOLUME = { proc: 86, args: { read: readRemoteStoragePoolLookupByVolumeArgs, write: writeRemoteStoragePoolLookupByVolumeArgs }, ret: { read: readRemoteStoragePoolLookupByVolumeRet, write: writeRemoteStoragePoolLookupByVolumeRet }, msg: null, stream: null } as const;
export const STORAGE_POOL_GET_INFO = { proc: 87, args: { read: readRemoteStoragePoolGetInfoArgs, write: writeRemoteStoragePoolGetInfoArgs }, ret: { read: readRemoteStoragePoolGetInfoRet, write: writeRemoteStoragePoolGetInfoRet }, msg: null, stream: null } as const;
export const STORAGE_POOL_GET_XML_DESC = { proc: 88, args: { read: readRemoteStoragePoolGetXmlDescArgs, write: writeRemoteStoragePoolGetXmlDescArgs }, ret: { read: readRemoteStoragePoolGetXmlDescRet, write: writeRemoteStoragePoolGetXmlDescRet }, msg: null, stream: null } as const;
export const STORAGE_POOL_GET_AUTOSTART = { proc: 89, args: { read: readRemoteStoragePoolGetAutostartArgs, write: writeRemoteStoragePoolGetAutostartArgs }, ret: { read: readRemoteStoragePoolGetAutostartRet, write: writeRemoteStoragePoolGetAutostartRet }, msg: null, stream: null } as const;
export const STORAGE_POOL_SET_AUTOSTART = { proc: 90, args: { read: readRemoteStoragePoolSetAutostartArgs, write: writeRemoteStoragePoolSetAutostartArgs }, ret: null, msg: null, stream: null } as const;
export const STORAGE_POOL_NUM_OF_VOLUMES = { proc: 91, args: { read: readRemoteStoragePoolNumOfVolumesArgs, write: writeRemoteStoragePoolNumOfVolumesArgs }, ret: { read: readRemoteStoragePoolNumOfVolumesRet, write: writeRemoteStoragePoolNumOfVolumesRet }, msg: null, stream: null } as const;
export const STORAGE_POOL_LIST_VOLUMES = { proc: 92, args: { read: readRemoteStoragePoolListVolumesArgs, write: writeRemoteStoragePoolListVolumesArgs }, ret: { read: readRemoteStoragePoolListVolumesRet, write: writeRemoteStoragePoolListVolumesRet }, msg: null, stream: null } as const;
export const STORAGE_VOL_CREATE_XML = { proc: 93, args: { read: readRemoteStorageVolCreateXmlArgs, write: writeRemoteStorageVolCreateXmlArgs }, ret: { read: readRemoteStorageVolCreateXmlRet, write: writeRemoteStorageVolCreateXmlRet }, msg: null, stream: null } as const;
export const STORAGE_VOL_DELETE = { proc: 94, args: { read: readRemoteStorageVolDeleteArgs, write: writeRemoteStorageVolDeleteArgs }, ret: null, msg: null, stream: null } as const;
export const STORAGE_VOL_LOOKUP_BY_NAME = { proc: 95, args: { read: readRemoteStorageVolLookupByNameArgs, write: writeRemoteStorageVolLookupByNameArgs }, ret: { read: readRemoteStorageVolLookupByNameRet, write: writeRemoteStorageVolLookupByNameRet }, msg: null, stream: null } as const;
export const STORAGE_VOL_LOOKUP_BY_KEY = { proc: 96, args: { read: readRemoteStorageVolLookupByKeyArgs, write: writeRemoteStorageVolLookupByKeyArgs }, ret: { read: readRemoteStorageVolLookupByKeyRet, write: writeRemoteStorageVolLookupByKeyRet }, msg: null, stream: null } as const;
export const STORAGE_VOL_LOOKUP_BY_PATH = { proc: 97, args: { read: readRemoteStorageVolLookupByPathArgs, write: writeRemoteStorageVolLookupByPathArgs }, ret: { read: readRemoteStorageVolLookupByPathRet, write: writeRemoteStorageVolLookupByPathRet }, msg: null, stream: null } as const;
export const STORAGE_VOL_GET_INFO = { proc: 98, args: { read: readRemoteStorageVolGetInfoArgs, write: writeRemoteStorageVolGetInfoArgs }, ret: { read: readRemoteStorageVolGetInfoRet, write: writeRemoteStorageVolGetInfoRet }, msg: null, stream: null } as const;
export const STORAGE_VOL_GET_XML_DESC = { proc: 99, args: { read: readRemoteStorageVolGetXmlDescArgs, write: writeRemoteStorageVolGetXmlDescArgs }, ret: { read: readRemoteStorageVolGetXmlDescRet, write: writeRemoteStorageVolGetXmlDescRet }, msg: null, stream: null } as const;
export const STORAGE_VOL_GET_PATH = { proc: 100, args: { read: readRemoteStorageVolGetPathArgs, write: writeRemoteStorageVolGetPathArgs }, ret: { read: readRemoteStorageVolGetPathRet, write: writeRemoteStorageVolGetPathRet }, msg: null, stream: null } as const;
export const NODE_GET_CELLS_FREE_MEMORY = { proc: 101, args: { read: readRemoteNodeGetCellsFreeMemoryArgs, write: writeRemoteNodeGetCellsFreeMemoryArgs }, ret: { read: readRemoteNodeGetCellsFreeMemoryRet, write: writeRemoteNodeGetCellsFreeMemoryRet }, msg: null, stream: null } as const;
export const NODE_GET_FREE_MEMORY = { proc: 102, args: null, ret: { read: readRemoteNodeGetFreeMemoryRet, write: writeRemoteNodeGetFreeMemoryRet }, msg: null, stream: null } as const;
export const DOMAIN_BLOCK_PEEK = { proc: 103, args: { read: readRemoteDomainBlockPeekArgs, write: writeRemoteDomainBlockPeekArgs }, ret: { read: readRemoteDomainBlockPeekRet, write: writeRemoteDomainBlockPeekRet }, msg: null, stream: null } as const;
export const DOMAIN_MEMORY_PEEK = { proc: 104, args: { read: readRemoteDomainMemoryPeekArgs, write: writeRemoteDomainMemoryPeekArgs }, ret: { read: readRemoteDomainMemoryPeekRet, write: writeRemoteDomainMemoryPeekRet }, msg: null, stream: null } as const;
export const CONNECT_DOMAIN_EVENT_REGISTER = { proc: 105, args: null, ret: { read: readRemoteConnectDomainEventRegisterRet, write: writeRemoteConnectDomainEventRegisterRet }, msg: null, stream: null } as const;
export const CONNECT_DOMAIN_EVENT_DEREGISTER = { proc: 106, args: null, ret: { read: readRemoteConnectDomainEventDeregisterRet, write: writeRemoteConnectDomainEventDeregisterRet }, msg: null, stream: null } as const;
export const DOMAIN_EVENT_LIFECYCLE = { proc: 107, args: null, ret: null, msg: { read: readRemoteDomainEventLifecycleMsg, write: writeRemoteDomainEventLifecycleMsg }, stream: null } as const;
export const DOMAIN_MIGRATE_PREPARE2 = { proc: 108, args: { read: readRemoteDomainMigratePrepare2Args, write: writeRemoteDomainMigratePrepare2Args }, ret: { read: readRemoteDomainMigratePrepare2Ret, write: writeRemoteDomainMigratePrepare2Ret }, msg: null, stream: null } as const;
export const DOMAIN_MIGRATE_FINISH2 = { proc: 109, args: { read: readRemoteDomainMigrateFinish2Args, write: writeRemoteDomainMigrateFinish2Args }, ret: { read: readRemoteDomainMigrateFinish2Ret, write: writeRemoteDomainMigrateFinish2Ret }, msg: null, stream: null } as const;
export const CONNECT_GET_URI = { proc: 110, args: null, ret: { read: readRemoteConnectGetUriRet, write: writeRemoteConnectGetUriRet }, msg: null, stream: null } as const;
export const NODE_NUM_OF_DEVICES = { proc: 111, args: { read: readRemoteNodeNumOfDevicesArgs, write: writeRemoteNodeNumOfDevicesArgs }, ret: { read: readRemoteNodeNumOfDevicesRet, write: writeRemoteNodeNumOfDevicesRet }, msg: null, stream: null } as const;
export const NODE_LIST_DEVICES = { proc: 112, args: { read: readRemoteNodeListDevicesArgs, write: writeRemoteNodeListDevicesArgs }, ret: { read: readRemoteNodeListDevicesRet, write: writeRemoteNodeListDevicesRet }, msg: null, stream: null } as const;
export const NODE_DEVICE_LOOKUP_BY_NAME = { proc: 113, args: { read: readRemoteNodeDeviceLookupByNameArgs, write: writeRemoteNodeDeviceLookupByNameArgs }, ret: { read: readRemoteNodeDeviceLookupByNameRet, write: writeRemoteNodeDeviceLookupByNameRet }, msg: null, stream: null } as const;
export const NODE_DEVICE_GET_XML_DESC = { proc: 114, args: { read: readRemoteNodeDeviceGetXmlDescArgs, write: writeRemoteNodeDeviceGetXmlDescArgs }, ret: { read: readRemoteNodeDeviceGetXmlDescRet, write: writeRemoteNodeDeviceGetXmlDescRet }, msg: null, stream: null } as const;
export const NODE_DEVICE_GET_PARENT = { proc: 115, args: { read: readRemoteNodeDeviceGetParentArgs, write: writeRemoteNodeDeviceGetParentArgs }, ret: { read: readRemoteNodeDeviceGetParentRet, write: writeRemoteNodeDeviceGetParentRet }, msg: null, stream: null } as const;
export const NODE_DEVICE_NUM_OF_CAPS = { proc: 116, args: { read: readRemoteNodeDeviceNumOfCapsArgs, write: writeRemoteNodeDeviceNumOfCapsArgs }, ret: { read: readRemoteNodeDeviceNumOfCapsRet, write: writeRemoteNodeDeviceNumOfCapsRet }, msg: null, stream: null } as const;
export const NODE_DEVICE_LIST_CAPS = { proc: 117, args: { read: readRemoteNodeDeviceListCapsArgs, write: writeRemoteNodeDeviceListCapsArgs }, ret: { read: readRemoteNodeDeviceListCapsRet, write: writeRemoteNodeDeviceListCapsRet }, msg: null, stream: null } as const;
export const NODE_DEVICE_DETTACH = { proc: 118, args: { read: readRemoteNodeDeviceDettachArgs, write: writeRemoteNodeDeviceDettachArgs }, ret: null, msg: null, stream: null } as const;
export const NODE_DEVICE_RE_ATTACH = { proc: 119, args: { read: readRemoteNodeDeviceReAttachArgs, write: writeRemoteNodeDeviceReAttachArgs }, ret: null, msg: null, stream: null } as const;
export const NODE_DEVICE_RESET = { proc: 120, args: { read: readRemoteNodeDeviceResetArgs, write: writeRemoteNodeDeviceResetArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_GET_SECURITY_LABEL = { proc: 121, args: { read: readRemoteDomainGetSecurityLabelArgs, write: writeRemoteDomainGetSecurityLabelArgs }, ret: { read: readRemoteDomainGetSecurityLabelRet, write: writeRemoteDomainGetSecurityLabelRet }, msg: null, stream: null } as const;
export const NODE_GET_SECURITY_MODEL = { proc: 122, args: null, ret: { read: readRemoteNodeGetSecurityModelRet, write: writeRemoteNodeGetSecurityModelRet }, msg: null, stream: null } as const;
export const NODE_DEVICE_CREATE_XML = { proc: 123, args: { read: readRemoteNodeDeviceCreateXmlArgs, write: writeRemoteNodeDeviceCreateXmlArgs }, ret: { read: readRemoteNodeDeviceCreateXmlRet, write: writeRemoteNodeDeviceCreateXmlRet }, msg: null, stream: null } as const;
export const NODE_DEVICE_DESTROY = { proc: 124, args: { read: readRemoteNodeDeviceDestroyArgs, write: writeRemoteNodeDeviceDestroyArgs }, ret: null, msg: null, stream: null } as const;
export const STORAGE_VOL_CREATE_XML_FROM = { proc: 125, args: { read: readRemoteStorageVolCreateXmlFromArgs, write: writeRemoteStorageVolCreateXmlFromArgs }, ret: { read: readRemoteStorageVolCreateXmlFromRet, write: writeRemoteStorageVolCreateXmlFromRet }, msg: null, stream: null } as const;
export const CONNECT_NUM_OF_INTERFACES = { proc: 126, args: null, ret: { read: readRemoteConnectNumOfInterfacesRet, write: writeRemoteConnectNumOfInterfacesRet }, msg: null, stream: null } as const;
export const CONNECT_LIST_INTERFACES = { proc: 127, args: { read: readRemoteConnectListInterfacesArgs, write: writeRemoteConnectListInterfacesArgs }, ret: { read: readRemoteConnectListInterfacesRet, write: writeRemoteConnectListInterfacesRet }, msg: null, stream: null } as const;
export const INTERFACE_LOOKUP_BY_NAME = { proc: 128, args: { read: readRemoteInterfaceLookupByNameArgs, write: writeRemoteInterfaceLookupByNameArgs }, ret: { read: readRemoteInterfaceLookupByNameRet, write: writeRemoteInterfaceLookupByNameRet }, msg: null, stream: null } as const;
export const INTERFACE_LOOKUP_BY_MAC_STRING = { proc: 129, args: { read: readRemoteInterfaceLookupByMacStringArgs, write: writeRemoteInterfaceLookupByMacStringArgs }, ret: { read: readRemoteInterfaceLookupByMacStringRet, write: writeRemoteInterfaceLookupByMacStringRet }, msg: null, stream: null } as const;
export const INTERFACE_GET_XML_DESC = { proc: 130, args: { read: readRemoteInterfaceGetXmlDescArgs, write: writeRemoteInterfaceGetXmlDescArgs }, ret: { read: readRemoteInterfaceGetXmlDescRet, write: writeRemoteInterfaceGetXmlDescRet }, msg: null, stream: null } as const;
export const INTERFACE_DEFINE_XML = { proc: 131, args: { read: readRemoteInterfaceDefineXmlArgs, write: writeRemoteInterfaceDefineXmlArgs }, ret: { read: readRemoteInterfaceDefineXmlRet, write: writeRemoteInterfaceDefineXmlRet }, msg: null, stream: null } as const;
export const INTERFACE_UNDEFINE = { proc: 132, args: { read: readRemoteInterfaceUndefineArgs, write: writeRemoteInterfaceUndefineArgs }, ret: null, msg: null, stream: null } as const;
export const INTERFACE_CREATE = { proc: 133, args: { read: readRemoteInterfaceCreateArgs, write: writeRemoteInterfaceCreateArgs }, ret: null, msg: null, stream: null } as const;
export const INTERFACE_DESTROY = { proc: 134, args: { read: readRemoteInterfaceDestroyArgs, write: writeRemoteInterfaceDestroyArgs }, ret: null, msg: null, stream: null } as const;
export const CONNECT_DOMAIN_XML_FROM_NATIVE = { proc: 135, args: { read: readRemoteConnectDomainXmlFromNativeArgs, write: writeRemoteConnectDomainXmlFromNativeArgs }, ret: { read: readRemoteConnectDomainXmlFromNativeRet, write: writeRemoteConnectDomainXmlFromNativeRet }, msg: null, stream: null } as const;
export const CONNECT_DOMAIN_XML_TO_NATIVE = { proc: 136, args: { read: readRemoteConnectDomainXmlToNativeArgs, write: writeRemoteConnectDomainXmlToNativeArgs }, ret: { read: readRemoteConnectDomainXmlToNativeRet, write: writeRemoteConnectDomainXmlToNativeRet }, msg: null, stream: null } as const;
export const CONNECT_NUM_OF_DEFINED_INTERFACES = { proc: 137, args: null, ret: { read: readRemoteConnectNumOfDefinedInterfacesRet, write: writeRemoteConnectNumOfDefinedInterfacesRet }, msg: null, stream: null } as const;
export const CONNECT_LIST_DEFINED_INTERFACES = { proc: 138, args: { read: readRemoteConnectListDefinedInterfacesArgs, write: writeRemoteConnectListDefinedInterfacesArgs }, ret: { read: readRemoteConnectListDefinedInterfacesRet, write: writeRemoteConnectListDefinedInterfacesRet }, msg: null, stream: null } as const;
export const CONNECT_NUM_OF_SECRETS = { proc: 139, args: null, ret: { read: readRemoteConnectNumOfSecretsRet, write: writeRemoteConnectNumOfSecretsRet }, msg: null, stream: null } as const;
export const CONNECT_LIST_SECRETS = { proc: 140, args: { read: readRemoteConnectListSecretsArgs, write: writeRemoteConnectListSecretsArgs }, ret: { read: readRemoteConnectListSecretsRet, write: writeRemoteConnectListSecretsRet }, msg: null, stream: null } as const;
export const SECRET_LOOKUP_BY_UUID = { proc: 141, args: { read: readRemoteSecretLookupByUuidArgs, write: writeRemoteSecretLookupByUuidArgs }, ret: { read: readRemoteSecretLookupByUuidRet, write: writeRemoteSecretLookupByUuidRet }, msg: null, stream: null } as const;
export const SECRET_DEFINE_XML = { proc: 142, args: { read: readRemoteSecretDefineXmlArgs, write: writeRemoteSecretDefineXmlArgs }, ret: { read: readRemoteSecretDefineXmlRet, write: writeRemoteSecretDefineXmlRet }, msg: null, stream: null } as const;
export const SECRET_GET_XML_DESC = { proc: 143, args: { read: readRemoteSecretGetXmlDescArgs, write: writeRemoteSecretGetXmlDescArgs }, ret: { read: readRemoteSecretGetXmlDescRet, write: writeRemoteSecretGetXmlDescRet }, msg: null, stream: null } as const;
export const SECRET_SET_VALUE = { proc: 144, args: { read: readRemoteSecretSetValueArgs, write: writeRemoteSecretSetValueArgs }, ret: null, msg: null, stream: null } as const;
export const SECRET_GET_VALUE = { proc: 145, args: { read: readRemoteSecretGetValueArgs, write: writeRemoteSecretGetValueArgs }, ret: { read: readRemoteSecretGetValueRet, write: writeRemoteSecretGetValueRet }, msg: null, stream: null } as const;
export const SECRET_UNDEFINE = { proc: 146, args: { read: readRemoteSecretUndefineArgs, write: writeRemoteSecretUndefineArgs }, ret: null, msg: null, stream: null } as const;
export const SECRET_LOOKUP_BY_USAGE = { proc: 147, args: { read: readRemoteSecretLookupByUsageArgs, write: writeRemoteSecretLookupByUsageArgs }, ret: { read: readRemoteSecretLookupByUsageRet, write: writeRemoteSecretLookupByUsageRet }, msg: null, stream: null } as const;
export const DOMAIN_MIGRATE_PREPARE_TUNNEL = { proc: 148, args: { read: readRemoteDomainMigratePrepareTunnelArgs, write: writeRemoteDomainMigratePrepareTunnelArgs }, ret: null, msg: null, stream: 'write' } as const;
export const CONNECT_IS_SECURE = { proc: 149, args: null, ret: { read: readRemoteConnectIsSecureRet, write: writeRemoteConnectIsSecureRet }, msg: null, stream: null } as const;
export const DOMAIN_IS_ACTIVE = { proc: 150, args: { read: readRemoteDomainIsActiveArgs, write: writeRemoteDomainIsActiveArgs }, ret: { read: readRemoteDomainIsActiveRet, write: writeRemoteDomainIsActiveRet }, msg: null, stream: null } as const;
export const DOMAIN_IS_PERSISTENT = { proc: 151, args: { read: readRemoteDomainIsPersistentArgs, write: writeRemoteDomainIsPersistentArgs }, ret: { read: readRemoteDomainIsPersistentRet, write: writeRemoteDomainIsPersistentRet }, msg: null, stream: null } as const;
export const NETWORK_IS_ACTIVE = { proc: 152, args: { read: readRemoteNetworkIsActiveArgs, write: writeRemoteNetworkIsActiveArgs }, ret: { read: readRemoteNetworkIsActiveRet, write: writeRemoteNetworkIsActiveRet }, msg: null, stream: null } as const;
export const NETWORK_IS_PERSISTENT = { proc: 153, args: { read: readRemoteNetworkIsPersistentArgs, write: writeRemoteNetworkIsPersistentArgs }, ret: { read: readRemoteNetworkIsPersistentRet, write: writeRemoteNetworkIsPersistentRet }, msg: null, stream: null } as const;
export const STORAGE_POOL_IS_ACTIVE = { proc: 154, args: { read: readRemoteStoragePoolIsActiveArgs, write: writeRemoteStoragePoolIsActiveArgs }, ret: { read: readRemoteStoragePoolIsActiveRet, write: writeRemoteStoragePoolIsActiveRet }, msg: null, stream: null } as const;
export const STORAGE_POOL_IS_PERSISTENT = { proc: 155, args: { read: readRemoteStoragePoolIsPersistentArgs, write: writeRemoteStoragePoolIsPersistentArgs }, ret: { read: readRemoteStoragePoolIsPersistentRet, write: writeRemoteStoragePoolIsPersistentRet }, msg: null, stream: null } as const;
export const INTERFACE_IS_ACTIVE = { proc: 156, args: { read: readRemoteInterfaceIsActiveArgs, write: writeRemoteInterfaceIsActiveArgs }, ret: { read: readRemoteInterfaceIsActiveRet, write: writeRemoteInterfaceIsActiveRet }, msg: null, stream: null } as const;
export const CONNECT_GET_LIB_VERSION = { proc: 157, args: null, ret: { read: readRemoteConnectGetLibVersionRet, write: writeRemoteConnectGetLibVersionRet }, msg: null, stream: null } as const;
export const CONNECT_COMPARE_CPU = { proc: 158, args: { read: readRemoteConnectCompareCpuArgs, write: writeRemoteConnectCompareCpuArgs }, ret: { read: readRemoteConnectCompareCpuRet, write: writeRemoteConnectCompareCpuRet }, msg: null, stream: null } as const;
export const DOMAIN_MEMORY_STATS = { proc: 159, args: { read: readRemoteDomainMemoryStatsArgs, write: writeRemoteDomainMemoryStatsArgs }, ret: { read: readRemoteDomainMemoryStatsRet, write: writeRemoteDomainMemoryStatsRet }, msg: null, stream: null } as const;
export const DOMAIN_ATTACH_DEVICE_FLAGS = { proc: 160, args: { read: readRemoteDomainAttachDeviceFlagsArgs, write: writeRemoteDomainAttachDeviceFlagsArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_DETACH_DEVICE_FLAGS = { proc: 161, args: { read: readRemoteDomainDetachDeviceFlagsArgs, write: writeRemoteDomainDetachDeviceFlagsArgs }, ret: null, msg: null, stream: null } as const;
export const CONNECT_BASELINE_CPU = { proc: 162, args: { read: readRemoteConnectBaselineCpuArgs, write: writeRemoteConnectBaselineCpuArgs }, ret: { read: readRemoteConnectBaselineCpuRet, write: writeRemoteConnectBaselineCpuRet }, msg: null, stream: null } as const;
export const DOMAIN_GET_JOB_INFO = { proc: 163, args: { read: readRemoteDomainGetJobInfoArgs, write: writeRemoteDomainGetJobInfoArgs }, ret: { read: readRemoteDomainGetJobInfoRet, write: writeRemoteDomainGetJobInfoRet }, msg: null, stream: null } as const;
export const DOMAIN_ABORT_JOB = { proc: 164, args: { read: readRemoteDomainAbortJobArgs, write: writeRemoteDomainAbortJobArgs }, ret: null, msg: null, stream: null } as const;
export const STORAGE_VOL_WIPE = { proc: 165, args: { read: readRemoteStorageVolWipeArgs, write: writeRemoteStorageVolWipeArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_MIGRATE_SET_MAX_DOWNTIME = { proc: 166, args: { read: readRemoteDomainMigrateSetMaxDowntimeArgs, write: writeRemoteDomainMigrateSetMaxDowntimeArgs }, ret: null, msg: null, stream: null } as const;
export const CONNECT_DOMAIN_EVENT_REGISTER_ANY = { proc: 167, args: { read: readRemoteConnectDomainEventRegisterAnyArgs, write: writeRemoteConnectDomainEventRegisterAnyArgs }, ret: null, msg: null, stream: null } as const;
export const CONNECT_DOMAIN_EVENT_DEREGISTER_ANY = { proc: 168, args: { read: readRemoteConnectDomainEventDeregisterAnyArgs, write: writeRemoteConnectDomainEventDeregisterAnyArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_EVENT_REBOOT = { proc: 169, args: null, ret: null, msg: { read: readRemoteDomainEventRebootMsg, write: writeRemoteDomainEventRebootMsg }, stream: null } as const;
export const DOMAIN_EVENT_RTC_CHANGE = { proc: 170, args: null, ret: null, msg: { read: readRemoteDomainEventRtcChangeMsg, write: writeRemoteDomainEventRtcChangeMsg }, stream: null } as const;
export const DOMAIN_EVENT_WATCHDOG = { proc: 171, args: null, ret: null, msg: { read: readRemoteDomainEventWatchdogMsg, write: writeRemoteDomainEventWatchdogMsg }, stream: null } as const;
export const DOMAIN_EVENT_IO_ERROR = { proc: 172, args: null, ret: null, msg: { read: readRemoteDomainEventIoErrorMsg, write: writeRemoteDomainEventIoErrorMsg }, stream: null } as const;
export const DOMAIN_EVENT_GRAPHICS = { proc: 173, args: null, ret: null, msg: { read: readRemoteDomainEventGraphicsMsg, write: writeRemoteDomainEventGraphicsMsg }, stream: null } as const;
export const DOMAIN_UPDATE_DEVICE_FLAGS = { proc: 174, args: { read: readRemoteDomainUpdateDeviceFlagsArgs, write: writeRemoteDomainUpdateDeviceFlagsArgs }, ret: null, msg: null, stream: null } as const;
export const NWFILTER_LOOKUP_BY_NAME = { proc: 175, args: { read: readRemoteNwfilterLookupByNameArgs, write: writeRemoteNwfilterLookupByNameArgs }, ret: { read: readRemoteNwfilterLookupByNameRet, write: writeRemoteNwfilterLookupByNameRet }, msg: null, stream: null } as const;
export const NWFILTER_LOOKUP_BY_UUID = { proc: 176, args: { read: readRemoteNwfilterLookupByUuidArgs, write: writeRemoteNwfilterLookupByUuidArgs }, ret: { read: readRemoteNwfilterLookupByUuidRet, write: writeRemoteNwfilterLookupByUuidRet }, msg: null, stream: null } as const;
export const NWFILTER_GET_XML_DESC = { proc: 177, args: { read: readRemoteNwfilterGetXmlDescArgs, write: writeRemoteNwfilterGetXmlDescArgs }, ret: { read: readRemoteNwfilterGetXmlDescRet, write: writeRemoteNwfilterGetXmlDescRet }, msg: null, stream: null } as const;
export const CONNECT_NUM_OF_NWFILTERS = { proc: 178, args: null, ret: { read: readRemoteConnectNumOfNwfiltersRet, write: writeRemoteConnectNumOfNwfiltersRet }, msg: null, stream: null } as const;
export const CONNECT_LIST_NWFILTERS = { proc: 179, args: { read: readRemoteConnectListNwfiltersArgs, write: writeRemoteConnectListNwfiltersArgs }, ret: { read: readRemoteConnectListNwfiltersRet, write: writeRemoteConnectListNwfiltersRet }, msg: null, stream: null } as const;
export const NWFILTER_DEFINE_XML = { proc: 180, args: { read: readRemoteNwfilterDefineXmlArgs, write: writeRemoteNwfilterDefineXmlArgs }, ret: { read: readRemoteNwfilterDefineXmlRet, write: writeRemoteNwfilterDefineXmlRet }, msg: null, stream: null } as const;
export const NWFILTER_UNDEFINE = { proc: 181, args: { read: readRemoteNwfilterUndefineArgs, write: writeRemoteNwfilterUndefineArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_MANAGED_SAVE = { proc: 182, args: { read: readRemoteDomainManagedSaveArgs, write: writeRemoteDomainManagedSaveArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_HAS_MANAGED_SAVE_IMAGE = { proc: 183, args: { read: readRemoteDomainHasManagedSaveImageArgs, write: writeRemoteDomainHasManagedSaveImageArgs }, ret: { read: readRemoteDomainHasManagedSaveImageRet, write: writeRemoteDomainHasManagedSaveImageRet }, msg: null, stream: null } as const;
export const DOMAIN_MANAGED_SAVE_REMOVE = { proc: 184, args: { read: readRemoteDomainManagedSaveRemoveArgs, write: writeRemoteDomainManagedSaveRemoveArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_SNAPSHOT_CREATE_XML = { proc: 185, args: { read: readRemoteDomainSnapshotCreateXmlArgs, write: writeRemoteDomainSnapshotCreateXmlArgs }, ret: { read: readRemoteDomainSnapshotCreateXmlRet, write: writeRemoteDomainSnapshotCreateXmlRet }, msg: null, stream: null } as const;
export const DOMAIN_SNAPSHOT_GET_XML_DESC = { proc: 186, args: { read: readRemoteDomainSnapshotGetXmlDescArgs, write: writeRemoteDomainSnapshotGetXmlDescArgs }, ret: { read: readRemoteDomainSnapshotGetXmlDescRet, write: writeRemoteDomainSnapshotGetXmlDescRet }, msg: null, stream: null } as const;
export const DOMAIN_SNAPSHOT_NUM = { proc: 187, args: { read: readRemoteDomainSnapshotNumArgs, write: writeRemoteDomainSnapshotNumArgs }, ret: { read: readRemoteDomainSnapshotNumRet, write: writeRemoteDomainSnapshotNumRet }, msg: null, stream: null } as const;
export const DOMAIN_SNAPSHOT_LIST_NAMES = { proc: 188, args: { read: readRemoteDomainSnapshotListNamesArgs, write: writeRemoteDomainSnapshotListNamesArgs }, ret: { read: readRemoteDomainSnapshotListNamesRet, write: writeRemoteDomainSnapshotListNamesRet }, msg: null, stream: null } as const;
export const DOMAIN_SNAPSHOT_LOOKUP_BY_NAME = { proc: 189, args: { read: readRemoteDomainSnapshotLookupByNameArgs, write: writeRemoteDomainSnapshotLookupByNameArgs }, ret: { read: readRemoteDomainSnapshotLookupByNameRet, write: writeRemoteDomainSnapshotLookupByNameRet }, msg: null, stream: null } as const;
export const DOMAIN_HAS_CURRENT_SNAPSHOT = { proc: 190, args: { read: readRemoteDomainHasCurrentSnapshotArgs, write: writeRemoteDomainHasCurrentSnapshotArgs }, ret: { read: readRemoteDomainHasCurrentSnapshotRet, write: writeRemoteDomainHasCurrentSnapshotRet }, msg: null, stream: null } as const;
export const DOMAIN_SNAPSHOT_CURRENT = { proc: 191, args: { read: readRemoteDomainSnapshotCurrentArgs, write: writeRemoteDomainSnapshotCurrentArgs }, ret: { read: readRemoteDomainSnapshotCurrentRet, write: writeRemoteDomainSnapshotCurrentRet }, msg: null, stream: null } as const;
export const DOMAIN_REVERT_TO_SNAPSHOT = { proc: 192, args: { read: readRemoteDomainRevertToSnapshotArgs, write: writeRemoteDomainRevertToSnapshotArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_SNAPSHOT_DELETE = { proc: 193, args: { read: readRemoteDomainSnapshotDeleteArgs, write: writeRemoteDomainSnapshotDeleteArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_GET_BLOCK_INFO = { proc: 194, args: { read: readRemoteDomainGetBlockInfoArgs, write: writeRemoteDomainGetBlockInfoArgs }, ret: { read: readRemoteDomainGetBlockInfoRet, write: writeRemoteDomainGetBlockInfoRet }, msg: null, stream: null } as const;
export const DOMAIN_EVENT_IO_ERROR_REASON = { proc: 195, args: null, ret: null, msg: { read: readRemoteDomainEventIoErrorReasonMsg, write: writeRemoteDomainEventIoErrorReasonMsg }, stream: null } as const;
export const DOMAIN_CREATE_WITH_FLAGS = { proc: 196, args: { read: readRemoteDomainCreateWithFlagsArgs, write: writeRemoteDomainCreateWithFlagsArgs }, ret: { read: readRemoteDomainCreateWithFlagsRet, write: writeRemoteDomainCreateWithFlagsRet }, msg: null, stream: null } as const;
export const DOMAIN_SET_MEMORY_PARAMETERS = { proc: 197, args: { read: readRemoteDomainSetMemoryParametersArgs, write: writeRemoteDomainSetMemoryParametersArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_GET_MEMORY_PARAMETERS = { proc: 198, args: { read: readRemoteDomainGetMemoryParametersArgs, write: writeRemoteDomainGetMemoryParametersArgs }, ret: { read: readRemoteDomainGetMemoryParametersRet, write: writeRemoteDomainGetMemoryParametersRet }, msg: null, stream: null } as const;
export const DOMAIN_SET_VCPUS_FLAGS = { proc: 199, args: { read: readRemoteDomainSetVcpusFlagsArgs, write: writeRemoteDomainSetVcpusFlagsArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_GET_VCPUS_FLAGS = { proc: 200, args: { read: readRemoteDomainGetVcpusFlagsArgs, write: writeRemoteDomainGetVcpusFlagsArgs }, ret: { read: readRemoteDomainGetVcpusFlagsRet, write: writeRemoteDomainGetVcpusFlagsRet }, msg: null, stream: null } as const;
export const DOMAIN_OPEN_CONSOLE = { proc: 201, args: { read: readRemoteDomainOpenConsoleArgs, write: writeRemoteDomainOpenConsoleArgs }, ret: null, msg: null, stream: 'read' } as const;
export const DOMAIN_IS_UPDATED = { proc: 202, args: { read: readRemoteDomainIsUpdatedArgs, write: writeRemoteDomainIsUpdatedArgs }, ret: { read: readRemoteDomainIsUpdatedRet, write: writeRemoteDomainIsUpdatedRet }, msg: null, stream: null } as const;
export const CONNECT_GET_SYSINFO = { proc: 203, args: { read: readRemoteConnectGetSysinfoArgs, write: writeRemoteConnectGetSysinfoArgs }, ret: { read: readRemoteConnectGetSysinfoRet, write: writeRemoteConnectGetSysinfoRet }, msg: null, stream: null } as const;
export const DOMAIN_SET_MEMORY_FLAGS = { proc: 204, args: { read: readRemoteDomainSetMemoryFlagsArgs, write: writeRemoteDomainSetMemoryFlagsArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_SET_BLKIO_PARAMETERS = { proc: 205, args: { read: readRemoteDomainSetBlkioParametersArgs, write: writeRemoteDomainSetBlkioParametersArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_GET_BLKIO_PARAMETERS = { proc: 206, args: { read: readRemoteDomainGetBlkioParametersArgs, write: writeRemoteDomainGetBlkioParametersArgs }, ret: { read: readRemoteDomainGetBlkioParametersRet, write: writeRemoteDomainGetBlkioParametersRet }, msg: null, stream: null } as const;
export const DOMAIN_MIGRATE_SET_MAX_SPEED = { proc: 207, args: { read: readRemoteDomainMigrateSetMaxSpeedArgs, write: writeRemoteDomainMigrateSetMaxSpeedArgs }, ret: null, msg: null, stream: null } as const;
export const STORAGE_VOL_UPLOAD = { proc: 208, args: { read: readRemoteStorageVolUploadArgs, write: writeRemoteStorageVolUploadArgs }, ret: null, msg: null, stream: 'write' } as const;
export const STORAGE_VOL_DOWNLOAD = { proc: 209, args: { read: readRemoteStorageVolDownloadArgs, write: writeRemoteStorageVolDownloadArgs }, ret: null, msg: null, stream: 'read' } as const;
export const DOMAIN_INJECT_NMI = { proc: 210, args: { read: readRemoteDomainInjectNmiArgs, write: writeRemoteDomainInjectNmiArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_SCREENSHOT = { proc: 211, args: { read: readRemoteDomainScreenshotArgs, write: writeRemoteDomainScreenshotArgs }, ret: { read: readRemoteDomainScreenshotRet, write: writeRemoteDomainScreenshotRet }, msg: null, stream: 'read' } as const;
export const DOMAIN_GET_STATE = { proc: 212, args: { read: readRemoteDomainGetStateArgs, write: writeRemoteDomainGetStateArgs }, ret: { read: readRemoteDomainGetStateRet, write: writeRemoteDomainGetStateRet }, msg: null, stream: null } as const;
export const DOMAIN_MIGRATE_BEGIN3 = { proc: 213, args: { read: readRemoteDomainMigrateBegin3Args, write: writeRemoteDomainMigrateBegin3Args }, ret: { read: readRemoteDomainMigrateBegin3Ret, write: writeRemoteDomainMigrateBegin3Ret }, msg: null, stream: null } as const;
export const DOMAIN_MIGRATE_PREPARE3 = { proc: 214, args: { read: readRemoteDomainMigratePrepare3Args, write: writeRemoteDomainMigratePrepare3Args }, ret: { read: readRemoteDomainMigratePrepare3Ret, write: writeRemoteDomainMigratePrepare3Ret }, msg: null, stream: null } as const;
export const DOMAIN_MIGRATE_PREPARE_TUNNEL3 = { proc: 215, args: { read: readRemoteDomainMigratePrepareTunnel3Args, write: writeRemoteDomainMigratePrepareTunnel3Args }, ret: { read: readRemoteDomainMigratePrepareTunnel3Ret, write: writeRemoteDomainMigratePrepareTunnel3Ret }, msg: null, stream: 'write' } as const;
export const DOMAIN_MIGRATE_PERFORM3 = { proc: 216, args: { read: readRemoteDomainMigratePerform3Args, write: writeRemoteDomainMigratePerform3Args }, ret: { read: readRemoteDomainMigratePerform3Ret, write: writeRemoteDomainMigratePerform3Ret }, msg: null, stream: null } as const;
export const DOMAIN_MIGRATE_FINISH3 = { proc: 217, args: { read: readRemoteDomainMigrateFinish3Args, write: writeRemoteDomainMigrateFinish3Args }, ret: { read: readRemoteDomainMigrateFinish3Ret, write: writeRemoteDomainMigrateFinish3Ret }, msg: null, stream: null } as const;
export const DOMAIN_MIGRATE_CONFIRM3 = { proc: 218, args: { read: readRemoteDomainMigrateConfirm3Args, write: writeRemoteDomainMigrateConfirm3Args }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_SET_SCHEDULER_PARAMETERS_FLAGS = { proc: 219, args: { read: readRemoteDomainSetSchedulerParametersFlagsArgs, write: writeRemoteDomainSetSchedulerParametersFlagsArgs }, ret: null, msg: null, stream: null } as const;
export const INTERFACE_CHANGE_BEGIN = { proc: 220, args: { read: readRemoteInterfaceChangeBeginArgs, write: writeRemoteInterfaceChangeBeginArgs }, ret: null, msg: null, stream: null } as const;
export const INTERFACE_CHANGE_COMMIT = { proc: 221, args: { read: readRemoteInterfaceChangeCommitArgs, write: writeRemoteInterfaceChangeCommitArgs }, ret: null, msg: null, stream: null } as const;
export const INTERFACE_CHANGE_ROLLBACK = { proc: 222, args: { read: readRemoteInterfaceChangeRollbackArgs, write: writeRemoteInterfaceChangeRollbackArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_GET_SCHEDULER_PARAMETERS_FLAGS = { proc: 223, args: { read: readRemoteDomainGetSchedulerParametersFlagsArgs, write: writeRemoteDomainGetSchedulerParametersFlagsArgs }, ret: { read: readRemoteDomainGetSchedulerParametersFlagsRet, write: writeRemoteDomainGetSchedulerParametersFlagsRet }, msg: null, stream: null } as const;
export const DOMAIN_EVENT_CONTROL_ERROR = { proc: 224, args: null, ret: null, msg: { read: readRemoteDomainEventControlErrorMsg, write: writeRemoteDomainEventControlErrorMsg }, stream: null } as const;
export const DOMAIN_PIN_VCPU_FLAGS = { proc: 225, args: { read: readRemoteDomainPinVcpuFlagsArgs, write: writeRemoteDomainPinVcpuFlagsArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_SEND_KEY = { proc: 226, args: { read: readRemoteDomainSendKeyArgs, write: writeRemoteDomainSendKeyArgs }, ret: null, msg: null, stream: null } as const;
export const NODE_GET_CPU_STATS = { proc: 227, args: { read: readRemoteNodeGetCpuStatsArgs, write: writeRemoteNodeGetCpuStatsArgs }, ret: { read: readRemoteNodeGetCpuStatsRet, write: writeRemoteNodeGetCpuStatsRet }, msg: null, stream: null } as const;
export const NODE_GET_MEMORY_STATS = { proc: 228, args: { read: readRemoteNodeGetMemoryStatsArgs, write: writeRemoteNodeGetMemoryStatsArgs }, ret: { read: readRemoteNodeGetMemoryStatsRet, write: writeRemoteNodeGetMemoryStatsRet }, msg: null, stream: null } as const;
export const DOMAIN_GET_CONTROL_INFO = { proc: 229, args: { read: readRemoteDomainGetControlInfoArgs, write: writeRemoteDomainGetControlInfoArgs }, ret: { read: readRemoteDomainGetControlInfoRet, write: writeRemoteDomainGetControlInfoRet }, msg: null, stream: null } as const;
export const DOMAIN_GET_VCPU_PIN_INFO = { proc: 230, args: { read: readRemoteDomainGetVcpuPinInfoArgs, write: writeRemoteDomainGetVcpuPinInfoArgs }, ret: { read: readRemoteDomainGetVcpuPinInfoRet, write: writeRemoteDomainGetVcpuPinInfoRet }, msg: null, stream: null } as const;
export const DOMAIN_UNDEFINE_FLAGS = { proc: 231, args: { read: readRemoteDomainUndefineFlagsArgs, write: writeRemoteDomainUndefineFlagsArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_SAVE_FLAGS = { proc: 232, args: { read: readRemoteDomainSaveFlagsArgs, write: writeRemoteDomainSaveFlagsArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_RESTORE_FLAGS = { proc: 233, args: { read: readRemoteDomainRestoreFlagsArgs, write: writeRemoteDomainRestoreFlagsArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_DESTROY_FLAGS = { proc: 234, args: { read: readRemoteDomainDestroyFlagsArgs, write: writeRemoteDomainDestroyFlagsArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_SAVE_IMAGE_GET_XML_DESC = { proc: 235, args: { read: readRemoteDomainSaveImageGetXmlDescArgs, write: writeRemoteDomainSaveImageGetXmlDescArgs }, ret: { read: readRemoteDomainSaveImageGetXmlDescRet, write: writeRemoteDomainSaveImageGetXmlDescRet }, msg: null, stream: null } as const;
export const DOMAIN_SAVE_IMAGE_DEFINE_XML = { proc: 236, args: { read: readRemoteDomainSaveImageDefineXmlArgs, write: writeRemoteDomainSaveImageDefineXmlArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_BLOCK_JOB_ABORT = { proc: 237, args: { read: readRemoteDomainBlockJobAbortArgs, write: writeRemoteDomainBlockJobAbortArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_GET_BLOCK_JOB_INFO = { proc: 238, args: { read: readRemoteDomainGetBlockJobInfoArgs, write: writeRemoteDomainGetBlockJobInfoArgs }, ret: { read: readRemoteDomainGetBlockJobInfoRet, write: writeRemoteDomainGetBlockJobInfoRet }, msg: null, stream: null } as const;
export const DOMAIN_BLOCK_JOB_SET_SPEED = { proc: 239, args: { read: readRemoteDomainBlockJobSetSpeedArgs, write: writeRemoteDomainBlockJobSetSpeedArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_BLOCK_PULL = { proc: 240, args: { read: readRemoteDomainBlockPullArgs, write: writeRemoteDomainBlockPullArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_EVENT_BLOCK_JOB = { proc: 241, args: null, ret: null, msg: { read: readRemoteDomainEventBlockJobMsg, write: writeRemoteDomainEventBlockJobMsg }, stream: null } as const;
export const DOMAIN_MIGRATE_GET_MAX_SPEED = { proc: 242, args: { read: readRemoteDomainMigrateGetMaxSpeedArgs, write: writeRemoteDomainMigrateGetMaxSpeedArgs }, ret: { read: readRemoteDomainMigrateGetMaxSpeedRet, write: writeRemoteDomainMigrateGetMaxSpeedRet }, msg: null, stream: null } as const;
export const DOMAIN_BLOCK_STATS_FLAGS = { proc: 243, args: { read: readRemoteDomainBlockStatsFlagsArgs, write: writeRemoteDomainBlockStatsFlagsArgs }, ret: { read: readRemoteDomainBlockStatsFlagsRet, write: writeRemoteDomainBlockStatsFlagsRet }, msg: null, stream: null } as const;
export const DOMAIN_SNAPSHOT_GET_PARENT = { proc: 244, args: { read: readRemoteDomainSnapshotGetParentArgs, write: writeRemoteDomainSnapshotGetParentArgs }, ret: { read: readRemoteDomainSnapshotGetParentRet, write: writeRemoteDomainSnapshotGetParentRet }, msg: null, stream: null } as const;
export const DOMAIN_RESET = { proc: 245, args: { read: readRemoteDomainResetArgs, write: writeRemoteDomainResetArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_SNAPSHOT_NUM_CHILDREN = { proc: 246, args: { read: readRemoteDomainSnapshotNumChildrenArgs, write: writeRemoteDomainSnapshotNumChildrenArgs }, ret: { read: readRemoteDomainSnapshotNumChildrenRet, write: writeRemoteDomainSnapshotNumChildrenRet }, msg: null, stream: null } as const;
export const DOMAIN_SNAPSHOT_LIST_CHILDREN_NAMES = { proc: 247, args: { read: readRemoteDomainSnapshotListChildrenNamesArgs, write: writeRemoteDomainSnapshotListChildrenNamesArgs }, ret: { read: readRemoteDomainSnapshotListChildrenNamesRet, write: writeRemoteDomainSnapshotListChildrenNamesRet }, msg: null, stream: null } as const;
export const DOMAIN_EVENT_DISK_CHANGE = { proc: 248, args: null, ret: null, msg: { read: readRemoteDomainEventDiskChangeMsg, write: writeRemoteDomainEventDiskChangeMsg }, stream: null } as const;
export const DOMAIN_OPEN_GRAPHICS = { proc: 249, args: { read: readRemoteDomainOpenGraphicsArgs, write: writeRemoteDomainOpenGraphicsArgs }, ret: null, msg: null, stream: null } as const;
export const NODE_SUSPEND_FOR_DURATION = { proc: 250, args: { read: readRemoteNodeSuspendForDurationArgs, write: writeRemoteNodeSuspendForDurationArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_BLOCK_RESIZE = { proc: 251, args: { read: readRemoteDomainBlockResizeArgs, write: writeRemoteDomainBlockResizeArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_SET_BLOCK_IO_TUNE = { proc: 252, args: { read: readRemoteDomainSetBlockIoTuneArgs, write: writeRemoteDomainSetBlockIoTuneArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_GET_BLOCK_IO_TUNE = { proc: 253, args: { read: readRemoteDomainGetBlockIoTuneArgs, write: writeRemoteDomainGetBlockIoTuneArgs }, ret: { read: readRemoteDomainGetBlockIoTuneRet, write: writeRemoteDomainGetBlockIoTuneRet }, msg: null, stream: null } as const;
export const DOMAIN_SET_NUMA_PARAMETERS = { proc: 254, args: { read: readRemoteDomainSetNumaParametersArgs, write: writeRemoteDomainSetNumaParametersArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_GET_NUMA_PARAMETERS = { proc: 255, args: { read: readRemoteDomainGetNumaParametersArgs, write: writeRemoteDomainGetNumaParametersArgs }, ret: { read: readRemoteDomainGetNumaParametersRet, write: writeRemoteDomainGetNumaParametersRet }, msg: null, stream: null } as const;
export const DOMAIN_SET_INTERFACE_PARAMETERS = { proc: 256, args: { read: readRemoteDomainSetInterfaceParametersArgs, write: writeRemoteDomainSetInterfaceParametersArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_GET_INTERFACE_PARAMETERS = { proc: 257, args: { read: readRemoteDomainGetInterfaceParametersArgs, write: writeRemoteDomainGetInterfaceParametersArgs }, ret: { read: readRemoteDomainGetInterfaceParametersRet, write: writeRemoteDomainGetInterfaceParametersRet }, msg: null, stream: null } as const;
export const DOMAIN_SHUTDOWN_FLAGS = { proc: 258, args: { read: readRemoteDomainShutdownFlagsArgs, write: writeRemoteDomainShutdownFlagsArgs }, ret: null, msg: null, stream: null } as const;
export const STORAGE_VOL_WIPE_PATTERN = { proc: 259, args: { read: readRemoteStorageVolWipePatternArgs, write: writeRemoteStorageVolWipePatternArgs }, ret: null, msg: null, stream: null } as const;
export const STORAGE_VOL_RESIZE = { proc: 260, args: { read: readRemoteStorageVolResizeArgs, write: writeRemoteStorageVolResizeArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_PM_SUSPEND_FOR_DURATION = { proc: 261, args: { read: readRemoteDomainPmSuspendForDurationArgs, write: writeRemoteDomainPmSuspendForDurationArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_GET_CPU_STATS = { proc: 262, args: { read: readRemoteDomainGetCpuStatsArgs, write: writeRemoteDomainGetCpuStatsArgs }, ret: { read: readRemoteDomainGetCpuStatsRet, write: writeRemoteDomainGetCpuStatsRet }, msg: null, stream: null } as const;
export const DOMAIN_GET_DISK_ERRORS = { proc: 263, args: { read: readRemoteDomainGetDiskErrorsArgs, write: writeRemoteDomainGetDiskErrorsArgs }, ret: { read: readRemoteDomainGetDiskErrorsRet, write: writeRemoteDomainGetDiskErrorsRet }, msg: null, stream: null } as const;
export const DOMAIN_SET_METADATA = { proc: 264, args: { read: readRemoteDomainSetMetadataArgs, write: writeRemoteDomainSetMetadataArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_GET_METADATA = { proc: 265, args: { read: readRemoteDomainGetMetadataArgs, write: writeRemoteDomainGetMetadataArgs }, ret: { read: readRemoteDomainGetMetadataRet, write: writeRemoteDomainGetMetadataRet }, msg: null, stream: null } as const;
export const DOMAIN_BLOCK_REBASE = { proc: 266, args: { read: readRemoteDomainBlockRebaseArgs, write: writeRemoteDomainBlockRebaseArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_PM_WAKEUP = { proc: 267, args: { read: readRemoteDomainPmWakeupArgs, write: writeRemoteDomainPmWakeupArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_EVENT_TRAY_CHANGE = { proc: 268, args: null, ret: null, msg: { read: readRemoteDomainEventTrayChangeMsg, write: writeRemoteDomainEventTrayChangeMsg }, stream: null } as const;
export const DOMAIN_EVENT_PMWAKEUP = { proc: 269, args: null, ret: null, msg: { read: readRemoteDomainEventPmwakeupMsg, write: writeRemoteDomainEventPmwakeupMsg }, stream: null } as const;
export const DOMAIN_EVENT_PMSUSPEND = { proc: 270, args: null, ret: null, msg: { read: readRemoteDomainEventPmsuspendMsg, write: writeRemoteDomainEventPmsuspendMsg }, stream: null } as const;
export const DOMAIN_SNAPSHOT_IS_CURRENT = { proc: 271, args: { read: readRemoteDomainSnapshotIsCurrentArgs, write: writeRemoteDomainSnapshotIsCurrentArgs }, ret: { read: readRemoteDomainSnapshotIsCurrentRet, write: writeRemoteDomainSnapshotIsCurrentRet }, msg: null, stream: null } as const;
export const DOMAIN_SNAPSHOT_HAS_METADATA = { proc: 272, args: { read: readRemoteDomainSnapshotHasMetadataArgs, write: writeRemoteDomainSnapshotHasMetadataArgs }, ret: { read: readRemoteDomainSnapshotHasMetadataRet, write: writeRemoteDomainSnapshotHasMetadataRet }, msg: null, stream: null } as const;
export const CONNECT_LIST_ALL_DOMAINS = { proc: 273, args: { read: readRemoteConnectListAllDomainsArgs, write: writeRemoteConnectListAllDomainsArgs }, ret: { read: readRemoteConnectListAllDomainsRet, write: writeRemoteConnectListAllDomainsRet }, msg: null, stream: null } as const;
export const DOMAIN_LIST_ALL_SNAPSHOTS = { proc: 274, args: { read: readRemoteDomainListAllSnapshotsArgs, write: writeRemoteDomainListAllSnapshotsArgs }, ret: { read: readRemoteDomainListAllSnapshotsRet, write: writeRemoteDomainListAllSnapshotsRet }, msg: null, stream: null } as const;
export const DOMAIN_SNAPSHOT_LIST_ALL_CHILDREN = { proc: 275, args: { read: readRemoteDomainSnapshotListAllChildrenArgs, write: writeRemoteDomainSnapshotListAllChildrenArgs }, ret: { read: readRemoteDomainSnapshotListAllChildrenRet, write: writeRemoteDomainSnapshotListAllChildrenRet }, msg: null, stream: null } as const;
export const DOMAIN_EVENT_BALLOON_CHANGE = { proc: 276, args: null, ret: null, msg: { read: readRemoteDomainEventBalloonChangeMsg, write: writeRemoteDomainEventBalloonChangeMsg }, stream: null } as const;
export const DOMAIN_GET_HOSTNAME = { proc: 277, args: { read: readRemoteDomainGetHostnameArgs, write: writeRemoteDomainGetHostnameArgs }, ret: { read: readRemoteDomainGetHostnameRet, write: writeRemoteDomainGetHostnameRet }, msg: null, stream: null } as const;
export const DOMAIN_GET_SECURITY_LABEL_LIST = { proc: 278, args: { read: readRemoteDomainGetSecurityLabelListArgs, write: writeRemoteDomainGetSecurityLabelListArgs }, ret: { read: readRemoteDomainGetSecurityLabelListRet, write: writeRemoteDomainGetSecurityLabelListRet }, msg: null, stream: null } as const;
export const DOMAIN_PIN_EMULATOR = { proc: 279, args: { read: readRemoteDomainPinEmulatorArgs, write: writeRemoteDomainPinEmulatorArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_GET_EMULATOR_PIN_INFO = { proc: 280, args: { read: readRemoteDomainGetEmulatorPinInfoArgs, write: writeRemoteDomainGetEmulatorPinInfoArgs }, ret: { read: readRemoteDomainGetEmulatorPinInfoRet, write: writeRemoteDomainGetEmulatorPinInfoRet }, msg: null, stream: null } as const;
export const CONNECT_LIST_ALL_STORAGE_POOLS = { proc: 281, args: { read: readRemoteConnectListAllStoragePoolsArgs, write: writeRemoteConnectListAllStoragePoolsArgs }, ret: { read: readRemoteConnectListAllStoragePoolsRet, write: writeRemoteConnectListAllStoragePoolsRet }, msg: null, stream: null } as const;
export const STORAGE_POOL_LIST_ALL_VOLUMES = { proc: 282, args: { read: readRemoteStoragePoolListAllVolumesArgs, write: writeRemoteStoragePoolListAllVolumesArgs }, ret: { read: readRemoteStoragePoolListAllVolumesRet, write: writeRemoteStoragePoolListAllVolumesRet }, msg: null, stream: null } as const;
export const CONNECT_LIST_ALL_NETWORKS = { proc: 283, args: { read: readRemoteConnectListAllNetworksArgs, write: writeRemoteConnectListAllNetworksArgs }, ret: { read: readRemoteConnectListAllNetworksRet, write: writeRemoteConnectListAllNetworksRet }, msg: null, stream: null } as const;
export const CONNECT_LIST_ALL_INTERFACES = { proc: 284, args: { read: readRemoteConnectListAllInterfacesArgs, write: writeRemoteConnectListAllInterfacesArgs }, ret: { read: readRemoteConnectListAllInterfacesRet, write: writeRemoteConnectListAllInterfacesRet }, msg: null, stream: null } as const;
export const CONNECT_LIST_ALL_NODE_DEVICES = { proc: 285, args: { read: readRemoteConnectListAllNodeDevicesArgs, write: writeRemoteConnectListAllNodeDevicesArgs }, ret: { read: readRemoteConnectListAllNodeDevicesRet, write: writeRemoteConnectListAllNodeDevicesRet }, msg: null, stream: null } as const;
export const CONNECT_LIST_ALL_NWFILTERS = { proc: 286, args: { read: readRemoteConnectListAllNwfiltersArgs, write: writeRemoteConnectListAllNwfiltersArgs }, ret: { read: readRemoteConnectListAllNwfiltersRet, write: writeRemoteConnectListAllNwfiltersRet }, msg: null, stream: null } as const;
export const CONNECT_LIST_ALL_SECRETS = { proc: 287, args: { read: readRemoteConnectListAllSecretsArgs, write: writeRemoteConnectListAllSecretsArgs }, ret: { read: readRemoteConnectListAllSecretsRet, write: writeRemoteConnectListAllSecretsRet }, msg: null, stream: null } as const;
export const NODE_SET_MEMORY_PARAMETERS = { proc: 288, args: { read: readRemoteNodeSetMemoryParametersArgs, write: writeRemoteNodeSetMemoryParametersArgs }, ret: null, msg: null, stream: null } as const;
export const NODE_GET_MEMORY_PARAMETERS = { proc: 289, args: { read: readRemoteNodeGetMemoryParametersArgs, write: writeRemoteNodeGetMemoryParametersArgs }, ret: { read: readRemoteNodeGetMemoryParametersRet, write: writeRemoteNodeGetMemoryParametersRet }, msg: null, stream: null } as const;
export const DOMAIN_BLOCK_COMMIT = { proc: 290, args: { read: readRemoteDomainBlockCommitArgs, write: writeRemoteDomainBlockCommitArgs }, ret: null, msg: null, stream: null } as const;
export const NETWORK_UPDATE = { proc: 291, args: { read: readRemoteNetworkUpdateArgs, write: writeRemoteNetworkUpdateArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_EVENT_PMSUSPEND_DISK = { proc: 292, args: null, ret: null, msg: { read: readRemoteDomainEventPmsuspendDiskMsg, write: writeRemoteDomainEventPmsuspendDiskMsg }, stream: null } as const;
export const NODE_GET_CPU_MAP = { proc: 293, args: { read: readRemoteNodeGetCpuMapArgs, write: writeRemoteNodeGetCpuMapArgs }, ret: { read: readRemoteNodeGetCpuMapRet, write: writeRemoteNodeGetCpuMapRet }, msg: null, stream: null } as const;
export const DOMAIN_FSTRIM = { proc: 294, args: { read: readRemoteDomainFstrimArgs, write: writeRemoteDomainFstrimArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_SEND_PROCESS_SIGNAL = { proc: 295, args: { read: readRemoteDomainSendProcessSignalArgs, write: writeRemoteDomainSendProcessSignalArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_OPEN_CHANNEL = { proc: 296, args: { read: readRemoteDomainOpenChannelArgs, write: writeRemoteDomainOpenChannelArgs }, ret: null, msg: null, stream: 'read' } as const;
export const NODE_DEVICE_LOOKUP_SCSI_HOST_BY_WWN = { proc: 297, args: { read: readRemoteNodeDeviceLookupScsiHostByWwnArgs, write: writeRemoteNodeDeviceLookupScsiHostByWwnArgs }, ret: { read: readRemoteNodeDeviceLookupScsiHostByWwnRet, write: writeRemoteNodeDeviceLookupScsiHostByWwnRet }, msg: null, stream: null } as const;
export const DOMAIN_GET_JOB_STATS = { proc: 298, args: { read: readRemoteDomainGetJobStatsArgs, write: writeRemoteDomainGetJobStatsArgs }, ret: { read: readRemoteDomainGetJobStatsRet, write: writeRemoteDomainGetJobStatsRet }, msg: null, stream: null } as const;
export const DOMAIN_MIGRATE_GET_COMPRESSION_CACHE = { proc: 299, args: { read: readRemoteDomainMigrateGetCompressionCacheArgs, write: writeRemoteDomainMigrateGetCompressionCacheArgs }, ret: { read: readRemoteDomainMigrateGetCompressionCacheRet, write: writeRemoteDomainMigrateGetCompressionCacheRet }, msg: null, stream: null } as const;
export const DOMAIN_MIGRATE_SET_COMPRESSION_CACHE = { proc: 300, args: { read: readRemoteDomainMigrateSetCompressionCacheArgs, write: writeRemoteDomainMigrateSetCompressionCacheArgs }, ret: null, msg: null, stream: null } as const;
export const NODE_DEVICE_DETACH_FLAGS = { proc: 301, args: { read: readRemoteNodeDeviceDetachFlagsArgs, write: writeRemoteNodeDeviceDetachFlagsArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_MIGRATE_BEGIN3_PARAMS = { proc: 302, args: { read: readRemoteDomainMigrateBegin3ParamsArgs, write: writeRemoteDomainMigrateBegin3ParamsArgs }, ret: { read: readRemoteDomainMigrateBegin3ParamsRet, write: writeRemoteDomainMigrateBegin3ParamsRet }, msg: null, stream: null } as const;
export const DOMAIN_MIGRATE_PREPARE3_PARAMS = { proc: 303, args: { read: readRemoteDomainMigratePrepare3ParamsArgs, write: writeRemoteDomainMigratePrepare3ParamsArgs }, ret: { read: readRemoteDomainMigratePrepare3ParamsRet, write: writeRemoteDomainMigratePrepare3ParamsRet }, msg: null, stream: null } as const;
export const DOMAIN_MIGRATE_PREPARE_TUNNEL3_PARAMS = { proc: 304, args: { read: readRemoteDomainMigratePrepareTunnel3ParamsArgs, write: writeRemoteDomainMigratePrepareTunnel3ParamsArgs }, ret: { read: readRemoteDomainMigratePrepareTunnel3ParamsRet, write: writeRemoteDomainMigratePrepareTunnel3ParamsRet }, msg: null, stream: null } as const;
export const DOMAIN_MIGRATE_PERFORM3_PARAMS = { proc: 305, args: { read: readRemoteDomainMigratePerform3ParamsArgs, write: writeRemoteDomainMigratePerform3ParamsArgs }, ret: { read: readRemoteDomainMigratePerform3ParamsRet, write: writeRemoteDomainMigratePerform3ParamsRet }, msg: null, stream: null } as const;
export const DOMAIN_MIGRATE_FINISH3_PARAMS = { proc: 306, args: { read: readRemoteDomainMigrateFinish3ParamsArgs, write: writeRemoteDomainMigrateFinish3ParamsArgs }, ret: { read: readRemoteDomainMigrateFinish3ParamsRet, write: writeRemoteDomainMigrateFinish3ParamsRet }, msg: null, stream: null } as const;
export const DOMAIN_MIGRATE_CONFIRM3_PARAMS = { proc: 307, args: { read: readRemoteDomainMigrateConfirm3ParamsArgs, write: writeRemoteDomainMigrateConfirm3ParamsArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_SET_MEMORY_STATS_PERIOD = { proc: 308, args: { read: readRemoteDomainSetMemoryStatsPeriodArgs, write: writeRemoteDomainSetMemoryStatsPeriodArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_CREATE_XML_WITH_FILES = { proc: 309, args: { read: readRemoteDomainCreateXmlWithFilesArgs, write: writeRemoteDomainCreateXmlWithFilesArgs }, ret: { read: readRemoteDomainCreateXmlWithFilesRet, write: writeRemoteDomainCreateXmlWithFilesRet }, msg: null, stream: null } as const;
export const DOMAIN_CREATE_WITH_FILES = { proc: 310, args: { read: readRemoteDomainCreateWithFilesArgs, write: writeRemoteDomainCreateWithFilesArgs }, ret: { read: readRemoteDomainCreateWithFilesRet, write: writeRemoteDomainCreateWithFilesRet }, msg: null, stream: null } as const;
export const DOMAIN_EVENT_DEVICE_REMOVED = { proc: 311, args: null, ret: null, msg: { read: readRemoteDomainEventDeviceRemovedMsg, write: writeRemoteDomainEventDeviceRemovedMsg }, stream: null } as const;
export const CONNECT_GET_CPU_MODEL_NAMES = { proc: 312, args: { read: readRemoteConnectGetCpuModelNamesArgs, write: writeRemoteConnectGetCpuModelNamesArgs }, ret: { read: readRemoteConnectGetCpuModelNamesRet, write: writeRemoteConnectGetCpuModelNamesRet }, msg: null, stream: null } as const;
export const CONNECT_NETWORK_EVENT_REGISTER_ANY = { proc: 313, args: { read: readRemoteConnectNetworkEventRegisterAnyArgs, write: writeRemoteConnectNetworkEventRegisterAnyArgs }, ret: { read: readRemoteConnectNetworkEventRegisterAnyRet, write: writeRemoteConnectNetworkEventRegisterAnyRet }, msg: null, stream: null } as const;
export const CONNECT_NETWORK_EVENT_DEREGISTER_ANY = { proc: 314, args: { read: readRemoteConnectNetworkEventDeregisterAnyArgs, write: writeRemoteConnectNetworkEventDeregisterAnyArgs }, ret: null, msg: null, stream: null } as const;
export const NETWORK_EVENT_LIFECYCLE = { proc: 315, args: null, ret: null, msg: { read: readRemoteNetworkEventLifecycleMsg, write: writeRemoteNetworkEventLifecycleMsg }, stream: null } as const;
export const CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY = { proc: 316, args: { read: readRemoteConnectDomainEventCallbackRegisterAnyArgs, write: writeRemoteConnectDomainEventCallbackRegisterAnyArgs }, ret: { read: readRemoteConnectDomainEventCallbackRegisterAnyRet, write: writeRemoteConnectDomainEventCallbackRegisterAnyRet }, msg: null, stream: null } as const;
export const CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY = { proc: 317, args: { read: readRemoteConnectDomainEventCallbackDeregisterAnyArgs, write: writeRemoteConnectDomainEventCallbackDeregisterAnyArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_EVENT_CALLBACK_LIFECYCLE = { proc: 318, args: null, ret: null, msg: { read: readRemoteDomainEventCallbackLifecycleMsg, write: writeRemoteDomainEventCallbackLifecycleMsg }, stream: null } as const;
export const DOMAIN_EVENT_CALLBACK_REBOOT = { proc: 319, args: null, ret: null, msg: { read: readRemoteDomainEventCallbackRebootMsg, write: writeRemoteDomainEventCallbackRebootMsg }, stream: null } as const;
export const DOMAIN_EVENT_CALLBACK_RTC_CHANGE = { proc: 320, args: null, ret: null, msg: { read: readRemoteDomainEventCallbackRtcChangeMsg, write: writeRemoteDomainEventCallbackRtcChangeMsg }, stream: null } as const;
export const DOMAIN_EVENT_CALLBACK_WATCHDOG = { proc: 321, args: null, ret: null, msg: { read: readRemoteDomainEventCallbackWatchdogMsg, write: writeRemoteDomainEventCallbackWatchdogMsg }, stream: null } as const;
export const DOMAIN_EVENT_CALLBACK_IO_ERROR = { proc: 322, args: null, ret: null, msg: { read: readRemoteDomainEventCallbackIoErrorMsg, write: writeRemoteDomainEventCallbackIoErrorMsg }, stream: null } as const;
export const DOMAIN_EVENT_CALLBACK_GRAPHICS = { proc: 323, args: null, ret: null, msg: { read: readRemoteDomainEventCallbackGraphicsMsg, write: writeRemoteDomainEventCallbackGraphicsMsg }, stream: null } as const;
export const DOMAIN_EVENT_CALLBACK_IO_ERROR_REASON = { proc: 324, args: null, ret: null, msg: { read: readRemoteDomainEventCallbackIoErrorReasonMsg, write: writeRemoteDomainEventCallbackIoErrorReasonMsg }, stream: null } as const;
export const DOMAIN_EVENT_CALLBACK_CONTROL_ERROR = { proc: 325, args: null, ret: null, msg: { read: readRemoteDomainEventCallbackControlErrorMsg, write: writeRemoteDomainEventCallbackControlErrorMsg }, stream: null } as const;
export const DOMAIN_EVENT_CALLBACK_BLOCK_JOB = { proc: 326, args: null, ret: null, msg: { read: readRemoteDomainEventCallbackBlockJobMsg, write: writeRemoteDomainEventCallbackBlockJobMsg }, stream: null } as const;
export const DOMAIN_EVENT_CALLBACK_DISK_CHANGE = { proc: 327, args: null, ret: null, msg: { read: readRemoteDomainEventCallbackDiskChangeMsg, write: writeRemoteDomainEventCallbackDiskChangeMsg }, stream: null } as const;
export const DOMAIN_EVENT_CALLBACK_TRAY_CHANGE = { proc: 328, args: null, ret: null, msg: { read: readRemoteDomainEventCallbackTrayChangeMsg, write: writeRemoteDomainEventCallbackTrayChangeMsg }, stream: null } as const;
export const DOMAIN_EVENT_CALLBACK_PMWAKEUP = { proc: 329, args: null, ret: null, msg: { read: readRemoteDomainEventCallbackPmwakeupMsg, write: writeRemoteDomainEventCallbackPmwakeupMsg }, stream: null } as const;
export const DOMAIN_EVENT_CALLBACK_PMSUSPEND = { proc: 330, args: null, ret: null, msg: { read: readRemoteDomainEventCallbackPmsuspendMsg, write: writeRemoteDomainEventCallbackPmsuspendMsg }, stream: null } as const;
export const DOMAIN_EVENT_CALLBACK_BALLOON_CHANGE = { proc: 331, args: null, ret: null, msg: { read: readRemoteDomainEventCallbackBalloonChangeMsg, write: writeRemoteDomainEventCallbackBalloonChangeMsg }, stream: null } as const;
export const DOMAIN_EVENT_CALLBACK_PMSUSPEND_DISK = { proc: 332, args: null, ret: null, msg: { read: readRemoteDomainEventCallbackPmsuspendDiskMsg, write: writeRemoteDomainEventCallbackPmsuspendDiskMsg }, stream: null } as const;
export const DOMAIN_EVENT_CALLBACK_DEVICE_REMOVED = { proc: 333, args: null, ret: null, msg: { read: readRemoteDomainEventCallbackDeviceRemovedMsg, write: writeRemoteDomainEventCallbackDeviceRemovedMsg }, stream: null } as const;
export const DOMAIN_CORE_DUMP_WITH_FORMAT = { proc: 334, args: { read: readRemoteDomainCoreDumpWithFormatArgs, write: writeRemoteDomainCoreDumpWithFormatArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_FSFREEZE = { proc: 335, args: { read: readRemoteDomainFsfreezeArgs, write: writeRemoteDomainFsfreezeArgs }, ret: { read: readRemoteDomainFsfreezeRet, write: writeRemoteDomainFsfreezeRet }, msg: null, stream: null } as const;
export const DOMAIN_FSTHAW = { proc: 336, args: { read: readRemoteDomainFsthawArgs, write: writeRemoteDomainFsthawArgs }, ret: { read: readRemoteDomainFsthawRet, write: writeRemoteDomainFsthawRet }, msg: null, stream: null } as const;
export const DOMAIN_GET_TIME = { proc: 337, args: { read: readRemoteDomainGetTimeArgs, write: writeRemoteDomainGetTimeArgs }, ret: { read: readRemoteDomainGetTimeRet, write: writeRemoteDomainGetTimeRet }, msg: null, stream: null } as const;
export const DOMAIN_SET_TIME = { proc: 338, args: { read: readRemoteDomainSetTimeArgs, write: writeRemoteDomainSetTimeArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_EVENT_BLOCK_JOB_2 = { proc: 339, args: null, ret: null, msg: { read: readRemoteDomainEventBlockJob2Msg, write: writeRemoteDomainEventBlockJob2Msg }, stream: null } as const;
export const NODE_GET_FREE_PAGES = { proc: 340, args: { read: readRemoteNodeGetFreePagesArgs, write: writeRemoteNodeGetFreePagesArgs }, ret: { read: readRemoteNodeGetFreePagesRet, write: writeRemoteNodeGetFreePagesRet }, msg: null, stream: null } as const;
export const NETWORK_GET_DHCP_LEASES = { proc: 341, args: { read: readRemoteNetworkGetDhcpLeasesArgs, write: writeRemoteNetworkGetDhcpLeasesArgs }, ret: { read: readRemoteNetworkGetDhcpLeasesRet, write: writeRemoteNetworkGetDhcpLeasesRet }, msg: null, stream: null } as const;
export const CONNECT_GET_DOMAIN_CAPABILITIES = { proc: 342, args: { read: readRemoteConnectGetDomainCapabilitiesArgs, write: writeRemoteConnectGetDomainCapabilitiesArgs }, ret: { read: readRemoteConnectGetDomainCapabilitiesRet, write: writeRemoteConnectGetDomainCapabilitiesRet }, msg: null, stream: null } as const;
export const DOMAIN_OPEN_GRAPHICS_FD = { proc: 343, args: { read: readRemoteDomainOpenGraphicsFdArgs, write: writeRemoteDomainOpenGraphicsFdArgs }, ret: null, msg: null, stream: null } as const;
export const CONNECT_GET_ALL_DOMAIN_STATS = { proc: 344, args: { read: readRemoteConnectGetAllDomainStatsArgs, write: writeRemoteConnectGetAllDomainStatsArgs }, ret: { read: readRemoteConnectGetAllDomainStatsRet, write: writeRemoteConnectGetAllDomainStatsRet }, msg: null, stream: null } as const;
export const DOMAIN_BLOCK_COPY = { proc: 345, args: { read: readRemoteDomainBlockCopyArgs, write: writeRemoteDomainBlockCopyArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_EVENT_CALLBACK_TUNABLE = { proc: 346, args: null, ret: null, msg: { read: readRemoteDomainEventCallbackTunableMsg, write: writeRemoteDomainEventCallbackTunableMsg }, stream: null } as const;
export const NODE_ALLOC_PAGES = { proc: 347, args: { read: readRemoteNodeAllocPagesArgs, write: writeRemoteNodeAllocPagesArgs }, ret: { read: readRemoteNodeAllocPagesRet, write: writeRemoteNodeAllocPagesRet }, msg: null, stream: null } as const;
export const DOMAIN_EVENT_CALLBACK_AGENT_LIFECYCLE = { proc: 348, args: null, ret: null, msg: { read: readRemoteDomainEventCallbackAgentLifecycleMsg, write: writeRemoteDomainEventCallbackAgentLifecycleMsg }, stream: null } as const;
export const DOMAIN_GET_FSINFO = { proc: 349, args: { read: readRemoteDomainGetFsinfoArgs, write: writeRemoteDomainGetFsinfoArgs }, ret: { read: readRemoteDomainGetFsinfoRet, write: writeRemoteDomainGetFsinfoRet }, msg: null, stream: null } as const;
export const DOMAIN_DEFINE_XML_FLAGS = { proc: 350, args: { read: readRemoteDomainDefineXmlFlagsArgs, write: writeRemoteDomainDefineXmlFlagsArgs }, ret: { read: readRemoteDomainDefineXmlFlagsRet, write: writeRemoteDomainDefineXmlFlagsRet }, msg: null, stream: null } as const;
export const DOMAIN_GET_IOTHREAD_INFO = { proc: 351, args: { read: readRemoteDomainGetIothreadInfoArgs, write: writeRemoteDomainGetIothreadInfoArgs }, ret: { read: readRemoteDomainGetIothreadInfoRet, write: writeRemoteDomainGetIothreadInfoRet }, msg: null, stream: null } as const;
export const DOMAIN_PIN_IOTHREAD = { proc: 352, args: { read: readRemoteDomainPinIothreadArgs, write: writeRemoteDomainPinIothreadArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_INTERFACE_ADDRESSES = { proc: 353, args: { read: readRemoteDomainInterfaceAddressesArgs, write: writeRemoteDomainInterfaceAddressesArgs }, ret: { read: readRemoteDomainInterfaceAddressesRet, write: writeRemoteDomainInterfaceAddressesRet }, msg: null, stream: null } as const;
export const DOMAIN_EVENT_CALLBACK_DEVICE_ADDED = { proc: 354, args: null, ret: null, msg: { read: readRemoteDomainEventCallbackDeviceAddedMsg, write: writeRemoteDomainEventCallbackDeviceAddedMsg }, stream: null } as const;
export const DOMAIN_ADD_IOTHREAD = { proc: 355, args: { read: readRemoteDomainAddIothreadArgs, write: writeRemoteDomainAddIothreadArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_DEL_IOTHREAD = { proc: 356, args: { read: readRemoteDomainDelIothreadArgs, write: writeRemoteDomainDelIothreadArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_SET_USER_PASSWORD = { proc: 357, args: { read: readRemoteDomainSetUserPasswordArgs, write: writeRemoteDomainSetUserPasswordArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_RENAME = { proc: 358, args: { read: readRemoteDomainRenameArgs, write: writeRemoteDomainRenameArgs }, ret: { read: readRemoteDomainRenameRet, write: writeRemoteDomainRenameRet }, msg: null, stream: null } as const;
export const DOMAIN_EVENT_CALLBACK_MIGRATION_ITERATION = { proc: 359, args: null, ret: null, msg: { read: readRemoteDomainEventCallbackMigrationIterationMsg, write: writeRemoteDomainEventCallbackMigrationIterationMsg }, stream: null } as const;
export const CONNECT_REGISTER_CLOSE_CALLBACK = { proc: 360, args: null, ret: null, msg: null, stream: null } as const;
export const CONNECT_UNREGISTER_CLOSE_CALLBACK = { proc: 361, args: null, ret: null, msg: null, stream: null } as const;
export const CONNECT_EVENT_CONNECTION_CLOSED = { proc: 362, args: null, ret: null, msg: { read: readRemoteConnectEventConnectionClosedMsg, write: writeRemoteConnectEventConnectionClosedMsg }, stream: null } as const;
export const DOMAIN_EVENT_CALLBACK_JOB_COMPLETED = { proc: 363, args: null, ret: null, msg: { read: readRemoteDomainEventCallbackJobCompletedMsg, write: writeRemoteDomainEventCallbackJobCompletedMsg }, stream: null } as const;
export const DOMAIN_MIGRATE_START_POST_COPY = { proc: 364, args: { read: readRemoteDomainMigrateStartPostCopyArgs, write: writeRemoteDomainMigrateStartPostCopyArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_GET_PERF_EVENTS = { proc: 365, args: { read: readRemoteDomainGetPerfEventsArgs, write: writeRemoteDomainGetPerfEventsArgs }, ret: { read: readRemoteDomainGetPerfEventsRet, write: writeRemoteDomainGetPerfEventsRet }, msg: null, stream: null } as const;
export const DOMAIN_SET_PERF_EVENTS = { proc: 366, args: { read: readRemoteDomainSetPerfEventsArgs, write: writeRemoteDomainSetPerfEventsArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_EVENT_CALLBACK_DEVICE_REMOVAL_FAILED = { proc: 367, args: null, ret: null, msg: { read: readRemoteDomainEventCallbackDeviceRemovalFailedMsg, write: writeRemoteDomainEventCallbackDeviceRemovalFailedMsg }, stream: null } as const;
export const CONNECT_STORAGE_POOL_EVENT_REGISTER_ANY = { proc: 368, args: { read: readRemoteConnectStoragePoolEventRegisterAnyArgs, write: writeRemoteConnectStoragePoolEventRegisterAnyArgs }, ret: { read: readRemoteConnectStoragePoolEventRegisterAnyRet, write: writeRemoteConnectStoragePoolEventRegisterAnyRet }, msg: null, stream: null } as const;
export const CONNECT_STORAGE_POOL_EVENT_DEREGISTER_ANY = { proc: 369, args: { read: readRemoteConnectStoragePoolEventDeregisterAnyArgs, write: writeRemoteConnectStoragePoolEventDeregisterAnyArgs }, ret: null, msg: null, stream: null } as const;
export const STORAGE_POOL_EVENT_LIFECYCLE = { proc: 370, args: null, ret: null, msg: { read: readRemoteStoragePoolEventLifecycleMsg, write: writeRemoteStoragePoolEventLifecycleMsg }, stream: null } as const;
export const DOMAIN_GET_GUEST_VCPUS = { proc: 371, args: { read: readRemoteDomainGetGuestVcpusArgs, write: writeRemoteDomainGetGuestVcpusArgs }, ret: { read: readRemoteDomainGetGuestVcpusRet, write: writeRemoteDomainGetGuestVcpusRet }, msg: null, stream: null } as const;
export const DOMAIN_SET_GUEST_VCPUS = { proc: 372, args: { read: readRemoteDomainSetGuestVcpusArgs, write: writeRemoteDomainSetGuestVcpusArgs }, ret: null, msg: null, stream: null } as const;
export const STORAGE_POOL_EVENT_REFRESH = { proc: 373, args: null, ret: null, msg: { read: readRemoteStoragePoolEventRefreshMsg, write: writeRemoteStoragePoolEventRefreshMsg }, stream: null } as const;
export const CONNECT_NODE_DEVICE_EVENT_REGISTER_ANY = { proc: 374, args: { read: readRemoteConnectNodeDeviceEventRegisterAnyArgs, write: writeRemoteConnectNodeDeviceEventRegisterAnyArgs }, ret: { read: readRemoteConnectNodeDeviceEventRegisterAnyRet, write: writeRemoteConnectNodeDeviceEventRegisterAnyRet }, msg: null, stream: null } as const;
export const CONNECT_NODE_DEVICE_EVENT_DEREGISTER_ANY = { proc: 375, args: { read: readRemoteConnectNodeDeviceEventDeregisterAnyArgs, write: writeRemoteConnectNodeDeviceEventDeregisterAnyArgs }, ret: null, msg: null, stream: null } as const;
export const NODE_DEVICE_EVENT_LIFECYCLE = { proc: 376, args: null, ret: null, msg: { read: readRemoteNodeDeviceEventLifecycleMsg, write: writeRemoteNodeDeviceEventLifecycleMsg }, stream: null } as const;
export const NODE_DEVICE_EVENT_UPDATE = { proc: 377, args: null, ret: null, msg: { read: readRemoteNodeDeviceEventUpdateMsg, write: writeRemoteNodeDeviceEventUpdateMsg }, stream: null } as const;
export const STORAGE_VOL_GET_INFO_FLAGS = { proc: 378, args: { read: readRemoteStorageVolGetInfoFlagsArgs, write: writeRemoteStorageVolGetInfoFlagsArgs }, ret: { read: readRemoteStorageVolGetInfoFlagsRet, write: writeRemoteStorageVolGetInfoFlagsRet }, msg: null, stream: null } as const;
export const DOMAIN_EVENT_CALLBACK_METADATA_CHANGE = { proc: 379, args: null, ret: null, msg: { read: readRemoteDomainEventCallbackMetadataChangeMsg, write: writeRemoteDomainEventCallbackMetadataChangeMsg }, stream: null } as const;
export const CONNECT_SECRET_EVENT_REGISTER_ANY = { proc: 380, args: { read: readRemoteConnectSecretEventRegisterAnyArgs, write: writeRemoteConnectSecretEventRegisterAnyArgs }, ret: { read: readRemoteConnectSecretEventRegisterAnyRet, write: writeRemoteConnectSecretEventRegisterAnyRet }, msg: null, stream: null } as const;
export const CONNECT_SECRET_EVENT_DEREGISTER_ANY = { proc: 381, args: { read: readRemoteConnectSecretEventDeregisterAnyArgs, write: writeRemoteConnectSecretEventDeregisterAnyArgs }, ret: null, msg: null, stream: null } as const;
export const SECRET_EVENT_LIFECYCLE = { proc: 382, args: null, ret: null, msg: { read: readRemoteSecretEventLifecycleMsg, write: writeRemoteSecretEventLifecycleMsg }, stream: null } as const;
export const SECRET_EVENT_VALUE_CHANGED = { proc: 383, args: null, ret: null, msg: { read: readRemoteSecretEventValueChangedMsg, write: writeRemoteSecretEventValueChangedMsg }, stream: null } as const;
export const DOMAIN_SET_VCPU = { proc: 384, args: { read: readRemoteDomainSetVcpuArgs, write: writeRemoteDomainSetVcpuArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_EVENT_BLOCK_THRESHOLD = { proc: 385, args: null, ret: null, msg: { read: readRemoteDomainEventBlockThresholdMsg, write: writeRemoteDomainEventBlockThresholdMsg }, stream: null } as const;
export const DOMAIN_SET_BLOCK_THRESHOLD = { proc: 386, args: { read: readRemoteDomainSetBlockThresholdArgs, write: writeRemoteDomainSetBlockThresholdArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_MIGRATE_GET_MAX_DOWNTIME = { proc: 387, args: { read: readRemoteDomainMigrateGetMaxDowntimeArgs, write: writeRemoteDomainMigrateGetMaxDowntimeArgs }, ret: { read: readRemoteDomainMigrateGetMaxDowntimeRet, write: writeRemoteDomainMigrateGetMaxDowntimeRet }, msg: null, stream: null } as const;
export const DOMAIN_MANAGED_SAVE_GET_XML_DESC = { proc: 388, args: { read: readRemoteDomainManagedSaveGetXmlDescArgs, write: writeRemoteDomainManagedSaveGetXmlDescArgs }, ret: { read: readRemoteDomainManagedSaveGetXmlDescRet, write: writeRemoteDomainManagedSaveGetXmlDescRet }, msg: null, stream: null } as const;
export const DOMAIN_MANAGED_SAVE_DEFINE_XML = { proc: 389, args: { read: readRemoteDomainManagedSaveDefineXmlArgs, write: writeRemoteDomainManagedSaveDefineXmlArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_SET_LIFECYCLE_ACTION = { proc: 390, args: { read: readRemoteDomainSetLifecycleActionArgs, write: writeRemoteDomainSetLifecycleActionArgs }, ret: null, msg: null, stream: null } as const;
export const STORAGE_POOL_LOOKUP_BY_TARGET_PATH = { proc: 391, args: { read: readRemoteStoragePoolLookupByTargetPathArgs, write: writeRemoteStoragePoolLookupByTargetPathArgs }, ret: { read: readRemoteStoragePoolLookupByTargetPathRet, write: writeRemoteStoragePoolLookupByTargetPathRet }, msg: null, stream: null } as const;
export const DOMAIN_DETACH_DEVICE_ALIAS = { proc: 392, args: { read: readRemoteDomainDetachDeviceAliasArgs, write: writeRemoteDomainDetachDeviceAliasArgs }, ret: null, msg: null, stream: null } as const;
export const CONNECT_COMPARE_HYPERVISOR_CPU = { proc: 393, args: { read: readRemoteConnectCompareHypervisorCpuArgs, write: writeRemoteConnectCompareHypervisorCpuArgs }, ret: { read: readRemoteConnectCompareHypervisorCpuRet, write: writeRemoteConnectCompareHypervisorCpuRet }, msg: null, stream: null } as const;
export const CONNECT_BASELINE_HYPERVISOR_CPU = { proc: 394, args: { read: readRemoteConnectBaselineHypervisorCpuArgs, write: writeRemoteConnectBaselineHypervisorCpuArgs }, ret: { read: readRemoteConnectBaselineHypervisorCpuRet, write: writeRemoteConnectBaselineHypervisorCpuRet }, msg: null, stream: null } as const;
export const NODE_GET_SEV_INFO = { proc: 395, args: { read: readRemoteNodeGetSevInfoArgs, write: writeRemoteNodeGetSevInfoArgs }, ret: { read: readRemoteNodeGetSevInfoRet, write: writeRemoteNodeGetSevInfoRet }, msg: null, stream: null } as const;
export const DOMAIN_GET_LAUNCH_SECURITY_INFO = { proc: 396, args: { read: readRemoteDomainGetLaunchSecurityInfoArgs, write: writeRemoteDomainGetLaunchSecurityInfoArgs }, ret: { read: readRemoteDomainGetLaunchSecurityInfoRet, write: writeRemoteDomainGetLaunchSecurityInfoRet }, msg: null, stream: null } as const;
export const NWFILTER_BINDING_LOOKUP_BY_PORT_DEV = { proc: 397, args: { read: readRemoteNwfilterBindingLookupByPortDevArgs, write: writeRemoteNwfilterBindingLookupByPortDevArgs }, ret: { read: readRemoteNwfilterBindingLookupByPortDevRet, write: writeRemoteNwfilterBindingLookupByPortDevRet }, msg: null, stream: null } as const;
export const NWFILTER_BINDING_GET_XML_DESC = { proc: 398, args: { read: readRemoteNwfilterBindingGetXmlDescArgs, write: writeRemoteNwfilterBindingGetXmlDescArgs }, ret: { read: readRemoteNwfilterBindingGetXmlDescRet, write: writeRemoteNwfilterBindingGetXmlDescRet }, msg: null, stream: null } as const;
export const NWFILTER_BINDING_CREATE_XML = { proc: 399, args: { read: readRemoteNwfilterBindingCreateXmlArgs, write: writeRemoteNwfilterBindingCreateXmlArgs }, ret: { read: readRemoteNwfilterBindingCreateXmlRet, write: writeRemoteNwfilterBindingCreateXmlRet }, msg: null, stream: null } as const;
export const NWFILTER_BINDING_DELETE = { proc: 400, args: { read: readRemoteNwfilterBindingDeleteArgs, write: writeRemoteNwfilterBindingDeleteArgs }, ret: null, msg: null, stream: null } as const;
export const CONNECT_LIST_ALL_NWFILTER_BINDINGS = { proc: 401, args: { read: readRemoteConnectListAllNwfilterBindingsArgs, write: writeRemoteConnectListAllNwfilterBindingsArgs }, ret: { read: readRemoteConnectListAllNwfilterBindingsRet, write: writeRemoteConnectListAllNwfilterBindingsRet }, msg: null, stream: null } as const;
export const DOMAIN_SET_IOTHREAD_PARAMS = { proc: 402, args: { read: readRemoteDomainSetIothreadParamsArgs, write: writeRemoteDomainSetIothreadParamsArgs }, ret: null, msg: null, stream: null } as const;
export const CONNECT_GET_STORAGE_POOL_CAPABILITIES = { proc: 403, args: { read: readRemoteConnectGetStoragePoolCapabilitiesArgs, write: writeRemoteConnectGetStoragePoolCapabilitiesArgs }, ret: { read: readRemoteConnectGetStoragePoolCapabilitiesRet, write: writeRemoteConnectGetStoragePoolCapabilitiesRet }, msg: null, stream: null } as const;
export const NETWORK_LIST_ALL_PORTS = { proc: 404, args: { read: readRemoteNetworkListAllPortsArgs, write: writeRemoteNetworkListAllPortsArgs }, ret: { read: readRemoteNetworkListAllPortsRet, write: writeRemoteNetworkListAllPortsRet }, msg: null, stream: null } as const;
export const NETWORK_PORT_LOOKUP_BY_UUID = { proc: 405, args: { read: readRemoteNetworkPortLookupByUuidArgs, write: writeRemoteNetworkPortLookupByUuidArgs }, ret: { read: readRemoteNetworkPortLookupByUuidRet, write: writeRemoteNetworkPortLookupByUuidRet }, msg: null, stream: null } as const;
export const NETWORK_PORT_CREATE_XML = { proc: 406, args: { read: readRemoteNetworkPortCreateXmlArgs, write: writeRemoteNetworkPortCreateXmlArgs }, ret: { read: readRemoteNetworkPortCreateXmlRet, write: writeRemoteNetworkPortCreateXmlRet }, msg: null, stream: null } as const;
export const NETWORK_PORT_GET_PARAMETERS = { proc: 407, args: { read: readRemoteNetworkPortGetParametersArgs, write: writeRemoteNetworkPortGetParametersArgs }, ret: { read: readRemoteNetworkPortGetParametersRet, write: writeRemoteNetworkPortGetParametersRet }, msg: null, stream: null } as const;
export const NETWORK_PORT_SET_PARAMETERS = { proc: 408, args: { read: readRemoteNetworkPortSetParametersArgs, write: writeRemoteNetworkPortSetParametersArgs }, ret: null, msg: null, stream: null } as const;
export const NETWORK_PORT_GET_XML_DESC = { proc: 409, args: { read: readRemoteNetworkPortGetXmlDescArgs, write: writeRemoteNetworkPortGetXmlDescArgs }, ret: { read: readRemoteNetworkPortGetXmlDescRet, write: writeRemoteNetworkPortGetXmlDescRet }, msg: null, stream: null } as const;
export const NETWORK_PORT_DELETE = { proc: 410, args: { read: readRemoteNetworkPortDeleteArgs, write: writeRemoteNetworkPortDeleteArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_CHECKPOINT_CREATE_XML = { proc: 411, args: { read: readRemoteDomainCheckpointCreateXmlArgs, write: writeRemoteDomainCheckpointCreateXmlArgs }, ret: { read: readRemoteDomainCheckpointCreateXmlRet, write: writeRemoteDomainCheckpointCreateXmlRet }, msg: null, stream: null } as const;
export const DOMAIN_CHECKPOINT_GET_XML_DESC = { proc: 412, args: { read: readRemoteDomainCheckpointGetXmlDescArgs, write: writeRemoteDomainCheckpointGetXmlDescArgs }, ret: { read: readRemoteDomainCheckpointGetXmlDescRet, write: writeRemoteDomainCheckpointGetXmlDescRet }, msg: null, stream: null } as const;
export const DOMAIN_LIST_ALL_CHECKPOINTS = { proc: 413, args: { read: readRemoteDomainListAllCheckpointsArgs, write: writeRemoteDomainListAllCheckpointsArgs }, ret: { read: readRemoteDomainListAllCheckpointsRet, write: writeRemoteDomainListAllCheckpointsRet }, msg: null, stream: null } as const;
export const DOMAIN_CHECKPOINT_LIST_ALL_CHILDREN = { proc: 414, args: { read: readRemoteDomainCheckpointListAllChildrenArgs, write: writeRemoteDomainCheckpointListAllChildrenArgs }, ret: { read: readRemoteDomainCheckpointListAllChildrenRet, write: writeRemoteDomainCheckpointListAllChildrenRet }, msg: null, stream: null } as const;
export const DOMAIN_CHECKPOINT_LOOKUP_BY_NAME = { proc: 415, args: { read: readRemoteDomainCheckpointLookupByNameArgs, write: writeRemoteDomainCheckpointLookupByNameArgs }, ret: { read: readRemoteDomainCheckpointLookupByNameRet, write: writeRemoteDomainCheckpointLookupByNameRet }, msg: null, stream: null } as const;
export const DOMAIN_CHECKPOINT_GET_PARENT = { proc: 416, args: { read: readRemoteDomainCheckpointGetParentArgs, write: writeRemoteDomainCheckpointGetParentArgs }, ret: { read: readRemoteDomainCheckpointGetParentRet, write: writeRemoteDomainCheckpointGetParentRet }, msg: null, stream: null } as const;
export const DOMAIN_CHECKPOINT_DELETE = { proc: 417, args: { read: readRemoteDomainCheckpointDeleteArgs, write: writeRemoteDomainCheckpointDeleteArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_GET_GUEST_INFO = { proc: 418, args: { read: readRemoteDomainGetGuestInfoArgs, write: writeRemoteDomainGetGuestInfoArgs }, ret: { read: readRemoteDomainGetGuestInfoRet, write: writeRemoteDomainGetGuestInfoRet }, msg: null, stream: null } as const;
export const CONNECT_SET_IDENTITY = { proc: 419, args: { read: readRemoteConnectSetIdentityArgs, write: writeRemoteConnectSetIdentityArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_AGENT_SET_RESPONSE_TIMEOUT = { proc: 420, args: { read: readRemoteDomainAgentSetResponseTimeoutArgs, write: writeRemoteDomainAgentSetResponseTimeoutArgs }, ret: { read: readRemoteDomainAgentSetResponseTimeoutRet, write: writeRemoteDomainAgentSetResponseTimeoutRet }, msg: null, stream: null } as const;
export const DOMAIN_BACKUP_BEGIN = { proc: 421, args: { read: readRemoteDomainBackupBeginArgs, write: writeRemoteDomainBackupBeginArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_BACKUP_GET_XML_DESC = { proc: 422, args: { read: readRemoteDomainBackupGetXmlDescArgs, write: writeRemoteDomainBackupGetXmlDescArgs }, ret: { read: readRemoteDomainBackupGetXmlDescRet, write: writeRemoteDomainBackupGetXmlDescRet }, msg: null, stream: null } as const;
export const DOMAIN_EVENT_MEMORY_FAILURE = { proc: 423, args: null, ret: null, msg: { read: readRemoteDomainEventMemoryFailureMsg, write: writeRemoteDomainEventMemoryFailureMsg }, stream: null } as const;
export const DOMAIN_AUTHORIZED_SSH_KEYS_GET = { proc: 424, args: { read: readRemoteDomainAuthorizedSshKeysGetArgs, write: writeRemoteDomainAuthorizedSshKeysGetArgs }, ret: { read: readRemoteDomainAuthorizedSshKeysGetRet, write: writeRemoteDomainAuthorizedSshKeysGetRet }, msg: null, stream: null } as const;
export const DOMAIN_AUTHORIZED_SSH_KEYS_SET = { proc: 425, args: { read: readRemoteDomainAuthorizedSshKeysSetArgs, write: writeRemoteDomainAuthorizedSshKeysSetArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_GET_MESSAGES = { proc: 426, args: { read: readRemoteDomainGetMessagesArgs, write: writeRemoteDomainGetMessagesArgs }, ret: { read: readRemoteDomainGetMessagesRet, write: writeRemoteDomainGetMessagesRet }, msg: null, stream: null } as const;
export const DOMAIN_START_DIRTY_RATE_CALC = { proc: 427, args: { read: readRemoteDomainStartDirtyRateCalcArgs, write: writeRemoteDomainStartDirtyRateCalcArgs }, ret: null, msg: null, stream: null } as const;
export const NODE_DEVICE_DEFINE_XML = { proc: 428, args: { read: readRemoteNodeDeviceDefineXmlArgs, write: writeRemoteNodeDeviceDefineXmlArgs }, ret: { read: readRemoteNodeDeviceDefineXmlRet, write: writeRemoteNodeDeviceDefineXmlRet }, msg: null, stream: null } as const;
export const NODE_DEVICE_UNDEFINE = { proc: 429, args: { read: readRemoteNodeDeviceUndefineArgs, write: writeRemoteNodeDeviceUndefineArgs }, ret: null, msg: null, stream: null } as const;
export const NODE_DEVICE_CREATE = { proc: 430, args: { read: readRemoteNodeDeviceCreateArgs, write: writeRemoteNodeDeviceCreateArgs }, ret: null, msg: null, stream: null } as const;
export const NWFILTER_DEFINE_XML_FLAGS = { proc: 431, args: { read: readRemoteNwfilterDefineXmlFlagsArgs, write: writeRemoteNwfilterDefineXmlFlagsArgs }, ret: { read: readRemoteNwfilterDefineXmlFlagsRet, write: writeRemoteNwfilterDefineXmlFlagsRet }, msg: null, stream: null } as const;
export const NETWORK_DEFINE_XML_FLAGS = { proc: 432, args: { read: readRemoteNetworkDefineXmlFlagsArgs, write: writeRemoteNetworkDefineXmlFlagsArgs }, ret: { read: readRemoteNetworkDefineXmlFlagsRet, write: writeRemoteNetworkDefineXmlFlagsRet }, msg: null, stream: null } as const;
export const NODE_DEVICE_GET_AUTOSTART = { proc: 433, args: { read: readRemoteNodeDeviceGetAutostartArgs, write: writeRemoteNodeDeviceGetAutostartArgs }, ret: { read: readRemoteNodeDeviceGetAutostartRet, write: writeRemoteNodeDeviceGetAutostartRet }, msg: null, stream: null } as const;
export const NODE_DEVICE_SET_AUTOSTART = { proc: 434, args: { read: readRemoteNodeDeviceSetAutostartArgs, write: writeRemoteNodeDeviceSetAutostartArgs }, ret: null, msg: null, stream: null } as const;
export const NODE_DEVICE_IS_PERSISTENT = { proc: 435, args: { read: readRemoteNodeDeviceIsPersistentArgs, write: writeRemoteNodeDeviceIsPersistentArgs }, ret: { read: readRemoteNodeDeviceIsPersistentRet, write: writeRemoteNodeDeviceIsPersistentRet }, msg: null, stream: null } as const;
export const NODE_DEVICE_IS_ACTIVE = { proc: 436, args: { read: readRemoteNodeDeviceIsActiveArgs, write: writeRemoteNodeDeviceIsActiveArgs }, ret: { read: readRemoteNodeDeviceIsActiveRet, write: writeRemoteNodeDeviceIsActiveRet }, msg: null, stream: null } as const;
export const NETWORK_CREATE_XML_FLAGS = { proc: 437, args: { read: readRemoteNetworkCreateXmlFlagsArgs, write: writeRemoteNetworkCreateXmlFlagsArgs }, ret: { read: readRemoteNetworkCreateXmlFlagsRet, write: writeRemoteNetworkCreateXmlFlagsRet }, msg: null, stream: null } as const;
export const DOMAIN_EVENT_MEMORY_DEVICE_SIZE_CHANGE = { proc: 438, args: null, ret: null, msg: { read: readRemoteDomainEventMemoryDeviceSizeChangeMsg, write: writeRemoteDomainEventMemoryDeviceSizeChangeMsg }, stream: null } as const;
export const DOMAIN_SET_LAUNCH_SECURITY_STATE = { proc: 439, args: { read: readRemoteDomainSetLaunchSecurityStateArgs, write: writeRemoteDomainSetLaunchSecurityStateArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_SAVE_PARAMS = { proc: 440, args: { read: readRemoteDomainSaveParamsArgs, write: writeRemoteDomainSaveParamsArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_RESTORE_PARAMS = { proc: 441, args: { read: readRemoteDomainRestoreParamsArgs, write: writeRemoteDomainRestoreParamsArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_ABORT_JOB_FLAGS = { proc: 442, args: { read: readRemoteDomainAbortJobFlagsArgs, write: writeRemoteDomainAbortJobFlagsArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_FD_ASSOCIATE = { proc: 443, args: { read: readRemoteDomainFdAssociateArgs, write: writeRemoteDomainFdAssociateArgs }, ret: null, msg: null, stream: null } as const;

/** Every procedure of remote_procedure (tests, tools; a program should import the ones it calls). */
export const remoteProcedures = {
  CONNECT_OPEN,
  CONNECT_CLOSE,
  CONNECT_GET_TYPE,
  CONNECT_GET_VERSION,
  CONNECT_GET_MAX_VCPUS,
  NODE_GET_INFO,
  CONNECT_GET_CAPABILITIES,
  DOMAIN_ATTACH_DEVICE,
  DOMAIN_CREATE,
  DOMAIN_CREATE_XML,
  DOMAIN_DEFINE_XML,
  DOMAIN_DESTROY,
  DOMAIN_DETACH_DEVICE,
  DOMAIN_GET_XML_DESC,
  DOMAIN_GET_AUTOSTART,
  DOMAIN_GET_INFO,
  DOMAIN_GET_MAX_MEMORY,
  DOMAIN_GET_MAX_VCPUS,
  DOMAIN_GET_OS_TYPE,
  DOMAIN_GET_VCPUS,
  CONNECT_LIST_DEFINED_DOMAINS,
  DOMAIN_LOOKUP_BY_ID,
  DOMAIN_LOOKUP_BY_NAME,
  DOMAIN_LOOKUP_BY_UUID,
  CONNECT_NUM_OF_DEFINED_DOMAINS,
  DOMAIN_PIN_VCPU,
  DOMAIN_REBOOT,
  DOMAIN_RESUME,
  DOMAIN_SET_AUTOSTART,
  DOMAIN_SET_MAX_MEMORY,
  DOMAIN_SET_MEMORY,
  DOMAIN_SET_VCPUS,
  DOMAIN_SHUTDOWN,
  DOMAIN_SUSPEND,
  DOMAIN_UNDEFINE,
  CONNECT_LIST_DEFINED_NETWORKS,
  CONNECT_LIST_DOMAINS,
  CONNECT_LIST_NETWORKS,
  NETWORK_CREATE,
  NETWORK_CREATE_XML,
  NETWORK_DEFINE_XML,
  NETWORK_DESTROY,
  NETWORK_GET_XML_DESC,
  NETWORK_GET_AUTOSTART,
  NETWORK_GET_BRIDGE_NAME,
  NETWORK_LOOKUP_BY_NAME,
  NETWORK_LOOKUP_BY_UUID,
  NETWORK_SET_AUTOSTART,
  NETWORK_UNDEFINE,
  CONNECT_NUM_OF_DEFINED_NETWORKS,
  CONNECT_NUM_OF_DOMAINS,
  CONNECT_NUM_OF_NETWORKS,
  DOMAIN_CORE_DUMP,
  DOMAIN_RESTORE,
  DOMAIN_SAVE,
  DOMAIN_GET_SCHEDULER_TYPE,
  DOMAIN_GET_SCHEDULER_PARAMETERS,
  DOMAIN_SET_SCHEDULER_PARAMETERS,
  CONNECT_GET_HOSTNAME,
  CONNECT_SUPPORTS_FEATURE,
  DOMAIN_MIGRATE_PREPARE,
  DOMAIN_MIGRATE_PERFORM,
  DOMAIN_MIGRATE_FINISH,
  DOMAIN_BLOCK_STATS,
  DOMAIN_INTERFACE_STATS,
  AUTH_LIST,
  AUTH_SASL_INIT,
  AUTH_SASL_START,
  AUTH_SASL_STEP,
  AUTH_POLKIT,
  CONNECT_NUM_OF_STORAGE_POOLS,
  CONNECT_LIST_STORAGE_POOLS,
  CONNECT_NUM_OF_DEFINED_STORAGE_POOLS,
  CONNECT_LIST_DEFINED_STORAGE_POOLS,
  CONNECT_FIND_STORAGE_POOL_SOURCES,
  STORAGE_POOL_CREATE_XML,
  STORAGE_POOL_DEFINE_XML,
  STORAGE_POOL_CREATE,
  STORAGE_POOL_BUILD,
  STORAGE_POOL_DESTROY,
  STORAGE_POOL_DELETE,
  STORAGE_POOL_UNDEFINE,
  STORAGE_POOL_REFRESH,
  STORAGE_POOL_LOOKUP_BY_NAME,
  STORAGE_POOL_LOOKUP_BY_UUID,
  STORAGE_POOL_LOOKUP_BY_VOLUME,
  STORAGE_POOL_GET_INFO,
  STORAGE_POOL_GET_XML_DESC,
  STORAGE_POOL_GET_AUTOSTART,
  STORAGE_POOL_SET_AUTOSTART,
  STORAGE_POOL_NUM_OF_VOLUMES,
  STORAGE_POOL_LIST_VOLUMES,
  STORAGE_VOL_CREATE_XML,
  STORAGE_VOL_DELETE,
  STORAGE_VOL_LOOKUP_BY_NAME,
  STORAGE_VOL_LOOKUP_BY_KEY,
  STORAGE_VOL_LOOKUP_BY_PATH,
  STORAGE_VOL_GET_INFO,
  STORAGE_VOL_GET_XML_DESC,
  STORAGE_VOL_GET_PATH,
  NODE_GET_CELLS_FREE_MEMORY,
  NODE_GET_FREE_MEMORY,
  DOMAIN_BLOCK_PEEK,
  DOMAIN_MEMORY_PEEK,
  CONNECT_DOMAIN_EVENT_REGISTER,
  CONNECT_DOMAIN_EVENT_DEREGISTER,
  DOMAIN_EVENT_LIFECYCLE,
  DOMAIN_MIGRATE_PREPARE2,
  DOMAIN_MIGRATE_FINISH2,
  CONNECT_GET_URI,
  NODE_NUM_OF_DEVICES,
  NODE_LIST_DEVICES,
  NODE_DEVICE_LOOKUP_BY_NAME,
  NODE_DEVICE_GET_XML_DESC,
  NODE_DEVICE_GET_PARENT,
  NODE_DEVICE_NUM_OF_CAPS,
  NODE_DEVICE_LIST_CAPS,
  NODE_DEVICE_DETTACH,
  NODE_DEVICE_RE_ATTACH,
  NODE_DEVICE_RESET,
  DOMAIN_GET_SECURITY_LABEL,
  NODE_GET_SECURITY_MODEL,
  NODE_DEVICE_CREATE_XML,
  NODE_DEVICE_DESTROY,
  STORAGE_VOL_CREATE_XML_FROM,
  CONNECT_NUM_OF_INTERFACES,
  CONNECT_LIST_INTERFACES,
  INTERFACE_LOOKUP_BY_NAME,
  INTERFACE_LOOKUP_BY_MAC_STRING,
  INTERFACE_GET_XML_DESC,
  INTERFACE_DEFINE_XML,
  INTERFACE_UNDEFINE,
  INTERFACE_CREATE,
  INTERFACE_DESTROY,
  CONNECT_DOMAIN_XML_FROM_NATIVE,
  CONNECT_DOMAIN_XML_TO_NATIVE,
  CONNECT_NUM_OF_DEFINED_INTERFACES,
  CONNECT_LIST_DEFINED_INTERFACES,
  CONNECT_NUM_OF_SECRETS,
  CONNECT_LIST_SECRETS,
  SECRET_LOOKUP_BY_UUID,
  SECRET_DEFINE_XML,
  SECRET_GET_XML_DESC,
  SECRET_SET_VALUE,
  SECRET_GET_VALUE,
  SECRET_UNDEFINE,
  SECRET_LOOKUP_BY_USAGE,
  DOMAIN_MIGRATE_PREPARE_TUNNEL,
  CONNECT_IS_SECURE,
  DOMAIN_IS_ACTIVE,
  DOMAIN_IS_PERSISTENT,
  NETWORK_IS_ACTIVE,
  NETWORK_IS_PERSISTENT,
  STORAGE_POOL_IS_ACTIVE,
  STORAGE_POOL_IS_PERSISTENT,
  INTERFACE_IS_ACTIVE,
  CONNECT_GET_LIB_VERSION,
  CONNECT_COMPARE_CPU,
  DOMAIN_MEMORY_STATS,
  DOMAIN_ATTACH_DEVICE_FLAGS,
  DOMAIN_DETACH_DEVICE_FLAGS,
  CONNECT_BASELINE_CPU,
  DOMAIN_GET_JOB_INFO,
  DOMAIN_ABORT_JOB,
  STORAGE_VOL_WIPE,
  DOMAIN_MIGRATE_SET_MAX_DOWNTIME,
  CONNECT_DOMAIN_EVENT_REGISTER_ANY,
  CONNECT_DOMAIN_EVENT_DEREGISTER_ANY,
  DOMAIN_EVENT_REBOOT,
  DOMAIN_EVENT_RTC_CHANGE,
  DOMAIN_EVENT_WATCHDOG,
  DOMAIN_EVENT_IO_ERROR,
  DOMAIN_EVENT_GRAPHICS,
  DOMAIN_UPDATE_DEVICE_FLAGS,
  NWFILTER_LOOKUP_BY_NAME,
  NWFILTER_LOOKUP_BY_UUID,
  NWFILTER_GET_XML_DESC,
  CONNECT_NUM_OF_NWFILTERS,
  CONNECT_LIST_NWFILTERS,
  NWFILTER_DEFINE_XML,
  NWFILTER_UNDEFINE,
  DOMAIN_MANAGED_SAVE,
  DOMAIN_HAS_MANAGED_SAVE_IMAGE,
  DOMAIN_MANAGED_SAVE_REMOVE,
  DOMAIN_SNAPSHOT_CREATE_XML,
  DOMAIN_SNAPSHOT_GET_XML_DESC,
  DOMAIN_SNAPSHOT_NUM,
  DOMAIN_SNAPSHOT_LIST_NAMES,
  DOMAIN_SNAPSHOT_LOOKUP_BY_NAME,
  DOMAIN_HAS_CURRENT_SNAPSHOT,
  DOMAIN_SNAPSHOT_CURRENT,
  DOMAIN_REVERT_TO_SNAPSHOT,
  DOMAIN_SNAPSHOT_DELETE,
  DOMAIN_GET_BLOCK_INFO,
  DOMAIN_EVENT_IO_ERROR_REASON,
  DOMAIN_CREATE_WITH_FLAGS,
  DOMAIN_SET_MEMORY_PARAMETERS,
  DOMAIN_GET_MEMORY_PARAMETERS,
  DOMAIN_SET_VCPUS_FLAGS,
  DOMAIN_GET_VCPUS_FLAGS,
  DOMAIN_OPEN_CONSOLE,
  DOMAIN_IS_UPDATED,
  CONNECT_GET_SYSINFO,
  DOMAIN_SET_MEMORY_FLAGS,
  DOMAIN_SET_BLKIO_PARAMETERS,
  DOMAIN_GET_BLKIO_PARAMETERS,
  DOMAIN_MIGRATE_SET_MAX_SPEED,
  STORAGE_VOL_UPLOAD,
  STORAGE_VOL_DOWNLOAD,
  DOMAIN_INJECT_NMI,
  DOMAIN_SCREENSHOT,
  DOMAIN_GET_STATE,
  DOMAIN_MIGRATE_BEGIN3,
  DOMAIN_MIGRATE_PREPARE3,
  DOMAIN_MIGRATE_PREPARE_TUNNEL3,
  DOMAIN_MIGRATE_PERFORM3,
  DOMAIN_MIGRATE_FINISH3,
  DOMAIN_MIGRATE_CONFIRM3,
  DOMAIN_SET_SCHEDULER_PARAMETERS_FLAGS,
  INTERFACE_CHANGE_BEGIN,
  INTERFACE_CHANGE_COMMIT,
  INTERFACE_CHANGE_ROLLBACK,
  DOMAIN_GET_SCHEDULER_PARAMETERS_FLAGS,
  DOMAIN_EVENT_CONTROL_ERROR,
  DOMAIN_PIN_VCPU_FLAGS,
  DOMAIN_SEND_KEY,
  NODE_GET_CPU_STATS,
  NODE_GET_MEMORY_STATS,
  DOMAIN_GET_CONTROL_INFO,
  DOMAIN_GET_VCPU_PIN_INFO,
  DOMAIN_UNDEFINE_FLAGS,
  DOMAIN_SAVE_FLAGS,
  DOMAIN_RESTORE_FLAGS,
  DOMAIN_DESTROY_FLAGS,
  DOMAIN_SAVE_IMAGE_GET_XML_DESC,
  DOMAIN_SAVE_IMAGE_DEFINE_XML,
  DOMAIN_BLOCK_JOB_ABORT,
  DOMAIN_GET_BLOCK_JOB_INFO,
  DOMAIN_BLOCK_JOB_SET_SPEED,
  DOMAIN_BLOCK_PULL,
  DOMAIN_EVENT_BLOCK_JOB,
  DOMAIN_MIGRATE_GET_MAX_SPEED,
  DOMAIN_BLOCK_STATS_FLAGS,
  DOMAIN_SNAPSHOT_GET_PARENT,
  DOMAIN_RESET,
  DOMAIN_SNAPSHOT_NUM_CHILDREN,
  DOMAIN_SNAPSHOT_LIST_CHILDREN_NAMES,
  DOMAIN_EVENT_DISK_CHANGE,
  DOMAIN_OPEN_GRAPHICS,
  NODE_SUSPEND_FOR_DURATION,
  DOMAIN_BLOCK_RESIZE,
  DOMAIN_SET_BLOCK_IO_TUNE,
  DOMAIN_GET_BLOCK_IO_TUNE,
  DOMAIN_SET_NUMA_PARAMETERS,
  DOMAIN_GET_NUMA_PARAMETERS,
  DOMAIN_SET_INTERFACE_PARAMETERS,
  DOMAIN_GET_INTERFACE_PARAMETERS,
  DOMAIN_SHUTDOWN_FLAGS,
  STORAGE_VOL_WIPE_PATTERN,
  STORAGE_VOL_RESIZE,
  DOMAIN_PM_SUSPEND_FOR_DURATION,
  DOMAIN_GET_CPU_STATS,
  DOMAIN_GET_DISK_ERRORS,
  DOMAIN_SET_METADATA,
  DOMAIN_GET_METADATA,
  DOMAIN_BLOCK_REBASE,
  DOMAIN_PM_WAKEUP,
  DOMAIN_EVENT_TRAY_CHANGE,
  DOMAIN_EVENT_PMWAKEUP,
  DOMAIN_EVENT_PMSUSPEND,
  DOMAIN_SNAPSHOT_IS_CURRENT,
  DOMAIN_SNAPSHOT_HAS_METADATA,
  CONNECT_LIST_ALL_DOMAINS,
  DOMAIN_LIST_ALL_SNAPSHOTS,
  DOMAIN_SNAPSHOT_LIST_ALL_CHILDREN,
  DOMAIN_EVENT_BALLOON_CHANGE,
  DOMAIN_GET_HOSTNAME,
  DOMAIN_GET_SECURITY_LABEL_LIST,
  DOMAIN_PIN_EMULATOR,
  DOMAIN_GET_EMULATOR_PIN_INFO,
  CONNECT_LIST_ALL_STORAGE_POOLS,
  STORAGE_POOL_LIST_ALL_VOLUMES,
  CONNECT_LIST_ALL_NETWORKS,
  CONNECT_LIST_ALL_INTERFACES,
  CONNECT_LIST_ALL_NODE_DEVICES,
  CONNECT_LIST_ALL_NWFILTERS,
  CONNECT_LIST_ALL_SECRETS,
  NODE_SET_MEMORY_PARAMETERS,
  NODE_GET_MEMORY_PARAMETERS,
  DOMAIN_BLOCK_COMMIT,
  NETWORK_UPDATE,
  DOMAIN_EVENT_PMSUSPEND_DISK,
  NODE_GET_CPU_MAP,
  DOMAIN_FSTRIM,
  DOMAIN_SEND_PROCESS_SIGNAL,
  DOMAIN_OPEN_CHANNEL,
  NODE_DEVICE_LOOKUP_SCSI_HOST_BY_WWN,
  DOMAIN_GET_JOB_STATS,
  DOMAIN_MIGRATE_GET_COMPRESSION_CACHE,
  DOMAIN_MIGRATE_SET_COMPRESSION_CACHE,
  NODE_DEVICE_DETACH_FLAGS,
  DOMAIN_MIGRATE_BEGIN3_PARAMS,
  DOMAIN_MIGRATE_PREPARE3_PARAMS,
  DOMAIN_MIGRATE_PREPARE_TUNNEL3_PARAMS,
  DOMAIN_MIGRATE_PERFORM3_PARAMS,
  DOMAIN_MIGRATE_FINISH3_PARAMS,
  DOMAIN_MIGRATE_CONFIRM3_PARAMS,
  DOMAIN_SET_MEMORY_STATS_PERIOD,
  DOMAIN_CREATE_XML_WITH_FILES,
  DOMAIN_CREATE_WITH_FILES,
  DOMAIN_EVENT_DEVICE_REMOVED,
  CONNECT_GET_CPU_MODEL_NAMES,
  CONNECT_NETWORK_EVENT_REGISTER_ANY,
  CONNECT_NETWORK_EVENT_DEREGISTER_ANY,
  NETWORK_EVENT_LIFECYCLE,
  CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY,
  CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY,
  DOMAIN_EVENT_CALLBACK_LIFECYCLE,
  DOMAIN_EVENT_CALLBACK_REBOOT,
  DOMAIN_EVENT_CALLBACK_RTC_CHANGE,
  DOMAIN_EVENT_CALLBACK_WATCHDOG,
  DOMAIN_EVENT_CALLBACK_IO_ERROR,
  DOMAIN_EVENT_CALLBACK_GRAPHICS,
  DOMAIN_EVENT_CALLBACK_IO_ERROR_REASON,
  DOMAIN_EVENT_CALLBACK_CONTROL_ERROR,
  DOMAIN_EVENT_CALLBACK_BLOCK_JOB,
  DOMAIN_EVENT_CALLBACK_DISK_CHANGE,
  DOMAIN_EVENT_CALLBACK_TRAY_CHANGE,
  DOMAIN_EVENT_CALLBACK_PMWAKEUP,
  DOMAIN_EVENT_CALLBACK_PMSUSPEND,
  DOMAIN_EVENT_CALLBACK_BALLOON_CHANGE,
  DOMAIN_EVENT_CALLBACK_PMSUSPEND_DISK,
  DOMAIN_EVENT_CALLBACK_DEVICE_REMOVED,
  DOMAIN_CORE_DUMP_WITH_FORMAT,
  DOMAIN_FSFREEZE,
  DOMAIN_FSTHAW,
  DOMAIN_GET_TIME,
  DOMAIN_SET_TIME,
  DOMAIN_EVENT_BLOCK_JOB_2,
  NODE_GET_FREE_PAGES,
  NETWORK_GET_DHCP_LEASES,
  CONNECT_GET_DOMAIN_CAPABILITIES,
  DOMAIN_OPEN_GRAPHICS_FD,
  CONNECT_GET_ALL_DOMAIN_STATS,
  DOMAIN_BLOCK_COPY,
  DOMAIN_EVENT_CALLBACK_TUNABLE,
  NODE_ALLOC_PAGES,
  DOMAIN_EVENT_CALLBACK_AGENT_LIFECYCLE,
  DOMAIN_GET_FSINFO,
  DOMAIN_DEFINE_XML_FLAGS,
  DOMAIN_GET_IOTHREAD_INFO,
  DOMAIN_PIN_IOTHREAD,
  DOMAIN_INTERFACE_ADDRESSES,
  DOMAIN_EVENT_CALLBACK_DEVICE_ADDED,
  DOMAIN_ADD_IOTHREAD,
  DOMAIN_DEL_IOTHREAD,
  DOMAIN_SET_USER_PASSWORD,
  DOMAIN_RENAME,
  DOMAIN_EVENT_CALLBACK_MIGRATION_ITERATION,
  CONNECT_REGISTER_CLOSE_CALLBACK,
  CONNECT_UNREGISTER_CLOSE_CALLBACK,
  CONNECT_EVENT_CONNECTION_CLOSED,
  DOMAIN_EVENT_CALLBACK_JOB_COMPLETED,
  DOMAIN_MIGRATE_START_POST_COPY,
  DOMAIN_GET_PERF_EVENTS,
  DOMAIN_SET_PERF_EVENTS,
  DOMAIN_EVENT_CALLBACK_DEVICE_REMOVAL_FAILED,
  CONNECT_STORAGE_POOL_EVENT_REGISTER_ANY,
  CONNECT_STORAGE_POOL_EVENT_DEREGISTER_ANY,
  STORAGE_POOL_EVENT_LIFECYCLE,
  DOMAIN_GET_GUEST_VCPUS,
  DOMAIN_SET_GUEST_VCPUS,
  STORAGE_POOL_EVENT_REFRESH,
  CONNECT_NODE_DEVICE_EVENT_REGISTER_ANY,
  CONNECT_NODE_DEVICE_EVENT_DEREGISTER_ANY,
  NODE_DEVICE_EVENT_LIFECYCLE,
  NODE_DEVICE_EVENT_UPDATE,
  STORAGE_VOL_GET_INFO_FLAGS,
  DOMAIN_EVENT_CALLBACK_METADATA_CHANGE,
  CONNECT_SECRET_EVENT_REGISTER_ANY,
  CONNECT_SECRET_EVENT_DEREGISTER_ANY,
  SECRET_EVENT_LIFECYCLE,
  SECRET_EVENT_VALUE_CHANGED,
  DOMAIN_SET_VCPU,
  DOMAIN_EVENT_BLOCK_THRESHOLD,
  DOMAIN_SET_BLOCK_THRESHOLD,
  DOMAIN_MIGRATE_GET_MAX_DOWNTIME,
  DOMAIN_MANAGED_SAVE_GET_XML_DESC,
  DOMAIN_MANAGED_SAVE_DEFINE_XML,
  DOMAIN_SET_LIFECYCLE_ACTION,
  STORAGE_POOL_LOOKUP_BY_TARGET_PATH,
  DOMAIN_DETACH_DEVICE_ALIAS,
  CONNECT_COMPARE_HYPERVISOR_CPU,
  CONNECT_BASELINE_HYPERVISOR_CPU,
  NODE_GET_SEV_INFO,
  DOMAIN_GET_LAUNCH_SECURITY_INFO,
  NWFILTER_BINDING_LOOKUP_BY_PORT_DEV,
  NWFILTER_BINDING_GET_XML_DESC,
  NWFILTER_BINDING_CREATE_XML,
  NWFILTER_BINDING_DELETE,
  CONNECT_LIST_ALL_NWFILTER_BINDINGS,
  DOMAIN_SET_IOTHREAD_PARAMS,
  CONNECT_GET_STORAGE_POOL_CAPABILITIES,
  NETWORK_LIST_ALL_PORTS,
  NETWORK_PORT_LOOKUP_BY_UUID,
  NETWORK_PORT_CREATE_XML,
  NETWORK_PORT_GET_PARAMETERS,
  NETWORK_PORT_SET_PARAMETERS,
  NETWORK_PORT_GET_XML_DESC,
  NETWORK_PORT_DELETE,
  DOMAIN_CHECKPOINT_CREATE_XML,
  DOMAIN_CHECKPOINT_GET_XML_DESC,
  DOMAIN_LIST_ALL_CHECKPOINTS,
  DOMAIN_CHECKPOINT_LIST_ALL_CHILDREN,
  DOMAIN_CHECKPOINT_LOOKUP_BY_NAME,
  DOMAIN_CHECKPOINT_GET_PARENT,
  DOMAIN_CHECKPOINT_DELETE,
  DOMAIN_GET_GUEST_INFO,
  CONNECT_SET_IDENTITY,
  DOMAIN_AGENT_SET_RESPONSE_TIMEOUT,
  DOMAIN_BACKUP_BEGIN,
  DOMAIN_BACKUP_GET_XML_DESC,
  DOMAIN_EVENT_MEMORY_FAILURE,
  DOMAIN_AUTHORIZED_SSH_KEYS_GET,
  DOMAIN_AUTHORIZED_SSH_KEYS_SET,
  DOMAIN_GET_MESSAGES,
  DOMAIN_START_DIRTY_RATE_CALC,
  NODE_DEVICE_DEFINE_XML,
  NODE_DEVICE_UNDEFINE,
  NODE_DEVICE_CREATE,
  NWFILTER_DEFINE_XML_FLAGS,
  NETWORK_DEFINE_XML_FLAGS,
  NODE_DEVICE_GET_AUTOSTART,
  NODE_DEVICE_SET_AUTOSTART,
  NODE_DEVICE_IS_PERSISTENT,
  NODE_DEVICE_IS_ACTIVE,
  NETWORK_CREATE_XML_FLAGS,
  DOMAIN_EVENT_MEMORY_DEVICE_SIZE_CHANGE,
  DOMAIN_SET_LAUNCH_SECURITY_STATE,
  DOMAIN_SAVE_PARAMS,
  DOMAIN_RESTORE_PARAMS,
  DOMAIN_ABORT_JOB_FLAGS,
  DOMAIN_FD_ASSOCIATE,
} as const satisfies Record<string, ProcedureSpec>;
