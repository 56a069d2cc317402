/** Whether a session's invite is in the coach's calendar: not yet, yes, could not be written, or no calendar. */
import type { Session } from '../../../shared/protocol';
import { useStrings } from '../i18n/strings';

/** A status pill in a polite live region, so "in calendar" is heard when it arrives. */
export function CalendarBadge({ status }: { status: Session['calendarStatus'] }) {
  const t = useStrings();
  return (
    <span class={`cal cal-${status}`} role="status" data-calendar={status}>
      {t.cal[status]}
    </span>
  );
}
