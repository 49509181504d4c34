-- A new outbox kind, SEAT_WITHDRAWN (RegistrationMessage.Type): the email to a confirmed
-- person whom staff moved to the waitlist. It says the seat is no longer theirs, gives
-- their place and removes the calendar entry; a pending person moved there still gets
-- WAITLISTED. V17 lists the kinds the sender knows; this widens the list.
alter table outbox_message drop constraint outbox_message_kind_check;
alter table outbox_message add constraint outbox_message_kind_check
    check (kind in ('RECEIVED_PENDING', 'CONFIRMED', 'WAITLISTED', 'SEAT_WITHDRAWN', 'PROMOTED', 'DECLINED',
                    'CANCELLED', 'LINK_REMINDER', 'EVENT_REMINDER'));
