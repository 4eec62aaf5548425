/** The page frame: skip link, header with navigation, the always-visible disclaimer, main content. */
import { useEffect, useRef } from "react";
import { auth } from "../api/endpoints.js";
import { useAuth } from "../auth/AuthProvider.jsx";
import { useI18n } from "../i18n/I18nProvider.jsx";
import { navigate } from "../lib/router.js";
import { LanguageSwitch } from "./LanguageSwitch.jsx";

const NAV = [
  { to: "/chat", label: "nav.chat" },
  { to: "/tools/interactions", label: "nav.interactions" },
  { to: "/tools/hospitals", label: "nav.hospitals" },
  { to: "/profile", label: "nav.profile" },
  { to: "/admin", label: "nav.admin", admin: true },
];

function section(path) {
  return path.split("/").slice(0, 3).join("/");
}

function Navigation({ path }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const current = section(path);
  const items = NAV.filter((item) => !item.admin || user.role === "admin");
  return (
    <nav className="main-nav" aria-label={t("nav.label")}>
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <a href={`#${item.to}`} aria-current={current.startsWith(item.to) ? "page" : undefined}>
              {t(item.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function LogoutButton() {
  const { t } = useI18n();
  const logout = async () => {
    try {
      await auth.logout();
    } catch {
      // The session is cleared locally either way; an unreachable server must not keep anyone in.
    }
    navigate("/login");
  };
  return (
    <button type="button" className="link-button" onClick={logout}>
      {t("nav.logout")}
    </button>
  );
}

export function Layout({ path, children }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const mainRef = useRef(null);
  const area = section(path);
  const firstRender = useRef(true);

  // Moving between areas moves focus to the new content, as a page load would.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [area]);

  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={(e) => (e.preventDefault(), mainRef.current?.focus())}>
        {t("nav.skip")}
      </a>
      <header className="app-header">
        <a className="brand" href="#/chat">
          <span aria-hidden="true" className="brand-mark">
            +
          </span>
          MediChain
        </a>
        {user && <Navigation path={path} />}
        <div className="header-tools">
          <LanguageSwitch />
          {user && (
            <>
              <span className="user-chip" title={t("nav.signedInAs")}>
                {user.user_id}
              </span>
              <LogoutButton />
            </>
          )}
        </div>
      </header>
      <p className="disclaimer-bar" role="note">
        {t("disclaimer.global")}{" "}
        <a href="tel:119" className="disclaimer-call">
          {t("disclaimer.call119")}
        </a>
      </p>
      <main id="main" ref={mainRef} tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
