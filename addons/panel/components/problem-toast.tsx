/** A refused edit or failed request, shown until dismissed; the room's own words stay available as detail. */
import type { Problem } from '../../common/ports';
import { useStrings } from '../i18n/strings';

/** An alert with a localised summary and the server's detail. */
export function ProblemToast({ problem, onDismiss }: { problem: Problem; onDismiss: () => void }) {
  const t = useStrings();
  return (
    <div class="toast" role="alert" data-testid="problem">
      <p>
        <strong>{t.problem.heading}:</strong> {t.problem.byStatus(problem.status)}
        <br />
        <span class="hint" lang="en">
          {problem.detail}
        </span>
      </p>
      <button type="button" class="btn-icon" aria-label={t.problem.dismiss} onClick={onDismiss}>
        <span aria-hidden="true">✕</span>
      </button>
    </div>
  );
}
