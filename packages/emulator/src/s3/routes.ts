/*
 * The S3 router: method + path + query (+ x-amz-copy-source) → the operation and the IAM action
 * AWS checks for it. Anything else S3 has but the emulator does not is authorized like AWS would
 * (so a denied caller still sees AccessDenied) and then answered NotImplemented, by name.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { ContextValue } from '@auth-s3/iam';
import { S3Errors } from './errors.js';
import type { OperationName } from './operations/index.js';
import { type Query, queryValue, type RequestUrl } from './request-url.js';

export interface Route {
  /** The implemented operation; absent when the emulator does not implement the request. */
  operation?: OperationName;
  /** For an unimplemented request: its S3 name, answered as NotImplemented once authorized. */
  unsupported?: string;
  /** The action the router authorizes; DeleteObjects authorizes each key itself. */
  action?: string;
  /** Bucket-level: the resource is the bucket ARN. */
  bucketLevel: boolean;
  /** A resource ARN other than the bucket or object (ListBuckets: `arn:aws:s3:::*`). */
  resource?: string;
  /** Condition keys of this request (ListObjectsV2's s3:prefix, s3:delimiter, s3:max-keys). */
  context?: Record<string, ContextValue | undefined>;
}

/**
 * Subresources S3 knows, with the name their operations carry (`?acl` → GetObjectAcl). Maps,
 * keyed by request input: `?constructor` is an unknown parameter, which S3 ignores.
 */
const SUBRESOURCES = new Map<string, string>(
  Object.entries({
    accelerate: 'AccelerateConfiguration',
    acl: 'Acl',
    analytics: 'AnalyticsConfiguration',
    attributes: 'Attributes',
    cors: 'Cors',
    encryption: 'Encryption',
    'intelligent-tiering': 'IntelligentTieringConfiguration',
    inventory: 'InventoryConfiguration',
    'legal-hold': 'LegalHold',
    lifecycle: 'LifecycleConfiguration',
    location: 'Location',
    logging: 'Logging',
    metrics: 'MetricsConfiguration',
    notification: 'NotificationConfiguration',
    'object-lock': 'ObjectLockConfiguration',
    ownershipControls: 'OwnershipControls',
    policy: 'Policy',
    policyStatus: 'PolicyStatus',
    publicAccessBlock: 'PublicAccessBlock',
    replication: 'Replication',
    requestPayment: 'RequestPayment',
    restore: 'Restore',
    retention: 'Retention',
    select: 'Select',
    tagging: 'Tagging',
    torrent: 'Torrent',
    uploads: 'MultipartUploads',
    versioning: 'Versioning',
    versions: 'Versions',
    website: 'Website',
  }),
);

const VERBS = new Map([
  ['GET', 'Get'],
  ['HEAD', 'Head'],
  ['PUT', 'Put'],
  ['DELETE', 'Delete'],
  ['POST', 'Post'],
]);

/** Like S3, an unimplemented request is still authorized first: a denied caller sees AccessDenied. */
function unsupported(name: string, level: 'Bucket' | 'Object', action = `s3:${name}`): Route {
  return { unsupported: name, action, bucketLevel: level === 'Bucket' };
}

function unsupportedSubresource(method: string, query: Query, level: 'Bucket' | 'Object'): Route | undefined {
  for (const name of Object.keys(query)) {
    const suffix = SUBRESOURCES.get(name);
    if (!suffix) continue;
    if (method === 'GET' && level === 'Bucket' && name === 'uploads') {
      return unsupported('ListMultipartUploads', level, 's3:ListBucketMultipartUploads');
    }
    return unsupported(`${VERBS.get(method) ?? method}${level}${suffix}`, level);
  }
  return undefined;
}

function listContext(query: Query): Record<string, ContextValue | undefined> {
  const context: Record<string, ContextValue | undefined> = Object.create(null);
  for (const name of ['prefix', 'delimiter', 'max-keys']) {
    const value = queryValue(query, name);
    if (value !== undefined) context[`s3:${name}`] = value;
  }
  return context;
}

function has(query: Query, name: string): boolean {
  return queryValue(query, name) !== undefined;
}

function bucketRoute(method: string, query: Query): Route {
  if (method === 'GET' && queryValue(query, 'list-type') === '2') {
    return {
      operation: 'ListObjectsV2',
      action: 's3:ListBucket',
      bucketLevel: true,
      context: listContext(query),
    };
  }
  if (method === 'GET' && has(query, 'versions')) {
    return {
      operation: 'ListObjectVersions',
      action: 's3:ListBucketVersions',
      bucketLevel: true,
      context: listContext(query),
    };
  }
  if (method === 'POST' && has(query, 'delete')) return { operation: 'DeleteObjects', bucketLevel: true };
  const sub = unsupportedSubresource(method, query, 'Bucket');
  if (sub) return sub;
  switch (method) {
    case 'GET':
      return {
        ...unsupported('ListObjects (version 1; use ListObjectsV2)', 'Bucket', 's3:ListBucket'),
        context: listContext(query),
      };
    case 'HEAD':
      return unsupported('HeadBucket', 'Bucket', 's3:ListBucket');
    case 'PUT':
      return unsupported('CreateBucket', 'Bucket');
    case 'DELETE':
      return unsupported('DeleteBucket', 'Bucket');
    case 'POST':
      return unsupported('PostObject (browser form uploads)', 'Bucket', 's3:PutObject');
    default:
      throw S3Errors.methodNotAllowed(method);
  }
}

function objectRoute(method: string, query: Query, headers: IncomingHttpHeaders): Route {
  const object = (operation: OperationName, action: string): Route => ({
    operation,
    action,
    bucketLevel: false,
  });
  const copy = headers['x-amz-copy-source'] !== undefined;
  // A request naming a version is authorized with the version action (S3 Service Authorization
  // Reference, "Actions, resources, and condition keys for Amazon S3": GetObjectVersion,
  // DeleteObjectVersion).
  const version = has(query, 'versionId');
  switch (method) {
    case 'GET':
      if (has(query, 'uploadId')) return object('ListParts', 's3:ListMultipartUploadParts');
      return (
        unsupportedSubresource(method, query, 'Object') ??
        object('GetObject', version ? 's3:GetObjectVersion' : 's3:GetObject')
      );
    case 'HEAD':
      return object('HeadObject', version ? 's3:GetObjectVersion' : 's3:GetObject');
    case 'PUT':
      if (has(query, 'partNumber') || has(query, 'uploadId')) {
        return copy
          ? unsupported('UploadPartCopy', 'Object', 's3:PutObject')
          : object('UploadPart', 's3:PutObject');
      }
      return (
        unsupportedSubresource(method, query, 'Object') ??
        (copy ? object('CopyObject', 's3:PutObject') : object('PutObject', 's3:PutObject'))
      );
    case 'POST':
      if (has(query, 'uploads')) return object('CreateMultipartUpload', 's3:PutObject');
      if (has(query, 'uploadId')) return object('CompleteMultipartUpload', 's3:PutObject');
      return (
        unsupportedSubresource(method, query, 'Object') ?? unsupported('PostObject', 'Object', 's3:PutObject')
      );
    case 'DELETE':
      if (has(query, 'uploadId')) return object('AbortMultipartUpload', 's3:AbortMultipartUpload');
      return (
        unsupportedSubresource(method, query, 'Object') ??
        object('DeleteObject', version ? 's3:DeleteObjectVersion' : 's3:DeleteObject')
      );
    default:
      throw S3Errors.methodNotAllowed(method);
  }
}

/** Resolves a request to its operation (or names it unsupported); MethodNotAllowed for unknown methods. */
export function resolveRoute(method: string, url: RequestUrl, headers: IncomingHttpHeaders): Route {
  if (url.bucket === '') {
    if (method !== 'GET') throw S3Errors.methodNotAllowed(method);
    return { ...unsupported('ListBuckets', 'Bucket', 's3:ListAllMyBuckets'), resource: 'arn:aws:s3:::*' };
  }
  return url.key === undefined ? bucketRoute(method, url.query) : objectRoute(method, url.query, headers);
}
