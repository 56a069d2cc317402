/** The product's name and descriptions for the app stores and add-on listings, in English and Dutch (our own words). */

/** Texts per language; lengths fit the tightest store (Teams: short name ≤ 30, short description ≤ 80). */
export const TEXTS = {
  en: {
    shortName: 'Coaching companion',
    fullName: 'Coaching companion for coaching sessions',
    shortDescription: 'Agenda, conversation model and agreements right beside your coaching call.',
    fullDescription:
      'A companion for coaching sessions that opens beside the call. Build the agenda together, work through a conversation ' +
      'model with a timer for every phase, and capture agreements as who does what by when. Book the next session in the ' +
      'calendar before you say goodbye. Your coachee finds the agenda and the agreements on the calendar invite; your own ' +
      'notes stay private and are never shared.',
    developer: 'Coaching companion',
    domainReason: 'Serves the side panel and its API.',
  },
  nl: {
    shortName: 'Coaching companion',
    fullName: 'Coaching companion voor coachgesprekken',
    shortDescription: 'Agenda, gespreksmodel en afspraken direct naast je coachgesprek.',
    fullDescription:
      'Een hulp voor coachsessies die naast het gesprek openstaat. Stel samen de agenda op, loop een gespreksmodel door met ' +
      'een timer per fase en leg afspraken vast: wie doet wat, en wanneer. Plan de volgende sessie in de agenda nog voor je ' +
      'afscheid neemt. Je gecoachte vindt agenda en afspraken in de agenda-uitnodiging; je eigen notities blijven privé en ' +
      'worden nooit gedeeld.',
    developer: 'Coaching companion',
    domainReason: 'Levert het zijpaneel en de bijbehorende API.',
  },
};
