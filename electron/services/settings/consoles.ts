/**
 * The running VM's serial and console devices that libvirt's console API can open, by alias
 * (virDomainOpenConsole's dev_name): each <serial>, and each <console> that is not the mirror of
 * a serial port (libvirt lists serial port 0 again as console 0 with the same alias).
 */
import type { ConsoleDevice } from '../../../shared/api/settings';
import type { DomainModel } from '../../xml/model';

export function consoleDevicesOf(live: DomainModel): ConsoleDevice[] {
  const out: ConsoleDevice[] = [];
  const seen = new Set<string>();
  for (const c of [...live.serials, ...live.consoles]) {
    if (!c.alias || seen.has(c.alias)) continue;
    if (c.kind === 'console' && (c.targetType ?? 'serial') === 'serial') continue;
    seen.add(c.alias);
    const port = c.port ?? 0;
    const guest = c.kind === 'serial' ? `ttyS${port}` : c.targetType === 'virtio' ? `hvc${port}` : `${c.targetType ?? 'console'} ${port}`;
    out.push({ alias: c.alias, label: `${c.alias} — the guest’s ${guest} (${c.type})` });
  }
  return out;
}
