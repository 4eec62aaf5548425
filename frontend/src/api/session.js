/**
 * The signed-in session: who is signed in and the tokens that prove it.
 *
 * Storage trade-off: the short-lived access token lives only in memory, so no script can find it in
 * storage and it is gone when the tab closes. The refresh token is kept in localStorage so that a reload
 * (or a new tab) stays signed in. Any script running on this origin could read it, so an XSS would leak
 * it: the client therefore never renders untrusted HTML (answers and sources are escaped), the backend
 * serves a strict CSP, and refresh tokens rotate on every use (a stolen one stops working once the real
 * client refreshes). An HttpOnly cookie would remove the exposure but needs CSRF protection on the
 * backend; revisit if the API grows a cookie mode.
 */

const REFRESH_KEY = "medichain.refresh_token";

let accessToken = null;
let user = null; // { user_id, role }
const listeners = new Set();

function notify() {
  for (const listener of listeners) listener(user);
}

/** Store a token pair from signup, login or refresh (the refresh token always rotates). */
export function setSession(pair) {
  accessToken = pair.access_token;
  user = { user_id: pair.user_id, role: pair.role };
  localStorage.setItem(REFRESH_KEY, pair.refresh_token);
  notify();
}

/** Forget everything about the session (logout, expired refresh token, deleted account). */
export function clearSession() {
  const hadSession = user !== null || storedRefreshToken() !== null;
  accessToken = null;
  user = null;
  localStorage.removeItem(REFRESH_KEY);
  if (hadSession) notify();
}

export function getAccessToken() {
  return accessToken;
}

export function getUser() {
  return user;
}

export function storedRefreshToken() {
  return localStorage.getItem(REFRESH_KEY);
}

/** Call `listener(user | null)` whenever the session starts, rotates or ends; returns the unsubscribe. */
export function onSessionChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
