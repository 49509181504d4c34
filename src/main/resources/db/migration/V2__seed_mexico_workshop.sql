-- The first event: the WIN workshop in Mexico City (source: seed/win-mexico-workshop-announcement.txt).
--
-- The announcement gives the day (Monday 20 March) but no year, no hours and no capacity.
-- This seed therefore uses 2028-03-20 (the next Monday 20 March), 10:00–14:00
-- America/Mexico_City and 60 seats. These are placeholders: organizers edit the date, hours,
-- capacity and registration window in the admin pages.
--
-- The announcement gives no street address either: the venue address stays at the level of
-- the neighbourhood, and the map link is a search for the coworking space.
--
-- Paragraphs are separated by a blank line (E'\n\n'), agenda items by a line break (E'\n').

insert into event (slug, title_es, title_en, summary_es, summary_en,
                   description_es, description_en, agenda_es, agenda_en, about_es, about_en,
                   starts_at, ends_at, time_zone,
                   venue_name, venue_address, venue_map_url,
                   capacity, requires_approval,
                   registration_opens_at, registration_closes_at, published)
values (
    'mexico-workshop',
    'Hoja de ruta para crear una asociación de música independiente en México',
    'Roadmap to Starting an Independent Music Trade Association in Mexico',

    'Taller presencial en la Ciudad de México para disqueras y compañías de música independiente '
        || 'interesadas en formar una asociación que las represente y defienda sus intereses. '
        || 'Lo encabeza Noemí Planas, CEO de WIN, con invitados de Argentina, Chile, España y Estados Unidos.',
    'An in-person workshop in Mexico City for independent labels and music companies that want to form '
        || 'an association to represent them and defend their interests. Led by WIN CEO Noemí Planas, '
        || 'with guests from Argentina, Chile, Spain and the United States.',

    concat_ws(E'\n\n',
        'México tiene más de 130 millones de habitantes, una penetración de internet del 70% y es uno '
            || 'de los mercados de streaming musical más grandes del mundo: en 2021 la música grabada '
            || 'generó ingresos por 284.7 millones de dólares. Aun así, la música grabada independiente '
            || 'todavía no cuenta con un organismo que la represente. En este taller se revisarán los '
            || 'aspectos principales que hay que considerar para crear una asociación, los próximos pasos '
            || 'para ponerla en marcha y los beneficios de ser miembro de WIN.',
        'Representantes de asociaciones y compañías de Argentina, Chile, España y Estados Unidos '
            || 'compartirán mejores prácticas y casos de éxito de sus propios países.',
        'La última parte es de trabajo en conjunto: la idea es que las compañías participantes '
            || 'sienten, entre todas, las bases para lanzar una iniciativa en México.'),
    concat_ws(E'\n\n',
        'Mexico has a population of more than 130 million, 70% internet penetration and one of the '
            || 'largest music streaming markets in the world: in 2021 its recorded music revenue reached '
            || 'US$284.7 million. Yet independent recorded music in Mexico still has no trade body to '
            || 'represent it. This workshop covers the main aspects to consider when starting an '
            || 'association, the next steps to get one going, and the benefits of WIN membership.',
        'Speakers from associations and companies in Argentina, Chile, Spain and the United States '
            || 'will share best practices and success stories from their own countries.',
        'The final part is hands-on: participating companies work together to lay the groundwork '
            || 'for launching an initiative in Mexico.'),

    concat_ws(E'\n',
        'Bienvenida y presentación de WIN y la Red LatAm',
        'Aspectos principales para crear una asociación de música independiente',
        'Los beneficios de ser miembro de WIN',
        'Mejores prácticas y casos de éxito de Argentina, Chile, España y Estados Unidos',
        'Trabajo en conjunto: bases para una iniciativa en México',
        'Próximos pasos y cierre'),
    concat_ws(E'\n',
        'Welcome and introduction to WIN and the LatAm Network',
        'Main aspects to consider when starting an independent music association',
        'The benefits of WIN membership',
        'Best practices and success stories from Argentina, Chile, Spain and the United States',
        'Working together: laying the groundwork for an initiative in Mexico',
        'Next steps and close'),

    concat_ws(E'\n\n',
        'WIN (Worldwide Independent Network) es la organización internacional que conecta y apoya a '
            || 'las asociaciones nacionales de compañías de música independiente. Reúne a 34 miembros '
            || 'en 38 países de Australia, Asia, Europa y América, que en conjunto representan a miles '
            || 'de compañías y profesionales. Uno de sus objetivos principales es fortalecer al sector '
            || 'impulsando la creación de nuevas asociaciones y fomentando alianzas regionales.',
        'WIN lanzó la Red LatAm en 2020 como un foro colaborativo para analizar los retos propios de '
            || 'la región, promover el diálogo y el intercambio, y generar oportunidades para las '
            || 'compañías de música independiente en América Latina y fuera de ella.'),
    concat_ws(E'\n\n',
        'WIN (Worldwide Independent Network) is the international organization that connects and '
            || 'supports national associations of independent music companies. It has 34 members in '
            || '38 countries across Australia, Asia, Europe and the Americas, representing thousands of '
            || 'companies and professionals. One of its main goals is to strengthen the sector by '
            || 'encouraging new associations and fostering regional alliances.',
        'Launched by WIN in 2020, the LatAm Network is a collaborative forum to discuss the challenges '
            || 'facing the region, promote dialogue and exchange, and create opportunities for '
            || 'independent music companies in Latin America and abroad.'),

    timestamp '2028-03-20 10:00' at time zone 'America/Mexico_City',
    timestamp '2028-03-20 14:00' at time zone 'America/Mexico_City',
    'America/Mexico_City',

    'Oficinas de Managers Anónimos — PÚBLICO Roma coworking',
    'Colonia Roma Norte, Ciudad de México',
    'https://www.google.com/maps/search/?api=1&query=P%C3%9ABLICO%20Roma%20coworking%2C%20Roma%20Norte%2C%20Ciudad%20de%20M%C3%A9xico',

    60,
    false,
    timestamptz '2026-01-01 00:00 UTC',
    timestamp '2028-03-19 23:59' at time zone 'America/Mexico_City',
    true
);

-- Speakers, in the order of the announcement. country_code is the country of the speaker's
-- organization. Two assumptions, not stated in the announcement:
--   * Noemí Planas (position 1): 'ES', WIN's CEO being based in Spain.
--   * Cristóbal Dañobeitia (position 7): 'CL', OLMI being based in Chile.
-- role_es for Nore Chesapik is worded without grammatical gender ("Al frente de ...").
insert into speaker (event_id, position, name, role_es, role_en, organization, country_code)
select (select id from event where slug = 'mexico-workshop'), s.position, s.name, s.role_es, s.role_en,
       s.organization, s.country_code
from (values
    (1, 'Noemí Planas',
        'CEO de WIN (Worldwide Independent Network)',
        'CEO of WIN (Worldwide Independent Network)',
        'WIN', 'ES'),
    (2, 'Oliver Knust',
        'Director de Chilemúsica, la marca de exportación de la música chilena, y miembro del consejo directivo de WIN',
        'Director of Chilemúsica, the Chilean music export brand, and WIN board member',
        'Chilemúsica', 'CL'),
    (3, 'Francisca Sandoval',
        'Directora ejecutiva de IMICHILE, la asociación gremial de la industria de la música independiente chilena',
        'Executive director of IMICHILE, the trade association for the Chilean independent music industry',
        'IMICHILE', 'CL'),
    (4, 'Tweety González',
        'Músico, productor y miembro del consejo directivo de ASIAr, la asociación de sellos independientes de Argentina',
        'Musician, producer and board member of ASIAr, the association of independent labels of Argentina',
        'ASIAr', 'AR'),
    (5, 'Alejandro Varela',
        'Director de S-Music y miembro del consejo directivo de ASIAr',
        'Director of S-Music and board member of ASIAr',
        'S-Music', 'AR'),
    (6, 'Richard Burgess',
        'CEO de la American Association of Independent Music (A2IM)',
        'CEO of the American Association of Independent Music (A2IM)',
        'A2IM', 'US'),
    (7, 'Cristóbal Dañobeitia',
        'Director del Observatorio Latinoamericano de la Música Independiente (OLMI)',
        'Director of the Latin American Observatory of Independent Music (OLMI)',
        'OLMI', 'CL'),
    (8, 'Nore Chesapik',
        'Al frente de Montgrí y miembro de UFi, la asociación de sellos discográficos independientes de España',
        'Director of Montgrí and member of UFi, the association of independent record labels of Spain',
        'Montgrí', 'ES'),
    (9, 'Kin Martínez',
        'Director de Esmerarte, miembro de UFi y presidente de Es_Música, la federación de la música de España',
        'Director of Esmerarte, member of UFi and president of Es_Música, the Spanish federation of music',
        'Esmerarte', 'ES')
) as s (position, name, role_es, role_en, organization, country_code);

-- Partners: the announcement only says the event is possible thanks to their collaboration,
-- and gives no web addresses, so url stays null.
insert into partner (event_id, position, name, description_es, description_en, url)
select (select id from event where slug = 'mexico-workshop'), p.position, p.name,
       'Colaborador', 'Collaborating partner', null
from (values
    (1, 'Grupo Anónimos'),
    (2, 'Discos Panoram'),
    (3, 'deGira')
) as p (position, name);

-- One seat row per unit of capacity.
insert into event_seat (event_id, seat_no)
select e.id, s
from event e
cross join generate_series(1, e.capacity) s
where e.slug = 'mexico-workshop';
