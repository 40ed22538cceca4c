/*
 * A modal preview of an image file, loaded through a presigned URL.
 */
import { ModalDialog } from './ModalDialog';

/** Shows `url` as an image named `name`, until closed. */
export function ImagePreview({ name, url, onClose }: { name: string; url: string; onClose(): void }) {
  return (
    <ModalDialog labelledBy="preview-title" className="dialog-preview" onCancel={onClose}>
      <div className="preview-header">
        <h2 id="preview-title">{name}</h2>
        <button type="button" className="button button-secondary" onClick={onClose}>
          Close preview
        </button>
      </div>
      <img className="preview-image" src={url} alt={`Preview of ${name}`} />
    </ModalDialog>
  );
}
