-- Events, their speakers and partners, registrations and the seat rows that carry capacity.
-- Migrations are never edited once they have landed: change the schema with a new version.

create table event (
    id                     bigint generated always as identity primary key,
    slug                   varchar(80)  not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    title_es               varchar(200) not null,
    title_en               varchar(200) not null,
    summary_es             text         not null,
    summary_en             text         not null,
    -- What attendees will learn: one paragraph per blank-line-separated block.
    description_es         text         not null,
    description_en         text         not null,
    -- Agenda items, one per line.
    agenda_es              text         not null,
    agenda_en              text         not null,
    -- About the organiser and the regional network: blank-line-separated paragraphs.
    about_es               text         not null,
    about_en               text         not null,
    starts_at              timestamptz  not null,
    ends_at                timestamptz  not null,
    time_zone              varchar(64)  not null,
    venue_name             varchar(200) not null,
    venue_address          varchar(300) not null,
    venue_map_url          varchar(500),
    capacity               integer      not null check (capacity >= 0),
    requires_approval      boolean      not null default false,
    registration_opens_at  timestamptz,
    registration_closes_at timestamptz,
    published              boolean      not null default false,
    created_at             timestamptz  not null default now(),
    updated_at             timestamptz  not null default now(),
    check (ends_at > starts_at)
);

create table speaker (
    id           bigint generated always as identity primary key,
    event_id     bigint       not null references event (id) on delete cascade,
    position     integer      not null,
    name         varchar(120) not null,
    role_es      varchar(200) not null,
    role_en      varchar(200) not null,
    organization varchar(200) not null,
    -- ISO 3166-1 alpha-2; the page shows the country name in the reader's language.
    country_code varchar(2)   not null,
    unique (event_id, position)
);

create table partner (
    id             bigint generated always as identity primary key,
    event_id       bigint       not null references event (id) on delete cascade,
    position       integer      not null,
    name           varchar(120) not null,
    description_es varchar(300),
    description_en varchar(300),
    url            varchar(300),
    unique (event_id, position)
);

create table registration (
    id                      bigint generated always as identity primary key,
    event_id                bigint        not null references event (id),
    status                  varchar(16)   not null
        check (status in ('PENDING', 'CONFIRMED', 'WAITLISTED', 'DECLINED', 'CANCELLED')),
    full_name               varchar(120)  not null,
    email                   varchar(254)  not null,
    company                 varchar(150)  not null,
    job_title               varchar(100),
    company_type            varchar(32)   not null
        check (company_type in ('INDEPENDENT_LABEL', 'DISTRIBUTOR', 'PUBLISHER', 'MANAGEMENT',
                                'BOOKING_PROMOTER', 'OTHER')),
    state                   varchar(16)   not null,
    city                    varchar(100)  not null,
    phone                   varchar(30),
    association_interest    varchar(8)    not null check (association_interest in ('YES', 'MAYBE', 'NO')),
    referral_source         varchar(100),
    comments                varchar(1000),
    privacy_consent_version varchar(32)   not null,
    privacy_consent_at      timestamptz   not null,
    news_opt_in             boolean       not null default false,
    -- The language the person registered in: emails are written in it.
    locale                  varchar(8)    not null,
    created_at              timestamptz   not null,
    updated_at              timestamptz   not null,
    confirmed_at            timestamptz,
    cancelled_at            timestamptz,
    declined_at             timestamptz,
    checked_in_at           timestamptz,
    -- Place in the waitlist while WAITLISTED: taken from waitlist_seq when the registration joins
    -- the waitlist, so the waitlist is served in the order people joined it.
    waitlist_seq            bigint,
    -- Lower-case, accent-free "name email company", written by the application, for staff search.
    search_text             text          not null,
    version                 integer       not null default 0
);

-- One active registration per event and address, whatever the letter case: the database
-- enforces it, so two racing requests cannot both succeed.
create unique index registration_active_email_uq
    on registration (event_id, lower(email)) where status <> 'CANCELLED';
create sequence waitlist_seq;
create index registration_waitlist_idx on registration (event_id, waitlist_seq) where status = 'WAITLISTED';
create index registration_event_status_idx on registration (event_id, status);
create extension if not exists pg_trgm;
create index registration_search_idx on registration using gin (search_text gin_trgm_ops);

-- Manage links. Only the SHA-256 of a token is stored; each email that carries a link may
-- mint a new token, and every token of a registration keeps working.
create table registration_token (
    token_hash      bytea       primary key check (octet_length(token_hash) = 32),
    registration_id bigint      not null references registration (id) on delete cascade,
    created_at      timestamptz not null
);
create index registration_token_registration_idx on registration_token (registration_id);

-- One row per seat. A registration confirms by claiming a free row with
-- FOR UPDATE SKIP LOCKED, so concurrent registrations never wait on one event-wide lock and
-- the number of confirmed registrations can never exceed the number of rows.
create table event_seat (
    event_id        bigint  not null references event (id) on delete cascade,
    seat_no         integer not null,
    registration_id bigint  unique references registration (id),
    primary key (event_id, seat_no)
);
create index event_seat_free_idx on event_seat (event_id, seat_no) where registration_id is null;

-- Staff sessions live in PostgreSQL (Spring Session JDBC) so any instance can serve them.
create table spring_session (
    primary_id            char(36)     not null primary key,
    session_id            char(36)     not null unique,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval integer      not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100)
);
create index spring_session_expiry_idx on spring_session (expiry_time);
create index spring_session_principal_idx on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null references spring_session (primary_id) on delete cascade,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    primary key (session_primary_id, attribute_name)
);
