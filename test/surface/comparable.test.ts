import { describe, expect, it } from 'vitest';
import { comparable } from '../../src/surface/comparable.js';
import { emptySurface, loc, type Surface } from '../../src/surface/model.js';

const at = loc('driver/ppm_events_public.h', 7);

/** A surface with one value of each kind the rules compare by number, all equal to `v` and written `expr`. */
function surfaceWith(rev: string, v: number | null, expr: string): Surface {
  const s = emptySurface(rev);
  s.enums = { ppm_param_flags: { PF_X: { value: v, expr, loc: at } } };
  s.ioctls = { PPM_IOCTL_X: { number: v, nr: v, expr, loc: at } };
  s.flagTables = { file_flags: { loc: at, entries: [{ name: 'O_X', expr, value: v, loc: at }] } };
  s.bpfMaps = {
    m: {
      probe: 'modern',
      type: 'BPF_MAP_TYPE_ARRAY',
      keyType: 'uint32_t',
      valueType: expr,
      keySize: 4,
      valueSize: v,
      maxEntries: v,
      maxEntriesExpr: expr,
      index: null,
      loc: at,
    },
  };
  return s;
}

const messages = (base: Surface, head: Surface): string[] => comparable(base, head).warnings.map((w) => w.message);

describe('comparable: values the model cannot compute', () => {
  it('says nothing when every value is known', () => {
    expect(messages(surfaceWith('base', 1, 'A'), surfaceWith('head', 2, 'B'))).toEqual([]);
  });

  it('warns for each value known at the base and unknown at the head', () => {
    const w = messages(surfaceWith('base', 1, 'A'), surfaceWith('head', null, 'A'));
    expect(w).toEqual([
      'PF_X at head: its value cannot be computed (A), at driver/ppm_events_public.h:7; a change to it cannot be judged',
      'PPM_IOCTL_X at head: its value cannot be computed (A), at driver/ppm_events_public.h:7; a change to it cannot be judged',
      'file_flags: O_X at head: its value cannot be computed (A), at driver/ppm_events_public.h:7; a change to it cannot be judged',
      'the value size of bpf map m at head: its value cannot be computed (sizeof(A)), at driver/ppm_events_public.h:7; a change to it cannot be judged',
      'max_entries of bpf map m at head: its value cannot be computed (A), at driver/ppm_events_public.h:7; a change to it cannot be judged',
    ]);
    expect(
      comparable(surfaceWith('base', 1, 'A'), surfaceWith('head', null, 'A')).warnings.every((x) => x.incomplete),
    ).toBe(true);
  });

  it('stays silent for a value unknown on both sides and written the same', () => {
    expect(messages(surfaceWith('base', null, 'A'), surfaceWith('head', null, 'A'))).toEqual([]);
  });

  it('warns for a value unknown on both sides whose expression changed', () => {
    const w = messages(surfaceWith('base', null, 'A'), surfaceWith('head', null, 'B'));
    expect(w).toHaveLength(5);
    expect(w[0]).toBe(
      'PF_X: its value cannot be computed at base (A) nor at head (B), at driver/ppm_events_public.h:7; a change to it cannot be judged',
    );
  });

  it('follows a constant that moved between records (a define that became an enumerator)', () => {
    const base = emptySurface('base');
    base.defines = { PPM_X: { value: 4, expr: '(1 << 2)', loc: at } };
    const head = emptySurface('head');
    head.enums = { e: { PPM_X: { value: null, expr: 'EXT', loc: at } } };
    expect(messages(base, head)).toEqual([
      'PPM_X at head: its value cannot be computed (EXT), at driver/ppm_events_public.h:7; a change to it cannot be judged',
    ]);
  });

  it("judges an event's nparams by its expression when it cannot be computed", () => {
    const withNparams = (rev: string, nparams: number | null, expr?: string): Surface => ({
      ...emptySurface(rev),
      events: {
        PPME_X: {
          symbol: 'PPME_X',
          name: 'x',
          category: [],
          flags: [],
          nparams,
          ...(expr !== undefined ? { nparamsExpr: expr } : {}),
          params: [],
          loc: at,
        },
      },
    });
    expect(messages(withNparams('base', 3), withNparams('head', null, 'N'))).toEqual([
      'the nparams of PPME_X at head: its value cannot be computed (N), at driver/ppm_events_public.h:7; a change to it cannot be judged',
    ]);
    expect(messages(withNparams('base', null, 'N'), withNparams('head', null, 'N'))).toEqual([]);
    expect(messages(withNparams('base', null, 'N'), withNparams('head', null, 'N + 1'))).toHaveLength(1);
  });

  it('cuts a long expression short', () => {
    const long = `A${' + A'.repeat(40)}`;
    const [w] = messages(emptySurface('base'), {
      ...emptySurface('head'),
      defines: { PPM_X: { value: null, expr: long, loc: at } },
    });
    expect(w).toBe(
      `PPM_X at head: its value cannot be computed (${long.slice(0, 80)}…), at driver/ppm_events_public.h:7; a change to it cannot be judged`,
    );
  });
});
