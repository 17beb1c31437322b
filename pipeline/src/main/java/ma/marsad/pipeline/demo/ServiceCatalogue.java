package ma.marsad.pipeline.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The demo's public e-services: each with a launch date and the dates it climbed digitalisation levels, so that the
 * catalogue snapshots and the request exports name the same services.
 */
final class ServiceCatalogue {

    /** One e-service over time. */
    record Service(
            String code,
            String ministry,
            String titleFrench,
            String titleArabic,
            String audience,
            LocalDate launchedOn,
            boolean launchDateKnown,
            int firstLevel,
            List<LocalDate> levelUps,
            double popularity) {

        boolean onlineOn(LocalDate day) {
            return !launchedOn.isAfter(day);
        }

        int levelOn(LocalDate day) {
            int level = firstLevel;
            for (LocalDate levelUp : levelUps) {
                if (!levelUp.isAfter(day)) {
                    level++;
                }
            }
            return level;
        }
    }

    private record Ministry(String code, String domainFrench, String domainArabic, int services) {}

    private static final List<Ministry> MINISTRIES = List.of(
            new Ministry("DGI", "fiscalité", "الضرائب", 64),
            new Ministry("CNSS", "sécurité sociale", "الضمان الاجتماعي", 56),
            new Ministry("MI", "état civil et collectivités", "الحالة المدنية والجماعات", 72),
            new Ministry("MJ", "justice", "العدل", 60),
            new Ministry("ANCFCC", "foncier et cadastre", "المحافظة العقارية", 48),
            new Ministry("DGSN", "identité et documents de voyage", "الهوية ووثائق السفر", 36),
            new Ministry("ADII", "douane", "الجمارك", 52),
            new Ministry("MSPS", "santé", "الصحة", 44),
            new Ministry("MEN", "éducation", "التعليم", 48),
            new Ministry("MTNRA", "administration numérique", "الإدارة الرقمية", 40));

    private static final String[][] ACTIONS = {
        {"Demande d'attestation", "طلب شهادة"},
        {"Déclaration en ligne", "التصريح عبر الإنترنت"},
        {"Paiement en ligne", "الأداء عبر الإنترنت"},
        {"Suivi de dossier", "تتبع الملف"},
        {"Prise de rendez-vous", "حجز موعد"},
        {"Dépôt de réclamation", "تقديم شكاية"},
        {"Demande d'extrait", "طلب مستخرج"},
        {"Renouvellement", "تجديد"},
        {"Demande d'autorisation", "طلب ترخيص"},
        {"Consultation de situation", "الاطلاع على الوضعية"},
        {"Dépôt de dossier", "إيداع ملف"},
        {"Demande de duplicata", "طلب نسخة ثانية"}
    };

    private static final String[] AUDIENCES = {"citoyens", "entreprises", "administrations"};

    private final List<Service> services;

    private ServiceCatalogue(List<Service> services) {
        this.services = List.copyOf(services);
    }

    /**
     * About 60 % of the services are online before 2024; the rest launch through 2024–2026. Each climbs a level with
     * a small chance every quarter, faster from 2025 as the zero-paper plan bites.
     */
    static ServiceCatalogue generate(SplittableRandom random) {
        List<Service> services = new ArrayList<>();
        for (Ministry ministry : MINISTRIES) {
            for (int number = 1; number <= ministry.services(); number++) {
                String[] action = ACTIONS[(number - 1) % ACTIONS.length];
                int series = (number - 1) / ACTIONS.length + 1;
                String suffixFrench = series == 1 ? "" : " (volet " + series + ")";
                String suffixArabic = series == 1 ? "" : " (الشطر " + series + ")";
                String code = ministry.code() + "-" + String.format(java.util.Locale.ROOT, "%03d", number);
                boolean launchedBefore2024 = random.nextDouble() < 0.6;
                LocalDate launchedOn = launchedBefore2024
                        ? LocalDate.of(2008, 1, 1).plusDays(random.nextInt(16 * 365))
                        : LocalDate.of(2024, 1, 1).plusDays(random.nextInt(1000));
                int firstLevel = launchedBefore2024 ? 1 + random.nextInt(3) : 2 + random.nextInt(2);
                List<LocalDate> levelUps = new ArrayList<>();
                int level = firstLevel;
                for (Quarter quarter = Quarter.of(LocalDate.of(2024, 1, 1));
                        quarter.year() <= 2026 && level < 4;
                        quarter = quarter.next()) {
                    double chance = quarter.year() == 2024 ? 0.05 : 0.09;
                    LocalDate day = quarter.start().plusDays(random.nextInt(85));
                    if (day.isAfter(launchedOn) && random.nextDouble() < chance) {
                        levelUps.add(day);
                        level++;
                    }
                }
                String audience = AUDIENCES[random.nextDouble() < 0.7 ? 0 : random.nextDouble() < 0.8 ? 1 : 2];
                services.add(new Service(
                        code,
                        ministry.code(),
                        action[0] + " – " + ministry.domainFrench() + suffixFrench,
                        action[1] + " - " + ministry.domainArabic() + suffixArabic,
                        audience,
                        launchedOn,
                        !launchedBefore2024 || random.nextDouble() < 0.7,
                        firstLevel,
                        levelUps,
                        // Heavy-tailed demand: a few services carry most requests.
                        Math.pow(random.nextDouble(), 3)));
            }
        }
        return new ServiceCatalogue(services);
    }

    List<Service> services() {
        return services;
    }

    List<Service> onlineOn(LocalDate day) {
        return services.stream().filter(service -> service.onlineOn(day)).toList();
    }
}
