/*
 * Component tests of the listing table: sorting by column (with aria-sort), folders first, and paging
 * through a large folder.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FileItem, FolderItem } from 'auth-s3';
import { describe, expect, it, vi } from 'vitest';
import { toEntries } from '../files/entry';
import { useSelection } from '../files/useSelection';
import { FileTable, PAGE_SIZE } from './FileTable';

const file = (name: string, size: number, day: number): FileItem => ({
  path: name,
  key: `public/${name}`,
  name,
  size,
  lastModified: new Date(Date.UTC(2026, 0, day)),
  etag: '"e"',
});

const onAction = vi.fn();

/** The table with a live selection, as the files view renders it. */
function Table({ folders = [], items }: { folders?: FolderItem[]; items: FileItem[] }) {
  const selection = useSelection();
  return (
    <FileTable
      area="shared"
      path=""
      entries={toEntries(folders, items)}
      selection={selection}
      onAction={onAction}
    />
  );
}

const checked = () =>
  screen
    .getAllByRole('checkbox', { name: /^Select (?!all)/ })
    .filter((box) => (box as HTMLInputElement).checked)
    .map((box) => box.getAttribute('aria-label')?.replace('Select ', ''));

const names = () =>
  within(screen.getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.querySelector('.file-name, a')?.textContent);

describe('FileTable', () => {
  it('lists folders first, then files by name, and re-sorts by size', async () => {
    const user = userEvent.setup();
    render(
      <Table
        folders={[{ name: 'photos', path: 'photos/', prefix: 'public/photos/' }]}
        items={[file('b.txt', 10, 1), file('a.txt', 30, 2), file('c.txt', 20, 3)]}
      />,
    );
    expect(names()).toEqual(['photos', 'a.txt', 'b.txt', 'c.txt']);
    expect(screen.getByRole('link', { name: 'photos' }).getAttribute('href')).toBe('#/shared/photos/');

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
    render(<Table items={items} />);
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
    render(<Table items={[file('cat.png', 1, 1), file('notes.txt', 1, 1)]} />);
    expect(screen.queryByRole('button', { name: 'Preview notes.txt' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Preview cat.png' }));
    await user.click(screen.getByRole('button', { name: 'Download notes.txt' }));
    expect(onAction).toHaveBeenCalledWith('preview', expect.objectContaining({ name: 'cat.png' }));
    expect(onAction).toHaveBeenCalledWith('download', expect.objectContaining({ name: 'notes.txt' }));
  });

  it('sets the range from the last clicked row to the shift-clicked one to its new state', async () => {
    const user = userEvent.setup();
    render(<Table items={['a', 'b', 'c', 'd', 'e'].map((n) => file(`${n}.txt`, 1, 1))} />);
    await user.click(screen.getByRole('checkbox', { name: 'Select b.txt' }));
    await user.keyboard('{Shift>}');
    await user.click(screen.getByRole('checkbox', { name: 'Select d.txt' }));
    await user.keyboard('{/Shift}');
    expect(checked()).toEqual(['b.txt', 'c.txt', 'd.txt']);
    // A plain click unticks c; the shift-click unticks d, and so the range c..d.
    await user.click(screen.getByRole('checkbox', { name: 'Select c.txt' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select e.txt' }));
    expect(checked()).toEqual(['b.txt', 'd.txt', 'e.txt']);
    await user.keyboard('{Shift>}');
    await user.click(screen.getByRole('checkbox', { name: 'Select c.txt' }));
    await user.keyboard('{/Shift}');
    expect(checked()).toEqual(['b.txt', 'c.txt', 'd.txt', 'e.txt']);
    await user.keyboard('{Shift>}');
    await user.click(screen.getByRole('checkbox', { name: 'Select d.txt' }));
    await user.keyboard('{/Shift}');
    expect(checked()).toEqual(['b.txt', 'e.txt']);
  });

  it('selects every row on the page, and only the page, with the header box', async () => {
    const user = userEvent.setup();
    render(<Table items={Array.from({ length: PAGE_SIZE + 5 }, (_, i) => file(`f${i}.bin`, i, 1))} />);
    const all = screen.getByRole('checkbox', { name: 'Select all on this page' }) as HTMLInputElement;
    await user.click(screen.getByRole('checkbox', { name: 'Select f0.bin' }));
    expect(all.indeterminate).toBe(true);
    await user.click(all);
    expect(checked()).toHaveLength(PAGE_SIZE);
    expect(all.checked).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(checked()).toHaveLength(0);
    expect(all.checked).toBe(false);
  });
});
