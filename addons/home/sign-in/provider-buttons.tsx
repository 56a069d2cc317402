/** "Sign in with Google / Microsoft / Zoom" on /app: one top-level link per provider this deployment offers, and why the last try failed. */
import type { Locale } from '../../../shared/protocol';
import type { SignInFailure, SignInMethod } from './provider-sign-in';

const NAMES: Record<string, string> = { google: 'Google', microsoft: 'Microsoft', zoom: 'Zoom' };

const nl = {
  with: (name: string) => `Aanmelden met ${name}`,
  failed: {
    denied: 'Je hebt de aanmelding geannuleerd.',
    state: 'Deze aanmelding is verlopen of al gebruikt. Probeer het opnieuw.',
    browser: 'De aanmelding is in een andere browser begonnen. Probeer het opnieuw in deze browser.',
    code: 'De aanbieder weigerde de aanmelding af te ronden. Probeer het opnieuw.',
    unavailable: 'De aanbieder is nu niet bereikbaar. Probeer het over een paar minuten opnieuw.',
    'not-linked': 'Dit account hoort nog bij geen coach, en de aanbieder staat niet in voor het e-mailadres. Meld je aan met je praktijkaccount.',
    rejected: 'Deze aanmelding werd niet geaccepteerd. Probeer het opnieuw.',
  } satisfies Record<SignInFailure, string>,
};
const en: typeof nl = {
  with: (name) => `Sign in with ${name}`,
  failed: {
    denied: 'You cancelled the sign-in.',
    state: 'This sign-in has expired or was used already. Please try again.',
    browser: 'The sign-in was started in another browser. Please try again in this browser.',
    code: 'The provider refused to complete the sign-in. Please try again.',
    unavailable: 'The provider cannot be reached right now. Please try again in a few minutes.',
    'not-linked': 'This account belongs to no coach yet, and the provider does not vouch for its e-mail address. Sign in with your practice account.',
    rejected: 'This sign-in was not accepted. Please try again.',
  },
};

/**
 * The provider buttons: plain links (a top-level navigation to `/auth/:provider/start`, never inside a frame), so they work
 * without script too. `failure` is what `completeProviderSignIn` reported on this load.
 */
export function ProviderButtons({ methods, locale, failure }: { methods: SignInMethod[]; locale: Locale; failure: SignInFailure | null }) {
  const t = locale === 'en' ? en : nl;
  return (
    <div class="provider-sign-in">
      {failure && (
        <p class="field-error" role="alert">
          {t.failed[failure]}
        </p>
      )}
      {methods.map((m) => (
        <a key={m.id} class="btn" href={m.startUrl} data-provider={m.id}>
          {t.with(NAMES[m.id] ?? m.id)}
        </a>
      ))}
    </div>
  );
}
