/*
 * The two areas of the bucket the stack's role opens to a signed-in user: the shared `public/`, and
 * each user's own area under `private/`, keyed by the identity pool's identity id. The stack builds
 * its IAM policy from these, and writes them in its outputs for the app; the pattern's
 * `{identityId}` is the identity pool's identity id (`region:uuid`, from GetId), NOT the user
 * pool's `sub`: IAM fills `${cognito-identity.amazonaws.com:sub}` with that identity id.
 */

/** Where a user's files may live. */
export interface FileAreas {
  /** The shared area every signed-in user may read and write, e.g. `public/`. */
  readonly publicPrefix: string;
  /** Each user's own area, with `{identityId}` for the identity pool's identity id: `private/{identityId}/`. */
  readonly privatePrefixPattern: string;
}

/** What stands for the identity id in `privatePrefixPattern`. */
export const IDENTITY_ID_PLACEHOLDER = '{identityId}';

/** The areas of AuthS3Stack. */
export const FILE_AREAS: FileAreas = {
  publicPrefix: 'public/',
  privatePrefixPattern: `private/${IDENTITY_ID_PLACEHOLDER}/`,
};

/**
 * The private area of one identity: the pattern with `{identityId}` filled in, e.g.
 * `private/us-east-1:1b2c…/` (the stack passes IAM's `${cognito-identity.amazonaws.com:sub}`).
 */
export function privatePrefix(pattern: string, identityId: string): string {
  return pattern.replace(IDENTITY_ID_PLACEHOLDER, identityId);
}
