import { unquote } from './syntax.js';
import { closing, splitTokens, textOf, type Token } from './text-scan.js';

/** A map definition as written; sizes and max_entries are evaluated per revision. */
export interface BpfMapFact {
  name: string;
  probe: 'modern' | 'legacy';
  type: string;
  keyType: string | null;
  valueType: string | null;
  /** Legacy maps give sizes as expressions (`sizeof(uint32_t)`). */
  keySizeExpr: string | null;
  valueSizeExpr: string | null;
  maxEntriesExpr: string | null;
  line: number;
}

export interface BpfGlobalFact {
  name: string;
  /** `const` qualifies the object itself: it lives in .rodata. */
  rodata: boolean;
  type: string;
  arraySize: string | null;
  /** The initializer, null when there is none. */
  init: string | null;
  line: number;
  /** Offset of its name in the statement's text (its line, when the text is as written). */
  at: number;
}

/**
 * What one statement of a probe's maps file declares, once its macros are expanded: maps
 * (libbpf BTF-style `struct { __uint(type, X); ... } name SEC(".maps")` for the modern probe,
 * `struct bpf_map_def name SEC("maps") = { .type = X, ... }` for the legacy one) and the modern
 * probe's globals (file-scope objects with the weak attribute: the skeleton's data sections).
 * The attributes are read wherever C lets them stand (`name __weak SEC(".maps")`,
 * `SEC(".maps") __weak`, `bool __weak x`, `__attribute__((weak, section(".maps")))`).
 * `unreadable` says why a statement that puts something in a maps section could not be read.
 */
export function readBpfStatement(
  text: string,
  toks: Token[],
  probe: 'modern' | 'legacy',
): { maps: BpfMapFact[]; globals: BpfGlobalFact[]; unreadable?: string } {
  const attrs = attributes(toks);
  const out: { maps: BpfMapFact[]; globals: BpfGlobalFact[]; unreadable?: string } = { maps: [], globals: [] };
  if (attrs.section === (probe === 'modern' ? '.maps' : 'maps')) {
    const map = probe === 'modern' ? modernMap(text, attrs.rest) : legacyMap(text, attrs.rest);
    if (map) out.maps.push(map);
    else
      out.unreadable = `a declaration in section "${attrs.section}" that is not a map definition driver-semver can read`;
  } else if (probe === 'modern' && attrs.weak && attrs.section === null) {
    out.globals = weakGlobals(text, attrs.rest);
  }
  return out;
}

const ATTRIBUTE_CALLS = new Set(['SEC', '__bpf_section', '__attribute__', '__attribute']);

/** The attributes of a declaration, wherever they stand, and the tokens without them. */
function attributes(toks: Token[]): { weak: boolean; section: string | null; rest: Token[] } {
  let weak = false;
  let section: string | null = null;
  const rest: Token[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!.text;
    if (t === '__weak') {
      weak = true;
      continue;
    }
    const close = ATTRIBUTE_CALLS.has(t) && toks[i + 1]?.text === '(' ? closing(toks, i + 1) : -1;
    if ((t === 'SEC' || t === '__bpf_section') && close > 0) {
      section = strings(toks, i + 2, close);
      i = close;
      continue;
    }
    if ((t === '__attribute__' || t === '__attribute') && close > 0) {
      // __attribute__((a, b(args), ...)): the inner parentheses hold the list.
      const inner = toks[i + 2]?.text === '(' ? closing(toks, i + 2) : -1;
      if (inner > 0) {
        for (const [a, b] of splitTokens(toks, ',', i + 3, inner)) {
          const name = toks[a]?.text.replace(/^__(\w+)__$/, '$1');
          if (name === 'weak' && b === a + 1) weak = true;
          if (name === 'section' && toks[a + 1]?.text === '(') section = strings(toks, a + 2, closing(toks, a + 1));
        }
      }
      i = close;
      continue;
    }
    rest.push(toks[i]!);
  }
  return { weak, section, rest };
}

/** Adjacent string literals [from, to) as one string (the compiler concatenates them), or null. */
function strings(toks: Token[], from: number, to: number): string | null {
  let s = '';
  for (let i = from; i < to; i++) {
    const u = unquote(toks[i]!.text);
    if (u === null) return null;
    s += u;
  }
  return from < to ? s : null;
}

/** `struct [tag] { members } name`: the members' range and the declarator's name. */
function structBody(toks: Token[]): { open: number; close: number; name: string } | null {
  const s = toks.findIndex((t) => t.text === 'struct');
  if (s < 0) return null;
  const open = toks[s + 1]?.text === '{' ? s + 1 : toks[s + 1]?.ident && toks[s + 2]?.text === '{' ? s + 2 : -1;
  const close = open > 0 ? closing(toks, open) : -1;
  const name = close > 0 ? toks[close + 1] : undefined;
  if (!name?.ident || close + 2 !== toks.length) return null;
  return { open, close, name: name.text };
}

function modernMap(text: string, toks: Token[]): BpfMapFact | null {
  const body = structBody(toks);
  if (!body) return null;
  // `__uint(k, v)`, `__type(k, T)`, `__array(k, T)`: libbpf's member macros; the first of each key counts.
  const members = new Map<string, string>();
  for (const [a, b] of splitTokens(toks, ';', body.open + 1, body.close)) {
    if (a === b) continue;
    const macro = toks[a]!.text;
    const close = toks[a + 1]?.text === '(' ? closing(toks, a + 1) : -1;
    if (!['__uint', '__type', '__array'].includes(macro) || close < 0 || close + 1 !== b) return null;
    const [key, value] = splitTokens(toks, ',', a + 2, close);
    if (!key || !value) return null;
    const k = `${macro}:${textOf(text, toks, key[0], key[1])}`;
    if (!members.has(k)) members.set(k, textOf(text, toks, value[0], value[1]));
  }
  return {
    name: body.name,
    probe: 'modern',
    type: members.get('__uint:type') ?? '?',
    keyType: members.get('__type:key') ?? null,
    valueType: members.get('__type:value') ?? null,
    keySizeExpr: null,
    valueSizeExpr: null,
    maxEntriesExpr: members.get('__uint:max_entries') ?? null,
    line: 0,
  };
}

/** `struct bpf_map_def name = { .type = ..., .key_size = ..., ... }`. */
function legacyMap(text: string, toks: Token[]): BpfMapFact | null {
  const s = toks.findIndex((t) => t.text === 'struct');
  const name = toks[s + 2];
  if (
    s < 0 ||
    toks[s + 1]?.text !== 'bpf_map_def' ||
    !name?.ident ||
    toks[s + 3]?.text !== '=' ||
    toks[s + 4]?.text !== '{'
  )
    return null;
  const close = closing(toks, s + 4);
  if (close < 0 || close + 1 !== toks.length) return null;
  const fields = new Map<string, string>();
  for (const [a, b] of splitTokens(toks, ',', s + 5, close)) {
    if (toks[a]?.text === '.' && toks[a + 1]?.ident && toks[a + 2]?.text === '=')
      fields.set(toks[a + 1]!.text, textOf(text, toks, a + 3, b));
  }
  const sizeOfType = (e: string | undefined) => (e ? (/^sizeof\s*\((.*)\)$/.exec(e)?.[1]?.trim() ?? null) : null);
  return {
    name: name.text,
    probe: 'legacy',
    type: fields.get('type') ?? '?',
    keyType: sizeOfType(fields.get('key_size')),
    valueType: sizeOfType(fields.get('value_size')),
    keySizeExpr: fields.get('key_size') ?? null,
    valueSizeExpr: fields.get('value_size') ?? null,
    maxEntriesExpr: fields.get('max_entries') ?? null,
    line: 0,
  };
}

const QUALIFIERS = new Set(['const', 'volatile', 'restrict', '__restrict', '__volatile__', '__const']);
/** A weak object is a global; these make the statement something else (a type, a declaration of another unit's object). */
const NOT_A_DEFINITION = new Set(['typedef', 'extern', 'static']);

/** The objects a weak file-scope declaration defines: `__weak const volatile uint8_t t[N];`, `bool __weak a, b = 1;`. */
function weakGlobals(text: string, toks: Token[]): BpfGlobalFact[] {
  if (toks.some((t) => NOT_A_DEFINITION.has(t.text))) return [];
  const parts = splitTokens(toks, ',');
  const out: BpfGlobalFact[] = [];
  let specifiers: Token[] | null = null;
  for (const [from, to] of parts) {
    const eq = indexIn(toks, '=', from, to);
    const declEnd = eq < 0 ? to : eq;
    const bracket = indexIn(toks, '[', from, declEnd);
    const nameAt = (bracket < 0 ? declEnd : bracket) - 1;
    // A function (or a pointer to one) is no object of a data section.
    if (nameAt < from || !toks[nameAt]!.ident || indexIn(toks, '(', from, declEnd) >= 0) return out;
    // The declarator: its name and the `*` (and their qualifiers) before it; qualifiers before
    // the first `*` belong to the specifiers.
    let start = nameAt;
    for (let k = nameAt - 1; k >= from && (toks[k]!.text === '*' || QUALIFIERS.has(toks[k]!.text)); k--)
      if (toks[k]!.text === '*') start = k;
    if (specifiers === null) {
      specifiers = toks.slice(from, start);
      if (!specifiers.length || specifiers.some((t) => t.text === '{')) return out;
    }
    const pointer = toks.slice(start, nameAt);
    const stars = pointer.filter((t) => t.text === '*').length;
    const constObject = stars
      ? pointer[pointer.length - 1]!.text === 'const'
      : specifiers.some((t) => t.text === 'const');
    const base = specifiers
      .filter((t) => !QUALIFIERS.has(t.text))
      .map((t) => t.text)
      .join(' ');
    const close = bracket >= 0 ? closing(toks, bracket) : -1;
    out.push({
      name: toks[nameAt]!.text,
      rodata: constObject,
      type: stars ? `${base} ${'*'.repeat(stars)}` : base,
      arraySize: close > 0 ? textOf(text, toks, bracket + 1, close) : null,
      init: eq >= 0 ? textOf(text, toks, eq + 1, to) : null,
      line: 0,
      at: toks[nameAt]!.start,
    });
  }
  return out;
}

/** The index of a top-level token `t` in [from, to), or -1. */
function indexIn(toks: Token[], t: string, from: number, to: number): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const x = toks[i]!.text;
    if (depth === 0 && x === t) return i;
    if (x === '(' || x === '[' || x === '{') depth++;
    else if (x === ')' || x === ']' || x === '}') depth--;
  }
  return -1;
}
