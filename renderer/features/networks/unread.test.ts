// The lease table's note of hosts whose VMs could not be read (rendered as the app renders it, on
// the server side of React): the host named, libvirt's message verbatim (a hostile VM name too);
// nothing shown when every host was read.
import { MantineProvider } from '@mantine/core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LeasesUnread, vmsUnreadInWords } from './unread';

const render = (unread: Parameters<typeof LeasesUnread>[0]['unread']) =>
  renderToStaticMarkup(createElement(MantineProvider, null, createElement(LeasesUnread, { unread })));

describe('LeasesUnread', () => {
  it('names each host that could not be read, with libvirt’s message', () => {
    const html = render([
      { hostId: 'lab-b', hostName: 'lab-b', vms: [{ message: 'internal error: client socket is closed' }] },
      {
        hostId: 'h3',
        hostName: 'rack 3',
        vms: [{ vm: 'w "q" <1>', message: 'Timed out during operation: cannot acquire state change lock' }],
      },
    ]);
    expect(html).toContain('data-testid="dhcp-leases-unread"');
    expect(html).toContain('Some VMs could not be read: their leases show no VM');
    expect(html).toContain('On lab-b: the VM list (internal error: client socket is closed)');
    expect(html).toContain(
      'On rack 3: &quot;w &quot;q&quot; &lt;1&gt;&quot; (Timed out during operation: cannot acquire state change lock)',
    );
    expect(html.match(/data-testid="dhcp-leases-unread-host"/g)).toHaveLength(2);
  });
  it('shows nothing when every host was read', () => {
    expect(render([])).not.toContain('data-testid="dhcp-leases-unread');
  });
  it('words the unread VMs for "used by"', () => {
    expect(vmsUnreadInWords([{ vm: 'a', message: 'm1' }, { message: 'm2' }])).toBe('"a" (m1); the VM list (m2)');
  });
});
