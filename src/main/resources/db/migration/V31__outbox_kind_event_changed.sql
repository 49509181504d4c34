-- A new outbox kind, EVENT_CHANGED (RegistrationMessage.Type): the email to everyone who
-- holds a seat or waits when organizers change the event's date, hours or venue, with
-- the calendar file that moves the entry for those confirmed. V27 lists the kinds the
-- sender knows; this widens the list.
alter table outbox_message drop constraint outbox_message_kind_check;
alter table outbox_message add constraint outbox_message_kind_check
    check (kind in ('RECEIVED_PENDING', 'CONFIRMED', 'WAITLISTED', 'SEAT_WITHDRAWN', 'PROMOTED', 'DECLINED',
                    'CANCELLED', 'LINK_REMINDER', 'EVENT_REMINDER', 'EVENT_CHANGED'));
