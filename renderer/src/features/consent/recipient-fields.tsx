/**
 * Who may receive the testimony (sharing) or learn the witness's name (named disclosure):
 * recipient classes now, named partner contacts later.
 *
 * Named contacts (partner keys, DESIGN.md §7; see features/contacts) come in as `contacts`;
 * each becomes a checkbox registered under `${name}.contactIds`, which the consent schema
 * stores and the export gate evaluates. With no contacts only classes can be chosen.
 */
import { useFormContext, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { recipientClasses } from '../../../../shared/domain';
import { NameText } from '../facility';
import { useOwnFieldError } from '../testimony/form/form-errors';
import { VocabularyCheckboxes } from '../testimony/form/vocabulary-fields';

/** A partner contact that can be named as a recipient. */
export interface RecipientContact {
  readonly id: string;
  /** The contact's label (user data). */
  readonly label: string;
}

export interface RecipientFieldsProps {
  /** Path of a RecipientValues object (`sharing`, `namedDisclosureTo`). */
  name: string;
  legend: string;
  hint?: string;
  /** Contacts to offer (features/contacts `useRecipientContacts`). */
  contacts?: readonly RecipientContact[];
}

/** Classes (and, once they exist, named contacts) for one recipient set. */
export function RecipientFields({ name, legend, hint, contacts = [] }: RecipientFieldsProps) {
  const { t } = useTranslation();
  const { register } = useFormContext<FieldValues>();
  // The set's own error ("sharing needs at least one recipient") sits at `name` itself.
  const error = useOwnFieldError(name);
  return (
    <div className="recipient-fields">
      <VocabularyCheckboxes name={`${name}.recipientClasses`} legend={legend} hint={hint} vocabulary={recipientClasses} />
      {contacts.length > 0 && (
        <fieldset className="case-form__choices">
          <legend className="field__label">{t('consent.recipients.contacts')}</legend>
          <div className="case-form__choice-list">
            {contacts.map((contact) => (
              <label key={contact.id} className="case-form__choice">
                <input type="checkbox" value={contact.id} {...register(`${name}.contactIds`)} />
                <NameText text={contact.label} />
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {contacts.length === 0 && <p className="case-form__muted">{t('consent.recipients.contactsLater')}</p>}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
