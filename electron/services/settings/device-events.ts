/**
 * A hot-plug confirmed by libvirt's own events: DEVICE_ADDED once QEMU has the new device,
 * DEVICE_REMOVED once the guest let go of one, DEVICE_REMOVAL_FAILED when it refused. The events
 * come from the domain service's registration on the host's connection (libvirt refuses a second
 * registration of one event on a connection); a watch starts before the attach or detach is sent,
 * since the event may come before the call's reply.
 */
import type { DomainRef } from '../../libvirt/protocol';

export type DeviceOutcomeEvent = 'added' | 'removed' | 'removal-failed' | 'timeout';

export interface DeviceEvent {
  kind: 'deviceAdded' | 'deviceRemoved' | 'deviceRemovalFailed';
  domain: DomainRef;
  devAlias: string;
}

/** One host's device events (DomainService.onDeviceEvent, bound to the host). */
export type DeviceEventSource = (fn: (e: DeviceEvent) => void) => () => void;

export class DeviceWatch {
  private readonly seen: DeviceEvent[] = [];
  private wake: (() => void) | null = null;
  private readonly off: () => void;

  constructor(source: DeviceEventSource, dom: DomainRef) {
    this.off = source((e) => {
      if (e.domain.uuid !== dom.uuid) return;
      this.seen.push(e);
      this.wake?.();
    });
  }

  /** Waits for libvirt's event about the device `alias`: what it said, or 'timeout'. */
  async wait(kind: 'added' | 'removed', alias: string, timeoutMs: number): Promise<DeviceOutcomeEvent> {
    const deadline = Date.now() + timeoutMs;
    const wanted = (e: DeviceEvent) => e.devAlias === alias && (kind === 'added') === (e.kind === 'deviceAdded');
    for (;;) {
      const hit = this.seen.find(wanted);
      if (hit) return hit.kind === 'deviceAdded' ? 'added' : hit.kind === 'deviceRemoved' ? 'removed' : 'removal-failed';
      const left = deadline - Date.now();
      if (left <= 0) return 'timeout';
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  close(): void {
    this.off();
  }
}
