/*
 * The baseline's file view on `aws-amplify/storage`: list, upload with progress, download link and
 * delete, under `public/` — the calls the web app's file browser makes through auth-s3.
 */
import { getUrl, list, remove, uploadData } from 'aws-amplify/storage';
import { type ChangeEvent, useCallback, useEffect, useState } from 'react';

interface Item {
  path: string;
  size?: number;
}

export default function FilesView() {
  const [items, setItems] = useState<Item[]>([]);
  const [progress, setProgress] = useState<number>();
  const [error, setError] = useState<string>();

  const refresh = useCallback(async () => {
    const result = await list({ path: 'public/', options: { listAll: true } });
    setItems(result.items.map((item) => ({ path: item.path, size: item.size })));
  }, []);

  useEffect(() => {
    refresh().catch((e: Error) => setError(e.message));
  }, [refresh]);

  const onUpload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    await uploadData({
      path: `public/${file.name}`,
      data: file,
      options: {
        onProgress: ({ transferredBytes, totalBytes }) => setProgress(transferredBytes / (totalBytes ?? 1)),
      },
    }).result;
    await refresh();
  };

  const onDownload = async (path: string) => {
    const { url } = await getUrl({ path, options: { expiresIn: 300 } });
    window.open(url.toString());
  };

  return (
    <section>
      {error && <p role="alert">{error}</p>}
      <input type="file" aria-label="Upload" onChange={onUpload} />
      {progress !== undefined && <progress value={progress} />}
      <ul>
        {items.map((item) => (
          <li key={item.path}>
            <button type="button" onClick={() => onDownload(item.path)}>
              {item.path} ({item.size} bytes)
            </button>
            <button type="button" onClick={() => remove({ path: item.path }).then(refresh)}>
              Delete
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
