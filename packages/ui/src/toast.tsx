import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from "react";

const ToastContext = createContext<(message: string) => void>(() => {});

/**
 * Short confirmations of completed actions ("Brand deleted."). The live region is always in the
 * page, so screen readers announce each message as it is added; each disappears after 5 s.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<{ id: number; message: string }[]>([]);
  const next = useRef(0);
  const show = useCallback((message: string) => {
    const id = ++next.current;
    setToasts((current) => [...current, { id, message }]);
    setTimeout(() => setToasts((current) => current.filter((toast) => toast.id !== id)), 5000);
  }, []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div role="status" aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex flex-col items-center gap-2 px-4">
        {toasts.map((toast) => (
          <p key={toast.id} className="rounded-md bg-ink px-4 py-3 text-sm text-surface shadow-lg" data-testid="toast">
            {toast.message}
          </p>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

/** Shows a toast; a no-op outside a ToastProvider. */
export const useToast = () => useContext(ToastContext);
