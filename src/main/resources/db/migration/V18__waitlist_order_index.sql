-- The waitlist order is (waitlist_seq, id) (registration/Waitlist): the place of a waitlisted
-- person on the manage page, in emails and in the export is counted in that order, over the
-- event's whole waitlist. With the id in the partial index the count reads the index alone,
-- already in order (no sort, no table rows). Same name, same partial condition, so the
-- registration hot path's "is anyone waiting?" probe and the promoter use it as before.
drop index registration_waitlist_idx;
create index registration_waitlist_idx on registration (event_id, waitlist_seq, id) where status = 'WAITLISTED';
