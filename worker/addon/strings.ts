/** The words on the Google Calendar add-on's cards, in Dutch and English. */
import type { Locale, Session } from '../../shared/protocol';

/** Everything the cards say; functions take values already formatted for the locale. */
export type AddonStrings = {
  homeTitle: string;
  homeSubtitle: (coachName: string) => string;
  noUpcoming: string;
  open: string;
  openPanel: string;
  connectTitle: string;
  connectText: (email: string) => string;
  /** For an address Google cannot vouch for (not Gmail, not the account's own Workspace domain): it will not be linked. */
  connectUnverifiedText: (email: string) => string;
  notOursTitle: string;
  notOursText: string;
  sessionWith: (coacheeName: string) => string;
  agenda: string;
  emptyAgenda: string;
  agreements: string;
  noAgreements: string;
  you: string;
  due: (date: string) => string;
  fromLastTime: string;
  more: (n: number) => string;
  invite: string;
  status: Record<Session['calendarStatus'], string>;
  publish: string;
  published: string;
  sessionGone: string;
  notesPrivate: string;
};

/** The cards' texts per locale. */
export const ADDON_STRINGS: Record<Locale, AddonStrings> = {
  nl: {
    homeTitle: 'Komende coachsessies',
    homeSubtitle: (coachName) => `Ingepland door ${coachName}`,
    noUpcoming: 'Er staan geen sessies gepland. Plan de volgende sessie vanuit het coachingpaneel.',
    open: 'Openen',
    openPanel: 'Open het paneel',
    connectTitle: 'Nog niet gekoppeld',
    connectText: (email) =>
      `We kennen ${email} nog niet als coach. Open het coachingpaneel één keer (in Meet, Zoom, Teams of de browser) en meld je aan met dit account; daarna zie je hier je sessies.`,
    connectUnverifiedText: (email) =>
      `Google kan niet bevestigen dat ${email} nog bij dit account hoort: het is geen Gmail-adres en valt niet onder het Google Workspace-domein van het account. Daarom koppelen we het niet aan een coach. Gebruik Agenda met een Gmail- of Google Workspace-account, of werk met het coachingpaneel in Zoom of Teams.`,
    notOursTitle: 'Geen coachsessie',
    notOursText: 'Deze afspraak is niet met Coaching companion ingepland. Bij sessies die je vanuit het paneel plant, zie je hier de agenda en de afspraken.',
    sessionWith: (coacheeName) => `Sessie met ${coacheeName}`,
    agenda: 'Agenda',
    emptyAgenda: 'Nog geen onderwerpen.',
    agreements: 'Openstaande afspraken',
    noAgreements: 'Geen openstaande afspraken.',
    you: 'Jij',
    due: (date) => `uiterlijk ${date}`,
    fromLastTime: 'van vorige keer',
    more: (n) => `en nog ${n}`,
    invite: 'Uitnodiging',
    status: { pending: 'Nog niet in de agenda', synced: 'Staat in de agenda', failed: 'Kon niet in de agenda worden gezet', none: 'Niet in de agenda' },
    publish: 'Zet in de uitnodiging',
    published: 'Agenda en afspraken gaan naar de uitnodiging.',
    sessionGone: 'Deze sessie bestaat niet meer.',
    notesPrivate: 'Je notities blijven privé: ze staan niet op deze kaart en niet in de uitnodiging.',
  },
  en: {
    homeTitle: 'Upcoming coaching sessions',
    homeSubtitle: (coachName) => `Planned by ${coachName}`,
    noUpcoming: 'No sessions are planned. Plan the next one from the coaching panel.',
    open: 'Open',
    openPanel: 'Open the panel',
    connectTitle: 'Not connected yet',
    connectText: (email) =>
      `We do not know ${email} as a coach yet. Open the coaching panel once (in Meet, Zoom, Teams or the browser) and sign in with this account; your sessions will show here after that.`,
    connectUnverifiedText: (email) =>
      `Google cannot confirm that ${email} still belongs to this account: it is not a Gmail address and not in the account's own Google Workspace domain, so we do not connect it to a coach. Use Calendar with a Gmail or Google Workspace account, or use the coaching panel in Zoom or Teams.`,
    notOursTitle: 'Not a coaching session',
    notOursText: 'This event was not planned with Coaching companion. Sessions you plan from the panel show their agenda and agreements here.',
    sessionWith: (coacheeName) => `Session with ${coacheeName}`,
    agenda: 'Agenda',
    emptyAgenda: 'No topics yet.',
    agreements: 'Open agreements',
    noAgreements: 'No open agreements.',
    you: 'You',
    due: (date) => `by ${date}`,
    fromLastTime: 'from last time',
    more: (n) => `and ${n} more`,
    invite: 'Invite',
    status: { pending: 'Not yet in calendar', synced: 'In calendar', failed: 'Could not be written to the calendar', none: 'Not in a calendar' },
    publish: 'Publish to invite',
    published: 'Agenda and agreements are on their way to the invite.',
    sessionGone: 'This session no longer exists.',
    notesPrivate: 'Your notes stay private: they are not on this card and not in the invite.',
  },
};
