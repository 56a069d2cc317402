/** The coachee's between-session forms in Dutch and English: titles, questions and score labels per touchpoint kind. */
import type { Locale } from '../schemas/common';
import type { TouchpointKind } from '../schemas/touchpoints';

/** A form's texts in one language. */
export type FormText = { title: string; intro: string; questions: string[] };

const FORMS: Record<Locale, Record<TouchpointKind, FormText>> = {
  nl: {
    reflection: {
      title: 'Reflectie na je sessie',
      intro: 'Een paar minuten terugkijken helpt om vast te houden wat je meenam. Schrijf zoveel of zo weinig als je wilt.',
      questions: ['Wat neem je mee uit de sessie?', 'Wat ga je uitproberen?', 'Wat heb je nodig om dat te doen?'],
    },
    checkin: { title: 'Korte check-in', intro: 'Hoe gaat het op dit moment met waar je aan werkt?', questions: [] },
    'reminder.session': { title: 'Je volgende sessie', intro: 'Een herinnering aan je volgende sessie.', questions: [] },
    'reminder.agreement': { title: 'Je afspraak', intro: 'Een herinnering aan een afspraak die je maakte.', questions: [] },
    learning: { title: 'Om bij stil te staan', intro: 'Je coach koos dit korte stuk voor je uit.', questions: [] },
    evaluation: {
      title: 'Terugblik op je traject',
      intro: 'Je traject is afgerond. Je antwoorden helpen je coach, en jou bij het vasthouden van wat je leerde.',
      questions: ['Welke doelen heb je bereikt, en welke nog niet?', 'Wat heb je geleerd?', 'Wat wil je je coach meegeven?', 'Heb je behoefte aan meer coaching? Zo ja, waarvoor?'],
    },
    followup: { title: 'Hoe gaat het nu?', intro: 'Een tijd na je traject: hoe staat het ervoor?', questions: [] },
  },
  en: {
    reflection: {
      title: 'Reflection after your session',
      intro: 'A few minutes of looking back helps you keep what you took away. Write as much or as little as you like.',
      questions: ['What do you take away from the session?', 'What will you try?', 'What do you need to do that?'],
    },
    checkin: { title: 'Quick check-in', intro: 'How are things going right now with what you are working on?', questions: [] },
    'reminder.session': { title: 'Your next session', intro: 'A reminder of your next session.', questions: [] },
    'reminder.agreement': { title: 'Your agreement', intro: 'A reminder of something you agreed to do.', questions: [] },
    learning: { title: 'Something to think about', intro: 'Your coach picked this short piece for you.', questions: [] },
    evaluation: {
      title: 'Looking back on your coaching',
      intro: 'Your coaching has come to a close. Your answers help your coach, and help you keep what you learned.',
      questions: ['Which goals did you reach, and which not yet?', 'What did you learn?', 'What would you like to tell your coach?', 'Do you need more coaching? If so, for what?'],
    },
    followup: { title: 'How are things now?', intro: 'Some time after your coaching: how are you doing?', questions: [] },
  },
};

/** Labels of the scores 1–5 (check-in: how it goes; evaluation: how far the goals were reached). */
const SCORE_LABELS: Record<Locale, { checkin: string[]; evaluation: string[] }> = {
  nl: { checkin: ['Zwaar', 'Matig', 'Gaat wel', 'Goed', 'Heel goed'], evaluation: ['Niet', 'Een beetje', 'Deels', 'Grotendeels', 'Helemaal'] },
  en: { checkin: ['Hard', 'Not great', 'Okay', 'Good', 'Very good'], evaluation: ['Not at all', 'A little', 'Partly', 'Mostly', 'Fully'] },
};

/** The form of a kind in a language; a trajectory's own reflection questions replace the built-in ones. */
export function formText(kind: TouchpointKind, locale: Locale, reflectionQuestions: string[] | null = null): FormText {
  const base = FORMS[locale][kind];
  return kind === 'reflection' && reflectionQuestions?.length ? { ...base, questions: reflectionQuestions } : base;
}

/** Score labels for a kind that asks a score (check-in, evaluation); empty for the others. */
export function scoreLabels(kind: TouchpointKind, locale: Locale): string[] {
  return kind === 'checkin' ? SCORE_LABELS[locale].checkin : kind === 'evaluation' ? SCORE_LABELS[locale].evaluation : [];
}

/** The coachee's message after a low check-in score when the coach wrote none; `{name}` and `{coach}` are filled in. */
export const LOW_SCORE_MESSAGE: Record<Locale, string> = {
  nl: 'Hoi {name},\n\nDank je dat je eerlijk laat weten hoe het gaat. Het klinkt alsof het nu zwaar is. Ik neem snel contact met je op; wil je eerder praten, antwoord dan gerust op deze mail.\n\nHartelijke groet,\n{coach}',
  en: 'Hi {name},\n\nThank you for letting me know honestly how things are. It sounds like a hard time right now. I will be in touch soon; if you would like to talk sooner, just reply to this mail.\n\nWarm regards,\n{coach}',
};

/**
 * Whether a check-in score alerts the coach: 1 or 2, or a drop of 2 or more from the previous score.
 * @see DESIGN.md "API v1, second part"
 */
export const isLowScore = (score: number, previous: number | null): boolean => score <= 2 || (previous !== null && previous - score >= 2);
