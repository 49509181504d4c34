-- Personal data rights (LFPDPPP 2025, GDPR): erasure in two steps, retention per event.
--
-- Blocking: an erasure request moves the registration's personal fields into
-- registration_blocked_data (kept apart; read by nothing but the retention job) and
-- overwrites them in registration at once, so no staff page, list, export or email can
-- show them. What proves the request was honoured stays: the registration id, its event,
-- its dates, blocked_at and the audit entry. After the blocking period the retention job
-- deletes the blocked copy (supresión).
alter table registration add column blocked_at timestamptz;
-- Set when the personal fields were overwritten (by blocking or by the retention job).
alter table registration add column anonymized_at timestamptz;

create table registration_blocked_data (
    registration_id bigint      primary key references registration (id) on delete cascade,
    blocked_at      timestamptz not null,
    data            jsonb       not null
);
create index registration_blocked_data_at_idx on registration_blocked_data (blocked_at);

-- The retention job looks only at registrations still holding personal data.
create index registration_not_anonymized_idx on registration (event_id) where anonymized_at is null;

-- Days after an event ends before its registrations are anonymized; null means the
-- global default (APP_PRIVACY_RETENTION_AFTER_EVENT).
alter table event add column retention_days integer check (retention_days between 1 and 3650);
