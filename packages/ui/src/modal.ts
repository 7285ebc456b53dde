import { useEffect, useId, useRef } from "react";

/**
 * What every modal on the native <dialog> shares: showModal traps focus and makes the page inert
 * while `open`, Escape calls `onClose`, and focus goes back to what opened it.
 */
export function useModal(open: boolean, onClose: () => void) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    return () => {
      dialog.close();
      opener?.focus();
    };
  }, [open]);
  const onCancel = (event: { preventDefault(): void }) => {
    event.preventDefault();
    onClose();
  };
  return { titleId, dialogProps: { ref, "aria-labelledby": titleId, onCancel } };
}
