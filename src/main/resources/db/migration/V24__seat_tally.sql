-- Issue 15: /admin shows the capacity of each event it lists, and an event's capacity is the
-- number of its seat rows (V20). Counting them on every view cost every seat of every event on
-- the page (25 events of 1 000 seats: 25 000 index entries, most with a visit to the table,
-- whose rows registrations keep updating), so the list of events slowed down with the size of
-- the events on it. The number of seat rows is now a tally like the registrations' (V16):
-- dimension 'seats', value '', one per event, appended to by statement triggers when seat
-- rows are added or removed (a new event, a capacity change, a seat added for someone
-- confirmed over capacity, a deleted event). Claiming and releasing a seat update its row
-- and are not tracked: the registration path pays nothing for this.

create function event_seat_tally_track() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into registration_tally_delta (event_id, dimension, value, n)
        select event_id, 'seats', '', count(*) from new_rows group by event_id;
    else
        insert into registration_tally_delta (event_id, dimension, value, n)
        select event_id, 'seats', '', -count(*) from old_rows group by event_id;
    end if;
    return null;
end
$$;

create function event_seat_tally_truncated() returns trigger
    language plpgsql as $$
begin
    delete from registration_tally where dimension = 'seats';
    delete from registration_tally_delta where dimension = 'seats';
    return null;
end
$$;

-- No update trigger: a seat row never moves to another event, and one (it could not name the
-- column: PostgreSQL refuses transition tables for a column list) would run on every claim.
-- Truncating registration (which takes event_seat with it, its foreign key) empties every
-- tally, the seats' too (V16); truncating event_seat alone empties the seats'.
-- No seat row may be added or removed between the triggers taking over and the count below
-- (claims and releases, which update rows, wait for this migration too).
lock table event_seat in share row exclusive mode;

create trigger event_seat_tally_insert after insert on event_seat
    referencing new table as new_rows for each statement execute function event_seat_tally_track();
create trigger event_seat_tally_delete after delete on event_seat
    referencing old table as old_rows for each statement execute function event_seat_tally_track();
create trigger event_seat_tally_truncate after truncate on event_seat
    for each statement execute function event_seat_tally_truncated();

insert into registration_tally (event_id, dimension, value, n)
select event_id, 'seats', '', count(*) from event_seat group by event_id;
