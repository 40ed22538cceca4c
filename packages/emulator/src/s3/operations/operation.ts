/*
 * The shape every S3 operation shares: a factory that takes the services it needs and returns
 * the handler for one routed, authenticated and (for single-permission operations) authorized
 * request.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../../clock.js';
import type { StackModel } from '../../stack-model.js';
import type { Authenticated } from '../auth/sigv4.js';
import type { Authorizer } from '../authorize.js';
import type { RequestUrl } from '../request-url.js';
import type { MultipartStore } from '../storage/multipart-store.js';
import type { ObjectStore } from '../storage/object-store.js';

/** What operations may use. */
export interface S3Services {
  model: StackModel;
  clock: Clock;
  objects: ObjectStore;
  uploads: MultipartStore;
}

/** One request, after authentication. */
export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: RequestUrl;
  /** The object key; empty for bucket-level operations. */
  key: string;
  auth: Authenticated;
  /** For operations that need more than the route's one permission (CopyObject, DeleteObjects). */
  authz: Authorizer;
}

export type Operation = (ctx: RequestContext) => Promise<void>;

/** Builds an operation from the services it declares. */
export type OperationFactory = (services: S3Services) => Operation;
