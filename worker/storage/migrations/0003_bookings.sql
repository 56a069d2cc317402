-- Idempotency keys of booking requests: a repeated request with the same key answers the session it booked; written in the same batch as that session.
CREATE TABLE booking_requests (
  coach_id TEXT NOT NULL REFERENCES coaches(id),
  idempotency_key TEXT NOT NULL,
  request_hash TEXT NOT NULL,       -- SHA-256 (hex) of what was asked: route scope + requested start
  session_id TEXT NOT NULL REFERENCES sessions(id),
  created_at INTEGER NOT NULL,      -- epoch ms
  PRIMARY KEY (coach_id, idempotency_key)
);
CREATE INDEX booking_requests_by_session ON booking_requests (session_id);
