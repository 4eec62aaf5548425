/** One function per API call, grouped by area; each returns the parsed response body. */
import { api, refreshSession } from "./client.js";
import { clearSession, setSession, storedRefreshToken } from "./session.js";

async function startSession(pairPromise) {
  const pair = await pairPromise;
  setSession(pair);
  return pair;
}

export const auth = {
  signup: (fields) => startSession(api("/auth/signup", { method: "POST", body: fields, auth: false })),
  login: (login, password) =>
    startSession(api("/auth/login", { method: "POST", body: { login, password }, auth: false })),
  /** Sign back in after a reload from the stored refresh token; resolves to null when there is none. */
  restore: () => (storedRefreshToken() ? refreshSession() : Promise.resolve(null)),
  logout: async () => {
    try {
      await api("/auth/logout", { method: "POST" });
    } finally {
      clearSession();
    }
  },
};

export const account = {
  profile: () => api("/account/profile"),
  updateProfile: (changes) => api("/account/profile", { method: "PATCH", body: changes }),
  changePassword: (currentPassword, newPassword) =>
    api("/account/password", {
      method: "POST",
      body: { current_password: currentPassword, new_password: newPassword },
    }),
  exportData: () => api("/account/export"),
  remove: async (password) => {
    await api("/account/delete", { method: "POST", body: { password } });
    clearSession();
  },
};

const room = (id) => `/chat/rooms/${encodeURIComponent(id)}`;

export const chat = {
  rooms: (q) => api("/chat/rooms", { query: { q } }),
  createRoom: (title) => api("/chat/rooms", { method: "POST", body: title ? { title } : {} }),
  renameRoom: (id, title) => api(room(id), { method: "PATCH", body: { title } }),
  deleteRoom: (id) => api(room(id), { method: "DELETE" }),
  messages: (id, { limit = 50, beforeId } = {}) =>
    api(`${room(id)}/messages`, { query: { limit, before_id: beforeId } }),
  /** Send over plain HTTP; resending the same `sequence` returns the stored answer. */
  send: (id, body) => api(`${room(id)}/messages`, { method: "POST", body }),
  /** Send and stream the answer as server-sent events; resolves to the raw Response. */
  stream: (id, body, signal) =>
    api(`${room(id)}/stream`, {
      method: "POST",
      body,
      signal,
      raw: true,
      headers: { Accept: "text/event-stream" },
    }),
  feedback: (messageId, score, comment) =>
    api(`/chat/messages/${encodeURIComponent(messageId)}/feedback`, {
      method: "POST",
      body: { score, comment },
    }),
};

export const catalog = {
  domains: () => api("/domains"),
  departments: () => api("/departments"),
  drugs: (q, signal) => api("/drugs", { query: { q, limit: 10 }, signal }),
  /** `lang` picks the language of the summaries and advice. */
  checkInteractions: (drugs, lang) => api("/interactions/check", { method: "POST", body: { drugs, lang } }),
  hospitals: (params) => api("/hospitals", { query: params }),
};

export const admin = {
  stats: (days) => api("/admin/stats", { query: { days } }),
  users: (shardId, limit = 100) => api("/admin/users", { query: { shard_id: shardId, limit } }),
  shards: () => api("/admin/shards"),
};
