package ma.marsad.pipeline.template;

import java.util.Objects;
import ma.marsad.pipeline.quality.ReasonCode;

/**
 * A comparison between two columns of the same row, checked when both values are present, e.g. {@code completed_at >=
 * submitted_at} or {@code dont_femmes <= diplomes}.
 *
 * @param left the column checked
 * @param operator the comparison that must hold
 * @param right the column it is compared with
 * @param warningCode null for a rule whose violation quarantines the row ({@code RULE_VIOLATION}); otherwise the
 *     warning code reported (the row loads)
 */
public record CrossColumnRule(String left, Operator operator, String right, ReasonCode warningCode) {

    public CrossColumnRule {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(right, "right");
        if (warningCode != null && warningCode.severity() != ReasonCode.Severity.WARNING) {
            throw new IllegalArgumentException(warningCode + " is not a warning code");
        }
    }

    public enum Operator {
        LESS("<"),
        LESS_OR_EQUAL("<="),
        GREATER(">"),
        GREATER_OR_EQUAL(">="),
        EQUAL("==");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** Whether {@code comparison} (the sign of left compared with right) satisfies the operator. */
        public boolean holds(int comparison) {
            return switch (this) {
                case LESS -> comparison < 0;
                case LESS_OR_EQUAL -> comparison <= 0;
                case GREATER -> comparison > 0;
                case GREATER_OR_EQUAL -> comparison >= 0;
                case EQUAL -> comparison == 0;
            };
        }
    }

    public boolean isWarning() {
        return warningCode != null;
    }

    /** As written in the contract. */
    public String text() {
        return left + " " + operator.symbol() + " " + right;
    }
}
