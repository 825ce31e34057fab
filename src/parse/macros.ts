/**
 * Macro expansion as the preprocessor does it, for the places the surface reads symbols from
 * (a param's type, an event's flags, a struct field's type) and the places a macro stands for
 * items (fields of a struct, entries of a table): object-like and function-like macros, `#`,
 * `##`, `__VA_ARGS__`, rescanning with a macro disabled inside its own expansion.
 *
 * Bounded: a step budget, an output size and an expansion depth (limits.ts), and the budget of
 * the revision the expansion is for (budget.ts); function-like calls are memoised by their
 * arguments, so a chain of macros each using the previous one twice costs linear time. Over a
 * bound, the expansion is null and the caller reports it.
 */
import { MAX_EVAL_DEPTH, MAX_EVAL_STEPS, MAX_MACRO_OUTPUT_TOKENS } from '../limits.js';
import type { MacroDef, MacroLookup } from './consteval.js';
import type { WorkBudget } from './budget.js';

/** Tokens the expansion of one text may produce. */

interface Tok {
  t: string;
  /** Identifier (a macro name candidate). */
  id: boolean;
  /** Whitespace came before it (for `#` stringification and the output's spacing). */
  ws: boolean;
}

const TOKEN =
  /\s*(?:([A-Za-z_]\w*)|(\d[\w.]*|\.\d[\w.]*)|("(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')|(##|#|->|\+\+|--|<<=|>>=|<<|>>|<=|>=|==|!=|&&|\|\||\.\.\.|[-+*/%&|^~!<>?:;,.()[\]{}=]))/y;

function lex(text: string): Tok[] | null {
  const out: Tok[] = [];
  let pos = 0;
  while (pos < text.length) {
    const start = pos;
    while (pos < text.length && /\s/.test(text[pos]!)) pos++;
    if (pos >= text.length) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(text);
    if (!m) return null;
    out.push({ t: (m[1] ?? m[2] ?? m[3] ?? m[4])!, id: m[1] !== undefined, ws: pos > start });
    pos = TOKEN.lastIndex;
  }
  return out;
}

/** Tokens back to text, single-spaced where the source had space. */
function join(toks: Tok[]): string {
  return toks.map((k, i) => (i && k.ws ? ' ' : '') + k.t).join('');
}

export interface ExpandOptions {
  /** Names left as they are (the extractors read them themselves, e.g. `DIRFD_PARAM`). */
  keep?: ReadonlySet<string>;
  /** Called for every macro expanded (to report the use of an ambiguous one). */
  onMacro?: (name: string) => void;
  /**
   * The revision's budget: every token read or produced is charged to it, and an expansion
   * that would go past what is left stops (the result says `spent`).
   */
  budget?: WorkBudget;
}

class Expander {
  private steps = 0;
  private output = 0;
  private calls = new Map<string, Tok[] | null>();
  /** Why the expansion stopped, when it did. */
  problem: string | null = null;
  /** It stopped because the revision's budget is spent (not a fact about the text: never memoise it). */
  spent = false;
  /** Tokens read and produced this expansion may still take from the revision's budget. */
  private readonly allowance: number;

  constructor(
    private macros: MacroLookup,
    private opts: ExpandOptions,
  ) {
    this.allowance = opts.budget ? opts.budget.stepsLeft : Infinity;
  }

  /** Tokens read and produced: what the revision's budget is charged. */
  get work(): number {
    return this.steps + this.output;
  }

  private over(): boolean {
    if (this.problem) return true;
    if (++this.steps > MAX_EVAL_STEPS) this.problem = `a macro expansion needs more than ${MAX_EVAL_STEPS} steps`;
    else if (this.output > MAX_MACRO_OUTPUT_TOKENS)
      this.problem = `a macro expands to more than ${MAX_MACRO_OUTPUT_TOKENS} tokens`;
    else if (this.steps + this.output > this.allowance) this.stopSpent();
    return this.problem !== null;
  }

  private stopSpent(): void {
    this.spent = true;
    this.problem = this.opts.budget!.stop('MAX_REVISION_EVAL_STEPS').message;
  }

  /** Appends an expansion (its first token spaced like the macro name was), within the output bound. */
  private append(out: Tok[], r: Tok[], ws: boolean): boolean {
    this.output += r.length;
    if (out.length + r.length > MAX_MACRO_OUTPUT_TOKENS || this.output > MAX_MACRO_OUTPUT_TOKENS * 8) {
      this.problem ??= `a macro expands to more than ${MAX_MACRO_OUTPUT_TOKENS} tokens`;
      return false;
    }
    if (this.steps + this.output > this.allowance) {
      if (!this.problem) this.stopSpent();
      return false;
    }
    for (let n = 0; n < r.length; n++) out.push(n === 0 ? { ...r[n]!, ws } : r[n]!);
    return true;
  }

  /** Expands `toks`; `off` holds the macros being expanded around them (not expanded again). */
  expand(toks: Tok[], off: ReadonlySet<string>, depth: number): Tok[] | null {
    if (depth > MAX_EVAL_DEPTH) {
      this.problem ??= `macros nested more than ${MAX_EVAL_DEPTH} deep`;
      return null;
    }
    const out: Tok[] = [];
    for (let i = 0; i < toks.length; i++) {
      if (this.over()) return null;
      const k = toks[i]!;
      const def = k.id && !off.has(k.t) && !this.opts.keep?.has(k.t) ? this.macros.get(k.t) : undefined;
      if (!def) {
        out.push(k);
        continue;
      }
      let r: Tok[] | null;
      if (def.params === null) {
        this.opts.onMacro?.(def.name);
        const body = lex(def.body) ?? [];
        r = this.expand(body, new Set([...off, def.name]), depth + 1);
      } else {
        // A function-like macro is only expanded when a `(` follows.
        const call = toks[i + 1]?.t === '(' ? collectArgs(toks, i + 1) : null;
        if (!call) {
          out.push(k);
          continue;
        }
        r = this.call(def, call.args, off, depth);
        i = call.end;
      }
      // The expansion is rescanned with the text after it: a function-like macro's name at its
      // end takes the arguments written there (`#define G F` makes `G(1)` a call of F).
      let ws = k.ws;
      for (let name = def.name; r; ) {
        const last = r[r.length - 1];
        const callee =
          last?.id && last.t !== name && toks[i + 1]?.t === '(' && !off.has(last.t) && !this.opts.keep?.has(last.t)
            ? this.macros.get(last.t)
            : undefined;
        const call = callee?.params ? collectArgs(toks, i + 1) : null;
        if (!call || this.over()) break;
        if (!this.append(out, r.slice(0, -1), ws)) return null;
        if (r.length > 1) ws = last!.ws;
        name = callee!.name;
        r = this.call(callee!, call.args, off, depth);
        i = call.end;
      }
      if (!r || this.problem || !this.append(out, r, ws)) return null;
    }
    return out;
  }

  /** A function-like macro called with `args`, expanded (memoised by its arguments). */
  private call(def: MacroDef, args: Tok[][], off: ReadonlySet<string>, depth: number): Tok[] | null {
    this.opts.onMacro?.(def.name);
    const key = `${def.name}(${args.map(join).join('\u0000')})|${[...off].sort().join(',')}`;
    let r = this.calls.get(key);
    if (r === undefined) {
      const substituted = this.substitute(def, args, off, depth);
      r = substituted && this.expand(substituted, new Set([...off, def.name]), depth + 1);
      this.calls.set(key, r);
    }
    return r;
  }

  /** The body with each parameter replaced: stringified after `#`, unexpanded next to `##`, else expanded. */
  private substitute(def: MacroDef, args: Tok[][], off: ReadonlySet<string>, depth: number): Tok[] | null {
    const params = def.params!;
    const variadic = params.length > 0 && params[params.length - 1]!.endsWith('...');
    const names = params.map((p) => (p === '...' ? '__VA_ARGS__' : p.endsWith('...') ? p.slice(0, -3) : p));
    // Extra arguments of a variadic macro are its last one, commas included.
    const actual: Tok[][] =
      variadic && args.length > names.length
        ? [...args.slice(0, names.length - 1), joinArgs(args.slice(names.length - 1))]
        : args;
    const body = lex(def.body) ?? [];
    const expanded = new Map<number, Tok[] | null>();
    const argOf = (name: string) => names.indexOf(name);
    const out: Tok[] = [];
    for (let j = 0; j < body.length; j++) {
      const k = body[j]!;
      if (k.t === '#' && body[j + 1]?.id && argOf(body[j + 1]!.t) >= 0) {
        const a = actual[argOf(body[j + 1]!.t)] ?? [];
        out.push({ t: JSON.stringify(join(a)), id: false, ws: k.ws });
        j++;
        continue;
      }
      const p = k.id ? argOf(k.t) : -1;
      if (p < 0) {
        out.push(k);
        continue;
      }
      const raw = actual[p] ?? [];
      const pasted = body[j - 1]?.t === '##' || body[j + 1]?.t === '##';
      if (!pasted && !expanded.has(p)) expanded.set(p, this.expand(raw, off, depth + 1));
      const e = pasted ? raw : expanded.get(p);
      if (!e || !this.append(out, e, k.ws)) return null;
    }
    return paste(out);
  }
}

/** `a ## b`: the two tokens become one (re-lexed, so `PPM_SC_ ## X` is the identifier PPM_SC_X). */
function paste(toks: Tok[]): Tok[] {
  const out: Tok[] = [];
  for (let i = 0; i < toks.length; i++) {
    const k = toks[i]!;
    if (k.t === '##' && out.length && toks[i + 1]) {
      const left = out.pop()!;
      const glued = lex(left.t + toks[i + 1]!.t) ?? [];
      out.push(...glued.map((g, n) => (n === 0 ? { ...g, ws: left.ws } : g)));
      i++;
    } else out.push(k);
  }
  return out;
}

function joinArgs(args: Tok[][]): Tok[] {
  return args.flatMap((a, i) => (i ? [{ t: ',', id: false, ws: false }, ...a] : a));
}

/** The arguments of a call whose `(` is at `open`, split on top-level commas, and the index of its `)`. */
function collectArgs(toks: Tok[], open: number): { args: Tok[][]; end: number } | null {
  const args: Tok[][] = [[]];
  let depth = 0;
  for (let i = open + 1; i < toks.length; i++) {
    const t = toks[i]!.t;
    if (t === '(') depth++;
    if (t === ')') {
      if (depth === 0) return { args: args.length === 1 && !args[0]!.length ? [] : args, end: i };
      depth--;
    }
    if (t === ',' && depth === 0) args.push([]);
    else args[args.length - 1]!.push(toks[i]!);
  }
  return null;
}

/** True when the text names at least one macro of `macros` (not in `keep`): nothing to expand otherwise. */
export function mentionsMacro(text: string, macros: MacroLookup, keep?: ReadonlySet<string>): boolean {
  for (const m of text.matchAll(/[A-Za-z_]\w*/g)) if (!keep?.has(m[0]) && macros.has(m[0])) return true;
  return false;
}

/**
 * Expands the macros of `text` (see the module comment). Returns the expanded text, or the
 * reason it could not be expanded (a bound was hit, or the text is not C tokens); `spent` when
 * the reason is the revision's budget (`opts.budget`), which the work done is charged to.
 */
export function expandMacros(
  text: string,
  macros: MacroLookup,
  opts: ExpandOptions = {},
): { text: string } | { problem: string; spent?: true } {
  if (opts.budget && opts.budget.stepsLeft <= 0)
    return { problem: opts.budget.stop('MAX_REVISION_EVAL_STEPS').message, spent: true };
  const toks = lex(text);
  if (!toks) return { problem: 'text that is not C tokens' };
  const e = new Expander(macros, opts);
  const out = e.expand(toks, new Set(), 0);
  opts.budget?.chargeSteps(e.work);
  if (out) return { text: join(out) };
  return e.spent
    ? { problem: e.problem!, spent: true }
    : { problem: e.problem ?? 'a macro expansion that does not end' };
}
