/** Text and list limits of API v1, zod-free so browser bundles can use them without pulling in zod. */

/** Text limits (characters) enforced at every boundary: HTTP, live ops, storage. */
export const LIMITS = {
  name: 120,
  email: 254,
  title: 200,
  goal: 1000,
  what: 500,
  notes: 20_000,
  prompt: 500,
  purpose: 500,
  phases: 12,
  prompts: 12,
  agendaItems: 50,
  agreements: 100,
} as const;
