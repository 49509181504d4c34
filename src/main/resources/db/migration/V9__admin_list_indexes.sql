-- The registrations list of one event pages by keyset (where (sort key, id) > the last row's),
-- so each sortable column needs an index led by event_id that ends in id. The name, email,
-- company and registration-time indexes exist since V5; these add the remaining columns. The
-- same indexes serve the equality filters on these columns, and the per-event counts of the
-- dashboards (index-only scans, never a scan of every event's registrations).
-- The status index also carries what the event dashboard counts (check-ins; who may come by
-- company type, state and interest), so the dashboard reads this index alone (index-only scan),
-- never the event's table rows.
create index registration_event_status_id_idx on registration (event_id, status, id)
    include (checked_in_at, company_type, state, association_interest);
create index registration_event_state_idx on registration (event_id, state, id);
create index registration_event_company_type_idx on registration (event_id, company_type, id);
create index registration_event_interest_idx on registration (event_id, association_interest, id);
-- Not yet checked in sorts after everyone who is (ascending), as "nulls last" did: a keyset
-- comparison needs a key that is never null.
create index registration_event_checked_in_idx
    on registration (event_id, coalesce(checked_in_at, 'infinity'::timestamptz), id);
