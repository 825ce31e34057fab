import { lineOfNode, type ParsedFile } from '../../parse/parser.js';
import { foldSpace, namesIn } from './syntax.js';

export interface EnumeratorFact {
  /** Where it was written when not in the enum's own file (an `#include` inside the enum). */
  path?: string;
  name: string;
  /** The value expression as written, or null for an implicit value. */
  expr: string | null;
  line: number;
  guard?: string[];
}

export interface EnumFact {
  /** `enum tag` name, else the typedef name, else null. */
  name: string | null;
  line: number;
  /** Last line of its body. */
  endLine: number;
  /** Every identifier of its body (see TableFact.names). */
  names: string[];
  enumerators: EnumeratorFact[];
  /**
   * Index in `enumerators` after which implicit values are unknown: an X-macro expansion
   * (`PPM_SC_FIELDS`, `KMOD_PROGS`) sits there as an unparsable run.
   */
  opaqueAfter: number | null;
  /** Enumerators left as comments (`// EF_DROP_SIMPLE_CONS = (1 << 10), SUPPORT DROPPED`): reserved. */
  retired: EnumeratorFact[];
}

export function extractEnums(file: ParsedFile): EnumFact[] {
  const out: EnumFact[] = [];
  for (const { node: spec } of file.descendants(['enum_specifier'])) {
    const body = spec.childForFieldName('body');
    if (!body) continue;
    let name = spec.childForFieldName('name')?.text ?? null;
    if (!name && spec.parent?.type === 'type_definition') {
      name = spec.parent.childForFieldName('declarator')?.text ?? null;
    }
    const enumerators: EnumeratorFact[] = [];
    let opaqueAfter: number | null = null;
    for (const child of body.namedChildren) {
      if (!child) continue;
      if (child.type === 'enumerator') {
        const line = lineOfNode(child);
        const value = child.childForFieldName('value');
        const guard = file.pre.guardsAt(line).map((g) => g.condition);
        enumerators.push({
          name: child.childForFieldName('name')!.text,
          expr: value ? foldSpace(value.text) : null,
          line,
          ...(guard.length ? { guard } : {}),
        });
      } else if (child.type === 'ERROR') opaqueAfter ??= enumerators.length;
    }
    out.push({
      name,
      line: lineOfNode(spec),
      endLine: body.endPosition.row + 1,
      names: namesIn(body.text),
      enumerators,
      opaqueAfter,
      retired: retiredEnumerators(file, body.startIndex, body.endIndex),
    });
  }
  return out;
}

/** `NAME = value` inside a comment of the enum body: a retired value whose number is reserved. */
function retiredEnumerators(file: ParsedFile, start: number, end: number): EnumeratorFact[] {
  const out: EnumeratorFact[] = [];
  const lineOf = file.lineAt;
  // Bounded runs: a comment of `A=A=A...` with no comma must not be scanned again from every A.
  const re = /\b([A-Z][A-Z0-9_]{0,127})\s{0,16}=\s{0,16}(\(?[^,\n*=]{0,256}?\)?)\s{0,16},/g;
  re.lastIndex = start;
  const text = file.pre.c.spliced;
  for (let m = re.exec(text); m && m.index < end; m = re.exec(text)) {
    // Only text the preprocessing pass blanked, i.e. inside a comment.
    if (file.pre.text[m.index] !== ' ') continue;
    out.push({ name: m[1]!, expr: m[2]!.trim(), line: lineOf(m.index) });
  }
  return out;
}
