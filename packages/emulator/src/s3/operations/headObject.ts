/* HeadObject: GetObject's headers and status without the body (errors carry no body either). */
import type { OperationFactory } from './operation.js';
import { readObject } from './read-object.js';

export const headObject: OperationFactory = (services) => (ctx) => readObject(services, ctx, true);
