-- Offices (uffici) of a comune, and the operator groups inside them.
create table office (
  tenant_id text not null references tenant (id),
  id        text not null check (id ~ '^[a-z][a-z0-9-]{1,39}$'),
  name_it   text not null,
  name_en   text not null,
  primary key (tenant_id, id)
);

create table operator_group (
  tenant_id text not null,
  id        text not null check (id ~ '^[a-z][a-z0-9-]{1,39}$'),
  office_id text not null,
  name      text not null,
  primary key (tenant_id, id),
  foreign key (tenant_id, office_id) references office (tenant_id, id)
);

-- People and operators who sign in with the built-in identity provider (the demo identities, or a comune's own
-- accounts). With an external provider (SPID/CIE through Keycloak) the same facts come from its tokens.
create table account (
  subject     text primary key,
  tenant_id   text not null references tenant (id),
  kind        text not null check (kind in ('person', 'operator')),
  fiscal_code char(16) not null,
  given_name  text not null,
  family_name text not null,
  email       text,
  roles       text[] not null,
  office_id   text,
  groups      text[] not null default '{}',
  description text,
  foreign key (tenant_id, office_id) references office (tenant_id, id)
);
create index account_by_tenant on account (tenant_id);

-- Delegations: a parent acting for a minor child (parental responsibility), a professional acting for a client
-- under a recorded mandate (procura). Checked on every call made on someone's behalf.
create table delegation (
  id                   uuid primary key,
  tenant_id            text not null references tenant (id),
  delegate_fiscal_code char(16) not null,
  delegator_fiscal_code char(16) not null,
  delegator_name       text not null,
  kind                 text not null check (kind in ('parental', 'mandate')),
  mandate_reference    text,
  valid_from           date not null,
  valid_until          date,
  revoked_at           timestamptz,
  created_at           timestamptz not null default now(),
  check (kind <> 'mandate' or mandate_reference is not null),
  check (delegate_fiscal_code <> delegator_fiscal_code)
);
create index delegation_by_delegate on delegation (tenant_id, delegate_fiscal_code);
create unique index delegation_once on delegation (tenant_id, delegate_fiscal_code, delegator_fiscal_code, kind)
  where revoked_at is null;
