import type { ParsedFile } from '../../parse/parser.js';
import { arrayDeclarations, namesIn, toInit, type Init } from './syntax.js';

/** One initialised array the surface reads: g_event_info, a flag table, a dynamic param table, g_syscall_table, g_ppm_events. */
export interface TableFact {
  name: string;
  /** `ppm_event_info`, `ppm_name_value`, `ppm_param_info`, ... (the struct tag of the element). */
  elementType: string;
  size: string | null;
  line: number;
  /** Last line of the initializer. */
  endLine: number;
  /** Every identifier the definition mentions (to know, per revision, whether a macro stands for something in it). */
  names: string[];
  /** `path`: where an item was written when not in the table's own file (an `#include` inside the table). */
  items: Array<{
    designator: string | null;
    position: number;
    value: Init;
    line: number;
    endLine: number;
    guard?: string[];
    path?: string;
  }>;
}

const TABLE_TYPES = ['ppm_event_info', 'ppm_name_value', 'ppm_param_info', 'syscall_evt_pair', 'ppm_event_entry'];

export function extractTables(file: ParsedFile): TableFact[] {
  const out: TableFact[] = [];
  for (const decl of arrayDeclarations(file)) {
    const elementType = /struct\s+(\w+)/.exec(decl.typeText)?.[1] ?? decl.typeText;
    if (!TABLE_TYPES.includes(elementType)) continue;
    const init = toInit(decl.init, { text: file.pre.text, lineAt: file.lineAt });
    if (init.kind !== 'list') continue;
    out.push({
      name: decl.name,
      elementType,
      size: decl.size,
      line: decl.line,
      endLine: decl.init.endPosition.row + 1,
      names: namesIn(decl.init.text),
      items: init.items.map((item, position) => {
        const guard = file.pre.guardsAt(item.value.line).map((g) => g.condition);
        return {
          designator: item.designator,
          position,
          value: item.value,
          line: item.line,
          endLine: item.endLine,
          ...(guard.length ? { guard } : {}),
        };
      }),
    });
  }
  return out;
}
