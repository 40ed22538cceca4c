/*
 * The fixed inputs unit tests share: the config they build the library from, and the
 * PASSWORD_VERIFIER challenge a fake Cognito answers an SRP InitiateAuth with (for user `sub-1`,
 * whose id token `fakeIdToken()` builds).
 */

/** A config naming a user pool, app client, identity pool and bucket that only the fakes know. */
export const TEST_CONFIG = {
  region: 'us-east-1',
  userPoolId: 'us-east-1_Pool1',
  userPoolClientId: 'client1',
  identityPoolId: 'us-east-1:abc',
  bucket: 'bucket',
};

/** The answer to an SRP InitiateAuth: the PASSWORD_VERIFIER challenge for `sub-1`. */
export const VERIFIER_CHALLENGE = {
  ChallengeName: 'PASSWORD_VERIFIER' as const,
  Session: 'srp-session',
  ChallengeParameters: {
    SRP_B: 'abcdef0123456789'.repeat(20),
    SALT: '0a1b2c3d',
    SECRET_BLOCK: 'c2VjcmV0',
    USER_ID_FOR_SRP: 'sub-1',
    USERNAME: 'sub-1',
  },
};
