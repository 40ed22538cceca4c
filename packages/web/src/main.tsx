/*
 * Entry point: loads the stack configuration, then renders the app under `AuthS3Provider`, or the
 * ConfigError screen when the configuration is missing or broken. Under `pnpm dev` it comes from Vite
 * (`virtual:auth-s3-outputs`); a production build fetches the outputs file the deployment writes
 * next to `index.html`, so one build serves any stack.
 */

import devOutputs from 'virtual:auth-s3-outputs';
import { createAuthS3 } from 'auth-s3';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { AuthS3Provider } from './auth/AuthS3Provider';
import { loadConfig } from './config/load-config';
import { fetchSiteOutputs } from './config/site-outputs';
import { ConfigError } from './screens/ConfigError';
import { prefetchFiles } from './screens/lazy-files';
import './styles.css';

/** Loads the configuration and renders the app, or the ConfigError screen. */
async function start(): Promise<void> {
  // The virtual module is the dev server's outputs file, and `null` in a build, which fetches the site's.
  const outputs = devOutputs ?? (await fetchSiteOutputs(new URL(import.meta.env.BASE_URL, document.baseURI)));

  const root = createRoot(document.getElementById('root') as HTMLElement);
  const result = loadConfig(outputs);

  if (!result.ok) {
    root.render(<ConfigError problem={result.problem} />);
    return;
  }
  const client = createAuthS3(result.config, { storage: 'local' });
  // A stored session means the files view comes next: fetch it now.
  if (client.auth.currentUser()) void prefetchFiles(client.files);
  root.render(
    <StrictMode>
      <AuthS3Provider client={client}>
        <App />
      </AuthS3Provider>
    </StrictMode>,
  );
}

// Not a top-level `await`: one anywhere in the graph turns off Rolldown's chunk optimizations, and
// the modules the lazy views share with the first load then split into many small first-load chunks.
void start();
