-- Two outbox kinds (RegistrationMessage.Type) for a registration whose email address was
-- changed, by the registrant or staff: EMAIL_CHANGED goes to the new address with the
-- personal link, EMAIL_CHANGED_OLD tells the old address of the change, without any link.
-- Both rows are written with recipient already set: the old address is no longer the
-- registration's, so its message must keep it; the new one is the address the registration
-- must still hold when the message is sent (changed again meanwhile, it is skipped). The
-- rows go with the registration's other messages when its data is erased or its retention
-- ends (OutboxErasure). V31 lists the kinds the sender knows; this widens the list.
alter table outbox_message drop constraint outbox_message_kind_check;
alter table outbox_message add constraint outbox_message_kind_check
    check (kind in ('RECEIVED_PENDING', 'CONFIRMED', 'WAITLISTED', 'SEAT_WITHDRAWN', 'PROMOTED', 'DECLINED',
                    'CANCELLED', 'LINK_REMINDER', 'EVENT_REMINDER', 'EVENT_CHANGED', 'EMAIL_CHANGED',
                    'EMAIL_CHANGED_OLD'));
