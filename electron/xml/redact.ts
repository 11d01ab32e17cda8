/**
 * Domain XML on its way out of the backend (to the renderer or a browser) loses its secrets:
 * what libvirt itself leaves out unless asked for VIR_DOMAIN_XML_SECURE — graphics passwords
 * (VNC, SPICE, RDP `passwd`) and the cookies of network disk sources — plus any `password`
 * attribute and the value of any `<secret>` element. References to libvirt secret objects
 * (`<secret type='…' usage='…' uuid='…'/>`) are names, not secrets: they stay.
 *
 * Every XML that leaves the backend goes through `redactDomainXml`; the backend keeps the
 * SECURE definition for itself (to define a clone, to know whether a password is set).
 */
import { type Element, parseXml, serializeXml } from './dom';

const SECRET_ATTRS = ['passwd', 'password'];

function redact(el: Element): boolean {
  let changed = false;
  for (const a of SECRET_ATTRS) {
    if (el.hasAttribute(a)) {
      el.removeAttribute(a);
      changed = true;
    }
  }
  if (el.tagName === 'secret') {
    if (el.hasAttribute('value')) {
      el.removeAttribute('value');
      changed = true;
    }
    for (let n = el.firstChild; n; n = el.firstChild) {
      el.removeChild(n);
      changed = true;
    }
  }
  for (let n = el.firstChild; n; ) {
    const next = n.nextSibling;
    if (n.nodeType === 1) {
      const c = n as Element;
      if (c.tagName === 'cookies') {
        el.removeChild(c);
        changed = true;
      } else if (redact(c)) changed = true;
    }
    n = next;
  }
  return changed;
}

/** The same definition without its secrets; unchanged text when it has none. */
export function redactDomainXml(xml: string): string {
  if (!/passwd|password|<secret|<cookies/i.test(xml)) return xml;
  const doc = parseXml(xml, 'the domain XML');
  const root = doc.documentElement;
  return root && redact(root) ? serializeXml(doc) : xml;
}
