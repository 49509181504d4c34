-- The unique index on (event, address) covers every status but CANCELLED: a declined
-- registration keeps its address too, so organizers' "no" cannot be undone by registering
-- again. Its old name said "active", which in the code means pending, confirmed or
-- waitlisted only (RegistrationStatus.active() and holdsAddress()).
alter index registration_active_email_uq rename to registration_address_held_uq;

-- Constraints the application has always kept and the data relies on, now enforced by the
-- database so a bug or a hand-written statement cannot break them.

-- The language a person registered in, and a message's language: one of the two the
-- application speaks (SupportedLocales).
alter table registration add constraint registration_locale_check check (locale in ('es', 'en'));
alter table outbox_message add constraint outbox_message_locale_check check (locale in ('es', 'en'));

-- What an outbox row asks to send: RegistrationMessage.Type. A new type needs a migration
-- that widens this list.
alter table outbox_message add constraint outbox_message_kind_check
    check (kind in ('RECEIVED_PENDING', 'CONFIRMED', 'WAITLISTED', 'PROMOTED', 'DECLINED', 'CANCELLED',
                    'LINK_REMINDER', 'EVENT_REMINDER'));

-- A place in the waitlist exactly while waiting: every status change sets or clears it
-- (registration/Changes, Seats), and the waitlist is served in waitlist_seq order.
alter table registration add constraint registration_waitlist_seq_check
    check ((status = 'WAITLISTED') = (waitlist_seq is not null));

-- A seat holds only a registration of its own event. The composite key replaces the
-- single-column one: the same lookup when a seat is claimed, one more index entry per
-- registration.
alter table registration add constraint registration_event_id_uq unique (event_id, id);
alter table event_seat drop constraint event_seat_registration_id_fkey;
alter table event_seat add constraint event_seat_registration_event_fkey
    foreign key (event_id, registration_id) references registration (event_id, id);

-- The region is one of the event's country's codes (ISO 3166-2 without prefix) or
-- "outside", for the countries whose list the application ships (registration/Regions,
-- MexicanState); any other country's region is free text (V14). A check constraint cannot
-- read the event's country, so a trigger does; it runs only when the state or the event
-- of a registration is written.
create function registration_region_check() returns trigger
    language plpgsql as $$
declare
    event_country varchar(2);
begin
    select country into event_country from event where id = new.event_id;
    if (event_country = 'MX' and new.state not in (
            'AGU', 'BCN', 'BCS', 'CAM', 'CHP', 'CHH', 'CMX', 'COA', 'COL', 'DUR', 'GUA', 'GRO', 'HID',
            'JAL', 'MEX', 'MIC', 'MOR', 'NAY', 'NLE', 'OAX', 'PUE', 'QUE', 'ROO', 'SLP', 'SIN', 'SON',
            'TAB', 'TAM', 'TLA', 'VER', 'YUC', 'ZAC', 'OUTSIDE_MX'))
        or (event_country = 'CO' and new.state not in (
            'AMA', 'ANT', 'ARA', 'ATL', 'BOL', 'BOY', 'CAL', 'CAQ', 'CAS', 'CAU', 'CES', 'CHO', 'COR',
            'CUN', 'DC', 'GUA', 'GUV', 'HUI', 'LAG', 'MAG', 'MET', 'NAR', 'NSA', 'PUT', 'QUI', 'RIS',
            'SAP', 'SAN', 'SUC', 'TOL', 'VAC', 'VAU', 'VID', 'OUTSIDE_CO')) then
        raise exception 'registration_region_check: % is not a region of %', new.state, event_country
            using errcode = 'check_violation', constraint = 'registration_region_check';
    end if;
    return new;
end
$$;

create trigger registration_region_check
    before insert or update of state, event_id on registration
    for each row execute function registration_region_check();
