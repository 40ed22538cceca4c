/*
 * Component test of the configuration error screen: it names the problem and the command to run.
 */
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load-config';
import { ConfigError } from './ConfigError';

describe('ConfigError', () => {
  it('says what is wrong and which command fixes it', () => {
    const result = loadConfig({ fileName: 'aws-outputs.local.json', source: 'emulator', text: null });
    if (result.ok) throw new Error('expected a problem');
    render(<ConfigError problem={result.problem} />);
    expect(screen.getByRole('heading', { name: 'The app is not configured yet' })).toBeTruthy();
    expect(screen.getByText('packages/web/aws-outputs.local.json does not exist.')).toBeTruthy();
    expect(screen.getByText('pnpm dev').tagName).toBe('CODE');
  });

  it('on a deployed site, says what is missing and tells whoever runs the site to redeploy', () => {
    const result = loadConfig({
      source: 'site',
      url: 'https://d111.cloudfront.net/aws-outputs.json',
      text: null,
      failure: 'HTTP 403 Forbidden',
    });
    if (result.ok) throw new Error('expected a problem');
    render(<ConfigError problem={result.problem} />);
    expect(
      screen.getByRole('heading', { name: 'This site cannot start: its configuration is missing' }),
    ).toBeTruthy();
    expect(screen.getByText(/aws-outputs\.json, could not be loaded \(HTTP 403 Forbidden\)/)).toBeTruthy();
    expect(screen.getByText(/If you run this site, deploy the stack again/)).toBeTruthy();
    expect(screen.getByText('pnpm cdk deploy').tagName).toBe('CODE');
    expect(screen.queryByText(/pnpm dev/)).toBeNull();
  });
});
