// The testimony editor over the real vault and case file: bad input gets a clear message at
// its field in the current language (a name over the limit, a lone surrogate, a hidden
// direction character, a stay that ends before it starts, an allegation with neither an
// alleged perpetrator nor a description), and nothing is saved half: the stored testimony
// never holds the bad values. Every input keeps typed text off the disk.
import { afterEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../../../../shared/domain';
import { TestimonyScreen } from '../../../../renderer/src/features/testimony/editor/testimony-screen';
import { cleanUp, HYGIENIC, inputHygiene } from '../feature-support';
import { deleteTestDatabases, VAULT_TESTS } from '../../vault/support/vault-harness';
import { renderCaseUi } from './support/testimony-ui';

afterEach(async () => {
  await cleanUp();
  await deleteTestDatabases();
});

/** Sets a text control's value as a paste would, bypassing keyboard input, and tells React. */
function typeRaw(element: Element, value: string): void {
  const control = element as HTMLTextAreaElement;
  control.focus();
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
  setter?.call(control, value);
  control.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('testimony editor: field-level errors', VAULT_TESTS, () => {
  it('marks bad input in English and saves nothing of it', async () => {
    const { screen, seen } = await renderCaseUi(<TestimonyScreen onBack={() => undefined} />);
    await screen.getByRole('button', { name: 'Add an interview session' }).click();
    const session = screen.getByRole('group', { name: 'Session 1' });
    const interviewers = session.getByLabelText('Interviewers');
    await interviewers.fill(`Documenter D-07\n${'x'.repeat(LIMITS.labelChars + 1)}`);
    await session.getByLabelText('Place, in general terms').click();
    await expect.element(screen.getByText(`Too long: the limit is ${LIMITS.labelChars} characters.`)).toBeVisible();
    await expect.element(interviewers).toHaveAttribute('aria-invalid', 'true');

    // A lone surrogate cannot be typed (the keyboard path repairs it): it arrives by paste or import.
    typeRaw(screen.getByLabelText('Narrative', { exact: true }).element(), 'An account with a broken character \uD800 inside.');
    await screen.getByLabelText('Summary').click();
    await expect.element(screen.getByText('This text contains broken characters. Type it again.')).toBeVisible();

    await screen.getByRole('button', { name: 'Add a detention episode' }).click();
    const episode = screen.getByRole('group', { name: 'Detention episode 1' });
    await episode.getByRole('group', { name: 'From' }).getByLabelText('Year').fill('2014');
    await episode.getByRole('group', { name: 'Until' }).getByLabelText('Year').fill('2012');
    await screen.getByRole('button', { name: 'Add an allegation' }).click();
    const allegation = screen.getByRole('group', { name: 'Allegation 1' });
    await allegation.getByRole('radio', { name: 'Someone not identified' }).click();

    await screen.getByRole('button', { name: 'Save now' }).click();
    await expect.element(screen.getByText('Some fields need attention: see the messages under them.')).toBeVisible();
    await expect.element(episode.getByText('The end is before the start.')).toBeVisible();
    await expect.element(allegation.getByText('Choose an alleged perpetrator, or describe the person if they are not identified.')).toBeVisible();
    await expect.element(episode.getByText('This field is required.')).toBeVisible();
    expect(seen.testimonies).toEqual([]);

    // Radio buttons hold no typed text; every other input and textarea must keep it off the disk.
    const radios = new Set([...document.querySelectorAll('input[type="radio"]')].map((input) => input.getAttribute('name') ?? input.id));
    const hygiene = inputHygiene()
      .filter(({ name }) => !radios.has(name))
      .map(({ name: _name, ...attributes }) => attributes);
    const areas = [...document.querySelectorAll('textarea')].map((area) => ({
      autocomplete: area.getAttribute('autocomplete'),
      spellcheck: area.getAttribute('spellcheck'),
      autocapitalize: area.getAttribute('autocapitalize'),
      autocorrect: area.getAttribute('autocorrect'),
    }));
    expect(areas.length).toBeGreaterThan(4);
    expect(areas).toEqual(areas.map(() => HYGIENIC));
    expect(hygiene.length).toBeGreaterThan(8);
    expect(hygiene).toEqual(hygiene.map(() => HYGIENIC));
  });

  it('says it in Arabic (a direction override in a name, dates out of order) and saves once fixed', async () => {
    const { screen, seen } = await renderCaseUi(<TestimonyScreen onBack={() => undefined} />, 'ar');
    await screen.getByRole('button', { name: 'إضافة جلسة مقابلة' }).click();
    const session = screen.getByRole('group', { name: 'الجلسة 1' });
    await session.getByLabelText('أجرى المقابلة').fill('الموثّق \u202Eد-07');
    await session.getByLabelText('المكان بصورة عامة').click();
    await expect.element(screen.getByText('يحتوي هذا النص على محارف اتجاه غير مرئية قد تغيّر ترتيب ما يُعرض. احذفها.')).toBeVisible();

    await screen.getByRole('button', { name: 'إضافة فترة احتجاز' }).click();
    const episode = screen.getByRole('group', { name: 'فترة الاحتجاز 1' });
    await episode.getByRole('group', { name: 'من' }).getByLabelText('السنة').fill('٢٠١٤');
    await episode.getByRole('group', { name: 'حتى' }).getByLabelText('السنة').fill('٢٠١٢');
    await screen.getByRole('button', { name: 'الحفظ الآن' }).click();
    await expect.element(episode.getByText('تاريخ النهاية يسبق تاريخ البداية.')).toBeVisible();
    await expect.element(screen.getByText('بعض الحقول تحتاج إلى تصحيح: انظر الرسائل تحتها.')).toBeVisible();

    // Fixed (the episode without a facility removed), the testimony saves as typed.
    await session.getByLabelText('أجرى المقابلة').fill('الموثّق د-07');
    await episode.getByRole('group', { name: 'حتى' }).getByLabelText('السنة').fill('٢٠١٥');
    await screen.getByRole('button', { name: 'حذف فترة الاحتجاز 1' }).click();
    await screen.getByRole('button', { name: 'الحفظ الآن' }).click();
    await expect.poll(() => seen.testimonies.length, { timeout: 15_000 }).toBe(1);
    const body = await seen.fullBody(0);
    expect(body.sessions[0]?.interviewers).toEqual(['الموثّق د-07']);
    expect(JSON.stringify(body)).not.toContain('\u202E');
  });
});
