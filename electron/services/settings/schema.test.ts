import { describe, expect, it } from 'vitest';
import { elementsFromRelaxNg, readHostSchemas } from './schema';

const NS = "xmlns='http://relaxng.org/ns/structure/1.0'";
const FILES = new Map([
  ['domain.rng', `<grammar ${NS}><include href='domaincommon.rng'/><start><ref name='domain'/></start></grammar>`],
  [
    'domaincommon.rng',
    `<grammar ${NS}><include href='/usr/share/libvirt/schemas/basictypes.rng'/>
  <define name='domain'><element name='domain'><attribute name='type'/><interleave><ref name='devices'/><optional><element name='name'><text/></element></optional></interleave></element></define>
  <define name='devices'><element name='devices'><zeroOrMore><choice><ref name='disk'/><ref name='iface'/></choice></zeroOrMore></element></define>
  <define name='disk'><element name='disk'><attribute name='device'/><ref name='source'/><ref name='loop'/></element></define>
  <define name='loop'><optional><element name='backingStore'><ref name='loop'/><ref name='source'/></element></optional></define>
  <define name='iface'><element name='interface'><element name='source'><attribute name='bridge'/></element></element></define>
</grammar>`,
  ],
  ['basictypes.rng', `<grammar ${NS}><define name='source'><element name='source'><attribute name='file'/></element></define></grammar>`],
]);

describe('completion from the host’s RelaxNG schemas', () => {
  it('derives elements, their attributes and children through includes and refs, merging same-named elements, without looping', () => {
    const els = elementsFromRelaxNg(FILES);
    expect(els).toEqual([
      { name: 'backingStore', children: ['backingStore', 'source'], attributes: [] },
      { name: 'devices', children: ['disk', 'interface'], attributes: [] },
      { name: 'disk', children: ['backingStore', 'source'], attributes: ['device'] },
      { name: 'domain', top: true, children: ['devices', 'name'], attributes: ['type'] },
      { name: 'interface', children: ['source'], attributes: [] },
      { name: 'name', children: [], attributes: [] },
      { name: 'source', children: [], attributes: ['bridge', 'file'] },
    ]);
  });

  it('reads every schema file of the host in one command, NUL-separated', async () => {
    const files = await readHostSchemas(async () => ({ code: 0, stdout: 'a.rng\0<a/>\0b.rng\0<b/>\0', stderr: '' }));
    expect([...files]).toEqual([
      ['a.rng', '<a/>'],
      ['b.rng', '<b/>'],
    ]);
    await expect(readHostSchemas(async () => ({ code: 1, stdout: '', stderr: 'no such dir' }))).rejects.toThrow(/no such dir/);
  });
});
