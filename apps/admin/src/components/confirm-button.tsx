import { Button, Dialog } from "@shop/ui";
import { useState, type ReactNode } from "react";

/**
 * A button for a destructive action that first asks, in a modal dialog, whether to go ahead.
 * Cancel is focused first (the safe choice); focus returns to the button afterwards.
 */
export function ConfirmButton({
  title,
  description,
  confirmLabel,
  onConfirm,
  children,
}: {
  title: string;
  description?: string;
  confirmLabel: string;
  onConfirm: () => void;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="ghost" onClick={() => setOpen(true)}>
        {children}
      </Button>
      {open && (
        <Dialog open onClose={() => setOpen(false)} title={title}>
          {description && <p className="mb-4 text-sm text-muted">{description}</p>}
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="secondary" autoFocus onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button
              variant="danger"
              onClick={() => {
                setOpen(false);
                onConfirm();
              }}
            >
              {confirmLabel}
            </Button>
          </div>
        </Dialog>
      )}
    </>
  );
}
