/**
 * C's scalar types as gcc and clang define them on the targets the drivers are built for (LP64
 * Linux: x86_64, aarch64, s390x, ppc64le, riscv64, loongarch64; and `-target bpf`, also LP64):
 * int is 32 bits, long, long long and pointers 64. The one table the struct layout (sizes) and
 * the constant evaluator (casts, sizeof) read.
 */
import { record } from '../record.js';

export interface ScalarType {
  /** Normalised spelling: a fixed-width name, `long`/`unsigned long` (pointer-sized), `char`, `bool`, `float`, `double`. */
  type: string;
  /** Bytes. */
  size: number;
  /**
   * What a value converted to it becomes: a signed or unsigned integer of `size` bytes, 0 or 1
   * (`bool`), a plain `char` (signed on x86_64, unsigned on aarch64, s390x, ppc64le, riscv64: the
   * target's choice), or a floating value.
   */
  kind: 'signed' | 'unsigned' | 'bool' | 'char' | 'float';
}

/** Kernel and C99 fixed-width names, and the libc names whose LP64 Linux definition is fixed. */
const NAMED = record<ScalarType>();
for (const bits of [8, 16, 32, 64]) {
  const size = bits / 8;
  for (const n of [`int${bits}_t`, `__s${bits}`, `s${bits}`, `__int${bits}_t`])
    NAMED[n] = { type: `int${bits}_t`, size, kind: 'signed' };
  for (const n of [`uint${bits}_t`, `__u${bits}`, `u${bits}`, `__uint${bits}_t`, `u_int${bits}_t`])
    NAMED[n] = { type: `uint${bits}_t`, size, kind: 'unsigned' };
}
Object.assign(NAMED, {
  bool: { type: 'bool', size: 1, kind: 'bool' },
  _Bool: { type: 'bool', size: 1, kind: 'bool' },
  float: { type: 'float', size: 4, kind: 'float' },
  double: { type: 'double', size: 8, kind: 'float' },
  // LP64 Linux: size_t and uintptr_t are unsigned long, ssize_t/intptr_t/ptrdiff_t long.
  size_t: { type: 'unsigned long', size: 8, kind: 'unsigned' },
  uintptr_t: { type: 'unsigned long', size: 8, kind: 'unsigned' },
  ssize_t: { type: 'long', size: 8, kind: 'signed' },
  intptr_t: { type: 'long', size: 8, kind: 'signed' },
  ptrdiff_t: { type: 'long', size: 8, kind: 'signed' },
  // Fixed by the Linux UAPI on every architecture (asm-generic/posix_types.h).
  pid_t: { type: 'int32_t', size: 4, kind: 'signed' },
  uid_t: { type: 'uint32_t', size: 4, kind: 'unsigned' },
  gid_t: { type: 'uint32_t', size: 4, kind: 'unsigned' },
} satisfies Record<string, ScalarType>);

/**
 * Integer type words in any order (`long unsigned int`, `unsigned`, `signed char`...). `char` stays
 * `char` (its signedness differs between targets); `long` stays `long` (pointer-sized, so
 * distinct from the fixed-width names); every other spelling maps to its fixed-width name.
 */
function integerWords(spelling: string): ScalarType | null {
  const words = spelling.split(' ');
  const allowed = new Set(['signed', 'unsigned', 'short', 'long', 'int', 'char']);
  if (!words.every((w) => allowed.has(w))) return null;
  const count = (w: string): number => words.filter((x) => x === w).length;
  const unsigned = count('unsigned') > 0;
  const signed = count('signed') > 0;
  const longs = count('long');
  if (unsigned && signed) return null;
  if (count('char')) {
    if (longs || count('short') || count('int')) return null;
    return unsigned ? NAMED.uint8_t! : signed ? NAMED.int8_t! : { type: 'char', size: 1, kind: 'char' };
  }
  if (count('short')) return longs ? null : unsigned ? NAMED.uint16_t! : NAMED.int16_t!;
  if (longs === 1)
    return { type: unsigned ? 'unsigned long' : 'long', size: 8, kind: unsigned ? 'unsigned' : 'signed' };
  if (longs === 2) return unsigned ? NAMED.uint64_t! : NAMED.int64_t!;
  if (longs > 2) return null;
  return unsigned ? NAMED.uint32_t! : NAMED.int32_t!;
}

/** The scalar type a spelling names (words separated by single spaces), or null when it names none. */
export function scalarType(spelling: string): ScalarType | null {
  return NAMED[spelling] ?? integerWords(spelling);
}

/** Words that can only be part of a type name. */
export const TYPE_KEYWORDS = new Set([
  'signed',
  'unsigned',
  'short',
  'long',
  'int',
  'char',
  'void',
  'struct',
  'union',
  'enum',
  'const',
  'volatile',
]);

/** True when a word names a type on its own or is part of a type name. */
export function isTypeWord(word: string): boolean {
  return TYPE_KEYWORDS.has(word) || word in NAMED;
}

/** Bits of int and of long (LP64): the widths C arithmetic happens in. */
export const INT_BITS = scalarType('int')!.size * 8;
export const LONG_BITS = scalarType('long')!.size * 8;

/**
 * The type as the LP64 targets lay it out, for comparing layouts: `long` is `int64_t` and
 * `unsigned long` (`size_t`, ...) is `uint64_t` there. Reports keep the spelling (`type`).
 */
export function canonicalType(type: string): string {
  const m = /^(unsigned long|long)(\[.*)?$/.exec(type);
  return m ? `${m[1] === 'long' ? 'int64_t' : 'uint64_t'}${m[2] ?? ''}` : type;
}
