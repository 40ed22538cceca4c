/*
 * Types of the virtual module `virtual:auth-s3-outputs`, served by the dev tooling's Vite plugin: its
 * own `OutputsModule` type, so the shape is stated once.
 */
declare module 'virtual:auth-s3-outputs' {
  /** `null` in a production build, which fetches the site's outputs file instead. */
  const outputs: import('@auth-s3/dev-stack/vite-plugin').OutputsModule | null;
  export default outputs;
}
