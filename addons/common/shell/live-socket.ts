/** Keeps one WebSocket to the session's room open: reconnects with backoff, on `online` and when the page is shown again. */
import type { ClientMessage } from '../../../shared/protocol';
import type { LiveSyncModel } from '../models/live-sync';
import { parseServerMessage } from '../models/server-message';

/** The live-sync model's connection actions. */
type SyncTarget = Pick<LiveSyncModel, 'connecting' | 'opened' | 'closed' | 'received'>;

const MIN_DELAY_MS = 250;
const MAX_DELAY_MS = 8_000;

/**
 * The ws(s) URL for a live endpoint on the page's own origin: only the path (and query) of
 * `urlOrPath` is kept, since the panel is served by the same Worker and its CSP allows sockets
 * to that origin only (a `PUBLIC_URL` spelled differently must not break the connection).
 */
export function toWebSocketUrl(urlOrPath: string, pageUrl: string): string {
  const target = new URL(urlOrPath, pageUrl);
  const url = new URL(target.pathname + target.search, pageUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

/** Close codes after which reconnecting cannot help: the trajectory was closed (4403), or erased (4410). */
export const FINAL_CLOSE_CODES: readonly number[] = [4403, 4410];

/**
 * Connects `sync` to the room at `url()` and keeps it connected until `stop()`. A dropped
 * connection retries after 250 ms, doubling to 8 s (with jitter); going `online` or showing the
 * page again retries at once. The browser's `offline` event closes the socket right away, since
 * a dead TCP connection can take long to notice. A close with one of `finalCodes` ends it for good
 * (the coachee page adds 4401: its link is no longer valid; the coach's panel reconnects with a fresh token).
 * @see https://developer.cloudflare.com/durable-objects/best-practices/websockets/ (hibernatable WebSockets)
 */
export function keepLive(sync: SyncTarget, url: () => string, win: Window = window, finalCodes: readonly number[] = FINAL_CLOSE_CODES): { stop(): void } {
  let ws: WebSocket | null = null;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  function connect(): void {
    clearTimeout(timer);
    if (stopped || ws) return;
    sync.connecting();
    const socket = new WebSocket(url());
    ws = socket;
    socket.onopen = () => {
      attempt = 0;
      const send = (message: ClientMessage) => {
        if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
      };
      sync.opened({ send, resync: () => send({ type: 'hello' }) });
    };
    socket.onmessage = (event) => {
      if (typeof event.data !== 'string') return;
      const message = parseServerMessage(event.data);
      if (message) sync.received(message);
    };
    socket.onclose = (event) => {
      if (finalCodes.includes(event.code)) stopped = true;
      drop(socket);
    };
  }

  /** Forgets a socket at once (its close handshake may take long when the network is gone) and plans the next attempt. */
  function drop(socket: WebSocket, code?: number, reason?: string): void {
    if (ws !== socket) return;
    ws = null;
    if (code !== undefined) socket.close(code, reason);
    sync.closed();
    if (stopped) return;
    const delay = Math.min(MAX_DELAY_MS, MIN_DELAY_MS * 2 ** attempt++);
    clearTimeout(timer);
    timer = setTimeout(connect, delay * (0.75 + Math.random() * 0.5));
  }

  const onOnline = () => {
    attempt = 0;
    connect();
  };
  const onOffline = () => ws && drop(ws, 4001, 'offline');
  const onVisible = () => {
    if (win.document.visibilityState === 'visible') onOnline();
  };
  win.addEventListener('online', onOnline);
  win.addEventListener('offline', onOffline);
  win.document.addEventListener('visibilitychange', onVisible);
  connect();

  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
      win.removeEventListener('online', onOnline);
      win.removeEventListener('offline', onOffline);
      win.document.removeEventListener('visibilitychange', onVisible);
      if (ws) drop(ws, 1000, 'bye');
    },
  };
}
