package ma.marsad.pipeline.ingest;

import java.util.Map;
import ma.marsad.pipeline.lake.ColumnBatch;
import ma.marsad.pipeline.quality.InvalidValueException;
import ma.marsad.pipeline.quality.ReasonCode;
import ma.marsad.pipeline.template.TemplateContract;

/**
 * The one period a submission covers: the period of its first row whose period columns can be read, set aside or
 * not. A row of another period rejects the file ({@code MIXED_PERIODS}); a file where no row gives one is rejected too
 * ({@code PERIOD_UNKNOWN}).
 */
final class FilePeriod {

    private final TemplateContract contract;
    private final RowTyper typer;
    private final RowPeriod rowPeriod;
    private String period;

    FilePeriod(TemplateContract contract, RowTyper typer) {
        this.contract = contract;
        this.typer = typer;
        this.rowPeriod = new RowPeriod(contract);
    }

    /** Whether a row has given the file its period yet. */
    boolean isKnown() {
        return period != null;
    }

    /** The file's period key, or null while no row has given it. */
    String key() {
        return period;
    }

    /** Whether a typed row of the batch is of the file's period; false while it is not known. */
    boolean includes(ColumnBatch batch, int at) {
        return period != null && period.equals(rowPeriod.of(batch, at));
    }

    /** Takes the period of a typed row of the batch. */
    void track(ColumnBatch batch, int at, int row) throws Rejection {
        track(rowPeriod.of(batch, at), row);
    }

    /** Takes the period of a row set aside, when its period columns can be read all the same. */
    void trackRowSetAside(RawRow raw, PartHeader part, int row) throws Rejection {
        Object[] values = new Object[contract.columns().size()];
        for (int column : rowPeriod.columns()) {
            try {
                values[column] = typer.type(column, part.cellOf(raw, column));
            } catch (InvalidValueException e) {
                return;
            }
            if (values[column] == null) {
                return;
            }
        }
        track(rowPeriod.of(values), row);
    }

    /** The file's period, once every row is read. */
    String require() throws Rejection {
        if (period == null) {
            throw new Rejection(
                    ReasonCode.PERIOD_UNKNOWN,
                    Map.of("columns", String.join(", ", contract.periodRule().columns())));
        }
        return period;
    }

    private void track(String rowPeriodKey, int row) throws Rejection {
        if (period == null) {
            period = rowPeriodKey;
        } else if (!period.equals(rowPeriodKey)) {
            throw new Rejection(
                    ReasonCode.MIXED_PERIODS, Map.of("first_period", period, "period", rowPeriodKey, "row", row));
        }
    }
}
