/**
 * Initializers laid out as C lays them out (C11 6.7.9): a designator (`.field`, `[index]`, or a
 * chain of them, `.params[3].type`) places its value; a value without one goes to the member or
 * element after the last one placed; a later value for the same place overrides the earlier one
 * (gcc warns, and compiles it); what no value places is zero. The readers of the surface take
 * entries positionally (`{name, category, flags, nparams, params}`): `layOut` gives them that
 * positional form, one slot per member in declaration order, whatever order the source used.
 */
import type { Init, InitItem } from './extract/syntax.js';
import type { TypeRef } from './layout.js';

/** What laying out needs to know about the types of the revision. */
export interface Shapes {
  /** The members of a struct type, in declaration order, or null when the struct is not known. */
  members(type: TypeRef): Array<{ name: string; type: TypeRef }> | null;
  /** The value of an index designator's expression, or null. */
  index(expr: string): number | null;
}

const scalar: TypeRef = { kind: 'name', name: 'int' };
const struct = (name: string): TypeRef => ({ kind: 'struct', name, tagged: true });
const array = (of: TypeRef): TypeRef => ({ kind: 'array', of, size: null });

/**
 * The members of the table element structs as libs declares them in ppm_events_public.h, for a
 * revision whose declaration cannot be read (that file is then reported as unread): the
 * declaration in the tree, when read, is what counts (a reordered struct is a layout change,
 * judged by the struct rules).
 */
export const DECLARED_ELEMENTS: Record<string, Array<{ name: string; type: TypeRef }>> = {
  ppm_event_info: [
    { name: 'name', type: scalar },
    { name: 'category', type: scalar },
    { name: 'flags', type: scalar },
    { name: 'nparams', type: scalar },
    { name: 'params', type: array(struct('ppm_param_info')) },
  ],
  ppm_param_info: ['name', 'type', 'fmt', 'info', 'ninfo'].map((name) => ({ name, type: scalar })),
  ppm_name_value: ['name', 'value'].map((name) => ({ name, type: scalar })),
  syscall_evt_pair: ['flags', 'enter_event_type', 'exit_event_type', 'ppm_sc'].map((name) => ({ name, type: scalar })),
  ppm_event_entry: [
    ...['filler_callback', 'filler_id', 'n_autofill_args', 'paramtype'].map((name) => ({ name, type: scalar })),
    { name: 'autofill_args', type: array(struct('ppm_autofill_arg')) },
  ],
};

/** One step of a designator chain. */
type Step = { field: string } | { index: string };

/** `.params[3].type` → [.params, [3], .type]; the extractor writes a lone index designator as its expression alone. */
export function designatorSteps(designator: string): Step[] {
  const steps: Step[] = [];
  const re = /\s*(?:\.\s*([A-Za-z_]\w*)|\[([^\]]*)\])/y;
  let text = designator.trim();
  if (!text.startsWith('.') && !text.startsWith('[')) {
    // The first step is an index written without its brackets (see syntax.ts designatorText).
    const end = /[.[]/.exec(text.slice(1));
    const at = end ? end.index + 1 : text.length;
    steps.push({ index: text.slice(0, at).trim() });
    text = text.slice(at);
  }
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text))
    steps.push(m[1] !== undefined ? { field: m[1] } : { index: m[2]!.trim() });
  return steps;
}

/** A value in positional form, or why it cannot be laid out. */
export type LaidOut = { init: Init } | { problem: string };

const ZERO = (line: number): Init => ({ kind: 'expr', text: '0', line, implicit: true });

/** A list's value laid out for `type` (a struct or an array of them); anything else as written. */
export function layOut(init: Init, type: TypeRef, shapes: Shapes): LaidOut {
  if (init.kind !== 'list') return { init };
  const members = type.kind === 'array' ? null : shapes.members(type);
  if (type.kind !== 'array' && !members) {
    // A scalar in braces (`{0}`), or a struct we do not know: as written, unless it designates.
    return init.items.some((i) => i.designator !== null)
      ? { problem: 'a designated initializer of a type driver-semver does not know' }
      : { init };
  }
  const slots: Array<{ value: Init; line: number; endLine: number } | undefined> = [];
  let cursor = 0;
  for (const item of init.items) {
    const steps = item.designator === null ? [] : designatorSteps(item.designator);
    let at: number;
    if (!steps.length) at = cursor;
    else {
      const first = steps[0]!;
      const found = placeOf(first, members, shapes);
      if (found === null)
        return {
          problem: `the designator ${item.designator} names no ${members ? 'member' : 'element'} driver-semver can place`,
        };
      at = found;
    }
    if (members && at >= members.length) return { problem: 'more initializers than the struct has members' };
    const slotType = members ? members[at]!.type : (type as Extract<TypeRef, { kind: 'array' }>).of;
    const placed = assign(slots[at]?.value, slotType, steps.slice(1), item.value, shapes);
    if ('problem' in placed) return placed;
    slots[at] = { value: placed.init, line: item.line, endLine: item.endLine };
    cursor = at + 1;
  }
  const items: InitItem[] = [];
  for (let i = 0; i < slots.length; i++) {
    const s = slots[i];
    items.push(
      s
        ? { designator: null, value: s.value, line: s.line, endLine: s.endLine }
        : { designator: null, value: ZERO(init.line), line: init.line, endLine: init.line },
    );
  }
  return { init: { kind: 'list', items, line: init.line, ...(init.error ? { error: true as const } : {}) } };
}

function placeOf(step: Step, members: Array<{ name: string }> | null, shapes: Shapes): number | null {
  if (members) return 'field' in step ? nonNegative(members.findIndex((m) => m.name === step.field)) : null;
  return 'index' in step ? nonNegative(shapes.index(step.index)) : null;
}

function nonNegative(n: number | null): number | null {
  return n === null || n < 0 ? null : n;
}

/** `value` placed at the end of `steps` inside `current` (of `type`): the rest of `current` kept. */
function assign(current: Init | undefined, type: TypeRef, steps: Step[], value: Init, shapes: Shapes): LaidOut {
  if (!steps.length) return layOut(value, type, shapes);
  // Re-designate into the slot's laid-out value: a list with the new step designated at its end.
  const base: Init = current && current.kind === 'list' ? current : { kind: 'list', items: [], line: value.line };
  const designator = steps.map((s) => ('field' in s ? `.${s.field}` : `[${s.index}]`)).join('');
  return layOut(
    { ...base, items: [...base.items, { designator, value, line: value.line, endLine: value.line }] },
    type,
    shapes,
  );
}
