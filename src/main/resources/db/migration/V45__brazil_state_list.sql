-- Brazil gets a list of regions (registration/Regions): its 26 states and the Federal
-- District by their two-letter abbreviations (ISO 3166-2:BR without the prefix: MG, SP,
-- DF, ...) or OUTSIDE_BR. Until now a Brazilian event's region was free text, so one
-- registrant typed "MG" and another "Minas Gerais", and staff saw two regions.

-- The region check of V17 learns Brazil's codes. A Brazilian registration stored with a
-- region typed before the list, which the mapping below cannot read, keeps it: an update
-- that leaves its state and event alone (a status change, a save of the edit forms with
-- the region untouched) passes, and a new or changed region must be one of the codes.
create or replace function registration_region_check() returns trigger
    language plpgsql as $$
declare
    event_country varchar(2);
begin
    select country into event_country from event where id = new.event_id;
    if (event_country = 'MX' and new.state not in (
            'AGU', 'BCN', 'BCS', 'CAM', 'CHP', 'CHH', 'CMX', 'COA', 'COL', 'DUR', 'GUA', 'GRO', 'HID',
            'JAL', 'MEX', 'MIC', 'MOR', 'NAY', 'NLE', 'OAX', 'PUE', 'QUE', 'ROO', 'SLP', 'SIN', 'SON',
            'TAB', 'TAM', 'TLA', 'VER', 'YUC', 'ZAC', 'OUTSIDE_MX'))
        or (event_country = 'CO' and new.state not in (
            'AMA', 'ANT', 'ARA', 'ATL', 'BOL', 'BOY', 'CAL', 'CAQ', 'CAS', 'CAU', 'CES', 'CHO', 'COR',
            'CUN', 'DC', 'GUA', 'GUV', 'HUI', 'LAG', 'MAG', 'MET', 'NAR', 'NSA', 'PUT', 'QUI', 'RIS',
            'SAP', 'SAN', 'SUC', 'TOL', 'VAC', 'VAU', 'VID', 'OUTSIDE_CO'))
        or (event_country = 'BR' and new.state not in (
            'AC', 'AL', 'AP', 'AM', 'BA', 'CE', 'DF', 'ES', 'GO', 'MA', 'MT', 'MS', 'MG', 'PA', 'PB',
            'PR', 'PE', 'PI', 'RJ', 'RN', 'RS', 'RO', 'RR', 'SC', 'SP', 'SE', 'TO', 'OUTSIDE_BR')
            and (tg_op = 'INSERT' or new.state is distinct from old.state
                 or new.event_id is distinct from old.event_id)) then
        raise exception 'registration_region_check: % is not a region of %', new.state, event_country
            using errcode = 'check_violation', constraint = 'registration_region_check';
    end if;
    return new;
end
$$;

-- A region typed as a state's name or abbreviation becomes its code, whatever its case,
-- accents and spaces (as Regions.key reads them: "SÃO  PAULO", "sao paulo" and "SP" are
-- SP); staff then see it by the state's name. Anything else ("Belo Horizonte", "Rio")
-- stays as typed and is shown so. The registration tallies follow through their triggers
-- (V16); no version or time of the registration changes: its region means what it meant.
update registration r
   set state = s.code
  from event e,
       (values ('acre', 'AC'), ('alagoas', 'AL'), ('amapa', 'AP'), ('amazonas', 'AM'), ('bahia', 'BA'),
               ('ceara', 'CE'), ('distrito federal', 'DF'), ('espirito santo', 'ES'), ('goias', 'GO'),
               ('maranhao', 'MA'), ('mato grosso', 'MT'), ('mato grosso do sul', 'MS'),
               ('minas gerais', 'MG'), ('para', 'PA'), ('paraiba', 'PB'), ('parana', 'PR'),
               ('pernambuco', 'PE'), ('piaui', 'PI'), ('rio de janeiro', 'RJ'),
               ('rio grande do norte', 'RN'), ('rio grande do sul', 'RS'), ('rondonia', 'RO'),
               ('roraima', 'RR'), ('santa catarina', 'SC'), ('sao paulo', 'SP'), ('sergipe', 'SE'),
               ('tocantins', 'TO'),
               ('ac', 'AC'), ('al', 'AL'), ('ap', 'AP'), ('am', 'AM'), ('ba', 'BA'), ('ce', 'CE'),
               ('df', 'DF'), ('es', 'ES'), ('go', 'GO'), ('ma', 'MA'), ('mt', 'MT'), ('ms', 'MS'),
               ('mg', 'MG'), ('pa', 'PA'), ('pb', 'PB'), ('pr', 'PR'), ('pe', 'PE'), ('pi', 'PI'),
               ('rj', 'RJ'), ('rn', 'RN'), ('rs', 'RS'), ('ro', 'RO'), ('rr', 'RR'), ('sc', 'SC'),
               ('sp', 'SP'), ('se', 'SE'), ('to', 'TO')) as s (typed, code)
 where e.id = r.event_id
   and e.country = 'BR'
   and r.state is distinct from s.code
   and s.typed = lower(btrim(regexp_replace(regexp_replace(
           translate(r.state, 'ÁÀÂÃÄáàâãäÉÈÊËéèêëÍÌÎÏíìîïÓÒÔÕÖóòôõöÚÙÛÜúùûüÇç',
                              'AAAAAaaaaaEEEEeeeeIIIIiiiiOOOOOoooooUUUUuuuuCc'),
           '[\u0300-\u036f]', '', 'g'), '\s+', ' ', 'g')));
