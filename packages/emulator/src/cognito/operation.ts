/*
 * The shape shared by every emulated AWS operation: a factory that receives the services it
 * declares and returns an async handler from the parsed JSON request to the JSON response.
 * The routers keep them in typed maps keyed by the operation's AWS name.
 */
import type { Services } from './services/index.js';

/** Handles one parsed request. */
export type Operation<Request, Response> = (request: Request) => Promise<Response>;

/** Builds an operation from the services it needs. */
export type OperationFactory<Request, Response, Needs extends keyof Services = keyof Services> = (
  services: Pick<Services, Needs>,
) => Operation<Request, Response>;

/** Any operation factory, as the routers store them. */
// biome-ignore lint/suspicious/noExplicitAny: the map holds operations of every request type
export type AnyOperationFactory = (services: Services) => Operation<any, unknown>;
