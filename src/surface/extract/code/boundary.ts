/**
 * What one function does at the driver/userspace boundary by itself, read from its tokens: the
 * facts code roles are derived from (surface/code-roles.ts). A small documented vocabulary of
 * primitives defines the boundary; everything else follows from the call graph.
 *
 * - `param`: writes a param into the event being built (vocabulary.ts names each driver's
 *   writers; a function with such a name is a writer itself).
 * - `event`: starts an event of a given type (an event code passed to a call, such as
 *   `ringbuf__reserve_space(&ringbuf, SIZE, PPME_SYSCALL_CLOSE_X)`).
 * - `header`: writes the event header (`struct ppm_evt_hdr`, or a `*event_header*`/`*evt_hdr*`
 *   helper), whose layout the API rules compare.
 * - `transport`: reserves or submits ring-buffer space (`bpf_ringbuf_*`, `bpf_perf_event_output`, an iterator's `bpf_seq_write`).
 * - `map`: reads or writes a bpf map (`bpf_map_*_elem`); the probe globals it mentions by name
 *   are in `globals`, matched against the surface's maps and globals per revision.
 * - `tail-call`: `bpf_tail_call`, the dispatchers' and fillers' way to jump to another program
 *   (not a direct call: the target is a map slot).
 * Statistics: `counters` are the `n_*` fields it updates (`counter->n_evts++`); whether they are
 * counters userspace reads is decided per revision against the shared structs.
 * `macroNames`: the macro-case names it uses and the names its own conditionals test, the
 * candidates (with `calls` and `globals`) for the `#define`s it expands (surface/code-defines.ts).
 */
import { DIRECTIVE, IDENT, PUNCT, type Tokens } from './lexer.js';
import {
  ASSIGNMENTS,
  DEBUG_OUTPUT,
  HEADER_STRUCT,
  HEADER_WRITER,
  MAP_ACCESS,
  NOT_CALLS,
  PARAM_WRITER,
  TAIL_CALL,
  TRANSPORT,
} from './vocabulary.js';
import { isCounterField } from '../../model.js';

/** Words after which an identifier is read, not declared (`return x;`). */
const EXPRESSION_FOLLOWS = new Set(['return', 'case', 'else', 'do', 'goto', 'sizeof', 'typeof', '__typeof__']);

/** An event code (ppm_event_code), PPM_EVENT_MAX aside. */
const EVENT_CODE = /^PPME_\w+$/;

export type BoundaryMark = 'param' | 'event' | 'header' | 'transport' | 'map' | 'tail-call';

const C_WORDS = new Set([
  ...NOT_CALLS,
  'else',
  'do',
  'goto',
  'break',
  'continue',
  'default',
  'struct',
  'union',
  'enum',
  'typedef',
  'extern',
  'void',
  'char',
  'short',
  'int',
  'long',
  'float',
  'double',
  'signed',
  'unsigned',
  'bool',
  '_Bool',
  'true',
  'false',
  'NULL',
  'size_t',
  'ssize_t',
  ...[8, 16, 32, 64].flatMap((bits) => [`int${bits}_t`, `uint${bits}_t`]),
]);

export interface BoundaryFacts {
  calls: string[];
  globals: string[];
  marks: BoundaryMark[];
  counters: string[];
  /** Event codes passed to a call or assigned (`ringbuf.event_type = PPME_X`): the events it starts. */
  events: string[];
  /** Macro-case names it uses (event codes aside) and the names its conditionals test. */
  macroNames: string[];
}

/** The boundary facts of the tokens [start, end] of one definition (signature included). */
export function boundaryFacts(T: Tokens, start: number, end: number, name: string): BoundaryFacts {
  let body = start;
  for (let depth = 0; body <= end; body++) {
    if (T.kind[body] !== PUNCT) continue;
    const s = T.text[body];
    if (s === '(') depth++;
    else if (s === ')') depth--;
    else if (s === '{' && depth === 0) break;
  }
  const calls = new Set<string>();
  const names = new Set<string>();
  const declared = new Set<string>();
  const counters = new Set<string>();
  const events = new Set<string>();
  const macroNames = new Set<string>();
  const marks = new Set<BoundaryMark>();
  if (PARAM_WRITER.test(name) && !HEADER_WRITER.test(name)) marks.add('param');
  if (HEADER_WRITER.test(name)) marks.add('header');
  // Parameters are declared names.
  for (let k = start; k < body; k++)
    if (T.kind[k] === IDENT && (T.text[k + 1] === ',' || T.text[k + 1] === ')')) declared.add(T.text[k]!);
  // Parentheses of calls: an event code passed to one (`ringbuf__reserve_space(&rb, SIZE, PPME_X)`) starts an event.
  const callParens: boolean[] = [];
  let inCall = 0;
  for (let k = body + 1; k < end; k++) {
    if (T.kind[k] === DIRECTIVE) {
      // `#if MAX_X > 4`, `#ifdef FEATURE`: the names a conditional tests.
      for (const id of T.text[k]!.slice(1)
        .match(/[A-Za-z_]\w*/g)
        ?.slice(1) ?? [])
        if (id !== 'defined') macroNames.add(id);
      continue;
    }
    if (T.kind[k] === PUNCT) {
      if (T.text[k] === '(') {
        const call = T.kind[k - 1] === IDENT && !NOT_CALLS.has(T.text[k - 1]!);
        callParens.push(call);
        if (call) inCall++;
      } else if (T.text[k] === ')' && callParens.pop()) inCall--;
      continue;
    }
    if (T.kind[k] !== IDENT) continue;
    const s = T.text[k]!;
    const prev = T.text[k - 1];
    if (EVENT_CODE.test(s)) {
      if (inCall > 0) {
        marks.add('event');
        events.add(s);
      } else if (prev === '=' && T.kind[k - 1] === PUNCT) events.add(s); // `ringbuf.event_type = PPME_CPU_HOTPLUG_E;`
    }
    const next = T.text[k + 1];
    const field = T.kind[k - 1] === PUNCT && (prev === '->' || prev === '.');
    if (field) {
      if (isCounterField(s) && isUpdated(T, k)) counters.add(s);
      continue;
    }
    if (s === HEADER_STRUCT) marks.add('header');
    if (next === '(' && T.kind[k + 1] === PUNCT) {
      if (NOT_CALLS.has(s) || DEBUG_OUTPUT.has(s)) continue;
      calls.add(s);
      const mark = markOfCall(s);
      if (mark) marks.add(mark);
      continue;
    }
    if (isMacroCase(s) && !EVENT_CODE.test(s) && !DEBUG_OUTPUT.has(s)) macroNames.add(s);
    if (C_WORDS.has(s) || isMacroCase(s) || prev === 'struct' || prev === 'union' || prev === 'enum' || prev === 'goto')
      continue;
    // A name declared here: `type name`, `type *name` followed by `=`, `;`, `,`, `[` or `)`.
    const before = isTypeWord(T, k - 1) || (prev === '*' && (isTypeWord(T, k - 2) || T.text[k - 2] === '*'));
    if (before && (next === '=' || next === ';' || next === ',' || next === '[' || next === ')')) {
      declared.add(s);
      continue;
    }
    // A type name before a declarator.
    if (T.kind[k + 1] === IDENT || (next === '*' && T.kind[k + 2] === IDENT)) continue;
    names.add(s);
  }
  const globals = [...names].filter((n) => !declared.has(n) && !calls.has(n)).sort();
  return {
    calls: [...calls].sort(),
    globals,
    marks: [...marks].sort(),
    counters: [...counters].sort(),
    events: [...events].sort(),
    macroNames: [...macroNames].sort(),
  };
}

const callMarks = new Map<string, BoundaryMark | null>();

/** What calling `name` does at the boundary (memoised: the same names are called everywhere). */
function markOfCall(name: string): BoundaryMark | null {
  let mark = callMarks.get(name);
  if (mark === undefined) {
    mark = HEADER_WRITER.test(name)
      ? 'header'
      : PARAM_WRITER.test(name)
        ? 'param'
        : TRANSPORT.has(name)
          ? 'transport'
          : MAP_ACCESS.has(name)
            ? 'map'
            : name === TAIL_CALL
              ? 'tail-call'
              : null;
    if (callMarks.size < 100_000) callMarks.set(name, mark);
  }
  return mark;
}

/** All capitals: a macro or an enumerator, not a variable. */
function isMacroCase(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
  }
  return true;
}

/** An identifier that can end a type in a declaration (not `return` in `return x;`). */
function isTypeWord(T: Tokens, t: number): boolean {
  return T.kind[t] === IDENT && !EXPRESSION_FOLLOWS.has(T.text[t]!);
}

function isUpdated(T: Tokens, k: number): boolean {
  const next = T.text[k + 1];
  if (T.kind[k + 1] === PUNCT && ['++', '--', '+=', '-=', '='].includes(next!)) return true;
  // `++x->n_evts`: walk back over the member chain.
  let p = k - 1;
  while (p > 0 && (T.kind[p] === IDENT || T.text[p] === '->' || T.text[p] === '.')) p--;
  return T.kind[p] === PUNCT && (T.text[p] === '++' || T.text[p] === '--');
}

/** Whether the body in `list` (a definition's token indices, counters left out) assigns or calls nothing. */
export function doesNothing(T: Tokens, list: number[]): boolean {
  let p = 0;
  for (let depth = 0; p < list.length; p++) {
    const s = T.text[list[p]!];
    if (T.kind[list[p]!] !== PUNCT) continue;
    if (s === '(') depth++;
    else if (s === ')') depth--;
    else if (s === '{' && depth === 0) break;
  }
  for (p++; p < list.length; p++) {
    const t = list[p]!;
    if (T.kind[t] === PUNCT && ASSIGNMENTS.has(T.text[t]!)) return false;
    if (T.kind[t] === IDENT && T.text[list[p + 1]!] === '(' && !NOT_CALLS.has(T.text[t]!)) return false;
  }
  return true;
}
