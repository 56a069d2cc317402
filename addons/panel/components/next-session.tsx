/** The next session in the Share tab: the one already planned (with its calendar status), or the free slots to book it now. */
import { useEffect, useRef } from 'preact/hooks';
import type { Locale } from '../../../shared/protocol';
import type { SessionModel } from '../models/session';
import { useStrings } from '../i18n/strings';
import { formatWhen } from '../../common/format';
import { CalendarBadge } from './calendar-badge';
import { BookingMessage, SlotPicker } from '../../common/components/slot-picker';
import { Booking } from '../../common/models/booking';

/** Shows the next session with "plan another" (a disclosure), or the picker when there is none. */
export function NextSession({ session, locale }: { session: SessionModel; locale: Locale }) {
  const t = useStrings();
  const ref = useRef<HTMLHeadingElement>(null);
  const booking = session.booking(Booking);
  const next = session.next.value;
  const known = next?.session.value;
  const startsAt = known?.startsAt ?? session.data.value.nextSession?.startsAt;
  const focus = session.focusNext.value;
  const settled = booking.settled.value;
  // After a definite outcome the picker changes under the focused control: keep keyboard and screen-reader users in this section.
  useEffect(() => {
    if (settled) ref.current?.focus();
  }, [settled]);
  useEffect(() => {
    if (!next) return booking.start();
    next.watch();
    return next.stop;
  }, [next]);
  useEffect(() => {
    if (!focus) return;
    ref.current?.focus();
    session.planNext(false);
  }, [focus]);
  const picker = <SlotPicker booking={booking} t={t.booking} locale={locale} id="slot" />;
  return (
    <section class="next" aria-labelledby="next-h" data-testid="next-session">
      <h3 id="next-h" ref={ref} tabIndex={-1}>
        {t.booking.heading}
      </h3>
      {next && startsAt ? (
        <>
          <p class="next-when">
            <time dateTime={startsAt}>{formatWhen(startsAt, session.data.value.coach.timeZone, locale)}</time>
            {known && <CalendarBadge status={known.calendarStatus} />}
          </p>
          <details key={startsAt} class="another" onToggle={booking.start}>
            <summary>{t.booking.another}</summary>
            {picker}
          </details>
        </>
      ) : (
        picker
      )}
      <BookingMessage booking={booking} t={t.booking} locale={locale} />
    </section>
  );
}
