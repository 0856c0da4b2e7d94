import { describe, expect, it } from 'vitest';

// Every stylesheet of the renderer, as text (Vite resolves the glob at build time).
const sheets = import.meta.glob<string>('../../../renderer/src/**/*.css', { query: '?raw', import: 'default', eager: true });

// Physical directions that would not mirror under dir="rtl".
const PHYSICAL = [
  /\b(?:margin|padding|border|inset)-(?:left|right)\b/,
  /(?:^|[\s;{])(?:left|right)\s*:/,
  /\b(?:text-align|float|clear)\s*:\s*(?:left|right)\b/,
  /\bborder-(?:top|bottom)-(?:left|right)-radius\b/,
];

describe('renderer stylesheets', () => {
  it('are found', () => {
    expect(Object.keys(sheets).length).toBeGreaterThan(5);
  });

  it('use logical properties only, so the layout mirrors in Arabic', () => {
    const offending = Object.entries(sheets).flatMap(([path, css]) =>
      css
        .split('\n')
        .map((line, index) => ({ path, line: index + 1, text: line.trim() }))
        .filter(({ text }) => PHYSICAL.some((pattern) => pattern.test(text))),
    );
    expect(offending).toEqual([]);
  });
});
