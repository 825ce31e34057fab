/**
 * Locations computed from text, so that a test names the text it is about rather than a line
 * number: editing one line of a fixture then breaks only the tests about that line.
 */

export interface Where {
  /** The first occurrence after this text (which must occur once): `{"fd"` after `[PPME_SYSCALL_READ_X]`. */
  after?: string;
  /** The last occurrence before this text (which must occur once): `struct {` before `} capture_settings`. */
  before?: string;
  /** Without `after` or `before`: which occurrence (1-based) when the needle occurs several times. */
  nth?: number;
}

function occurrences(text: string, needle: string): number[] {
  const starts: number[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) starts.push(i);
  return starts;
}

function only(text: string, needle: string, what: string): number {
  const starts = occurrences(text, needle);
  if (starts.length !== 1) throw new Error(`lineOf: ${what} '${needle}' occurs ${starts.length} times, not once`);
  return starts[0]!;
}

/** The offset at which `needle` starts in `text`; see `lineOf`. */
export function offsetOf(text: string, needle: string, where: Where = {}): number {
  if (where.after !== undefined || where.before !== undefined) {
    const from = where.after !== undefined ? only(text, where.after, 'anchor') + where.after.length : 0;
    const to = where.before !== undefined ? only(text, where.before, 'anchor') : text.length;
    const inside = occurrences(text, needle).filter((i) => i >= from && i + needle.length <= to);
    const at = where.before !== undefined ? inside[inside.length - 1] : inside[0];
    if (at === undefined)
      throw new Error(
        `lineOf: '${needle}' not found ${where.after !== undefined ? `after '${where.after}'` : ''}${where.before !== undefined ? ` before '${where.before}'` : ''}`,
      );
    return at;
  }
  const starts = occurrences(text, needle);
  if (starts.length === 0) throw new Error(`lineOf: '${needle}' not found`);
  if (where.nth === undefined && starts.length > 1)
    throw new Error(`lineOf: '${needle}' occurs ${starts.length} times; say which (nth, after, before)`);
  const at = starts[(where.nth ?? 1) - 1];
  if (at === undefined) throw new Error(`lineOf: '${needle}' occurs ${starts.length} times, not ${where.nth}`);
  return at;
}

/**
 * The 1-based line on which `needle` starts in `text`. The needle must occur exactly once, or
 * `where` must say which occurrence: a test never silently points at another line than the one
 * it means.
 */
export function lineOf(text: string, needle: string, where: Where = {}): number {
  return text.slice(0, offsetOf(text, needle, where)).split('\n').length;
}
