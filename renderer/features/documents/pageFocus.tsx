import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

/** A request to focus a page's thumbnail once it is rendered in its new place (after Alt+↑/↓). */
interface FocusRequest {
  readonly pageId: string;
  readonly serial: number;
}

interface PageFocus {
  readonly request: FocusRequest | null;
  focusPage(pageId: string): void;
}

const PageFocusContext = createContext<PageFocus>({ request: null, focusPage: () => undefined });

export function PageFocusProvider({ children }: { readonly children: ReactNode }) {
  const [request, setRequest] = useState<FocusRequest | null>(null);
  const focusPage = useCallback((pageId: string) => setRequest((previous) => ({ pageId, serial: (previous?.serial ?? 0) + 1 })), []);
  const value = useMemo(() => ({ request, focusPage }), [request, focusPage]);
  return <PageFocusContext.Provider value={value}>{children}</PageFocusContext.Provider>;
}

export function usePageFocus(): PageFocus {
  return useContext(PageFocusContext);
}
