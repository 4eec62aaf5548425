/** The domains the platform serves (`[{name, description: {ko, en}}]`), fetched once per page load. */
import { useEffect, useState } from "react";
import { catalog } from "../api/endpoints.js";

let cached = null;

export function useDomains() {
  const [domains, setDomains] = useState([]);
  useEffect(() => {
    cached ??= catalog.domains().catch(() => {
      cached = null;
      return [];
    });
    let live = true;
    cached.then((list) => live && setDomains(list));
    return () => {
      live = false;
    };
  }, []);
  return domains;
}
