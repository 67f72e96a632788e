package qa

// A small hand-written bilingual document for the tests of the checks:
// six numbered sections of some 150 letters each.

const lakeEN = `Charter of the Lake Fishers

1. The Lake Fishers Union is an association of fishing cooperatives working on the lakes of the eastern region. It was founded in 1998 by twelve cooperatives and has grown every year since then.

2. The seat of the Union is in Lillehammer. The Union may open offices in other towns when the General Meeting so decides, and it closes them in the same way after a vote of the members present.

3. Every member pays an annual fee of 1,250.50 euros by 31 March. Members with fewer than 10 employees pay half of this amount, and new members pay nothing at all in their first year of membership in the Union.

4. The Board consists of seven members elected for three years. The Board meets at least four times a year and reports on its work to the General Meeting every spring and every autumn in writing.

5. Questions about membership are answered by the secretariat at members@lakefishers.example.org. The rules of the Union are published at https://lakefishers.example.org/rules and are free for all.

6. This Charter enters into force on the day of its adoption. It may be amended by a majority of two thirds of the votes cast at the General Meeting of the Union, after a debate open to all members.
`

const lakeES = `Estatutos de los Pescadores del Lago

1) La Unión de Pescadores del Lago es una asociación de cooperativas pesqueras que trabajan en los lagos de la región oriental. Fue fundada en 1998 por doce cooperativas y ha crecido cada año desde entonces.

2) La sede de la Unión está en Lillehammer. La Unión podrá abrir oficinas en otras ciudades cuando así lo decida la Asamblea General, y las cerrará de la misma manera tras una votación de los miembros.

3) Cada miembro abona una cuota anual de 1.250,50 euros antes del 31 de marzo. Los miembros con menos de 10 empleados abonan la mitad de dicho importe, y los nuevos miembros no pagan nada en su primer año de afiliación.

4) La Junta está compuesta por siete miembros elegidos por tres años. La Junta se reúne al menos cuatro veces al año e informa de su trabajo a la Asamblea General cada primavera y cada otoño.

5) Las preguntas sobre la afiliación las responde la secretaría en members@lakefishers.example.org. Los estatutos de la Unión se publican en https://lakefishers.example.org/rules y son gratuitos para todos.

6) Los presentes Estatutos entran en vigor el día de su aprobación. Podrán modificarse por una mayoría de dos tercios de los votos emitidos en la Asamblea General de la Unión, tras un debate abierto a todos los miembros.
`
