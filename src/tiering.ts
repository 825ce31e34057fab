/**
 * V8's tiering for short runs. A cold `check` runs most of its functions for a fraction of a
 * second, yet with V8's defaults its optimising compilers (on background threads) spent more CPU
 * than the main thread's own 0.7 s, for no measurable gain there, competing with it for the
 * second core:
 * - TurboFan compiled some 270 JS functions (about 0.9 s of CPU on two cores). With an
 *   interrupt budget 8 times Node 20's default only code that runs long enough is optimised:
 *   a libs pull request 1.5 -> 1.0 s CPU, 0.95 -> 0.75 s wall; the heaviest month of
 *   bench/check-speed.mjs (e9f489698..904c719a7) 2.3 -> 1.5 s CPU, 1.45 -> 1.1 s wall, the
 *   main thread the same.
 * - Tree-sitter's wasm functions were compiled again by TurboFan (dynamic tier-up), 8% of a
 *   check's instructions; Liftoff's code is enough for these parses: a pull request 0.98 ->
 *   0.84 s CPU, the main thread the same.
 * An audit is not slower with either (2000 commits: 22 s wall, 34 s CPU, with or without).
 * Measured on Node 20 (V8 11). The interrupt budget is set there only: later V8s (Node 22 and
 * 24, which the action runs on) tier up through Maglev, the newest by invocation counts with no
 * --interrupt-budget at all (V8 prints an error for an unknown flag), and none was measured.
 * --liftoff-only exists in every V8 Node 20 and later ship.
 * The flags are process-wide (parsing workers share them), so only the executables set them,
 * first thing (src/cli/bin.ts, src/action/main.ts); the library entry (lib.ts) does not.
 */
import { setFlagsFromString } from 'node:v8';

if (process.versions.v8.startsWith('11.')) setFlagsFromString('--interrupt-budget=540672');
setFlagsFromString('--liftoff-only');
