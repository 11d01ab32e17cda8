/**
 * Schema issues as a form shows them: every issue at once, each at its field, in words that name
 * the field ("Display name is longer than 64 characters"). A form passes the issues of the same
 * schema the backend checks, and says which field each path belongs to.
 */
export interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

/** field -> its sentence; issues whose path names no field of the form are under '' (shown in the form's summary). */
export function issuesByField(
  issues: readonly Issue[],
  fieldOf: (path: string) => string | undefined,
  labels: Readonly<Record<string, string>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const path = i.path.map(String).join('.');
    const field = fieldOf(path) ?? '';
    const label = labels[field] ?? (path || 'The form');
    // zod's plain-words messages are fragments ("is empty"); a schema's own message is a sentence.
    const sentence = /^[a-z]/.test(i.message) ? `${label} ${i.message}` : i.message;
    out[field] = out[field] ? `${out[field]} ${sentence}` : sentence;
  }
  return out;
}

/** "Check these 2 fields: Address, Display name." for a form's summary line, in the form's order (the labels' order); '' when none. */
export function summary(errors: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>>): string {
  const order = Object.keys(labels);
  const rank = (f: string) => (order.includes(f) ? order.indexOf(f) : order.length);
  const fields = Object.keys(errors)
    .sort((a, b) => rank(a) - rank(b))
    .map((f) => labels[f] ?? 'other values');
  if (fields.length === 0) return '';
  return `Check ${fields.length === 1 ? 'this field' : `these ${fields.length} fields`}: ${fields.join(', ')}.`;
}
