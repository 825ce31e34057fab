// The GitHub Action entry point (bundled to dist/index.js, see action.yml).
import { run } from './run.js';

await run();
