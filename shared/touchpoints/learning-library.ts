/** The built-in micro-learning library a coach picks from for a trajectory: short pieces in Dutch and English, written for this product. */
import type { Locale } from '../schemas/common';
import type { LearningId } from '../schemas/touchpoints';

/** One micro-learning piece in one language: a title, a one-line summary, a few short paragraphs and one thing to try. */
export type LearningText = { title: string; summary: string; body: string[]; tryThis: string };

const LIBRARY: Record<LearningId, Record<Locale, LearningText>> = {
  grow: {
    nl: {
      title: 'GROW: van doel naar volgende stap',
      summary: 'Vier vragen die een vraagstuk ordenen: doel, werkelijkheid, opties en wat je gaat doen.',
      body: [
        'Goal: wat wil je bereiken, en waaraan merk je dat het gelukt is? Hoe concreter, hoe makkelijker de rest wordt.',
        'Reality: hoe staat het er nu echt voor? Beschrijf feiten en wat je al geprobeerd hebt, zonder meteen te oordelen.',
        'Options: wat zou je allemaal kunnen doen? Verzamel eerst, kies later. Ook de rare ideeën mogen op de lijst.',
        'Will: wat ga je doen, wanneer, en wie vertel je dat? Eén kleine stap die je echt zet, wint het van een groot plan.',
      ],
      tryThis: 'Neem een kwestie van deze week en schrijf bij elke letter één zin.',
    },
    en: {
      title: 'GROW: from goal to next step',
      summary: 'Four questions that bring order to an issue: goal, reality, options and what you will do.',
      body: [
        'Goal: what do you want to achieve, and how will you notice you got there? The more concrete, the easier the rest.',
        'Reality: where do things really stand? Describe facts and what you have already tried, without judging yet.',
        'Options: what could you do? Collect first, choose later. Odd ideas belong on the list too.',
        'Will: what will you do, when, and whom will you tell? One small step you actually take beats a big plan.',
      ],
      tryThis: 'Take one issue from this week and write one sentence for each letter.',
    },
  },
  'core-qualities': {
    nl: {
      title: 'Kernkwaliteiten: je kracht en haar valkuil',
      summary: 'Wat je goed kunt, heeft een keerzijde als je het overdrijft — en wijst je de weg naar groei.',
      body: [
        'Een kernkwaliteit is iets wat vanzelf bij je hoort, zoals zorgvuldigheid of daadkracht.',
        'Te veel van het goede wordt een valkuil: zorgvuldigheid wordt pietluttigheid, daadkracht wordt drammen.',
        'De uitdaging is de positieve tegenhanger van je valkuil: bij pietluttigheid hoort bijvoorbeeld loslaten.',
        'Je allergie is wat je bij een ander het minst verdraagt — vaak precies jouw uitdaging, maar dan overdreven.',
      ],
      tryThis: 'Kies één eigen kwaliteit en zoek de valkuil, de uitdaging en de allergie die erbij horen.',
    },
    en: {
      title: 'Core qualities: your strength and its pitfall',
      summary: 'What you do well has a flip side when overdone — and points the way to growth.',
      body: [
        'A core quality is something that comes naturally to you, such as care or decisiveness.',
        'Too much of a good thing becomes a pitfall: care turns into nitpicking, decisiveness into pushing.',
        'Your challenge is the positive opposite of your pitfall: for nitpicking, that might be letting go.',
        'Your allergy is what you tolerate least in others — often your own challenge, overdone.',
      ],
      tryThis: 'Pick one of your qualities and find the pitfall, challenge and allergy that go with it.',
    },
  },
  'logical-levels': {
    nl: {
      title: 'Logische niveaus: op welk niveau zit het?',
      summary: 'Omgeving, gedrag, vaardigheden, overtuigingen, identiteit en zingeving: een verandering beklijft als de niveaus kloppen.',
      body: [
        'Omgeving en gedrag: waar en wanneer speelt het, en wat doe je dan precies?',
        'Vaardigheden: wat kun je al, en wat zou je nog willen leren?',
        'Overtuigingen en waarden: wat vind je belangrijk, en wat denk je dat waar is?',
        'Identiteit en zingeving: wie ben je in deze situatie, en waar draag je aan bij? Een knelpunt op het ene niveau los je vaak op een hoger niveau op.',
      ],
      tryThis: 'Beschrijf een lastig moment op elk niveau in één zin. Waar zit de meeste energie?',
    },
    en: {
      title: 'Logical levels: at which level does it sit?',
      summary: 'Environment, behaviour, skills, beliefs, identity and purpose: change lasts when the levels line up.',
      body: [
        'Environment and behaviour: where and when does it happen, and what exactly do you do then?',
        'Skills: what can you already do, and what would you like to learn?',
        'Beliefs and values: what matters to you, and what do you hold to be true?',
        'Identity and purpose: who are you in this situation, and what do you contribute to? A knot on one level often loosens on a higher one.',
      ],
      tryThis: 'Describe one difficult moment in one sentence per level. Where is the most energy?',
    },
  },
  'listen-summarise-ask': {
    nl: {
      title: 'Luisteren, samenvatten, doorvragen',
      summary: 'Drie gewoonten die een gesprek verdiepen, in het werk net zo goed als in coaching.',
      body: [
        'Luisteren: laat de ander uitpraten en let ook op wat er niet gezegd wordt. Je antwoord kan wachten.',
        'Samenvatten: zeg in eigen woorden wat je hoorde. De ander voelt zich gehoord en kan je verbeteren.',
        'Doorvragen: vraag naar een voorbeeld, naar wat het betekent, naar wat er nodig is. Open vragen beginnen met wat, hoe of waar.',
      ],
      tryThis: 'Vat in je volgende overleg één keer samen voordat je zelf iets inbrengt.',
    },
    en: {
      title: 'Listen, summarise, ask further',
      summary: 'Three habits that deepen a conversation, at work as much as in coaching.',
      body: [
        'Listen: let the other person finish and notice what is left unsaid. Your answer can wait.',
        'Summarise: say in your own words what you heard. The other feels heard and can correct you.',
        'Ask further: ask for an example, for what it means, for what is needed. Open questions start with what, how or where.',
      ],
      tryThis: 'In your next meeting, summarise once before you add anything yourself.',
    },
  },
  'circle-of-influence': {
    nl: {
      title: 'Cirkel van invloed',
      summary: 'Scheid wat de omgeving veroorzaakt van wat je zelf kiest — en steek je energie in het tweede.',
      body: [
        'Veel van wat ons bezighoudt, ligt buiten ons bereik: beleid, het gedrag van anderen, de markt.',
        'Binnen je invloed liggen je eigen keuzes: wat je vraagt, wat je aanbiedt, waar je nee tegen zegt.',
        'Wie zich richt op wat binnen de cirkel ligt, merkt vaak dat die cirkel groter wordt.',
      ],
      tryThis: 'Maak twee lijstjes over een kwestie van nu: buiten mijn invloed, binnen mijn invloed. Kies één stap uit de tweede.',
    },
    en: {
      title: 'Circle of influence',
      summary: 'Separate what your surroundings cause from what you choose — and put your energy into the latter.',
      body: [
        'Much of what occupies us is out of reach: policy, other people’s behaviour, the market.',
        'Within your influence lie your own choices: what you ask, what you offer, what you say no to.',
        'Focusing on what lies inside the circle often makes the circle grow.',
      ],
      tryThis: 'Make two lists about a current issue: outside my influence, inside it. Pick one step from the second.',
    },
  },
};

/** One piece in one language. */
export const learningText = (id: LearningId, locale: Locale): LearningText => LIBRARY[id][locale];

/** The library's ids, in the order a coach sees them. */
export const LEARNING_IDS = Object.keys(LIBRARY) as LearningId[];
