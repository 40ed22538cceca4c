/*
 * Component tests of the listing table: sorting by column (with aria-sort), folders first, and paging
 * through a large folder.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FileItem } from 'auth-s3';
import { describe, expect, it, vi } from 'vitest';
import { FileTable, PAGE_SIZE } from './FileTable';

const file = (name: string, size: number, day: number): FileItem => ({
  path: name,
  key: `public/${name}`,
  name,
  size,
  lastModified: new Date(Date.UTC(2026, 0, day)),
  etag: '"e"',
});

const handlers = { onDownload: vi.fn(), onPreview: vi.fn(), onDelete: vi.fn() };

const names = () =>
  within(screen.getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.querySelector('.file-name, a')?.textContent);

describe('FileTable', () => {
  it('lists folders first, then files by name, and re-sorts by size', async () => {
    const user = userEvent.setup();
    render(
      <FileTable
        path=""
        folders={[{ name: 'photos', path: 'photos/', prefix: 'public/photos/' }]}
        items={[file('b.txt', 10, 1), file('a.txt', 30, 2), file('c.txt', 20, 3)]}
        {...handlers}
      />,
    );
    expect(names()).toEqual(['photos', 'a.txt', 'b.txt', 'c.txt']);
    expect(screen.getByRole('link', { name: 'photos' }).getAttribute('href')).toBe('#/files/photos/');

    await user.click(screen.getByRole('button', { name: /^Size/ }));
    expect(names()).toEqual(['photos', 'b.txt', 'c.txt', 'a.txt']);
    expect(screen.getByRole('columnheader', { name: /^Size/ }).getAttribute('aria-sort')).toBe('ascending');

    await user.click(screen.getByRole('button', { name: /^Size/ }));
    expect(names()).toEqual(['photos', 'a.txt', 'c.txt', 'b.txt']);
    expect(screen.getByRole('columnheader', { name: /^Size/ }).getAttribute('aria-sort')).toBe('descending');
  });

  it('renders a folder of 10,000 objects a page at a time', async () => {
    const user = userEvent.setup();
    const items = Array.from({ length: 10_005 }, (_, i) => file(`f${i}.bin`, i, 1));
    render(<FileTable path="" folders={[]} items={items} {...handlers} />);
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(PAGE_SIZE + 1);
    expect(screen.getByText('Page 1 of 101 (10,005 entries)')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Previous page' }).hasAttribute('disabled')).toBe(true);
    await user.click(screen.getByRole('button', { name: /^Size/ }));
    await user.click(screen.getByRole('button', { name: /^Size/ }));
    expect(names()[0]).toBe('f10004.bin');
    expect(screen.getByText('Page 1 of 101 (10,005 entries)')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(screen.getByText('Page 2 of 101 (10,005 entries)')).toBeTruthy();
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(PAGE_SIZE + 1);
  });

  it('offers a preview for images only, and names every action after its file', async () => {
    const user = userEvent.setup();
    render(
      <FileTable
        path=""
        folders={[]}
        items={[file('cat.png', 1, 1), file('notes.txt', 1, 1)]}
        {...handlers}
      />,
    );
    expect(screen.queryByRole('button', { name: 'Preview notes.txt' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Preview cat.png' }));
    await user.click(screen.getByRole('button', { name: 'Download notes.txt' }));
    expect(handlers.onPreview).toHaveBeenCalledWith(expect.objectContaining({ name: 'cat.png' }));
    expect(handlers.onDownload).toHaveBeenCalledWith(expect.objectContaining({ name: 'notes.txt' }));
  });
});
