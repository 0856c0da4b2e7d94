// The facility editor over the real vault and case file: names in several scripts, field
// errors in English and Arabic, the parent picker that never offers the facility itself or
// one of its parts, and the schema that refuses a loop in the hierarchy.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FacilityForm } from '../../../../renderer/src/features/facility';
import { facilityFormSchema, facilityFormValues } from '../../../../renderer/src/features/facility/facility-form-values';
import { forbiddenParents } from '../../../../renderer/src/features/facility/facility-tree';
import { FIELD_ERROR_MAP } from '../../../../renderer/src/features/facility/form-kit/field-errors';
import { cleanUp, HYGIENIC, inputHygiene } from '../feature-support';
import { deleteTestDatabases } from '../../vault/support/vault-harness';
import { defined, renderRecordsUi } from '../profiles/support/records-ui';

afterEach(async () => {
  await cleanUp();
  await deleteTestDatabases();
});

const facility = (names: string[], extra: Record<string, unknown> = {}) => ({
  names: names.map((text) => ({ text, lang: /\p{Script=Arabic}/u.test(text) ? 'ar' : 'en', kind: 'common' as const })),
  type: 'prison' as const,
  ...extra,
});

describe('facility editor', () => {
  it('creates a facility with names in two scripts, after field errors in English', async () => {
    const onCreated = vi.fn();
    const { screen, seen } = await renderRecordsUi(<FacilityForm onCreated={onCreated} />);
    await screen.getByRole('button', { name: 'Create' }).click();
    const name1 = screen.getByRole('group', { name: 'Name 1' });
    await expect.element(name1.getByLabelText('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect.element(screen.getByText('This field is required.').first()).toBeVisible();

    await name1.getByLabelText('Name', { exact: true }).fill('صيدنايا');
    await name1.getByLabelText('Language or script').selectOptions('Arabic');
    await screen.getByRole('button', { name: 'Add another name' }).click();
    const name2 = screen.getByRole('group', { name: 'Name 2' });
    await name2.getByLabelText('Name', { exact: true }).fill('Sednaya Military Prison');
    await name2.getByLabelText('Kind of name').selectOptions('Official name');
    await screen.getByLabelText('Type', { exact: true }).selectOptions('Prison');
    await screen.getByLabelText('Latitude').fill('95');
    await screen.getByLabelText('Longitude').fill('36.3');
    const from = screen.getByRole('group', { name: 'In use from' });
    const to = screen.getByRole('group', { name: 'In use until' });
    await from.getByLabelText('Year').fill('1987');
    await to.getByLabelText('Year').fill('1980');
    await screen.getByRole('button', { name: 'Create' }).click();
    await expect.element(screen.getByText('Enter a number of at most 90.')).toBeVisible();
    await expect.element(screen.getByText('The end is before the start.')).toBeVisible();
    expect(onCreated).not.toHaveBeenCalled();

    await screen.getByLabelText('Latitude').fill('33.66');
    await to.getByLabelText('Year').fill('2024');
    await to.getByLabelText('Month').selectOptions('December');
    await to.getByLabelText('Approximate').click();
    await screen.getByRole('button', { name: 'Create' }).click();
    await expect.poll(() => onCreated.mock.calls.length).toBe(1);
    const id = onCreated.mock.calls[0]?.[0] as string;
    expect(onCreated.mock.calls[0]?.[1]).toEqual({ existing: false });
    await expect.poll(() => seen.facilities.map((entry) => entry.id)).toEqual([id]);
    const body = defined(seen.facilities[0]).body;
    expect(body.names).toEqual([
      { text: 'صيدنايا', lang: 'ar', kind: 'common' },
      { text: 'Sednaya Military Prison', lang: 'en', kind: 'official' },
    ]);
    expect(body.coordinates).toEqual({ lat: 33.66, lon: 36.3 });
    expect(body.operation).toEqual({ from: { year: 1987, precision: 'year', approximate: false }, to: { year: 2024, month: 12, precision: 'month', approximate: true } });
    const hygiene = inputHygiene().map(({ name: _name, ...attributes }) => attributes);
    expect(hygiene.length).toBeGreaterThan(8);
    expect(hygiene).toEqual(hygiene.map(() => HYGIENIC));
  });

  it('says in Arabic what is wrong: a missing name, a bidi override, digits typed in Arabic, a cell without its facility', async () => {
    const { screen, seen } = await renderRecordsUi(<FacilityForm onCreated={() => undefined} />, 'ar');
    await screen.getByRole('button', { name: 'إنشاء' }).click();
    await expect.element(screen.getByText('هذا الحقل مطلوب.').first()).toBeVisible();
    const name1 = screen.getByRole('group', { name: 'الاسم رقم 1' });
    // A direction override hidden in a name would reorder the text around it: refused at the field.
    await name1.getByLabelText('الاسم', { exact: true }).fill('الزنزانة \u202E١٤');
    await screen.getByRole('button', { name: 'إنشاء' }).click();
    await expect.element(screen.getByText('يحتوي هذا النص على محارف اتجاه غير مرئية قد تغيّر ترتيب ما يُعرض. احذفها.')).toBeVisible();
    await name1.getByLabelText('الاسم', { exact: true }).fill('الزنزانة ١٤');
    await screen.getByLabelText('النوع', { exact: true }).selectOptions('زنزانة');
    await screen.getByRole('group', { name: 'قيد الاستخدام منذ' }).getByLabelText('السنة').fill('٢٠١١');
    await screen.getByRole('button', { name: 'إنشاء' }).click();
    await expect.element(screen.getByText('يجب تحديد المرفق الذي يتبع له المبنى أو الجناح أو المهجع أو الزنزانة.')).toBeVisible();
    expect(seen.facilities).toEqual([]);
  });

  it('offers as parent neither the facility itself nor any of its parts, and the form refuses a loop', async () => {
    const { screen, seen, show } = await renderRecordsUi(<p>seeding</p>);
    const prison = await seen.commands.createFacility(facility(['Sednaya Military Prison']));
    const building = await seen.commands.createFacility(facility(['Red building'], { type: 'building', parentId: prison.id }));
    const wing = await seen.commands.createFacility(facility(['Wing A'], { type: 'wing', parentId: building.id }));
    const other = await seen.commands.createFacility(facility(['Branch 235']));
    await expect.poll(() => seen.facilities.length).toBe(4);

    await show(<FacilityForm facility={seen.facilities.find((entry) => entry.id === prison.id)} />);
    const picker = screen.getByLabelText('Part of');
    await expect.element(picker).toBeVisible();
    const offered = [...(picker.element() as HTMLSelectElement).options].map((option) => option.value);
    expect(offered.sort()).toEqual(['', other.id].sort());

    // The same rule in the schema, whatever the picker offered: no parent inside its own parts.
    const forbidden = forbiddenParents(prison.id, seen.facilities);
    expect([...forbidden].sort()).toEqual([prison.id, building.id, wing.id].sort());
    const values = { ...facilityFormValues(prison.body), parentId: wing.id };
    const result = await facilityFormSchema(prison.id, forbidden).safeParseAsync(values, { error: FIELD_ERROR_MAP });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['parentId', 'a facility cannot be inside itself']]);
    expect(screen.getByText('A facility cannot be placed inside itself or inside one of its own parts.').query()).toBeNull();
  });
});
