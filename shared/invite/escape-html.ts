/** Escaping user text for HTML element content and double-quoted attribute values. */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes `& < > " '` so user text can never open a tag or leave an attribute.
 * @see https://html.spec.whatwg.org/multipage/parsing.html#escapingString
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** An `href` value: only http(s) URLs pass, anything else (javascript:, data:) becomes `#`. */
export function safeHref(url: string): string {
  return /^https?:\/\//i.test(url.trim()) ? escapeHtml(url.trim()) : '#';
}
