// GENERATED FILE, DO NOT EDIT. Made by electron/libvirt/gen/generate.ts (npm run gen:protocol)
// from libvirt 9.0.0: src/remote/qemu_protocol.x.
// `npm run gen:protocol -- --check` (run by CI) fails when this file and the generator disagree.
import { type XdrReader, type XdrWriter } from '../xdr';
import { type ProcedureSpec } from './runtime';
import { type RemoteDomain, type RemoteDomainIn, type RemoteNonnullDomain, type RemoteNonnullString, type RemoteString, type RemoteStringIn, readRemoteDomain, readRemoteNonnullDomain, readRemoteNonnullString, readRemoteString, writeRemoteDomain, writeRemoteNonnullDomain, writeRemoteNonnullString, writeRemoteString } from './remote_protocol.gen';

/** struct qemu_domain_monitor_command_args */
export interface QemuDomainMonitorCommandArgs {
  dom: RemoteNonnullDomain;
  cmd: RemoteNonnullString;
  flags: number;
}
export function readQemuDomainMonitorCommandArgs(r: XdrReader): QemuDomainMonitorCommandArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    cmd: readRemoteNonnullString(r),
    flags: r.uint(),
  };
}
export function writeQemuDomainMonitorCommandArgs(w: XdrWriter, v: QemuDomainMonitorCommandArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.cmd);
  w.uint(v.flags);
}

/** struct qemu_domain_monitor_command_ret */
export interface QemuDomainMonitorCommandRet {
  result: RemoteNonnullString;
}
export function readQemuDomainMonitorCommandRet(r: XdrReader): QemuDomainMonitorCommandRet {
  return {
    result: readRemoteNonnullString(r),
  };
}
export function writeQemuDomainMonitorCommandRet(w: XdrWriter, v: QemuDomainMonitorCommandRet): void {
  writeRemoteNonnullString(w, v.result);
}

/** struct qemu_domain_attach_args */
export interface QemuDomainAttachArgs {
  pid_value: number;
  flags: number;
}
export function readQemuDomainAttachArgs(r: XdrReader): QemuDomainAttachArgs {
  return {
    pid_value: r.uint(),
    flags: r.uint(),
  };
}
export function writeQemuDomainAttachArgs(w: XdrWriter, v: QemuDomainAttachArgs): void {
  w.uint(v.pid_value);
  w.uint(v.flags);
}

/** struct qemu_domain_attach_ret */
export interface QemuDomainAttachRet {
  dom: RemoteNonnullDomain;
}
export function readQemuDomainAttachRet(r: XdrReader): QemuDomainAttachRet {
  return {
    dom: readRemoteNonnullDomain(r),
  };
}
export function writeQemuDomainAttachRet(w: XdrWriter, v: QemuDomainAttachRet): void {
  writeRemoteNonnullDomain(w, v.dom);
}

/** struct qemu_domain_agent_command_args */
export interface QemuDomainAgentCommandArgs {
  dom: RemoteNonnullDomain;
  cmd: RemoteNonnullString;
  timeout: number;
  flags: number;
}
export function readQemuDomainAgentCommandArgs(r: XdrReader): QemuDomainAgentCommandArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    cmd: readRemoteNonnullString(r),
    timeout: r.int(),
    flags: r.uint(),
  };
}
export function writeQemuDomainAgentCommandArgs(w: XdrWriter, v: QemuDomainAgentCommandArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.cmd);
  w.int(v.timeout);
  w.uint(v.flags);
}

/** struct qemu_domain_agent_command_ret */
export interface QemuDomainAgentCommandRet {
  result: RemoteString;
}
export interface QemuDomainAgentCommandRetIn {
  result: RemoteStringIn;
}
export function readQemuDomainAgentCommandRet(r: XdrReader): QemuDomainAgentCommandRet {
  return {
    result: readRemoteString(r),
  };
}
export function writeQemuDomainAgentCommandRet(w: XdrWriter, v: QemuDomainAgentCommandRetIn): void {
  writeRemoteString(w, v.result);
}

/** struct qemu_connect_domain_monitor_event_register_args */
export interface QemuConnectDomainMonitorEventRegisterArgs {
  dom: RemoteDomain;
  event: RemoteString;
  flags: number;
}
export interface QemuConnectDomainMonitorEventRegisterArgsIn {
  dom: RemoteDomainIn;
  event: RemoteStringIn;
  flags: number;
}
export function readQemuConnectDomainMonitorEventRegisterArgs(r: XdrReader): QemuConnectDomainMonitorEventRegisterArgs {
  return {
    dom: readRemoteDomain(r),
    event: readRemoteString(r),
    flags: r.uint(),
  };
}
export function writeQemuConnectDomainMonitorEventRegisterArgs(w: XdrWriter, v: QemuConnectDomainMonitorEventRegisterArgsIn): void {
  writeRemoteDomain(w, v.dom);
  writeRemoteString(w, v.event);
  w.uint(v.flags);
}

/** struct qemu_connect_domain_monitor_event_register_ret */
export interface QemuConnectDomainMonitorEventRegisterRet {
  callbackID: number;
}
export function readQemuConnectDomainMonitorEventRegisterRet(r: XdrReader): QemuConnectDomainMonitorEventRegisterRet {
  return {
    callbackID: r.int(),
  };
}
export function writeQemuConnectDomainMonitorEventRegisterRet(w: XdrWriter, v: QemuConnectDomainMonitorEventRegisterRet): void {
  w.int(v.callbackID);
}

/** struct qemu_connect_domain_monitor_event_deregister_args */
export interface QemuConnectDomainMonitorEventDeregisterArgs {
  callbackID: number;
}
export function readQemuConnectDomainMonitorEventDeregisterArgs(r: XdrReader): QemuConnectDomainMonitorEventDeregisterArgs {
  return {
    callbackID: r.int(),
  };
}
export function writeQemuConnectDomainMonitorEventDeregisterArgs(w: XdrWriter, v: QemuConnectDomainMonitorEventDeregisterArgs): void {
  w.int(v.callbackID);
}

/** struct qemu_domain_monitor_event_msg */
export interface QemuDomainMonitorEventMsg {
  callbackID: number;
  dom: RemoteNonnullDomain;
  event: RemoteNonnullString;
  seconds: bigint;
  micros: number;
  details: RemoteString;
}
export interface QemuDomainMonitorEventMsgIn {
  callbackID: number;
  dom: RemoteNonnullDomain;
  event: RemoteNonnullString;
  seconds: bigint | number;
  micros: number;
  details: RemoteStringIn;
}
export function readQemuDomainMonitorEventMsg(r: XdrReader): QemuDomainMonitorEventMsg {
  return {
    callbackID: r.int(),
    dom: readRemoteNonnullDomain(r),
    event: readRemoteNonnullString(r),
    seconds: r.hyper(),
    micros: r.uint(),
    details: readRemoteString(r),
  };
}
export function writeQemuDomainMonitorEventMsg(w: XdrWriter, v: QemuDomainMonitorEventMsgIn): void {
  w.int(v.callbackID);
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.event);
  w.hyper(v.seconds);
  w.uint(v.micros);
  writeRemoteString(w, v.details);
}

/** struct qemu_domain_monitor_command_with_files_args */
export interface QemuDomainMonitorCommandWithFilesArgs {
  dom: RemoteNonnullDomain;
  cmd: RemoteNonnullString;
  flags: number;
}
export function readQemuDomainMonitorCommandWithFilesArgs(r: XdrReader): QemuDomainMonitorCommandWithFilesArgs {
  return {
    dom: readRemoteNonnullDomain(r),
    cmd: readRemoteNonnullString(r),
    flags: r.uint(),
  };
}
export function writeQemuDomainMonitorCommandWithFilesArgs(w: XdrWriter, v: QemuDomainMonitorCommandWithFilesArgs): void {
  writeRemoteNonnullDomain(w, v.dom);
  writeRemoteNonnullString(w, v.cmd);
  w.uint(v.flags);
}

/** struct qemu_domain_monitor_command_with_files_ret */
export interface QemuDomainMonitorCommandWithFilesRet {
  result: RemoteNonnullString;
}
export function readQemuDomainMonitorCommandWithFilesRet(r: XdrReader): QemuDomainMonitorCommandWithFilesRet {
  return {
    result: readRemoteNonnullString(r),
  };
}
export function writeQemuDomainMonitorCommandWithFilesRet(w: XdrWriter, v: QemuDomainMonitorCommandWithFilesRet): void {
  writeRemoteNonnullString(w, v.result);
}
export const QEMU_PROGRAM = 0x20008087;
export const QEMU_PROTOCOL_VERSION = 1;

/** enum qemu_procedure */
export const QemuProcedure = {
  QEMU_PROC_DOMAIN_MONITOR_COMMAND: 1,
  QEMU_PROC_DOMAIN_ATTACH: 2,
  QEMU_PROC_DOMAIN_AGENT_COMMAND: 3,
  QEMU_PROC_CONNECT_DOMAIN_MONITOR_EVENT_REGISTER: 4,
  QEMU_PROC_CONNECT_DOMAIN_MONITOR_EVENT_DEREGISTER: 5,
  QEMU_PROC_DOMAIN_MONITOR_EVENT: 6,
  QEMU_PROC_DOMAIN_MONITOR_COMMAND_WITH_FILES: 7,
} as const;
export type QemuProcedure = (typeof QemuProcedure)[keyof typeof QemuProcedure];

/** qemu_procedure without the QEMU_PROC_ prefix. */
export const QemuProc = {
  DOMAIN_MONITOR_COMMAND: 1,
  DOMAIN_ATTACH: 2,
  DOMAIN_AGENT_COMMAND: 3,
  CONNECT_DOMAIN_MONITOR_EVENT_REGISTER: 4,
  CONNECT_DOMAIN_MONITOR_EVENT_DEREGISTER: 5,
  DOMAIN_MONITOR_EVENT: 6,
  DOMAIN_MONITOR_COMMAND_WITH_FILES: 7,
} as const;

// qemu_procedure: each procedure's number, the codecs of its args, reply and event message, and whether it opens a stream.
export const DOMAIN_MONITOR_COMMAND = { proc: 1, args: { read: readQemuDomainMonitorCommandArgs, write: writeQemuDomainMonitorCommandArgs }, ret: { read: readQemuDomainMonitorCommandRet, write: writeQemuDomainMonitorCommandRet }, msg: null, stream: 'read' } as const;
export const DOMAIN_ATTACH = { proc: 2, args: { read: readQemuDomainAttachArgs, write: writeQemuDomainAttachArgs }, ret: { read: readQemuDomainAttachRet, write: writeQemuDomainAttachRet }, msg: null, stream: null } as const;
export const DOMAIN_AGENT_COMMAND = { proc: 3, args: { read: readQemuDomainAgentCommandArgs, write: writeQemuDomainAgentCommandArgs }, ret: { read: readQemuDomainAgentCommandRet, write: writeQemuDomainAgentCommandRet }, msg: null, stream: null } as const;
export const CONNECT_DOMAIN_MONITOR_EVENT_REGISTER = { proc: 4, args: { read: readQemuConnectDomainMonitorEventRegisterArgs, write: writeQemuConnectDomainMonitorEventRegisterArgs }, ret: { read: readQemuConnectDomainMonitorEventRegisterRet, write: writeQemuConnectDomainMonitorEventRegisterRet }, msg: null, stream: null } as const;
export const CONNECT_DOMAIN_MONITOR_EVENT_DEREGISTER = { proc: 5, args: { read: readQemuConnectDomainMonitorEventDeregisterArgs, write: writeQemuConnectDomainMonitorEventDeregisterArgs }, ret: null, msg: null, stream: null } as const;
export const DOMAIN_MONITOR_EVENT = { proc: 6, args: null, ret: null, msg: { read: readQemuDomainMonitorEventMsg, write: writeQemuDomainMonitorEventMsg }, stream: null } as const;
export const DOMAIN_MONITOR_COMMAND_WITH_FILES = { proc: 7, args: { read: readQemuDomainMonitorCommandWithFilesArgs, write: writeQemuDomainMonitorCommandWithFilesArgs }, ret: { read: readQemuDomainMonitorCommandWithFilesRet, write: writeQemuDomainMonitorCommandWithFilesRet }, msg: null, stream: null } as const;

/** Every procedure of qemu_procedure (tests, tools; a program should import the ones it calls). */
export const qemuProcedures = {
  DOMAIN_MONITOR_COMMAND,
  DOMAIN_ATTACH,
  DOMAIN_AGENT_COMMAND,
  CONNECT_DOMAIN_MONITOR_EVENT_REGISTER,
  CONNECT_DOMAIN_MONITOR_EVENT_DEREGISTER,
  DOMAIN_MONITOR_EVENT,
  DOMAIN_MONITOR_COMMAND_WITH_FILES,
} as const satisfies Record<string, ProcedureSpec>;
