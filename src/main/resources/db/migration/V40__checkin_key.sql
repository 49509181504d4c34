-- The random id a door phone gives each check-in it queues (checkin.js, DoorSync): the
-- arrival stored remembers whose check-in it is, so the phone that recorded it first is
-- told "done" and any other phone (or a repeat of another tap) is told "already in".
-- Null for a check-in from a page (the pass, the detail page, the door without script).
alter table registration add column checkin_key varchar(64);
