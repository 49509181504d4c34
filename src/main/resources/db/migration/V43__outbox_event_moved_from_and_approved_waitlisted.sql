-- A moved event's email (EVENT_CHANGED) says what changed: the row keeps when and where the
-- event was before the change (the event's public schedule and venue, nothing personal), and
-- the email, composed when it is sent, puts it next to how the event is then. Several changes
-- before it goes out make one email: a change finds the registration's unsent one and leaves
-- it (and its "before") as it is. Null for every other kind, and for EVENT_CHANGED rows
-- written before this column existed (their email gives the event as it is now).
alter table outbox_message
    add column moved_from_starts_at     timestamptz,
    add column moved_from_ends_at       timestamptz,
    add column moved_from_venue_name    varchar(200),
    add column moved_from_venue_address varchar(300),
    add constraint outbox_message_moved_from_check
        check ((moved_from_starts_at is null and moved_from_ends_at is null and moved_from_venue_name is null
                    and moved_from_venue_address is null)
               or (kind = 'EVENT_CHANGED' and moved_from_starts_at is not null and moved_from_ends_at is not null
                   and moved_from_venue_name is not null and moved_from_venue_address is not null));

-- A new outbox kind, APPROVED_WAITLISTED (RegistrationMessage.Type): a registration pending
-- review that staff approved when no seat was left. It says the
-- review is over and they wait for a seat, instead of the plain waitlist email. V38 lists the
-- kinds the sender knows; this widens the list.
alter table outbox_message drop constraint outbox_message_kind_check;
alter table outbox_message add constraint outbox_message_kind_check
    check (kind in ('RECEIVED_PENDING', 'CONFIRMED', 'WAITLISTED', 'APPROVED_WAITLISTED', 'SEAT_WITHDRAWN',
                    'PROMOTED', 'DECLINED', 'CANCELLED', 'LINK_REMINDER', 'EVENT_REMINDER', 'EVENT_CHANGED',
                    'EMAIL_CHANGED', 'EMAIL_CHANGED_OLD', 'EMAIL_CONFIRM'));
