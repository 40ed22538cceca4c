/*
 * The shell every modal in the app sits in: a native <dialog> opened with showModal (so the browser keeps
 * focus inside and draws the backdrop) whose Escape key calls `onCancel` instead of closing it behind
 * React's back. ConfirmDialog and ImagePreview put their content inside it.
 */
import { type ReactNode, useEffect, useRef } from 'react';

/** Props of {@link ModalDialog}. */
export interface ModalDialogProps {
  /** Id of the element that names the dialog (its heading). */
  labelledBy: string;
  /** Extra class names after `dialog`. */
  className?: string;
  /** Called on Escape; the parent unmounts the dialog to close it. */
  onCancel(): void;
  children: ReactNode;
}

/** A modal dialog, open while mounted. */
export function ModalDialog({ labelledBy, className, onCancel, children }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      // happy-dom and old browsers may lack showModal; an open dialog still works there.
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
  }, []);
  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={labelledBy}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      {children}
    </dialog>
  );
}
