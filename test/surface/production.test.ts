import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTree } from '../../src/source/scratch.js';
import { renderProductionTable } from '../../src/report/production.js';
import { lineOf } from '../helpers/lines.js';
import { demoTree, FIXTURES, surfaceOf } from '../helpers/surface.js';

/** The demo tree with fixtures/code: the kmod's fillers_table.c and modern-probe programs. */
const codeTree = () => ({ ...demoTree(), ...readTree(path.join(FIXTURES, 'code')) });
const LEGACY_FILLERS = 'driver/bpf/fillers.h';
const CLOSE_BPF = 'driver/modern_bpf/programs/tail_called/events/close.bpf.c';
const legacyFillers =
  'FILLER(sys_open_x, true) {\n\treturn bpf_val_to_ring(data, 0);\n}\n\nFILLER(sys_autofill, true) {\n\treturn bpf_val_to_ring(data, 1);\n}\n';

describe('the event production matrix (surface/production.ts)', () => {
  it('reads the kmod from fillers_table.c and the modern probe from the events its programs start', async () => {
    const s = await surfaceOf(codeTree());
    expect(s.warnings).toEqual([]);
    expect(s.production.drivers).toEqual(['kmod', 'modern']);
    const ev = s.production.events;
    expect(Object.keys(ev).sort()).toEqual([
      'PPME_GENERIC_X',
      'PPME_SOCKET_SETSOCKOPT_X',
      'PPME_SYSCALL_CLOSE_X',
      'PPME_SYSCALL_OPEN_X',
      'PPME_SYSCALL_READ_X',
    ]);
    expect(ev.PPME_SYSCALL_CLOSE_X).toEqual({
      kmod: {
        filler: 'sys_close_x',
        args: '',
        loc: {
          path: 'driver/fillers_table.c',
          line: lineOf(codeTree()['driver/fillers_table.c']!, '[PPME_SYSCALL_CLOSE_X]'),
        },
      },
      modern: {
        programs: ['close_x'],
        loc: { path: CLOSE_BPF, line: lineOf(codeTree()[CLOSE_BPF]!, 'BPF_PROG(close_x,') },
      },
    });
    expect(ev.PPME_SYSCALL_READ_X!.kmod).toMatchObject({
      filler: 'sys_autofill',
      args: '2, APT_REG, {{AF_ID_RETVAL}, {0}}',
    });
    // A feature-gated entry is produced in the builds that have the feature (a kernel configuration option).
    expect(ev.PPME_SOCKET_SETSOCKOPT_X!.kmod!.guard).toEqual(['defined(CAPTURE_SETSOCKOPT)']);
  });

  it('reads the legacy probe from the same table, for the fillers it defines, while driver/bpf/ exists', async () => {
    const s = await surfaceOf({ ...codeTree(), [LEGACY_FILLERS]: legacyFillers });
    expect(s.production.drivers).toEqual(['kmod', 'legacy', 'modern']);
    const legacy = Object.entries(s.production.events)
      .filter(([, p]) => p.legacy)
      .map(([symbol, p]) => `${symbol}:${p.legacy!.filler}`);
    expect(legacy.sort()).toEqual(['PPME_SYSCALL_OPEN_X:sys_open_x', 'PPME_SYSCALL_READ_X:sys_autofill']);
  });

  it('has no column for a driver whose sources are absent', async () => {
    const s = await surfaceOf(demoTree());
    expect(s.production).toEqual({ drivers: [], events: {} });
  });

  it('prints as a table, one row per event code and a column per driver', async () => {
    const table = renderProductionTable(await surfaceOf(codeTree()));
    expect(table.split('\n')[0]).toBe('event production at memory: kmod 5, modern eBPF 1');
    expect(table).toMatch(/^event +code +kmod +modern eBPF$/m);
    expect(table).toMatch(/^PPME_SYSCALL_CLOSE_X +5 +sys_close_x +close_x$/m);
    expect(table).toMatch(/^PPME_SYSCALL_OPEN_E \(old\) +2 +- +-$/m);
  });
});
