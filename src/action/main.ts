// The GitHub Action entry point (bundled to dist/index.js, see action.yml).
// First: it tunes V8 before anything else runs (see tiering.ts).
import '../tiering.js';
import { run } from './run.js';

await run();
