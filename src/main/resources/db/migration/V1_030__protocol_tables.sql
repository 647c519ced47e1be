-- The protocol register (registro di protocollo informatico, DPR 445/2000 art. 53 and 57).

-- The last number given in each comune's year. Registering increments it in the registering transaction: the row
-- lock queues concurrent registrations, and a rollback takes the increment back, so numbers have no gaps.
-- A comune moving to Piazza in mid-year inserts the row with the last number of its previous system.
create table protocol_counter (
  tenant_id text not null references tenant (id),
  year      int not null check (year between 1000 and 9999),
  last      bigint not null check (last > 0),
  primary key (tenant_id, year)
);

-- Counters only ever move forward by one: a reset or a jump would reuse a number or leave a gap (art. 57).
create function protocol_counter_forward_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' or new.tenant_id <> old.tenant_id or new.year <> old.year or new.last <> old.last + 1 then
    raise exception 'protocol counters only move forward by one (DPR 445/2000 art. 57): % refused', tg_op;
  end if;
  return new;
end $$;
create trigger protocol_counter_forward_only before update or delete on protocol_counter
  for each row execute function protocol_counter_forward_only();

-- One row per registered document, with the fields of art. 53 c.1: a) year and number, b) registration date,
-- c) correspondents (sender of an incoming document, recipients of an outgoing one), d) subject, e) the sender's
-- own date and number, f) the SHA-256 fingerprint of the primary document.
create table protocol_entry (
  tenant_id                text not null references tenant (id),
  year                     int not null,
  number                   bigint not null check (number > 0),
  registered_at            timestamptz not null,
  registration_date        date not null,
  direction                text not null check (direction in ('incoming', 'outgoing')),
  correspondents           jsonb not null
                             check (jsonb_typeof(correspondents) = 'array' and jsonb_array_length(correspondents) > 0),
  subject                  text not null check (btrim(subject) <> ''),
  fingerprint              text not null check (fingerprint ~ '^[0-9a-f]{64}$'),
  sender_document_date     date,
  sender_document_number   text,
  document_kind            text,
  document_reference       text,
  classification           text,
  registered_by            text not null,
  channel                  text not null check (channel in ('online', 'desk', 'api', 'system')),
  primary key (tenant_id, year, number),
  -- L. 241/1990 art. 18-bis: the registration date is the actual filing date, Italian time; the year is its year.
  check (registration_date = (registered_at at time zone 'Europe/Rome')::date),
  check (year = extract(year from registration_date)),
  check (direction = 'incoming' or (sender_document_date is null and sender_document_number is null))
);
create index protocol_entry_by_day on protocol_entry (tenant_id, registration_date);

-- Art. 53 c.3: the fields above can never change, so no entry is ever updated, deleted or truncated. Cancelling
-- an entry (art. 54) will be an annotation in a table of its own, which leaves the entry itself untouched.
-- (A database superuser can still disable this trigger.)
create function protocol_entry_immutable() returns trigger language plpgsql as $$
begin
  raise exception 'protocol entries are immutable (DPR 445/2000 art. 53 c.3): % refused', tg_op;
end $$;
create trigger protocol_entry_immutable before update or delete on protocol_entry
  for each row execute function protocol_entry_immutable();
create trigger protocol_entry_not_truncated before truncate on protocol_entry
  for each statement execute function protocol_entry_immutable();
