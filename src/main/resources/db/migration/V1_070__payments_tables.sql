-- Payments (pagoPA, creditor side): debt positions, their receipts, refused receipts, the IUV counter of each comune,
-- school enrolments that recurring charges are made for, and canteen meals.

-- The last IUV base given out in each comune: positions are numbered without gaps, under this row's lock.
create table payment_iuv_counter (
  tenant_id text primary key references tenant (id),
  last_base bigint not null check (last_base between 0 and 9999999999999)
);

create table debt_position (
  id                      uuid primary key,
  tenant_id               text not null references tenant (id),
  creditor_fiscal_code    char(11) not null,
  notice_number           char(18) not null,
  iuv                     char(17) not null,
  amount_cents            bigint not null check (amount_cents > 0),
  due_date                date not null,
  valid_until             date,
  payer_fiscal_code       char(16) not null,
  payer_name              text,
  beneficiary_fiscal_code char(16),
  beneficiary_name        text,
  description             text not null,
  category                text not null
                          check (category in ('service-fee', 'stamp-duty', 'canteen', 'school-bus', 'tari', 'other')),
  status                  text not null check (status in ('open', 'paid', 'expired', 'cancelled')),
  origin                  text not null check (origin in ('case-fee', 'recurring', 'import')),
  case_id                 uuid,
  office_id               text,
  period                  text,
  plan_id                 uuid,
  instalment              int,
  instalments             int,
  external_reference      text,
  created_by              text not null,
  created_at              timestamptz not null default now(),
  paid_at                 timestamptz,
  cancelled_reason        text,
  updated_at              timestamptz not null default now(),
  unique (tenant_id, notice_number),
  unique (tenant_id, iuv),
  check ((instalment is null) = (instalments is null) and (instalment is null or instalment between 1 and instalments))
);
-- One fee per application; one recurring charge per child, category and period; one position per outside reference.
create unique index debt_position_one_per_case on debt_position (tenant_id, case_id) where case_id is not null;
create unique index debt_position_one_per_period on debt_position (tenant_id, beneficiary_fiscal_code, category, period)
  where period is not null;
create unique index debt_position_one_per_reference on debt_position (tenant_id, external_reference)
  where external_reference is not null;
create index debt_position_by_payer on debt_position (tenant_id, payer_fiscal_code);
create index debt_position_by_beneficiary on debt_position (tenant_id, beneficiary_fiscal_code);
create index debt_position_to_expire on debt_position (valid_until) where status = 'open' and valid_until is not null;

-- Receipts (ricevute telematiche) from the payment intermediary: at most one settles a position.
create table payment_receipt (
  id            uuid primary key,
  tenant_id     text not null references tenant (id),
  receipt_id    text not null,
  position_id   uuid not null references debt_position (id),
  notice_number char(18) not null,
  amount_cents  bigint not null check (amount_cents > 0),
  paid_at       timestamptz not null,
  psp           text,
  received_by   text not null,
  received_at   timestamptz not null default now(),
  unique (tenant_id, receipt_id),
  unique (position_id)
);
create index payment_receipt_by_day on payment_receipt (tenant_id, paid_at);

-- Receipts refused (unknown notice, wrong amount, position closed or already paid): money the intermediary holds
-- that no position took, listed by the reconciliation for someone to follow up.
create table payment_receipt_refusal (
  id            bigint generated always as identity primary key,
  tenant_id     text not null references tenant (id),
  receipt_id    text,
  notice_number text,
  amount_cents  bigint,
  paid_at       timestamptz,
  reason        text not null,
  sent_by       text not null,
  refused_at    timestamptz not null default now()
);
create index payment_receipt_refusal_by_day on payment_receipt_refusal (tenant_id, refused_at);

-- Children enrolled in a school service by an approved application: what recurring charges are made for.
create table school_enrolment (
  tenant_id          text not null references tenant (id),
  child_fiscal_code  char(16) not null,
  category           text not null check (category in ('canteen', 'school-bus')),
  school_year        text not null,
  child_name         text,
  payer_fiscal_code  char(16) not null,
  payer_name         text,
  case_id            uuid not null,
  office_id          text not null,
  enrolled_on        date not null,
  primary key (tenant_id, child_fiscal_code, category, school_year)
);

-- Meals a child ate at the canteen in a month, as the school or the caterer records them.
create table canteen_meals (
  tenant_id         text not null references tenant (id),
  child_fiscal_code char(16) not null,
  month             char(7) not null,
  meals             int not null check (meals between 0 and 31),
  recorded_by       text not null,
  recorded_at       timestamptz not null default now(),
  primary key (tenant_id, child_fiscal_code, month)
);
