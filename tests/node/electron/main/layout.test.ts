import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appLayout } from '../../../../electron/main/layout';

describe('app layout', () => {
  it('finds the preload and the renderer beside the built main bundle', () => {
    const out = resolve('/opt/Sijill/resources/app.asar/out');
    expect(appLayout(join(out, 'main'))).toEqual({
      preload: join(out, 'preload', 'preload.cjs'),
      rendererRoot: join(out, 'renderer'),
    });
  });
});
