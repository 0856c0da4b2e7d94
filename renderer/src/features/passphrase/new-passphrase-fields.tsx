/**
 * Choosing a new passphrase: the policy, the field with its strength meter, the generator,
 * and the confirmation. Used by vault creation, passphrase change and the "compromised" flow.
 *
 * Presentational over react-hook-form: the parent owns the form and passes what `register`
 * returned, the current value (for the meter) and the error codes. A generated passphrase is
 * put in the first field and shown in full once; the confirmation stays empty on purpose, so
 * typing it proves the words were written down correctly. `NewPassphraseFormFields` does that
 * wiring for a form whose values hold `passphrase` and `confirmation`.
 */
import { useState } from 'react';
import { useWatch, type UseFormRegisterReturn, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { generatePassphrase } from '../../../../shared/crypto/passphrase';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { Notice } from '../../ui/notice';
import { PasswordInput } from '../../ui/password-input';
import { PassphrasePolicy } from './passphrase-policy';
import { passphraseIssueText } from './passphrase-rules';
import './passphrase.css';
import { StrengthMeter } from './strength-meter';

export interface NewPassphraseFieldsProps {
  passphrase: UseFormRegisterReturn;
  confirmation: UseFormRegisterReturn;
  /** The first field's current text (the meter and the generated-passphrase box follow it). */
  passphraseValue: string;
  /** Error codes from the form (PassphraseIssue). */
  errors: { passphrase?: string | undefined; confirmation?: string | undefined };
  /** Called with a freshly generated passphrase; the parent puts it in the first field. */
  onGenerated(passphrase: string): void;
  disabled?: boolean;
}

/** Policy, new passphrase with meter and generator, and confirmation. */
export function NewPassphraseFields({ passphrase, confirmation, passphraseValue, errors, onGenerated, disabled = false }: NewPassphraseFieldsProps) {
  const { t } = useTranslation();
  const [generated, setGenerated] = useState<string | null>(null);
  const [generationFailed, setGenerationFailed] = useState(false);
  const showGenerated = generated !== null && generated === passphraseValue;

  const generate = () => {
    setGenerationFailed(false);
    generatePassphrase().then(
      (words) => {
        setGenerated(words);
        onGenerated(words);
      },
      () => setGenerationFailed(true),
    );
  };

  return (
    <div className="new-passphrase">
      <PassphrasePolicy />
      <Field label={t('passphrase.newLabel')} hint={<StrengthMeter passphrase={passphraseValue} />} error={passphraseIssueText(t, errors.passphrase)}>
        {(control) => <PasswordInput {...control} {...passphrase} disabled={disabled} />}
      </Field>
      <div className="new-passphrase__generator">
        <Button onClick={generate} disabled={disabled}>
          {generated === null ? t('passphrase.generate') : t('passphrase.generateAnother')}
        </Button>
        {generationFailed && <p role="alert">{t('passphrase.generateFailed')}</p>}
      </div>
      {showGenerated && (
        <Notice className="generated-passphrase">
          <p className="generated-passphrase__title">{t('passphrase.generatedTitle')}</p>
          <p>
            <bdi dir="ltr" className="generated-passphrase__words">
              {generated}
            </bdi>
          </p>
          <p>{t('passphrase.generatedBody')}</p>
        </Notice>
      )}
      <Field label={t('passphrase.confirmLabel')} error={passphraseIssueText(t, errors.confirmation)}>
        {(control) => <PasswordInput {...control} {...confirmation} disabled={disabled} />}
      </Field>
    </div>
  );
}

/** The values every new-passphrase form holds (its schema adds `refineNewPassphrase`). */
export interface NewPassphraseValues {
  passphrase: string;
  confirmation: string;
}

export interface NewPassphraseFormFieldsProps<T extends NewPassphraseValues> {
  form: UseFormReturn<T>;
  disabled?: boolean;
}

/** `NewPassphraseFields` wired to the parent's form: registration, meter value, errors, generator. */
export function NewPassphraseFormFields<T extends NewPassphraseValues>({ form, disabled = false }: NewPassphraseFormFieldsProps<T>) {
  // react-hook-form's types cannot see that a generic T has these two string fields, although
  // the constraint guarantees it; only they are touched here, so viewing the form as holding
  // just them is sound.
  const { register, setValue, control, formState } = form as unknown as UseFormReturn<NewPassphraseValues>;
  const passphraseValue = useWatch({ control, name: 'passphrase' });
  return (
    <NewPassphraseFields
      passphrase={register('passphrase')}
      confirmation={register('confirmation')}
      passphraseValue={passphraseValue}
      errors={{ passphrase: formState.errors.passphrase?.message, confirmation: formState.errors.confirmation?.message }}
      onGenerated={(words) => {
        setValue('passphrase', words, { shouldValidate: formState.isSubmitted });
        setValue('confirmation', '', { shouldValidate: false });
      }}
      disabled={disabled}
    />
  );
}
