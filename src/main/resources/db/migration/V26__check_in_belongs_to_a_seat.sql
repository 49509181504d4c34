-- A check-in belongs to a confirmed seat. Until now a registration that left CONFIRMED
-- (cancelled by the registrant or by staff, declined, moved to the waitlist, erased) kept
-- its checked_in_at, and rows from before check-in was limited to the confirmed (CheckIns)
-- hold one while PENDING or WAITLISTED: the list's "checked in" filter, the door page, the
-- door list and the exports counted them, the dashboard's "arrived" (confirmed and checked
-- in, V16) did not. Every status change away from CONFIRMED now clears it
-- (registration/Changes.setStatus); this clears what was left. The audit log keeps each
-- arrival (CHECKED_IN).
--
-- The tallies need no correcting: their checked_in group counts confirmed registrations
-- only (registration_tally_keys, V16), so none of these rows is in it, and the update
-- trigger's deltas for them add up to zero and are not written.

update registration
   set checked_in_at = null, version = version + 1
 where status <> 'CONFIRMED' and checked_in_at is not null;
