/**
 * The HTTP client of the API: JSON in and out, the shared error shape, and one silent token refresh
 * on a 401 before the session is given up.
 */
import { clearSession, getAccessToken, setSession, storedRefreshToken } from "./session.js";

const API_BASE = "/api/v1";

/** A failed call: `status` 0 means the network failed before any answer. */
export class ApiError extends Error {
  constructor({ status, code, message, details = null, retryAfter = null, requestId = null }) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfter = retryAfter;
    this.requestId = requestId;
  }

  get isNetwork() {
    return this.status === 0;
  }
}

async function errorFrom(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    // A proxy's HTML error page or an empty body: fall back to the status line.
  }
  const retryAfter = Number(response.headers.get("Retry-After")) || null;
  return new ApiError({
    status: response.status,
    code: body?.error?.code ?? `http_${response.status}`,
    message: body?.error?.message ?? response.statusText,
    details: body?.error?.details ?? null,
    retryAfter,
    requestId: body?.request_id ?? response.headers.get("X-Request-ID"),
  });
}

function networkError(cause) {
  return new ApiError({ status: 0, code: "network_error", message: String(cause?.message ?? cause) });
}

function buildUrl(path, query) {
  const url = new URL(API_BASE + path, window.location.origin);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== "") url.searchParams.set(name, value);
  }
  return url.pathname + url.search;
}

let refreshing = null;

/**
 * Swap the stored refresh token for a new pair. Concurrent callers share one request, since the
 * server rotates the token and a second use of the old one would fail. A refusal ends the session.
 */
export function refreshSession() {
  refreshing ??= (async () => {
    const refreshToken = storedRefreshToken();
    if (!refreshToken) throw new ApiError({ status: 401, code: "no_session", message: "not signed in" });
    let response;
    try {
      response = await fetch(buildUrl("/auth/refresh"), {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ refresh_token: refreshToken }),
      });
    } catch (cause) {
      throw networkError(cause);
    }
    if (!response.ok) {
      const error = await errorFrom(response);
      if (error.status === 401 || error.status === 403) clearSession();
      throw error;
    }
    const pair = await response.json();
    setSession(pair);
    return pair;
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

async function send(path, { method, body, query, auth, headers, signal }) {
  const allHeaders = { Accept: "application/json", ...headers };
  if (body !== undefined) allHeaders["Content-Type"] = "application/json";
  const token = getAccessToken();
  if (auth && token) allHeaders.Authorization = `Bearer ${token}`;
  try {
    return await fetch(buildUrl(path, query), {
      method,
      headers: allHeaders,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (cause) {
    if (cause?.name === "AbortError") throw cause;
    throw networkError(cause);
  }
}

/**
 * Call the API. Resolves to the parsed JSON body (null for 204), or to the Response itself with
 * `raw: true` (for streams). Rejects with an ApiError.
 */
export async function api(path, { method = "GET", body, query, auth = true, headers, signal, raw = false } = {}) {
  const options = { method, body, query, auth, headers, signal };
  let response = await send(path, options);
  if (response.status === 401 && auth) {
    try {
      await refreshSession();
    } catch (error) {
      if (error.isNetwork) throw error;
      throw await errorFrom(response);
    }
    response = await send(path, options);
    if (response.status === 401) clearSession();
  }
  if (!response.ok) throw await errorFrom(response);
  if (raw) return response;
  if (response.status === 204) return null;
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}
