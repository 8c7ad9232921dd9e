package dev.switchboard.ticker.feeds.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.contracts.Ids;

/**
 * Streams the rows of a replay CSV without loading the file. The header names the columns: {@code ts} (epoch millis
 * or ISO-8601) and {@code symbol} are required, every other column becomes a field of the tick's data (a number when
 * it parses as one, else a string; empty cells are left out). Lines starting with # and blank lines are ignored;
 * quoting is not supported. A malformed row is logged and skipped, never stops the replay.
 */
final class CsvQuotes implements Iterator<CsvQuotes.Row> {

    private static final Logger LOG = Logger.getLogger(CsvQuotes.class);

    record Row(long ts, String symbol, ObjectNode data) {
    }

    private final BufferedReader reader;
    private final String source;
    private final String[] columns;
    private final int tsColumn;
    private final int symbolColumn;
    private int lineNumber;
    private Row next;

    CsvQuotes(BufferedReader reader, String source) throws IOException {
        this.reader = reader;
        this.source = source;
        String header = nextLine();
        if (header == null) {
            throw new IllegalArgumentException(source + " is empty: it needs a header with ts and symbol columns");
        }
        this.columns = split(header);
        this.tsColumn = indexOf("ts");
        this.symbolColumn = indexOf("symbol");
    }

    private int indexOf(String name) {
        for (int i = 0; i < columns.length; i++) {
            if (columns[i].equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(source + " has no " + name + " column in its header");
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            String line;
            try {
                line = nextLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (line == null) {
                return false;
            }
            next = parse(line).orElse(null);
        }
        return true;
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Row row = next;
        next = null;
        return row;
    }

    private Optional<Row> parse(String line) {
        String[] cells = split(line);
        if (cells.length != columns.length) {
            return skip("has " + cells.length + " cells, the header " + columns.length);
        }
        String symbol = cells[symbolColumn];
        if (!Ids.isValid(symbol)) {
            return skip("has an invalid symbol");
        }
        long ts;
        try {
            ts = cells[tsColumn].chars().allMatch(Character::isDigit)
                    ? Long.parseLong(cells[tsColumn])
                    : Instant.parse(cells[tsColumn]).toEpochMilli();
        } catch (NumberFormatException | DateTimeParseException e) {
            return skip("has an unreadable ts");
        }
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < cells.length; i++) {
            if (i != tsColumn && i != symbolColumn && !cells[i].isEmpty()) {
                putCell(data, columns[i], cells[i]);
            }
        }
        return Optional.of(new Row(ts, symbol, data));
    }

    private static void putCell(ObjectNode data, String column, String cell) {
        try {
            double number = Double.parseDouble(cell);
            if (Double.isFinite(number)) {
                if (number == Math.rint(number) && Math.abs(number) < 1e15 && !cell.contains(".")) {
                    data.put(column, (long) number);
                } else {
                    data.put(column, number);
                }
                return;
            }
        } catch (NumberFormatException e) {
            // Not a number: kept as text.
        }
        data.put(column, cell);
    }

    private Optional<Row> skip(String why) {
        LOG.warnf("Skipping line %d of %s: it %s", lineNumber, source, why);
        return Optional.empty();
    }

    private String nextLine() throws IOException {
        String line;
        do {
            line = reader.readLine();
            lineNumber++;
        } while (line != null && (line.isBlank() || line.stripLeading().startsWith("#")));
        return line;
    }

    private static String[] split(String line) {
        String[] cells = line.split(",", -1);
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cells[i].trim();
        }
        return cells;
    }
}
