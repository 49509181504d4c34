-- Emails are composed when they are sent, no longer when they are queued: an outbox row says
-- what must be sent (kind, registration, event, language, Message-ID), and after sending what
-- was actually sent (recipient, subject, time, outcome). The stored bodies go: each one held a
-- live manage link (/r/{token}) that let whoever reads the database or a backup cancel or edit
-- that registration.
alter table outbox_message
    drop column body_text,
    drop column body_html,
    drop column attachment,
    drop column inline_image,
    alter column recipient drop not null,
    alter column subject drop not null;

-- SKIPPED: not sent because it no longer applied when its turn came (the registration was
-- cancelled, changed or deleted in between); last_error then says why.
alter table outbox_message drop constraint outbox_message_status_check;
alter table outbox_message add constraint outbox_message_status_check
    check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED', 'SKIPPED'));

-- "Email me my link" requests, counted for the rule "at most 5 links per registration an hour"
-- at request time (the link's token is minted later, when the email is sent). Rows older than
-- the window are deleted by housekeeping.
create table link_request (
    id              bigint generated always as identity primary key,
    registration_id bigint      not null references registration (id) on delete cascade,
    requested_at    timestamptz not null
);
create index link_request_registration_idx on link_request (registration_id, requested_at);
create index link_request_requested_idx on link_request (requested_at);

-- Housekeeping keeps the newest manage-link tokens of each registration.
create index registration_token_newest_idx on registration_token (registration_id, created_at desc);
drop index registration_token_registration_idx;
