/** Constructors for the rejections the live-op reducers return. */
import type { OpRejection } from './apply-op';

/** 403: the actor may not make this change. */
export function forbidden(detail: string, field?: string): OpRejection {
  return withField({ ok: false, status: 403, title: 'Not allowed', detail }, field);
}

/** 404: the op names an id this session does not have. */
export function notFound(detail: string): OpRejection {
  return { ok: false, status: 404, title: 'Not found', detail, field: 'id' };
}

/** 409: the op conflicts with the current state (duplicate id, carried-over agreement). */
export function conflict(detail: string, field?: string): OpRejection {
  return withField({ ok: false, status: 409, title: 'Conflict', detail }, field);
}

/** 422: the op is well-formed but would break a limit. */
export function unprocessable(detail: string, field?: string): OpRejection {
  return withField({ ok: false, status: 422, title: 'Limit reached', detail }, field);
}

function withField(rejection: OpRejection, field: string | undefined): OpRejection {
  return field === undefined ? rejection : { ...rejection, field };
}
