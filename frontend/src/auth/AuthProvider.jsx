/** Who is signed in, for the whole app; restores the session from the refresh token on load. */
import { createContext, useContext, useEffect, useState } from "react";
import { auth } from "../api/endpoints.js";
import { getUser, onSessionChange } from "../api/session.js";

const AuthContext = createContext(null);

export function AuthProvider({ children }) {
  const [user, setUser] = useState(getUser);
  const [restoring, setRestoring] = useState(true);

  useEffect(() => {
    const unsubscribe = onSessionChange(setUser);
    auth
      .restore()
      .catch(() => {}) // an expired or revoked refresh token just means "not signed in"
      .finally(() => setRestoring(false));
    return unsubscribe;
  }, []);

  return <AuthContext.Provider value={{ user, restoring }}>{children}</AuthContext.Provider>;
}

/** `{user: {user_id, role} | null, restoring}`. */
export function useAuth() {
  return useContext(AuthContext);
}
