/*
 * Deterministic physical ids for the template's resources: each is derived from a SHA-256 of the
 * stack name and the logical id, so the emulator hands out the same user pool id, client id,
 * identity pool id, bucket name and role ARNs on every start, with nothing stored. The shapes match
 * what AWS issues, so clients that validate ids (the SDKs, amazon-cognito-identity-js) accept them.
 */
import { createHash } from 'node:crypto';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LOWER_ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** The hash bytes for one resource of one stack; `purpose` separates ids of the same resource. */
function digest(stackName: string, logicalId: string, purpose: string): Buffer {
  return createHash('sha256').update(`${stackName}\0${logicalId}\0${purpose}`).digest();
}

/** `length` characters of `alphabet` drawn from the digest (bias is irrelevant for ids). */
function encode(bytes: Buffer, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[(bytes[i % bytes.length] ?? 0) % alphabet.length];
  return out;
}

/** `us-east-1_AbC123xYz`: the region, `_`, nine letters and digits. */
export function userPoolId(stackName: string, logicalId: string, region: string): string {
  return `${region}_${encode(digest(stackName, logicalId, 'user-pool'), ALPHANUMERIC, 9)}`;
}

/** 26 lowercase letters and digits, like a Cognito app client id. */
export function userPoolClientId(stackName: string, logicalId: string): string {
  return encode(digest(stackName, logicalId, 'client'), LOWER_ALPHANUMERIC, 26);
}

/** `us-east-1:` followed by a version-4-shaped UUID. */
export function identityPoolId(stackName: string, logicalId: string, region: string): string {
  const bytes = digest(stackName, logicalId, 'identity-pool');
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.subarray(0, 16).toString('hex');
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  return `${region}:${uuid}`;
}

/**
 * A bucket name the way CloudFormation makes one when the template gives none:
 * `<stack>-<logical id>-<12 chars>`, lowercase, at most 63 characters.
 */
export function bucketName(stackName: string, logicalId: string): string {
  const suffix = encode(digest(stackName, logicalId, 'bucket'), LOWER_ALPHANUMERIC, 12);
  const stem = `${stackName}-${logicalId}`
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-')
    .replace(/^-+/, '');
  return `${stem.slice(0, 63 - suffix.length - 1)}-${suffix}`;
}

/**
 * A generated name for a resource without one (roles, policies): `<stack>-<logical id>-<12 chars>`,
 * the logical id cut so the whole stays within `maxLength` (64 for roles).
 */
export function generatedName(stackName: string, logicalId: string, maxLength = 64): string {
  const suffix = encode(digest(stackName, logicalId, 'name'), ALPHANUMERIC.slice(0, 26), 12);
  const room = Math.max(1, maxLength - stackName.length - suffix.length - 2);
  return `${stackName}-${logicalId.slice(0, room)}-${suffix}`.slice(0, maxLength);
}

/** A UUID for ids AWS makes random (stack id), fixed per stack. */
export function stableUuid(stackName: string, purpose: string): string {
  const hex = digest(stackName, '', purpose).subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
