-- Answers to POSTs sent with an Idempotency-Key, kept so that a retried request gets the same answer and changes
-- nothing. Written in the transaction of the change itself.
create table idempotency_record (
  tenant_id    text not null,
  principal    text not null,
  key          text not null,
  request_hash bytea not null,
  status       int,
  body         text,
  location     text,
  created_at   timestamptz not null default now(),
  primary key (tenant_id, principal, key)
);
create index idempotency_record_by_age on idempotency_record (created_at);
