/**
 * Entry point of the `sijill-bundle` command (Node). Built into one self-contained file by
 * cli/vite.config.ts: `node out/cli/sijill-bundle.mjs --help`.
 */
import { nodeIo } from './io';
import { run } from './run';

process.exitCode = await run(process.argv.slice(2), nodeIo());
