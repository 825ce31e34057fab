/**
 * A definition of the surface (a table, an enum, a shared struct) read again the way the
 * preprocessor presents it to the compiler, when the plain reading would miss what the build
 * sees: an `#include` inside it (its entries or fields come from another file), or a macro that
 * stands for part of it (`EXTRA_FIELDS` expanding to two fields, `PPM_SC_FIELDS` expanding
 * through the `PPM_SC_X` defined just before it).
 *
 * The definition's lines are rebuilt one by one: an in-tree `#include` is replaced by the lines
 * of the file it names (recursively, bounded), every macro that is not a plain number is expanded
 * with the definitions in force at that line (those of the revision, then the `#define`s and
 * `#undef`s met inside the definition), and the result is parsed again. Each rebuilt line knows
 * where it came from, so locations and which builds compile it stay those of the source.
 */
import { cText } from '../parse/c-text.js';
import { evaluate, type MacroDef, type MacroLookup } from '../parse/consteval.js';
import { scanDirectives, type Directives } from '../parse/directives.js';
import { expandMacros } from '../parse/macros.js';
import { parseCSync } from '../parse/parser.js';
import { MAX_INCLUDE_DEPTH } from '../limits.js';
import type { WorkBudget } from '../parse/budget.js';
import { extractEnums, type EnumFact } from './extract/enums.js';
import type { Init } from './extract/syntax.js';
import { extractTables, type TableFact } from './extract/tables.js';
import { collectStructs, type StructDecl } from './layout.js';
import type { FileFacts } from './facts.js';
import type { Loc } from './model.js';

/** What a re-read needs from the revision. */
export interface RereadContext {
  macros: MacroLookup;
  /** Macros the extractors read as written (never expanded). */
  keep: ReadonlySet<string>;
  /** The text of a file of the tree, or null. */
  read(path: string): Promise<string | null>;
  /** The in-tree file an `#include` names, or null when it is outside the tree. */
  resolve(from: string, path: string, angled: boolean): string | null;
  /** Why part of the definition could not be followed (reported as incomplete). */
  problem(message: string): void;
  /** The revision's budget, charged with the expansions and the parse (which throws `BudgetSpent` or `ParseTimeout`). */
  budget?: WorkBudget;
}

/** One definition to re-read: which file, which lines, what kind and name. */
export interface Definition {
  kind: 'table' | 'enum' | 'struct';
  name: string;
  line: number;
  endLine: number;
}

/** The definition as re-read, its lines those of the source (`path` set on what came from another file). */
export type Reread = Pick<FileFacts, 'tables' | 'enums' | 'structs'>;

/**
 * Macros that stay as written in a re-read: values, which the surface computes itself (an
 * object-like macro that is a number, a function-like macro whose body is an expression). What
 * is expanded is what stands for part of a definition: symbols, strings, fields, entries.
 */
function keptAsWritten(def: MacroDef, macros: MacroLookup, budget?: WorkBudget): boolean {
  // Attributes, pragmas and nothing at all are never values: expanded, they change the definition
  // (`#define ALIGNED(n) __attribute__((aligned(n)))`, `#define __attribute__(x)`).
  if (/\b(__attribute__|_Alignas|alignas|_Pragma|__pragma|__declspec)\b|\[\[/.test(def.body) || def.body.trim() === '')
    return false;
  if (def.params !== null) return !/[;={}#]/.test(def.body) && !topLevelComma(def.body);
  // Once the budget is spent nothing is a value: every macro is expanded, and that expansion stops.
  return evaluate(def.body, { macros, enumerators: new Map(), budget }) !== null;
}

function topLevelComma(body: string): boolean {
  let depth = 0;
  for (const ch of body) {
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (ch === ',' && depth === 0) return true;
  }
  return false;
}

/** True when a definition has to be re-read: it has an `#include` inside, or names a macro that is not a number. */
export function needsReread(
  d: Directives,
  def: Definition,
  names: string[] | undefined,
  ctx: Pick<RereadContext, 'macros' | 'keep' | 'budget'>,
): boolean {
  if (d.includes.some((i) => i.line > def.line && i.line < def.endLine)) return true;
  return (names ?? []).some((n) => {
    if (ctx.keep.has(n)) return false;
    const m = ctx.macros.get(n);
    return m !== undefined && !keptAsWritten(m, ctx.macros, ctx.budget);
  });
}

/** A rebuilt line and where it comes from. */
interface Line {
  text: string;
  from: Loc;
}

/**
 * Re-reads one definition of `path` (whose directives are `d`); null when it cannot be found
 * again. The parse of the rebuilt text throws as parseCSync does (a time limit, the budget).
 */
export async function reread(path: string, d: Directives, def: Definition, ctx: RereadContext): Promise<Reread | null> {
  const lines: Line[] = [];
  await rebuild(path, d, def.line, def.endLine, ctx, new Map(), lines, 0, def.name);
  const text = lines.map((l) => l.text).join('\n');
  // Rebuilt line n (1-based) comes from origins[n].
  const origins: Loc[] = [{ path, line: def.line }, ...lines.map((l) => l.from)];
  const to = (n: number): Loc => origins[n] ?? { path, line: def.line };
  const file = parseCSync(path, text, ctx.budget);
  try {
    const facts: Reread = { tables: [], enums: [], structs: { structs: [], typedefs: {} } };
    if (def.kind === 'table')
      facts.tables = extractTables(file)
        .filter((t) => t.name === def.name)
        .map((t) => mapTable(t, path, to));
    else if (def.kind === 'enum')
      facts.enums = extractEnums(file)
        .filter((e) => e.name === def.name)
        .map((e) => mapEnum(e, path, to));
    else
      facts.structs = {
        structs: collectStructs([file])
          .structs.filter((x) => x.name === def.name)
          .map((s) => mapStruct(s, to)),
        typedefs: {},
      };
    const found = facts.tables.length + facts.enums.length + facts.structs.structs.length;
    return found ? facts : null;
  } finally {
    file.dispose();
  }
}

type To = (line: number) => Loc;

/** An initializer's lines moved to the source (no recursion: initializers nest as deep as the input wants). */
function mapInit(init: Init, to: To): Init {
  const copy = structuredClone(init);
  const todo: Init[] = [copy];
  while (todo.length) {
    const i = todo.pop()!;
    i.line = to(i.line).line;
    if (i.kind === 'list')
      for (const item of i.items) {
        item.line = to(item.line).line;
        item.endLine = to(item.endLine).line;
        todo.push(item.value);
      }
  }
  return copy;
}

function elsewhere(l: Loc, path: string): { path?: string } {
  return l.path === path ? {} : { path: l.path };
}

function mapTable(t: TableFact, path: string, to: To): TableFact {
  return {
    ...t,
    line: to(t.line).line,
    endLine: to(t.endLine).line,
    items: t.items.map((item) => ({
      ...item,
      line: to(item.line).line,
      endLine: to(item.endLine).line,
      value: mapInit(item.value, to),
      ...elsewhere(to(item.line), path),
    })),
  };
}

function mapEnum(e: EnumFact, path: string, to: To): EnumFact {
  return {
    ...e,
    line: to(e.line).line,
    endLine: to(e.endLine).line,
    enumerators: e.enumerators.map((x) => ({ ...x, line: to(x.line).line, ...elsewhere(to(x.line), path) })),
  };
}

function mapStruct(s: StructDecl, to: To): StructDecl {
  const moved: StructDecl = {
    ...s,
    loc: to(s.loc.line),
    endLine: to(s.endLine).line,
    fields: s.fields.map((f) => ({ ...f, line: to(f.line).line, at: to(f.line) })),
  };
  if (s.lastLine !== undefined) moved.lastLine = to(s.lastLine).line;
  return moved;
}

/** Appends the rebuilt lines [from, to] of a file to `out`; `local` holds the #define/#undef met so far. */
async function rebuild(
  path: string,
  d: Directives,
  from: number,
  to: number,
  ctx: RereadContext,
  local: Map<string, MacroDef | null>,
  out: Line[],
  depth: number,
  what: string,
): Promise<void> {
  const source = await ctx.read(path);
  if (source === null) {
    ctx.problem(`${path} cannot be read to follow ${what}`);
    return;
  }
  const text = cText(source).text.split('\n');
  const lookup: MacroLookup = {
    get: (n) => {
      const def = local.has(n) ? (local.get(n) ?? undefined) : ctx.macros.get(n);
      return def && !ctx.keep.has(n) && !keptAsWritten(def, ctx.macros, ctx.budget) ? def : undefined;
    },
    has: (n) => lookup.get(n) !== undefined,
  };
  for (let line = from; line <= to; line++) {
    const raw = text[line - 1] ?? '';
    const at = { path, line };
    const inc = d.includes.find((i) => i.line === line);
    const define = d.macros.find((m) => m.line === line);
    const undef = d.ops.find((o) => o.op === 'undef' && o.line === line);
    if (inc && line > from && line < to) {
      out.push({ text: '', from: at });
      const target = ctx.resolve(path, inc.path, inc.angled);
      const name = inc.angled ? `<${inc.path}>` : `"${inc.path}"`;
      if (!target)
        ctx.problem(
          `${path}:${line} includes ${name} inside ${what}, and it is not a file of the tree: it cannot be followed`,
        );
      else if (depth >= MAX_INCLUDE_DEPTH)
        ctx.problem(
          `${path}:${line} includes ${name} inside ${what} more than ${MAX_INCLUDE_DEPTH} deep: not followed`,
        );
      else {
        const content = await ctx.read(target);
        if (content === null) ctx.problem(`${target}, included inside ${what}, cannot be read`);
        else {
          const c = cText(content).text;
          await rebuild(target, scanDirectives(c), 1, c.split('\n').length, ctx, local, out, depth + 1, what);
        }
      }
      continue;
    }
    if (define) local.set(define.name, { name: define.name, params: define.params, body: define.body });
    else if (undef && undef.op === 'undef') local.set(undef.name, null);
    // Directives stay (the parser blanks them); other lines get their macros expanded.
    if (/^\s*(#|%:)/.test(raw) || !raw.trim()) {
      out.push({ text: raw, from: at });
      continue;
    }
    const e = expandMacros(raw, lookup, { keep: ctx.keep, budget: ctx.budget });
    // A spent budget is said once per definition, not once per line.
    if ('problem' in e)
      ctx.problem(
        e.spent
          ? `${path}, in ${what}: ${e.problem}, so its macros are not expanded`
          : `${path}:${line}, in ${what}: ${e.problem}`,
      );
    out.push({ text: 'text' in e ? e.text : raw, from: at });
  }
}
