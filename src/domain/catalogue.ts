/**
 * The metric catalogue: every figure the dashboard knows by id. Ids are part of the
 * public contract (URLs, test hooks, docs) and are spelled as in shared/domain.md.
 */
export type MetricId =
  | 'asylum_first'
  | 'asylum_followup'
  | 'nareis_applications'
  | 'nareis_arrivals'
  | 'nareis_decisions'
  | 'nareis_open'
  | 'hearings_physical'
  | 'hearings_tele'
  | 'departures_total'
  | 'departures_forced'
  | 'dublin_transfers'
  | 'dublin_transfers_forced';

export type PanelId = 'inflow' | 'hearings' | 'departures' | 'dublin' | 'nareis';

export interface MetricDefinition {
  id: MetricId;
  label: { nl: string; en: string };
  /** What a sentence counts: "circa 80 {aantoonbare vertrekken} per week". */
  noun: { nl: string; en: string };
  /** How the letter's paragraph says it, with people or cases as the subject (src/i18n/paragraphs.ts). */
  letter?: { nl: LetterWords; en: LetterWords };
  /** A flow is counted per week; a stock is a level at the end of the week. */
  kind: 'flow' | 'stock';
  /** For "of which forced" metrics: the total they are part of. */
  partOf?: MetricId;
  panel: PanelId;
  /** Header spellings seen in exports; matched after normalising case, accents and punctuation. */
  aliases: string[];
}

/**
 * A figure in the letter's own words. Dutch: "{perfect[0]} gemiddeld circa 40 {subject} per week
 * {perfect[1]}" for a phase ("zijn ... vreemdelingen per week aantoonbaar vertrokken"), and
 * "{past[0]} nog gemiddeld circa 140 {subject} per week {past[1]}" for the level before the crisis
 * ("vertrokken ... aantoonbaar"). English uses the second word of each, a verb in the past tense.
 */
export interface LetterWords {
  subject: string;
  perfect: [string, string];
  past: [string, string];
}

const words = (subject: string, perfect: [string, string], past: [string, string]): LetterWords => ({ subject, perfect, past });
const lodged = (nl: string, en: string) => ({ nl: words(nl, ['zijn', 'ingediend'], ['werden', 'ingediend']), en: words(en, ['', 'were lodged'], ['', 'were lodged']) });

export const METRICS: readonly MetricDefinition[] = [
  {
    id: 'asylum_first',
    label: { nl: 'Eerste asielaanvragen', en: 'First asylum applications' },
    noun: { nl: 'eerste asielaanvragen', en: 'first asylum applications' },
    letter: lodged('eerste asielaanvragen', 'first asylum applications'),
    kind: 'flow',
    panel: 'inflow',
    aliases: ['eerste asielaanvragen', 'eerste aanvragen', 'eerste asielverzoeken', 'asiel eerste', 'eerste asiel', 'first asylum applications', 'first applications', 'asylum applications first'],
  },
  {
    id: 'asylum_followup',
    label: { nl: 'Opvolgende aanvragen', en: 'Follow-up applications' },
    noun: { nl: 'opvolgende asielaanvragen', en: 'follow-up applications' },
    letter: lodged('opvolgende asielaanvragen', 'follow-up applications'),
    kind: 'flow',
    panel: 'inflow',
    aliases: ['opvolgende aanvragen', 'opvolgende asielaanvragen', 'herhaalde aanvragen', 'follow-up applications', 'followup applications', 'subsequent applications', 'asylum follow-up'],
  },
  {
    id: 'nareis_applications',
    label: { nl: 'Nareisaanvragen', en: 'Family reunification applications' },
    noun: { nl: 'nareisaanvragen', en: 'family reunification applications' },
    letter: lodged('nareisaanvragen', 'family reunification applications'),
    kind: 'flow',
    panel: 'nareis',
    aliases: ['nareisaanvragen', 'nareis aanvragen', 'nareis ingediend', 'family reunification applications', 'nareis applications'],
  },
  {
    // Part of the asylum inflow as IND and the ministry report it (shared/domain.md); nareis *applications* are not.
    id: 'nareis_arrivals',
    label: { nl: 'Ingereisde nareizigers', en: 'Family members arrived' },
    noun: { nl: 'ingereisde nareizigers', en: 'family members who arrived' },
    kind: 'flow',
    panel: 'inflow',
    letter: { nl: words('nareizigers', ['zijn', 'ingereisd'], ['reisden', 'in']), en: words('family members', ['', 'arrived'], ['', 'arrived']) },
    aliases: ['ingereisde nareizigers', 'nareizigers', 'nareizigers ingereisd', 'nareizigers ingereist', 'ingereiste nareizigers', 'nareis ingereisd', 'family members arrived', 'arrived family members', 'family reunification arrivals', 'nareis arrivals'],
  },
  {
    id: 'nareis_decisions',
    label: { nl: 'Nareisbesluiten', en: 'Family reunification decisions' },
    noun: { nl: 'nareisbesluiten', en: 'family reunification decisions' },
    letter: { nl: words('nareisaanvragen', ['zijn', 'afgehandeld'], ['werden', 'afgehandeld']), en: words('family reunification applications', ['', 'were decided'], ['', 'were decided']) },
    kind: 'flow',
    panel: 'nareis',
    aliases: ['nareisbesluiten', 'nareis besluiten', 'nareis beslissingen', 'nareis afgehandeld', 'family reunification decisions', 'nareis decisions'],
  },
  {
    id: 'nareis_open',
    label: { nl: 'Openstaande nareisaanvragen', en: 'Open family reunification applications' },
    noun: { nl: 'openstaande nareisaanvragen', en: 'open family reunification applications' },
    letter: { nl: words('nareisaanvragen', ['stonden', 'open'], ['stonden', 'open']), en: words('family reunification applications', ['', 'were open'], ['', 'were open']) },
    kind: 'stock',
    panel: 'nareis',
    aliases: ['openstaande nareisaanvragen', 'openstaand nareis', 'nareis openstaand', 'nareis voorraad', 'voorraad nareis', 'open nareis', 'nareis backlog', 'open family reunification applications'],
  },
  {
    id: 'hearings_physical',
    label: { nl: 'Fysieke gehoren', en: 'Hearings in person' },
    noun: { nl: 'fysieke gehoren', en: 'hearings in person' },
    letter: { nl: words('asielzoekers', ['zijn', 'fysiek gehoord'], ['werden', 'fysiek gehoord']), en: words('asylum seekers', ['', 'were heard in person'], ['', 'were heard in person']) },
    kind: 'flow',
    panel: 'hearings',
    aliases: ['fysieke gehoren', 'gehoren fysiek', 'fysiek gehoor', 'gehoren op locatie', 'hearings in person', 'in-person hearings', 'physical hearings'],
  },
  {
    id: 'hearings_tele',
    label: { nl: 'Telehoren', en: 'Hearings by video' },
    noun: { nl: 'telehoren', en: 'hearings by video' },
    letter: { nl: words('asielzoekers', ['zijn', 'per video gehoord'], ['werden', 'per video gehoord']), en: words('asylum seekers', ['', 'were heard by video'], ['', 'were heard by video']) },
    kind: 'flow',
    panel: 'hearings',
    aliases: ['telehoren', 'telegehoren', 'gehoren video', 'videogehoren', 'gehoren per video', 'hearings video', 'video hearings', 'hearings by video', 'remote hearings'],
  },
  {
    id: 'departures_total',
    label: { nl: 'Aantoonbaar vertrek', en: 'Demonstrable departures' },
    noun: { nl: 'aantoonbare vertrekken', en: 'demonstrable departures' },
    letter: { nl: words('vreemdelingen', ['zijn', 'aantoonbaar vertrokken'], ['vertrokken', 'aantoonbaar']), en: words('people', ['', 'departed demonstrably'], ['', 'departed demonstrably']) },
    kind: 'flow',
    panel: 'departures',
    aliases: ['aantoonbaar vertrek', 'aantoonbaar vertrokken', 'vertrek aantoonbaar', 'demonstrable departures', 'departures demonstrable'],
  },
  {
    id: 'departures_forced',
    label: { nl: 'Vertrek, waarvan gedwongen', en: 'Departures, of which forced' },
    noun: { nl: 'gedwongen vertrekken', en: 'forced departures' },
    letter: { nl: words('vreemdelingen', ['zijn', 'gedwongen vertrokken'], ['vertrokken', 'gedwongen']), en: words('people', ['', 'were returned by force'], ['', 'were returned by force']) },
    kind: 'flow',
    partOf: 'departures_total',
    panel: 'departures',
    aliases: ['gedwongen vertrek', 'vertrek gedwongen', 'aantoonbaar vertrek gedwongen', 'vertrek waarvan gedwongen', 'forced departures', 'departures forced'],
  },
  {
    id: 'dublin_transfers',
    label: { nl: 'Dublinoverdrachten', en: 'Dublin transfers' },
    noun: { nl: 'Dublinoverdrachten', en: 'Dublin transfers' },
    letter: { nl: words('Dublinoverdrachten', ['zijn', 'uitgevoerd'], ['werden', 'uitgevoerd']), en: words('Dublin transfers', ['', 'were carried out'], ['', 'were carried out']) },
    kind: 'flow',
    panel: 'dublin',
    aliases: ['dublinoverdrachten', 'dublin overdrachten', 'overdrachten dublin', 'dublin transfers', 'dublinoverdrachten totaal'],
  },
  {
    id: 'dublin_transfers_forced',
    label: { nl: 'Dublinoverdrachten, waarvan gedwongen', en: 'Dublin transfers, of which forced' },
    noun: { nl: 'gedwongen Dublinoverdrachten', en: 'forced Dublin transfers' },
    letter: { nl: words('gedwongen Dublinoverdrachten', ['zijn', 'uitgevoerd'], ['werden', 'uitgevoerd']), en: words('forced Dublin transfers', ['', 'were carried out'], ['', 'were carried out']) },
    kind: 'flow',
    partOf: 'dublin_transfers',
    panel: 'dublin',
    aliases: ['dublinoverdrachten gedwongen', 'gedwongen dublinoverdrachten', 'dublin gedwongen', 'dublinoverdrachten waarvan gedwongen', 'forced dublin transfers', 'dublin transfers forced'],
  },
];

export type LookalikeReason = 'includes_unsupervised' | 'dublin_claimants';

/**
 * Header words that look like a catalogue metric but are not it (shared/domain.md): an alias must
 * never change a definition, so these are kept as custom series, with a note naming the metric
 * they might be and why they were not taken as it.
 */
export const LOOKALIKES: readonly { spellings: string[]; metric: MetricId; reason: LookalikeReason }[] = [
  // DT&V's plain departures include departures without supervision, which are not demonstrable.
  { spellings: ['vertrek', 'vertrek totaal', 'totaal vertrek', 'departures', 'total departures'], metric: 'departures_total', reason: 'includes_unsupervised' },
  // A plain "Dublin" column in an inflow table usually counts Dublin claimants, not transfers.
  { spellings: ['dublin', 'dublin totaal', 'dublin total'], metric: 'dublin_transfers', reason: 'dublin_claimants' },
];

/** Headers such as "waarvan gedwongen" name the forced part of the total in the column before. */
export const FORCED_PART_ALIASES = ['waarvan gedwongen', 'gedwongen', 'of which forced', 'forced'];

export const CUSTOM_METRIC_PREFIX = 'custom_';

const byId = new Map(METRICS.map((m) => [m.id, m]));

export function metricDefinition(id: string): MetricDefinition | undefined {
  return byId.get(id as MetricId);
}

export function forcedPartOf(total: MetricId): MetricId | undefined {
  return METRICS.find((m) => m.partOf === total)?.id;
}
