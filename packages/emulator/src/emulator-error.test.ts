/*
 * The emulator's error family: every error it throws on purpose derives from `EmulatorError` and
 * keeps the wire code its service sends (`type`), so one `instanceof` check catches them all and
 * each half still answers in its own encoding.
 */
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { CognitoError, NotAuthorizedError, RequestEntityTooLargeError } from './cognito/errors.js';
import { StateFileError } from './cognito/store/json-file-store.js';
import { DataDirLockedError } from './data-dir-lock.js';
import { EmulatorError } from './emulator-error.js';
import { S3Error, S3Errors } from './s3/errors.js';
import { TemplateError, TemplateReadError } from './template/errors.js';

describe('EmulatorError', () => {
  it('is the base of the Cognito (JSON) branch, with the __type and status Cognito sends', () => {
    const error = new NotAuthorizedError('Incorrect username or password.');
    expect(error).toBeInstanceOf(CognitoError);
    expect(error).toBeInstanceOf(EmulatorError);
    expect([error.type, error.status, error.name]).toEqual([
      'NotAuthorizedException',
      400,
      'NotAuthorizedError',
    ]);
    const tooLarge = new RequestEntityTooLargeError('too large');
    expect([tooLarge.type, tooLarge.status]).toEqual(['RequestEntityTooLargeException', 413]);
  });

  it('is the base of the S3 (XML) branch, whose type is the <Code> S3 sends', () => {
    const error = S3Errors.noSuchKey('a/b.txt');
    expect(error).toBeInstanceOf(S3Error);
    expect(error).toBeInstanceOf(EmulatorError);
    expect(error).not.toBeInstanceOf(CognitoError);
    expect([error.type, error.code, error.status, error.name]).toEqual([
      'NoSuchKey',
      'NoSuchKey',
      404,
      'S3Error',
    ]);
    expect(error.extra).toEqual({ Key: 'a/b.txt' });
  });

  it('is the base of the errors that stop a start and are never sent', () => {
    const lock = new DataDirLockedError('/data', '/data/emulator.lock', {
      pid: 1,
      host: hostname(),
      startedAt: '2026-01-01T00:00:00Z',
      token: 't',
    });
    const state = new StateFileError('Cannot read state.json', { cause: new Error('EACCES') });
    const template = new TemplateReadError('no template');
    for (const error of [lock, state, template]) {
      expect(error).toBeInstanceOf(EmulatorError);
      expect(error).not.toBeInstanceOf(CognitoError);
      expect(error).not.toBeInstanceOf(S3Error);
    }
    expect(template).toBeInstanceOf(TemplateError);
    expect(state.cause).toBeInstanceOf(Error);
    expect(state.name).toBe('StateFileError');
  });
});
