/**
 * What the Snapshots tab (and the delete-VM dialog) says when other VMs of the host could not be
 * read (SnapshotList.otherVmsUnread, libvirt's message kept): the VM's own snapshots are shown,
 * marked incomplete; what depends on other VMs' files (a snapshot delete: merge or discard; deleting
 * the snapshots' files with the VM) is refused with that reason. The backend refuses them too.
 */
import type { SnapshotList } from '../../../shared/api';

type Unread = Pick<SnapshotList, 'otherVmsUnread'>;
type Files = Pick<SnapshotList, 'otherVmsUnread' | 'files'>;

/** '“db” (libvirt's message); “web” (…)', or null when every VM was read. */
export function unreadInWords(list: Unread): string | null {
  const u = list.otherVmsUnread ?? [];
  return u.length ? u.map((x) => `“${x.vm}” (${x.message})`).join('; ') : null;
}

const they = (list: Unread) => ((list.otherVmsUnread?.length ?? 0) > 1 ? 'they' : 'it');

/** The tab's note: which VMs, libvirt's message, and what is refused meanwhile. */
export function incompleteNote(list: Unread): string | null {
  const vms = unreadInWords(list);
  if (!vms) return null;
  return `Vireo could not read the disks of ${vms}. These snapshots are complete, but which files ${they(list)} use${they(list) === 'it' ? 's' : ''} is not known: deleting a snapshot (a merge or a discard) and deleting the snapshots' files with the VM are refused until ${they(list)} can be read.`;
}

/** Why a snapshot delete is refused (null: it is not). */
export function deleteRefusal(list: Unread): string | null {
  const vms = unreadInWords(list);
  if (!vms) return null;
  return `Not while other VMs could not be read: ${vms}. A merge or discard could change or remove a file ${they(list)} use${they(list) === 'it' ? 's' : ''}. Try again once ${they(list)} can be read (check with \`virsh dumpxml\`).`;
}

/** Why the delete-VM dialog offers none of the snapshots' files (null: it offers them). */
export function filesRefusal(list: Unread): string | null {
  const vms = unreadInWords(list);
  return vms
    ? `Not offered: Vireo could not read the disks of ${vms}, so it cannot tell whether ${they(list)} use${they(list) === 'it' ? 's' : ''} these files.`
    : null;
}

/**
 * The snapshot files the delete-VM dialog may send of those ticked: none while they are refused
 * (other VMs unread, also when that came with a later refetch after the user ticked them), and only
 * files the current list still offers (in a pool, used by no other VM). What is shown ticked and
 * what is sent are the same set.
 */
export function snapshotFilesToDelete(list: Files | undefined, ticked: ReadonlySet<string>): Set<string> {
  if (!list || filesRefusal(list)) return new Set();
  return new Set(list.files.filter((f) => ticked.has(f.path) && f.inPool && !f.usedBy.length).map((f) => f.path));
}
