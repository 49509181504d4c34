-- The registrations list sorted names and companies by lower(...) in the database's collation:
-- under C or C.UTF-8 (the embedded test database; a server may have any) every accented initial
-- came after z ("Ángel Álvarez" after "María", "Órbita Discos" after "Señal Música"). The sort
-- key is now Spanish alphabetical order whatever the collation, without ICU: accents and case
-- ignored (Á with a, ü with u), ñ its own letter after n ("Nava" < "Núñez" < "Ñandú" < "Ocampo":
-- ñ becomes "n~", and "~" sorts after every ASCII letter, digit, space and sign in a key), and
-- the keys compared byte by byte (COLLATE "C", in the indexes and in every statement that sorts
-- or pages by them), so no server's collation changes the order.
-- A plain SQL body: PostgreSQL inlines it, into the index expressions and into the statements
-- alike, so the list's statements match the indexes; it calls only built-in functions of
-- pg_catalog, searched first whatever the search_path.
create function spanish_sort_key(value text) returns text
    language sql immutable parallel safe
    as $$
select replace(lower(translate($1,
        'ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝŸýÿÑ',
        'aaaaaaaaaaaacceeeeeeeeiiiiiiiioooooooooooouuuuuuuuyyyyñ')), 'ñ', 'n~')
$$;

-- The keyset indexes of the two columns (V5), on the new key.
drop index registration_event_name_idx;
create index registration_event_name_idx on registration (event_id, (spanish_sort_key(full_name) collate "C"), id);
drop index registration_event_company_idx;
create index registration_event_company_idx on registration (event_id, (spanish_sort_key(company) collate "C"), id);
