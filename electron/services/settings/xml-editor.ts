/**
 * The XML editor's backend: the persistent definition without its secrets, defined back with
 * libvirt's own validator (VIR_DOMAIN_DEFINE_VALIDATE: a refusal is libvirt's message and
 * changes nothing), the VNC password merged back from the SECURE definition so that an edit never
 * drops it, and "undo last change" = the SECURE definition as it was before the last apply.
 *
 * The text sent is the admin's own: elements Vireo does not model (virt-manager's libosinfo
 * metadata, anything libvirt accepts) reach libvirt as written.
 */
import type { HostId } from '../../../shared/api/common';
import type { XmlDefinition } from '../../../shared/api/settings';
import { AppError } from '../../../shared/errors';
import type { RpcClient } from '../../libvirt/client';
import {
  domainDefineXml,
  domainGetXmlDesc,
  domainIsActive,
  domainIsPersistent,
  domainIsUpdated,
  domainLookupByUuid,
} from '../../libvirt/domain';
import { withLibvirtHint } from '../../libvirt/errors';
import { DefineFlags, type DomainRef, DomainXmlFlags } from '../../libvirt/protocol';
import { domainToXml, modelOf, openDomain, restoreGraphicsPasswords } from '../../xml/edit';
import { parseDomain } from '../../xml/parse';
import { redactDomainXml } from '../../xml/redact';
import { pendingOf } from './vm-settings';

const keyOf = (hostId: HostId, uuid: string) => `${hostId}/${uuid}`;

/** The definition libvirt will boot next, with secrets (kept in the backend only). */
export async function secureDefinition(rpc: RpcClient, dom: DomainRef): Promise<string> {
  return domainGetXmlDesc(rpc, dom, { flags: DomainXmlFlags.INACTIVE | DomainXmlFlags.SECURE });
}

export class XmlEditor {
  /** Per VM: the SECURE definition before the last apply. */
  private readonly undo = new Map<string, string>();

  constructor(private readonly rpcOf: (hostId: HostId) => RpcClient) {}

  /** Remembers `secureXml` as what "undo last change" restores (a setting's change also counts). */
  remember(hostId: HostId, uuid: string, secureXml: string): void {
    this.undo.set(keyOf(hostId, uuid), secureXml);
  }

  async get(hostId: HostId, uuid: string): Promise<XmlDefinition> {
    const rpc = this.rpcOf(hostId);
    const dom = await domainLookupByUuid(rpc, uuid);
    const [xml, running, persistent] = await Promise.all([
      domainGetXmlDesc(rpc, dom, { flags: DomainXmlFlags.INACTIVE }),
      domainIsActive(rpc, dom),
      domainIsPersistent(rpc, dom),
    ]);
    // libvirt's own flag (virDomainIsUpdated) misses changes made with setvcpus/setmem --config:
    // the values the settings compare count too.
    let pending = false;
    if (running && persistent) {
      const [updated, liveXml] = await Promise.all([domainIsUpdated(rpc, dom), domainGetXmlDesc(rpc, dom)]);
      pending = updated || pendingOf(parseDomain(xml), parseDomain(liveXml)).length > 0;
    }
    return { hostId, uuid, name: dom.name, running, xml: redactDomainXml(xml), pending, canUndo: this.undo.has(keyOf(hostId, uuid)) };
  }

  async apply(hostId: HostId, uuid: string, edited: string, base: string): Promise<XmlDefinition> {
    const rpc = this.rpcOf(hostId);
    const dom = await domainLookupByUuid(rpc, uuid);
    if (!(await domainIsPersistent(rpc, dom)))
      throw new AppError(
        'invalid-input',
        `${dom.name} has no persistent definition to edit`,
        'A transient VM is changed through its settings.',
      );
    const secure = await secureDefinition(rpc, dom);
    if (
      redactDomainXml(secure) !== base &&
      redactDomainXml(await domainGetXmlDesc(rpc, dom, { flags: DomainXmlFlags.INACTIVE })) !== base
    ) {
      throw new AppError(
        'conflict',
        `The definition of ${dom.name} changed since the editor opened it`,
        'Reload to see it; nothing was applied.',
      );
    }
    const xml = withSecrets(edited, secure, uuid, dom.name);
    try {
      await domainDefineXml(rpc, { xml, flags: DefineFlags.VALIDATE });
    } catch (err) {
      throw withLibvirtHint(err, 'libvirt refused the definition: nothing was changed.');
    }
    this.remember(hostId, uuid, secure);
    return this.get(hostId, uuid);
  }

  async undoLast(hostId: HostId, uuid: string): Promise<XmlDefinition> {
    const key = keyOf(hostId, uuid);
    const previous = this.undo.get(key);
    if (!previous)
      throw new AppError('not-found', 'There is no change to undo', 'Only the last change made in Vireo since it started can be undone.');
    const rpc = this.rpcOf(hostId);
    try {
      await domainDefineXml(rpc, { xml: previous });
    } catch (err) {
      throw withLibvirtHint(err, 'The definition was not restored.');
    }
    this.undo.delete(key);
    return this.get(hostId, uuid);
  }
}

/**
 * The edited text with the VNC passwords of the SECURE definition put back. Text that does not
 * parse goes to libvirt as it is (its parser names the line); a definition for another VM (its
 * <uuid> changed or gone — libvirt would define a new VM) is refused here.
 */
export function withSecrets(edited: string, secure: string, uuid: string, name: string): string {
  let d: ReturnType<typeof openDomain>;
  try {
    d = openDomain(edited);
  } catch {
    return edited;
  }
  const editedUuid = modelOf(d).uuid?.toLowerCase();
  if (editedUuid !== uuid.toLowerCase()) {
    throw new AppError(
      'invalid-input',
      editedUuid
        ? `The <uuid> was changed to ${editedUuid}: that would define another VM`
        : 'The <uuid> element is missing: libvirt would define another VM',
      `Keep <uuid>${uuid}</uuid> to change ${name}; nothing was applied.`,
    );
  }
  // Serialized only when a password was put back: otherwise the admin's bytes go as written.
  return restoreGraphicsPasswords(d, openDomain(secure)) > 0 ? domainToXml(d) : edited;
}
