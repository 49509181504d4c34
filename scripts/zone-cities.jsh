// Writes src/main/resources/messages/zones.properties and zones_es.properties: the city
// each time zone the event editor offers (every zone of src/main/resources/tz/zone.tab the
// JDK knows) is named after, in English and Spanish, for "Los Angeles time" / "hora de Los
// Ángeles". The names are CLDR's exemplar cities, which the JDK carries but no public Java 17
// API returns; so this reads them once from the JDK's internal bundles, and the files are
// committed. ZoneCitiesTests fails when an offered zone has no name. Run from the repository:
//   jshell -R--add-opens -Rjdk.localedata/sun.util.resources.cldr.ext=ALL-UNNAMED \
//     -R--add-opens -Rjava.base/sun.util.resources.cldr=ALL-UNNAMED scripts/zone-cities.jsh
import java.nio.file.*;
import java.text.Normalizer;

ResourceBundle bundle(String name) throws Exception {
	return (ResourceBundle) Class.forName(name).getDeclaredConstructor().newInstance();
}

String lookup(List<ResourceBundle> bundles, String... ids) {
	for (String id : ids) {
		for (ResourceBundle b : bundles) {
			if (b.containsKey("timezone.excity." + id) && b.getObject("timezone.excity." + id) instanceof String s) {
				return s;
			}
		}
	}
	return null;
}

String plain(String s) {
	return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
}

String escape(String s) {
	return s.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=");
}

var root = bundle("sun.util.resources.cldr.TimeZoneNames");
var english = List.of(bundle("sun.util.resources.cldr.TimeZoneNames_en"), root);
var spanish = List.of(bundle("sun.util.resources.cldr.ext.TimeZoneNames_es_MX"),
		bundle("sun.util.resources.cldr.ext.TimeZoneNames_es_419"),
		bundle("sun.util.resources.cldr.ext.TimeZoneNames_es"), root);
var portuguese = List.of(bundle("sun.util.resources.cldr.ext.TimeZoneNames_pt"), root);

// CLDR keeps older ids for these zones.
var cldrIds = Map.ofEntries(Map.entry("Asia/Kolkata", "Asia/Calcutta"), Map.entry("Asia/Kathmandu", "Asia/Katmandu"),
		Map.entry("Asia/Yangon", "Asia/Rangoon"), Map.entry("Asia/Ho_Chi_Minh", "Asia/Saigon"),
		Map.entry("Europe/Kyiv", "Europe/Kiev"), Map.entry("Atlantic/Faroe", "Atlantic/Faeroe"),
		Map.entry("America/Nuuk", "America/Godthab"), Map.entry("Pacific/Chuuk", "Pacific/Truk"),
		Map.entry("Pacific/Pohnpei", "Pacific/Ponape"), Map.entry("Pacific/Kanton", "Pacific/Enderbury"),
		Map.entry("Africa/Asmara", "Africa/Asmera"), Map.entry("America/Atikokan", "America/Coral_Harbour"),
		Map.entry("Asia/Macau", "Asia/Macao"), Map.entry("America/Indiana/Indianapolis", "America/Indianapolis"),
		Map.entry("America/Kentucky/Louisville", "America/Louisville"));

// Where "hora de …" needs an article, an island needs saying, or CLDR's name reads badly.
var spanishWords = Map.ofEntries(Map.entry("America/Mexico_City", "la Ciudad de México"),
		Map.entry("America/Santiago", "Santiago de Chile"), Map.entry("Atlantic/Canary", "Canarias"),
		Map.entry("Atlantic/Faroe", "las Islas Feroe"), Map.entry("Pacific/Easter", "la Isla de Pascua"),
		Map.entry("Europe/Isle_of_Man", "la Isla de Man"), Map.entry("Atlantic/Bermuda", "las Bermudas"),
		Map.entry("Indian/Comoro", "las Comoras"), Map.entry("Indian/Maldives", "las Maldivas"),
		Map.entry("America/Cayman", "las Islas Caimán"), Map.entry("Indian/Christmas", "la Isla de Navidad"),
		Map.entry("Europe/Vatican", "el Vaticano"), Map.entry("Indian/Cocos", "las Islas Cocos"),
		Map.entry("Pacific/Marquesas", "las Islas Marquesas"), Map.entry("Pacific/Gambier", "las Islas Gambier"),
		Map.entry("Pacific/Chatham", "las Islas Chatham"), Map.entry("Atlantic/Azores", "las Azores"),
		Map.entry("Pacific/Norfolk", "la Isla Norfolk"), Map.entry("Pacific/Galapagos", "Galápagos"),
		Map.entry("Asia/Yangon", "Yangón"), Map.entry("Pacific/Kanton", "Kanton"),
		Map.entry("Pacific/Wake", "la Isla Wake"), Map.entry("Pacific/Midway", "las Islas Midway"),
		Map.entry("Atlantic/South_Georgia", "Georgia del Sur"), Map.entry("Atlantic/Madeira", "Madeira"));
var englishWords = Map.ofEntries(Map.entry("America/Mexico_City", "Mexico City"),
		Map.entry("America/Guatemala", "Guatemala City"), Map.entry("America/Panama", "Panama City"),
		Map.entry("America/Santiago", "Santiago de Chile"), Map.entry("Atlantic/Canary", "Canary Islands"),
		Map.entry("Atlantic/Faroe", "Faroe Islands"), Map.entry("Pacific/Easter", "Easter Island"),
		Map.entry("Indian/Christmas", "Christmas Island"), Map.entry("Indian/Cocos", "Cocos Islands"),
		Map.entry("Indian/Comoro", "Comoros"), Map.entry("America/Cayman", "Cayman Islands"),
		Map.entry("Pacific/Marquesas", "Marquesas Islands"), Map.entry("Pacific/Gambier", "Gambier Islands"),
		Map.entry("Pacific/Chatham", "Chatham Islands"), Map.entry("Pacific/Norfolk", "Norfolk Island"),
		Map.entry("Pacific/Wake", "Wake Island"), Map.entry("Australia/Lord_Howe", "Lord Howe Island"),
		Map.entry("Antarctica/Macquarie", "Macquarie Island"), Map.entry("Indian/Mahe", "Mahé"),
		Map.entry("Pacific/Galapagos", "Galápagos"), Map.entry("America/Argentina/Buenos_Aires", "Buenos Aires"));

// English keeps the accents of Spanish and Portuguese place names (Bogotá, São Paulo, Cancún).
var spanishSpeaking = Set.of("AR", "BO", "CL", "CO", "CR", "CU", "DO", "EC", "ES", "GQ", "GT", "HN", "MX", "NI", "PA",
		"PE", "PR", "PY", "SV", "UY", "VE");
var portugueseSpeaking = Set.of("AO", "BR", "CV", "GW", "MZ", "PT", "ST", "TL");

var known = java.time.ZoneId.getAvailableZoneIds();
var en = new TreeMap<String, String>();
var es = new TreeMap<String, String>();
for (String line : Files.readAllLines(Path.of("src/main/resources/tz/zone.tab"))) {
	String[] columns = line.split("\t");
	if (line.startsWith("#") || columns.length < 3 || !known.contains(columns[2])) {
		continue;
	}
	String country = columns[0];
	String id = columns[2];
	String cldrId = cldrIds.getOrDefault(id,
			id.startsWith("America/Argentina/") ? "America/" + id.substring("America/Argentina/".length()) : id);
	String fromId = id.substring(id.lastIndexOf('/') + 1).replace('_', ' ');
	String english1 = Objects.requireNonNullElse(lookup(english, id, cldrId), fromId);
	String local = spanishSpeaking.contains(country) ? lookup(spanish, id, cldrId)
			: portugueseSpeaking.contains(country) ? lookup(portuguese, id, cldrId) : null;
	if (local != null && plain(local).equals(plain(english1))) {
		english1 = local;
	}
	en.put(id, englishWords.getOrDefault(id, english1));
	es.put(id, spanishWords.getOrDefault(id, Objects.requireNonNullElse(lookup(spanish, id, cldrId), fromId)));
}

void write(String file, String header, Map<String, String> names) throws Exception {
	var text = new StringBuilder(header);
	names.forEach((id, name) -> text.append("zone.city.").append(id).append('=').append(escape(name)).append('\n'));
	Files.writeString(Path.of("src/main/resources/messages/" + file), text);
}

write("zones.properties", """
		# The city (or island) each time zone the event editor offers is named after: "{0} time"
		# (timezone.city). Written by scripts/zone-cities.jsh from CLDR's exemplar cities; edit
		# the script, not this file, and run it again.
		""", en);
write("zones_es.properties", """
		# La ciudad (o isla) por la que se nombra cada zona horaria que ofrece el editor de eventos,
		# tal como sigue a "hora de" (timezone.city): "la Ciudad de México", "las Azores". La
		# escribe scripts/zone-cities.jsh con las ciudades de ejemplo de CLDR; se corrige ahí.
		""", es);
/exit
