/**
 * A small rule tester in the style of typescript-eslint's RuleTester: each rule gets a table of
 * `valid` cases (edits of the demo driver tree the rule must not report) and `invalid` cases
 * (edits it must report, with the message's key parts and the location). Every case runs the
 * whole catalogue through `runRules(base, head)`, so a case can also pin which other rules
 * fire and the overall SCHEMA bump the change requires.
 */
import { describe, expect, it } from 'vitest';
import { RULES, runRules } from '../../src/rules/catalogue.js';
import { maxBump, type Bump, type Finding } from '../../src/rules/types.js';
import { buildSurface, FactsCache } from '../../src/surface/build.js';
import type { Surface } from '../../src/surface/model.js';
import { lineOf, type Where } from '../helpers/lines.js';
import { demoTree, edit, memorySnapshot } from '../helpers/surface.js';

export type Tree = Record<string, string>;
/** One change of a tree; compose several with an array. */
export type Change = (tree: Tree) => Tree;

export const EVENT_TABLE = 'driver/event_table.c';
export const HEADER = 'driver/ppm_events_public.h';
export const FLAGS_TABLE = 'driver/flags_table.c';
export const DYN_TABLE = 'driver/dynamic_params_table.c';

/** Literal edits of one file of the tree (each `from` must be present, see `edit`). */
export const editFile =
  (file: string) =>
  (...pairs: Array<[string, string]>): Change =>
  (tree) =>
    edit(tree, file, ...pairs);
export const inEventTable = editFile(EVENT_TABLE);
export const inHeader = editFile(HEADER);
export const inFlagsTable = editFile(FLAGS_TABLE);
export const inDynTable = editFile(DYN_TABLE);

/** Replaces a whole file. */
export const setFile =
  (file: string, text: string): Change =>
  (tree) => ({ ...tree, [file]: text });

export function apply(tree: Tree, change: Change | Change[] | undefined): Tree {
  const list = change === undefined ? [] : Array.isArray(change) ? change : [change];
  return list.reduce((t, c) => c(t), tree);
}

// Parsing is the slow part: the demo tree is read once and every blob is parsed once per file.
const cache = new FactsCache();
let demo: Tree | null = null;
export function demoFiles(): Tree {
  demo ??= demoTree();
  return demo;
}

export function surface(tree: Tree, label = 'memory'): Promise<Surface> {
  return buildSurface(memorySnapshot(tree, label), cache);
}

/** Base and head trees of a case: the demo tree with `base` changes, then with `head` on top. */
export function trees(base: Change | Change[] | undefined, head: Change | Change[]): [Tree, Tree] {
  const baseTree = apply(demoFiles(), base);
  return [baseTree, apply(baseTree, head)];
}

/** Base and head surfaces of a case (see `trees`). */
export async function surfaces(
  base: Change | Change[] | undefined,
  head: Change | Change[],
): Promise<[Surface, Surface]> {
  const [baseTree, headTree] = trees(base, head);
  return [await surface(baseTree, 'base'), await surface(headTree, 'head')];
}

/** The line an expected error names, in the base or head tree of its case. */
export function resolveLine(e: ExpectedError, [baseTree, headTree]: [Tree, Tree]): number {
  if (typeof e.line === 'number') return e.line;
  const tree = e.line.side === 'base' ? baseTree : headTree;
  const text = tree[e.path];
  if (text === undefined) throw new Error(`no ${e.path} in the ${e.line.side} tree`);
  return lineOf(text, e.line.text, e.line);
}

/** The SCHEMA bump the findings require, counted as the verdict counts it (`change` findings only). */
export function requiredBump(findings: Finding[], governs: 'api' | 'schema' = 'schema'): Bump {
  return findings
    .filter((f) => f.governs === governs && f.kind === 'change')
    .reduce<Bump>((acc, f) => maxBump(acc, f.bump), 'none');
}

/** Rule ids that reported something, sorted and unique. */
export function firedRules(findings: Finding[]): string[] {
  return [...new Set(findings.map((f) => f.rule))].sort();
}

/**
 * A line named by its text: the line of the expected error's file where `text` starts (it must
 * occur once, or `after`, `before` or `nth` say which), in the head tree, or in the base tree for
 * what the change removed.
 */
export interface LineAt extends Where {
  text: string;
  side: 'base' | 'head';
}
/** The line, at the head, where `text` starts. */
export const at = (text: string, where: Where = {}): LineAt => ({ text, side: 'head', ...where });
/** The line, at the base, where `text` starts (for what the head removed). */
export const atBase = (text: string, where: Where = {}): LineAt => ({ text, side: 'base', ...where });

export interface ExpectedError {
  /** Parts the message must contain, in this order. */
  message: string[];
  path: string;
  /** A number only for text the case writes itself; fixture text is named with `at` or `atBase`. */
  line: number | LineAt;
}

interface BaseCase {
  name: string;
  /** Changes from the demo tree to the base tree (default: the demo tree itself). */
  base?: Change | Change[];
  /** Changes from the base tree to the head tree. */
  head: Change | Change[];
  /** The exact set of rules (of the whole catalogue) that must report something. */
  rules?: string[];
  /** The bump the whole change requires of the version the rule governs. */
  required?: Bump;
}

export type ValidCase = BaseCase;

export interface InvalidCase extends BaseCase {
  errors: ExpectedError[];
}

export interface RuleCases {
  rule: string;
  /** The version the rule governs (default schema); `required` is counted for it. */
  governs?: 'api' | 'schema';
  /** The bump and kind the rule's findings must carry (pinned here, independent of the catalogue). */
  bump: Bump;
  kind?: Finding['kind'];
  valid: ValidCase[];
  invalid: InvalidCase[];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function describeFindings(findings: Finding[]): string {
  return (
    findings
      .map((f) => `  ${f.rule} [${f.bump}] ${f.location ? `${f.location.path}:${f.location.line}` : '-'} ${f.message}`)
      .join('\n') || '  (none)'
  );
}

async function runCase(c: BaseCase, governs: 'api' | 'schema'): Promise<Finding[]> {
  const [base, head] = await surfaces(c.base, c.head);
  expect(base.warnings, 'base surface warnings').toEqual([]);
  expect(head.warnings, 'head surface warnings').toEqual([]);
  const findings = runRules(base, head);
  if (c.rules)
    expect(firedRules(findings), `rules that fired:\n${describeFindings(findings)}`).toEqual([...c.rules].sort());
  if (c.required)
    expect(requiredBump(findings, governs), `required bump of:\n${describeFindings(findings)}`).toBe(c.required);
  return findings;
}

/** Declares the valid and invalid cases of one rule as vitest tests. */
export function ruleTests(cases: RuleCases): void {
  const rule = RULES.find((r) => r.id === cases.rule);
  describe(cases.rule, () => {
    it('is in the catalogue with the pinned bump', () => {
      expect(rule, `${cases.rule} is not in RULES`).toBeDefined();
      expect(rule!.bump).toBe(cases.bump);
      expect(rule!.governs).toBe(cases.governs ?? 'schema');
      expect(rule!.kind ?? 'change').toBe(cases.kind ?? 'change');
    });
    it('has valid and invalid cases', () => {
      expect(cases.valid.length).toBeGreaterThan(0);
      expect(cases.invalid.length).toBeGreaterThan(0);
    });
    describe('valid', () => {
      for (const c of cases.valid) {
        it(c.name, async () => {
          const findings = await runCase(c, cases.governs ?? 'schema');
          const mine = findings.filter((f) => f.rule === cases.rule);
          expect(mine, `${cases.rule} must not report:\n${describeFindings(mine)}`).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const c of cases.invalid) {
        it(c.name, async () => {
          const findings = await runCase(c, cases.governs ?? 'schema');
          const mine = findings.filter((f) => f.rule === cases.rule);
          const context = `${cases.rule} findings:\n${describeFindings(mine)}`;
          expect(mine, context).toHaveLength(c.errors.length);
          for (const f of mine) {
            expect(f.bump, context).toBe(cases.bump);
            expect(f.governs, context).toBe(cases.governs ?? 'schema');
            expect(f.kind, context).toBe(cases.kind ?? 'change');
          }
          const actual = mine.map((f) => ({
            message: f.message,
            path: f.location?.path ?? null,
            line: f.location?.line ?? null,
          }));
          const caseTrees = trees(c.base, c.head);
          const expected = c.errors.map((e) => ({
            message: expect.stringMatching(new RegExp(e.message.map(escapeRegExp).join('[\\s\\S]*'))),
            path: e.path,
            line: resolveLine(e, caseTrees),
          }));
          expect(actual, context).toEqual(expect.arrayContaining(expected));
        });
      }
    });
  });
}

// Building blocks for event-table cases.

/** Drops the designated g_event_info entry of `symbol` (from its `[SYMBOL]` line to the next entry). */
export const removeEventEntry =
  (symbol: string): Change =>
  (tree) => {
    const text = tree[EVENT_TABLE]!;
    const re = new RegExp(`^ {8}\\[${symbol}\\][\\s\\S]*?(?=^ {8}\\[|^\\};)`, 'm');
    if (!re.test(text)) throw new Error(`no g_event_info entry ${symbol}`);
    return { ...tree, [EVENT_TABLE]: text.replace(re, '') };
  };

/** Appends designated entries (full lines, without the trailing newline) at the end of g_event_info. */
export const appendEventEntries = (...entries: string[]): Change =>
  inEventTable(['\n};', `\n${entries.map((e) => `        ${e}`).join('\n')}\n};`]);

/** Appends event codes after PPME_SOCKET_SETSOCKOPT_X (= 9) and moves PPM_EVENT_MAX past them. */
export const appendEventCodes = (...symbols: string[]): Change =>
  inHeader([
    '\tPPM_EVENT_MAX = 10',
    `${symbols.map((s, i) => `\t${s} = ${10 + i},\n`).join('')}\tPPM_EVENT_MAX = ${10 + symbols.length}`,
  ]);

/** A new write enter/exit pair (codes 10 and 11, entries at the end of g_event_info). */
export const addWritePair: Change[] = [
  appendEventCodes('PPME_SYSCALL_WRITE_E', 'PPME_SYSCALL_WRITE_X'),
  appendEventEntries(
    '[PPME_SYSCALL_WRITE_E] = {"write", EC_IO_OTHER | EC_SYSCALL, EF_USES_FD | EF_OLD_VERSION, 0},',
    '[PPME_SYSCALL_WRITE_X] = {"write", EC_IO_OTHER | EC_SYSCALL, EF_USES_FD, 2, {{"res", PT_ERRNO, PF_DEC}, {"data", PT_BYTEBUF, PF_NA}}},',
  ),
];

/** Removes the whole line of `file` that contains `text` (which must occur exactly once). */
export const dropLine =
  (file: string, text: string): Change =>
  (tree) => {
    const lines = tree[file]!.split('\n');
    const hits = lines.filter((l) => l.includes(text));
    if (hits.length !== 1) throw new Error(`dropLine: '${text}' is on ${hits.length} lines of ${file}`);
    return { ...tree, [file]: lines.filter((l) => !l.includes(text)).join('\n') };
  };
