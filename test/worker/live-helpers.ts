/** WebSocket test helper: connects to a session room through the Worker and waits for matching messages. */
import { SELF } from 'cloudflare:test';
import { expect } from 'vitest';

/** A message from the room. */
export type Msg = { type: string; [k: string]: any };

/** Opens a live socket at `path` (coach `…/live?token=` or coachee `/api/c/:token/live`). */
export async function connect(path: string) {
  const res = await SELF.fetch(`http://localhost:8787${path}`, { headers: { upgrade: 'websocket' } });
  expect(res.status).toBe(101);
  const ws = res.webSocket!;
  ws.accept();
  const inbox: Msg[] = [];
  const waiters: (() => void)[] = [];
  ws.addEventListener('message', (e) => {
    inbox.push(JSON.parse(e.data as string));
    waiters.splice(0).forEach((w) => w());
  });
  const next = async (pred: (m: Msg) => boolean, ms = 2000): Promise<Msg> => {
    const deadline = Date.now() + ms;
    for (;;) {
      const i = inbox.findIndex(pred);
      if (i >= 0) return inbox.splice(i, 1)[0]!;
      if (Date.now() > deadline) throw new Error(`no matching message; inbox: ${JSON.stringify(inbox)}`);
      await new Promise<void>((r) => {
        waiters.push(r);
        setTimeout(r, 50);
      });
    }
  };
  const send = (m: unknown) => ws.send(JSON.stringify(m));
  return { ws, inbox, next, send };
}

