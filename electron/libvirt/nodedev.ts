// Host devices (virNodeDevice*): what can be passed through (USB, PCI …), and their hot-plug events.

import type { RpcClient } from './client';
import * as P from './gen/remote_protocol.gen';
import { readRemoteNodeDeviceEventLifecycleMsg } from './gen/remote_protocol.gen';
import { type CallOpts, callOpts, listAllArgs, type NodeDeviceRef } from './protocol';
import { callRemote } from './remote';
import type { XdrReader } from './xdr';

type Flags = { flags?: number } & CallOpts;
const flagsOf = (o?: { flags?: number }): number => (o?.flags ?? 0) >>> 0;

/** Devices having any of the capabilities in `flags` (NodeDeviceCap bits; 0 = all). */
export async function nodeDeviceListAll(rpc: RpcClient, o?: Flags): Promise<NodeDeviceRef[]> {
  return (await callRemote(rpc, P.CONNECT_LIST_ALL_NODE_DEVICES, listAllArgs(flagsOf(o)), callOpts(o))).devices;
}

export async function nodeDeviceLookupByName(rpc: RpcClient, name: string, o?: CallOpts): Promise<NodeDeviceRef> {
  return (await callRemote(rpc, P.NODE_DEVICE_LOOKUP_BY_NAME, { name }, callOpts(o))).dev;
}

/** virsh nodedev-dumpxml. Takes the name, not a reference: that is the wire format. */
export async function nodeDeviceGetXmlDesc(rpc: RpcClient, name: string, o?: Flags): Promise<string> {
  return (await callRemote(rpc, P.NODE_DEVICE_GET_XML_DESC, { name, flags: flagsOf(o) }, callOpts(o))).xml;
}

/** Registers for node device events (NodeDeviceEventId) of one device or all (null); returns the callback id. */
export async function nodeDeviceEventRegister(
  rpc: RpcClient,
  a: { eventId: number; device?: NodeDeviceRef | null } & CallOpts,
): Promise<number> {
  const args = { eventID: a.eventId, dev: a.device ?? null };
  return (await callRemote(rpc, P.CONNECT_NODE_DEVICE_EVENT_REGISTER_ANY, args, callOpts(a))).callbackID;
}

export async function nodeDeviceEventDeregister(rpc: RpcClient, callbackId: number, o?: CallOpts): Promise<void> {
  await callRemote(rpc, P.CONNECT_NODE_DEVICE_EVENT_DEREGISTER_ANY, { callbackID: callbackId }, callOpts(o));
}

/** NODE_DEVICE_EVENT_LIFECYCLE message: a device appeared (CREATED) or went (DELETED) … */
export interface NodeDeviceLifecycleEvent {
  callbackId: number;
  device: NodeDeviceRef;
  /** NodeDeviceEvent: CREATED 0, DELETED 1, DEFINED 2, UNDEFINED 3, UPDATED 4. */
  event: number;
  detail: number;
}

export function decodeNodeDeviceLifecycle(r: XdrReader): NodeDeviceLifecycleEvent {
  const m = readRemoteNodeDeviceEventLifecycleMsg(r);
  return { callbackId: m.callbackID, device: m.dev, event: m.event, detail: m.detail };
}
