-- Applications (pratiche) from submission on; their history; drafts not yet submitted.
create table application (
  id                     uuid primary key,
  tenant_id              text not null references tenant (id),
  service_id             text not null,
  service_version        int not null,
  workflow               text not null,
  filed_by      text not null,
  applicant_fiscal_code  char(16) not null,
  applicant_name         text not null,
  beneficiary_fiscal_code char(16) not null,
  beneficiary_name       text,
  channel                text not null check (channel in ('online', 'desk', 'api')),
  office_id              text not null,
  data                   jsonb not null,
  protocol_number        text not null,
  submitted_at           timestamptz not null,
  status                 text not null,
  assignee               text,
  assignee_group         text,
  clock                  jsonb not null,
  due_date               date not null,
  sweep_on               date,
  decided_on             date,
  decision_reason        text,
  notice_sent            boolean not null default false,
  version                int not null default 0,
  updated_at             timestamptz not null default now(),
  unique (tenant_id, protocol_number)
);
create index application_queue on application (tenant_id, office_id, status, due_date);
create index application_by_person on application (tenant_id, applicant_fiscal_code);
create index application_by_beneficiary on application (tenant_id, beneficiary_fiscal_code);
create index application_to_sweep on application (sweep_on) where sweep_on is not null;

create table case_event (
  id          bigint generated always as identity primary key,
  tenant_id   text not null,
  case_id     uuid not null references application (id),
  at          timestamptz not null,
  actor       text not null,
  actor_name  text,
  action      text not null,
  from_status text,
  to_status   text,
  reason      text,
  note        text,
  office_only boolean not null default false
);
create index case_event_by_case on case_event (case_id, id);

create table application_draft (
  id            uuid primary key,
  tenant_id     text not null references tenant (id),
  owner_subject text not null,
  service_id    text not null,
  on_behalf_of  char(16),
  data          jsonb not null,
  attachment_ids uuid[] not null default '{}',
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now()
);
create index application_draft_by_owner on application_draft (tenant_id, owner_subject);
