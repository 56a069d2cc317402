/** Free slots by day as one radio group, "more days", the confirm step and the booking result; shared by the panel and the coachee page. */
import type { Locale } from '../../../shared/protocol';
import type { BookingModel } from '../models/booking';
import { formatDue, formatTime, formatWhen } from '../format';

/** The texts the picker needs (the panel speaks to the coach, the coachee page to the coachee). */
export type PickerStrings = {
  pick: string;
  loading: string;
  none: string;
  loadFailed: string;
  retry: string;
  more: string;
  confirm: string;
  booking: string;
  cancel: string;
  booked: (when: string) => string;
  taken: string;
  invalid: string;
  offline: string;
  failed: string;
};

/** `dayLevel`: the heading level of the day titles, one below the section the picker sits in (default 4, under an h3). */
type Props = { booking: BookingModel; t: PickerStrings; locale: Locale; id: string; dayLevel?: 3 | 4 };

/**
 * The times are native radio buttons in one group: one Tab stop, arrow keys move between times,
 * a click or a key press picks one; booking needs the confirm button. Each day is a labelled group.
 * @see https://www.w3.org/WAI/ARIA/apg/patterns/radio/
 */
export function SlotPicker({ booking, t, locale, id, dayLevel = 4 }: Props) {
  const DayHeading = dayLevel === 3 ? 'h3' : 'h4';
  const zone = booking.zone.value;
  const days = booking.days.value;
  const chosen = booking.chosen.value;
  const loading = booking.loading.value;
  const failed = booking.loadFailed.value;
  const result = booking.result.value;
  return (
    <div class="picker">
      {days.length > 0 && (
        <fieldset class="slot-days" disabled={booking.unresolved.value}>
          <legend class="hint">
            {t.pick} ({zone})
          </legend>
          {days.map((day) => (
            <div key={day.date} role="group" aria-labelledby={`${id}-${day.date}`}>
              <DayHeading id={`${id}-${day.date}`} class="slot-day">
                {formatDue(day.date, zone, locale)}
              </DayHeading>
              <div class="chips">
                {day.slots.map((slot) => (
                  <label key={slot.startsAt} class={chosen === slot ? 'chip chip-on' : 'chip'}>
                    <input type="radio" name={`${id}-slot`} checked={chosen === slot} onChange={() => booking.choose(slot)} />
                    {formatTime(slot.startsAt, zone, locale)}
                  </label>
                ))}
              </div>
            </div>
          ))}
        </fieldset>
      )}
      {chosen && (
        <div class="confirm" data-testid="confirm">
          <p>
            <strong>{formatWhen(chosen.startsAt, zone, locale)}</strong>–{formatTime(chosen.endsAt, zone, locale)}
          </p>
          <button type="button" class="btn btn-primary" disabled={booking.busy.value} onClick={booking.confirm}>
            {booking.busy.value ? t.booking : result && result.kind !== 'booked' ? t.retry : t.confirm}
          </button>
          <button type="button" class="btn btn-quiet" disabled={booking.unresolved.value} onClick={() => booking.choose(null)}>
            {t.cancel}
          </button>
        </div>
      )}
      {loading ? <p class="hint">{t.loading}</p> : failed ? <p class="note">{t.loadFailed}</p> : days.length === 0 && <p class="empty">{t.none}</p>}
      {!loading && (failed || booking.more.value) && (
        <button type="button" class="btn btn-small" onClick={booking.showMore}>
          {failed ? t.retry : t.more}
        </button>
      )}
    </div>
  );
}

/**
 * The outcome of the last booking attempt in a polite live region, rendered (empty) before it
 * speaks so screen readers register it. A refusal's detail comes from the API, in English.
 * @see https://www.w3.org/TR/wai-aria-1.2/#status
 */
export function BookingMessage({ booking, t, locale }: Omit<Props, 'id'>) {
  const r = booking.result.value;
  return (
    <p class={r && r.kind !== 'booked' ? 'booking-msg note' : 'booking-msg'} role="status" aria-live="polite" data-testid="booking-result">
      {!r ? '' : r.kind === 'booked' ? t.booked(formatWhen(r.session.startsAt, booking.zone.value, locale)) : r.kind === 'invalid' ? (
        <>
          {t.invalid}: <span lang="en">{r.detail}</span>
        </>
      ) : (
        t[r.kind]
      )}
    </p>
  );
}
