import { useState, type FormEvent } from 'react';
import { ApiError, type ApiClient } from '../api.js';
import { Alert } from '../components/Alert.js';
import { Button } from '../components/Button.js';
import { FormFieldTextbox } from '../components/FormFieldTextbox.js';
import { PageHeading } from '../components/PageHeading.js';
import { useDocumentTitle } from '../components/useDocumentTitle.js';
import { defineTexts } from '../components/useTexts.js';
import { errorText } from './errors.js';
import { useI18n } from '../i18n/i18n.js';

const useTexts = defineTexts(
  {
    title: 'Kies een nieuw wachtwoord',
    intro:
      'Uw wachtwoord is opnieuw ingesteld door de functioneel beheerder. Kies nu een eigen wachtwoord. Daarna kunt u verder.',
    current: 'Tijdelijk wachtwoord',
    currentHelp: 'Het wachtwoord dat u van de beheerder kreeg.',
    next: 'Nieuw wachtwoord',
    nextHelp: 'Minstens 12 tekens. Uw gebruikersnaam mag er niet in staan.',
    repeat: 'Nieuw wachtwoord nog een keer',
    missing: 'Vul dit veld in.',
    tooShort: 'Het nieuwe wachtwoord moet minstens 12 tekens hebben.',
    different: 'De twee nieuwe wachtwoorden zijn niet gelijk.',
    submit: 'Wachtwoord opslaan',
  },
  {
    title: 'Choose a new password',
    intro: 'Your password was reset by the administrator. Choose a password of your own now. Then you can go on.',
    current: 'Temporary password',
    currentHelp: 'The password the administrator gave you.',
    next: 'New password',
    nextHelp: 'At least 12 characters. Your user name may not be in it.',
    repeat: 'New password again',
    missing: 'Fill in this field.',
    tooShort: 'The new password must have at least 12 characters.',
    different: 'The two new passwords are not the same.',
    submit: 'Save password',
  },
);

/** After a reset by beheer: the only page until the user has chosen a new password. */
export function ChangePasswordPage({ api, onChanged }: { api: ApiClient; onChanged: () => void }) {
  const tx = useTexts();
  const { t } = useI18n();
  useDocumentTitle(tx('title'));
  const [values, setValues] = useState({ current: '', next: '', repeat: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof typeof values, string>>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: typeof errors = {};
    if (!values.current) found.current = tx('missing');
    if (values.next.length < 12) found.next = values.next ? tx('tooShort') : tx('missing');
    else if (values.next !== values.repeat) found.repeat = tx('different');
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await api.send('PUT', '/gebruikers/ik/wachtwoord', { currentPassword: values.current, newPassword: values.next });
      onChanged();
    } catch (err) {
      const field = err instanceof ApiError ? err.invalidParams?.[0] : undefined;
      if (field?.name === 'currentPassword') setErrors({ current: field.reason });
      else if (field?.name === 'newPassword') setErrors({ next: field.reason });
      else setFailure(err);
      setBusy(false);
    }
  }

  const field = (name: keyof typeof values, autoComplete: string, description?: string) => (
    <FormFieldTextbox
      label={tx(name)}
      name={name}
      type="password"
      autoComplete={autoComplete}
      required
      description={description}
      value={values[name]}
      onChange={(e) => setValues({ ...values, [name]: e.target.value })}
      errorMessage={errors[name]}
    />
  );

  return (
    <div className="ks-login">
      <PageHeading>{tx('title')}</PageHeading>
      <p className="utrecht-paragraph">{tx('intro')}</p>
      {failure !== null && (
        <Alert type="error" announce>
          <p className="utrecht-paragraph">{errorText(failure, t)}</p>
        </Alert>
      )}
      <form className="utrecht-form ks-form" noValidate onSubmit={submit}>
        {field('current', 'current-password', tx('currentHelp'))}
        {field('next', 'new-password', tx('nextHelp'))}
        {field('repeat', 'new-password')}
        <div className="ks-form__actions">
          <Button type="submit" appearance="primary-action" busy={busy}>
            {tx('submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}
