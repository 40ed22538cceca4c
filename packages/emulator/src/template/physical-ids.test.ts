/* Tests for the deterministic physical ids: AWS's shapes, stable per stack + logical id, distinct otherwise. */
import { describe, expect, it } from 'vitest';
import { bucketName, generatedName, identityPoolId, userPoolClientId, userPoolId } from './physical-ids.js';

describe('physical ids', () => {
  it('gives user pool ids the shape <region>_<9 alphanumerics>', () => {
    expect(userPoolId('AuthS3Stack', 'Pool', 'eu-west-1')).toMatch(/^eu-west-1_[A-Za-z0-9]{9}$/);
  });

  it('gives client ids 26 lowercase alphanumerics', () => {
    expect(userPoolClientId('AuthS3Stack', 'Client')).toMatch(/^[a-z0-9]{26}$/);
  });

  it('gives identity pool ids the shape <region>:<uuid v4>', () => {
    expect(identityPoolId('AuthS3Stack', 'Identities', 'us-east-1')).toMatch(
      /^us-east-1:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('makes valid lowercase bucket names of at most 63 characters', () => {
    const name = bucketName('AuthS3Stack', 'FileBucketFiles4552A3C2'.repeat(4));
    expect(name).toMatch(/^auths3stack-filebucketfiles4552a3c2[a-z0-9-]*-[a-z0-9]{12}$/);
    expect(name.length).toBeLessThanOrEqual(63);
  });

  it('keeps generated role names within 64 characters', () => {
    const name = generatedName('AuthS3Stack', 'IdentityIdentityPoolAuthenticatedRole64B093CC');
    expect(name).toMatch(/^AuthS3Stack-IdentityIdentityPool\w*-[A-Z]{12}$/);
    expect(name.length).toBeLessThanOrEqual(64);
  });

  it('returns the same ids for the same stack and logical id, on every call', () => {
    expect(userPoolId('S', 'Pool', 'us-east-1')).toBe(userPoolId('S', 'Pool', 'us-east-1'));
    expect(userPoolClientId('S', 'Client')).toBe(userPoolClientId('S', 'Client'));
    expect(bucketName('S', 'Files')).toBe(bucketName('S', 'Files'));
  });

  it('returns different ids for another stack name or logical id', () => {
    expect(userPoolId('A', 'Pool', 'us-east-1')).not.toBe(userPoolId('B', 'Pool', 'us-east-1'));
    expect(userPoolClientId('S', 'ClientA')).not.toBe(userPoolClientId('S', 'ClientB'));
    expect(identityPoolId('S', 'X', 'us-east-1')).not.toBe(identityPoolId('S', 'Y', 'us-east-1'));
  });
});
