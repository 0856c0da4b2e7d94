// `npm run bench`: loads the TypeScript runner through Vite's module runner (Node 20 cannot
// run TypeScript itself, and the repo has no other TS loader), then runs it.
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const { module } = await runnerImport(fileURLToPath(import.meta.resolve('./runner.ts')));
await module.main(process.argv.slice(2));
