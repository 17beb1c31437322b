-- grain: one row per region of Morocco (HCP code), plus '00' for the national total
select *
from (
    values
        ('00', 'MA', 'Maroc (national)', 'المغرب (وطني)', 'Morocco (national)', 'Rabat'),
        ('01', 'MA-01', 'Tanger-Tétouan-Al Hoceima', 'طنجة-تطوان-الحسيمة', 'Tanger-Tetouan-Al Hoceima', 'Tanger'),
        ('02', 'MA-02', 'Oriental', 'الشرق', 'Oriental', 'Oujda'),
        ('03', 'MA-03', 'Fès-Meknès', 'فاس-مكناس', 'Fes-Meknes', 'Fès'),
        ('04', 'MA-04', 'Rabat-Salé-Kénitra', 'الرباط-سلا-القنيطرة', 'Rabat-Sale-Kenitra', 'Rabat'),
        ('05', 'MA-05', 'Béni Mellal-Khénifra', 'بني ملال-خنيفرة', 'Beni Mellal-Khenifra', 'Béni Mellal'),
        ('06', 'MA-06', 'Casablanca-Settat', 'الدار البيضاء-سطات', 'Casablanca-Settat', 'Casablanca'),
        ('07', 'MA-07', 'Marrakech-Safi', 'مراكش-آسفي', 'Marrakech-Safi', 'Marrakech'),
        ('08', 'MA-08', 'Drâa-Tafilalet', 'درعة-تافيلالت', 'Draa-Tafilalet', 'Errachidia'),
        ('09', 'MA-09', 'Souss-Massa', 'سوس-ماسة', 'Souss-Massa', 'Agadir'),
        ('10', 'MA-10', 'Guelmim-Oued Noun', 'كلميم-واد نون', 'Guelmim-Oued Noun', 'Guelmim'),
        ('11', 'MA-11', 'Laâyoune-Sakia El Hamra', 'العيون-الساقية الحمراء', 'Laayoune-Sakia El Hamra', 'Laâyoune'),
        ('12', 'MA-12', 'Dakhla-Oued Ed-Dahab', 'الداخلة-وادي الذهب', 'Dakhla-Oued Ed-Dahab', 'Dakhla')
) as regions(region_code, iso_code, name_fr, name_ar, name_en, seat)
