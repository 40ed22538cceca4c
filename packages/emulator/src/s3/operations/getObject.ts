/* GetObject: the object's bytes (whole or one Range), with conditional headers and checksums. */
import type { OperationFactory } from './operation.js';
import { readObject } from './read-object.js';

export const getObject: OperationFactory = (services) => (ctx) => readObject(services, ctx, false);
