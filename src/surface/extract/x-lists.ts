import type { ParsedFile } from '../../parse/parser.js';

export interface XListFact {
  /** The X-macro's name, e.g. KMOD_PROGS. */
  name: string;
  line: number;
  entries: Array<{ name: string; line: number }>;
}

/** X-macros whose expansion order is ABI: the position is an index userspace uses. */
const X_LISTS: Record<string, RegExp> = {
  // ppm_tp.h: the position is the ENABLE_TP/DISABLE_TP ioctl argument.
  KMOD_PROGS: /\bX\s*\(\s*(\w+)/g,
  // ppm_fillers.h: the position is the legacy probe's tail-call id.
  FILLER_LIST_MAPPER: /\bFN\s*\(\s*(\w+)/g,
};

/** Entries of the ABI X-macros defined in this file, in order, read from the continued #define. */
export function extractXLists(file: ParsedFile): XListFact[] {
  const out: XListFact[] = [];
  const lineOf = file.lineAt;
  for (const [name, entryRe] of Object.entries(X_LISTS)) {
    const start = new RegExp(`^[ \\t]*#[ \\t]*define[ \\t]+${name}\\b[^\\n]*`, 'm').exec(file.pre.c.text);
    if (!start) continue;
    let end = start.index;
    for (;;) {
      const nl = file.pre.c.text.indexOf('\n', end);
      const lineText = file.pre.c.text.slice(end, nl < 0 ? undefined : nl).trimEnd();
      end = nl < 0 ? file.pre.c.text.length : nl + 1;
      if (nl < 0 || !lineText.endsWith('\\')) break;
    }
    const body = file.pre.c.text.slice(start.index, end);
    const entries = [...body.matchAll(entryRe)].map((m) => ({ name: m[1]!, line: lineOf(start.index + m.index!) }));
    out.push({ name, line: lineOf(start.index), entries });
  }
  return out;
}
