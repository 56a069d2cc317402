/** The coach's home shell: token hand-back and storage, the API client with token renewal, theme, language, rendering. */
import { effect } from '@preact/signals';
import { render } from 'preact';
import { ApiError, createJsonFetch } from '../common/shell/http';
import { createClock } from '../common/shell/clock';
import { createLocalStore } from '../common/shell/local-store';
import { newId } from '../common/shell/new-id';
import { keepTokenFresh } from '../common/shell/token-refresh';
import { HomeApp } from './home-app';
import './trajectory/register';
import { HomeModel, type HomeJson } from './home-model';
import { homeStrings } from './home-strings';
import { handBack, tokenStore, type SignInMethod } from './sign-in/hand-back';
import { signInFailureOf } from './sign-in/provider-sign-in';
import { SignInFailureNote } from './sign-in/sign-in-failure';
import { SignInView } from './sign-in/sign-in-view';

/**
 * Mounts `/app`. A token handed back in the fragment (`#token=` or `#handoff=`) is taken and the fragment cleared; without a
 * kept token the sign-in screen shows the ways the server offers. A 401 from the API signs out.
 */
export async function mountHome(root: HTMLElement, win: Window = window): Promise<void> {
  const tokens = tokenStore(createLocalStore('coaching-home'));
  const dark = win.matchMedia('(prefers-color-scheme: dark)');
  const themeParam = new URL(win.location.href).searchParams.get('theme');
  const applyTheme = () => (win.document.documentElement.dataset.theme = themeParam === 'dark' || themeParam === 'light' ? themeParam : dark.matches ? 'dark' : 'light');
  applyTheme();
  dark.addEventListener('change', applyTheme);
  const lang = win.document.documentElement.lang === 'en' ? 'en' : 'nl';
  const anonymous = createJsonFetch(() => null, win.fetch.bind(win));

  const back = handBack(win.location.hash);
  const failure = signInFailureOf(win.location.hash);
  if (back || failure) win.history.replaceState(null, '', win.location.pathname + win.location.search);
  if (back) {
    try {
      tokens.set('token' in back ? back.token : (await anonymous<{ token: string }>('POST', '/api/auth/handoff', { code: back.handoff })).token);
    } catch {
      tokens.clear();
    }
  }

  const showSignIn = () => {
    render(
      <SignInView
        t={homeStrings(lang)}
        failure={failure && <SignInFailureNote failure={failure} locale={lang} />}
        methods={async () => (await anonymous<{ methods: SignInMethod[] }>('GET', '/api/auth/methods')).methods}
        signIn={async (email, name) => {
          try {
            tokens.set((await anonymous<{ token: string }>('POST', '/api/auth/dev', { email, ...(name ? { name } : {}) })).token);
          } catch {
            return false;
          }
          start();
          return true;
        }}
      />,
      root,
    );
  };

  const start = () => {
    const raw = createJsonFetch(() => tokens.get(), win.fetch.bind(win));
    const json: HomeJson = async (method, path, body, headers) => {
      try {
        return await raw(method, path, body, headers);
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) signOut();
        throw err;
      }
    };
    const home = new HomeModel({ json, clock: createClock(), newId });
    const holder = { bearerToken: () => tokens.get(), rememberBearerToken: (t: string) => tokens.set(t) };
    const stopRenewing = keepTokenFresh(holder, raw);
    const signOut = () => {
      stopRenewing();
      home.stop();
      tokens.clear();
      showSignIn();
    };
    effect(() => {
      const locale = home.locale.value;
      win.document.documentElement.lang = locale;
      win.document.title = homeStrings(locale).title;
    });
    const shell = {
      json,
      signOut,
      panelUrl: (sessionId: string) => `/panel?session=${encodeURIComponent(sessionId)}&lang=${home.locale.value}#token=${encodeURIComponent(tokens.get() ?? '')}`,
      download: (name: string, data: unknown) => {
        const a = win.document.createElement('a');
        a.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
        a.download = name;
        a.click();
        setTimeout(() => URL.revokeObjectURL(a.href), 1000);
      },
    };
    render(<HomeApp home={home} shell={shell} />, root);
    void home.load();
  };

  root.textContent = '';
  if (tokens.get()) start();
  else showSignIn();
}
