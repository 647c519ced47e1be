-- The services each comune offers, as data: a definition (form, attachments, fee, deadline, workflow) per service
-- and version. Rows are never changed: every change, shipped with a release or made by the comune's administrator,
-- is a new version, and the highest version is the current one. Cases keep the version they were filed under.
create table service_definition (
  tenant_id  text not null references tenant (id),
  id         text not null check (id ~ '^[a-z][a-z0-9]*(-[a-z0-9]+)*$' and length(id) <= 64),
  version    int not null check (version >= 1),
  definition jsonb not null,
  -- 'shipped': from src/main/resources/catalog/services; 'administrator': changed by the comune through the API.
  origin     text not null check (origin in ('shipped', 'administrator')),
  created_at timestamptz not null default now(),
  created_by text not null,
  primary key (tenant_id, id, version),
  check (definition ->> 'id' = id and (definition ->> 'version')::int = version)
);

create function service_definition_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'service definitions cannot be changed or deleted: store a new version';
end $$;
create trigger service_definition_append_only before update or delete on service_definition
  for each row execute function service_definition_append_only();
