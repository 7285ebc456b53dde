import type { ReactNode } from "react";
import { useModal } from "./modal.ts";

/** A panel that slides over the page from one side (a modal, see useModal); a backdrop click closes it. */
export function Drawer({
  open,
  onClose,
  title,
  side = "left",
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  side?: "left" | "right";
  children: ReactNode;
}) {
  const { titleId, dialogProps } = useModal(open, onClose);
  return (
    <dialog
      {...dialogProps}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog element itself.
        if (event.target === event.currentTarget) onClose();
      }}
      className={`fixed inset-y-0 m-0 h-dvh max-h-none w-[min(20rem,85vw)] max-w-none overflow-y-auto border-line bg-surface p-0 text-ink shadow-xl backdrop:bg-black/40 ${side === "left" ? "left-0 border-r" : "right-0 left-auto border-l"}`}
    >
      {open && (
        <div className="p-4">
          <div className="mb-4 flex items-center justify-between gap-4">
            <h2 id={titleId} className="text-lg font-semibold">
              {title}
            </h2>
            <button type="button" onClick={onClose} className="min-h-10 rounded-md border border-line px-3 text-sm">
              Close
            </button>
          </div>
          {children}
        </div>
      )}
    </dialog>
  );
}
