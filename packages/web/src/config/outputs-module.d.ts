/*
 * Types of the virtual module `virtual:auth-s3-outputs`, served by the dev tooling's Vite plugin: its
 * own `OutputsModule` type, so the shape is stated once.
 */
declare module 'virtual:auth-s3-outputs' {
  const outputs: import('@auth-s3/dev-stack/vite-plugin').OutputsModule;
  export default outputs;
}
