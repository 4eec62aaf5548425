/** Load data from the API when the dependencies change: `{data, error, loading, reload, setData}`. */
import { useCallback, useEffect, useRef, useState } from "react";

export function useApi(load, deps) {
  const [state, setState] = useState({ data: null, error: null, loading: true });
  const generation = useRef(0);
  const run = useCallback(load, deps);

  const reload = useCallback(() => {
    const current = ++generation.current;
    setState((s) => ({ ...s, loading: true, error: null }));
    run().then(
      (data) => current === generation.current && setState({ data, error: null, loading: false }),
      (error) => current === generation.current && setState((s) => ({ ...s, error, loading: false })),
    );
  }, [run]);

  useEffect(() => {
    reload();
    return () => {
      generation.current += 1;
    };
  }, [reload]);

  const setData = useCallback((update) => {
    setState((s) => ({ ...s, data: typeof update === "function" ? update(s.data) : update }));
  }, []);

  return { ...state, reload, setData };
}
