-- The comuni served by this deployment. The id is the comune's IndicePA code.
create table tenant (
  id            text primary key check (id ~ '^[a-z][a-z0-9_]{0,19}$'),
  name          text not null,
  istat_code    char(6) not null unique check (istat_code ~ '^[0-9]{6}$'),
  fiscal_code   char(11) not null check (fiscal_code ~ '^[0-9]{11}$'),
  hosts         text[] not null default '{}',
  primary_color text not null default '#0066CC',
  logo_url      text,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now()
);
