/** Built-in model C: learning-oriented coaching (leergericht coachen), focused on acting in the work context, in Dutch and English. */
import type { BuiltInModelSource } from './model-text';

/** Model C: reflect on professional action, separate context from own choices, learn from experience, steer your own learning. */
export const LEARNING_MODEL: BuiltInModelSource = {
  id: 'builtin-learning',
  referralChecklist: false,
  text: {
    nl: {
      name: 'Leergericht coachen',
      summary:
        'Voor vragen uit de werkpraktijk: minder zoeken naar waar iets vandaan komt, meer kijken naar wat iemand doet, wat de omgeving daarin meebrengt en wat er te leren valt voor de volgende keer.',
      phases: [
        {
          key: 'work-situation',
          title: 'Het eigen handelen',
          purpose: 'Stilstaan bij een concrete werksituatie: wat gebeurde er precies, wat deed de gecoachte en wat was het effect?',
          prompts: [
            'Wat gebeurde er precies, en wat deed jij op dat moment?',
            'Wat speelde er in het contact met collega’s, je leidinggevende of de organisatie?',
            'Wat wilde je bereiken, en wat was het effect?',
          ],
          share: 0.3,
        },
        {
          key: 'influence',
          title: 'Context en eigen keuzes',
          purpose: 'Uit elkaar halen wat de omgeving veroorzaakt (cultuur, rollen, beleid) en waar de gecoachte zelf invloed op heeft.',
          prompts: [
            'Wat ligt buiten jouw invloed, en waar heb je wel grip op?',
            'Hoeveel ruimte geeft je rol je hier?',
            'Als de situatie zelf niet verandert, wat kun jij dan anders doen?',
          ],
          share: 0.25,
        },
        {
          key: 'learning',
          title: 'Leren van de ervaring',
          purpose: 'De ervaring gebruiken als bron van leermomenten voor de toekomst, in plaats van te zoeken naar waar het vandaan komt.',
          prompts: [
            'Wat neem je mee uit deze ervaring?',
            'Wanneer lukte iets vergelijkbaars wel, en wat deed je toen anders?',
            'Welke aanpak kun je de volgende keer inzetten?',
          ],
          share: 0.25,
        },
        {
          key: 'self-directed',
          title: 'Zelf verder leren',
          purpose: 'De gecoachte helpen eigen manieren van leren te vinden, zodat die het in een volgende situatie zonder coach redt.',
          prompts: ['Wat probeer je als eerste uit?', 'Hoe merk je zelf of het werkt?', 'Wie of wat helpt je om te blijven leren?'],
          share: 0.2,
        },
      ],
      tips: [
        'Vraag naar het hoe van gedrag, niet naar het waarom van gevoelens.',
        'Neem de context serieus: het probleem ligt niet altijd bij de gecoachte, soms bij hoe het werk is georganiseerd.',
        'Pas op voor eindeloze zelfanalyse. Inzicht telt pas als er ander handelen uit volgt.',
        'Diepgang vind je ook in het leren van gewone werkervaringen.',
      ],
    },
    en: {
      name: 'Learning-oriented coaching',
      summary:
        'For questions from everyday work: rather than digging into the past, look at what someone does, what their surroundings bring to it and what there is to learn for next time.',
      phases: [
        {
          key: 'work-situation',
          title: 'Your own actions',
          purpose: 'Take a concrete work situation: what exactly happened, what did the coachee do and what was the effect?',
          prompts: [
            'What exactly happened, and what did you do at that moment?',
            'What was going on between you and your colleagues, your manager or the organisation?',
            'What did you want to achieve, and what was the effect?',
          ],
          share: 0.3,
        },
        {
          key: 'influence',
          title: 'Context and own choices',
          purpose: 'Separate what the surroundings cause (culture, roles, policy) from what the coachee can influence.',
          prompts: [
            'What lies outside your influence, and what can you get a grip on?',
            'How much room does your role give you here?',
            'If the situation itself does not change, what could you do differently?',
          ],
          share: 0.25,
        },
        {
          key: 'learning',
          title: 'Learning from experience',
          purpose: 'Use the experience as a source of lessons for the future, instead of searching for where it came from.',
          prompts: [
            'What do you take away from this experience?',
            'When did something similar work out, and what did you do differently then?',
            'Which approach could you use next time?',
          ],
          share: 0.25,
        },
        {
          key: 'self-directed',
          title: 'Steering your own learning',
          purpose: 'Help the coachee find their own ways of learning, so they can manage the next situation without a coach.',
          prompts: ['What will you try first?', 'How will you notice whether it works?', 'Who or what helps you keep learning?'],
          share: 0.2,
        },
      ],
      tips: [
        'Ask about the how of behaviour, not the why of feelings.',
        'Take the context seriously: the problem is not always the coachee, sometimes it is how the work is organised.',
        'Beware of endless self-analysis. Insight only counts when it leads to acting differently.',
        'Depth can also be found in learning from ordinary work experiences.',
      ],
    },
  },
};
