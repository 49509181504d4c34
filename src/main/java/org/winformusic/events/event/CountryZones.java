package org.winformusic.events.event;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The time zones of each country, so that an event's zone follows its country: the zone
 * the editor proposes for a country, and whether a zone is one of the country's.
 * <p>
 * Java has zone rules but no country of a zone (ICU has one; the JDK's CLDR copy is
 * internal). The table is {@code tz/zone.tab}, a copy of the IANA time zone database's
 * country table (public domain; refresh it from a newer tzdata when countries change
 * zones). A zone the running JDK does not know is left out, so the table and the JDK's
 * rules may come from different tzdata releases. A zone belongs to a country when it is
 * listed for it or keeps the same clock as one listed (an old name such as
 * {@code America/Buenos_Aires}, {@code US/Eastern} or {@code Europe/Kiev}): times in it
 * are right for the country.
 */
public final class CountryZones {

	/**
	 * The capital's zone where the table lists another first (it lists a country's zones
	 * roughly from east to west or north to south).
	 */
	private static final Map<String, String> CAPITALS = Map.of("AU", "Australia/Sydney", "BR", "America/Sao_Paulo",
			"CA", "America/Toronto", "FM", "Pacific/Pohnpei", "RU", "Europe/Moscow", "UA", "Europe/Kyiv", "UZ",
			"Asia/Tashkent");

	/** Each country's zones, its main zone first. */
	private static final Map<String, List<ZoneId>> ZONES = load();

	private static final String JSON = ZONES.entrySet()
		.stream()
		.map((entry) -> "\"" + entry.getKey() + "\":"
				+ entry.getValue()
					.stream()
					.map((zone) -> "\"" + zone.getId() + "\"")
					.collect(Collectors.joining(",", "[", "]")))
		.collect(Collectors.joining(",", "{", "}"));

	private CountryZones() {
	}

	/** The country's zones, its main (capital's) zone first; empty for none known. */
	public static List<ZoneId> of(String country) {
		return ZONES.getOrDefault(country, List.of());
	}

	/**
	 * The zone an event in this country gets unless the organizer chooses another: the
	 * only one, or the capital's.
	 */
	public static Optional<ZoneId> main(String country) {
		return of(country).stream().findFirst();
	}

	/**
	 * Whether clocks in {@code zone} are those of a part of the country; true for a
	 * country the table has no zone for (nothing to go by).
	 */
	public static boolean belongs(ZoneId zone, String country) {
		List<ZoneId> zones = of(country);
		if (zones.isEmpty() || zones.contains(zone)) {
			return true;
		}
		ZoneRules rules = zone.getRules();
		return zones.stream().anyMatch((listed) -> listed.getRules().equals(rules));
	}

	/**
	 * What the editor's "the event really is in this zone" box posts: the country and the
	 * zone it confirms, so that changing either asks again.
	 */
	public static String confirmation(String country, String zone) {
		return country + " " + zone;
	}

	/**
	 * Every country's zone ids as JSON, main zone first ({@code {"ES":["Europe/Madrid",
	 * ...]}}), for the editor's script. Codes and zone ids need no escaping.
	 */
	public static String json() {
		return JSON;
	}

	private static Map<String, List<ZoneId>> load() {
		Set<String> known = ZoneId.getAvailableZoneIds();
		Map<String, List<ZoneId>> zones = new TreeMap<>();
		try (InputStream in = CountryZones.class.getResourceAsStream("/tz/zone.tab")) {
			if (in == null) {
				throw new IllegalStateException("tz/zone.tab is missing from the classpath");
			}
			BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				String[] columns = line.split("\t");
				if (line.startsWith("#") || columns.length < 3 || !known.contains(columns[2])) {
					continue;
				}
				zones.computeIfAbsent(columns[0], (code) -> new ArrayList<>()).add(ZoneId.of(columns[2]));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Map<String, List<ZoneId>> ordered = new LinkedHashMap<>();
		zones.forEach((country, list) -> {
			String capital = CAPITALS.get(country);
			if (capital != null && known.contains(capital) && list.remove(ZoneId.of(capital))) {
				list.add(0, ZoneId.of(capital));
			}
			ordered.put(country, List.copyOf(list));
		});
		return Collections.unmodifiableMap(ordered);
	}

}
