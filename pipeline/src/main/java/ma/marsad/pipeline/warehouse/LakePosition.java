package ma.marsad.pipeline.warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import ma.marsad.pipeline.lake.RegistrySnapshot;
import ma.marsad.pipeline.lake.SubmissionRecord;

/** Which submissions are current and which are accepted: in the lake now, or when a warehouse was built. */
record LakePosition(Set<String> current, Set<String> accepted) {

    static LakePosition of(RegistrySnapshot snapshot) {
        Set<String> current = new HashSet<>();
        for (SubmissionRecord record : snapshot.current()) {
            current.add(record.submissionId());
        }
        Set<String> accepted = new HashSet<>();
        for (SubmissionRecord record : snapshot.accepted()) {
            accepted.add(record.submissionId());
        }
        return new LakePosition(current, accepted);
    }

    /** The position a warehouse was built from, as its {@code submission} table records it. */
    static LakePosition read(Connection warehouse) throws SQLException {
        Set<String> current = new HashSet<>();
        Set<String> accepted = new HashSet<>();
        try (Statement statement = warehouse.createStatement();
                ResultSet result = statement.executeQuery(
                        "select submission_id, is_current, status <> 'rejected' from main.submission")) {
            while (result.next()) {
                if (result.getBoolean(2)) {
                    current.add(result.getString(1));
                }
                if (result.getBoolean(3)) {
                    accepted.add(result.getString(1));
                }
            }
        }
        return new LakePosition(current, accepted);
    }
}
