-- grain: one row per indicator code of the telecom-quarterly and digital-economy-annual templates
select *
from (
    values
        ('telecom-quarterly', 'parc_mobile', 'Parc mobile', 'Mobile subscriptions', 'abonnements'),
        ('telecom-quarterly', 'parc_internet', 'Parc Internet', 'Internet subscriptions', 'abonnements'),
        ('telecom-quarterly', 'parc_internet_mobile', 'Parc Internet mobile', 'Mobile Internet subscriptions', 'abonnements'),
        ('telecom-quarterly', 'parc_adsl', 'Parc ADSL', 'ADSL subscriptions', 'abonnements'),
        ('telecom-quarterly', 'parc_ftth', 'Parc fibre (FTTH)', 'Fibre (FTTH) subscriptions', 'abonnements'),
        ('telecom-quarterly', 'foyers_eligibles_ftth', 'Foyers éligibles FTTH', 'Households eligible for FTTH', 'foyers'),
        ('telecom-quarterly', 'couverture_4g_population', 'Couverture 4G de la population', '4G population coverage', 'pourcentage'),
        ('telecom-quarterly', 'couverture_5g_population', 'Couverture 5G de la population', '5G population coverage', 'pourcentage'),
        ('telecom-quarterly', 'taux_penetration_internet', 'Taux de pénétration d''Internet', 'Internet penetration rate', 'pourcentage'),
        ('telecom-quarterly', 'sites_publics_fibre', 'Sites publics raccordés à la fibre', 'Public sites connected to fibre', 'sites'),
        ('telecom-quarterly', 'localites_couvertes_pnhd', 'Localités couvertes (PNHD)', 'Localities covered (PNHD)', 'localites'),
        ('digital-economy-annual', 'emplois_numeriques_directs', 'Emplois numériques directs', 'Direct digital jobs', 'emplois'),
        ('digital-economy-annual', 'emplois_offshoring', 'Emplois de l''offshoring', 'Offshoring jobs', 'emplois'),
        ('digital-economy-annual', 'exportations_numeriques', 'Exportations numériques', 'Digital exports', 'MAD'),
        ('digital-economy-annual', 'contribution_pib_numerique', 'Contribution du numérique au PIB', 'Digital contribution to GDP', 'MAD'),
        ('digital-economy-annual', 'contribution_pib_ia', 'Contribution de l''IA au PIB', 'AI contribution to GDP', 'MAD'),
        ('digital-economy-annual', 'emplois_ia', 'Emplois liés à l''IA', 'AI-related jobs', 'emplois'),
        ('digital-economy-annual', 'budget_programme_engage', 'Budget du programme engagé', 'Programme budget committed', 'MAD'),
        ('digital-economy-annual', 'budget_programme_execute', 'Budget du programme exécuté', 'Programme budget executed', 'MAD')
) as indicators(template_id, indicator_code, label_fr, label_en, unit)
