/** A visually hidden polite live region that speaks phase changes and timer milestones. */
import type { Announcement } from '../models/phase-timer';
import { useStrings } from '../i18n/strings';
import type { PanelStrings } from '../i18n/strings';

/** The text a screen reader hears for an announcement. */
export function announcementText(a: Announcement, t: PanelStrings): string {
  switch (a.kind) {
    case 'phase-changed':
      return t.announce.phaseChanged(a.index, a.count, a.title);
    case 'phase-ends-soon':
      return t.announce.phaseEndsSoon(a.title);
    case 'phase-over':
      return t.announce.phaseOver(a.title);
    case 'session-ends-soon':
      return t.announce.sessionEndsSoon(a.minutes);
    case 'session-over':
      return t.announce.sessionOver;
  }
}

/**
 * The live region is always rendered, so assistive technology registers it before its text changes.
 * @see https://www.w3.org/TR/wai-aria-1.2/#aria-live
 */
export function Announcer({ announcement }: { announcement: Announcement | null }) {
  const t = useStrings();
  return (
    <div class="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {announcement ? announcementText(announcement, t) : ''}
    </div>
  );
}
