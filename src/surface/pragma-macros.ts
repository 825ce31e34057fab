/**
 * Uses of macros that expand to a `_Pragma` operator (`#define PACKED_BEGIN _Pragma("pack(push, 1)")`,
 * possibly in another header): one file's directive scan cannot tell which names those are, so
 * when the tree defines any (rare: pragmaMacroNames), the files with directives are scanned again
 * knowing their names, and the walk of each build expands every use with the macros in force there
 * (parse/conditions.ts). A file that uses one is read again with the uses blanked, as the
 * preprocessor leaves nothing of them in the code (tree-sitter would take `PACKED_BEGIN struct x
 * {...}` for a declaration of something else). A tree without such macros costs nothing more.
 */
import { cText } from '../parse/c-text.js';
import { pragmaMacroNames, scanDirectives } from '../parse/directives.js';
import { extractFacts, type FileFacts } from './facts.js';
import { fileKind } from './files.js';
import { BudgetSpent, type WorkBudget } from '../parse/budget.js';

/**
 * Replaces, in place, the facts of every file with directives by those of a read that knows the
 * pragma macros; a file that cannot be read again keeps its facts (and its parse problems show;
 * one the revision's budget leaves unparsed is reported through `warn`).
 */
export async function scanPragmaMacroUses(
  files: Map<string, FileFacts>,
  read: (path: string) => Promise<Buffer | null>,
  opts: { budget?: WorkBudget; warn?: (path: string, why: string) => void } = {},
): Promise<void> {
  const names = pragmaMacroNames([...files.values()].map((f) => f.directives));
  if (!names.size) return;
  for (const [path, f] of files) {
    // Code files are not walked (their facts have no directives).
    if (f.code !== null) continue;
    const source = (await read(path))?.toString('utf8');
    if (source === undefined) continue;
    const directives = scanDirectives(cText(source).text, names);
    const uses: Array<[number, number]> = [];
    for (const op of directives.ops) if (op.op === 'expand') uses.push([op.offset, op.offset + op.text.length]);
    let facts: FileFacts | string = f;
    if (uses.length) {
      try {
        facts = await extractFacts(path, blank(source, uses), fileKind(path) ?? 'tree', 0n, opts.budget);
      } catch (e) {
        if (!(e instanceof BudgetSpent)) throw e;
        opts.warn?.(path, `it is not read again without its uses of macros that expand to _Pragma: ${e.message}`);
      }
    }
    if (typeof facts === 'string') facts = f;
    files.set(path, { ...facts, directives, macros: directives.macros });
  }
}

/** The text with each [start, end) range turned to spaces, its newlines kept (offsets and lines stay). */
function blank(text: string, ranges: Array<[number, number]>): string {
  let out = text;
  for (const [a, b] of ranges) out = out.slice(0, a) + out.slice(a, b).replace(/[^\n]/g, ' ') + out.slice(b);
  return out;
}
