import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export interface Loaded<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  reload: () => void;
  setData: (d: T) => void;
}

// Runs an async loader when deps change; ignores answers that arrive after a newer call.
export function useLoad<T>(fn: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  const gen = useRef(0);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const mine = ++gen.current;
    setState((s) => ({ ...s, loading: true, error: null }));
    fn().then(
      (data) => {
        if (mine === gen.current) setState({ data, error: null, loading: false });
      },
      (error) => {
        if (mine === gen.current) setState({ data: null, error, loading: false });
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const setData = useCallback((d: T) => setState({ data: d, error: null, loading: false }), []);
  return { ...state, reload, setData };
}

export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · SecureBase` : 'SecureBase';
  }, [title]);
}

export function prefersReducedMotion(): boolean {
  return !!window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}
