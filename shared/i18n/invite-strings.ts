/** The words of the invite block written into calendar events, in Dutch and English. */
import type { Locale } from '../schemas/common';

/** Everything the invite block says; functions take values already formatted for the locale. */
export type InviteStrings = {
  heading: (coacheeName: string, coachName: string) => string;
  goal: string;
  agenda: string;
  emptyAgenda: string;
  agreements: string;
  fromLastTime: string;
  due: (date: string) => string;
  linkIntro: string;
  linkLabel: string;
  linkOnly: (coachName: string) => string;
};

/** The invite block's texts per locale. */
export const INVITE_STRINGS: Record<Locale, InviteStrings> = {
  nl: {
    heading: (coacheeName, coachName) => `Coachingsessie van ${coacheeName} met ${coachName}`,
    goal: 'Doel',
    agenda: 'Agenda',
    emptyAgenda: 'Nog geen onderwerpen. Zet er zelf een op via de link hieronder.',
    agreements: 'Afspraken',
    fromLastTime: 'van vorige keer',
    due: (date) => `uiterlijk ${date}`,
    linkIntro: 'Agenda bekijken, een onderwerp aandragen of een afspraak afvinken:',
    linkLabel: 'Open de sessie',
    linkOnly: (coachName) => `Coachingsessie met ${coachName}. De agenda en jullie afspraken vind je via deze link:`,
  },
  en: {
    heading: (coacheeName, coachName) => `Coaching session of ${coacheeName} with ${coachName}`,
    goal: 'Goal',
    agenda: 'Agenda',
    emptyAgenda: 'No topics yet. Add one yourself through the link below.',
    agreements: 'Agreements',
    fromLastTime: 'from last time',
    due: (date) => `by ${date}`,
    linkIntro: 'See the agenda, suggest a topic or tick off an agreement:',
    linkLabel: 'Open the session',
    linkOnly: (coachName) => `Coaching session with ${coachName}. You will find the agenda and your agreements through this link:`,
  },
};
