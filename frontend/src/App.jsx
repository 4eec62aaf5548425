/** Routes, the guard that sends signed-out visitors to the login page, and the app frame. */
import { useEffect } from "react";
import { AuthProvider, useAuth } from "./auth/AuthProvider.jsx";
import { Layout } from "./components/Layout.jsx";
import { I18nProvider, useI18n } from "./i18n/I18nProvider.jsx";
import { matchRoute, navigate, useHashRoute } from "./lib/router.js";
import { AdminPage } from "./pages/AdminPage.jsx";
import { ChatPage } from "./pages/ChatPage.jsx";
import { HospitalsPage } from "./pages/HospitalsPage.jsx";
import { InteractionsPage } from "./pages/InteractionsPage.jsx";
import { LoginPage } from "./pages/LoginPage.jsx";
import { ProfilePage } from "./pages/ProfilePage.jsx";
import { SignupPage } from "./pages/SignupPage.jsx";

const HOME = "/chat";

/** access: "guest" (only signed out), "user" (signed in), "admin" (signed in with the admin role). */
const ROUTES = {
  "/login": { page: LoginPage, access: "guest" },
  "/signup": { page: SignupPage, access: "guest" },
  "/chat": { page: ChatPage, access: "user" },
  "/chat/:roomId": { page: ChatPage, access: "user" },
  "/tools/interactions": { page: InteractionsPage, access: "user" },
  "/tools/hospitals": { page: HospitalsPage, access: "user" },
  "/profile": { page: ProfilePage, access: "user" },
  "/admin": { page: AdminPage, access: "admin" },
};

function Redirect({ to }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

function Message({ text }) {
  return (
    <div className="page">
      <h1>{text}</h1>
      <p>
        <a href={`#${HOME}`}>MediChain</a>
      </p>
    </div>
  );
}

function Routes() {
  const { t } = useI18n();
  const { user, restoring } = useAuth();
  const { path } = useHashRoute();
  if (restoring) return <p className="hint center">{t("common.loading")}</p>;

  const match = matchRoute(path, Object.keys(ROUTES));
  let content;
  if (path === "/") content = <Redirect to={user ? HOME : "/login"} />;
  else if (!match) content = <Message text={t("page.notFound")} />;
  else {
    const { page: Page, access } = ROUTES[match.pattern];
    if (access === "guest" && user) content = <Redirect to={HOME} />;
    else if (access !== "guest" && !user) content = <Redirect to="/login" />;
    else if (access === "admin" && user.role !== "admin") content = <Message text={t("page.forbidden")} />;
    // Keyed by pattern: moving between rooms keeps the chat mounted, moving between pages resets state.
    else content = <Page key={match.pattern.split("/")[1]} params={match.params} />;
  }
  return <Layout path={path}>{content}</Layout>;
}

export function App() {
  return (
    <I18nProvider>
      <AuthProvider>
        <Routes />
      </AuthProvider>
    </I18nProvider>
  );
}
