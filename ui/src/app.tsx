/** The shell: header with navigation and the language switch, then the view the URL names. */
import { Link, paths, useLocation } from './router.js';
import { setLang, t, useLang, type UiLang } from './i18n.js';
import { Read } from './views/Read.js';
import { Search } from './views/Search.js';
import { Speakers } from './views/Speakers.js';
import { Speaker } from './views/Speaker.js';
import { DocumentPage } from './views/Document.js';
import { Accounts } from './views/Accounts.js';
import { useEffect } from 'preact/hooks';

function route(path: string) {
  const m = /^\/(speakers|documents)\/(.+)$/.exec(path);
  if (m) {
    let id = m[2]!;
    try {
      id = decodeURIComponent(id);
    } catch {
      /* keep as given */
    }
    return m[1] === 'speakers' ? { name: 'speakers', view: <Speaker id={id} key={id} /> } : { name: 'document', view: <DocumentPage id={id} key={id} /> };
  }
  switch (path.replace(/\/+$/, '') || '/') {
    case '/':
    case '/read':
      return { name: 'read', view: <Read /> };
    case '/search':
      return { name: 'search', view: <Search /> };
    case '/speakers':
      return { name: 'speakers', view: <Speakers /> };
    case '/accounts':
      return { name: 'accounts', view: <Accounts /> };
    default:
      return { name: 'none', view: <p class="notice">{t('common.notFound')}</p> };
  }
}

const NAV = [
  { name: 'read', href: paths.read(), key: 'nav.read' },
  { name: 'search', href: paths.search(), key: 'nav.search' },
  { name: 'speakers', href: paths.speakers(), key: 'nav.speakers' },
  { name: 'accounts', href: paths.accounts(), key: 'nav.accounts' },
] as const;

export function App() {
  const lang = useLang();
  const { path } = useLocation();
  const current = route(path);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `selon — ${t(NAV.find((n) => n.name === current.name)?.key ?? 'app.tagline')}`;
  }, [lang, current.name]);
  return (
    <>
      <a class="skip" href="#main">{t('common.skip')}</a>
      <header class="top">
        <Link href={paths.read()} class="brand">
          <strong>{t('app.title')}</strong> <span class="tagline">{t('app.tagline')}</span>
        </Link>
        <nav aria-label={t('nav.main')}>
          <ul>
            {NAV.map((n) => (
              <li key={n.name}>
                <Link href={n.href} aria-current={current.name === n.name ? 'page' : undefined}>{t(n.key)}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <div class="lang" role="group" aria-label={t('lang.switch')}>
          {(['fr', 'en'] as UiLang[]).map((l) => (
            <button key={l} type="button" lang={l} aria-pressed={lang === l} onClick={() => setLang(l)}>
              {l.toUpperCase()}
            </button>
          ))}
        </div>
      </header>
      <main id="main" tabIndex={-1}>{current.view}</main>
    </>
  );
}
