/**
 * A VNC server's refusal reason as people read it: QEMU sends "Authentication failed" with its
 * C string's NUL on the end, and a server may send other control characters. They are dropped
 * (runs of them become one space), and the sentence ends with a full stop.
 */
export function refusalReason(raw: string | undefined): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
  const text = (raw ?? '').replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  if (!text) return '';
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
