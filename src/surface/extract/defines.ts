import { lineOfNode, type ParsedFile } from '../../parse/parser.js';
import { foldSpace } from './syntax.js';

/** One `#define`, object-like (params null) or function-like. */
export interface MacroFact {
  name: string;
  params: string[] | null;
  body: string;
  line: number;
  guard?: string[];
}

/** Every #define of the file (those under #if too: the preprocessing pass exposes them). */
export function extractDefines(file: ParsedFile): MacroFact[] {
  const out: MacroFact[] = [];
  for (const node of file.root.descendantsOfType(['preproc_def', 'preproc_function_def'])) {
    if (!node) continue;
    const name = node.childForFieldName('name')?.text;
    if (!name) continue;
    const value = node.childForFieldName('value');
    const paramsNode = node.childForFieldName('parameters');
    const line = lineOfNode(node);
    const guard = file.pre.guardsAt(line).map((g) => g.condition);
    out.push({
      name,
      params: paramsNode ? paramsNode.namedChildren.filter((p) => p !== null).map((p) => p.text) : null,
      body: value ? foldSpace(value.text) : '',
      line,
      ...(guard.length ? { guard } : {}),
    });
  }
  return out;
}
