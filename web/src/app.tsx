// The app shell: header with the step navigation and "Get help now", the routed page,
// and the footer. Pages live in pages/.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { CRISIS_EVENT, UNAUTHORIZED_EVENT } from './api';
import { HelpDialog } from './components/Help';
import { ToastProvider } from './components/Toast';
import { Link, match, navigate, useLocation, type Location } from './router';
import { effectiveTheme, setTheme, type Theme } from './theme';
import { HomePage } from './pages/Home';
import { UnderstandPage } from './pages/Understand';
import { ChoosePage } from './pages/Choose';
import { TakePage } from './pages/Take';
import { ResultPage } from './pages/Result';
import { HistoryPage } from './pages/History';
import { LearnListPage, LearnTopicPage } from './pages/Learn';
import { PeoplePage } from './pages/People';
import { HelpPage } from './pages/HelpPage';
import { NotFoundPage, SignedOutPage } from './pages/Misc';
import { reflectRoute } from './reflect/routes';
import { communicateRoute } from './communicate/routes';
import { trustRoute } from './trust/routes';
import { connectRoute } from './connect/routes';
import { boundariesRoute } from './boundaries/routes';
import { supportRoute } from './support/routes';
import { dataRoute } from './data/routes';
import { RegulatePage } from './regulate/RegulatePage';
import { NowPage } from './regulate/NowPage';
import { PracticePage } from './regulate/PracticePage';
import { HelpsPage } from './regulate/HelpsPage';

type Section =
  | 'home'
  | 'understand'
  | 'people'
  | 'help'
  | 'reflect'
  | 'regulate'
  | 'talk'
  | 'trust'
  | 'connect'
  | 'boundaries'
  | 'support'
  | 'data'
  | 'none';

function route(loc: Location): { section: Section; page: ComponentChildren } {
  const p = loc.path;
  let m: Record<string, string> | null;
  if (p === '/' || p === '/index.html') return { section: 'home', page: <HomePage /> };
  if (match('/understand', p)) return { section: 'understand', page: <UnderstandPage /> };
  if (match('/questionnaire', p)) return { section: 'understand', page: <ChoosePage loc={loc} /> };
  if (match('/questionnaire/general', p))
    return { section: 'understand', page: <TakePage key={`g${loc.query.get('instrument') ?? ''}`} about={null} loc={loc} /> };
  if ((m = match('/questionnaire/person/:id', p)) && /^\d+$/.test(m.id))
    return {
      section: 'understand',
      page: <TakePage key={`p${m.id}${loc.query.get('instrument') ?? ''}`} about={Number(m.id)} loc={loc} />,
    };
  if ((m = match('/assessments/:id', p)) && /^\d+$/.test(m.id))
    return { section: 'understand', page: <ResultPage key={m.id} id={Number(m.id)} /> };
  if (match('/history', p)) return { section: 'understand', page: <HistoryPage loc={loc} /> };
  if (match('/learn', p)) return { section: 'understand', page: <LearnListPage /> };
  if ((m = match('/learn/:topic', p))) return { section: 'understand', page: <LearnTopicPage key={m.topic} topic={m.topic} /> };
  if (match('/people', p)) return { section: 'people', page: <PeoplePage loc={loc} /> };
  if (p.startsWith('/reflect')) {
    const page = reflectRoute(loc);
    if (page) return { section: 'reflect', page };
  }
  if (match('/regulate', p)) return { section: 'regulate', page: <RegulatePage /> };
  if (match('/regulate/now', p)) return { section: 'regulate', page: <NowPage /> };
  if (match('/regulate/helps', p)) return { section: 'regulate', page: <HelpsPage /> };
  if ((m = match('/regulate/practice/:id', p)))
    return { section: 'regulate', page: <PracticePage key={m.id + loc.query.toString()} id={m.id} loc={loc} /> };
  // Steps 4-8 and the data page: each folder's routes.tsx answers for its own paths.
  if (p.startsWith('/talk')) {
    const page = communicateRoute(loc);
    if (page) return { section: 'talk', page };
  }
  if (p.startsWith('/trust')) {
    const page = trustRoute(loc);
    if (page) return { section: 'trust', page };
  }
  if (p.startsWith('/connect')) {
    const page = connectRoute(loc);
    if (page) return { section: 'connect', page };
  }
  if (p.startsWith('/boundaries')) {
    const page = boundariesRoute(loc);
    if (page) return { section: 'boundaries', page };
  }
  if (p.startsWith('/support')) {
    const page = supportRoute(loc);
    if (page) return { section: 'support', page };
  }
  if (p.startsWith('/data')) {
    const page = dataRoute(loc);
    if (page) return { section: 'data', page };
  }
  if (match('/help', p)) return { section: 'help', page: <HelpPage /> };
  return { section: 'none', page: <NotFoundPage /> };
}

export function App() {
  const loc = useLocation();
  const [helpOpen, setHelpOpen] = useState(false);
  const [signedOut, setSignedOut] = useState(false);
  const [theme, setThemeState] = useState<Theme>(effectiveTheme);
  const first = useRef(true);

  useEffect(() => {
    const on = () => setSignedOut(true);
    window.addEventListener(UNAUTHORIZED_EVENT, on);
    return () => window.removeEventListener(UNAUTHORIZED_EVENT, on);
  }, []);

  // Saved words that suggest danger: open "Get help now" at once, and keep it open across
  // the navigation that may follow the save.
  const crisisOpen = useRef(false);
  useEffect(() => {
    const on = () => {
      crisisOpen.current = true;
      setHelpOpen(true);
    };
    window.addEventListener(CRISIS_EVENT, on);
    return () => window.removeEventListener(CRISIS_EVENT, on);
  }, []);

  // Follow the system theme while the person has not chosen one.
  useEffect(() => {
    const mq = window.matchMedia?.('(prefers-color-scheme: dark)');
    if (!mq) return;
    const on = () => setThemeState(effectiveTheme());
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);

  // After in-app navigation, start at the top and move focus to the page heading so a
  // screen reader announces the new page.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (crisisOpen.current) crisisOpen.current = false;
    else setHelpOpen(false);
    window.scrollTo(0, 0);
    const t = window.setTimeout(() => {
      const h = document.querySelector<HTMLElement>('main h1');
      if (h) {
        h.setAttribute('tabindex', '-1');
        h.focus({ preventScroll: true });
      }
    }, 0);
    return () => window.clearTimeout(t);
  }, [loc.path]);

  const { section, page } = route(loc);

  // On narrow screens the step row scrolls sideways: keep the current step in view.
  useEffect(() => {
    const current = document.querySelector<HTMLElement>('.steps-nav [aria-current="page"]');
    const row = current?.closest('ul');
    if (!current || !row) return;
    const left = current.offsetLeft; // the row is positioned, so this is within it
    if (left < row.scrollLeft || left + current.offsetWidth > row.scrollLeft + row.clientWidth)
      row.scrollLeft = Math.max(0, left - 16);
  }, [section]);
  const toggleTheme = () => {
    const next = theme === 'dark' ? 'light' : 'dark';
    setTheme(next);
    setThemeState(next);
  };

  return (
    <ToastProvider>
      <a class="skip-link" href="#main">
        Skip to main content
      </a>
      <header class="site-header">
        <div class="header-inner">
          <Link href="/" class="brand" aria-label="SecureBase home">
            <svg class="brand-mark" viewBox="0 0 64 64" width="28" height="28" aria-hidden="true">
              <rect width="64" height="64" rx="14" class="brand-mark-bg" />
              <path
                d="M32 50c-9-6.5-16-12.6-16-21a9 9 0 0 1 16-5.7A9 9 0 0 1 48 29c0 8.4-7 14.5-16 21z"
                class="brand-mark-fg"
              />
            </svg>
            <span>SecureBase</span>
          </Link>
          <div class="header-actions">
            <button
              type="button"
              class="theme-toggle"
              aria-pressed={theme === 'dark'}
              onClick={toggleTheme}
              title={theme === 'dark' ? 'Switch to the light theme' : 'Switch to the dark theme'}
            >
              <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
                {theme === 'dark' ? (
                  <path class="icon-fill" d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z" />
                ) : (
                  <g class="icon-stroke">
                    <circle cx="12" cy="12" r="4.5" />
                    <path d="M12 1.5v3M12 19.5v3M1.5 12h3M19.5 12h3M4.6 4.6l2.1 2.1M17.3 17.3l2.1 2.1M4.6 19.4l2.1-2.1M17.3 6.7l2.1-2.1" />
                  </g>
                )}
              </svg>
              <span class="theme-toggle-text">Dark theme</span>
            </button>
            <Link
              href="/help"
              class="help-link"
              aria-haspopup="dialog"
              onClick={(e) => {
                if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
                e.preventDefault();
                setHelpOpen(true);
              }}
            >
              Get help now
            </Link>
          </div>
        </div>
        <nav class="steps-nav" aria-label="Main">
          <ul>
            <li>
              <Link href="/" aria-current={section === 'home' ? 'page' : undefined}>
                Home
              </Link>
            </li>
            <li>
              <Link href="/understand" aria-current={section === 'understand' ? 'page' : undefined}>
                <span class="step-num" aria-hidden="true">
                  1
                </span>
                <span class="sr-only">Step 1: </span>Understand
              </Link>
            </li>
            <li>
              <Link href="/reflect" aria-current={section === 'reflect' ? 'page' : undefined}>
                <span class="step-num" aria-hidden="true">
                  2
                </span>
                <span class="sr-only">Step 2: </span>Reflect
              </Link>
            </li>
            <li>
              <Link href="/regulate" aria-current={section === 'regulate' ? 'page' : undefined}>
                <span class="step-num" aria-hidden="true">
                  3
                </span>
                <span class="sr-only">Step 3: </span>Regulate
              </Link>
            </li>
            <li>
              <Link href="/talk" aria-current={section === 'talk' ? 'page' : undefined}>
                <span class="step-num" aria-hidden="true">
                  4
                </span>
                <span class="sr-only">Step 4: </span>Talk
              </Link>
            </li>
            <li>
              <Link href="/trust" aria-current={section === 'trust' ? 'page' : undefined}>
                <span class="step-num" aria-hidden="true">
                  5
                </span>
                <span class="sr-only">Step 5: </span>Trust
              </Link>
            </li>
            <li>
              <Link href="/connect" aria-current={section === 'connect' ? 'page' : undefined}>
                <span class="step-num" aria-hidden="true">
                  6
                </span>
                <span class="sr-only">Step 6: </span>Connect
              </Link>
            </li>
            <li>
              <Link href="/boundaries" aria-current={section === 'boundaries' ? 'page' : undefined}>
                <span class="step-num" aria-hidden="true">
                  7
                </span>
                <span class="sr-only">Step 7: </span>Boundaries
              </Link>
            </li>
            <li>
              <Link href="/support" aria-current={section === 'support' ? 'page' : undefined}>
                <span class="step-num" aria-hidden="true">
                  8
                </span>
                <span class="sr-only">Step 8: </span>Support
              </Link>
            </li>
            <li>
              <Link href="/people" aria-current={section === 'people' ? 'page' : undefined}>
                People
              </Link>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" tabindex={-1}>
        {signedOut ? <SignedOutPage /> : page}
      </main>
      <footer class="site-footer">
        <p>
          SecureBase is a companion for reflection, not a diagnosis or a treatment. Your data
          stays on this computer.
        </p>
        <p>
          <Link href="/learn">Learn</Link> · <Link href="/data">Your data</Link> · <Link href="/help">Get help now</Link>
        </p>
      </footer>
      <HelpDialog
        open={helpOpen}
        onClose={() => {
          crisisOpen.current = false;
          setHelpOpen(false);
        }}
      />
    </ToastProvider>
  );
}

export { navigate };
