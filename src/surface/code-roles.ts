/**
 * The role of every compared function (CodeRole), derived per revision from where it sits in
 * the call graph, never from a list of function names:
 *
 * 1. By what it does (extract/code/boundary.ts): a function that writes a param or starts an
 *    event is a `filler`; so is a program nothing calls that calls one (an event program that
 *    leaves the writing to a helper). Of the rest, one that tail-calls, or touches a bpf map or
 *    a probe global (the surface's maps and globals, by name), is `dispatch`; one that writes
 *    the header or reserves or submits ring-buffer space is `transport`; one that does nothing
 *    but update counters userspace reads (the `n_*` fields of the shared structs) is
 *    `statistics`.
 * 2. A function that only calls plumbing functions (a settings getter over the settings map) is
 *    plumbing of that kind (dispatch when it calls both); one that only calls statistics
 *    functions is statistics.
 * 3. The rest take the role of their callers: what a filler calls is filler code (it computes a
 *    param), even when plumbing calls it too; then dispatch, transport, statistics, in that
 *    order. Filler code does not spread into a plumbing file (the kernel module's main.c): the
 *    timestamp, consumer and ring-buffer helpers there serve every event's transport, and main.c
 *    is filler code only where it writes params or the event header itself (step 1).
 * 4. An entry point that calls what step 3 made filler code is a filler too, with its callees;
 *    not in a plumbing file, whose entry points (device-file operations, tracepoint hooks) call
 *    the fillers' helpers to carry events, not to compute their params.
 * 5. What none of this decides (a program nothing calls, that writes no param) stays `filler` in
 *    filler and program files, so a filler change is never missed; in the kernel module's
 *    main.c it is `transport` (the device file, ring buffers, ioctls and tracepoint
 *    registration that carry events to userspace; extract/code-bodies.ts: undecidedRole).
 *
 * Calls are direct calls only: a tail call or a function pointer (`g_ppm_events[...]`) is not an
 * edge. A call resolves to a definition in the same file, else in the same driver, else in the
 * files the drivers share.
 */
import { counterFields, type CodeFile, type CodeFunction, type CodeRole, type Surface } from './model.js';
import { record } from '../record.js';
import { defineIndex, withDefines } from './code-defines.js';
import { isPlumbingFile, undecidedRole } from './extract/code-bodies.js';

interface Node {
  path: string;
  probe: CodeFile['probe'];
  name: string;
  fn: CodeFunction;
  callees: Node[];
  callers: Node[];
}

export interface RoleContext {
  /** Names of the probes' bpf maps and globals at this revision. */
  mapNames: Set<string>;
  /** Counter fields userspace reads at this revision (counterFields). */
  counters: Set<string>;
}

/** The names of a space-separated list (CodeFunction.calls, .globals, .events). */
export function listed(names: string | undefined): string[] {
  return names ? names.split(' ') : [];
}

/** What roles are decided against at one revision: its maps and globals, its counters. */
export function roleContext(s: Pick<Surface, 'bpfMaps' | 'bpfGlobals' | 'structs'>): RoleContext {
  return {
    mapNames: new Set([...Object.keys(s.bpfMaps), ...Object.keys(s.bpfGlobals)]),
    counters: counterFields(s.structs),
  };
}

/** Whether every counter a function updates is one userspace reads. */
export function updatesOnlyCounters(counters: string[] | undefined, known: Set<string>): boolean {
  return Boolean(counters?.length) && counters!.every((c) => known.has(c));
}

/** It writes a param or starts an event by itself. */
function producesEvents(fn: CodeFunction): boolean {
  return Boolean(fn.marks?.includes('param') || fn.marks?.includes('event'));
}

function intrinsicRole(path: string, fn: CodeFunction, ctx: RoleContext): CodeRole | null {
  const marks = fn.marks ?? [];
  // In a plumbing file, starting an event without writing its params is carrying it (main.c's
  // tracepoint hooks hand the event to record_event_all_consumers): transport. libs has not
  // versioned changes there (the socketcall conversion, tracepoint detach, ioctl plumbing).
  if (isPlumbingFile(path) && marks.includes('event') && !marks.includes('param')) return 'transport';
  if (producesEvents(fn)) return 'filler';
  if (marks.includes('tail-call')) return 'dispatch';
  if (marks.includes('header') || marks.includes('transport')) return 'transport';
  if (marks.includes('map') || listed(fn.globals).some((g) => ctx.mapNames.has(g))) return 'dispatch';
  if (fn.countsOnly && updatesOnlyCounters(fn.counters, ctx.counters)) return 'statistics';
  return null;
}

/** Identity of each file's `functions` object: cached facts are shared by every revision with the same blob. */
const factIds = new WeakMap<object, number>();
let nextFactId = 0;
/** Roles of recent code states (consecutive revisions of a history mostly share them). */
const recent = new Map<string, Record<string, CodeFile>>();
const RECENT_STATES = 8;

/** The code files with each function's role set and the macros it expands folded into its hashes (code-defines.ts); new objects: cached facts are not touched. */
export function resolveCodeRoles(code: Record<string, CodeFile>, ctx: RoleContext): Record<string, CodeFile> {
  const key = stateKey(code, ctx);
  let out = recent.get(key);
  if (!out) {
    out = computeRoles(code, ctx);
    if (recent.size >= RECENT_STATES) recent.delete(recent.keys().next().value!);
    recent.set(key, out);
  }
  // The same roles, at this revision's paths and probes.
  return record(Object.keys(code).map((path) => [path, { ...code[path]!, functions: out[path]!.functions }]));
}

function stateKey(code: Record<string, CodeFile>, ctx: RoleContext): string {
  const files = Object.keys(code)
    .sort()
    .map((path) => {
      const fns = code[path]!.functions;
      let id = factIds.get(fns);
      if (id === undefined) factIds.set(fns, (id = nextFactId++));
      return `${path}\u0000${code[path]!.probe}\u0000${id}`;
    });
  return [...files, [...ctx.mapNames].sort().join(','), [...ctx.counters].sort().join(',')].join('\u0001');
}

function computeRoles(code: Record<string, CodeFile>, ctx: RoleContext): Record<string, CodeFile> {
  const nodes: Node[] = [];
  const byName = new Map<string, Node[]>();
  const byKey = new Map<string, Node>();
  for (const path of Object.keys(code).sort()) {
    const file = code[path]!;
    for (const [name, fn] of Object.entries(file.functions)) {
      const node: Node = { path, probe: file.probe, name, fn, callees: [], callers: [] };
      nodes.push(node);
      byKey.set(`${path}\u0000${name}`, node);
      const list = byName.get(name);
      if (list) list.push(node);
      else byName.set(name, [node]);
    }
  }
  for (const node of nodes) {
    for (const call of listed(node.fn.calls)) {
      const target = resolveCall(node, byName.get(call));
      if (!target || target === node) continue;
      node.callees.push(target);
      target.callers.push(node);
    }
  }
  const role = new Map<Node, CodeRole>();
  for (const node of nodes) {
    const r = intrinsicRole(node.path, node.fn, ctx);
    if (r) role.set(node, r);
  }
  // An entry point (a program nothing calls) that calls filler code produces events: a filler.
  // Not in a plumbing file: main.c's entry points are the device file's operations and the
  // tracepoint hooks, which call the fillers' helpers (a string copy, a flag conversion) to
  // carry events, not to compute their params.
  const fillerEntry = (node: Node) =>
    !role.has(node) &&
    !node.callers.length &&
    !isPlumbingFile(node.path) &&
    node.callees.some((c) => role.get(c) === 'filler');
  for (const node of nodes) if (fillerEntry(node)) role.set(node, 'filler');
  // 2. Wrappers: every call resolves to plumbing (dispatch when it mixes kinds) or statistics.
  for (let changed = true; changed; ) {
    changed = false;
    for (const node of nodes) {
      if (role.has(node) || !node.fn.calls || node.callees.length !== listed(node.fn.calls).length) continue;
      const roles = new Set(node.callees.map((c) => role.get(c)));
      const r =
        roles.size === 1
          ? [...roles][0]
          : [...roles].every((x) => x === 'dispatch' || x === 'transport')
            ? 'dispatch'
            : undefined;
      if (r && r !== 'filler') {
        role.set(node, r);
        changed = true;
      }
    }
  }
  // 3. Callees take their callers' role: filler first, so shared helpers stay filler code.
  const spread = (queue: Node[], r: CodeRole) => {
    while (queue.length) {
      const n = queue.pop()!;
      for (const c of n.callees) {
        if (role.has(c) || (r === 'filler' && isPlumbingFile(c.path))) continue;
        role.set(c, r);
        queue.push(c);
      }
    }
  };
  for (const r of ['filler', 'dispatch', 'transport', 'statistics'] as const)
    spread(
      nodes.filter((n) => role.get(n) === r),
      r,
    );
  // An entry point that calls code step 3 made filler code (a tracepoint probe over the event
  // path, main.c's syscall_enter_probe) produces events too, and so does what it calls.
  for (const node of nodes) {
    if (!fillerEntry(node)) continue;
    role.set(node, 'filler');
    spread([node], 'filler');
  }
  // The macros each function expands are part of its code (code-defines.ts).
  const defines = defineIndex(code);
  const out = record<CodeFile>();
  for (const path of Object.keys(code)) {
    const file = code[path]!;
    const functions = record<CodeFunction>();
    for (const [name, fn] of Object.entries(file.functions)) {
      const node = byKey.get(`${path}\u0000${name}`);
      const folded = withDefines(defines, path, file.probe, fn);
      functions[name] = { ...folded, role: (node && role.get(node)) ?? undecidedRole(path) };
    }
    out[path] = { ...file, functions };
  }
  return out;
}

/** The definition a call from `from` reaches: same file, else same driver, else shared code. */
function resolveCall(from: Node, candidates: Node[] | undefined): Node | undefined {
  if (!candidates) return undefined;
  return (
    candidates.find((c) => c.path === from.path) ??
    candidates.find((c) => c.probe === from.probe) ??
    candidates.find((c) => c.probe === 'shared') ??
    (from.probe === 'shared' ? candidates[0] : undefined)
  );
}
