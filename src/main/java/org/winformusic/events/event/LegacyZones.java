package org.winformusic.events.event;

import java.util.Map;

import static java.util.Map.entry;

/**
 * Legacy time zone names Java still accepts (links in the tz database's "backward" file:
 * "US/Eastern", "Mexico/General", "America/Buenos_Aires") and the zone each one stands
 * for. The editor stores the zone's own name: a legacy one reads as a vague or misleading
 * name on the pages ("(Central Time)" for Mexico City, which readers take for the US's).
 */
final class LegacyZones {

	private static final Map<String, String> CANONICAL = Map.ofEntries(entry("US/Alaska", "America/Anchorage"),
			entry("US/Aleutian", "America/Adak"), entry("US/Arizona", "America/Phoenix"),
			entry("US/Central", "America/Chicago"), entry("US/East-Indiana", "America/Indiana/Indianapolis"),
			entry("US/Eastern", "America/New_York"), entry("US/Hawaii", "Pacific/Honolulu"),
			entry("US/Indiana-Starke", "America/Indiana/Knox"), entry("US/Michigan", "America/Detroit"),
			entry("US/Mountain", "America/Denver"), entry("US/Pacific", "America/Los_Angeles"),
			entry("US/Samoa", "Pacific/Pago_Pago"), entry("Mexico/BajaNorte", "America/Tijuana"),
			entry("Mexico/BajaSur", "America/Mazatlan"), entry("Mexico/General", "America/Mexico_City"),
			entry("Brazil/Acre", "America/Rio_Branco"), entry("Brazil/DeNoronha", "America/Noronha"),
			entry("Brazil/East", "America/Sao_Paulo"), entry("Brazil/West", "America/Manaus"),
			entry("Chile/Continental", "America/Santiago"), entry("Chile/EasterIsland", "Pacific/Easter"),
			entry("Canada/Atlantic", "America/Halifax"), entry("Canada/Central", "America/Winnipeg"),
			entry("Canada/Eastern", "America/Toronto"), entry("Canada/Mountain", "America/Edmonton"),
			entry("Canada/Newfoundland", "America/St_Johns"), entry("Canada/Pacific", "America/Vancouver"),
			entry("Canada/Saskatchewan", "America/Regina"), entry("Canada/Yukon", "America/Whitehorse"),
			entry("Cuba", "America/Havana"), entry("Jamaica", "America/Jamaica"), entry("Navajo", "America/Denver"),
			entry("America/Buenos_Aires", "America/Argentina/Buenos_Aires"),
			entry("America/Catamarca", "America/Argentina/Catamarca"),
			entry("America/Cordoba", "America/Argentina/Cordoba"), entry("America/Jujuy", "America/Argentina/Jujuy"),
			entry("America/Mendoza", "America/Argentina/Mendoza"),
			entry("America/Rosario", "America/Argentina/Cordoba"),
			entry("America/Argentina/ComodRivadavia", "America/Argentina/Catamarca"),
			entry("America/Porto_Acre", "America/Rio_Branco"), entry("America/Ensenada", "America/Tijuana"),
			entry("America/Santa_Isabel", "America/Tijuana"), entry("America/Shiprock", "America/Denver"),
			entry("America/Atka", "America/Adak"), entry("America/Fort_Wayne", "America/Indiana/Indianapolis"),
			entry("America/Indianapolis", "America/Indiana/Indianapolis"),
			entry("America/Knox_IN", "America/Indiana/Knox"),
			entry("America/Louisville", "America/Kentucky/Louisville"), entry("America/Godthab", "America/Nuuk"),
			entry("America/Virgin", "America/St_Thomas"), entry("GB", "Europe/London"),
			entry("GB-Eire", "Europe/London"), entry("Eire", "Europe/Dublin"), entry("Portugal", "Europe/Lisbon"),
			entry("Poland", "Europe/Warsaw"), entry("Europe/Kiev", "Europe/Kyiv"), entry("W-SU", "Europe/Moscow"),
			entry("Turkey", "Europe/Istanbul"), entry("Iceland", "Atlantic/Reykjavik"), entry("Egypt", "Africa/Cairo"),
			entry("Libya", "Africa/Tripoli"), entry("Iran", "Asia/Tehran"), entry("Israel", "Asia/Jerusalem"),
			entry("Japan", "Asia/Tokyo"), entry("PRC", "Asia/Shanghai"), entry("ROK", "Asia/Seoul"),
			entry("Hongkong", "Asia/Hong_Kong"), entry("Singapore", "Asia/Singapore"),
			entry("Asia/Calcutta", "Asia/Kolkata"), entry("Asia/Saigon", "Asia/Ho_Chi_Minh"),
			entry("Asia/Katmandu", "Asia/Kathmandu"), entry("Asia/Rangoon", "Asia/Yangon"),
			entry("NZ", "Pacific/Auckland"), entry("NZ-CHAT", "Pacific/Chatham"),
			entry("Kwajalein", "Pacific/Kwajalein"), entry("Australia/ACT", "Australia/Sydney"),
			entry("Australia/NSW", "Australia/Sydney"), entry("Australia/North", "Australia/Darwin"),
			entry("Australia/Queensland", "Australia/Brisbane"), entry("Australia/South", "Australia/Adelaide"),
			entry("Australia/Tasmania", "Australia/Hobart"), entry("Australia/Victoria", "Australia/Melbourne"),
			entry("Australia/West", "Australia/Perth"));

	private LegacyZones() {
	}

	/**
	 * The zone a legacy name stands for ("America/New_York" for "US/Eastern"), else the
	 * id.
	 */
	static String canonical(String id) {
		return CANONICAL.getOrDefault(id, id);
	}

	/** The legacy names and their zones, for tests. */
	static Map<String, String> all() {
		return CANONICAL;
	}

}
