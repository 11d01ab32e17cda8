import { describe, expect, it } from 'vitest';
import { BUILTIN_OS_VARIANTS, parseOsinfoQuery, variantOf } from './osvariants';

// The shape `osinfo-query os --fields=short-id,name,family,id` prints (libosinfo 1.10).
const OUTPUT = ` Short ID             | Name                                  | Family    | ID                                  
----------------------+---------------------------------------+-----------+-------------------------------------
 debian12             | Debian 12                             | linux     | http://debian.org/debian/12         
 linux2022            | Generic Linux 2022                    | linux     | http://libosinfo.org/linux/2022     
 win11                | Microsoft Windows 11                  | winnt     | http://microsoft.com/win/11         
 freebsd14.0          | FreeBSD 14.0                          | freebsd   | http://freebsd.org/freebsd/14.0     
 rhel9.4, rhel9-unknown | Red Hat Enterprise Linux 9.4        | linux     | http://redhat.com/rhel/9.4          
 bad id; rm           | Evil                                  | linux     | x                                   
`;

describe('OS variants', () => {
  it('parses osinfo-query’s table, generic first, with family defaults', () => {
    const list = parseOsinfoQuery(OUTPUT);
    expect(list.map((o) => o.id)).toEqual(['linux2022', 'debian12', 'freebsd14.0', 'win11', 'rhel9.4']);
    const win = list.find((o) => o.id === 'win11');
    expect(win).toMatchObject({ family: 'windows', osinfoUri: 'http://microsoft.com/win/11', defaults: { virtio: false } });
    expect(list.find((o) => o.id === 'freebsd14.0')?.family).toBe('bsd');
  });

  it('returns nothing for output that is not the table (no osinfo-query)', () => {
    expect(parseOsinfoQuery('sh: 1: osinfo-query: not found\n')).toEqual([]);
  });

  it('the built-in list has unique short ids and sane defaults', () => {
    const ids = BUILTIN_OS_VARIANTS.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const o of BUILTIN_OS_VARIANTS) {
      expect(o.id).toMatch(/^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$/);
      expect(o.defaults.vcpus).toBeGreaterThan(0);
      expect(o.defaults.memoryMiB).toBeGreaterThanOrEqual(512);
      expect(o.defaults.virtio).toBe(o.family !== 'windows');
    }
  });

  it('an id missing from the list still gets a variant of the right family', () => {
    expect(variantOf([], 'win2k25')).toMatchObject({ family: 'windows', defaults: { virtio: false } });
    expect(variantOf([], 'debian12').osinfoUri).toBe('http://debian.org/debian/12');
  });
});
