/** What the coachee will see on the invite, exactly as the API renders it, before anything is shared. */
import { useEffect } from 'preact/hooks';
import type { SessionModel } from '../models/session';
import { useStrings } from '../i18n/strings';

/** The invite preview (plain text as written to the calendar), refreshed whenever the tab opens. */
export function ShareTab({ session }: { session: SessionModel }) {
  const t = useStrings();
  const invite = session.invite.value;
  const busy = session.busy.value === 'invite';
  const name = session.data.value.coachee.name;
  useEffect(() => {
    void session.refreshInvite();
  }, [session]);
  return (
    <section class="share" aria-labelledby="share-h" aria-busy={busy}>
      <h3 id="share-h">{t.share.heading(name)}</h3>
      <p class="hint">{t.share.intro}</p>
      {invite.mode === 'link_only' && <p class="note">{t.share.linkOnly}</p>}
      {session.inviteStale.value && !busy && <p class="note">{t.share.stale}</p>}
      <pre class="invite" aria-label={t.share.previewLabel} lang={invite.locale} data-testid="invite-preview">
        {invite.text}
      </pre>
      <button type="button" class="btn" onClick={session.refreshInvite} disabled={busy}>
        {busy ? t.share.refreshing : t.share.refresh}
      </button>
    </section>
  );
}
