// `npm run bench`: loads the TypeScript runner through Vite's module runner (Node 20 cannot
// run TypeScript itself, and the repo has no other TS loader), then runs it.
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const { module } = await runnerImport(fileURLToPath(import.meta.resolve('./runner.ts')));
// runnerImport sets NODE_ENV=development for the whole process; left so, the bench page's build
// would bundle React's development build (several times slower) and every UI figure would
// measure that instead of what users run.
if (process.env.NODE_ENV === 'development') delete process.env.NODE_ENV;
await module.main(process.argv.slice(2));
