import type { ParsedFile } from '../../parse/parser.js';
import { record } from '../../record.js';

export interface XListFact {
  /** The X-macro's name, e.g. KMOD_PROGS. */
  name: string;
  /** Line of its `#define` (a file may hold alternatives under #if: the build picks one). */
  line: number;
  entries: Array<{ name: string; line: number }>;
}

/** X-macros whose expansion order is ABI: the position is an index userspace uses. */
const X_LISTS = record<RegExp>({
  // ppm_tp.h: the position is the ENABLE_TP/DISABLE_TP ioctl argument.
  KMOD_PROGS: /\bX\s*\(\s*(\w+)/g,
  // ppm_fillers.h: the position is the legacy probe's tail-call id.
  FILLER_LIST_MAPPER: /\bFN\s*\(\s*(\w+)/g,
});

/** Entries of every definition of the ABI X-macros in this file, in order, read from the continued #define. */
export function extractXLists(file: ParsedFile): XListFact[] {
  const out: XListFact[] = [];
  const { directives } = file.pre;
  const text = file.pre.c.text;
  for (const def of directives.macros) {
    const entryRe = X_LISTS[def.name];
    if (!entryRe) continue;
    const span = directives.spans.find(([a]) => file.lineAt(a) === def.line);
    if (!span) continue;
    const body = text.slice(span[0], span[1]);
    const entries = [...body.matchAll(entryRe)].map((m) => ({ name: m[1]!, line: file.lineAt(span[0] + m.index!) }));
    out.push({ name: def.name, line: def.line, entries });
  }
  return out;
}
