/*
 * The form that sends an authenticator app's 6-digit code: checked before it is sent, one request at
 * a time, and the field cleared after a wrong code so the next one can be typed. Used by the sign-in
 * step and by the app's set-up (account page and sign-in).
 */
import { type FormEvent, useState } from 'react';
import { checkTotpCode } from '../auth/validate';
import { Alert } from './Alert';
import { TotpCodeField } from './AuthFields';
import { SubmitButton } from './SubmitButton';
import { useAction } from './useAction';

/** Props of {@link TotpCodeForm}. */
export interface TotpCodeFormProps {
  /** Sends the code; a throw is shown above the form unless `onError` takes it over. */
  submitCode(code: string): Promise<unknown>;
  submitLabel: string;
  /** Takes an error over (returns true), e.g. an expired sign-in step; otherwise it is shown here. */
  onError?(error: unknown): boolean;
}

/** The error (if any), the code field and its submit button. */
export function TotpCodeForm({ submitCode, submitLabel, onError }: TotpCodeFormProps) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const action = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = checkTotpCode(code);
    setError(problem);
    if (problem) return;
    void action.run(
      async () => {
        await submitCode(code);
      },
      (caught) => {
        if (onError?.(caught)) return true;
        // A wrong code leaves the step open: clear the field for the next one.
        setCode('');
        return false;
      },
    );
  };
  return (
    <>
      {action.error ? <Alert tone="error">{action.error}</Alert> : null}
      <form onSubmit={submit} noValidate>
        <TotpCodeField value={code} onValueChange={setCode} error={error} />
        <SubmitButton busy={action.busy}>{submitLabel}</SubmitButton>
      </form>
    </>
  );
}
