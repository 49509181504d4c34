-- The admin list's filters combine equality conditions on status, company type, state and
-- interest. Each column's list index (V9) now carries the other filter columns, so a
-- filter on two of them is answered from one index (index-only scan), without reading a
-- table row for every entry of the first: at 500 000 registrations a filter on company type
-- and state that matched nothing read 15 000 table rows to find that out. The status index
-- already carries them (V9).
drop index registration_event_state_idx;
create index registration_event_state_idx on registration (event_id, state, id)
    include (company_type, association_interest, status, checked_in_at);
drop index registration_event_company_type_idx;
create index registration_event_company_type_idx on registration (event_id, company_type, id)
    include (state, association_interest, status, checked_in_at);
drop index registration_event_interest_idx;
create index registration_event_interest_idx on registration (event_id, association_interest, id)
    include (company_type, state, status, checked_in_at);
