/*
 * A modal preview of an image file, loaded through a presigned URL.
 */
import { useEffect, useRef } from 'react';

/** Shows `url` as an image named `name`, until closed. */
export function ImagePreview({ name, url, onClose }: { name: string; url: string; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog dialog-preview"
      aria-labelledby="preview-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="preview-header">
        <h2 id="preview-title">{name}</h2>
        <button type="button" className="button button-secondary" onClick={onClose}>
          Close preview
        </button>
      </div>
      <img className="preview-image" src={url} alt={`Preview of ${name}`} />
    </dialog>
  );
}
