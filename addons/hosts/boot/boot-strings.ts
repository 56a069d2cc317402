/** Texts of the host panels before a session opens, Dutch first (the rest come from the panel's strings). */
import type { Locale } from '../../../shared/protocol';

const nl = {
  outside: (host: string) => `Open dit paneel in je vergadering in ${host}.`,
  signIn: 'Meld je aan met je Google-account.',
  notLinked: 'Dit account hoort bij geen coach. Meld je aan met je praktijkaccount.',
  noSession: 'Bij deze vergadering hoort nog geen coachingsessie.',
  choose: 'Kies een sessie:',
  none: 'Geen komende sessies gevonden.',
  linkHint: 'Koppel deze vergadering aan een geplande sessie, of maak er een nieuwe sessie van.',
  startFor: 'Nieuwe sessie met:',
  newCoachee: 'Nieuwe coachee',
  name: 'Naam',
  email: 'E-mail (optioneel)',
  create: 'Maak er een sessie van',
  saving: 'Bezig…',
  failedWrite: 'Dat lukte niet.',
  lookAgain: 'Opnieuw zoeken',
};

/** The boot texts of one language. */
export type BootStrings = typeof nl;

const en: BootStrings = {
  outside: (host) => `Open this panel in your meeting in ${host}.`,
  signIn: 'Sign in with your Google account.',
  notLinked: 'This account belongs to no coach. Sign in with your practice account.',
  noSession: 'This meeting has no coaching session yet.',
  choose: 'Pick a session:',
  none: 'No upcoming sessions found.',
  linkHint: 'Link this meeting to a planned session, or make it a new session.',
  startFor: 'New session with:',
  newCoachee: 'New coachee',
  name: 'Name',
  email: 'E-mail (optional)',
  create: 'Make it a session',
  saving: 'Working…',
  failedWrite: 'That did not work.',
  lookAgain: 'Look again',
};

/** The boot texts for a locale. */
export const bootStrings = (locale: Locale): BootStrings => (locale === 'en' ? en : nl);
