/**
 * The browser's position, asked for only on request (or silently when permission was already given).
 * status: idle | pending | granted | denied | unavailable; `forget()` stops using it (back to idle).
 */
import { useCallback, useEffect, useState } from "react";

const OPTIONS = { enableHighAccuracy: false, timeout: 10_000, maximumAge: 300_000 };

export function useGeolocation() {
  const [state, setState] = useState({ status: "idle", coords: null });

  const request = useCallback(() => {
    if (!("geolocation" in navigator)) {
      setState({ status: "unavailable", coords: null });
      return;
    }
    setState((s) => ({ ...s, status: "pending" }));
    navigator.geolocation.getCurrentPosition(
      ({ coords }) =>
        setState({ status: "granted", coords: { lat: coords.latitude, lng: coords.longitude } }),
      (error) =>
        setState({ status: error.code === error.PERMISSION_DENIED ? "denied" : "unavailable", coords: null }),
      OPTIONS,
    );
  }, []);

  const forget = useCallback(() => setState({ status: "idle", coords: null }), []);

  useEffect(() => {
    let cancelled = false;
    navigator.permissions
      ?.query({ name: "geolocation" })
      .then((permission) => {
        if (!cancelled && permission.state === "granted") request();
      })
      .catch(() => {});
    return () => {
      cancelled = true;
    };
  }, [request]);

  return { ...state, request, forget };
}
