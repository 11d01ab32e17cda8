// The Snapshots tab's "incomplete" note and the refusals that go with it (renderer/features/snapshots/unread.ts).
import { describe, expect, it } from 'vitest';
import type { SnapshotFile } from '../../../shared/api/snapshots';
import { deleteRefusal, filesRefusal, incompleteNote, snapshotFilesToDelete, unreadInWords } from './unread';

const one = { otherVmsUnread: [{ vm: 'db <"prod"> & co', message: 'internal error: cannot acquire state change lock' }] };
const two = { otherVmsUnread: [...one.otherVmsUnread, { vm: 'web', message: 'web: no reply to DOMAIN_GET_XML_DESC within 30 s' }] };

describe('another VM could not be read', () => {
  it('every VM read: no note, nothing refused', () => {
    for (const l of [{}, { otherVmsUnread: [] }]) {
      expect(unreadInWords(l)).toBeNull();
      expect(incompleteNote(l)).toBeNull();
      expect(deleteRefusal(l)).toBeNull();
      expect(filesRefusal(l)).toBeNull();
    }
  });

  it('the note names each VM verbatim with libvirt’s message, and says what is refused', () => {
    expect(incompleteNote(one)).toBe(
      'Vireo could not read the disks of “db <"prod"> & co” (internal error: cannot acquire state change lock). These snapshots are complete, but which files it uses is not known: deleting a snapshot (a merge or a discard) and deleting the snapshots\' files with the VM are refused until it can be read.',
    );
    expect(incompleteNote(two)).toContain('“web” (web: no reply to DOMAIN_GET_XML_DESC within 30 s)');
    expect(incompleteNote(two)).toContain('which files they use is not known');
  });

  it('a snapshot delete and the delete-VM dialog’s snapshot files are refused with that reason', () => {
    expect(deleteRefusal(one)).toMatch(
      /^Not while other VMs could not be read: “db <"prod"> & co” \(internal error: .*\)\. A merge or discard could change or remove a file it uses\./,
    );
    expect(filesRefusal(two)).toBe(
      `Not offered: Vireo could not read the disks of ${unreadInWords(two)}, so it cannot tell whether they use these files.`,
    );
  });
});

describe('the delete-VM dialog’s snapshot files (review 8 item 6)', () => {
  const file = (path: string, o: Partial<SnapshotFile> = {}): SnapshotFile => ({
    path,
    role: 'under vda',
    madeBySnapshot: true,
    inPool: true,
    usedBy: [],
    ...o,
  });
  const files = [file('/img/a.s1'), file('/img/b.s2'), file('/img/shared', { usedBy: ['web'] }), file('/tmp/loose', { inPool: false })];
  const ticked = new Set(['/img/a.s1', '/img/b.s2', '/img/shared', '/tmp/loose']);

  it('ticked from the first list, then a refetch reports another VM unread: none is sent (shown unticked too)', () => {
    expect([...snapshotFilesToDelete({ files }, new Set(['/img/a.s1', '/img/b.s2']))]).toEqual(['/img/a.s1', '/img/b.s2']);
    expect(snapshotFilesToDelete({ files, ...one }, new Set(['/img/a.s1', '/img/b.s2'])).size).toBe(0);
  });

  it('only files the current list still offers: not one another VM uses now, not one outside a pool, not one no longer listed', () => {
    expect([...snapshotFilesToDelete({ files: files.slice(1) }, ticked)]).toEqual(['/img/b.s2']);
    expect(snapshotFilesToDelete(undefined, ticked).size).toBe(0);
  });
});
