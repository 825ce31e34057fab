/**
 * What the text files (files.ts: main.c and the probes' maps.h) declare, as the builds compile
 * them. A file's facts are its top-level statements cut at directive lines
 * (extract/text-scan.ts); per revision:
 *
 * - each build's statements are put together from the pieces it compiles: a piece no build
 *   compiles is never read, and a `;` only some builds compile ends the statement only for them;
 * - a statement is read with its macros expanded in the file's own scope (a `module_param`
 *   written through a macro, a permission or an attribute a macro spells), except where the
 *   surface compares values as written (a map's max_entries, an array's bound);
 * - what it declares is a candidate with its presence, for the resolvers to `pick`.
 *
 * A statement that may declare something and cannot be read as a build sees it (a condition the
 * model cannot decide inside it, a macro expansion over a bound) is a warning, never a guess.
 */
import { record } from '../record.js';
import { buildsOf, CONFIGS } from '../parse/build-configs.js';
import type { Presence } from '../parse/conditions.js';
import type { MacroDef } from '../parse/consteval.js';
import { expandMacros, mentionsMacro } from '../parse/macros.js';
import { readBpfStatement, type BpfGlobalFact, type BpfMapFact } from './extract/bpf.js';
import { probeOf } from './extract/code-bodies.js';
import {
  isNullPointer,
  MODULE_PARAM_CALLS,
  permissionText,
  readModuleParam,
  readParamOps,
  type ModuleParamFact,
  type ParamOpsFact,
} from './extract/module-params.js';
import { foldSpace } from './extract/syntax.js';
import { closing, splitTokens, tokens, type StatementPiece } from './extract/text-scan.js';
import type { BuildModel, Candidate } from './builds.js';
import type { FileFacts } from './facts.js';
import { loc, type ModuleParam, type Warning } from './model.js';
import type { WorkBudget } from '../parse/budget.js';

export interface TextDeclarations {
  moduleParams: Candidate<ModuleParamFact>[];
  paramOps: Candidate<ParamOpsFact>[];
  maps: Candidate<BpfMapFact>[];
  globals: Candidate<BpfGlobalFact>[];
}

export interface TextContext {
  model: BuildModel;
  rev: string;
  warnings: Warning[];
  /** Reports a macro a statement's expansion used (an ambiguous one becomes a conflict). */
  onMacro: (path: string, name: string) => void;
  /** The revision's work budget, charged with the statements' macro expansion. */
  budget?: WorkBudget;
}

/** A statement as some builds compile it. */
interface CompiledStatement {
  pieces: StatementPiece[];
  presence: Presence;
  /** Some build may or may not compile part of it: its text is not known. */
  undecided?: true;
}

/**
 * Names a declaration the readers look for starts from or carries: the module_param calls,
 * `kernel_param_ops`, the attributes of maps and globals. A statement that names none of them,
 * and no macro that may produce one, declares nothing the surface reads.
 */
const DECLARING_NAMES: ReadonlySet<string> = new Set([
  ...MODULE_PARAM_CALLS,
  'kernel_param_ops',
  'SEC',
  '__weak',
  '__bpf_section',
  '__attribute__',
  '__attribute',
  'bpf_map_def',
]);

const IDENTIFIER = /[A-Za-z_]\w*/g;

/** Reads the declarations of every text file of a revision. */
export function readTextDeclarations(facts: FileFacts[], ctx: TextContext): TextDeclarations {
  const out: TextDeclarations = { moduleParams: [], paramOps: [], maps: [], globals: [] };
  const unexpanded = new Set<string>();
  for (const f of facts) {
    if (!f.topLevel.statements.length) continue;
    const driver = probeOf(f.path);
    const probe = driver === 'modern' || driver === 'legacy' ? driver : null;
    const scope = ctx.model.scope(f.path);
    const declaring = macrosThatMayDeclare(scope.macros, f.directives.macros);
    for (const s of compiledStatements(f, ctx.model)) {
      const text = s.pieces.map((p) => p.text).join('\n');
      const line = s.pieces[0]!.line;
      if (!mayDeclare(text, declaring)) continue;
      const where = `${f.path}:${line} at ${ctx.rev}`;
      const include = s.pieces.find((p) => p.include && ctx.model.live(f.path, p.include))?.include;
      if (include) {
        ctx.warnings.push({
          path: f.path,
          message: `${where}: the #include at line ${include} inside a declaration is not followed, so what it declares is not known`,
          incomplete: true,
        });
        continue;
      }
      if (s.undecided) {
        ctx.warnings.push({
          path: f.path,
          message: `${where}: a conditional directive the model cannot decide cuts a declaration in parts, so what the builds declare there is not known`,
          incomplete: true,
        });
        continue;
      }
      const r = readStatement(text, scope.macros, probe, ctx.budget);
      for (const n of r.used) ctx.onMacro(f.path, n);
      // The macros read are those in force at the end of the file (builds.ts): one this file
      // defines or undefines again after the statement may stand for something else at it.
      const redefined = redefinedAfter(f, line, text);
      if (redefined) {
        ctx.warnings.push({
          path: f.path,
          message: `${where}: ${redefined} is defined or undefined again later in ${f.path}, so what the declaration means where it stands is not known`,
          incomplete: true,
        });
      }
      if (r.problem) {
        // A spent budget is said once per file (every statement after it would say it again).
        if (!r.spent || !unexpanded.has(f.path))
          ctx.warnings.push({
            path: f.path,
            message: `${where}: ${r.problem}, so what it declares is not known`,
            incomplete: true,
          });
        if (r.spent) unexpanded.add(f.path);
        continue;
      }
      const candidate = <T>(value: T, at = line): Candidate<T> => ({ value, file: f, line: at, presence: s.presence });
      for (const p of r.moduleParams) out.moduleParams.push(candidate({ ...p, line }));
      for (const o of r.paramOps) out.paramOps.push(candidate({ ...o, line }));
      for (const m of r.maps) out.maps.push(candidate({ ...m, line }));
      if (r.globals.length) {
        const lines = new StatementLines(s.pieces, text);
        for (const g of r.globals) {
          // Where its name is written (the statement's first line when a macro wrote it).
          const at = r.expanded ? (lines.ofName(g.name) ?? line) : lines.at(g.at);
          out.globals.push(candidate({ ...g, line: at }, at));
        }
      }
      if (r.unreadable)
        ctx.warnings.push({
          path: f.path,
          message: `${where}: ${r.unreadable}, so the maps it defines are not known`,
          incomplete: true,
        });
    }
  }
  return out;
}

/**
 * The statements each build compiles (see the module comment). A statement whose pieces all
 * have one presence is read once; otherwise it is put together build by build, carrying what a
 * build compiles of it into the next statement when that build does not compile its `;`.
 */
export function compiledStatements(
  f: Pick<FileFacts, 'path' | 'topLevel'>,
  model: Pick<BuildModel, 'presence'>,
): CompiledStatement[] {
  const out: CompiledStatement[] = [];
  const builds = buildsOf(f.path);
  const carried = new Map<number, { pieces: StatementPiece[]; undecided: boolean }>();
  for (const s of f.topLevel.statements) {
    const presences = s.pieces.map((p) => model.presence(f.path, p.line));
    const first = presences[0]!;
    if (!carried.size && presences.every((p) => p.always === first.always && p.maybe === first.maybe)) {
      if (first.maybe) out.push({ pieces: s.pieces, presence: first });
      continue;
    }
    const end = presences[presences.length - 1]!;
    const byText = new Map<string, CompiledStatement>();
    for (const c of CONFIGS) {
      const bit = 1 << c.index;
      if (!(builds & bit)) continue;
      const acc = carried.get(c.index) ?? { pieces: [], undecided: false };
      let compiled = carried.has(c.index);
      s.pieces.forEach((p, i) => {
        const pr = presences[i]!;
        if (!(pr.maybe & bit)) return;
        compiled = true;
        acc.pieces.push(p);
        if (!(pr.always & bit)) acc.undecided = true;
      });
      if (!compiled) continue;
      if (!(end.maybe & bit)) {
        carried.set(c.index, acc);
        continue;
      }
      carried.delete(c.index);
      const undecided = acc.undecided || !(end.always & bit);
      const key = `${undecided}\u0000${acc.pieces.map((p) => `${p.line}:${p.text}`).join('\u0000')}`;
      const known = byText.get(key);
      if (known) {
        known.presence = { always: known.presence.always | (undecided ? 0 : bit), maybe: known.presence.maybe | bit };
      } else {
        byText.set(key, {
          pieces: acc.pieces,
          presence: { always: undecided ? 0 : bit, maybe: bit },
          ...(undecided ? { undecided: true as const } : {}),
        });
      }
    }
    out.push(...byText.values());
  }
  // What is still carried at the end of the file has no `;`: it is not C, and declares nothing.
  return out;
}

/** Lines of a statement's text (its pieces joined with newlines), as the source numbers them. */
class StatementLines {
  private starts: number[] = [];
  private lines: number[] = [];
  private names: Map<string, number> | null = null;

  constructor(
    pieces: StatementPiece[],
    private text: string,
  ) {
    let base = 0;
    for (const p of pieces) {
      this.starts.push(base);
      this.lines.push(p.line);
      for (let i = p.text.indexOf('\n'), k = 1; i >= 0; i = p.text.indexOf('\n', i + 1), k++) {
        this.starts.push(base + i + 1);
        this.lines.push(p.line + k);
      }
      base += p.text.length + 1;
    }
  }

  /** The line of an offset into the text. */
  at(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return this.lines[lo]!;
  }

  /** The line where an identifier is first written, if it is. */
  ofName(name: string): number | null {
    if (!this.names) {
      this.names = new Map();
      for (const m of this.text.matchAll(IDENTIFIER)) if (!this.names.has(m[0])) this.names.set(m[0], m.index);
    }
    const at = this.names.get(name);
    return at === undefined ? null : this.at(at);
  }
}

const lastDirectiveMemo = new WeakMap<object, Map<string, number>>();

/** A name the statement mentions that a `#define` or `#undef` of its file changes after `line`. */
function redefinedAfter(f: Pick<FileFacts, 'directives'>, line: number, text: string): string | null {
  let last = lastDirectiveMemo.get(f.directives);
  if (!last) {
    last = new Map();
    for (const m of f.directives.macros) last.set(m.name, Math.max(last.get(m.name) ?? 0, m.line));
    for (const op of f.directives.ops)
      if (op.op === 'undef') last.set(op.name, Math.max(last.get(op.name) ?? 0, op.line));
    lastDirectiveMemo.set(f.directives, last);
  }
  if (!last.size) return null;
  for (const m of text.matchAll(IDENTIFIER)) if ((last.get(m[0]) ?? 0) > line) return m[0];
  return null;
}

function mayDeclare(text: string, declaring: ReadonlySet<string>): boolean {
  for (const m of text.matchAll(IDENTIFIER)) if (DECLARING_NAMES.has(m[0]) || declaring.has(m[0])) return true;
  return false;
}

const declaringMemo = new WeakMap<object, WeakMap<object, Set<string>>>();

/**
 * The macros whose expansion may produce a declaring name: those whose body names one, or
 * pastes tokens (`##` can make any name), or names such a macro. The macros in scope, and every
 * definition the file itself makes (one it undefines before its end is still in force above).
 * One pass over the bodies, then a walk up from the names found.
 */
export function macrosThatMayDeclare(
  macros: ReadonlyMap<string, MacroDef>,
  own: readonly MacroDef[] = [],
): ReadonlySet<string> {
  let byOwn = declaringMemo.get(macros);
  if (!byOwn) declaringMemo.set(macros, (byOwn = new WeakMap()));
  let out = byOwn.get(own);
  if (out) return out;
  out = new Set<string>();
  const usedBy = new Map<string, string[]>();
  const todo: string[] = [];
  const mark = (name: string) => {
    if (out!.has(name)) return;
    out!.add(name);
    todo.push(name);
  };
  for (const def of [...macros.values(), ...own]) {
    if (def.body.includes('##')) mark(def.name);
    for (const m of def.body.matchAll(IDENTIFIER)) {
      if (DECLARING_NAMES.has(m[0])) mark(def.name);
      else {
        const users = usedBy.get(m[0]);
        if (users) users.push(def.name);
        else usedBy.set(m[0], [def.name]);
      }
    }
  }
  while (todo.length) for (const user of usedBy.get(todo.pop()!) ?? []) mark(user);
  byOwn.set(own, out);
  return out;
}

interface Reading {
  moduleParams: ModuleParamFact[];
  paramOps: ParamOpsFact[];
  maps: BpfMapFact[];
  globals: BpfGlobalFact[];
  unreadable?: string;
  /** Macros were expanded: offsets are no longer those of the source. */
  expanded: boolean;
  used: string[];
  problem?: string;
  /** The problem is the revision's spent budget. */
  spent?: true;
}

/** Statements read under one macro table (tables of unchanged include trees are reused across revisions). */
const readingMemo = new WeakMap<object, Map<string, Reading>>();

function readStatement(
  text: string,
  macros: ReadonlyMap<string, MacroDef>,
  probe: 'modern' | 'legacy' | null,
  budget?: WorkBudget,
): Reading {
  let memo = readingMemo.get(macros);
  if (!memo) readingMemo.set(macros, (memo = new Map()));
  const key = `${probe}\u0000${text}`;
  let r = memo.get(key);
  if (!r) {
    r = read(text, macros, probe, budget);
    // A reading the revision's budget cut short is not how the statement reads: not memoised.
    if (!r.spent) memo.set(key, r);
  }
  return r;
}

function read(
  written: string,
  macros: ReadonlyMap<string, MacroDef>,
  probe: 'modern' | 'legacy' | null,
  budget?: WorkBudget,
): Reading {
  const r: Reading = { moduleParams: [], paramOps: [], maps: [], globals: [], expanded: false, used: [] };
  let text = written;
  const { text: guarded, slots } = guardWrittenValues(written);
  if (mentionsMacro(guarded, macros)) {
    const e = expandMacros(guarded, macros, { onMacro: (n) => r.used.push(n), budget });
    if ('problem' in e) return { ...r, problem: e.problem, ...(e.spent ? { spent: true } : {}) };
    text = e.text.replace(/\b__driver_semver_value_(\d+)\b/g, (_, i: string) => slots[Number(i)]!);
    r.expanded = true;
  }
  const toks = tokens(text);
  for (const [a, b] of splitTokens(toks, ';')) {
    if (a === b) continue;
    const part = toks.slice(a, b);
    const param = readModuleParam(text, part);
    if (param) {
      r.moduleParams.push(param);
      continue;
    }
    const ops = readParamOps(text, part);
    if (ops) {
      r.paramOps.push(ops);
      continue;
    }
    if (!probe) continue;
    const bpf = readBpfStatement(text, part, probe);
    // One declaration may define any number of globals: appended one by one (a spread of them
    // all would be as many call arguments).
    for (const m of bpf.maps) r.maps.push(m);
    for (const g of bpf.globals) r.globals.push(g);
    if (bpf.unreadable) r.unreadable ??= bpf.unreadable;
  }
  return r;
}

/**
 * Values the surface compares as written stand in for themselves during the expansion: a
 * map's max_entries (`__uint(max_entries, N)`, `.max_entries = N`) and an array's bound. A
 * count that grows with the event table (PPM_EVENT_MAX) is the same text from one revision to
 * the next, so the change that grew it is judged where it was made.
 */
function guardWrittenValues(text: string): { text: string; slots: string[] } {
  const toks = tokens(text);
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!.text;
    let from = -1;
    let to = -1;
    if (
      t === '__uint' &&
      toks[i + 1]?.text === '(' &&
      toks[i + 2]?.text === 'max_entries' &&
      toks[i + 3]?.text === ','
    ) {
      from = i + 4;
      to = closing(toks, i + 1);
    } else if (t === '.' && toks[i + 1]?.text === 'max_entries' && toks[i + 2]?.text === '=') {
      from = i + 3;
      to = endOfItem(toks, from);
    } else if (t === '[') {
      from = i + 1;
      to = closing(toks, i);
    }
    if (from < 0 || to <= from) continue;
    ranges.push([toks[from]!.start, toks[to - 1]!.end]);
    i = to - 1;
  }
  if (!ranges.length) return { text, slots: [] };
  const slots: string[] = [];
  let out = '';
  let pos = 0;
  for (const [a, b] of ranges) {
    out += `${text.slice(pos, a)} __driver_semver_value_${slots.length} `;
    slots.push(foldSpace(text.slice(a, b)));
    pos = b;
  }
  return { text: out + text.slice(pos), slots };
}

/** The end of the initializer item starting at `from`: its `,`, or the bracket that closes its list. */
function endOfItem(toks: { text: string }[], from: number): number {
  let depth = 0;
  for (let i = from; i < toks.length; i++) {
    const t = toks[i]!.text;
    if (t === '(' || t === '[' || t === '{') depth++;
    else if (t === ')' || t === ']' || t === '}') {
      if (depth === 0) return i;
      depth--;
    } else if ((t === ',' || t === ';') && depth === 0) return i;
  }
  return toks.length;
}

/**
 * The module parameters of a revision: one per name (`pick`), with its permission as bits and
 * the operations its kernel_param_ops (or module_param_call) leave out.
 */
export function resolveModuleParams(d: TextDeclarations, ctx: TextContext): Record<string, ModuleParam> {
  const ops = new Map<string, ParamOpsFact>();
  for (const [name, list] of byName(d.paramOps)) {
    const c = ctx.model.pick(`kernel_param_ops ${name}`, list, (o) => `${o.set}:${o.get}`);
    if (c) ops.set(name, c.value);
  }
  const params = new Map<string, Candidate<ModuleParam>[]>();
  for (const [name, list] of byName(d.moduleParams)) {
    params.set(
      name,
      list.map((c) => ({
        ...c,
        value: {
          type: c.value.type,
          perm: permissionText(c.value.perm),
          ...lacking(c, ops, ctx),
          loc: loc(c.file.path, c.line),
        },
      })),
    );
  }
  const out = record<ModuleParam>();
  for (const [name, list] of params) {
    const c = ctx.model.pick(`module parameter ${name}`, list, (p) => JSON.stringify([p.type, p.perm, p.lacks ?? []]));
    if (c) out[name] = c.value;
  }
  return out;
}

/** Kernel-defined ops of the standard types (`param_ops_uint`, ...): they have both get and set. */
const KERNEL_OPS = /^param_ops_\w+$/;

function lacking(
  c: Candidate<ModuleParamFact>,
  ops: Map<string, ParamOpsFact>,
  ctx: TextContext,
): { lacks?: Array<'get' | 'set'> } {
  const a = c.value.access;
  if (!a) return {};
  let set: boolean | null;
  let get: boolean | null;
  if ('set' in a) {
    set = !isNullPointer(a.set);
    get = !isNullPointer(a.get);
  } else {
    const o = ops.get(a.ops);
    if (!o && KERNEL_OPS.test(a.ops)) return {};
    set = o ? o.set : null;
    get = o ? o.get : null;
    if (set === null || get === null) {
      const why = o
        ? `its initializer is positional (which field is .set depends on the kernel)`
        : `driver-semver does not find its definition in ${c.file.path}`;
      ctx.warnings.push({
        path: c.file.path,
        message: `${c.file.path}:${c.line} at ${ctx.rev}: module parameter ${c.value.name} uses the kernel_param_ops ${a.ops}, and ${why}: whether userspace can read or write it is not known`,
        incomplete: true,
      });
    }
  }
  const lacks = [...(get === false ? ['get' as const] : []), ...(set === false ? ['set' as const] : [])];
  return lacks.length ? { lacks } : {};
}

function byName<T extends { name: string }>(list: Candidate<T>[]): Map<string, Candidate<T>[]> {
  const out = new Map<string, Candidate<T>[]>();
  for (const c of list) {
    const l = out.get(c.value.name);
    if (l) l.push(c);
    else out.set(c.value.name, [c]);
  }
  return out;
}
