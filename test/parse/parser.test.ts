import { describe, expect, it } from 'vitest';
import { BudgetSpent, WorkBudget } from '../../src/parse/budget.js';
import { initParser, parseCSync } from '../../src/parse/parser.js';

describe('parseCSync', () => {
  it('reads the next file as itself after a parse was cut short', async () => {
    await initParser();
    // tree-sitter resumes a cancelled parse on the next call unless the parser is reset: the
    // next file would come out as the rest of the abandoned one.
    expect(() => parseCSync('slow.h', `int x = ${'(a)'.repeat(100_000)};\n`, new WorkBudget(30))).toThrow(BudgetSpent);
    const f = parseCSync('ok.h', 'struct s { int a; };\n');
    try {
      expect(f.root.toString()).toBe(
        '(translation_unit (struct_specifier name: (type_identifier) body: (field_declaration_list (field_declaration type: (primitive_type) declarator: (field_identifier)))))',
      );
    } finally {
      f.dispose();
    }
  });
});
