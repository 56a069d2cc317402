/** Mail texts in Dutch and English: subjects, greetings, buttons and footers of every between-session mail. */
import type { Locale } from '../../shared/protocol';

/** The texts of one language; functions fill in names and dates. */
export type MailStrings = {
  hello: (name: string) => string;
  reflection: { subject: (date: string) => string; lead: (date: string) => string; action: string };
  checkin: { subject: string; lead: (coach: string) => string; pick: string; after: string };
  sessionReminder: { subject: (when: string) => string; lead: (coach: string, when: string) => string; join: string; agenda: string };
  agreementReminder: { subject: (due: string) => string; lead: string; done: string; you: string; by: string };
  learning: { subject: (title: string) => string; lead: (coach: string) => string; tryThis: string };
  evaluation: { subject: string; lead: (coach: string) => string; action: string };
  followup: { subject: string; lead: string; signoff: (coach: string) => string; action: string };
  lowScore: { subject: (coach: string) => string };
  footer: { why: (coach: string) => string; prefs: string };
  coach: {
    alertSubject: (coachee: string, score: number) => string;
    alertLead: (coachee: string, score: number, previous: number | null) => string;
    commentLabel: string;
    open: string;
    answerSubject: (coachee: string, what: string) => string;
    answerLead: (coachee: string, what: string) => string;
    digestSubject: (n: number) => string;
    digestLead: (n: number) => string;
    footer: string;
    settings: string;
    kinds: Record<string, string>;
  };
};

export const MAIL_STRINGS: Record<Locale, MailStrings> = {
  nl: {
    hello: (name) => `Hoi ${name},`,
    reflection: { subject: (date) => `Even terugkijken op je sessie van ${date}`, lead: (date) => `Hoe kijk je terug op je sessie van ${date}? Drie korte vragen, een paar minuten werk.`, action: 'Reflectie invullen' },
    checkin: { subject: 'Hoe gaat het? Een check-in van één klik', lead: (coach) => `${coach} is benieuwd hoe het nu met je gaat. Kies een cijfer; je bevestigt het daarna op je pagina, met ruimte voor een toelichting.`, pick: 'Hoe gaat het? (1 = zwaar, 5 = heel goed)', after: 'Je kunt altijd een toelichting geven.' },
    sessionReminder: { subject: (when) => `Herinnering: je sessie van ${when}`, lead: (coach, when) => `Je volgende sessie met ${coach} is op ${when}.`, join: 'Deelnemen aan de meeting', agenda: 'Agenda bekijken of een onderwerp voorstellen' },
    agreementReminder: { subject: (due) => `Herinnering: je afspraak voor ${due}`, lead: 'Een herinnering aan wat je afsprak:', done: 'Gedaan', you: 'Jij', by: 'uiterlijk' },
    learning: { subject: (title) => `Om bij stil te staan: ${title}`, lead: (coach) => `${coach} koos dit korte stuk voor je uit.`, tryThis: 'Probeer dit:' },
    evaluation: { subject: 'Terugblik op je coachingtraject', lead: (coach) => `Je traject met ${coach} is afgerond. Wil je in een paar vragen terugkijken? Het helpt jou om vast te houden wat je leerde, en je coach om beter te worden.`, action: 'Terugblik invullen' },
    followup: { subject: 'Hoe gaat het nu met je?', lead: 'Het is alweer een tijd geleden dat we ons traject afrondden. Ik ben benieuwd hoe het nu met je gaat. Zin om bij te praten? Antwoord gerust op deze mail, dan plannen we een kort gesprek.', signoff: (coach) => `Hartelijke groet, ${coach}`, action: 'Mail je coach' },
    lowScore: { subject: (coach) => `Een bericht van ${coach}` },
    footer: { why: (coach) => `Je krijgt deze mail omdat je gecoacht wordt door ${coach}.`, prefs: 'Minder mail, pauzeren of afmelden' },
    coach: {
      alertSubject: (coachee, score) => `Let op: ${coachee} gaf een ${score} bij de check-in`,
      alertLead: (coachee, score, previous) => `${coachee} gaf bij de check-in een ${score} van 5${previous !== null ? ` (vorige keer ${previous})` : ''}. ${coachee} kreeg je persoonlijke bericht.`,
      commentLabel: 'Toelichting',
      open: 'Openen',
      answerSubject: (coachee, what) => `${coachee} vulde de ${what} in`,
      answerLead: (coachee, what) => `${coachee} vulde de ${what} in.`,
      digestSubject: (n) => `Je dagoverzicht: ${n} ${n === 1 ? 'antwoord' : 'antwoorden'} binnen`,
      digestLead: (n) => `Sinds het vorige overzicht ${n === 1 ? 'kwam er 1 antwoord' : `kwamen er ${n} antwoorden`} binnen.`,
      footer: 'Je krijgt deze mail als coach. Kies in je instellingen voor losse mails of één dagoverzicht.',
      settings: 'Instellingen',
      kinds: { reflection: 'reflectie', checkin: 'check-in', evaluation: 'terugblik', followup: 'follow-up' },
    },
  },
  en: {
    hello: (name) => `Hi ${name},`,
    reflection: { subject: (date) => `Looking back on your session of ${date}`, lead: (date) => `How do you look back on your session of ${date}? Three short questions, a few minutes.`, action: 'Write your reflection' },
    checkin: { subject: 'How are things? A one-click check-in', lead: (coach) => `${coach} would like to know how you are doing. Pick a number; you confirm it on your page, with room for a comment.`, pick: 'How are things? (1 = hard, 5 = very good)', after: 'You can always add a comment.' },
    sessionReminder: { subject: (when) => `Reminder: your session on ${when}`, lead: (coach, when) => `Your next session with ${coach} is on ${when}.`, join: 'Join the meeting', agenda: 'See the agenda or suggest a topic' },
    agreementReminder: { subject: (due) => `Reminder: your agreement for ${due}`, lead: 'A reminder of what you agreed:', done: 'Done', you: 'You', by: 'by' },
    learning: { subject: (title) => `Something to think about: ${title}`, lead: (coach) => `${coach} picked this short piece for you.`, tryThis: 'Try this:' },
    evaluation: { subject: 'Looking back on your coaching', lead: (coach) => `Your coaching with ${coach} has come to a close. Would you look back in a few questions? It helps you keep what you learned, and your coach to grow.`, action: 'Look back' },
    followup: { subject: 'How are you doing now?', lead: 'It has been a while since we closed our coaching. I would like to hear how things are going. Fancy catching up? Just reply to this mail and we will find a moment for a short call.', signoff: (coach) => `Best wishes, ${coach}`, action: 'Mail your coach' },
    lowScore: { subject: (coach) => `A message from ${coach}` },
    footer: { why: (coach) => `You get this mail because ${coach} is your coach.`, prefs: 'Fewer mails, pause or unsubscribe' },
    coach: {
      alertSubject: (coachee, score) => `Heads up: ${coachee} scored ${score} at the check-in`,
      alertLead: (coachee, score, previous) => `${coachee} scored ${score} out of 5 at the check-in${previous !== null ? ` (last time ${previous})` : ''}. ${coachee} received your personal message.`,
      commentLabel: 'Comment',
      open: 'Open',
      answerSubject: (coachee, what) => `${coachee} filled in the ${what}`,
      answerLead: (coachee, what) => `${coachee} filled in the ${what}.`,
      digestSubject: (n) => `Your daily summary: ${n} ${n === 1 ? 'answer' : 'answers'} in`,
      digestLead: (n) => `Since the last summary, ${n === 1 ? '1 answer came' : `${n} answers came`} in.`,
      footer: 'You get this mail as a coach. Choose single mails or one daily summary in your settings.',
      settings: 'Settings',
      kinds: { reflection: 'reflection', checkin: 'check-in', evaluation: 'evaluation', followup: 'follow-up' },
    },
  },
};
