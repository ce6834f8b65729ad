// The page: a header with the navigation, one view per route, and a footer. Landmarks
// (banner, navigation, main, contentinfo) and a skip link make it navigable by keyboard and
// screen reader.
import { useEffect } from "react";
import { Link, matchPath, useLocation } from "./router.tsx";
import { ActorView } from "./views/ActorView.tsx";
import { ArticleView } from "./views/ArticleView.tsx";
import { LibraryView } from "./views/LibraryView.tsx";
import { NetworkView } from "./views/NetworkView.tsx";
import { NotFoundView } from "./views/NotFoundView.tsx";
import { TimelineView } from "./views/TimelineView.tsx";

const NAV = [
  {
    to: "/",
    label: "Library",
    active: (path: string) => path === "/" || path.startsWith("/documents/"),
  },
  { to: "/timeline", label: "Timeline", active: (path: string) => path.startsWith("/timeline") },
  {
    to: "/network",
    label: "Actor network",
    active: (path: string) => path.startsWith("/network") || path.startsWith("/actors/"),
  },
];

function Route({ location }: { location: URL }) {
  const path = location.pathname;
  if (path === "/") return <LibraryView params={location.searchParams} />;
  const article = matchPath("/documents/:slug", path);
  if (article) return <ArticleView slug={article.slug!} />;
  if (matchPath("/timeline", path)) return <TimelineView params={location.searchParams} />;
  if (matchPath("/network", path)) return <NetworkView params={location.searchParams} />;
  const actor = matchPath("/actors/:name", path);
  if (actor) return <ActorView name={actor.name!} />;
  return <NotFoundView />;
}

export function App() {
  const location = useLocation();
  // A new view: move the focus to its heading, as a page load would for a screen reader.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every route change
  useEffect(() => {
    document.getElementById("main")?.focus({ preventScroll: true });
  }, [location.pathname]);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          newsgraph
        </Link>
        <nav aria-label="Views">
          <ul>
            {NAV.map((item) => (
              <li key={item.to}>
                <Link
                  to={item.to}
                  aria-current={item.active(location.pathname) ? "page" : undefined}
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Route location={location} />
      </main>
      <footer className="site-footer">
        <p>
          Every highlight is an exact span of the article's text. Data from the newsgraph API —{" "}
          <a href="/graphql">GraphiQL</a>.
        </p>
      </footer>
    </>
  );
}
