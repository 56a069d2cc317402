/** A full-panel message when the session cannot be shown, with a retry where retrying can help. */

export type StatusViewProps = { message: string; retryLabel: string | null; onRetry: () => void };

/** An alert with an optional retry button. */
export function StatusView({ message, retryLabel, onRetry }: StatusViewProps) {
  return (
    <div class="status-view" role="alert">
      <p>{message}</p>
      {retryLabel && (
        <button type="button" class="btn" onClick={onRetry}>
          {retryLabel}
        </button>
      )}
    </div>
  );
}
