/** Ports the DOM-free models of every browser app depend on; each app's shell implements them with browser APIs. */
import type { ClientMessage } from '../../shared/protocol';

/** A small string store that survives a reload (the shell backs it with `localStorage`). */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

/** The clock the models read; the shell corrects it by the server's clock offset. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Runs `fn` once after `ms`; returns a cancel function. */
  schedule(fn: () => void, ms: number): () => void;
}

/** A fresh id that satisfies the wire `Id` shape (`[A-Za-z0-9_-]{8,64}`), e.g. `crypto.randomUUID()`. */
export type NewId = () => string;

/** An open live connection as the live-sync model sees it. */
export interface LiveLink {
  send(message: ClientMessage): void;
  /** Asks the room for a fresh snapshot (after this replica could not follow an applied op). */
  resync(): void;
}

/** A problem to show the user: an RFC 9457 title/detail pair from the API or the room. */
export type Problem = { title: string; detail: string; status?: number };

/** Why a load failed, as far as an app needs to know. */
export type LoadFailure = 'offline' | 'unauthorized' | 'not-found' | 'error';
