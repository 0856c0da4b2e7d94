/**
 * Typing in the testimony editor (issue 4: "no UI-thread task over 100 ms while typing"): the
 * real editor, rendered with React inside the real providers and case file over the unlocked
 * bench vault, opens a linked testimony (~5 KB narrative, facility and perpetrator links) and
 * gets keystrokes at the end of its narrative in bursts, with pauses long enough for autosave
 * to save each burst (a new version of the 5 KB body, summary and search update included).
 * Runs on the bench page's main thread. The editor shares the bench's open case file, as the
 * app's screens share the one its unlocked shell opened (no second copy loads under it).
 * Opening the editor and typing are two long-task phases, so a long task while typing is never
 * hidden behind, or blamed on, the mount. Afterwards the index changes the saves made are
 * stored (the app does it a few seconds after typing stops), outside every phase.
 * Written with createElement: the bench page has no JSX files.
 */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProviders } from '../../../renderer/src/app/app-providers';
import { CaseFileProvider } from '../../../renderer/src/features/records';
import type { CaseFile } from '../../../renderer/src/features/records/case-commands';
import { TestimonyScreen } from '../../../renderer/src/features/testimony/editor/testimony-screen';
import { createI18n } from '../../../renderer/src/i18n/create-i18n';
import { createWebPlatform } from '../../../renderer/src/platform/web-platform';
import type { VaultClient } from '../../../renderer/src/vault/vault-client';
import type { Figure } from '../bench-types';
import { percentile, type LongTaskRecorder } from './measure';

/** Keystrokes per burst, bursts, and the pause after each (longer than autosave's 1.5 s delay). */
const BURST = 40;
const BURSTS = 3;
const PAUSE_MS = 2_500;
/** Between two keystrokes of a burst: a fast typist. */
const KEY_GAP_MS = 30;
const TEXT = ' The witness added that the cell door was opened twice a day. ';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(find: () => T | null, what: string, timeoutMs = 120_000): Promise<T> {
  const until = performance.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found) return found;
    if (performance.now() > until) throw new Error(`typing workload: ${what} did not appear`);
    await sleep(50);
  }
}

/** Types one character as a user would: the textarea's value changes and an input event fires. */
function typeChar(field: HTMLTextAreaElement, char: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
  if (!setter) throw new Error('no value setter');
  setter.call(field, field.value + char);
  field.dispatchEvent(new InputEvent('input', { bubbles: true, data: char, inputType: 'insertText' }));
}

/** Renders the editor of a linked, editable testimony, types into its narrative, and tears it down. */
export async function typingWorkload(client: VaultClient, file: CaseFile, tasks: LongTaskRecorder): Promise<Figure[]> {
  const store = file.store;
  const entry = [...store.data.testimonies.values()].find((t) => t.body.status !== 'sealed' && t.facilityIds.size > 0 && t.perpetratorIds.size > 0);
  if (!entry) throw new Error('typing workload: no editable linked testimony');
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  const editor = createElement(CaseFileProvider, { file, children: createElement(TestimonyScreen, { testimonyId: entry.id, onBack: () => undefined }) });
  const ui = createElement(AppProviders, { platform: createWebPlatform(), vault: client, i18n: createI18n('en'), children: editor });
  root.render(ui);
  try {
    const field = await tasks.phase('editor open (mount, full testimony read)', () => waitFor(() => host.querySelector<HTMLTextAreaElement>('textarea[name="narrative.text"]') ?? [...host.querySelectorAll('textarea')].find((t) => t.value.length > 1000) ?? null, 'the narrative field'));
    // Let the mount's own background work (reading the full testimony, first renders) settle.
    await tasks.phase('editor idle after open', () => sleep(PAUSE_MS));
    const keystrokes: number[] = [];
    let typed = 0;
    await tasks.phase('typing in the editor', async () => {
    for (let burst = 0; burst < BURSTS; burst += 1) {
      for (let n = 0; n < BURST; n += 1) {
        const start = performance.now();
        typeChar(field, TEXT[typed % TEXT.length] ?? ' ');
        typed += 1;
        // Until the next task: React has rendered the keystroke by then.
        await sleep(0);
        keystrokes.push(performance.now() - start);
        await sleep(KEY_GAP_MS);
      }
      await sleep(PAUSE_MS);
    }
    });
    const saved = host.querySelector('.autosave')?.getAttribute('data-phase') ?? 'unknown';
    const note = `${typed} keystrokes in ${BURSTS} bursts, autosave after each (last: ${saved}); ${Math.round(field.value.length / 1000)} K chars`;
    return [{ label: 'editor keystroke p95 (to next task)', unit: 'ms', value: percentile(keystrokes, 95), baseline: null, baselineLabel: '—', budget: { on: 'value', op: '<=', limit: 50 }, note }];
  } finally {
    root.unmount();
    host.remove();
    await store.search?.flushIndex().catch(() => undefined);
  }
}
