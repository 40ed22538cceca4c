/*
 * Sign-up and confirmation through the real SDK v3 client over HTTP: codes in the inbox, the
 * password policy, duplicate and malformed usernames, wrong, expired and too-often-wrong codes.
 */
import {
  ConfirmSignUpCommand,
  ResendConfirmationCodeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAwsError } from './aws-error.js';
import { type Harness, startHarness } from './harness.js';

let h: Harness;
let ClientId: string;
const password = 'Correct-Horse-1';

beforeAll(async () => {
  h = await startHarness();
  ClientId = h.model.userPoolClient.id;
});
afterAll(() => h.close());

const signUp = (email: string, pass = password) =>
  h.idp.send(
    new SignUpCommand({
      ClientId,
      Username: email,
      Password: pass,
      UserAttributes: [{ Name: 'email', Value: email }],
    }),
  );
const confirm = (email: string, code: string) =>
  h.idp.send(new ConfirmSignUpCommand({ ClientId, Username: email, ConfirmationCode: code }));

describe('SignUp', () => {
  it('registers an unconfirmed user and mails a 6-digit code', async () => {
    const result = await signUp('alan@example.com');
    expect(result.UserConfirmed).toBe(false);
    expect(result.UserSub).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.CodeDeliveryDetails).toEqual({
      Destination: 'a***@e***',
      DeliveryMedium: 'EMAIL',
      AttributeName: 'email',
    });
    const [message] = h.emulator.inbox('alan@example.com');
    expect(message).toMatchObject({ to: 'alan@example.com', kind: 'signUp' });
    expect(message?.code).toMatch(/^\d{6}$/);
  });

  it('serves the inbox over HTTP, newest first, filtered by ?to=', async () => {
    await signUp('other@example.com');
    const response = await fetch(`${h.emulator.endpoint}/_emulator/inbox?to=alan@example.com`);
    const inbox = (await response.json()) as Array<{
      to: string;
      code: string;
      kind: string;
      sentAt: string;
    }>;
    expect(inbox).toHaveLength(1);
    expect(Object.keys(inbox[0] ?? {}).sort()).toEqual(['code', 'kind', 'sentAt', 'to']);
    const all = (await (await fetch(`${h.emulator.endpoint}/_emulator/inbox`)).json()) as Array<{
      to: string;
    }>;
    expect(all[0]?.to).toBe('other@example.com');
  });

  it('throws UsernameExistsException when the email is taken', async () => {
    await expectAwsError(
      signUp('alan@example.com'),
      'UsernameExistsException',
      'An account with the given email already exists.',
    );
    await expectAwsError(signUp('ALAN@example.com'), 'UsernameExistsException');
  });

  it.each([
    ['Nosymbol1A', 'Password did not conform with policy: Password must have symbol characters'],
    ['Sh0rt!', 'Password did not conform with policy: Password not long enough'],
    ['nouppercase-1', 'Password did not conform with policy: Password must have uppercase characters'],
  ])('throws InvalidPasswordException naming the rule for %j', async (pass, message) => {
    await expectAwsError(signUp('weak@example.com', pass), 'InvalidPasswordException', message);
  });

  it('throws InvalidParameterException when the username is not an email', async () => {
    await expectAwsError(signUp('not-an-email'), 'InvalidParameterException', 'Username should be an email.');
  });

  it('throws ResourceNotFoundException for an unknown app client', async () => {
    await expectAwsError(
      h.idp.send(new SignUpCommand({ ClientId: 'nope', Username: 'x@example.com', Password: password })),
      'ResourceNotFoundException',
      'User pool client nope does not exist.',
    );
  });
});

describe('ConfirmSignUp', () => {
  it('confirms with the right code, and refuses to confirm twice', async () => {
    await signUp('barbara@example.com');
    await confirm('barbara@example.com', h.codeFor('barbara@example.com'));
    await expectAwsError(
      confirm('barbara@example.com', h.codeFor('barbara@example.com')),
      'NotAuthorizedException',
      'User cannot be confirmed. Current status is CONFIRMED',
    );
  });

  it('throws CodeMismatchException for a wrong code', async () => {
    await signUp('claude@example.com');
    const wrong = h.codeFor('claude@example.com') === '000000' ? '111111' : '000000';
    await expectAwsError(
      confirm('claude@example.com', wrong),
      'CodeMismatchException',
      'Invalid verification code provided, please try again.',
    );
  });

  it('throws ExpiredCodeException after 24 hours, and a resent code works', async () => {
    await signUp('dennis@example.com');
    const code = h.codeFor('dennis@example.com');
    h.clock.advance(24 * 3600_000 + 1000);
    await expectAwsError(
      confirm('dennis@example.com', code),
      'ExpiredCodeException',
      'Invalid code provided, please request a code again.',
    );
    await h.idp.send(new ResendConfirmationCodeCommand({ ClientId, Username: 'dennis@example.com' }));
    const fresh = h.emulator.inbox('dennis@example.com')[0];
    expect(fresh?.kind).toBe('resendConfirmationCode');
    await confirm('dennis@example.com', fresh?.code ?? '');
  });

  it('throws LimitExceededException after five wrong codes, even for the right one', async () => {
    await signUp('edsger@example.com');
    const code = h.codeFor('edsger@example.com');
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++)
      await expectAwsError(confirm('edsger@example.com', wrong), 'CodeMismatchException');
    await expectAwsError(
      confirm('edsger@example.com', code),
      'LimitExceededException',
      'Attempt limit exceeded, please try after some time.',
    );
  });

  it('hides unknown users behind CodeMismatchException', async () => {
    await expectAwsError(confirm('ghost@example.com', '123456'), 'CodeMismatchException');
  });
});

describe('ResendConfirmationCode', () => {
  it('throws InvalidParameterException for a confirmed user', async () => {
    await expectAwsError(
      h.idp.send(new ResendConfirmationCodeCommand({ ClientId, Username: 'barbara@example.com' })),
      'InvalidParameterException',
      'User is already confirmed.',
    );
  });

  it('pretends to send a code to an unknown user', async () => {
    const result = await h.idp.send(
      new ResendConfirmationCodeCommand({ ClientId, Username: 'ghost@example.com' }),
    );
    expect(result.CodeDeliveryDetails?.Destination).toBe('g***@e***');
    expect(h.emulator.inbox('ghost@example.com')).toEqual([]);
  });
});
