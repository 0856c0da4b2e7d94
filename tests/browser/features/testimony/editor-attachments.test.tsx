// The attachment panel mounted in the testimony editor: a file attached to a draft lands in the
// testimony's `attachmentIds` by autosave; a sealed testimony's attachments are shown but the
// panel offers no picker and no recorder.
import { afterEach, describe, expect, it } from 'vitest';
import { TestimonyScreen } from '../../../../renderer/src/features/testimony/editor/testimony-screen';
import { pick } from '../../attachments/render-panel';
import { draftFor, patternBytes } from '../../attachments/support';
import { cleanUp } from '../feature-support';
import { deleteTestDatabases, VAULT_TESTS } from '../../vault/support/vault-harness';
import { defined, renderCaseUi, sessionBody, testimonyInput } from './support/testimony-ui';

afterEach(async () => {
  await cleanUp();
  await deleteTestDatabases();
});

describe('attachments in the testimony editor', VAULT_TESTS, () => {
  it('autosaves the ids of what is attached to a draft', async () => {
    const ui = await renderCaseUi(<p>seeding</p>);
    const { screen, seen } = ui;
    const created = await seen.commands.createTestimony(testimonyInput({ sessions: [sessionBody()] }));
    await ui.show(<TestimonyScreen testimonyId={created.id} onBack={() => undefined} />);
    await expect.element(screen.getByText('No attachments yet.')).toBeVisible();
    pick([new File([patternBytes(70_000)], 'scan.pdf', { type: 'application/pdf' })]);
    await expect.element(screen.getByRole('article', { name: 'scan.pdf' })).toBeVisible();
    const [info] = (await ui.harness.client.attachments.list({ kind: 'testimony', id: created.id })).attachments;
    await expect.poll(() => defined(seen.testimonies[0]).body.attachmentIds, { timeout: 15_000 }).toEqual([defined(info).id]);
  });

  it('shows a sealed testimony’s attachments read-only', async () => {
    const ui = await renderCaseUi(<p>seeding</p>);
    const { screen, seen } = ui;
    const created = await seen.commands.createTestimony(testimonyInput({ status: 'complete', sessions: [sessionBody()] }));
    await ui.harness.client.attachments.importFile(new File([patternBytes(1_000)], 'photo.png'), draftFor({ kind: 'testimony', id: created.id }, 'photo.png', 'image/png'));
    const reviewed = await seen.commands.changeTestimonyStatus(created.id, 'reviewed', created.version);
    await seen.commands.changeTestimonyStatus(created.id, 'sealed', reviewed.version);
    await ui.show(<TestimonyScreen testimonyId={created.id} onBack={() => undefined} />);
    await expect.element(screen.getByRole('article', { name: 'photo.png' })).toBeVisible();
    expect(document.querySelector('.attachment-panel input[type="file"]')).toBeNull();
    expect(screen.getByRole('button', { name: 'Start recording' }).elements()).toEqual([]);
  });
});
