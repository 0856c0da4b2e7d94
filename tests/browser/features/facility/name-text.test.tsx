// Names shown in running text: isolated with <bdi>, and a bidi control carried by an imported
// record is shown as a visible marker instead of reordering the sentence around it.
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { NameText, neutraliseBidi, pathText } from '../../../../renderer/src/features/facility';
import { cleanUp } from '../feature-support';

afterEach(cleanUp);

describe('names in running text', () => {
  it('neutralises every bidi control and isolates the name', async () => {
    expect(neutraliseBidi('Abu\u202E Ali\u2066\u200F')).toBe('Abu\uFFFD Ali\uFFFD\uFFFD');
    const screen = await render(
      <p>
        Alleged perpetrator: <NameText text={'أبو علي\u202E (guard)'} /> at Sednaya
      </p>,
    );
    const bdi = screen.container.querySelector('bdi');
    expect(bdi?.textContent).toBe('أبو علي\uFFFD (guard)');
    await expect.element(screen.getByText(/at Sednaya/)).toBeVisible();
  });

  it('isolates each name of a path in plain text (select options), a single name stays as typed', () => {
    expect(pathText(['Sednaya', 'المبنى الأحمر'])).toBe('\u2068Sednaya\u2069 › \u2068المبنى الأحمر\u2069');
    expect(pathText(['صيدنايا\u202B'])).toBe('صيدنايا\uFFFD');
  });
});
