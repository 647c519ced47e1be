-- Issuance: the documents the comune issues (certificates, decisions, daily protocol registers), sealed PDF/A kept in
-- the document store by fingerprint; and the resident registry certificates are drawn from until ANPR replaces it.

create table issued_document (
  tenant_id          text not null references tenant (id),
  id                 uuid not null,
  kind               text not null check (kind in ('CERTIFICATE', 'DECISION', 'DAILY_REGISTER')),
  -- Why it was issued ('case:<id>', 'register:<day>'): one document per cause, however often a listener is called.
  cause              text not null,
  title              text not null,
  holder_fiscal_code char(16),
  holder_name        text,
  case_id            uuid,
  protocol_number    text,
  sha256             char(64) not null,
  size               bigint not null check (size > 0),
  issued_at          timestamptz not null,
  office_id          text,
  verification_code  text not null unique,
  register_day       date,
  primary key (tenant_id, id),
  unique (tenant_id, cause),
  check ((kind = 'DAILY_REGISTER') = (register_day is not null))
);

create unique index issued_document_register_day on issued_document (tenant_id, register_day)
  where register_day is not null;
create index issued_document_holder on issued_document (tenant_id, holder_fiscal_code);
create index issued_document_case on issued_document (tenant_id, case_id);

-- The resident registry (anagrafe della popolazione residente, DPR 223/1989), as much as certificates need: where a
-- person lives, when and where they were born, and their household (famiglia anagrafica).
create table resident (
  tenant_id      text not null references tenant (id),
  fiscal_code    char(16) not null,
  given_name     text not null,
  family_name    text not null,
  sex            char(1) not null check (sex in ('M', 'F')),
  birth_date     date not null,
  birth_place    text not null,
  citizenship    text not null,
  address        text not null,
  household_id   text not null,
  relation       text not null,
  resident_since date not null,
  primary key (tenant_id, fiscal_code)
);

create index resident_household on resident (tenant_id, household_id);
