/*
 * Renders a component under `AuthS3Provider` with a fake library, for component tests.
 */
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { AuthS3Provider } from '../auth/AuthS3Provider';
import { createFakeAuthS3, type FakeAuthS3 } from './fake-auth-s3';

/** Renders `ui` with `client` (a fresh fake by default) and returns a user-event session too. */
export function renderWithAuth(ui: ReactElement, client: FakeAuthS3 = createFakeAuthS3()) {
  const user = userEvent.setup();
  const result = render(<AuthS3Provider client={client}>{ui}</AuthS3Provider>);
  return { ...result, user, client };
}
