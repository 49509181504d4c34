-- The Mexico workshop page tells every fact of the announcement (seed/win-mexico-workshop-announcement.txt),
-- issue 18: V2 left out Mexico as the gateway to Latin America, Mexico City as the new streaming
-- mecca, the delegation's visit to the Vive Latino festival and the Aldea Musical activities, and
-- that the workshop continues WIN's and the LatAm Network's work of recent years.
--
-- V2 cannot be edited, so this rewrites the seeded texts -- but only where organizers have not
-- changed them yet (each update checks that the text still starts as seeded).
--
-- The announcement speaks of "launching an initiative in Mexico in 2023"; the seed moved the date
-- to 2028 (see V2), so the texts say "an initiative in Mexico" without a year.

update event
set description_es = concat_ws(E'\n\n',
        'Una delegación de WIN viaja a México para impulsar la creación de una asociación gremial de '
            || 'compañías de música independiente. Si tienes una disquera o una compañía de música y te '
            || 'interesa formar un organismo que las represente y defienda sus intereses, este taller es '
            || 'para ti.',
        'México tiene más de 130 millones de habitantes y una penetración de internet del 70%, y es '
            || 'uno de los mercados de streaming musical más grandes del mundo: en 2021 la música grabada '
            || 'facturó 284.7 millones de dólares. Por estar entre Norteamérica y Sudamérica, se le '
            || 'considera la puerta de entrada a América Latina; su escena musical, rica y diversa, y sus '
            || 'lazos culturales con la región lo han vuelto uno de los mercados que más rápido crecen, y a '
            || 'la Ciudad de México se le conoce como la nueva meca del streaming.',
        'Aun así, la música grabada independiente en México todavía no tiene un organismo gremial que '
            || 'la represente. En el taller verás los aspectos principales que hay que tomar en cuenta para '
            || 'crear una asociación, los siguientes pasos para echarla a andar y los beneficios de ser '
            || 'miembro de WIN.',
        'Representantes de asociaciones y compañías de Argentina, Chile, España y Estados Unidos '
            || 'compartirán mejores prácticas y casos de éxito de sus propios países.',
        'La última parte es de trabajo en equipo: el objetivo es que las compañías participantes '
            || 'sienten juntas las bases para lanzar una iniciativa en México.'),
    description_en = concat_ws(E'\n\n',
        'A WIN delegation is travelling to Mexico to promote the creation of a trade association of '
            || 'independent music companies. If you run a record label or music company and want to form '
            || 'a body that represents you and defends your interests, this workshop is for you.',
        'Mexico has a population of more than 130 million and 70% internet penetration, and it is one '
            || 'of the largest music streaming markets in the world: in 2021 its recorded music industry '
            || 'grossed US$284.7 million. At the crossroads of North and South America, it is often seen '
            || 'as the gateway to Latin America; its rich and diverse music scene and its cultural ties '
            || 'to the region have made it one of the fastest-growing music markets in the world, and '
            || 'Mexico City is known as the new streaming mecca.',
        'Even so, independent recorded music in Mexico still has no trade body to represent it. The '
            || 'workshop covers the main aspects to consider when starting an association, the next '
            || 'steps to get one going, and the benefits of WIN membership.',
        'Speakers from associations and companies in Argentina, Chile, Spain and the United States '
            || 'will share best practices and success stories from their own countries.',
        'The final part is hands-on: participating companies work together to lay the groundwork '
            || 'for launching an initiative in Mexico.')
where slug = 'mexico-workshop'
  and description_es like 'México tiene más de 130 millones de habitantes%'
  and description_en like 'Mexico has a population of more than 130 million%';

update event
set about_es = concat_ws(E'\n\n',
        about_es,
        'El taller da continuidad al trabajo de los últimos años para cumplir los objetivos de WIN y '
            || 'de la Red LatAm. Es posible gracias a la colaboración de Grupo Anónimos, Discos Panoram '
            || 'y deGira.',
        'Durante su visita, la delegación de WIN también participará en el festival Vive Latino y en '
            || 'las actividades de Aldea Musical.'),
    about_en = concat_ws(E'\n\n',
        about_en,
        'The workshop continues the work of recent years towards the goals of WIN and the LatAm '
            || 'Network. It is possible thanks to the collaboration of Grupo Anónimos, Discos Panoram '
            || 'and deGira.',
        'During its visit, the WIN delegation will also join the Vive Latino festival and the Aldea '
            || 'Musical activities.')
where slug = 'mexico-workshop'
  and about_es like 'WIN (Worldwide Independent Network) es la organización internacional%'
  and about_es not like '%Vive Latino%'
  and about_en not like '%Vive Latino%';
