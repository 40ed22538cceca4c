/*
 * The S3 router: method + path + query (+ x-amz-copy-source) → the operation and the IAM action
 * AWS checks for it. Anything else S3 has but the emulator does not is NotImplemented, by name.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { ContextValue } from '@auth-s3/iam';
import { S3Errors } from './errors.js';
import type { OperationName } from './operations/index.js';
import { type Query, queryValue, type RequestUrl } from './request-url.js';

export interface Route {
  operation: OperationName;
  /** The action the router authorizes; DeleteObjects authorizes each key itself. */
  action?: string;
  /** Bucket-level: the resource is the bucket ARN. */
  bucketLevel: boolean;
  /** Condition keys of this request (ListObjectsV2's s3:prefix, s3:delimiter, s3:max-keys). */
  context?: Record<string, ContextValue | undefined>;
}

/** Subresources S3 knows, with the name their operations carry (`?acl` → GetObjectAcl). */
const SUBRESOURCES: Record<string, string> = {
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
};

const VERBS: Record<string, string> = {
  GET: 'Get',
  HEAD: 'Head',
  PUT: 'Put',
  DELETE: 'Delete',
  POST: 'Post',
};

function unsupportedSubresource(method: string, query: Query, level: 'Bucket' | 'Object'): void {
  for (const name of Object.keys(query)) {
    const suffix = SUBRESOURCES[name];
    if (!suffix) continue;
    const listing = method === 'GET' && (name === 'uploads' || name === 'versions') && level === 'Bucket';
    throw S3Errors.notImplemented(
      listing
        ? `List${suffix === 'Versions' ? 'ObjectVersions' : suffix}`
        : `${VERBS[method] ?? method}${level}${suffix}`,
    );
  }
}

function has(query: Query, name: string): boolean {
  return query[name] !== undefined;
}

function bucketRoute(method: string, query: Query): Route {
  if (method === 'GET' && queryValue(query, 'list-type') === '2') {
    const context: Record<string, ContextValue | undefined> = {};
    for (const name of ['prefix', 'delimiter', 'max-keys']) {
      const value = queryValue(query, name);
      if (value !== undefined) context[`s3:${name}`] = value;
    }
    return { operation: 'ListObjectsV2', action: 's3:ListBucket', bucketLevel: true, context };
  }
  if (method === 'POST' && has(query, 'delete')) return { operation: 'DeleteObjects', bucketLevel: true };
  unsupportedSubresource(method, query, 'Bucket');
  const names: Record<string, string> = {
    GET: 'ListObjects (version 1; use ListObjectsV2)',
    HEAD: 'HeadBucket',
    PUT: 'CreateBucket',
    DELETE: 'DeleteBucket',
    POST: 'PostObject (browser form uploads)',
  };
  throw S3Errors.notImplemented(names[method] ?? `${method} on a bucket`);
}

function objectRoute(method: string, query: Query, headers: IncomingHttpHeaders): Route {
  const object = (operation: OperationName, action: string): Route => ({
    operation,
    action,
    bucketLevel: false,
  });
  const copy = headers['x-amz-copy-source'] !== undefined;
  switch (method) {
    case 'GET':
      if (has(query, 'uploadId')) return object('ListParts', 's3:ListMultipartUploadParts');
      unsupportedSubresource(method, query, 'Object');
      return object('GetObject', 's3:GetObject');
    case 'HEAD':
      return object('HeadObject', 's3:GetObject');
    case 'PUT':
      if (has(query, 'partNumber') || has(query, 'uploadId')) {
        if (copy) throw S3Errors.notImplemented('UploadPartCopy');
        return object('UploadPart', 's3:PutObject');
      }
      unsupportedSubresource(method, query, 'Object');
      return copy ? object('CopyObject', 's3:PutObject') : object('PutObject', 's3:PutObject');
    case 'POST':
      if (has(query, 'uploads')) return object('CreateMultipartUpload', 's3:PutObject');
      if (has(query, 'uploadId')) return object('CompleteMultipartUpload', 's3:PutObject');
      unsupportedSubresource(method, query, 'Object');
      throw S3Errors.notImplemented('POST on an object');
    case 'DELETE':
      if (has(query, 'uploadId')) return object('AbortMultipartUpload', 's3:AbortMultipartUpload');
      unsupportedSubresource(method, query, 'Object');
      return object('DeleteObject', 's3:DeleteObject');
    default:
      throw S3Errors.methodNotAllowed(method);
  }
}

/** Resolves a request to its operation; throws NotImplemented / MethodNotAllowed otherwise. */
export function resolveRoute(method: string, url: RequestUrl, headers: IncomingHttpHeaders): Route {
  if (url.bucket === '') throw S3Errors.notImplemented(method === 'GET' ? 'ListBuckets' : `${method} /`);
  return url.key === undefined ? bucketRoute(method, url.query) : objectRoute(method, url.query, headers);
}
