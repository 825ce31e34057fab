// First: it tunes V8 before anything else runs (see tiering.ts).
import '../tiering.js';
import { main } from './main.js';

main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stdout.isTTY),
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
