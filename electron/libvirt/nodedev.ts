// Host devices (virNodeDevice*): what can be passed through (USB, PCI …), and their hot-plug events.
import type { RpcClient } from './client';
import { type CallOpts, callOpts, Limit, type NodeDeviceRef, Proc, readNodeDevice, writeListAllArgs, writeOptNodeDevice } from './protocol';
import type { XdrReader } from './xdr';

type Flags = { flags?: number } & CallOpts;
const flagsOf = (o?: { flags?: number }): number => (o?.flags ?? 0) >>> 0;

/** Devices having any of the capabilities in `flags` (NodeDeviceCap bits; 0 = all). */
export async function nodeDeviceListAll(rpc: RpcClient, o?: Flags): Promise<NodeDeviceRef[]> {
  return rpc.call(
    Proc.CONNECT_LIST_ALL_NODE_DEVICES,
    (w) => writeListAllArgs(w, flagsOf(o)),
    (r) => {
      const devs = r.array(readNodeDevice, Limit.NODE_DEVICE_LIST);
      r.uint();
      return devs;
    },
    callOpts(o),
  );
}

export async function nodeDeviceLookupByName(rpc: RpcClient, name: string, o?: CallOpts): Promise<NodeDeviceRef> {
  return rpc.call(Proc.NODE_DEVICE_LOOKUP_BY_NAME, (w) => w.string(name), readNodeDevice, callOpts(o));
}

/** virsh nodedev-dumpxml. Takes the name, not a reference: that is the wire format. */
export async function nodeDeviceGetXmlDesc(rpc: RpcClient, name: string, o?: Flags): Promise<string> {
  return rpc.call(
    Proc.NODE_DEVICE_GET_XML_DESC,
    (w) => w.string(name).uint(flagsOf(o)),
    (r) => r.string(),
    callOpts(o),
  );
}

/** Registers for node device events (NodeDeviceEventId) of one device or all (null); returns the callback id. */
export async function nodeDeviceEventRegister(
  rpc: RpcClient,
  a: { eventId: number; device?: NodeDeviceRef | null } & CallOpts,
): Promise<number> {
  return rpc.call(
    Proc.CONNECT_NODE_DEVICE_EVENT_REGISTER_ANY,
    (w) => {
      w.int(a.eventId);
      writeOptNodeDevice(w, a.device);
    },
    (r) => r.int(),
    callOpts(a),
  );
}

export async function nodeDeviceEventDeregister(rpc: RpcClient, callbackId: number, o?: CallOpts): Promise<void> {
  await rpc.call(Proc.CONNECT_NODE_DEVICE_EVENT_DEREGISTER_ANY, (w) => w.int(callbackId), null, callOpts(o));
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
  return {
    callbackId: r.int(),
    device: readNodeDevice(r),
    event: r.int(),
    detail: r.int(),
  };
}
