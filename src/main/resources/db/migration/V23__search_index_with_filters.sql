-- The admin search's index (V22) also holds the list's single-valued filters, so a search
-- combined with a filter is narrowed inside the index. Before, "distributors matching
-- 'discos'" in a 500 000-row event found the 50 000 rows matching 'discos' in the index,
-- fetched every one from the table and dropped it on company_type (165 ms, 22 000 pages
-- read, to find nobody); PostgreSQL does not combine the GIN index with the type's btree
-- because it cannot estimate the search keys. Now the index intersects the trigram lists
-- with the type's list and the same statement takes 9 ms.
--
-- Keys: the event's trigrams as in V22 ('3:pen'), and one key per filter column:
-- '3:s:CONFIRMED' (status), '3:t:PUBLISHER' (company type), '3:e:JAL' (state),
-- '3:i:YES' (association interest). A trigram key never has a second ':', so the two
-- kinds cannot collide. RegistrationFilterSql asks for
--   registration_list_keys(columns) @> (registration_search_keys(event, q) || filter keys)
-- only when the filter has a search; filters without one keep their btree indexes (V21).
create function registration_list_keys(event_id bigint, search_text text, company_type text, state text,
        association_interest text, status text) returns text[]
    language sql immutable parallel safe
    return array(select event_id || ':' || t from unnest(show_trgm(search_text)) t where strpos(t, ' ') = 0)
        || array[event_id || ':s:' || status, event_id || ':t:' || company_type, event_id || ':e:' || state,
                 event_id || ':i:' || association_interest];

create index registration_list_keys_idx on registration
    using gin (registration_list_keys(event_id, search_text, company_type, state, association_interest, status));
drop index registration_search_keys_idx;
