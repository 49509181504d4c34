-- Issue 14: an event takes place in a country (ISO 3166-1 alpha-2). The registration form
-- asks for a region of that country (ISO 3166-2 code without prefix, or "outside ..."), or,
-- for a country whose list the application does not ship, for a free-text region.
-- The default keeps the seeded Mexico event (and events inserted with raw SQL) Mexican.
alter table event add column country varchar(2) not null default 'MX'
    check (country ~ '^[A-Z]{2}$');

-- A free-text region needs more room than a code. Raising a varchar limit only changes the
-- catalog in PostgreSQL: no table rewrite, and the V9 indexes on state stay as they are.
alter table registration alter column state type varchar(100);
