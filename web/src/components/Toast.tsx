// Short messages at the bottom of the screen, optionally with one action ("Undo").
// They stay while hovered or focused, so there is time to reach the action by keyboard.
import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useRef, useState } from 'preact/hooks';

export interface ToastOptions {
  message: string;
  action?: { label: string; run: () => void | Promise<void> };
  timeoutMs?: number;
}

interface ToastState extends ToastOptions {
  id: number;
}

const ToastContext = createContext<(t: ToastOptions) => void>(() => {});

export function useToast() {
  return useContext(ToastContext);
}

export function ToastProvider({ children }: { children: ComponentChildren }) {
  const [toast, setToast] = useState<ToastState | null>(null);
  const counter = useRef(0);
  const show = useCallback((t: ToastOptions) => {
    setToast({ ...t, id: ++counter.current });
  }, []);
  // Closes a toast only if it is still the one showing (an action may show another).
  const close = useCallback((id: number) => {
    setToast((cur) => (cur && cur.id === id ? null : cur));
  }, []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div class="toast-region" role="status" aria-live="polite" aria-atomic="true">
        {toast && <Toast key={toast.id} toast={toast} onClose={() => close(toast.id)} />}
      </div>
    </ToastContext.Provider>
  );
}

function Toast({ toast, onClose }: { toast: ToastState; onClose: () => void }) {
  const [held, setHeld] = useState(false);
  const [busy, setBusy] = useState(false);
  const timeout = toast.timeoutMs ?? (toast.action ? 10000 : 5000);
  useEffect(() => {
    if (held) return;
    const t = window.setTimeout(onClose, timeout);
    return () => window.clearTimeout(t);
  }, [held, timeout, onClose]);
  return (
    <div
      class="toast"
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocusIn={() => setHeld(true)}
      onFocusOut={() => setHeld(false)}
    >
      <span class="toast-message">{toast.message}</span>
      {toast.action && (
        <button
          type="button"
          class="toast-action"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await toast.action!.run();
            } finally {
              onClose();
            }
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" class="toast-close" aria-label="Dismiss message" onClick={onClose}>
        ×
      </button>
    </div>
  );
}
