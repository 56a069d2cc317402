/** Panel strings for what came in between sessions (alerts, reflections, check-ins), Dutch and English. */
import type { Locale } from '../../../shared/protocol';

const nl = {
  since: (n: number) => `Sinds de vorige sessie (${n})`,
  nothing: 'Sinds de vorige sessie kwam er niets binnen.',
  low: (score: number, prev: number | null) => `Lage check-in: ${score} van 5${prev !== null ? ` (was ${prev})` : ''}`,
  read: 'Gezien',
  kinds: { reflection: 'Reflectie', checkin: 'Check-in', evaluation: 'Terugblik', followup: 'Follow-up', learning: 'Micro-learning', 'reminder.session': 'Herinnering', 'reminder.agreement': 'Herinnering' } as Record<string, string>,
  score: (n: number) => `${n} van 5`,
};
const en: typeof nl = {
  since: (n) => `Since the last session (${n})`,
  nothing: 'Nothing came in since the last session.',
  low: (score, prev) => `Low check-in: ${score} out of 5${prev !== null ? ` (was ${prev})` : ''}`,
  read: 'Seen',
  kinds: { reflection: 'Reflection', checkin: 'Check-in', evaluation: 'Evaluation', followup: 'Follow-up', learning: 'Micro-learning', 'reminder.session': 'Reminder', 'reminder.agreement': 'Reminder' },
  score: (n) => `${n} out of 5`,
};

/** The strings of a locale. */
export const betweenPanelStrings = (locale: Locale) => (locale === 'en' ? en : nl);
