package org.winformusic.events.print;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.winformusic.events.QrCodes;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.registration.RegistrationErasure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The badges and the door list as staff get them: opened with PDFBox, their text read
 * back and their QR codes scanned with ZXing.
 */
@IntegrationTest
@AutoConfigureMockMvc
@WithMockUser(roles = "OPS")
class PrintoutsTests {

	/** Printouts show the event's date: 1 May 2028, 10:00-14:00 in Mexico City. */
	static final Instant MAY_FIRST = Instant.parse("2028-05-01T16:00:00Z");

	/** Spanish order by family name: accents do not count, Ñ comes after N. */
	static final List<String> CONFIRMED_IN_ORDER = List.of("Luis Ávila", "Juan de la Fuente", "Pedro Güemes",
			"Rosa Muñoz", "Ana Nava", "Eva Núñez", "Ole Nyberg", "Íñigo Ñúñez", "María José Pérez López",
			"Ximena Zúñiga");

	@Autowired
	MockMvc mvc;

	@Autowired
	PassLinks passes;

	@Autowired
	RegistrationErasure erasure;

	TestEvents events;

	TestRegistrations data;

	@Autowired
	void data(JdbcClient jdbc) {
		this.events = new TestEvents(jdbc);
		this.data = new TestRegistrations(jdbc);
	}

	/**
	 * A published event with that title in both languages, without seat rows: rows
	 * written straight stay as they are.
	 */
	private String event(String title) {
		return this.events.event()
			.title(title, title)
			.startsAt(MAY_FIRST)
			.capacity(1000)
			.withoutSeats()
			.create()
			.slug();
	}

	@Test
	void badgesHoldEveryConfirmedNameExactlyOnceInSpanishOrderWithAccentsIntact() throws Exception {
		String slug = event("Hoja de ruta para crear una asociación de música independiente en México");
		List<String[]> people = List.of(new String[] { "Ximena Zúñiga", "Nopal Records", "Fundadora" },
				new String[] { "Eva Núñez", "Discos Tehuacán", "A&R" },
				new String[] { "Luis Ávila", "Sonido Ávila Distribución Digital de México", "Director general" },
				new String[] { "Íñigo Ñúñez", "Ñu Música", "Mánager" },
				new String[] { "Rosa Muñoz", "Colectivo Güiro", "Productora" },
				new String[] { "María José Pérez López", "Sello Pájaro Azul", "Coordinadora de licencias" },
				new String[] { "Ole Nyberg", "Nordic Indie Network", "Invitado" },
				new String[] { "Juan de la Fuente", "Fuente Editorial Musical", "Editor" },
				new String[] { "Ana Nava", "Nava Booking", "Promotora" },
				new String[] { "Pedro Güemes", "Güemes & Asociados Management", "Socio" });
		for (String[] person : people) {
			this.data.in(slug).fullName(person[0]).company(person[1]).jobTitle(person[2]).create();
		}
		this.data.in(slug)
			.fullName("Wendy Waitlisted")
			.company("Sello Espera")
			.jobTitle(null)
			.status("WAITLISTED")
			.create();
		this.data.in(slug)
			.fullName("Tomás Ibarra Ruiz")
			.company("Pendiente Records")
			.jobTitle(null)
			.status("PENDING")
			.create();
		this.data.in(slug).fullName("Carla Cancelada").company("Compañía").jobTitle(null).status("CANCELLED").create();

		byte[] pdf = pdf("/admin/events/" + slug + "/badges.pdf");
		String text = PdfPages.text(pdf);
		int previous = -1;
		for (String name : CONFIRMED_IN_ORDER) {
			assertThat(occurrences(text, name)).as(name).isEqualTo(1);
			assertThat(text.indexOf(name)).as(name + " after the one before").isGreaterThan(previous);
			previous = text.indexOf(name);
		}
		assertThat(text).doesNotContain("Wendy")
			.doesNotContain("Carla")
			.doesNotContain("Tomás")
			.contains("Hoja de ruta para crear");
		assertThat(PdfPages.count(pdf)).isEqualTo(2);
		save(pdf, "badges.pdf");
		save(pdf("/admin/events/" + slug + "/door-list.pdf"), "door-list-sample.pdf");
	}

	@Test
	void pageCountsFollowTheLayout() throws Exception {
		int[] people = { 1, 8, 9, 500 };
		int[] sheets = { 1, 1, 2, 63 };
		for (int i = 0; i < people.length; i++) {
			String slug = event("Multitud");
			this.data.confirmedCrowd(slug, people[i]);
			byte[] sheet = pdf("/admin/events/" + slug + "/badges.pdf");
			assertThat(PdfPages.count(sheet)).as(people[i] + " people on A4 sheets").isEqualTo(sheets[i]);
			byte[] single = pdf("/admin/events/" + slug + "/badges.pdf?layout=single");
			assertThat(PdfPages.count(single)).as(people[i] + " people one per page").isEqualTo(people[i]);
			if (people[i] == 500) {
				String text = PdfPages.text(sheet);
				assertThat(occurrences(text, "Persona 0001")).isEqualTo(1);
				assertThat(occurrences(text, "Persona 0500")).isEqualTo(1);
			}
		}
	}

	@Test
	void theQrCodeOnABadgeCarriesThePassLinkNeverTheManageLink() throws Exception {
		String slug = event("Taller QR");
		long id = this.data.in(slug)
			.fullName("Renata Ibáñez Ortega")
			.company("Discos Ñandú")
			.jobTitle("Productora")
			.create()
			.id();
		String expected = this.passes.link(id);

		byte[] single = pdf("/admin/events/" + slug + "/badges.pdf?layout=single");
		assertThat(QrCodes.decode(PdfPages.render(single, 0, 300))).isEqualTo(expected).contains("/p/");

		// On the A4 sheet: the first badge's cell only (top-left, 90 x 54 mm at 15, 40.5
		// mm).
		BufferedImage page = PdfPages.render(pdf("/admin/events/" + slug + "/badges.pdf"), 0, 300);
		double dotsPerMm = 300 / 25.4;
		BufferedImage cell = page.getSubimage((int) (15 * dotsPerMm), (int) (40.5 * dotsPerMm), (int) (90 * dotsPerMm),
				(int) (54 * dotsPerMm));
		assertThat(QrCodes.decode(cell)).isEqualTo(expected).doesNotContain("/r/");
	}

	@Test
	void eachBadgePrintsItsDoorCodeUnderTheQrCodeAsTheDoorListPrintsIt() throws Exception {
		String slug = event("Taller código");
		long id = this.data.in(slug).fullName("Renata Ibáñez Ortega").company("Discos Ñandú").create().id();
		String code = this.passes.code(id);

		// The first badge of the A4 sheet is the cell at 15, 40.5 mm; its QR code is the
		// right-hand column above 30 + 18 mm. The code is what stands under it.
		byte[] sheet = pdf("/admin/events/" + slug + "/badges.pdf");
		float qrLeft = PdfText.mm(15 + 90 - PrintLayout.Badge.PADDING - PrintLayout.Badge.QR_SIZE);
		float qrBottom = PdfText.mm(40.5f + PrintLayout.Badge.QR_TOP + PrintLayout.Badge.QR_SIZE);
		StringBuilder underQr = new StringBuilder();
		for (TextPosition character : PdfPages.characters(sheet)) {
			if (character.getXDirAdj() >= qrLeft && character.getYDirAdj() > qrBottom
					&& character.getYDirAdj() < PdfText.mm(40.5f + 54)) {
				underQr.append(character.getUnicode());
				assertThat(character.getFont().getName()).contains("LiberationMono");
			}
		}
		assertThat(underQr.toString()).isEqualTo(code);
		assertThat(PdfPages.text(pdf("/admin/events/" + slug + "/door-list.pdf"))).contains(code);
		// Smaller, the QR code still reads.
		assertThat(QrCodes.decode(PdfPages.render(sheet, 0, 300))).isEqualTo(this.passes.link(id));
	}

	@Test
	void longNamesAndCompaniesStayInsideTheBadge() throws Exception {
		String slug = event("Taller con un título larguísimo que no cabe en una línea de un gafete");
		String name = "María de los Ángeles Guadalupe Concepción Hernández de la Garza y Villaseñor Altamirano Peña";
		String company = "Asociación Mexicana de Productores Independientes de Música, Sellos y Distribuidoras "
				+ "Digitales del Bajío y Occidente";
		this.data.in(slug)
			.fullName(name)
			.company(company)
			.jobTitle("Coordinadora general de relaciones institucionales y alianzas")
			.create();

		byte[] pdf = pdf("/admin/events/" + slug + "/badges.pdf?layout=single");
		float width = PdfText.mm(90);
		float padding = PdfText.mm(PrintLayout.Badge.PADDING);
		List<TextPosition> characters = PdfPages.characters(pdf);
		assertThat(characters).isNotEmpty();
		for (TextPosition character : characters) {
			assertThat(character.getXDirAdj()).as(character.getUnicode()).isGreaterThanOrEqualTo(padding - 0.5f);
			assertThat(character.getXDirAdj() + character.getWidthDirAdj()).as(character.getUnicode())
				.isLessThanOrEqualTo(width - padding + 0.5f);
		}
		// The name wraps or shrinks but is whole.
		assertThat(PdfPages.text(pdf)).contains(name);
	}

	@Test
	void badgesFollowTheRegistrationListFilters() throws Exception {
		String slug = event("Filtros");
		this.data.in(slug).fullName("Eva Núñez").company("Sello Uno").jobTitle(null).create();
		this.data.in(slug)
			.fullName("Rosa Muñoz")
			.company("Distribuidora Dos")
			.jobTitle(null)
			.companyType("DISTRIBUTOR")
			.create();
		this.data.in(slug).fullName("Wendy Espera").company("Sello Tres").jobTitle(null).status("WAITLISTED").create();
		String base = "/admin/events/" + slug + "/badges.pdf";

		assertThat(PdfPages.text(pdf(base + "?q=nunez"))).contains("Eva Núñez").doesNotContain("Rosa");
		assertThat(PdfPages.text(pdf(base + "?companyType=DISTRIBUTOR"))).contains("Rosa Muñoz").doesNotContain("Eva");
		assertThat(PdfPages.text(pdf(base + "?status=WAITLISTED"))).contains("Wendy Espera")
			.doesNotContain("Eva")
			.doesNotContain("Rosa");
		assertThat(PdfPages.text(pdf(base + "?checkedIn=true"))).doesNotContain("Eva")
			.contains("Nadie coincide con estos filtros");
	}

	@Test
	void theDashboardAndTheFilteredListLinkToThePrintouts() throws Exception {
		String slug = event("Enlaces");
		String dashboard = this.mvc.perform(get("/admin/events/" + slug))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(dashboard).contains("/admin/events/" + slug + "/badges.pdf")
			.contains("/admin/events/" + slug + "/door-list.pdf");
		String list = this.mvc
			.perform(get("/admin/events/" + slug + "/registrations").param("status", "WAITLISTED").param("q", "nú"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains("/admin/events/" + slug + "/badges.pdf?q=n%C3%BA&amp;status=WAITLISTED")
			.contains("/admin/events/" + slug + "/badges.pdf?layout=single&amp;q=n%C3%BA&amp;status=WAITLISTED")
			.contains("/admin/events/" + slug + "/door-list.pdf?q=n%C3%BA&amp;status=WAITLISTED");
	}

	@Test
	void aWrongFilterOrLayoutIsABadRequestNotAFile() throws Exception {
		String slug = event("Errores");
		this.mvc.perform(get("/admin/events/" + slug + "/badges.pdf?status=CONFIRMADO"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/admin/events/" + slug + "/badges.pdf?layout=round")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/admin/events/" + slug + "/door-list.pdf?checkedIn=maybe"))
			.andExpect(status().isBadRequest());
		// The staff page the exports show, saying which filter and what it takes.
		this.mvc
			.perform(
					get("/admin/events/" + slug + "/door-list.pdf?checkedIn=maybe&lang=es").accept(MediaType.TEXT_HTML))
			.andExpect(status().isBadRequest())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("Este enlace tiene un filtro no válido")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("“checkedIn” no acepta el valor “maybe”")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("Valores permitidos: true, false.")));
		this.mvc.perform(get("/admin/events/no-such-event/door-list.pdf")).andExpect(status().isNotFound());
	}

	@Test
	@WithAnonymousUser
	void anonymousVisitorsGetNoPrintout() throws Exception {
		for (String path : List.of("badges.pdf", "door-list.pdf")) {
			this.mvc.perform(get("/admin/events/mexico-workshop/" + path).accept(MediaType.TEXT_HTML))
				.andExpect(status().is3xxRedirection());
			this.mvc.perform(get("/admin/events/mexico-workshop/" + path)).andExpect(status().isUnauthorized());
		}
	}

	@Test
	@WithMockUser(roles = "USER")
	void signedInNonStaffGetNoPrintout() throws Exception {
		this.mvc.perform(get("/admin/events/mexico-workshop/badges.pdf")).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/events/mexico-workshop/door-list.pdf")).andExpect(status().isForbidden());
	}

	@Test
	void theDoorListIsAlphabeticalByFamilyNameGroupedByInitialWithStatusesInWords() throws Exception {
		String slug = event("Taller de la puerta");
		long nunez = this.data.in(slug).fullName("Eva Núñez").company("Sello Uno").jobTitle(null).create().id();
		this.data.in(slug).fullName("Íñigo Ñúñez").company("Sello Dos").jobTitle(null).status("WAITLISTED").create();
		this.data.in(slug).fullName("Luis Ávila").company("Sello Tres").jobTitle(null).status("PENDING").create();
		this.data.in(slug).fullName("María José Pérez López").company("Sello Cuatro").jobTitle(null).create();
		this.data.in(slug)
			.fullName("Carla Cancelada")
			.company("Sello Cinco")
			.jobTitle(null)
			.status("CANCELLED")
			.create();
		this.data.in(slug).fullName("Dana Declinada").company("Sello Seis").jobTitle(null).status("DECLINED").create();

		byte[] pdf = pdf("/admin/events/" + slug + "/door-list.pdf?lang=es");
		String text = PdfPages.text(pdf);
		assertThat(text).containsSubsequence("Taller de la puerta", "Lista de acceso",
				"Confirmados: 2 · En lista de espera: 1 · Por revisar: 1 · Total en esta lista: 4", "Impresa el",
				"(hora de la Ciudad de México)");
		assertThat(text).containsSubsequence(" A ", "Ávila, Luis", "Por revisar", " N ", "Núñez, Eva", "Confirmado",
				this.passes.code(nunez), " Ñ ", "Ñúñez, Íñigo", "En lista de espera", " P ", "Pérez López, María José");
		assertThat(text).doesNotContain("Cancelada").doesNotContain("Declinada").contains("1 / 1");
		// "Estado" is the Mexican state's word; a registration's status is its
		// "Situación".
		assertThat(text).contains("Situación").doesNotContain("Estado");

		String english = PdfPages.text(pdf("/admin/events/" + slug + "/door-list.pdf?lang=en"));
		assertThat(english).contains("Door list").contains("Waitlisted").contains("Mexico City time");
		save(pdf, "door-list.pdf");
	}

	/**
	 * Door staff look for "Rodríguez" under R: a double given name ("Ana María", "José
	 * Luis", "María de los Ángeles") stays with the given names on the paper list.
	 */
	@Test
	void theDoorListFilesADoubleGivenNameUnderTheFamilyName() throws Exception {
		String slug = event("Nombres compuestos");
		for (String name : List.of("Ana María Rodríguez", "José Luis Pérez López", "María de los Ángeles Cruz",
				"Juan Pérez López")) {
			this.data.in(slug).fullName(name).company("Sello").jobTitle(null).create();
		}
		String text = PdfPages.text(pdf("/admin/events/" + slug + "/door-list.pdf?lang=es"));
		assertThat(text).containsSubsequence(" C ", "Cruz, María de los Ángeles", " P ", "Pérez López, José Luis",
				"Pérez López, Juan", " R ", "Rodríguez, Ana María");
		assertThat(text).doesNotContain("María Rodríguez, Ana").doesNotContain(" M ").doesNotContain(" A ");
	}

	/**
	 * A name typed "Family, Given" is filed under the family name typed and printed as
	 * typed, on the door list and on the badge.
	 */
	@Test
	void aNameTypedWithACommaIsFiledUnderTheFamilyNameTypedAndPrintedAsTyped() throws Exception {
		String slug = event("Nombres con coma");
		for (String name : List.of("Núñez Ñandú, Óscar", "Souza Santos, Maria Eduarda", "Juan Carlos Ramírez Ortiz",
				"Ana Mora")) {
			this.data.in(slug).fullName(name).company("Sello").jobTitle(null).create();
		}
		String text = PdfPages.text(pdf("/admin/events/" + slug + "/door-list.pdf?lang=es"));
		assertThat(text).containsSubsequence(" M ", "Mora, Ana", " N ", "Núñez Ñandú, Óscar", " R ",
				"Ramírez Ortiz, Juan Carlos", " S ", "Souza Santos, Maria Eduarda");
		assertThat(text).doesNotContain(" Ñ ").doesNotContain("Óscar, Núñez").doesNotContain("Eduarda, Souza");
		String badges = PdfPages.text(pdf("/admin/events/" + slug + "/badges.pdf"));
		assertThat(badges).containsSubsequence("Mora", "Núñez Ñandú, Óscar", "Ramírez Ortiz",
				"Souza Santos, Maria Eduarda");
	}

	@Test
	void aDoorListFilteredByStatusLeavesErasedPeopleOutAndItsCountsAddUp() throws Exception {
		String slug = event("Cancelados");
		this.data.in(slug).fullName("Carla Cancelada").company("Sello Uno").status("CANCELLED").create();
		long erased = this.data.in(slug)
			.fullName("Berta Borrada")
			.company("Sello Dos")
			.status("CANCELLED")
			.create()
			.id();
		this.erasure.anonymize(List.of(erased), Instant.now());
		this.data.in(slug).fullName("Eva Núñez").company("Sello Tres").create();

		String text = PdfPages.text(pdf("/admin/events/" + slug + "/door-list.pdf?status=CANCELLED&lang=es"));
		assertThat(text).contains("Cancelados: 1 · Total en esta lista: 1")
			.contains("Cancelada, Carla")
			.doesNotContain("—")
			.doesNotContain(this.passes.code(erased))
			.doesNotContain("Confirmados")
			.doesNotContain("Núñez");
		assertThat(PdfPages.text(pdf("/admin/events/" + slug + "/door-list.pdf?lang=en")))
			.contains("Confirmed: 1 · Waitlisted: 0 · Pending review: 0 · Total on this list: 1");
	}

	/**
	 * "Perez", "Pérez" and "PÉREZ" are one family name on paper as on the admin list's
	 * name sort: accents and case do not count, so a volunteer finds them together, by
	 * given name, and twins in the order they registered.
	 */
	@Test
	void accentsAndCaseDoNotSplitAFamilyNameOnTheDoorListNorOnTheBadges() throws Exception {
		String slug = event("Pérez y Perez");
		for (String name : List.of("Zoe Perez", "ANA PEREZ", "Ana Pérez", "ÁLVARO PÉREZ", "Beto Perez", "Pedro Pereza",
				"Olga Peña")) {
			this.data.in(slug).fullName(name).company("Sello").jobTitle(null).create();
		}
		String text = PdfPages.text(pdf("/admin/events/" + slug + "/door-list.pdf?lang=es"));
		assertThat(text).containsSubsequence(" P ", "Peña, Olga", "PÉREZ, ÁLVARO", "PEREZ, ANA", "Pérez, Ana",
				"Perez, Beto", "Perez, Zoe", "Pereza, Pedro");
		assertThat(occurrences(text, " P ")).isEqualTo(1);
		String badges = PdfPages.text(pdf("/admin/events/" + slug + "/badges.pdf"));
		assertThat(badges).containsSubsequence("Olga", "Peña", "ÁLVARO", "PÉREZ", "ANA", "PEREZ", "Ana", "Pérez",
				"Beto", "Perez", "Zoe", "Perez", "Pedro", "Pereza");
	}

	/**
	 * Printed during the event, the list shows who already came (ticked, with the time in
	 * the event's zone), and gives no box to tick to someone without a seat: the legend
	 * says what the door phone says.
	 */
	@Test
	void aDoorListPrintedDuringTheEventMarksWhoArrivedAndBoxesOnlyThoseWithASeat() throws Exception {
		String slug = event("Durante el evento");
		long arrived = this.data.in(slug)
			.fullName("Eva Núñez")
			.company("Sello Uno")
			.jobTitle(null)
			.checkedInAt(MAY_FIRST.plusSeconds(42 * 60))
			.create()
			.id();
		long expected = this.data.in(slug).fullName("Ana Mora").company("Sello Dos").jobTitle(null).create().id();
		long pending = this.data.in(slug)
			.fullName("Luis Ávila")
			.company("Sello Tres")
			.jobTitle(null)
			.status("PENDING")
			.create()
			.id();
		this.data.in(slug).fullName("Íñigo Ñúñez").company("Sello Cuatro").jobTitle(null).status("WAITLISTED").create();

		byte[] pdf = pdf("/admin/events/" + slug + "/door-list.pdf?lang=es");
		String text = PdfPages.text(pdf);
		assertThat(text).contains(
				"Confirmados: 2 (ya entraron: 1) · En lista de espera: 1 · Por revisar: 1 · Total en esta lista: 4",
				"Sin lugar confirmado: no dejes pasar a la persona sin consultar a la organización.");
		// 16:42 UTC is 10:42 in Mexico City.
		assertThat(text).containsSubsequence("Mora, Ana", "Confirmado", "Núñez, Eva", "Entró: 10:42",
				this.passes.code(arrived), "Ñúñez, Íñigo", "En lista de espera");
		assertThat(text).containsSubsequence("Ávila, Luis", "Por revisar", this.passes.code(pending));
		assertThat(text).doesNotContain("16:42");

		// The mark left of each name: an empty box only for Ana, who has a seat and is
		// not in yet.
		assertThat(inkInTickBox(pdf, "Mora")).as("Ana's empty box").isZero();
		assertThat(inkInTickBox(pdf, "Núñez")).as("Eva's box, ticked").isPositive();
		assertThat(inkInTickBox(pdf, "Ávila")).as("Luis's stop sign").isGreaterThan(inkInTickBox(pdf, "Núñez"));
		assertThat(inkInTickBox(pdf, "Ñúñez")).as("Íñigo's stop sign").isGreaterThan(inkInTickBox(pdf, "Núñez"));

		String english = PdfPages.text(pdf("/admin/events/" + slug + "/door-list.pdf?lang=en"));
		assertThat(english).contains("Confirmed: 2 (checked in: 1)", "Total on this list: 4", "In at 10:42",
				"No confirmed seat: do not let them in without asking an organizer.");
		assertThat(this.passes.code(expected)).isNotBlank();
		save(pdf, "door-list-arrivals.pdf");
	}

	/**
	 * The dark dots inside the tick box of the row "{@code family}, ..." (page 1, at 150
	 * dpi, a margin kept from the box's own lines): none for an empty box.
	 */
	private static int inkInTickBox(byte[] pdf, String family) throws IOException {
		float nameX = PdfText.mm(PrintLayout.DoorList.MARGIN + PrintLayout.DoorList.TICK_WIDTH);
		Map<Float, StringBuilder> lines = new TreeMap<>();
		for (TextPosition character : PdfPages.characters(pdf)) {
			if (character.getXDirAdj() >= nameX - 1 && character.getXDirAdj() < nameX + PdfText.mm(60)) {
				lines.computeIfAbsent(character.getYDirAdj(), (y) -> new StringBuilder())
					.append(character.getUnicode());
			}
		}
		float baseline = lines.entrySet()
			.stream()
			.filter((line) -> line.getValue().toString().startsWith(family + ","))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row of " + family + " in " + lines.values()))
				/ PdfText.POINTS_PER_MM;
		float dpi = 150;
		BufferedImage page = PdfPages.render(pdf, 0, dpi);
		double dots = dpi / 25.4;
		float left = PrintLayout.DoorList.MARGIN + 1;
		float box = PrintLayout.DoorList.TICK_BOX;
		// The box runs from 2.99 mm above the row's baseline to 0.61 mm below it.
		int ink = 0;
		for (int x = (int) Math.ceil((left + 0.6) * dots); x < (left + box - 0.6) * dots; x++) {
			for (int y = (int) Math.ceil((baseline - 2.39) * dots); y < (baseline + 0.01) * dots; y++) {
				int rgb = page.getRGB(x, y);
				int grey = (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3;
				ink += (grey < 128) ? 1 : 0;
			}
		}
		return ink;
	}

	@Test
	void doorListPagesAreNumberedOfTheTotal() throws Exception {
		String slug = event("Muchas páginas");
		this.data.confirmedCrowd(slug, 120);
		byte[] pdf = pdf("/admin/events/" + slug + "/door-list.pdf");
		int pages = PdfPages.count(pdf);
		assertThat(pages).isGreaterThan(2);
		for (int page = 0; page < pages; page++) {
			assertThat(PdfPages.pageText(pdf, page)).contains((page + 1) + " / " + pages);
		}
		String text = PdfPages.text(pdf);
		for (int n = 1; n <= 120; n++) {
			assertThat(occurrences(text, "Persona " + "%04d".formatted(n) + " ")).isEqualTo(0);
			assertThat(occurrences(text, "%04d, Persona".formatted(n))).as("row " + n).isEqualTo(1);
		}
	}

	private byte[] pdf(String url) throws Exception {
		return this.mvc.perform(get(url))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	private static int occurrences(String text, String part) {
		Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

	/** Kept in target/ for a look (and for the README's screenshots). */
	private static void save(byte[] pdf, String name) throws IOException {
		Path dir = Path.of("target/printouts");
		Files.createDirectories(dir);
		Files.write(dir.resolve(name), pdf);
	}

}
