package ma.marsad.pipeline.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ma.marsad.pipeline.lake.ColumnBatch;
import ma.marsad.pipeline.quality.ReasonCode;
import ma.marsad.pipeline.template.ColumnType;
import ma.marsad.pipeline.template.CrossColumnRule;
import ma.marsad.pipeline.template.TemplateContract;

/**
 * A contract's rules between two columns of a row ({@code completed_at >= submitted_at}), checked on a row of a
 * batch: numbers as numbers, dates and date-times by their stored value, anything else by its natural order. A rule
 * with a value missing on either side does not apply.
 */
final class CrossColumnChecks {

    private final List<CrossColumnRule> rules;
    private final int[] left;
    private final int[] right;

    CrossColumnChecks(TemplateContract contract) {
        this.rules = contract.rules();
        this.left = rules.stream().mapToInt(r -> contract.columnIndex(r.left())).toArray();
        this.right =
                rules.stream().mapToInt(r -> contract.columnIndex(r.right())).toArray();
    }

    /** Whether every rule holds or does not apply; warnings count as rules here. */
    boolean allHold(ColumnBatch batch, int row) {
        for (int i = 0; i < rules.size(); i++) {
            if (!holds(i, batch, row)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first rule the row breaks, as its row error ({@code RULE_VIOLATION}); a broken warning rule is counted in the
     * tally and the row goes on.
     */
    Optional<RowError> firstViolation(
            RawRow raw, int row, PartHeader part, ColumnBatch batch, int at, ValidationTally tally) {
        for (int i = 0; i < rules.size(); i++) {
            if (holds(i, batch, at)) {
                continue;
            }
            CrossColumnRule rule = rules.get(i);
            if (rule.isWarning()) {
                tally.ruleWarning(rule.warningCode(), row);
                continue;
            }
            Map<String, Object> arguments = new LinkedHashMap<>();
            arguments.put("rule", rule.text());
            arguments.put("other_column", rule.right());
            arguments.put("other_value", String.valueOf(batch.get(right[i], at)));
            return Optional.of(RowErrors.ofCell(raw, row, part, left[i], ReasonCode.RULE_VIOLATION, arguments));
        }
        return Optional.empty();
    }

    /** Whether a rule holds on the row, or does not apply to it. */
    private boolean holds(int index, ColumnBatch batch, int row) {
        int a = left[index];
        int b = right[index];
        return batch.isNull(a, row)
                || batch.isNull(b, row)
                || rules.get(index).operator().holds(compare(batch, a, b, row));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(ColumnBatch batch, int a, int b, int row) {
        ColumnType leftType = batch.type(a);
        ColumnType rightType = batch.type(b);
        if (isNumber(leftType) && isNumber(rightType)) {
            return Double.compare(number(batch, a, row), number(batch, b, row));
        }
        if (leftType == rightType && leftType == ColumnType.DATETIME) {
            return Long.compare(batch.longValue(a, row), batch.longValue(b, row));
        }
        if (leftType == rightType && leftType == ColumnType.DATE) {
            return Integer.compare(batch.intValue(a, row), batch.intValue(b, row));
        }
        return ((Comparable) batch.get(a, row)).compareTo(batch.get(b, row));
    }

    private static boolean isNumber(ColumnType type) {
        return type == ColumnType.INTEGER || type == ColumnType.YEAR || type == ColumnType.DECIMAL;
    }

    private static double number(ColumnBatch batch, int column, int row) {
        return switch (batch.storage(column)) {
            case LONG -> batch.longValue(column, row);
            case INT -> batch.intValue(column, row);
            default -> batch.doubleValue(column, row);
        };
    }
}
