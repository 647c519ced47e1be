-- Preservation (conservazione): the issued documents heard of, kept until their case goes to the pole, and the
-- outbox of submission packages (pacchetti di versamento) with their state at the preservation pole.

-- Every DocumentIssued heard, once; package_id is the package that carried it (null until then).
create table preservation_issued_document (
  document_id       uuid primary key,
  tenant_id         text not null references tenant (id),
  kind              text not null check (kind in ('CERTIFICATE', 'DECISION', 'DAILY_REGISTER')),
  title             text not null,
  sha256            char(64) not null,
  size              bigint not null,
  issued_at         timestamptz not null,
  protocol_number   text,
  case_id           uuid,
  register_day      date,
  verification_code text,
  package_id        uuid,
  received_at       timestamptz not null default now()
);
create index preservation_issued_document_by_case on preservation_issued_document (tenant_id, case_id)
  where case_id is not null;

-- One package per cause: a closed case, a document issued after its case went, a daily register.
create table preservation_package (
  id              uuid primary key,
  tenant_id       text not null references tenant (id),
  kind            text not null check (kind in ('CASE', 'CASE_ADDENDUM', 'DAILY_REGISTER')),
  subject_ref     text not null,
  cause           jsonb not null,
  state           text not null check (state in ('TO_SEND', 'SENT', 'ACCEPTED', 'REJECTED')),
  reason          text,
  last_error      text,
  attempts        int not null default 0,
  next_attempt_at timestamptz not null default now(),
  pole_id         text,
  sha256          char(64) not null,
  size            bigint not null,
  created_at      timestamptz not null default now(),
  sent_at         timestamptz,
  updated_at      timestamptz not null default now(),
  unique (tenant_id, kind, subject_ref)
);
-- Due work: packages to send, and packages the pole took without a verdict yet (polled for it).
create index preservation_package_due on preservation_package (next_attempt_at) where state in ('TO_SEND', 'SENT');
create index preservation_package_by_state on preservation_package (tenant_id, state, created_at);
