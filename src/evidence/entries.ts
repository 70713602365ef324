/**
 * The evidence library's entries: data only. Each effect is a lognormal monthly hazard
 * ratio on exits to success, derived from `reported` by `evidence/map.ts` (`mapping` says
 * how; the tests recompute every one). To add an entry, add an object here: compute its
 * `effect` with `effectFromEntry` (or leave it null for an outcome-share entry) and
 * paste the result — the test prints the expected value when they differ.
 *
 * Numbers collected 2026-11 from the sources cited; check them before relying on them.
 * @module
 */
import type { EvidenceEntry } from './types.js';

/** Every entry of the evidence library, in a stable order. */
export const EVIDENCE_ENTRIES: readonly EvidenceEntry[] = [
  {
    id: 'ips-dk-inklusion',
    title: 'Individual Placement and Support (IPS) for severe mental illness, Danish randomised trial',
    citation:
      'Christensen TN, Wallstrøm IG, Stenager E, Bojesen AB, Gluud C, Nordentoft M, Eplov LF. Effects of Individual Placement and Support supplemented with cognitive remediation and work-focused social skills training for people with severe mental illness: a randomized clinical trial. JAMA Psychiatry 2019;76(12):1232–1240. doi:10.1001/jamapsychiatry.2019.2291',
    population:
      '720 adults with severe mental illness (psychotic disorders, bipolar disorder or major depression) at three Danish locations, randomised to IPS, IPS with cognitive remediation and work-related social skills training (IPSE), or service as usual',
    followUpMonths: 18,
    design: 'Randomised clinical trial, three arms, multi-centre, assessor-blinded',
    outcome: 'Share who obtained competitive employment or education during the 18 months',
    reported: { treated: 0.591, control: 0.465, nTreated: 240, nControl: 240, ipsArmShare: 0.599, participants: 720 },
    effect: {
      dist: 'lognormal',
      mu: 0.35721765866786653,
      sigma: 0.12878940852237242,
      label: 'Individual Placement and Support (IPS) for severe mental illness, Danish randomised trial',
      source: 'evidence:ips-dk-inklusion',
    },
    mapping:
      'Hazard ratio ln(1 − 0.591)/ln(1 − 0.465) ≈ 1.43 from the treated and control shares at 18 months; σ from the two arms’ Beta posteriors by the delta method (95 % range about 1.11–1.84).',
    caveats: [
      '59.1 % is the IPSE arm (IPS with enhancements); plain IPS reached 59.9 % (hazard ratio ≈ 1.46), and the trial found no difference between the two IPS arms.',
      'Arm sizes are taken as 720/3 = 240 each for the uncertainty; the published arm sizes were not checked here and would change σ only slightly.',
      'The outcome is “ever in work or education within 18 months”; forlob’s success rate is “in a success state at the horizon”. They agree when success is absorbing (no job loss).',
      'The mapping treats the trial’s share as if no one left for other reasons; with competing exits in a model the hazard ratio is an approximation.',
      'People in psychiatric treatment, not the general kontanthjælp group. A 30-month register follow-up (2023) reports 65 % (IPS), 65 % (IPSE) and 53 % (service as usual): the effect persists.',
      'forlob’s domain notes call the trial “Projekt Inklusion”; the publication is cited here.',
    ],
  },
  {
    id: 'ips-ma-anxiety-depression',
    title: 'IPS modified for mood and anxiety disorders (IPS-MA), Danish randomised trial',
    citation:
      'Hellström L, Bech P, Hjorthøj C, Nordentoft M, Lindschou J, Eplov LF. Effect on return to work or education of Individual Placement and Support modified for people with mood and anxiety disorders: results of a randomised clinical trial. Occupational and Environmental Medicine 2017;74(10):717. https://oem.bmj.com/content/74/10/717',
    population:
      '326 people with recently diagnosed mood or anxiety disorders in the Capital Region of Denmark, randomised to IPS-MA (individual mentor support and career counselling, n = 162) or services as usual (n = 164)',
    followUpMonths: 24,
    design: 'Randomised clinical superiority trial, centrally randomised, assessor-blinded',
    outcome: 'Share in competitive employment or education at 24 months',
    reported: {
      treated: 0.444,
      control: 0.378,
      nTreated: 162,
      nControl: 164,
      oddsRatio: 1.34,
      ci: [0.86, 2.1],
      level: 0.95,
      pValue: 0.2,
    },
    effect: {
      dist: 'lognormal',
      mu: 0.2268488479399297,
      sigma: 0.17118949990818358,
      label: 'IPS modified for mood and anxiety disorders (IPS-MA), Danish randomised trial',
      source: 'evidence:ips-ma-anxiety-depression',
    },
    mapping:
      'The odds ratio 1.34 at the control share 37.8 % gives the treated share 44.9 % and the hazard ratio ln(1 − 0.449)/ln(1 − 0.378) ≈ 1.25; the ends of the OR interval 0.86–2.10 map the same way to the lognormal’s 95 % range (about 0.90–1.75).',
    caveats: [
      'Not statistically significant (p = 0.20): the interval includes no effect, so use the whole distribution rather than its median.',
      'The published OR implies 44.9 % treated, slightly above the raw 44.4 % (72/162 vs 62/164, crude OR 1.32); the mapping follows the published OR and its interval.',
      'Early in the course of mood and anxiety disorders: a population closer to the labour market than aktivitetsparate kontanthjælp recipients.',
    ],
  },
  {
    id: 'virksomhedspraktik-private-2016',
    title: 'Company internship in a private company (virksomhedspraktik) for kontanthjælp recipients over 29',
    citation:
      'Beskæftigelsesministeriet (Danish Ministry of Employment). Effektanalyse: Virksomhedspraktik virker. News item, 18 April 2016, summarising the ministry’s effect analysis of private and public company internships for kontanthjælp recipients over 29. https://bm.dk/nyheder-presse/nyheder/2016/04/effektanalyse-virksomhedspraktik-virker/',
    population:
      'Kontanthjælp (social assistance) recipients over 29 who took part in a company internship in a private company, against comparable recipients who did not',
    followUpMonths: 36,
    design: 'Register-based duration (exit-rate) analysis of non-randomised participation',
    outcome: 'Exit rate from kontanthjælp to employment after a completed internship',
    reported: {
      exitRateRatio: 1.84,
      weeksTo40PctTreated: 93,
      weeksTo40PctControl: 156,
      otherActivationExitRateRatio: 1.27,
    },
    assumedLogSd: 0.2,
    effect: {
      dist: 'lognormal',
      mu: 0.6097655716208943,
      sigma: 0.2,
      label: 'Company internship in a private company (virksomhedspraktik) for kontanthjælp recipients over 29',
      source: 'evidence:virksomhedspraktik-private-2016',
    },
    mapping:
      'The reported exit-rate ratio (+84 %) is a hazard ratio already, so the median is 1.84; no interval is published in the summary, so σ = 0.2 on the log scale is an assumption (95 % range about 1.24–2.72).',
    caveats: [
      '“Knap 84 pct.” (just under 84 %): the ratio is rounded.',
      'The effect is on the exit rate after a completed placement (the ministry reports a positive effect during a private placement too); a whole group allocated to internships, not all of whom start or finish one, gains less on average.',
      'Not randomised: selection into placements may inflate the estimate.',
      'The ministry’s own illustration — 40 % in job after 93 weeks with a private placement vs 156 weeks without — implies a ratio of 156/93 ≈ 1.68 under constant hazards, below 1.84.',
      'σ = 0.2 is an assumption covering the missing interval and the transfer to another population; widen it for citizens far from the labour market. The follow-up of 36 months is the 156 weeks of the illustration.',
      'The summary does not split the effect by readiness (jobparat or aktivitetsparat).',
    ],
  },
  {
    id: 'virksomhedspraktik-public-2016',
    title: 'Company internship in a public workplace (virksomhedspraktik) for kontanthjælp recipients over 29',
    citation:
      'Beskæftigelsesministeriet (Danish Ministry of Employment). Effektanalyse: Virksomhedspraktik virker. News item, 18 April 2016, summarising the ministry’s effect analysis of private and public company internships for kontanthjælp recipients over 29. https://bm.dk/nyheder-presse/nyheder/2016/04/effektanalyse-virksomhedspraktik-virker/',
    population:
      'Kontanthjælp (social assistance) recipients over 29 who took part in a company internship in a public workplace, against comparable recipients who did not',
    followUpMonths: 48,
    design: 'Register-based duration (exit-rate) analysis of non-randomised participation',
    outcome: 'Exit rate from kontanthjælp to employment after a completed internship',
    reported: {
      exitRateRatio: 1.65,
      weeksTo40PctTreated: 156,
      weeksTo40PctControl: 208,
      otherActivationExitRateRatio: 1.27,
    },
    assumedLogSd: 0.2,
    effect: {
      dist: 'lognormal',
      mu: 0.5007752879124892,
      sigma: 0.2,
      label: 'Company internship in a public workplace (virksomhedspraktik) for kontanthjælp recipients over 29',
      source: 'evidence:virksomhedspraktik-public-2016',
    },
    mapping:
      'The reported exit-rate ratio (+65 %) is a hazard ratio already, so the median is 1.65; no interval is published in the summary, so σ = 0.2 on the log scale is an assumption (95 % range about 1.11–2.44).',
    caveats: [
      '“Knap 65 pct.” (just under 65 %): the ratio is rounded.',
      'Only after the placement: the ministry finds no positive effect during a public placement, so a group allocated to public internships gains less than 1.65 over the whole horizon.',
      'Not randomised: selection into placements may inflate the estimate.',
      'The ministry’s own illustration — 40 % in job after 156 weeks with a public placement vs 208 weeks without — implies a ratio of 208/156 ≈ 1.33 under constant hazards, well below 1.65.',
      'σ = 0.2 is an assumption covering the missing interval and the transfer to another population. The follow-up of 48 months is the 208 weeks of the illustration.',
    ],
  },
  {
    id: 'ressourceforloeb-outcomes',
    title: 'Outcomes after a ressourceforløb (resource course)',
    citation:
      'Deloitte (2018), analysis in the Ministry of Employment’s evaluation of the 2013 reform of førtidspension and fleksjob (March 2018), as cited in forlob’s domain notes (report title not re-checked); and Beskæftigelsesministeriet, Redegørelse om ressourceforløb, September 2017, Folketinget BEU Alm.del 2016-17 Bilag 337, http://www.ft.dk/samling/20161/almdel/beu/bilag/337/1787444/index.htm',
    population: 'Citizens ending a ressourceforløb in Denmark',
    followUpMonths: null,
    design: 'Register-based descriptive follow-up without a comparison group',
    outcome: 'Status after the course: job, flex job, education, førtidspension (disability pension)',
    reported: {
      under40JobFlexEducation: 0.28,
      over40JobFlexEducation: 0.14,
      disabilityPension13Weeks: 0.46,
      ordinaryJob13Weeks: 0.03,
      flexJob13Weeks: 0.13,
    },
    effect: null,
    mapping: 'No effect: descriptive outcome shares without a comparison group, usable as calibration targets only.',
    shares: [
      {
        population: 'under 40, ressourceforløb ended in 2016',
        outcome: 'job, flex job or education',
        share: 0.28,
        measuredAt: 'after the course ended (timing as in the source)',
        source: 'Deloitte 2018',
      },
      {
        population: 'over 40, ressourceforløb ended in 2016',
        outcome: 'job, flex job or education',
        share: 0.14,
        measuredAt: 'after the course ended (timing as in the source)',
        source: 'Deloitte 2018',
      },
      {
        population: 'all ending a ressourceforløb',
        outcome: 'førtidspension (disability pension)',
        share: 0.46,
        measuredAt: '13 weeks after the course ended',
        source: 'Beskæftigelsesministeriet 2017',
      },
      {
        population: 'all ending a ressourceforløb',
        outcome: 'ordinary job',
        share: 0.03,
        measuredAt: '13 weeks after the course ended',
        source: 'Beskæftigelsesministeriet 2017',
      },
      {
        population: 'all ending a ressourceforløb',
        outcome: 'flex job',
        share: 0.13,
        measuredAt: '13 weeks after the course ended (about 13 %)',
        source: 'Beskæftigelsesministeriet 2017',
      },
    ],
    caveats: [
      'Descriptive: without a comparison group no effect can be derived.',
      'In the 2017 account the rest (about 38 %) were in education, on kontanthjælp or similar 13 weeks after the course.',
      'Jobindsats’ “1 month after a completed course” (the Randers seed: 10.6 % success for ressourceforløb) differs in timing and definition; do not mix the measures in one calibration.',
      'No new ressourceforløb start from 1 February 2026; courses under way may finish.',
    ],
  },
  {
    id: 'quickly-back-to-work-2008',
    title:
      'Early and intensive contact with newly unemployed insured workers (“Quickly back to work”), Danish randomised experiment',
    citation:
      'Graversen BK, van Ours JC. How to help unemployed find jobs quickly: experimental evidence from a mandatory activation program. Journal of Public Economics 2008;92(10–11):2020–2035. Working paper: IZA Discussion Paper No. 2504, December 2006, https://www.iza.org/publications/dp/2504',
    population:
      'Workers who became unemployed with unemployment insurance (dagpenge) between November 2005 and March 2006 in two Danish regions; about half were randomly assigned to the programme, the rest to the usual services',
    followUpMonths: null,
    design: 'Randomised social experiment; duration model of the job-finding rate',
    outcome: 'Job-finding rate (the monthly exit rate from unemployment to a job)',
    reported: { exitRateRatio: 1.3, medianWeeksControl: 14, medianWeeksTreated: 11.5 },
    assumedLogSd: 0.15,
    effect: {
      dist: 'lognormal',
      mu: 0.26236426446749106,
      sigma: 0.15,
      label:
        'Early and intensive contact with newly unemployed insured workers (“Quickly back to work”), Danish randomised experiment',
      source: 'evidence:quickly-back-to-work-2008',
    },
    mapping:
      'The reported job-finding rate 30 % higher in the treatment group is a hazard ratio already, so the median is 1.30; the summary gives no interval, so σ = 0.15 on the log scale is an assumption (95 % range about 0.97–1.74).',
    caveats: [
      'The programme was intensive and compulsory (an early job-search course, frequent meetings with caseworkers, then activation); a short, outreaching contact by a few caseworkers is much lighter, so a model should use a part of the effect.',
      'The authors attribute the effect mainly to the more intensive contact with the employment service; a later paper (Graversen and van Ours, Labour 2011;25(2):167–181) finds that it worked largely as a “stick”: the compulsory programme made the unemployed find jobs sooner to avoid it.',
      'The medians of unemployment, 14 weeks (control) and 11.5 weeks (treated), imply a ratio of 14/11.5 ≈ 1.22 under constant hazards, below 1.30.',
      'Newly unemployed insured workers in 2005–06, a good labour market; not sygedagpenge recipients. σ = 0.15 is an assumption (the published standard error was not checked here).',
    ],
  },
];
