/**
 * The 1-based line of `text` that contains `needle`, so tests find locations from fixture text
 * rather than hard-coding line numbers. Throws when the needle is absent or ambiguous: a test
 * never asserts a location it did not find.
 */
export function lineOf(text: string, needle: string): number {
  const lines = text.split('\n');
  const hits = lines.flatMap((l, i) => (l.includes(needle) ? [i + 1] : []));
  if (hits.length !== 1) throw new Error(`lineOf: '${needle}' is on ${hits.length ? `lines ${hits.join(', ')}` : 'no line'}`);
  return hits[0]!;
}
