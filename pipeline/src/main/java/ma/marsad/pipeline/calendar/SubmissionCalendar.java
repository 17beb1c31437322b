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
import ma.marsad.pipeline.config.InvalidConfigurationException;
import ma.marsad.pipeline.config.YamlDocument;
import ma.marsad.pipeline.lake.SubmissionRecord;
import ma.marsad.pipeline.template.PeriodType;
import ma.marsad.pipeline.template.TemplateCatalog;

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

    /** Reads every calendar file; a wrong entry stops with the file, the line and the fix. */
    public static SubmissionCalendar load(ConfigFolder config, TemplateCatalog templates) {
        List<Expectation> expectations = new ArrayList<>();
        Map<String, PeriodType> keyTypes = new HashMap<>();
        for (ConfigFolder.ConfigFile file : config.list(FOLDER, ".yml")) {
            YamlDocument.Entry root = YamlDocument.parse(file);
            YamlDocument.Entry entries = root.required(root.mapping(Set.of("expectations")), "expectations");
            for (YamlDocument.Entry item : entries.list()) {
                Map<String, YamlDocument.Entry> entry = item.mapping(FIELDS);
                String template = item.required(entry, "template").nonBlankText();
                var contract = templates.find(template).orElseThrow(() -> entry.get("template")
                        .error("unknown template '" + template + "'", "use one of " + templates.ids()));
                keyTypes.put(template, contract.periodType());
                YamlDocument.Entry periodicityEntry = item.required(entry, "periodicity");
                Periodicity periodicity = Periodicity.fromLabel(periodicityEntry.nonBlankText())
                        .orElseThrow(() -> periodicityEntry.error(
                                "periodicity '" + periodicityEntry.text() + "' is not known",
                                "use daily, monthly, quarterly, semesterly, annual or biennial"));
                LocalDate from = date(item.required(entry, "from"));
                DueRule due = due(item.required(entry, "due"));
                for (String code : item.required(entry, "submitters").textList()) {
                    if (!templates.isRegistered(code)) {
                        throw entry.get("submitters")
                                .error(
                                        "submitter '" + code + "' is not in the registry of submitters",
                                        "add it to templates/submitters.yml or correct the code");
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

    private static LocalDate date(YamlDocument.Entry entry) {
        try {
            return LocalDate.parse(entry.nonBlankText());
        } catch (DateTimeParseException e) {
            throw entry.error("'from' is '" + entry.text() + "', not a date", "write a date such as 2024-01-01");
        }
    }

    private static DueRule due(YamlDocument.Entry entry) {
        if (entry.isScalar() && "none".equals(entry.text())) {
            return new DueRule.None();
        }
        String rules = "write 'none' or one of {days_after_end: N}, {day_of_next_month: N}, {next_year_on: MM-DD}";
        if (!entry.isMapping()) {
            throw entry.error("'due' is '" + entry.plain() + "'", rules);
        }
        Map<String, YamlDocument.Entry> rule =
                entry.mapping(Set.of("days_after_end", "day_of_next_month", "next_year_on"));
        if (rule.size() != 1) {
            throw entry.error("'due' has " + rule.size() + " rules", rules);
        }
        var only = rule.entrySet().iterator().next();
        YamlDocument.Entry value = only.getValue();
        try {
            return switch (only.getKey()) {
                case "days_after_end" -> new DueRule.DaysAfterEnd(value.integer());
                case "day_of_next_month" -> new DueRule.DayOfNextMonth(value.integer());
                default -> new DueRule.NextYearOn(MonthDay.parse("--" + value.nonBlankText()));
            };
        } catch (DateTimeParseException e) {
            throw value.error("next_year_on is '" + value.text() + "'", "write MM-DD, e.g. 03-31");
        } catch (InvalidConfigurationException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw value.error(e.getMessage(), rules);
        }
    }
}
