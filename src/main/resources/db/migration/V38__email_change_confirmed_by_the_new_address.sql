-- A registrant's change of email address takes effect only once the new address confirms it
-- (registration.EmailChanges). email_change holds the address asked for while it waits, and
-- what became of the request: PENDING (waiting), CONFIRMED, SUPERSEDED (a newer request or a
-- staff edit replaced it) or CANCELLED (from the manage page). At most one waits per
-- registration. A row stays until its link would have expired (expires_at, pushed to 48 hours
-- after each confirmation email is sent), so an old link can say why it no longer works; the
-- hourly housekeeping deletes it then, and it goes at once with the registration's personal
-- data (erasure, retention).
create table email_change (
    id              bigint       generated always as identity primary key,
    registration_id bigint       not null references registration (id) on delete cascade,
    new_email       varchar(254) not null,
    state           varchar(12)  not null check (state in ('PENDING', 'CONFIRMED', 'SUPERSEDED', 'CANCELLED')),
    requested_at    timestamptz  not null,
    expires_at      timestamptz  not null
);
create unique index email_change_waiting_uq on email_change (registration_id) where state = 'PENDING';
create index email_change_registration_idx on email_change (registration_id, requested_at);
create index email_change_expires_idx on email_change (expires_at);

-- Confirmation links: only the SHA-256 of each token, minted when its email is sent (like
-- manage links, the raw token exists only in that email).
create table email_change_token (
    token_hash bytea       primary key check (octet_length(token_hash) = 32),
    change_id  bigint      not null references email_change (id) on delete cascade,
    created_at timestamptz not null
);
create index email_change_token_change_idx on email_change_token (change_id);

-- The email that carries the confirmation link (RegistrationMessage.Type.EMAIL_CONFIRM) goes
-- to the address asked for, stored in recipient like EMAIL_CHANGED_OLD's.
alter table outbox_message drop constraint outbox_message_kind_check;
alter table outbox_message add constraint outbox_message_kind_check
    check (kind in ('RECEIVED_PENDING', 'CONFIRMED', 'WAITLISTED', 'SEAT_WITHDRAWN', 'PROMOTED', 'DECLINED',
                    'CANCELLED', 'LINK_REMINDER', 'EVENT_REMINDER', 'EVENT_CHANGED', 'EMAIL_CHANGED',
                    'EMAIL_CHANGED_OLD', 'EMAIL_CONFIRM'));
