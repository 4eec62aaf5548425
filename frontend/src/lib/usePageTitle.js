import { useEffect } from "react";

/** Set the document title to `title · MediChain`. */
export function usePageTitle(title) {
  useEffect(() => {
    document.title = title ? `${title} · MediChain` : "MediChain";
  }, [title]);
}
