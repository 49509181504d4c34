-- The email outbox: one row per message, written in the transaction of the change that causes
-- it; a scheduled sender claims due rows with FOR UPDATE SKIP LOCKED and records the outcome.

create table outbox_message (
    id              bigint generated always as identity primary key,
    registration_id bigint       references registration (id) on delete cascade,
    event_id        bigint       references event (id) on delete cascade,
    kind            varchar(32)  not null,
    recipient       varchar(254) not null,
    locale          varchar(8)   not null,
    subject         varchar(300) not null,
    body_text       text         not null,
    body_html       text         not null,
    -- The iCalendar file attached as event.ics, when the message carries one.
    attachment      text,
    -- Stable across retries and re-queues, so a receiving server can drop a duplicate.
    message_id      varchar(200) not null unique,
    status          varchar(16)  not null default 'PENDING'
        check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null,
    locked_at       timestamptz,
    locked_by       varchar(100),
    sent_at         timestamptz,
    -- Exception class and SMTP reply code only: never an address or other personal data.
    last_error      varchar(300),
    -- A staff "resend" of a message that was already sent is a copy with a new Message-ID.
    resent_from     bigint       references outbox_message (id) on delete set null,
    created_at      timestamptz  not null
);

create index outbox_message_due_idx on outbox_message (next_attempt_at) where status = 'PENDING';
create index outbox_message_sending_idx on outbox_message (locked_at) where status = 'SENDING';
create index outbox_message_registration_idx on outbox_message (registration_id);
create index outbox_message_status_created_idx on outbox_message (status, created_at desc);
create index outbox_message_created_idx on outbox_message (created_at desc);

-- The event reminder goes out once per registration, even with several instances running the job.
create unique index outbox_message_event_reminder_uq
    on outbox_message (registration_id) where kind = 'EVENT_REMINDER' and resent_from is null;
