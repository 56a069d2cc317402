/** What /app says when a sign-in with Google, Microsoft or Zoom came back without the coach signed in. */
import type { Locale } from '../../../shared/protocol';
import type { SignInFailure } from './provider-sign-in';

const nl: Record<SignInFailure, string> = {
  denied: 'Je hebt de aanmelding geannuleerd.',
  state: 'Deze aanmelding is verlopen of al gebruikt. Probeer het opnieuw.',
  browser: 'De aanmelding is in een andere browser begonnen. Probeer het opnieuw in deze browser.',
  code: 'De aanbieder weigerde de aanmelding af te ronden. Probeer het opnieuw.',
  unavailable: 'De aanbieder is nu niet bereikbaar. Probeer het over een paar minuten opnieuw.',
  'not-linked': 'Dit account hoort nog bij geen coach, en de aanbieder staat niet in voor het e-mailadres. Meld je aan met je praktijkaccount.',
  rejected: 'Deze aanmelding werd niet geaccepteerd. Probeer het opnieuw.',
};
const en: typeof nl = {
  denied: 'You cancelled the sign-in.',
  state: 'This sign-in has expired or was used already. Please try again.',
  browser: 'The sign-in was started in another browser. Please try again in this browser.',
  code: 'The provider refused to complete the sign-in. Please try again.',
  unavailable: 'The provider cannot be reached right now. Please try again in a few minutes.',
  'not-linked': 'This account belongs to no coach yet, and the provider does not vouch for its e-mail address. Sign in with your practice account.',
  rejected: 'This sign-in was not accepted. Please try again.',
};

/** The reason as an alert above the sign-in ways. */
export function SignInFailureNote({ failure, locale }: { failure: SignInFailure; locale: Locale }) {
  return (
    <p class="field-error" role="alert" data-sign-in-error={failure}>
      {(locale === 'en' ? en : nl)[failure]}
    </p>
  );
}
