/**
 * The hashing thread's script when the tool runs from source (tests, the bench's in-process
 * reads): the built tool is its own worker script instead (cli/main.ts).
 */
import { serveIfHashWorker } from './hash-worker';

serveIfHashWorker();
