/** The coachee's intake answers, folded, in the first session's panel (the payload carries them only there). */
import type { PanelData } from '../../../shared/protocol';

export function IntakeCard({ intake, title }: { intake: PanelData['intake']; title: string }) {
  if (!intake) return null;
  const text = new Map(intake.answers.map((a) => [a.questionId, a.text]));
  return (
    <details class="note" data-testid="panel-intake">
      <summary>{title}</summary>
      {intake.questions.map((q) => text.has(q.id) && <p key={q.id}><span class="hint">{q.text}</span><br />{text.get(q.id)}</p>)}
    </details>
  );
}
