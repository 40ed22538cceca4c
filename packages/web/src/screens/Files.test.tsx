/*
 * Component tests of the files view's upload queue: drag-and-drop, cancel of one upload, and an
 * upload's own error, on the fake library.
 */
import { fireEvent, screen, within } from '@testing-library/react';
import { AbortedError } from 'auth-s3/errors';
import { describe, expect, it } from 'vitest';
import { createFakeAuthS3 } from '../__tests__/fake-auth-s3';
import { renderWithAuth } from '../__tests__/render';
import { Files } from './Files';

const signedIn = async () => {
  const client = createFakeAuthS3({ users: { 'ada@example.com': { password: 'Correct-Horse-9' } } });
  await client.auth.signIn('ada@example.com', 'Correct-Horse-9');
  return client;
};

describe('Files', () => {
  it('uploads dropped files into the folder shown', async () => {
    const client = await signedIn();
    renderWithAuth(<Files area="shared" path="photos/" view="browse" />, client);
    const main = screen.getByRole('main');
    const dataTransfer = { types: ['Files'], files: [new File(['x'], 'dropped.txt')] };
    fireEvent.dragEnter(main, { dataTransfer });
    expect(screen.getByText('Drop to upload to photos')).toBeTruthy();
    fireEvent.drop(main, { dataTransfer });
    expect(await screen.findByText('Uploaded')).toBeTruthy();
    expect(client.objects.has('public/photos/dropped.txt')).toBe(true);
    expect(screen.queryByText('Drop to upload to photos')).toBeNull();
  });

  it('cancels one upload and leaves the other running', async () => {
    const client = await signedIn();
    const pending: Array<() => void> = [];
    client.files.upload = (_data, path, options) =>
      new Promise((resolve, reject) => {
        options?.onProgress?.({ loaded: 5, total: 10 });
        options?.signal?.addEventListener('abort', () =>
          reject(new AbortedError(`upload ${path} was cancelled.`)),
        );
        pending.push(() =>
          resolve({
            path,
            key: `public/${path}`,
            name: path,
            size: 10,
            lastModified: new Date(),
            etag: '"e"',
          }),
        );
      });
    const { user } = renderWithAuth(<Files area="shared" path="" view="browse" />, client);
    await user.upload(screen.getByLabelText('Choose files to upload'), [
      new File(['1'], 'keep.bin'),
      new File(['2'], 'stop.bin'),
    ]);
    const queue = screen.getByRole('region', { name: 'Uploads' });
    expect(within(queue).getAllByText('50% of 10 bytes')).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Cancel upload of stop.bin' }));
    expect(await within(queue).findByText('Cancelled')).toBeTruthy();
    pending[0]?.();
    expect(await within(queue).findByText('Uploaded')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Cancel upload/ })).toBeNull();
  });

  it('shows Cancelling… until the library has taken the upload back', async () => {
    const client = await signedIn();
    let settle: () => void = () => {};
    client.files.upload = (_data, path, options) =>
      new Promise((_resolve, reject) => {
        // Like the library: after an abort it waits for S3's answers before it rejects.
        options?.signal?.addEventListener('abort', () => {
          settle = () => reject(new AbortedError(`upload ${path} was cancelled.`));
        });
      });
    const { user } = renderWithAuth(<Files area="shared" path="" view="browse" />, client);
    await user.upload(screen.getByLabelText('Choose files to upload'), [new File(['1'], 'slow.bin')]);
    const queue = screen.getByRole('region', { name: 'Uploads' });
    await user.click(screen.getByRole('button', { name: 'Cancel upload of slow.bin' }));
    expect(within(queue).getByText('Cancelling…')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Cancel upload/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Clear finished' })).toBeNull();
    expect(within(queue).getByRole('status').textContent).toBe('Uploads: 1 cancelling.');
    settle();
    expect(await within(queue).findByText('Cancelled')).toBeTruthy();
    expect(within(queue).getByRole('status').textContent).toBe('Uploads: 1 cancelled.');
    await user.click(screen.getByRole('button', { name: 'Clear finished' }));
    expect(screen.queryByRole('region', { name: 'Uploads' })).toBeNull();
  });

  it("shows an upload's own error beside it", async () => {
    const client = await signedIn();
    client.files.upload = async () => {
      throw new TypeError('boom');
    };
    const { user } = renderWithAuth(<Files area="shared" path="" view="browse" />, client);
    await user.upload(screen.getByLabelText('Choose files to upload'), [new File(['1'], 'bad.bin')]);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'bad.bin: Something went wrong. Try again; if it keeps happening, reload the page.',
    );
  });
});
