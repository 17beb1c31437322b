package ma.marsad.jobs.status;

import java.util.List;
import ma.marsad.jobs.nightly.NightlyJobConfiguration;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;

/** The last runs of the nightly job, newest first, as the job repository recorded them. */
final class RecentRuns {

    private RecentRuns() {}

    static List<JobExecution> of(JobRepository jobRepository, int count) {
        return jobRepository.getJobInstances(NightlyJobConfiguration.JOB_NAME, 0, count).stream()
                .flatMap(instance -> jobRepository.getJobExecutions(instance).stream())
                .sorted((a, b) -> Long.compare(b.getId(), a.getId()))
                .limit(count)
                .toList();
    }
}
