/** The sign-in screen of `/app`: every way the server offers (dev e-mail login; provider sign-in links added by their modules). */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { HomeStrings } from '../home-strings';
import type { SignInMethod } from './hand-back';

const PROVIDER_NAMES: Record<string, string> = { google: 'Google', microsoft: 'Microsoft', zoom: 'Zoom' };

/** Lists the methods and runs the e-mail one; `signIn` answers false when the server refused; `failure` says why a provider sign-in did not complete. */
export function SignInView({ t, methods, signIn, failure }: { t: HomeStrings; methods: () => Promise<SignInMethod[]>; signIn: (email: string, name: string) => Promise<boolean>; failure?: ComponentChildren }) {
  const [list, setList] = useState<SignInMethod[] | null>(null);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    methods().then(setList, () => setList([]));
  }, []);
  const submit = async (e: Event) => {
    e.preventDefault();
    setFailed(!(await signIn(email.trim(), name.trim())));
  };
  return (
    <main class="home-signin" aria-labelledby="si-h">
      <h1 id="si-h">{t.signInH}</h1>
      <p class="hint">{t.signInIntro}</p>
      {failure}
      {list?.length === 0 && <p class="note">{t.noMethods}</p>}
      {list?.map((m) =>
        m.kind === 'email' ? (
          <form key={m.id} class="card stack" onSubmit={submit}>
            <div class="field">
              <label for="si-email">{t.email}</label>
              <input id="si-email" class="input" type="email" required autoComplete="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
            </div>
            <div class="field">
              <label for="si-name">{t.name}</label>
              <input id="si-name" class="input" autoComplete="name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
            </div>
            <button type="submit" class="btn btn-primary">
              {t.signInEmail}
            </button>
            {failed && <p role="alert" class="field-error">{t.signInFailed}</p>}
          </form>
        ) : (
          <a key={m.id} class="btn" href={m.startUrl}>
            {t.signInWith(PROVIDER_NAMES[m.id] ?? m.id)}
          </a>
        ),
      )}
    </main>
  );
}
