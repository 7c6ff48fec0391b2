-- The demo "shop": a small made-up business database that dsr-desk reads and erases
-- through the map in db/seed/demo-data-sources.json. Idempotent: every statement
-- leaves an existing shop as it is.

create table if not exists customers (
  id bigserial primary key,
  email text not null unique,
  full_name text not null,
  phone text,
  created_at timestamptz not null default now()
);

create table if not exists addresses (
  id bigserial primary key,
  customer_id bigint not null references customers (id),
  line1 text not null,
  city text not null,
  postcode text not null,
  country text not null
);

create table if not exists orders (
  id bigserial primary key,
  customer_id bigint not null references customers (id),
  placed_at timestamptz not null,
  total_pence integer not null,
  status text not null,
  shipping_name text,
  shipping_address text
);

create table if not exists newsletter_subscriptions (
  id bigserial primary key,
  email text not null,
  subscribed_at timestamptz not null,
  topic text not null
);

create table if not exists support_tickets (
  id bigserial primary key,
  customer_id bigint not null references customers (id),
  subject text not null,
  body text not null,
  opened_at timestamptz not null,
  status text not null
);

-- The subject queries look rows up by customer and by lower(email): index both, so a
-- customer with 200,000 orders is found by an index scan.
create index if not exists addresses_customer_id on addresses (customer_id);
create index if not exists orders_customer_id on orders (customer_id);
create index if not exists support_tickets_customer_id on support_tickets (customer_id);
create index if not exists customers_lower_email on customers (lower(email));
create index if not exists newsletter_subscriptions_lower_email on newsletter_subscriptions (lower(email));

-- Consent flags (added after the first release, so an existing shop gains them): what an opt-out
-- request sets through the map's "optOut" actions (db/seed/demo-data-sources.json).
alter table customers add column if not exists marketing_opt_in boolean not null default true;
alter table customers add column if not exists sale_opt_out boolean not null default false;
alter table customers add column if not exists targeted_ads_opt_out boolean not null default false;
alter table customers add column if not exists sensitive_use_limited boolean not null default false;

-- Processing flags (added later still, the same way): what a restriction (GDPR Art. 18) and an objection
-- (Art. 21) set through the map's "restriction" and "objection" actions. An objection also clears marketing_opt_in.
alter table customers add column if not exists processing_restricted boolean not null default false;
alter table customers add column if not exists profiling_allowed boolean not null default true;
