-- A moved event's email (EVENT_CHANGED) gives the times before the change in the zone the
-- event had then, as its registrants read them: an edit of the time zone moves the event's
-- times, and the "before" line in the new zone would show hours nobody was ever given. Null
-- for every other kind, and for rows written before this column existed (their "before" is
-- given in the event's zone as it is when sent).
alter table outbox_message
    add column moved_from_time_zone varchar(64),
    add constraint outbox_message_moved_from_zone_check
        check (moved_from_time_zone is null or moved_from_starts_at is not null);
