import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from "react";

/** A cheap way back from what was just done, e.g. "Undo" after hiding a review. */
export type ToastAction = { label: string; onClick: () => void };
type Show = (message: string, action?: ToastAction) => void;

const ToastContext = createContext<Show>(() => {});
const LIFETIME_MS = 5000;
/** Long enough to reach an Undo button with the keyboard. */
const WITH_ACTION_MS = 10_000;

/**
 * Short confirmations of completed actions ("Brand deleted."). The live region is always in the
 * page, so screen readers announce each message as it is added; each disappears after 5 s, or
 * 10 s when it offers an action.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<{ id: number; message: string; action?: ToastAction }[]>([]);
  const next = useRef(0);
  const dismiss = useCallback((id: number) => setToasts((current) => current.filter((toast) => toast.id !== id)), []);
  const show = useCallback<Show>(
    (message, action) => {
      const id = ++next.current;
      setToasts((current) => [...current, { id, message, ...(action && { action }) }]);
      setTimeout(() => dismiss(id), action ? WITH_ACTION_MS : LIFETIME_MS);
    },
    [dismiss],
  );
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div
        role="status"
        aria-live="polite"
        className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex flex-col items-center gap-2 px-4"
      >
        {toasts.map((toast) => (
          <p
            key={toast.id}
            className="flex items-center gap-4 rounded-md bg-ink px-4 py-3 text-sm text-surface shadow-lg"
            data-testid="toast"
          >
            {toast.message}
            {toast.action && (
              <button
                type="button"
                className="pointer-events-auto rounded font-semibold underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-offset-2"
                onClick={() => {
                  dismiss(toast.id);
                  toast.action?.onClick();
                }}
              >
                {toast.action.label}
              </button>
            )}
          </p>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

/** Shows a toast, optionally with an action; a no-op outside a ToastProvider. */
export const useToast = () => useContext(ToastContext);
