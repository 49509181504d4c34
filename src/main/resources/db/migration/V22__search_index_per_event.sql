-- The admin search's index, split by event. The trigram index (V1) held one posting list
-- per trigram for every event together: a search in a 50 000-row event while another held
-- 500 000 decoded the other event's entries too, and fetched and dropped its matching
-- rows ("Rows Removed by Filter: 40000"). Each key is now a trigram prefixed with its
-- event ('3:pen'), so a search reads the lists of its own event only, and the index is half
-- the size (padded word-boundary trigrams such as ' pe' are left out).
--
-- A search for q uses registration_search_keys(event, q) @> these keys, then the LIKE
-- (RegistrationFilterSql): each run of 3+ letters or digits in q lies inside a word of any
-- text containing q, so its inner trigrams are among that text's keys; the LIKE decides.
-- The body is SQL-standard (RETURN): its names are bound now, so the index expression does
-- not depend on the search_path of whoever evaluates it (restore, vacuum).
create function registration_search_keys(event_id bigint, search_text text) returns text[]
    language sql immutable strict parallel safe
    return array(select event_id || ':' || t from unnest(show_trgm(search_text)) t where strpos(t, ' ') = 0);

create index registration_search_keys_idx on registration
    using gin (registration_search_keys(event_id, search_text));
drop index registration_search_idx;
