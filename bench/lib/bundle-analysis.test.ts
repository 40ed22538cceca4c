/*
 * Tests of the initial-load walk over a Vite manifest: static imports are followed transitively
 * with their CSS, dynamic imports are not.
 */
import { describe, expect, it } from 'vitest';
import { initialLoadFiles, type Manifest } from './bundle-analysis.ts';

const manifest: Manifest = {
  'index.html': {
    file: 'assets/index-a.js',
    isEntry: true,
    imports: ['_react-b.js'],
    dynamicImports: ['src/files/FilesView.tsx'],
    css: ['assets/index-a.css'],
  },
  '_react-b.js': { file: 'assets/react-b.js', imports: ['_shared-c.js'] },
  '_shared-c.js': { file: 'assets/shared-c.js', css: ['assets/shared-c.css'] },
  'src/files/FilesView.tsx': {
    file: 'assets/FilesView-d.js',
    isDynamicEntry: true,
    imports: ['_shared-c.js', '_s3-e.js'],
    css: ['assets/FilesView-d.css'],
  },
  '_s3-e.js': { file: 'assets/s3-e.js' },
};

describe('initialLoadFiles', () => {
  it('follows static imports transitively with their CSS and leaves dynamic imports out', () => {
    expect(initialLoadFiles(manifest).sort()).toEqual([
      'assets/index-a.css',
      'assets/index-a.js',
      'assets/react-b.js',
      'assets/shared-c.css',
      'assets/shared-c.js',
    ]);
  });

  it('throws when the manifest has no entry chunk', () => {
    expect(() => initialLoadFiles({ a: { file: 'a.js' } })).toThrow(/no entry chunk/);
  });
});
