/** The open session: header, current phase, tabs with their panels, announcements and problems. */
import type { PanelModel } from '../models/panel';
import type { SessionModel } from '../models/session';
import { useStrings } from '../i18n/strings';
import { AgendaTab } from './agenda-tab';
import { AgreementsTab } from './agreements-tab';
import { IntakeCard } from './intake-card';
import { BetweenCard } from './between-card';
import { Announcer } from './announcer';
import { ModelTab } from './model-tab';
import { NotesTab } from './notes-tab';
import { PhaseCard } from './phase-card';
import { ProblemToast } from './problem-toast';
import { SessionHeader } from './session-header';
import { TabBar } from './tab-bar';
import { Loader } from '../../common/components/loader';
import { onDemand } from '../../common/components/on-demand';
import { StatusView } from '../../common/components/status-view';

/** While an on-demand view's code arrives: the spinner; when it could not be fetched: the offline text with a retry. */
const arriving = (retry: (() => void) | null) => {
  const t = useStrings().app;
  return retry ? <StatusView message={t.failed.offline} retryLabel={t.retry} onRetry={retry} /> : <Loader label={t.loading} />;
};
// Both need the network anyway (booking, invite, the referral texts), so their code loads when first opened.
const ShareTab = onDemand(() => import('./on-demand-views').then((m) => m.ShareTab), arriving);
const ReferralDialog = onDemand(() => import('./on-demand-views').then((m) => m.ReferralDialog), arriving);

/** Lays out one session in the narrow panel. */
export function SessionView({ panel, session }: { panel: PanelModel; session: SessionModel }) {
  const t = useStrings();
  const tab = panel.tab.value;
  const problem = session.live.problem.value ?? session.problem.value;
  return (
    <main class="panel">
      <SessionHeader panel={panel} session={session} />
      {session.fromCache.value && <p class="note note-cached">{t.app.cached}</p>}
      <IntakeCard intake={session.data.value.intake} title={t.app.intake} />
      <PhaseCard
        timer={session.timer}
        model={session.model.value}
        onReferral={session.model.value.referralChecklist ? session.openReferral : null}
        onPlan={() => {
          panel.setTab('share');
          session.planNext();
        }}
      />
      <BetweenCard watch={session.between} locale={panel.locale.value} zone={session.data.value.coach.timeZone} />
      <TabBar
        current={tab}
        onSelect={panel.setTab}
        counts={{ agenda: session.agendaCount.value, agreements: session.agreements.thisSession.value.length }}
      />
      <div class="tabpanel" role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`} tabIndex={0}>
        {tab === 'agenda' && <AgendaTab session={session} locale={panel.locale.value} />}
        {tab === 'agreements' && <AgreementsTab session={session} locale={panel.locale.value} />}
        {tab === 'notes' && <NotesTab session={session} />}
        {tab === 'share' && <ShareTab session={session} locale={panel.locale.value} />}
        {tab === 'model' && <ModelTab session={session} />}
      </div>
      {session.referralOpen.value && <ReferralDialog session={session} locale={panel.locale.value} />}
      <Announcer announcement={session.timer.announcement.value} />
      {problem && (
        <ProblemToast
          problem={problem}
          onDismiss={() => {
            session.live.dismissProblem();
            session.dismissProblem();
          }}
        />
      )}
    </main>
  );
}
