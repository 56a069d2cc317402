/** Built-in model D: the therapeutic lens, three short check questions on basic needs, in Dutch and English. */
import type { BuiltInModelSource } from './model-text';

/** Model D: safety, love and attention, boundaries — and their adult counterparts; short, to use beside any model. */
export const THERAPEUTIC_LENS_MODEL: BuiltInModelSource = {
  id: 'builtin-therapeutic-lens',
  referralChecklist: true,
  text: {
    nl: {
      name: 'Therapeutische lens',
      summary:
        'Drie korte controlevragen over veiligheid, aandacht en grenzen, en wat een volwassene daar zelf aan kan doen. Bedoeld als extra blik naast een ander model, niet als diagnose.',
      phases: [
        {
          key: 'safety',
          title: 'Veiligheid',
          purpose: 'Nagaan of de gecoachte zich veilig genoeg voelt en zichzelf kan kalmeren (zelfregulering).',
          prompts: ['Hoe veilig voel je je, hier en in deze situatie?', 'Wat helpt jou om tot rust te komen als het spannend wordt?'],
          share: 0.33,
        },
        {
          key: 'attention',
          title: 'Liefde en aandacht',
          purpose: 'Kijken naar de relatie van de gecoachte met zichzelf.',
          prompts: ['Hoe praat je tegen jezelf als iets misgaat?', 'Wat zou je zeggen tegen een goede vriend in jouw situatie?'],
          share: 0.33,
        },
        {
          key: 'boundaries',
          title: 'Grenzen',
          purpose: 'Zelfdiscipline en het durven laten zien van jezelf: waar houdt de gecoachte zich in, en waar zegt die te makkelijk ja?',
          prompts: ['Waar zeg je ja terwijl je eigenlijk nee bedoelt?', 'Wat laat je van jezelf zien, en wat houd je liever voor je?'],
          share: 0.33,
        },
      ],
      tips: [
        'Gebruik deze lens naast een ander model; stel de vragen alleen als ze passen.',
        'Gedrag dat ooit beschermde, kan nu in de weg zitten. Benader het met respect.',
        'Merk je dat het zwaarder is dan coaching aankan, gebruik dan de checklist voor doorverwijzing.',
      ],
    },
    en: {
      name: 'Therapeutic lens',
      summary:
        'Three short check questions on safety, attention and boundaries, and what an adult can do about them. Meant as an extra view beside another model, not as a diagnosis.',
      phases: [
        {
          key: 'safety',
          title: 'Safety',
          purpose: 'Check whether the coachee feels safe enough and can calm themselves (self-regulation).',
          prompts: ['How safe do you feel, here and in this situation?', 'What helps you settle down when things get tense?'],
          share: 0.33,
        },
        {
          key: 'attention',
          title: 'Love and attention',
          purpose: 'Look at the coachee’s relationship with themselves.',
          prompts: ['How do you talk to yourself when something goes wrong?', 'What would you say to a good friend in your situation?'],
          share: 0.33,
        },
        {
          key: 'boundaries',
          title: 'Boundaries',
          purpose: 'Self-discipline and daring to show yourself: where does the coachee hold back, and where do they say yes too easily?',
          prompts: ['Where do you say yes when you actually mean no?', 'What do you show of yourself, and what do you rather keep to yourself?'],
          share: 0.33,
        },
      ],
      tips: [
        'Use this lens beside another model; ask the questions only when they fit.',
        'Behaviour that once protected someone can now stand in the way. Approach it with respect.',
        'If you notice it is heavier than coaching can carry, use the referral checklist.',
      ],
    },
  },
};
