/** The discreet referral checklist (when coaching is not enough) and the crisis line per locale; data only, nothing is stored. */
import type { Locale } from '../schemas/common';

/** A crisis line the coach can point to; `phones` as dialled, `chat` a web address without scheme. */
export type CrisisLine = { name: string; phones: string[]; chat: string | null; text: string };

/** What the panel shows when the coach opens the referral checklist. */
export type ReferralChecklist = {
  title: string;
  intro: string;
  /** Signals that therapy or clinical help is due rather than coaching. */
  signals: string[];
  /** What the coach can do next. */
  steps: string[];
  /** Heading above the coach's own referral contacts (`Coach.referralContacts`). */
  ownContactsHeading: string;
  crisisLine: CrisisLine;
  /** Reminder that nothing ticked here is saved. */
  privacyNote: string;
};

const CHECKLISTS: Record<Locale, ReferralChecklist> = {
  nl: {
    title: 'Is coaching nog genoeg?',
    intro: 'Een paar signalen waarbij gespecialiseerde hulp beter past dan coaching. Gebruik ze om na te denken en het gesprek aan te gaan, niet om een diagnose te stellen.',
    signals: [
      'Ernstige of langdurige sombere of depressieve klachten',
      'Gedachten aan de dood of aan zelfdoding',
      'Aanwijzingen voor complex trauma (complexe PTSS)',
      'Het dagelijks leven loopt ernstig vast: werk, slaap, zelfzorg of relaties',
    ],
    steps: [
      'Benoem rustig en open wat je opvalt, en vraag hoe de gecoachte dat zelf ziet.',
      'Bespreek de huisarts of een van je eigen verwijscontacten als volgende stap.',
      'Spreek af hoe en wanneer jullie weer contact hebben.',
      'Bij direct gevaar: bel 112.',
    ],
    ownContactsHeading: 'Je eigen verwijscontacten',
    crisisLine: {
      name: '113 Zelfmoordpreventie',
      phones: ['0800-0113', '113'],
      chat: '113.nl',
      text: 'Wie aan zelfdoding denkt, kan dag en nacht anoniem praten met 113 Zelfmoordpreventie: bel gratis 0800-0113, bel 113 of chat via 113.nl.',
    },
    privacyNote: 'Deze checklist wordt niet opgeslagen. Leg geen diagnoses vast in je notities.',
  },
  en: {
    title: 'Is coaching still enough?',
    intro: 'A few signals that specialised help fits better than coaching. Use them to reflect and to open the conversation, not to make a diagnosis.',
    signals: [
      'Severe or lasting low mood or depressive complaints',
      'Thoughts of death or suicide',
      'Signs of complex trauma (complex PTSD)',
      'Daily life is seriously stuck: work, sleep, self-care or relationships',
    ],
    steps: [
      'Calmly and openly name what you notice, and ask how the coachee sees it.',
      'Discuss their GP or one of your own referral contacts as the next step.',
      'Agree how and when you will be in touch again.',
      'In immediate danger: call the local emergency number (112 in the EU).',
    ],
    ownContactsHeading: 'Your own referral contacts',
    crisisLine: {
      name: 'Emergency number · Samaritans',
      phones: ['112', '116 123'],
      chat: null,
      text: 'In immediate danger, call the local emergency number (112 in the EU). In the UK and Ireland, Samaritans listen day and night, free of charge, on 116 123.',
    },
    privacyNote: 'This checklist is not saved. Do not record diagnoses in your notes.',
  },
};

/** The referral checklist in one locale. Nothing here is ever written to storage. */
export function referralChecklist(locale: Locale): ReferralChecklist {
  return CHECKLISTS[locale];
}

/** The crisis line to mention in one locale (nl: 113 Zelfmoordpreventie; en: emergency number / Samaritans). */
export function crisisLine(locale: Locale): CrisisLine {
  return CHECKLISTS[locale].crisisLine;
}
