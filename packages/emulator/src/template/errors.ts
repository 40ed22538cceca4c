/*
 * The errors of the template loader: the synthesized CloudFormation template cannot be turned into
 * a stack model. Never sent over the wire: the emulator refuses to start, and the message says
 * which part of the template and what to do. A branch of the emulator's error family
 * (`../emulator-error.ts`).
 */
import { EmulatorError } from '../emulator-error.js';

/** Base of the template loader's errors. */
export abstract class TemplateError extends EmulatorError {
  readonly type = 'InvalidTemplate';
  override readonly status = 500;
}
/** The template file is missing or is not a JSON CloudFormation template. */
export class TemplateReadError extends TemplateError {}
/** A resource the emulator needs (user pool, client, identity pool, app bucket) is absent or ambiguous. */
export class TemplateResourceError extends TemplateError {}
/** An intrinsic function or reference the loader cannot resolve; `path` names where, e.g. `Resources.X.Properties.Y`. */
export class UnresolvableIntrinsicError extends TemplateError {
  readonly path: string;
  constructor(path: string, message: string, options?: ErrorOptions) {
    super(`${path}: ${message}`, options);
    this.path = path;
  }
}
