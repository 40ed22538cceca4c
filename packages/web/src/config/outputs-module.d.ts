/*
 * Types of the virtual module `virtual:auth-s3-outputs` served by `scripts/outputs-plugin.ts`.
 */
declare module 'virtual:auth-s3-outputs' {
  const outputs: {
    fileName: string;
    source: 'aws' | 'emulator';
    text: string | null;
  };
  export default outputs;
}
