/**
 * Hash routing (`#/chat/12`): the server only ever serves `/`, so no fallback route is needed.
 */
import { useEffect, useState } from "react";

/** Split a hash such as `#/tools/hospitals?city=busan` into a path and its query parameters. */
export function parseHash(hash) {
  const raw = hash.replace(/^#/, "") || "/";
  const [path, search = ""] = raw.split("?", 2);
  return { path: path.startsWith("/") ? path : `/${path}`, query: new URLSearchParams(search) };
}

/** Match `path` against `/chat/:roomId`-style patterns; returns `{pattern, params}` or null. */
export function matchRoute(path, patterns) {
  const parts = path.split("/").filter(Boolean);
  for (const pattern of patterns) {
    const expected = pattern.split("/").filter(Boolean);
    if (expected.length !== parts.length) continue;
    const params = {};
    const matches = expected.every((segment, i) => {
      if (segment.startsWith(":")) {
        params[segment.slice(1)] = decodeURIComponent(parts[i]);
        return true;
      }
      return segment === parts[i];
    });
    if (matches) return { pattern, params };
  }
  return null;
}

export function navigate(path, { replace = false } = {}) {
  const hash = `#${path}`;
  if (replace) window.location.replace(hash);
  else window.location.hash = hash;
}

/** The current route; re-renders on every hash change. */
export function useHashRoute() {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const update = () => setHash(window.location.hash);
    window.addEventListener("hashchange", update);
    return () => window.removeEventListener("hashchange", update);
  }, []);
  return parseHash(hash);
}
