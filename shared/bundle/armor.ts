/**
 * A small text block format for things people copy, paste and mail: a BEGIN line, `name: value`
 * lines in a fixed order, an END line. Strict on purpose (exact names, exact order, each once),
 * tolerant only of what mail and editors do to text: CRLF line ends, trailing spaces, blank
 * lines around the block.
 */

/** The fields of a parsed block, by name. */
export type ArmorFields<K extends string> = Readonly<Record<K, string>>;

function begin(title: string): string {
  return `-----BEGIN ${title}-----`;
}

function end(title: string): string {
  return `-----END ${title}-----`;
}

/** Writes a block with `fields` in the given order; values must be single-line. */
export function formatArmor(title: string, fields: readonly (readonly [string, string])[]): string {
  for (const [name, value] of fields) {
    if (/[\r\n]/.test(value) || /[\r\n:]/.test(name)) throw new TypeError('armor fields are single-line');
  }
  return [begin(title), ...fields.map(([name, value]) => `${name}: ${value}`), end(title)].join('\n') + '\n';
}

/**
 * Parses a block of `title` whose fields are exactly `names`, in order. Returns undefined for
 * anything else: other text around the block, a missing, extra, repeated or reordered field,
 * more than `maxChars` characters.
 */
export function parseArmor<K extends string>(text: unknown, title: string, names: readonly K[], maxChars: number): ArmorFields<K> | undefined {
  if (typeof text !== 'string' || text.length > maxChars) return undefined;
  const lines = text
    .replace(/\r\n/g, '\n')
    .trim()
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''));
  if (lines.length !== names.length + 2 || lines[0] !== begin(title) || lines[lines.length - 1] !== end(title)) return undefined;
  const fields: Partial<Record<K, string>> = {};
  for (const [i, name] of names.entries()) {
    const line = lines[i + 1] ?? '';
    const prefix = `${name}: `;
    if (!line.startsWith(prefix)) return undefined;
    fields[name] = line.slice(prefix.length);
  }
  return fields as ArmorFields<K>;
}
