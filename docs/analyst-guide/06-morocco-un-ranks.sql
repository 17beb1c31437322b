-- Morocco in the UN E-Government Survey: published index and rank, and Marsad's recomputation from the components.
select
    survey_year,
    egdi_published,
    egdi_rank_published,
    egdi_rank_computed,
    osi_published,
    osi_rank_computed,
    differs
from un_egov_scores
where country = 'Morocco'
order by survey_year;
