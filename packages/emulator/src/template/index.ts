/*
 * `@auth-s3/emulator/template`: reads the synthesized AuthS3Stack template into the StackModel
 * the emulator serves, with deterministic physical ids, and derives the outputs file from it.
 */
export type { LoadStackModelOptions } from './load-stack-model.js';
export { loadStackModel } from './load-stack-model.js';
export { readTemplate } from './read-template.js';
export { toStackOutputs } from './stack-outputs.js';
export type { CfnTemplate } from './template-types.js';
