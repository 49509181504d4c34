package org.winformusic.events.benchmark;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.winformusic.events.benchmark.LoadGenerator.Result;

/** The rows of the results table, printed as Markdown and written as JSON. */
final class Report {

	private final List<Row> rows = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	void add(Row row) {
		this.rows.add(row);
		BenchmarkMain.log("%s: %s", row.label(), row.summary());
	}

	void note(String note) {
		this.notes.add(note);
		BenchmarkMain.log("%s", note);
	}

	Row find(String id) {
		return this.rows.stream().filter((r) -> r.id().equals(id)).findFirst().orElse(null);
	}

	/** Rows whose check failed: their feature exists but the scenario did not work. */
	int failures() {
		return (int) this.rows.stream().filter((r) -> r.status() == Row.Status.FAILED).count();
	}

	void print(PrintStream out) {
		out.println();
		out.println(
				"| scenario | conns | result | p50 ms | p95 ms | p99 ms | errors | app CPU ms/op | db CPU ms/op | vs ceiling"
						+ " | target | met | check |");
		out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|");
		for (Row row : this.rows) {
			out.println(row.markdown());
		}
		out.println();
		for (String note : this.notes) {
			out.println("- " + note);
		}
		out.println();
	}

	String toJson(Map<String, String> machine, BenchmarkMain.Options options) {
		StringBuilder json = new StringBuilder("{\n  \"machine\": {");
		boolean first = true;
		for (Map.Entry<String, String> entry : machine.entrySet()) {
			json.append(first ? "" : ",").append("\n    ").append(string(entry.getKey())).append(": ");
			json.append(string(entry.getValue()));
			first = false;
		}
		json.append("\n  },\n  \"warmupSeconds\": ").append(options.warmupSeconds);
		json.append(",\n  \"measureSeconds\": ").append(options.measureSeconds);
		json.append(",\n  \"scenarios\": [");
		for (int i = 0; i < this.rows.size(); i++) {
			json.append((i == 0) ? "\n    " : ",\n    ").append(this.rows.get(i).json());
		}
		json.append("\n  ],\n  \"notes\": [");
		for (int i = 0; i < this.notes.size(); i++) {
			json.append((i == 0) ? "\n    " : ",\n    ").append(string(this.notes.get(i)));
		}
		json.append("\n  ]\n}\n");
		return json.toString();
	}

	static String string(String value) {
		if (value == null) {
			return "null";
		}
		StringBuilder out = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

	static String number(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

	/**
	 * One line of the table.
	 *
	 * @param result the load figures, for load scenarios
	 * @param value the figure, for single-figure scenarios (start-up, memory, CSV,
	 * outbox)
	 * @param ceilingRatio this scenario's throughput over its ceiling's, or null
	 * @param met whether the target is met, null when there is none
	 * @param check what the correctness check found
	 */
	record Row(String id, String label, Status status, Result result, Double value, String unit, Double ceilingRatio,
			String target, Boolean met, String check) {

		enum Status {

			OK, FAILED, MISSING

		}

		static Row load(String id, String label, Result result, Double ceilingRatio, String target, Boolean met,
				boolean checkPassed, String check) {
			return new Row(id, label, checkPassed ? Status.OK : Status.FAILED, result, result.perSecond(), "ops/s",
					ceilingRatio, target, met, check);
		}

		static Row figure(String id, String label, double value, String unit, String target, Boolean met) {
			return new Row(id, label, Status.OK, null, value, unit, null, target, met, "ok");
		}

		static Row checkedFigure(String id, String label, double value, String unit, String target, Boolean met,
				boolean checkPassed, String check) {
			return new Row(id, label, checkPassed ? Status.OK : Status.FAILED, null, value, unit, null, target, met,
					check);
		}

		static Row missing(String id, String label, String target) {
			return new Row(id, label, Status.MISSING, null, null, null, null, target, null, "n/a (feature missing)");
		}

		static Row failed(String id, String label, String target, String why) {
			return new Row(id, label, Status.FAILED, null, null, null, null, target, false, "FAILED: " + why);
		}

		String summary() {
			if (this.status == Status.MISSING) {
				return this.check;
			}
			if (this.result != null) {
				return String.format(Locale.ROOT,
						"%.0f ops/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, errors %d, CPU ms/op app %.2f db %.2f; %s",
						this.value, this.result.p50(), this.result.p95(), this.result.p99(), this.result.errorCount(),
						this.result.appCpuPerOperation(), this.result.dbCpuPerOperation(), this.check);
			}
			return (this.value != null)
					? String.format(Locale.ROOT, "%s %s; %s", format(this.value), this.unit, this.check) : this.check;
		}

		String markdown() {
			String conns = (this.result != null) ? Integer.toString(this.result.threads()) : "";
			String value = (this.value == null) ? "n/a" : (this.result != null)
					? String.format(Locale.ROOT, "%.0f/s", this.value) : format(this.value) + " " + this.unit;
			String p50 = (this.result != null) ? String.format(Locale.ROOT, "%.1f", this.result.p50()) : "";
			String p95 = (this.result != null) ? String.format(Locale.ROOT, "%.1f", this.result.p95()) : "";
			String p99 = (this.result != null) ? String.format(Locale.ROOT, "%.1f", this.result.p99()) : "";
			String errors = (this.result != null) ? Long.toString(this.result.errorCount()) : "";
			String appCpu = (this.result != null && this.result.appCpuPerOperation() >= 0)
					? String.format(Locale.ROOT, "%.2f", this.result.appCpuPerOperation()) : "";
			String dbCpu = (this.result != null && this.result.dbCpuPerOperation() >= 0)
					? String.format(Locale.ROOT, "%.2f", this.result.dbCpuPerOperation()) : "";
			String ratio = (this.ceilingRatio != null) ? String.format(Locale.ROOT, "%.0f %%", this.ceilingRatio * 100)
					: "";
			String met = (this.met == null) ? "" : this.met ? "yes" : "**no**";
			return "| " + this.label + " | " + conns + " | " + value + " | " + p50 + " | " + p95 + " | " + p99 + " | "
					+ errors + " | " + appCpu + " | " + dbCpu + " | " + ratio + " | "
					+ ((this.target != null) ? this.target : "") + " | " + met + " | " + this.check.replace("|", "/")
					+ " |";
		}

		String json() {
			StringBuilder json = new StringBuilder("{");
			json.append("\"id\": ").append(string(this.id));
			json.append(", \"label\": ").append(string(this.label));
			json.append(", \"status\": ").append(string(this.status.name()));
			if (this.value != null) {
				json.append(", \"value\": ").append(number(this.value));
				json.append(", \"unit\": ").append(string(this.unit));
			}
			if (this.result != null) {
				json.append(", \"connections\": ").append(this.result.threads());
				json.append(", \"measuredSeconds\": ").append(this.result.seconds());
				json.append(", \"successes\": ").append(this.result.successes());
				json.append(", \"successesIncludingWarmup\": ").append(this.result.successesOverall());
				json.append(", \"p50Ms\": ").append(number(this.result.p50()));
				json.append(", \"p95Ms\": ").append(number(this.result.p95()));
				json.append(", \"p99Ms\": ").append(number(this.result.p99()));
				json.append(", \"maxMs\": ").append(number(this.result.max()));
				json.append(", \"appCpuMsPerOperation\": ").append(number(this.result.appCpuPerOperation()));
				json.append(", \"dbCpuMsPerOperation\": ").append(number(this.result.dbCpuPerOperation()));
				json.append(", \"errors\": {");
				boolean first = true;
				for (Map.Entry<String, Long> error : this.result.errors().entrySet()) {
					json.append(first ? "" : ", ").append(string(error.getKey())).append(": ").append(error.getValue());
					first = false;
				}
				json.append('}');
			}
			if (this.ceilingRatio != null) {
				json.append(", \"ceilingRatio\": ").append(number(this.ceilingRatio));
			}
			json.append(", \"target\": ").append(string(this.target));
			json.append(", \"met\": ").append((this.met == null) ? "null" : this.met.toString());
			json.append(", \"check\": ").append(string(this.check));
			return json.append('}').toString();
		}

		private static String format(double value) {
			return (value == Math.rint(value) && Math.abs(value) < 1e9) ? Long.toString((long) value)
					: String.format(Locale.ROOT, "%.2f", value);
		}

	}

}
