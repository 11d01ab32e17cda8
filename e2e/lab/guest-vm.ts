/**
 * Throwaway VMs like the lab's `tiny` (lab.sh writes tiny's own definition): the same kernel and
 * busybox initramfs and a serial console logged to /var/log/libvirt/qemu/<name>-serial.log, for
 * tests that must not touch `tiny` itself (another test may be migrating it). One definition for
 * every spec and lab test; each says what it adds.
 */
import { readLab } from './lab';

export interface GuestVm {
  name: string;
  /** A qcow2 image as vda (virtio, cache none); none: a diskless guest. */
  disk?: string;
  /** <interface> elements; default: one virtio NIC on the lab bridge labbr0 (libvirt picks the MAC). */
  nics?: readonly string[];
  /** More children of <devices> (VNC, video, inputs, controllers …). */
  devices?: string;
  /** More children of <os> (e.g. <boot dev='hd'/>). */
  os?: string;
  /** More top-level elements after <name> (<description>, <metadata> …). */
  extra?: string;
  /** The machine type; default 'pc'. */
  machine?: string;
  /** The QEMU guest agent's channel (org.qemu.guest_agent.0): the initramfs starts qemu-ga on it. */
  agent?: boolean;
}

export const AGENT_CHANNEL = "<channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>";

export const LAB_BRIDGE_NIC = "<interface type='bridge'><source bridge='labbr0'/><model type='virtio'/></interface>";

export function guestVmXml(o: GuestVm): string {
  const g = `${readLab().dir}/guest`;
  const log = `/var/log/libvirt/qemu/${o.name}-serial.log`;
  const disk = o.disk
    ? `<disk type='file' device='disk'><driver name='qemu' type='qcow2' cache='none'/><source file='${o.disk}'/><target dev='vda' bus='virtio'/></disk>`
    : '';
  return `<domain type='qemu'>
  <name>${o.name}</name>${o.extra ?? ''}
  <memory unit='KiB'>196608</memory>
  <currentMemory unit='KiB'>196608</currentMemory>
  <vcpu placement='static'>1</vcpu>
  <os>
    <type arch='x86_64' machine='${o.machine ?? 'pc'}'>hvm</type>
    <kernel>${g}/vmlinuz</kernel>
    <initrd>${g}/initrd.img</initrd>
    <cmdline>console=ttyS0 quiet panic=-1</cmdline>${o.os ?? ''}
  </os>
  <features><acpi/></features>
  <cpu mode='custom' match='exact' check='none'><model fallback='forbid'>qemu64</model></cpu>
  <clock offset='utc'/>
  <on_poweroff>destroy</on_poweroff>
  <on_reboot>restart</on_reboot>
  <on_crash>destroy</on_crash>
  <devices>
    <emulator>/usr/bin/qemu-system-x86_64</emulator>
    ${disk}
    ${(o.nics ?? [LAB_BRIDGE_NIC]).join('\n    ')}
    <serial type='pty'><log file='${log}' append='off'/><target type='isa-serial' port='0'><model name='isa-serial'/></target></serial>
    <console type='pty'><target type='serial' port='0'/></console>${o.agent ? `\n    ${AGENT_CHANNEL}` : ''}${o.devices ?? ''}
    <memballoon model='none'/>
  </devices>
</domain>
`;
}
