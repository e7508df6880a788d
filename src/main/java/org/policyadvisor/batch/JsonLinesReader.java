package org.policyadvisor.batch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads JSON lines: one object per line, {@code {"id": "s1", "scenario": "...", "conditions": {...}, "expect":
 * {"holds": [...], "absent": [...]}}}, every field optional. Blank lines are skipped. Each line is checked field by
 * field, so that one report names everything wrong with it.
 */
final class JsonLinesReader implements ScenarioReader {

	private static final List<String> FIELDS = List.of("id", "scenario", "conditions", "expect");

	private static final List<String> EXPECT_FIELDS = List.of("holds", "absent");

	// A key given twice would otherwise silently take its last value; text after the object is a second object.
	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private final TextInput input;

	private final int maxLength;

	private final StringBuilder text = new StringBuilder();

	JsonLinesReader(TextInput input, int maxLength) {
		this.input = input;
		this.maxLength = maxLength;
	}

	@Override
	public BatchLine next() throws IOException {
		while (this.input.peek() >= 0) {
			int line = this.input.line();
			boolean tooLong = readLine();
			if (tooLong) {
				return BatchLine.unreadable(line, BatchLine.defaultId(line), BatchLine.Fields.JSON,
						new BatchLine.Problem(null, "the line is longer than " + this.maxLength + " characters"));
			}
			if (!this.text.toString().isBlank()) {
				return parse(line, this.text.toString());
			}
		}
		return null;
	}

	/** Reads one line into {@link #text}, keeping no more of it than the limit; true if it was longer. */
	private boolean readLine() throws IOException {
		this.text.setLength(0);
		boolean tooLong = false;
		int c;
		while ((c = this.input.read()) >= 0 && c != '\n' && c != '\r') {
			if (this.text.length() < this.maxLength) {
				this.text.append((char) c);
			}
			else {
				tooLong = true;
			}
		}
		if (c == '\r' && this.input.peek() == '\n') {
			this.input.read();
		}
		return tooLong;
	}

	private static BatchLine parse(int line, String text) {
		JsonNode node;
		try {
			node = JSON.readTree(text);
		}
		catch (JacksonException ex) {
			return BatchLine.unreadable(line, BatchLine.defaultId(line), BatchLine.Fields.JSON,
					new BatchLine.Problem(null,
							"malformed JSON" + column(ex) + ": " + firstLine(ex.getOriginalMessage())));
		}
		if (!node.isObject()) {
			return BatchLine.unreadable(line, BatchLine.defaultId(line), BatchLine.Fields.JSON,
					new BatchLine.Problem(null, "expected a JSON object {\"id\": ..., \"conditions\": {...}}, got "
							+ node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
		}
		List<BatchLine.Problem> problems = new ArrayList<>();
		String id = BatchLine.defaultId(line);
		JsonNode idNode = node.get("id");
		if (idNode != null && !idNode.isNull()) {
			if ((idNode.isString() && !idNode.stringValue().isBlank()) || idNode.isIntegralNumber()) {
				id = idNode.asString();
			}
			else {
				problems.add(new BatchLine.Problem("id", "must be a non-blank string"));
			}
		}
		String scenario = null;
		JsonNode scenarioNode = node.get("scenario");
		if (scenarioNode != null && !scenarioNode.isNull()) {
			if (scenarioNode.isString()) {
				scenario = scenarioNode.stringValue();
			}
			else {
				problems.add(new BatchLine.Problem("scenario", "must be the id of a scenario of the rule pack"));
			}
		}
		Map<String, String> conditions = conditions(node.get("conditions"), problems);
		List<String> holds = List.of();
		List<String> absent = List.of();
		JsonNode expect = node.get("expect");
		if (expect != null && !expect.isNull()) {
			if (expect.isObject()) {
				holds = conclusionIds(expect.get("holds"), "expect.holds", problems);
				absent = conclusionIds(expect.get("absent"), "expect.absent", problems);
				expect.propertyNames().stream().filter((name) -> !EXPECT_FIELDS.contains(name))
					.forEach((name) -> problems.add(new BatchLine.Problem("expect." + name,
							"not a field of expect, which has holds and absent")));
			}
			else {
				problems.add(new BatchLine.Problem("expect",
						"must be an object: {\"holds\": [...], \"absent\": [...]}"));
			}
		}
		node.propertyNames().stream().filter((name) -> !FIELDS.contains(name))
			.forEach((name) -> problems.add(new BatchLine.Problem(name,
					"not a field of a batch scenario, which has " + String.join(", ", FIELDS))));
		return new BatchLine(line, id, scenario, conditions, holds, absent, problems, BatchLine.Fields.JSON);
	}

	private static Map<String, String> conditions(JsonNode node, List<BatchLine.Problem> problems) {
		Map<String, String> conditions = new LinkedHashMap<>();
		if (node == null || node.isNull()) {
			return conditions;
		}
		if (!node.isObject()) {
			problems.add(new BatchLine.Problem("conditions", "must be an object of condition ids and value ids"));
			return conditions;
		}
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			JsonNode value = entry.getValue();
			// JSON booleans are welcome for yes/no conditions, as in the API; null, like an omitted condition,
			// takes the default.
			if (value.isString()) {
				conditions.put(entry.getKey(), value.stringValue());
			}
			else if (value.isBoolean()) {
				conditions.put(entry.getKey(), Boolean.toString(value.booleanValue()));
			}
			else if (!value.isNull()) {
				problems.add(new BatchLine.Problem(BatchLine.Fields.JSON.condition(entry.getKey()),
						"must be a string, one of the condition's value ids"));
			}
		}
		return conditions;
	}

	private static List<String> conclusionIds(JsonNode node, String field, List<BatchLine.Problem> problems) {
		if (node == null || node.isNull()) {
			return List.of();
		}
		List<String> ids = new ArrayList<>();
		if (node.isArray()) {
			for (JsonNode item : node) {
				if (item.isString()) {
					ids.add(item.stringValue());
				}
				else {
					problems.add(new BatchLine.Problem(field, "must be a list of conclusion ids (strings)"));
					break;
				}
			}
		}
		else {
			problems.add(new BatchLine.Problem(field, "must be a list of conclusion ids, like [\"balance_eroding\"]"));
		}
		return ids;
	}

	private static String column(JacksonException ex) {
		return (ex.getLocation() != null && ex.getLocation().getColumnNr() > 0)
				? " at column " + ex.getLocation().getColumnNr() : "";
	}

	/** Jackson's message, without where the input came from: that is the line being reported. */
	private static String firstLine(String message) {
		String first = (message == null) ? "" : message.strip().lines().findFirst().orElse("");
		int marker = first.indexOf(" (start marker at ");
		return (marker > 0) ? first.substring(0, marker) : first;
	}

	@Override
	public void close() throws IOException {
		this.input.close();
	}

}
