/**
 * Snapshots and migration (issue 22): libvirt refuses to migrate a VM that has snapshot metadata to
 * another host ("cannot migrate domain with N snapshots", qemuMigrationSrcIsAllowed), whatever
 * their kind. What happens to each kind's data, and the fix, depend on the storage: internal
 * snapshots live inside the qcow2 image (a storage copy carries only the disks' current state);
 * external ones are the layers of the disk's chain (a storage copy merges the chain into one image
 * on the destination; on shared storage the destination reads the same overlay files). Pure.
 */
import type { PreflightCheck } from '../../../shared/api';
import type { Ctx } from './checks-common';

/** The VM's snapshots as pre-flight reads them (name and kind). */
export interface SnapshotKindFact {
  name: string;
  kind: 'internal' | 'external';
}

const names = (xs: readonly SnapshotKindFact[]): string => xs.map((x) => `“${x.name}”`).join(', ');

/** Null when the VM has no snapshots (or they could not be read: libvirt's own refusal then says it). */
export function snapshotsCheck(ctx: Pick<Ctx, 'facts' | 'name' | 'A' | 'B' | 'copying'>): PreflightCheck | null {
  const read = ctx.facts.snapshots;
  if (!read?.ok || read.value.length === 0) return null;
  const all = read.value;
  const internal = all.filter((s) => s.kind === 'internal');
  const external = all.filter((s) => s.kind === 'external');
  const details: string[] = [];
  if (internal.length)
    details.push(
      ctx.copying
        ? `Internal ${names(internal)}: their data is inside the qcow2 image, and a storage copy carries only the disks' current state — they would not arrive on ${ctx.B}.`
        : `Internal ${names(internal)}: their data is inside the qcow2 image, which ${ctx.B} reads on the shared storage; only libvirt's metadata stays on ${ctx.A}.`,
    );
  if (external.length)
    details.push(
      ctx.copying
        ? `External ${names(external)}: their overlays are the layers of the disk's chain; a storage copy merges the chain into one image on ${ctx.B}, so the snapshots' layers would not arrive.`
        : `External ${names(external)}: their overlays are the layers of the disk's chain; every overlay path must exist on ${ctx.B} (shared storage).`,
    );
  details.push(
    ctx.copying
      ? `Fix: delete the snapshots in ${ctx.name}'s Snapshots tab (an external one is merged into the disk, no data lost), then migrate.`
      : `Fix: delete the snapshots in ${ctx.name}'s Snapshots tab (an external one is merged into the disk, no data lost); or keep them by moving their metadata: virsh snapshot-dumpxml each, snapshot-delete --metadata, migrate, then snapshot-create --redefine on ${ctx.B} (oldest first).`,
  );
  return {
    id: 'snapshots',
    title: 'Snapshots',
    status: 'fail',
    message: `${ctx.name} has ${all.length} snapshot${all.length === 1 ? '' : 's'}: libvirt refuses to migrate a VM with snapshots to another host (“cannot migrate domain with ${all.length} snapshots”).`,
    details,
  };
}
