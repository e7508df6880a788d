package org.policyadvisor.batch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads scenarios from CSV: a header row naming the columns, then one scenario per row. The {@code id} column is
 * required; {@code scenario}, {@code expect_holds} and {@code expect_absent} (conclusion ids separated by {@code ;})
 * are optional; every other column is a condition, and an empty cell takes its default.
 */
final class CsvScenarioReader implements ScenarioReader {

	static final String ID = "id";

	static final String SCENARIO = "scenario";

	static final String EXPECT_HOLDS = "expect_holds";

	static final String EXPECT_ABSENT = "expect_absent";

	/** The columns that are not conditions. */
	static final List<String> RESERVED = List.of(ID, SCENARIO, EXPECT_HOLDS, EXPECT_ABSENT);

	/** A file whose header makes its rows unreadable: nothing in it can be evaluated. */
	static final class BadHeaderException extends Exception {

		BadHeaderException(String message) {
			super(message);
		}

	}

	private final CsvRecords records;

	private final List<String> columns;

	private final int headerLine;

	private CsvScenarioReader(CsvRecords records, List<String> columns, int headerLine) {
		this.records = records;
		this.columns = columns;
		this.headerLine = headerLine;
	}

	/** Reads the header; an empty file has no columns and no rows. */
	static CsvScenarioReader open(TextInput input, int maxLength) throws IOException, BadHeaderException {
		CsvRecords records = new CsvRecords(input, maxLength);
		CsvRecords.Record header = records.next();
		if (header == null) {
			return new CsvScenarioReader(records, List.of(), 0);
		}
		if (header.problem() != null) {
			throw new BadHeaderException("line " + header.line() + ": the header row is not readable CSV: "
					+ header.problem());
		}
		List<String> columns = header.cells().stream().map(String::strip).toList();
		Set<String> seen = new HashSet<>();
		for (String column : columns) {
			if (column.isEmpty()) {
				throw new BadHeaderException("line " + header.line() + ": the header row has a column without a name");
			}
			if (!seen.add(column)) {
				throw new BadHeaderException("line " + header.line() + ": the header row names column '" + column
						+ "' twice");
			}
		}
		if (!seen.contains(ID)) {
			throw new BadHeaderException("line " + header.line() + ": the header row has no 'id' column (found: "
					+ String.join(", ", columns) + ")");
		}
		return new CsvScenarioReader(records, columns, header.line());
	}

	/** The header's column names. */
	List<String> columns() {
		return this.columns;
	}

	/** The line the header row is on: the first that is not blank. */
	int headerLine() {
		return this.headerLine;
	}

	@Override
	public BatchLine next() throws IOException {
		CsvRecords.Record row = this.records.next();
		if (row == null) {
			return null;
		}
		int line = row.line();
		List<String> cells = row.cells();
		int idColumn = this.columns.indexOf(ID);
		String id = (idColumn < cells.size() && !cells.get(idColumn).isBlank()) ? cells.get(idColumn).strip()
				: BatchLine.defaultId(line);
		if (row.problem() != null) {
			return BatchLine.unreadable(line, id, BatchLine.Fields.CSV, new BatchLine.Problem(null, row.problem()));
		}
		if (cells.size() != this.columns.size()) {
			return BatchLine.unreadable(line, id, BatchLine.Fields.CSV, new BatchLine.Problem(null, "the row has "
					+ cells.size() + " cells where the header has " + this.columns.size() + " columns"));
		}
		String scenario = null;
		Map<String, String> conditions = new LinkedHashMap<>();
		List<String> holds = List.of();
		List<String> absent = List.of();
		for (int i = 0; i < cells.size(); i++) {
			String cell = cells.get(i).strip();
			switch (this.columns.get(i)) {
				case ID -> {
				}
				case SCENARIO -> scenario = cell.isEmpty() ? null : cell;
				case EXPECT_HOLDS -> holds = ids(cell);
				case EXPECT_ABSENT -> absent = ids(cell);
				default -> {
					// An empty cell is a condition left at its default.
					if (!cell.isEmpty()) {
						conditions.put(this.columns.get(i), cell);
					}
				}
			}
		}
		return new BatchLine(line, id, scenario, conditions, holds, absent, List.of(), BatchLine.Fields.CSV);
	}

	private static List<String> ids(String cell) {
		List<String> ids = new ArrayList<>();
		Arrays.stream(cell.split(";")).map(String::strip).filter((s) -> !s.isEmpty()).forEach(ids::add);
		return ids;
	}

	@Override
	public void close() throws IOException {
		this.records.close();
	}

}
