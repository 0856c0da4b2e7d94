/**
 * Entry point of the `sijill-bundle` command (Node). Built into one self-contained file by
 * cli/vite.config.ts: `node out/cli/sijill-bundle.mjs --help`. Being one file, it is also the
 * script of its own hashing thread (cli/hash-thread.ts): in that thread it only hashes.
 */
import { isMainThread } from 'node:worker_threads';
import { serveIfHashWorker } from './hash-worker';
import { nodeIo } from './io';
import { run } from './run';

if (isMainThread) process.exitCode = await run(process.argv.slice(2), nodeIo());
else serveIfHashWorker();
