/** The loading state: the same spinner the HTML shell paints before any script runs. */

/** A polite status with a spinner. */
export function Loader({ label }: { label: string }) {
  return (
    <div class="boot" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
