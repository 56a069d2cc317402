/** Built-in model A, the default: the coaching conversation (gespreksmodel coachingsgesprek), in Dutch and English. */
import type { BuiltInModelSource } from './model-text';

/** Model A: from goal and agenda, via what goes well and what can improve, to WWW agreements and the next appointment. */
export const COACHING_MODEL: BuiltInModelSource = {
  id: 'builtin-coaching',
  referralChecklist: false,
  text: {
    nl: {
      name: 'Coachingsgesprek',
      summary:
        'Het basismodel voor een coachingsgesprek: eerst doel en agenda, dan het verhaal van de afgelopen periode, wat goed gaat en wat beter kan, en je eindigt met concrete afspraken, een nieuwe datum en een korte terugblik.',
      phases: [
        {
          key: 'status',
          title: 'Doel en agenda',
          purpose: 'Samen helder krijgen waar het traject en dit gesprek om draaien, welke onderwerpen voorgaan en hoeveel tijd jullie hebben.',
          prompts: [
            'Wat wil je aan het eind van dit gesprek meenemen?',
            'Welke onderwerpen heb je meegenomen, en welk onderwerp is nu het belangrijkst?',
            'Hoe sluit dit aan bij het doel dat we voor je traject hebben gesteld?',
            'Hoe verdelen we de tijd die we vandaag hebben?',
          ],
          share: 0.1,
        },
        {
          key: 'current-state',
          title: 'Hoe staat het ervoor?',
          purpose: 'De gecoachte vertelt als een reisverslag wat er sinds de vorige keer is gebeurd. Jij luistert, vat samen en vraagt door (LSD) en gaat nog niet in discussie.',
          prompts: [
            'Hoe is het je vergaan sinds we elkaar spraken?',
            'Hoe staat het met de afspraken van vorige keer?',
            'Kun je een moment beschrijven waarop dat speelde?',
            'Wat bedoel je precies als je zegt dat het “niet lekker loopt”?',
          ],
          share: 0.2,
        },
        {
          key: 'going-well',
          title: 'Wat gaat goed',
          purpose: 'De gecoachte noemt eerst zelf wat er gelukt is. Daarna vertel jij wat jou positief is opgevallen.',
          prompts: [
            'Waar ben je de afgelopen tijd tevreden over?',
            'Wat heb jij gedaan waardoor dat lukte?',
            'Wat wil je daarvan vasthouden?',
          ],
          share: 0.1,
        },
        {
          key: 'improve',
          title: 'Wat kan beter',
          purpose:
            'Met positief geformuleerde vragen verkennen wat nog beter kan. Vat de punten samen en laat de gecoachte kiezen wat voorgaat. Heb jij vorige keer iets toegezegd, vraag dan hoe dat is bevallen.',
          prompts: [
            'Wat zou je de volgende keer nog beter willen doen?',
            'Welk van deze punten pak je als eerste op?',
            'Wat zou er veranderen als dit punt opgelost is?',
            'Hoe heb je mijn steun van de afgelopen periode ervaren?',
          ],
          share: 0.2,
        },
        {
          key: 'agreements',
          title: 'Concrete afspraken',
          purpose:
            'De gecoachte bedenkt zelf de oplossingen: een eigen oplossing wordt beter gedragen en heeft meer effect (E = K × A). Leg elke afspraak vast als WWW: wie doet wat en wanneer.',
          prompts: [
            'Welke mogelijkheden zie je zelf?',
            'Welke daarvan ga je echt doen, en wanneer?',
            'Hoe weet je straks dat het gelukt is?',
            'Wie heb je verder nodig om dit te laten slagen?',
          ],
          share: 0.2,
        },
        {
          key: 'support',
          title: 'Steun',
          purpose: 'Nagaan welke hulp de gecoachte van jou verwacht. Wat jij toezegt, leg je ook vast als afspraak.',
          prompts: ['Wat heb je van mij nodig om dit voor elkaar te krijgen?', 'Wat kun je zelf regelen, en waarbij wil je juist hulp?'],
          share: 0.05,
        },
        {
          key: 'next-appointment',
          title: 'Volgende afspraak',
          purpose: 'De volgende sessie inplannen voordat jullie afscheid nemen; dat houdt de vaart erin.',
          prompts: ['Wanneer spreken we elkaar weer?', 'Wat wil je tegen die tijd uitgeprobeerd hebben?'],
          share: 0.05,
        },
        {
          key: 'evaluation',
          title: 'Terugblik op dit gesprek',
          purpose: 'Vragen hoe de gecoachte het gesprek heeft ervaren, en over en weer feedback geven. Jullie leren er allebei van.',
          prompts: ['Hoe heb je dit gesprek ervaren?', 'Wat heeft je vandaag het meest geholpen?', 'Wat kan ik de volgende keer anders doen?'],
          share: 0.1,
        },
      ],
      tips: [
        'Vertrouwen eerst: wie zich veilig voelt, vertelt wat er werkelijk speelt, en dat houdt de motivatie levend.',
        'Heb geduld. Groei kost tijd, en niet elke stap past in één gesprek.',
        'Daag uit. Een opdracht die net iets verder reikt dan vandaag geeft groei en zelfvertrouwen.',
        'Houd doelen haalbaar: liever één stap die lukt dan drie die blijven liggen.',
        'Moedig aan. Benoem vooruitgang, ook als die klein is; oprecht enthousiasme helpt om vol te houden.',
        'Spreek af hoe jullie elkaar op de hoogte houden, en leg afspraken vast als WWW: wie doet wat en wanneer.',
        'Fouten mogen. Kijk samen wat er te leren valt, niet wie het fout deed.',
        'Luister om te begrijpen, niet om te antwoorden: luisteren, samenvatten, doorvragen (LSD).',
        'Iedereen leert op een eigen manier, misschien anders dan jij. Sluit aan bij hoe deze gecoachte het beste leert.',
        'Geef geen recept, maar vraag wat er mogelijk is. Een eigen oplossing wint: effect is kwaliteit maal acceptatie (E = K × A).',
        'De gecoachte brengt de onderwerpen in; jij bewaakt de structuur en de tijd.',
      ],
    },
    en: {
      name: 'Coaching conversation',
      summary:
        'The basic model for a coaching conversation: start with goal and agenda, hear how the past weeks went, look at what goes well and what could be better, and finish with concrete agreements, a next date and a short review.',
      phases: [
        {
          key: 'status',
          title: 'Goal and agenda',
          purpose: 'Get clear together what the coaching and this conversation are about, which topics come first and how much time you have.',
          prompts: [
            'What would you like to take away from this conversation?',
            'Which topics have you brought, and which one matters most right now?',
            'How does this connect to the goal we set for your coaching?',
            'How shall we divide the time we have today?',
          ],
          share: 0.1,
        },
        {
          key: 'current-state',
          title: 'Where things stand',
          purpose: 'The coachee tells, like a travel report, what has happened since last time. You listen, summarise and ask further (LSD), without debating yet.',
          prompts: [
            'How have things been since we last spoke?',
            'How did the agreements from last time work out?',
            'Could you describe a moment when that came up?',
            'What exactly do you mean when you say it is “not going well”?',
          ],
          share: 0.2,
        },
        {
          key: 'going-well',
          title: 'What goes well',
          purpose: 'The coachee names their own successes first. Then you share what struck you in a positive way.',
          prompts: ['What are you pleased about from the past weeks?', 'What did you do that made it work?', 'What do you want to hold on to?'],
          share: 0.1,
        },
        {
          key: 'improve',
          title: 'What could be better',
          purpose:
            'Explore what could go even better with positively phrased questions. Summarise the points and let the coachee choose what comes first. If you promised something last time, ask how it worked for them.',
          prompts: [
            'What would you like to do even better next time?',
            'Which of these points would you take on first?',
            'What would change once this point is solved?',
            'How did my support over the past weeks work for you?',
          ],
          share: 0.2,
        },
        {
          key: 'agreements',
          title: 'Concrete agreements',
          purpose:
            'The coachee comes up with the solutions: an idea of their own is carried better and works better (E = Q × A, effect equals quality times acceptance). Record each one as WWW: who does what, and when.',
          prompts: [
            'Which options do you see yourself?',
            'Which of them will you actually do, and when?',
            'How will you know it worked?',
            'Who else do you need to make this succeed?',
          ],
          share: 0.2,
        },
        {
          key: 'support',
          title: 'Support',
          purpose: 'Find out what help the coachee expects from you. Record what you promise as an agreement as well.',
          prompts: ['What do you need from me to make this happen?', 'What can you arrange yourself, and where would help make the difference?'],
          share: 0.05,
        },
        {
          key: 'next-appointment',
          title: 'Next appointment',
          purpose: 'Book the next session before you say goodbye; it keeps the momentum going.',
          prompts: ['When shall we meet again?', 'What would you like to have tried by then?'],
          share: 0.05,
        },
        {
          key: 'evaluation',
          title: 'Looking back on this conversation',
          purpose: 'Ask how the coachee experienced the conversation and exchange feedback both ways. You both learn from it.',
          prompts: ['How was this conversation for you?', 'What helped you most today?', 'What could I do differently next time?'],
          share: 0.1,
        },
      ],
      tips: [
        'Trust comes first: people who feel safe tell you what is really going on, and that keeps motivation alive.',
        'Be patient. Growth takes time, and not every step fits into one conversation.',
        'Offer a challenge. A task that reaches a little beyond today builds growth and confidence.',
        'Keep goals realistic: one step that succeeds beats three that stay on the shelf.',
        'Encourage. Name progress, even small progress; genuine enthusiasm helps people keep going.',
        'Agree how you will keep each other informed, and record agreements as WWW: who does what, and when.',
        'Mistakes are allowed. Look together at what can be learned, not at who got it wrong.',
        'Listen to understand, not to reply: listen, summarise, ask further (LSD, after the Dutch “luisteren, samenvatten, doorvragen”).',
        'Everyone learns in their own way, perhaps differently from you. Follow how this coachee learns best.',
        'Don’t hand out recipes; ask what is possible. Their own solution wins: effect equals quality times acceptance (E = Q × A, in Dutch E = K × A).',
        'The coachee brings the topics; you guard the structure and the time.',
      ],
    },
  },
};
