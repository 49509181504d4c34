-- Personal API tokens for scripts that download the attendee export
-- (curl -H "Authorization: Bearer <token>" .../registrations.csv). Only the SHA-256 of a
-- token is stored; the token itself is shown once, when it is created. A token's role is
-- never higher than its owner's (checked at creation, and again at each use against the
-- owner's current role); tokens only open the export URLs.
create table api_token (
    id            bigint generated always as identity primary key,
    name          varchar(80)  not null,
    token_hash    bytea        not null unique check (octet_length(token_hash) = 32),
    owner_user_id bigint       not null references staff_user (id) on delete cascade,
    role          varchar(16)  not null check (role in ('ADMIN', 'ORGANIZER', 'OPS')),
    created_at    timestamptz  not null,
    expires_at    timestamptz,
    revoked_at    timestamptz,
    last_used_at  timestamptz
);
create index api_token_owner_idx on api_token (owner_user_id, created_at);
