/** Built-in model B: session steps from safety to practice, with the discreet referral checklist, in Dutch and English. */
import type { BuiltInModelSource } from './model-text';

/** Model B: intake and safety, recognition and reframing, resources and skills, practice and evaluation. */
export const SESSION_STEPS_MODEL: BuiltInModelSource = {
  id: 'builtin-session-steps',
  referralChecklist: true,
  text: {
    nl: {
      name: 'Sessiestappen',
      summary:
        'Vier stappen voor gesprekken waarin emoties een grote rol spelen: veiligheid, erkenning, hulpbronnen en oefenen. Met een discrete checklist voor het moment dat coaching niet genoeg is.',
      phases: [
        {
          key: 'safety',
          title: 'Intake en veiligheid',
          purpose: 'Een veilige start: spreek de vertrouwelijkheid uit, hoor wat de gecoachte raakt en wat die hoopt te bereiken.',
          prompts: [
            'Wat we hier bespreken, blijft tussen ons. Wat heb je nodig om vrijuit te kunnen praten?',
            'Wat houdt je op dit moment het meest bezig?',
            'Wat hoop je dat er na vandaag anders is?',
          ],
          share: 0.2,
        },
        {
          key: 'recognition',
          title: 'Erkenning en herformulering',
          purpose: 'Gevoelens en behoeften erkennen, woorden vinden voor wat er speelt en gedachten waarin iemand vastzit vanuit een andere hoek bekijken.',
          prompts: [
            'Als je het in een paar woorden zegt: wat voel je erbij?',
            'Welk patroon herken je hierin?',
            'Hoe zou je er ook naar kunnen kijken?',
          ],
          share: 0.3,
        },
        {
          key: 'resources',
          title: 'Hulpbronnen en vaardigheden',
          purpose:
            'Praktisch werken met wat er al is en wat erbij kan komen: ademhaling, grenzen aangeven, assertiviteit en automatische negatieve gedachten leren opmerken.',
          prompts: [
            'Wat heeft je eerder geholpen in een moeilijke situatie?',
            'Waar zou je een grens willen trekken, en hoe zeg je dat?',
            'Welke gedachte schiet automatisch door je hoofd, en hoe waar is die?',
          ],
          share: 0.3,
        },
        {
          key: 'practice',
          title: 'Oefenen en evalueren',
          purpose: 'Een kleine oefening voor de komende periode afspreken; de volgende keer samen bekijken wat werkte en wat je bijstelt.',
          prompts: [
            'Welke kleine oefening wil je tot de volgende keer doen?',
            'Hoe ging de oefening van vorige keer, en wat pas je aan?',
            'Hoe houd je bij hoe het met je gaat?',
          ],
          share: 0.2,
        },
      ],
      tips: [
        'Laat de gecoachte het eigen verhaal vertellen en zoek samen naar nieuwe betekenissen (narratief werken).',
        'Onderzoek niet-helpende gedachten: klopt dit, en wat is een gedachte die meer helpt? (cognitieve herstructurering)',
        'Een korte adem- of aandachtsoefening brengt rust als het spannend wordt (mindfulness en ontspanning).',
        'Bouw op sterke kanten en eerdere successen; dat geeft vertrouwen om te veranderen.',
        'Groei gaat niet in een rechte lijn. Terugval hoort erbij en is bespreekbaar.',
        'Let op signalen dat coaching niet genoeg is en gebruik dan de checklist voor doorverwijzing. Leg geen diagnoses vast.',
      ],
    },
    en: {
      name: 'Session steps',
      summary:
        'Four steps for conversations in which emotions play a large part: safety, recognition, resources and practice. With a discreet checklist for the moment coaching is not enough.',
      phases: [
        {
          key: 'safety',
          title: 'Intake and safety',
          purpose: 'A safe start: state the confidentiality, hear what touches the coachee and what they hope to achieve.',
          prompts: [
            'What we discuss here stays between us. What do you need to speak freely?',
            'What is on your mind most at the moment?',
            'What do you hope will be different after today?',
          ],
          share: 0.2,
        },
        {
          key: 'recognition',
          title: 'Recognition and reframing',
          purpose: 'Acknowledge feelings and needs, find words for what is going on, and look at stuck thoughts from a new angle.',
          prompts: ['If you put it in a few words, what do you feel about it?', 'Which pattern do you recognise here?', 'How else could you look at it?'],
          share: 0.3,
        },
        {
          key: 'resources',
          title: 'Resources and skills',
          purpose:
            'Work practically with what is already there and what could be added: breathing, setting boundaries, assertiveness and noticing automatic negative thoughts.',
          prompts: [
            'What has helped you before in a difficult situation?',
            'Where would you like to draw a line, and how would you say it?',
            'Which thought pops up automatically, and how true is it?',
          ],
          share: 0.3,
        },
        {
          key: 'practice',
          title: 'Practise and evaluate',
          purpose: 'Agree on a small exercise for the coming weeks; next time, look together at what worked and what to adjust.',
          prompts: [
            'Which small exercise would you like to do before next time?',
            'How did last time’s exercise go, and what will you adjust?',
            'How will you keep track of how you are doing?',
          ],
          share: 0.2,
        },
      ],
      tips: [
        'Let the coachee tell their own story and look for new meanings together (narrative work).',
        'Examine unhelpful thoughts: is this true, and which thought would help more? (cognitive restructuring)',
        'A short breathing or attention exercise brings calm when things get tense (mindfulness and relaxation).',
        'Build on strengths and earlier successes; that gives the confidence to change.',
        'Growth is not a straight line. Setbacks are part of it and can be talked about.',
        'Watch for signs that coaching is not enough and use the referral checklist then. Never record diagnoses.',
      ],
    },
  },
};
