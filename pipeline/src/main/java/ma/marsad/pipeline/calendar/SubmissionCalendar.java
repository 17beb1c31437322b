package ma.marsad.pipeline.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ma.marsad.pipeline.config.ConfigFolder;
import ma.marsad.pipeline.lake.SubmissionRecord;
import ma.marsad.pipeline.template.PeriodType;
import ma.marsad.pipeline.template.TemplateCatalog;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Which reports are owed, by whom and by when, read from {@code calendar/*.yml}; and, from the submissions registry,
 * the state of every period owed up to an as-of date. Dates are Moroccan: a file received at 23:30 UTC on the due
 * date is on time only if it is still that day in Casablanca.
 */
public final class SubmissionCalendar {

    public static final String FOLDER = "calendar";
    public static final ZoneId ZONE = ZoneId.of("Africa/Casablanca");
    private static final Set<String> FIELDS = Set.of("template", "submitters", "periodicity", "from", "due");

    private final List<Expectation> expectations;
    private final Map<String, PeriodType> keyTypes;

    private SubmissionCalendar(List<Expectation> expectations, Map<String, PeriodType> keyTypes) {
        this.expectations = List.copyOf(expectations);
        this.keyTypes = Map.copyOf(keyTypes);
    }

    /** Reads every calendar file; a wrong entry stops with the file, the entry and the fix. */
    public static SubmissionCalendar load(ConfigFolder config, TemplateCatalog templates) {
        List<Expectation> expectations = new ArrayList<>();
        Map<String, PeriodType> keyTypes = new HashMap<>();
        for (ConfigFolder.ConfigFile file : config.list(FOLDER, ".yml")) {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(file.content());
            if (!(root instanceof Map<?, ?> document) || !(document.get("expectations") instanceof List<?> entries)) {
                throw new IllegalArgumentException(
                        file.location() + ": expected a top-level 'expectations:' list of entries");
            }
            int index = 0;
            for (Object raw : entries) {
                index++;
                String where = file.location() + ", entry " + index;
                if (!(raw instanceof Map<?, ?> entry)) {
                    throw new IllegalArgumentException(where + ": expected a map with " + FIELDS);
                }
                for (Object key : entry.keySet()) {
                    if (!FIELDS.contains(String.valueOf(key))) {
                        throw new IllegalArgumentException(
                                where + ": unknown field '" + key + "'; the fields are " + FIELDS);
                    }
                }
                String template = text(entry, "template", where);
                var contract = templates
                        .find(template)
                        .orElseThrow(() -> new IllegalArgumentException(
                                where + ": unknown template '" + template + "'; known: " + templates.ids()));
                keyTypes.put(template, contract.periodType());
                Periodicity periodicity = Periodicity.fromLabel(text(entry, "periodicity", where))
                        .orElseThrow(() -> new IllegalArgumentException(where + ": periodicity '"
                                + entry.get("periodicity") + "' is not one of daily, monthly, quarterly, semesterly,"
                                + " annual, biennial"));
                LocalDate from = date(entry.get("from"), where);
                DueRule due = due(entry.get("due"), where);
                if (!(entry.get("submitters") instanceof List<?> submitters) || submitters.isEmpty()) {
                    throw new IllegalArgumentException(where + ": 'submitters' must be a list of submitter codes");
                }
                for (Object submitter : submitters) {
                    String code = String.valueOf(submitter);
                    if (!templates.isRegistered(code)) {
                        throw new IllegalArgumentException(where + ": submitter '" + code
                                + "' is not in the registry of submitters (templates/submitters.yml)");
                    }
                    expectations.add(new Expectation(template, code, periodicity, from, due));
                }
            }
        }
        return new SubmissionCalendar(expectations, keyTypes);
    }

    public List<Expectation> expectations() {
        return expectations;
    }

    /**
     * Every period owed whose last day is before {@code asOf}, with what was received for it by the end of that day (the first
     * accepted file of the period; a later revision does not make it late, a rejected file does not count).
     */
    public List<CalendarEntry> evaluate(Collection<SubmissionRecord> records, LocalDate asOf) {
        Map<String, SubmissionRecord> firstReceived = new HashMap<>();
        // the run as of a date sees the files received up to the end of that day
        Instant endOfAsOf = asOf.plusDays(1).atStartOfDay(ZONE).toInstant();
        for (SubmissionRecord record : records) {
            if (record.isRejected()
                    || record.period() == null
                    || !record.receivedAt().isBefore(endOfAsOf)) {
                continue;
            }
            firstReceived.merge(
                    record.partitionKey(), record, (a, b) -> SubmissionRecord.compareRevisions(a, b) <= 0 ? a : b);
        }
        List<CalendarEntry> entries = new ArrayList<>();
        for (Expectation expectation : expectations) {
            PeriodType keyType = keyTypes.get(expectation.template());
            Periodicity periodicity = expectation.periodicity();
            for (LocalDate start = periodicity.periodStart(expectation.from());
                    periodicity.periodEnd(start).isBefore(asOf);
                    start = periodicity.next(start)) {
                LocalDate end = periodicity.periodEnd(start);
                String period = periodicity.key(start, keyType);
                LocalDate dueDate = expectation.due().dueDate(end);
                SubmissionRecord received =
                        firstReceived.get(expectation.template() + "|" + expectation.submitter() + "|" + period);
                entries.add(entry(expectation, period, end, dueDate, received, asOf));
            }
        }
        entries.sort(Comparator.comparing(CalendarEntry::template)
                .thenComparing(CalendarEntry::submitter)
                .thenComparing(CalendarEntry::periodEnd));
        return entries;
    }

    private static CalendarEntry entry(
            Expectation expectation,
            String period,
            LocalDate end,
            LocalDate dueDate,
            SubmissionRecord received,
            LocalDate asOf) {
        if (received == null) {
            String status = dueDate != null && dueDate.isBefore(asOf) ? "missing" : "not_due";
            return new CalendarEntry(
                    expectation.template(), expectation.submitter(), period, end, dueDate, null, null, null, status);
        }
        LocalDate receivedOn = received.receivedAt().atZone(ZONE).toLocalDate();
        boolean onTime = dueDate == null || !receivedOn.isAfter(dueDate);
        return new CalendarEntry(
                expectation.template(),
                expectation.submitter(),
                period,
                end,
                dueDate,
                received.receivedAt(),
                received.submissionId(),
                onTime,
                onTime ? "on_time" : "late");
    }

    private static String text(Map<?, ?> entry, String field, String where) {
        Object value = entry.get(field);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new IllegalArgumentException(where + ": '" + field + "' is required");
        }
        return String.valueOf(value);
    }

    private static LocalDate date(Object value, String where) {
        if (value instanceof java.util.Date date) {
            return date.toInstant().atZone(ZoneId.of("UTC")).toLocalDate();
        }
        try {
            return LocalDate.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    where + ": 'from' must be a date such as 2024-01-01, not '" + value + "'", e);
        }
    }

    private static DueRule due(Object value, String where) {
        if ("none".equals(value)) {
            return new DueRule.None();
        }
        if (!(value instanceof Map<?, ?> rule) || rule.size() != 1) {
            throw new IllegalArgumentException(where + ": 'due' must be 'none' or one of {days_after_end: N},"
                    + " {day_of_next_month: N}, {next_year_on: MM-DD}, not " + value);
        }
        var only = rule.entrySet().iterator().next();
        String kind = String.valueOf(only.getKey());
        try {
            return switch (kind) {
                case "days_after_end" -> new DueRule.DaysAfterEnd(Integer.parseInt(String.valueOf(only.getValue())));
                case "day_of_next_month" ->
                    new DueRule.DayOfNextMonth(Integer.parseInt(String.valueOf(only.getValue())));
                case "next_year_on" -> new DueRule.NextYearOn(MonthDay.parse("--" + only.getValue()));
                default ->
                    throw new IllegalArgumentException(
                            "unknown due rule '" + kind + "'; use days_after_end, day_of_next_month or next_year_on");
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(
                    where + ": due " + kind + " '" + only.getValue()
                            + "' is not valid (a whole number of days, or MM-DD for next_year_on)",
                    e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }
}
