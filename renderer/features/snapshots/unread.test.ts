// The Snapshots tab's "incomplete" note and the refusals that go with it (renderer/features/snapshots/unread.ts).
import { describe, expect, it } from 'vitest';
import { deleteRefusal, filesRefusal, incompleteNote, unreadInWords } from './unread';

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
