/** keepLive: reconnects after a dropped socket, but not after the room said reconnecting cannot help (trajectory closed, erased, link no longer valid). */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keepLive } from '../../addons/common/shell/live-socket';

/** A WebSocket stand-in: records every connection attempt; the test closes it with a code. */
class FakeSocket {
  static opened: FakeSocket[] = [];
  static readonly OPEN = 1;
  readyState = 0;
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onclose: ((e: { code: number }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.opened.push(this);
  }
  send(): void {}
  close(): void {}
  /** The server ends the connection with `code`. */
  end(code: number): void {
    this.onclose?.({ code });
  }
}

function fakeWindow() {
  const target = new EventTarget();
  return Object.assign(target, { document: Object.assign(new EventTarget(), { visibilityState: 'visible' }) }) as unknown as Window;
}

const sync = () => ({ connecting: vi.fn(), opened: vi.fn(), closed: vi.fn(), received: vi.fn() });

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.opened = [];
  vi.stubGlobal('WebSocket', FakeSocket);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('keepLive', () => {
  it('reconnects after a drop or an expired token (4401), with backoff', () => {
    const live = keepLive(sync(), () => 'ws://x/live', fakeWindow());
    FakeSocket.opened[0]!.end(1006);
    vi.advanceTimersByTime(10_000);
    expect(FakeSocket.opened).toHaveLength(2);
    FakeSocket.opened[1]!.end(4401);
    vi.advanceTimersByTime(10_000);
    expect(FakeSocket.opened).toHaveLength(3);
    live.stop();
  });

  it.each([4403, 4410])('stops after close code %i: the trajectory was closed or erased', (code) => {
    const s = sync();
    const win = fakeWindow();
    keepLive(s, () => 'ws://x/live', win);
    FakeSocket.opened[0]!.end(code);
    vi.advanceTimersByTime(60_000);
    win.dispatchEvent(new Event('online'));
    expect(FakeSocket.opened).toHaveLength(1);
    expect(s.closed).toHaveBeenCalledTimes(1);
  });

  it('stops after 4401 where the caller says so (a coachee link that is no longer valid)', () => {
    keepLive(sync(), () => 'ws://x/live', fakeWindow(), [4401, 4403, 4410]);
    FakeSocket.opened[0]!.end(4401);
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.opened).toHaveLength(1);
  });
});
