// Serves the browser build (out/web) on 127.0.0.1 for the end-to-end tier.
import type { TestProject } from 'vitest/node';
import { preview } from 'vite';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await preview({
    configFile: 'vite.web.config.ts',
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('preview server has no local URL');
  project.provide('baseUrl', url);
  return async () => {
    await server.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
