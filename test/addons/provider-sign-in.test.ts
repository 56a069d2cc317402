/** /app after a provider sign-in: the failure reason the fragment carries. */
import { describe, expect, it } from 'vitest';
import { signInFailureOf } from '../../addons/home/sign-in/provider-sign-in';

describe('provider sign-in on /app', () => {
  it('reads the failure from the fragment; a hand-off code or nothing is no failure; an unknown reason reads as rejected', () => {
    expect(signInFailureOf('#sign-in-error=denied')).toBe('denied');
    expect(signInFailureOf('#sign-in-error=not-linked')).toBe('not-linked');
    expect(signInFailureOf('#sign-in-error=<script>')).toBe('rejected');
    expect(signInFailureOf('#handoff=0123456789abcdef0123456789abcdef')).toBeNull();
    expect(signInFailureOf('')).toBeNull();
  });
});
