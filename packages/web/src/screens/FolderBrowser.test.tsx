/*
 * Component tests of the files view's actions on the fake library: new folder and its name checks,
 * rename onto a taken name, the filter, "Replace, keep both or skip?" for uploads, select several
 * and delete them with one confirmation, move across areas, a move that stops halfway, and bringing
 * back deleted files and earlier versions.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { AbortedError } from 'auth-s3/errors';
import { describe, expect, it } from 'vitest';
import { createFakeAuthS3 } from '../__tests__/fake-auth-s3';
import { renderWithAuth } from '../__tests__/render';
import { Files } from './Files';

const MINE = 'private/us-east-1:id-ada@example.com/';

const signedIn = async (seed: Record<string, string> = {}) => {
  const client = createFakeAuthS3({ users: { 'ada@example.com': { password: 'Correct-Horse-9' } } });
  await client.auth.signIn('ada@example.com', 'Correct-Horse-9');
  for (const [path, text] of Object.entries(seed)) await client.myFiles.upload(new Blob([text]), path);
  client.calls.length = 0;
  return client;
};

const rowNames = () =>
  within(screen.getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.querySelector('.file-name, a')?.textContent);

const text = (key: string, client: Awaited<ReturnType<typeof signedIn>>) =>
  client.objects.get(key)?.data.text();

describe('FolderBrowser', () => {
  it('creates a folder, refusing a bad name with a message before any request', async () => {
    const client = await signedIn();
    const { user } = renderWithAuth(<Files area="mine" path="" view="browse" />, client);
    await screen.findByText('This folder is empty');
    await user.click(screen.getByRole('button', { name: 'New folder' }));
    const dialog = screen.getByRole('dialog', { name: 'New folder' });
    const field = within(dialog).getByLabelText('Folder name');
    for (const [name, message] of [
      ['a/b', 'A folder name cannot contain "/". Use another character, such as "-".'],
      ['..', '".." cannot be a folder name. Use a plain name.'],
      [
        'tab\there',
        'The folder name contains a control character (such as a tab or a line break). Remove it.',
      ],
      // The key counts the area's prefix and the folder's slash.
      ['x'.repeat(1000), `The folder name is too long here by ${MINE.length + 1001 - 1024} bytes`],
    ] as const) {
      await user.clear(field);
      await user.click(field);
      await user.paste(name);
      await user.click(within(dialog).getByRole('button', { name: 'Create folder' }));
      expect(within(dialog).getByText((t) => t.startsWith(message))).toBeTruthy();
      expect(field.getAttribute('aria-invalid')).toBe('true');
    }
    expect(client.calls.filter((c) => c.includes('createFolder'))).toEqual([]);

    await user.clear(field);
    await user.type(field, 'Reports{Enter}');
    expect(await screen.findByText('Created folder Reports.')).toBeTruthy();
    expect(client.objects.has(`${MINE}Reports/`)).toBe(true);
    expect(await screen.findByRole('link', { name: 'Reports' })).toBeTruthy();
  });

  it('asks before a rename onto a taken name, and replaces only when told to', async () => {
    const client = await signedIn({ 'draft.txt': 'new words', 'final.txt': 'old words' });
    const { user } = renderWithAuth(<Files area="mine" path="" view="browse" />, client);
    await user.click(await screen.findByRole('button', { name: 'Rename draft.txt' }));
    const field = within(screen.getByRole('dialog', { name: 'Rename draft.txt' })).getByLabelText('New name');
    await user.clear(field);
    await user.type(field, 'final.txt{Enter}');
    const ask = await screen.findByRole('dialog', { name: 'Replace final.txt?' });
    expect(await text(`${MINE}draft.txt`, client)).toBe('new words');
    await user.click(within(ask).getByRole('button', { name: 'Replace' }));
    expect(await screen.findByText('Renamed draft.txt to final.txt.')).toBeTruthy();
    expect(await text(`${MINE}final.txt`, client)).toBe('new words');
    expect(client.objects.has(`${MINE}draft.txt`)).toBe(false);
  });

  it('filters the folder by name, ignoring case', async () => {
    const client = await signedIn({
      'Invoice-1.pdf': '1',
      'invoice-2.pdf': '2',
      'photo.png': '3',
      'old/x.txt': '4',
    });
    const { user } = renderWithAuth(<Files area="mine" path="" view="browse" />, client);
    await screen.findByRole('table');
    await user.type(screen.getByLabelText('Filter by name'), 'INVOICE');
    expect(rowNames()).toEqual(['Invoice-1.pdf', 'invoice-2.pdf']);
    await user.clear(screen.getByLabelText('Filter by name'));
    await user.type(screen.getByLabelText('Filter by name'), 'zzz');
    expect(screen.getByText('No name in this folder contains “zzz”.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('asks "Replace, keep both or skip?" when an upload would replace a file', async () => {
    const client = await signedIn({ 'notes.txt': 'first', 'notes (1).txt': 'taken', 'skip.txt': 'kept' });
    const { user } = renderWithAuth(<Files area="mine" path="" view="browse" />, client);
    await screen.findByRole('table');
    const upload = (name: string, body: string) =>
      user.upload(screen.getByLabelText('Choose files to upload'), [new File([body], name)]);

    await upload('notes.txt', 'second');
    let ask = await screen.findByRole('dialog', { name: 'Replace notes.txt?' });
    expect(within(ask).getByText('notes (2).txt')).toBeTruthy();
    expect(await text(`${MINE}notes.txt`, client)).toBe('first');
    await user.click(within(ask).getByRole('button', { name: 'Keep both' }));
    await waitFor(() => expect(client.objects.has(`${MINE}notes (2).txt`)).toBe(true));
    expect(await text(`${MINE}notes.txt`, client)).toBe('first');
    expect(await text(`${MINE}notes (2).txt`, client)).toBe('second');

    await upload('notes.txt', 'third');
    ask = await screen.findByRole('dialog', { name: 'Replace notes.txt?' });
    await user.click(within(ask).getByRole('button', { name: 'Replace' }));
    await waitFor(async () => expect(await text(`${MINE}notes.txt`, client)).toBe('third'));

    await upload('skip.txt', 'never');
    ask = await screen.findByRole('dialog', { name: 'Replace skip.txt?' });
    await user.click(within(ask).getByRole('button', { name: 'Skip' }));
    expect(await screen.findByText('Skipped')).toBeTruthy();
    expect(await text(`${MINE}skip.txt`, client)).toBe('kept');
    expect(client.calls.filter((c) => c.startsWith('mine:upload:skip.txt'))).toEqual([
      'mine:upload:skip.txt:if-none-match',
    ]);
  });

  it('refuses to upload a file whose name has a control character, without a request', async () => {
    const client = await signedIn();
    const { user } = renderWithAuth(<Files area="mine" path="" view="browse" />, client);
    await screen.findByText('This folder is empty');
    await user.upload(screen.getByLabelText('Choose files to upload'), [
      new File(['x'], 'bad\u0007name.txt'),
    ]);
    expect((await screen.findByRole('alert')).textContent).toMatch('contains a control character');
    expect(client.calls.filter((c) => c.includes('upload'))).toEqual([]);
  });

  it('deletes several selected entries, a folder with its contents, after one confirmation with the count', async () => {
    const client = await signedIn({
      'a.txt': 'a',
      'b.txt': 'b',
      'c.txt': 'c',
      'old/1.txt': '1',
      'old/deep/2.txt': '2',
    });
    const { user } = renderWithAuth(<Files area="mine" path="" view="browse" />, client);
    await user.click(await screen.findByRole('checkbox', { name: 'Select old' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select a.txt' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select b.txt' }));
    const bar = screen.getByRole('toolbar', { name: 'Selected items' });
    expect(within(bar).getByText('3 items selected')).toBeTruthy();
    await user.click(within(bar).getByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete 3 items?' });
    expect(dialog.textContent).toMatch(
      'The 3 items you selected, folders with everything in them, will be deleted.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Delete 3 items' }));
    expect(await screen.findByText('Deleted 3 items.')).toBeTruthy();
    expect([...client.objects.keys()]).toEqual([`${MINE}c.txt`]);
    expect(client.calls).toContain('mine:removeMany:a.txt,b.txt');
    expect(client.calls).toContain('mine:removeFolder:old/');
    expect(rowNames()).toEqual(['c.txt']);
  });

  it('shows the progress of a folder delete and cancels it, saying what was left', async () => {
    const client = await signedIn({ 'big/1.bin': '1', 'big/2.bin': '2', 'big/3.bin': '3' });
    client.myFiles.removeFolder = (_path, options) =>
      new Promise((resolve) => {
        options?.onProgress?.({ done: 1, total: 3 });
        options?.signal?.addEventListener('abort', () =>
          resolve({
            removed: ['big/1.bin'],
            failed: ['big/2.bin', 'big/3.bin'].map((path) => ({
              path,
              error: new AbortedError('Cancelled.'),
            })),
          }),
        );
      });
    const { user } = renderWithAuth(<Files area="mine" path="" view="browse" />, client);
    await user.click(await screen.findByRole('button', { name: 'Delete big' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this folder?' });
    expect(dialog.textContent).toMatch('big and everything in it will be deleted.');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    const progress = await screen.findByRole('region', { name: 'Progress' });
    expect(within(progress).getByText('1 of 3 files')).toBeTruthy();
    expect(within(progress).getByRole('status').textContent).toBe('Deleting big…');
    await user.click(within(progress).getByRole('button', { name: 'Cancel' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch('Deleted 1 file; some could not be deleted.');
    expect(within(alert).getByText('big/2.bin (Cancelled.)')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Progress' })).toBeNull();
  });

  it('moves a folder from My files to Shared through the folder picker', async () => {
    const client = await signedIn({ 'trip/a.jpg': 'a', 'trip/b.jpg': 'b' });
    await client.files.createFolder('albums');
    const { user } = renderWithAuth(<Files area="mine" path="" view="browse" />, client);
    await user.click(await screen.findByRole('checkbox', { name: 'Select trip' }));
    await user.click(screen.getByRole('button', { name: 'Move…' }));
    const picker = screen.getByRole('dialog', { name: 'Move trip' });
    await user.click(within(picker).getByRole('radio', { name: 'Shared' }));
    await user.click(await within(picker).findByRole('button', { name: 'Open folder albums' }));
    expect(within(picker).getByText('Shared / albums')).toBeTruthy();
    await user.click(within(picker).getByRole('button', { name: 'Move here' }));
    expect(await screen.findByText('Moved 2 files to Shared / albums.')).toBeTruthy();
    expect(await text('public/albums/trip/a.jpg', client)).toBe('a');
    expect(client.objects.has(`${MINE}trip/a.jpg`)).toBe(false);
  });

  it('says what moved and what did not when a folder move stops halfway', async () => {
    const client = await signedIn({ 'box/1.txt': '1', 'box/2.txt': '2', 'box/3.txt': '3' });
    await client.myFiles.createFolder('dest');
    client.bucket.denyCopy.add(`${MINE}box/2.txt`);
    const { user } = renderWithAuth(<Files area="mine" path="" view="browse" />, client);
    await user.click(await screen.findByRole('checkbox', { name: 'Select box' }));
    await user.click(screen.getByRole('button', { name: 'Move…' }));
    const picker = screen.getByRole('dialog', { name: 'Move box' });
    await user.click(await within(picker).findByRole('button', { name: 'Open folder dest' }));
    await user.click(within(picker).getByRole('button', { name: 'Move here' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch('Moved 1 file to My files / dest, then stopped');
    expect(alert.textContent).toMatch('Nothing was lost.');
    expect(within(alert).getByText('Moved: box/1.txt')).toBeTruthy();
    expect(within(alert).getByText('Not moved, still where they were: box/2.txt, box/3.txt')).toBeTruthy();
    expect(client.objects.has(`${MINE}box/2.txt`)).toBe(true);
    expect(client.objects.has(`${MINE}dest/box/1.txt`)).toBe(true);
  });

  it('restores deleted files from Recently deleted, those of a deleted folder too', async () => {
    const client = await signedIn({ 'gone.txt': 'still here', 'old/deep.txt': 'deep' });
    await client.myFiles.remove('gone.txt');
    await client.myFiles.removeFolder('old/');
    window.location.hash = '#/my/?deleted';
    const { user } = renderWithAuth(<Files area="mine" path="" view="deleted" />, client);
    expect(await screen.findByRole('heading', { name: 'Recently deleted' })).toBeTruthy();
    await user.click(await screen.findByRole('button', { name: 'Restore gone.txt' }));
    expect(await screen.findByText('Restored gone.txt.')).toBeTruthy();
    expect(await text(`${MINE}gone.txt`, client)).toBe('still here');
    await user.click(screen.getByRole('button', { name: 'Restore old/deep.txt' }));
    expect(await screen.findByText('Restored old/deep.txt.')).toBeTruthy();
    expect(await text(`${MINE}old/deep.txt`, client)).toBe('deep');
    expect(screen.getByText('Nothing deleted here')).toBeTruthy();
  });

  it("restores a file's earlier version with its old bytes", async () => {
    const client = await signedIn({ 'essay.txt': 'draft one' });
    await client.myFiles.upload(new Blob(['draft two']), 'essay.txt');
    const { user } = renderWithAuth(<Files area="mine" path="" view="browse" />, client);
    await user.click(await screen.findByRole('button', { name: 'Versions essay.txt' }));
    const dialog = screen.getByRole('dialog', { name: 'Versions of essay.txt' });
    expect(await within(dialog).findByText(/Version 2: .* \(current\)/)).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: 'Restore version 2' })).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Restore version 1' }));
    expect(await screen.findByText(/^Restored essay.txt to version 1/)).toBeTruthy();
    expect(await text(`${MINE}essay.txt`, client)).toBe('draft one');
  });
});
