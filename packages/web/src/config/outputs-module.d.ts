/*
 * Types of the virtual module `virtual:auth-s3-outputs` served by the dev tooling's Vite plugin
 * (`OutputsModule` of `@auth-s3/dev-stack`, `packages/dev-stack/src/outputs-plugin.ts`).
 */
declare module 'virtual:auth-s3-outputs' {
  const outputs: {
    fileName: string;
    source: 'aws' | 'emulator';
    text: string | null;
  };
  export default outputs;
}
