/** Built-in model E: GROW (Goal, Reality, Options, Will), in Dutch and English. */
import type { BuiltInModelSource } from './model-text';

/** Model E: the widely used GROW model, ending in one concrete next step. */
export const GROW_MODEL: BuiltInModelSource = {
  id: 'builtin-grow',
  referralChecklist: false,
  text: {
    nl: {
      name: 'GROW',
      summary: 'Doel, realiteit, opties en wil: een bekend en compact model dat het gesprek laat uitkomen bij een concrete volgende stap.',
      phases: [
        {
          key: 'goal',
          title: 'Doel (Goal)',
          purpose: 'Bepalen wat de gecoachte uit dit gesprek wil halen en hoe succes eruitziet.',
          prompts: [
            'Wat wil je aan het eind van dit gesprek bereikt hebben?',
            'Hoe ziet het eruit als het gelukt is?',
            'Hoe belangrijk is dit voor je, op een schaal van 1 tot 10?',
          ],
          share: 0.2,
        },
        {
          key: 'reality',
          title: 'Realiteit (Reality)',
          purpose: 'Een eerlijk beeld van nu: feiten, voorbeelden, wat al geprobeerd is en wie erbij betrokken zijn.',
          prompts: ['Wat gebeurt er nu precies?', 'Wat heb je al geprobeerd, en wat leverde dat op?', 'Wie zijn er nog meer bij betrokken?'],
          share: 0.3,
        },
        {
          key: 'options',
          title: 'Opties (Options)',
          purpose: 'Zoveel mogelijk mogelijkheden verzamelen voordat er één gekozen wordt.',
          prompts: [
            'Welke mogelijkheden zie je?',
            'Wat zou je doen als niets je tegenhield?',
            'Wat zou iemand die je bewondert in jouw plaats doen?',
            'Welke optie spreekt je het meest aan?',
          ],
          share: 0.3,
        },
        {
          key: 'will',
          title: 'Wil (Will)',
          purpose: 'Kiezen en vastleggen: wie doet wat en wanneer, en wat kan dat in de weg zitten?',
          prompts: ['Wat ga je doen, en wanneer?', 'Wat kan je tegenhouden, en hoe vang je dat op?', 'Hoe zeker ben je dat je dit gaat doen, van 1 tot 10?'],
          share: 0.2,
        },
      ],
      tips: [
        'Begin bij het doel van dit gesprek; het doel van het hele traject is de achtergrond.',
        'Blijf bij de realiteit bij feiten en voorbeelden. Oordelen komen later.',
        'Verzamel eerst opties zonder ze te beoordelen, en kies pas daarna.',
        'Sluit af met een afspraak als WWW: wie doet wat en wanneer.',
      ],
    },
    en: {
      name: 'GROW',
      summary: 'Goal, reality, options and will: a well-known, compact model that brings the conversation to one concrete next step.',
      phases: [
        {
          key: 'goal',
          title: 'Goal',
          purpose: 'Decide what the coachee wants from this conversation and what success looks like.',
          prompts: [
            'What would you like to have achieved by the end of this conversation?',
            'What will it look like when it has worked?',
            'How important is this to you, on a scale from 1 to 10?',
          ],
          share: 0.2,
        },
        {
          key: 'reality',
          title: 'Reality',
          purpose: 'An honest picture of now: facts, examples, what has been tried and who is involved.',
          prompts: ['What exactly is happening now?', 'What have you tried already, and what came of it?', 'Who else is involved?'],
          share: 0.3,
        },
        {
          key: 'options',
          title: 'Options',
          purpose: 'Gather as many possibilities as you can before choosing one.',
          prompts: [
            'Which possibilities do you see?',
            'What would you do if nothing held you back?',
            'What would someone you admire do in your place?',
            'Which option appeals to you most?',
          ],
          share: 0.3,
        },
        {
          key: 'will',
          title: 'Will (way forward)',
          purpose: 'Choose and commit: who does what, by when, and what might get in the way?',
          prompts: ['What will you do, and when?', 'What could stop you, and how will you deal with that?', 'How sure are you that you will do this, from 1 to 10?'],
          share: 0.2,
        },
      ],
      tips: [
        'Start with the goal of this conversation; the goal of the whole coaching is the background.',
        'In Reality, stay with facts and examples. Judgements come later.',
        'Gather options before judging them, and only then choose.',
        'Close with an agreement as WWW: who does what, and when.',
      ],
    },
  },
};
