/** The problems a host sign-in answers: 401 naming the body field that did not prove an identity, 502 when the vendor could not be asked. */
import { ApiProblem } from '../../http/problem';

/** 401: the credential in `field` does not prove who the user is (forged, expired, for another app, …). */
export const rejected = (field: string, detail: string) =>
  new ApiProblem(401, '/problems/host-identity-rejected', `${field}: ${detail}`, [{ in: 'body', field, pointer: `#/${field}`, detail }]);

/**
 * 401 with its own type: the identity is genuine but belongs to no coach yet and carries no verified e-mail to link by. For
 * a Zoom app context this tells the panel to fall back to in-client OAuth, which yields the e-mail address.
 */
export const notLinked = (field: string, detail: string) =>
  new ApiProblem(401, '/problems/identity-not-linked', `${field}: ${detail}`, [{ in: 'body', field, pointer: `#/${field}`, detail }]);

/** 502: the identity provider could not be reached or answered something unusable; nothing about the user is known. */
export const providerUnavailable = (provider: string, detail: string) =>
  new ApiProblem(502, '/problems/identity-provider-unavailable', `${provider} could not be asked who you are (${detail}); please try again`);
