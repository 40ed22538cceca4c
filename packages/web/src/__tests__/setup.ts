/*
 * Per-file test setup: unmount rendered components between tests (vitest runs without globals, so
 * testing-library cannot register its own cleanup).
 */
import { afterEach } from 'vitest';

afterEach(async () => {
  if (typeof document === 'undefined') return;
  const { cleanup } = await import('@testing-library/react');
  cleanup();
  window.location.hash = '';
});
