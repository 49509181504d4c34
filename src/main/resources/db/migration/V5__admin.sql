-- Admin area: staff users, their login attempts (throttling, shared by every instance),
-- the audit trail of staff actions, staff notes on registrations, and sort indexes for
-- the registrations list.

create table staff_user (
    id                  bigint generated always as identity primary key,
    email               varchar(254) not null,
    display_name        varchar(120) not null,
    -- DelegatingPasswordEncoder format: "{bcrypt}$2a$...".
    password_hash       varchar(200) not null,
    role                varchar(16)  not null check (role in ('ADMIN', 'ORGANIZER', 'OPS')),
    enabled             boolean      not null default true,
    created_at          timestamptz  not null,
    password_changed_at timestamptz  not null
);
create unique index staff_user_email_uq on staff_user (lower(email));

-- One row per login attempt. Failures within a window refuse further attempts for the
-- account or the address for a cooldown; rows older than a day are deleted.
create table login_attempt (
    id        bigint generated always as identity primary key,
    at        timestamptz  not null,
    username  varchar(254) not null,
    ip        varchar(64)  not null,
    success   boolean      not null
);
create index login_attempt_username_idx on login_attempt (lower(username), at);
create index login_attempt_ip_idx on login_attempt (ip, at);

-- Who did what, when. actor: a staff email, "token:<name>" or "system". details holds the
-- before/after of edited fields; it never goes to log lines.
create table audit_log (
    id              bigint generated always as identity primary key,
    at              timestamptz  not null,
    actor           varchar(254) not null,
    action          varchar(64)  not null,
    event_id        bigint       references event (id),
    registration_id bigint       references registration (id),
    details         text,
    ip              varchar(64)
);
create index audit_log_at_idx on audit_log (at desc);
create index audit_log_registration_idx on audit_log (registration_id, at);
create index audit_log_event_idx on audit_log (event_id, at);

create table staff_note (
    id              bigint generated always as identity primary key,
    registration_id bigint        not null references registration (id) on delete cascade,
    author          varchar(254)  not null,
    body            varchar(2000) not null,
    created_at      timestamptz   not null
);
create index staff_note_registration_idx on staff_note (registration_id, created_at);

-- Sorting the registrations list of one event by its columns (id breaks ties).
create index registration_event_created_idx on registration (event_id, created_at, id);
create index registration_event_name_idx on registration (event_id, lower(full_name), id);
create index registration_event_email_idx on registration (event_id, lower(email), id);
create index registration_event_company_idx on registration (event_id, lower(company), id);
