/**
 * Schema issues as a form shows them: every issue at once, each at its field, in words that name
 * the field ("Display name is longer than 64 characters"). A form passes the issues of the same
 * schema the backend checks, and says which field each path belongs to.
 */
export interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

/**
 * field -> its sentence; issues whose path names no field of the form are under '' (shown in the
 * form's summary). `sentence` turns a schema's own message (not a fragment) into the sentence shown.
 */
export function issuesByField(
  issues: readonly Issue[],
  fieldOf: (path: string) => string | undefined,
  labels: Readonly<Record<string, string>>,
  sentence: (label: string | undefined, message: string) => string = (_label, message) => message,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const path = i.path.map(String).join('.');
    const field = fieldOf(path) ?? '';
    const label = labels[field] ?? (path || 'The form');
    // zod's plain-words messages are fragments ("is empty"); a schema's own message is a sentence.
    const text = /^[a-z]/.test(i.message) ? `${label} ${i.message}` : sentence(labels[field], i.message);
    out[field] = out[field] ? `${out[field]} ${text}` : text;
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

/**
 * A schema message as a sentence that names its field: the shared validators' messages have a
 * generic subject ("Name is empty"), none ("Must be an absolute path", "Use letters, digits …"), or
 * say only what is expected ("At least 16 MiB", "An http:// or https:// URL"); the field's label
 * becomes the subject. Fragments ("is empty") and sentences that already start with the label are
 * left to issuesByField.
 */
export function withSubject(label: string | undefined, message: string): string {
  if (!label || /^[a-z]/.test(message) || message.startsWith(label)) return message;
  const lower = `${message.charAt(0).toLowerCase()}${message.slice(1)}`;
  if (message.startsWith('Name ')) return `${label} ${message.slice(5)}`;
  if (/^Must /.test(message)) return `${label} ${lower}`;
  if (/^(A|An|At least|At most) /.test(message)) return `${label} must be ${lower}`;
  return `${label}: ${lower}`;
}

/** Like issuesByField, each message a sentence with its field's label as subject (withSubject). */
export function namedIssuesByField(
  issues: readonly Issue[],
  fieldOf: (path: string) => string | undefined,
  labels: Readonly<Record<string, string>>,
): Record<string, string> {
  return issuesByField(issues, fieldOf, labels, withSubject);
}
