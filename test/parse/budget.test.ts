/**
 * A revision's work budget (src/parse/budget.ts) as the parse layer spends it: a parse is
 * charged its time and may not outlast what is left, a macro expansion and a constant
 * expression are charged their steps and stop when the budget does, and every stop is counted
 * (what memos compare) and says which limit it was.
 */
import { describe, expect, it } from 'vitest';
import { BudgetSpent, WorkBudget } from '../../src/parse/budget.js';
import { evaluate, type MacroDef, type SymbolTable } from '../../src/parse/consteval.js';
import { expandMacros } from '../../src/parse/macros.js';
import { initParser, parseCSync, ParseTimeout } from '../../src/parse/parser.js';
import { MAX_EVAL_STEPS, MAX_PARSE_MS, MAX_REVISION_EVAL_STEPS, MAX_REVISION_PARSE_MS } from '../../src/limits.js';

/** `#define A0 x`, `#define A1 A0 A0`, ... `#define An A(n-1) A(n-1)`: An is 2^n tokens. */
function doubling(n: number): Map<string, MacroDef> {
  const m = new Map<string, MacroDef>([['A0', { name: 'A0', params: null, body: 'x' }]]);
  for (let i = 1; i <= n; i++) m.set(`A${i}`, { name: `A${i}`, params: null, body: `A${i - 1} A${i - 1}` });
  return m;
}

/** `F0(x) x`, `Fn(x) (F(n-1)(x) + F(n-1)(x+1))`: arguments that differ at every call, so nothing is memoised. */
function branching(n: number): Map<string, MacroDef> {
  const m = new Map<string, MacroDef>([['F0', { name: 'F0', params: ['x'], body: 'x' }]]);
  for (let i = 1; i <= n; i++)
    m.set(`F${i}`, { name: `F${i}`, params: ['x'], body: `(F${i - 1}(x) + F${i - 1}(x+1))` });
  return m;
}

/** Text tree-sitter takes seconds over: deeply chained calls. */
const SLOW = `int x = ${'(a)'.repeat(100_000)};\n`;

describe('a WorkBudget', () => {
  it('starts with the limits of limits.ts', () => {
    const b = new WorkBudget();
    expect([b.maxParseMs, b.maxSteps]).toEqual([MAX_REVISION_PARSE_MS, MAX_REVISION_EVAL_STEPS]);
    expect([b.parseLeft, b.stepsLeft, b.stops, b.spent.size]).toEqual([
      MAX_REVISION_PARSE_MS,
      MAX_REVISION_EVAL_STEPS,
      0,
      0,
    ]);
  });

  it('names the limit that stopped some work', () => {
    const b = new WorkBudget(100, 1000);
    expect(b.stop('MAX_REVISION_PARSE_MS').message).toBe(
      'the parsing time one revision may take (MAX_REVISION_PARSE_MS, 100 ms) is spent',
    );
    expect(b.stop('MAX_REVISION_EVAL_STEPS').message).toBe(
      'the macro expansion and constant expressions one revision may compute (MAX_REVISION_EVAL_STEPS, 1000 steps) are spent',
    );
    expect([...b.spent]).toEqual(['MAX_REVISION_PARSE_MS', 'MAX_REVISION_EVAL_STEPS']);
    expect(b.stops).toBe(2);
  });
});

describe('parsing under a budget', () => {
  it('charges the time a parse takes', async () => {
    await initParser();
    const b = new WorkBudget();
    parseCSync('a.h', 'struct s { int a; };\n'.repeat(200), b).dispose();
    expect(b.parseMs).toBeGreaterThan(0);
    expect(b.stops).toBe(0);
  });

  it('parses nothing once the budget is spent', async () => {
    await initParser();
    const b = new WorkBudget(0);
    expect(() => parseCSync('a.h', 'int a;\n', b)).toThrow(BudgetSpent);
    expect([...b.spent]).toEqual(['MAX_REVISION_PARSE_MS']);
  });

  it('stops a parse when what is left runs out, before MAX_PARSE_MS', async () => {
    await initParser();
    const b = new WorkBudget(50);
    const t0 = performance.now();
    let thrown: unknown;
    try {
      parseCSync('slow.h', SLOW, b);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(BudgetSpent);
    expect(thrown).not.toBeInstanceOf(ParseTimeout);
    expect((thrown as BudgetSpent).budget).toBe(b);
    expect(performance.now() - t0).toBeLessThan(MAX_PARSE_MS);
    expect(b.parseMs).toBeGreaterThanOrEqual(50);
  });
});

describe('macro expansion under a budget', () => {
  it('charges the tokens an expansion reads and produces', () => {
    const b = new WorkBudget();
    const r = expandMacros('A4', doubling(4), { budget: b });
    expect(r).toEqual({ text: Array(16).fill('x').join(' ') });
    // At least the 16 tokens of the result, read once and produced once.
    expect(b.steps).toBeGreaterThanOrEqual(32);
    expect(b.stops).toBe(0);
  });

  it('stops when the budget does, and says so (spent, not a fact about the text)', () => {
    const b = new WorkBudget(Infinity, 1000);
    const r = expandMacros('A12', doubling(12), { budget: b });
    expect(r).toEqual({ problem: expect.stringContaining('MAX_REVISION_EVAL_STEPS'), spent: true });
    expect(b.steps).toBeLessThan(1100);
    expect(b.stops).toBe(1);
  });

  it('expands nothing once the budget is spent', () => {
    const b = new WorkBudget(Infinity, 0);
    expect(expandMacros('A1', doubling(1), { budget: b })).toMatchObject({ spent: true });
  });

  it('a per-expansion limit is still a fact about the text, not a spent budget', () => {
    const b = new WorkBudget(Infinity, 100_000_000);
    const r = expandMacros('A18', doubling(18), { budget: b });
    expect(r).toEqual({ problem: 'a macro expands to more than 200000 tokens' });
    expect(b.stops).toBe(0);
  });

  it('many expansions that each stay within their own limits share one budget', () => {
    const b = new WorkBudget(Infinity, 1_000_000);
    const macros = doubling(13);
    const t0 = performance.now();
    const results: string[] = [];
    for (let i = 0; i < 300; i++) {
      const r = expandMacros('A13', macros, { budget: b });
      results.push('text' in r ? 'expanded' : 'spent' in r ? 'spent' : r.problem);
      if ('spent' in r) break;
    }
    // 8,192 tokens each (about 150,000 tokens read and produced on the way): a few fit.
    const expanded = results.slice(0, -1);
    expect(results.at(-1)).toBe('spent');
    expect(new Set(expanded)).toEqual(new Set(['expanded']));
    expect(expanded.length).toBeGreaterThan(2);
    expect(expanded.length).toBeLessThan(20);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('constant expressions under a budget', () => {
  const table = (macros: Map<string, MacroDef>, budget: WorkBudget): SymbolTable => ({
    macros,
    enumerators: new Map(),
    problems: new Set(),
    budget,
  });

  it('charges the steps an evaluation takes', () => {
    const b = new WorkBudget();
    expect(evaluate('F3(1)', table(branching(3), b))).toBe(8n * 1n + 12n);
    expect(b.steps).toBeGreaterThan(0);
    expect(b.stops).toBe(0);
  });

  it('an evaluation the budget stops is unknown, with the budget named once', () => {
    const b = new WorkBudget(Infinity, 10_000);
    const t = table(branching(20), b);
    expect(evaluate('F20(1)', t)).toBeNull();
    expect([...t.problems!]).toEqual([
      'the macro expansion and constant expressions one revision may compute (MAX_REVISION_EVAL_STEPS, 10000 steps) are spent',
    ]);
    expect(b.stops).toBe(1);
    // And every evaluation after it, at once.
    expect(evaluate('1 + 1', t)).toBeNull();
    expect(b.stops).toBe(2);
  });

  it('a per-expression limit is still its own problem', () => {
    const b = new WorkBudget(Infinity, 100 * MAX_EVAL_STEPS);
    const t = table(branching(24), b);
    expect(evaluate('F24(1)', t)).toBeNull();
    expect([...t.problems!]).toEqual([`a constant expression needs more than ${MAX_EVAL_STEPS} steps`]);
    expect(b.stops).toBe(0);
  });
});
