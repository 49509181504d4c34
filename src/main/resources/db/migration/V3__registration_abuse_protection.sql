-- Abuse protection for the public registration and lookup forms. Both tables are shared by
-- every application instance, so limits and form signatures hold however many run.

-- Per-client-IP request counters in fixed windows: one upsert per counted request.
create table rate_limit_bucket (
    bucket_key   varchar(120) not null,
    window_start timestamptz  not null,
    hits         integer      not null,
    primary key (bucket_key, window_start)
);
create index rate_limit_bucket_window_idx on rate_limit_bucket (window_start);

-- Server-side secrets, created by the first instance that needs them (the application
-- inserts a SecureRandom value with "on conflict do nothing"), so all instances agree.
create table app_secret (
    name       varchar(40) primary key,
    secret     bytea       not null check (octet_length(secret) >= 32),
    created_at timestamptz not null
);
