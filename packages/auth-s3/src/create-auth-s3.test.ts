/*
 * createAuthS3: options of the wrong type fail at once with InvalidParameterError naming the option;
 * the areas come from the outputs file's contract, an option overriding them.
 */
import { describe, expect, it } from 'vitest';
import { createAuthS3 } from './create-auth-s3.js';
import { InvalidParameterError } from './errors.js';
import type { AuthS3Options } from './types.js';

const config = {
  region: 'us-east-1',
  userPoolId: 'us-east-1_Pool1',
  userPoolClientId: 'client1',
  identityPoolId: 'us-east-1:pool',
  bucket: 'bucket',
};

describe('createAuthS3', () => {
  it.each([
    [{ prefix: 5 }, /createAuthS3\(\) needs prefix .*as a string, or nothing \(got the number 5\)/],
    [{ multipart: { partSize: '8' } }, /createAuthS3\(\) needs multipart\.partSize as a whole number/],
    [{ multipart: { concurrency: 0 } }, /multipart\.concurrency as a whole number from 1/],
    [{ privatePrefixPattern: 'private/' }, /must end with "\{identityId\}\/"/],
    [{ privatePrefixPattern: 'private/{identityId}/{identityId}/' }, /hold it once/],
  ])('refuses %j with InvalidParameterError', (options, message) => {
    const create = () => createAuthS3(config, { storage: 'memory', ...(options as AuthS3Options) });
    expect(create).toThrow(InvalidParameterError);
    expect(create).toThrow(message);
  });

  it('builds with the defaults', () => {
    const { files, myFiles, area } = createAuthS3(config, { storage: 'memory' });
    expect(files.prefix).toBe('public/');
    expect([files.area, myFiles.area]).toEqual(['shared', 'mine']);
    expect(area('mine')).toBe(myFiles);
    expect(() => area('private' as never)).toThrow(InvalidParameterError);
  });

  it("takes the shared area's prefix from the outputs' areas", () => {
    const areas = { publicPrefix: 'shared/', privatePrefixPattern: 'users/{identityId}/' };
    expect(createAuthS3({ ...config, areas }, { storage: 'memory' }).files.prefix).toBe('shared/');
  });
});
