-- The admin search's key functions (V22, V23) had SQL-standard bodies with a subquery, which
-- PostgreSQL can neither inline nor keep planned: every statement that evaluates one
-- decompresses and reads the stored body and plans its subquery again. The index's
-- expression is evaluated for every registration inserted and every status change, so each
-- registration paid that planning (0.2-0.3 ms of the database's CPU on the benchmark's
-- machine, about a sixth of a registration's). The same expressions in PL/pgSQL are planned once
-- per connection. The results are the same for every input, so the index stays as it is.
-- SET search_path FROM CURRENT keeps what the RETURN bodies gave: the names are those of the
-- schema the migration ran in, whoever evaluates the expression (a restore, a reindex).

create or replace function registration_search_keys(event_id bigint, search_text text) returns text[]
    language plpgsql immutable strict parallel safe
    set search_path from current as $$
begin
    return array(select event_id || ':' || t from unnest(show_trgm(search_text)) t where strpos(t, ' ') = 0);
end
$$;

create or replace function registration_list_keys(event_id bigint, search_text text, company_type text, state text,
        association_interest text, status text) returns text[]
    language plpgsql immutable parallel safe
    set search_path from current as $$
begin
    return array(select event_id || ':' || t from unnest(show_trgm(search_text)) t where strpos(t, ' ') = 0)
        || array[event_id || ':s:' || status, event_id || ':t:' || company_type, event_id || ':e:' || state,
                 event_id || ':i:' || association_interest];
end
$$;
