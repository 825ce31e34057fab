/**
 * V8's tiering for short runs. A cold `check` runs most of its functions for a fraction of a
 * second, and with V8's default interrupt budget TurboFan (the optimising compiler, on
 * background threads) compiles some 270 of them: on two cores that is about 0.9 s of CPU, more
 * than the main thread's 0.7 s, for no measurable gain on the main thread, and it competes with
 * it for the second core. With a budget 8 times Node 20's default only code that runs long
 * enough is optimised. Measured on libs (user CPU, wall on a quiet moment): a pull request
 * 1.5 -> 1.0 s CPU, 0.95 -> 0.75 s wall; the heaviest month (e9f489698..904c719a7) 2.3 -> 1.5 s
 * CPU, 1.45 -> 1.1 s wall, main thread the same; an audit of 400 commits 6.6 -> 5.3 s CPU.
 * Newer V8s (Node 22 and 24, which the action runs on) start from a larger budget (132 KB) and
 * tier up through Maglev first, so there the effect is smaller and has not been measured.
 * The flag is process-wide (parsing workers share it), so only the executables set it, first
 * thing (src/cli/bin.ts, src/action/main.ts); the library entry (lib.ts) does not.
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--interrupt-budget=540672');
