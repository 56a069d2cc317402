/** A view whose code loads on demand: a dynamic `import()` that the build splits into its own chunk, fetched on first use. */
import type { ComponentChild, ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * Wraps a lazily imported view. Until its chunk has arrived it renders `placeholder(null)`; if the chunk cannot be fetched
 * (offline) it renders `placeholder(retry)`, and `retry` fetches it again. Once loaded, every later render is synchronous.
 * @see https://esbuild.github.io/api/#splitting
 */
export function onDemand<P extends object>(load: () => Promise<ComponentType<P>>, placeholder: (retry: (() => void) | null) => ComponentChild) {
  let view: ComponentType<P> | null = null;
  let pending: Promise<unknown> | null = null;
  return function OnDemand(props: P) {
    const [failed, setFailed] = useState(false);
    const [, arrived] = useState(0);
    const fetchView = () => {
      setFailed(false);
      pending ??= load().then(
        (v) => (view = v),
        () => (pending = null),
      );
      void pending.then(() => (view ? arrived(1) : setFailed(true)));
    };
    useEffect(() => {
      if (!view) fetchView();
    }, []);
    const View = view;
    return View ? <View {...props} /> : placeholder(failed ? fetchView : null);
  };
}
