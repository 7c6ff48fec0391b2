-- The demo "CRM": a second made-up system, in MySQL/MariaDB, that knows the shop's
-- customers by the shop's customer id (and their email). dsr-desk reads and erases it
-- through the map in db/seed/demo-crm-data-source.json. Idempotent. InnoDB, so an
-- erasure is one transaction.

create table if not exists contacts (
  id bigint unsigned not null auto_increment primary key,
  shop_customer_id bigint null,
  email varchar(254) not null,
  full_name varchar(200) not null,
  phone varchar(40) null,
  created_at datetime not null,
  unique key contacts_email (email),
  key contacts_shop_customer (shop_customer_id)
) engine = InnoDB default charset = utf8mb4;

create table if not exists interactions (
  id bigint unsigned not null auto_increment primary key,
  contact_id bigint unsigned not null,
  happened_at datetime not null,
  channel varchar(20) not null,
  summary text not null,
  constraint interactions_contact foreign key (contact_id) references contacts (id)
) engine = InnoDB default charset = utf8mb4;

create table if not exists deals (
  id bigint unsigned not null auto_increment primary key,
  contact_id bigint unsigned not null,
  title varchar(200) not null,
  amount_pence int not null,
  closed_on date null,
  constraint deals_contact foreign key (contact_id) references contacts (id)
) engine = InnoDB default charset = utf8mb4;
