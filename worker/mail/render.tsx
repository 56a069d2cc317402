/** @jsxImportSource hono/jsx */
/** Renders a mail's content as HTML (hono/jsx, inline styles mail clients keep) and as its plain-text part, from one structure. */

/** A link shown as a button (or, for scores, as a row of buttons). */
export type MailAction = { label: string; href: string };

/** Everything a mail says, in order; both parts are rendered from this. */
export type MailContent = {
  lang: string;
  /** The line inbox lists show after the subject. */
  preheader: string;
  greeting: string;
  paragraphs: string[];
  /** A highlighted block (an agreement in WWW form, a check-in comment). */
  quote?: string;
  list?: string[];
  /** A row of small buttons (check-in scores). */
  choices?: { label: string; options: MailAction[] };
  actions: MailAction[];
  footer: string[];
  footerLink?: MailAction;
};

const C = { text: '#1f2933', muted: '#52606d', accent: '#0b5f59', line: '#d9e2ec', quote: '#f0f4f8' } as const;

function Html({ m }: { m: MailContent }) {
  return (
    <html lang={m.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
      </head>
      <body style={`margin:0;padding:24px 12px;background:#ffffff;color:${C.text};font:16px/1.5 -apple-system,'Segoe UI',Roboto,Arial,sans-serif`}>
        <div style="display:none;max-height:0;overflow:hidden">{m.preheader}</div>
        <div role="article" aria-roledescription="email" lang={m.lang} style="max-width:560px;margin:0 auto">
          {m.greeting ? <p style="margin:0 0 16px">{m.greeting}</p> : null}
          {m.paragraphs.map((p) => (
            <p style="margin:0 0 16px;white-space:pre-line">{p}</p>
          ))}
          {m.quote ? <blockquote style={`margin:0 0 16px;padding:12px 16px;background:${C.quote};border-left:4px solid ${C.accent}`}>{m.quote}</blockquote> : null}
          {m.list ? (
            <ol style="margin:0 0 16px;padding-left:24px">
              {m.list.map((item) => (
                <li style="margin:0 0 4px">{item}</li>
              ))}
            </ol>
          ) : null}
          {m.choices ? (
            <div style="margin:0 0 16px">
              <p style="margin:0 0 8px;font-weight:600">{m.choices.label}</p>
              {m.choices.options.map((o) => (
                <a href={o.href} style={`display:inline-block;min-width:44px;margin:0 8px 8px 0;padding:10px 0;text-align:center;border:2px solid ${C.accent};border-radius:8px;color:${C.accent};font-weight:700;text-decoration:none`}>
                  {o.label}
                </a>
              ))}
            </div>
          ) : null}
          {m.actions.map((a) => (
            <p style="margin:0 0 16px">
              <a href={a.href} style={`display:inline-block;padding:12px 20px;background:${C.accent};border-radius:8px;color:#ffffff;font-weight:600;text-decoration:none`}>
                {a.label}
              </a>
            </p>
          ))}
          <hr style={`border:0;border-top:1px solid ${C.line};margin:24px 0 12px`} />
          {m.footer.map((f) => (
            <p style={`margin:0 0 8px;font-size:13px;color:${C.muted}`}>{f}</p>
          ))}
          {m.footerLink ? (
            <p style={`margin:0;font-size:13px`}>
              <a href={m.footerLink.href} style={`color:${C.accent}`}>
                {m.footerLink.label}
              </a>
            </p>
          ) : null}
        </div>
      </body>
    </html>
  );
}

/** The HTML part. @see https://hono.dev/docs/guides/jsx */
export const renderHtml = (m: MailContent): string => '<!doctype html>' + String(<Html m={m} />);

/** The plain-text part: the same content, links written out after their labels. */
export function renderText(m: MailContent): string {
  const out: string[] = [...(m.greeting ? [m.greeting, ''] : []), ...m.paragraphs.flatMap((p) => [p, ''])];
  if (m.quote) out.push(`> ${m.quote}`, '');
  if (m.list) out.push(...m.list.map((item, i) => `${i + 1}. ${item}`), '');
  if (m.choices) out.push(m.choices.label, ...m.choices.options.map((o) => `  ${o.label}: ${o.href}`), '');
  for (const a of m.actions) out.push(`${a.label}: ${a.href}`, '');
  out.push('--', ...m.footer);
  if (m.footerLink) out.push(`${m.footerLink.label}: ${m.footerLink.href}`);
  return out.join('\n');
}
