/**
 * Flattens the knowledge base into answerable fact records: every statement, figure, date, contact,
 * reporting line and description becomes one record that knows its owner, its source, and the
 * names of everything it relates to (so "the pedagogical leader in Stjernehuset" finds it).
 */
import type { KbItem, KnowledgeBase } from '../knowledge/knowledge-base.js';
import { participantIds } from '../knowledge/meeting-participants.js';
import type { DateEntry, Figure, Person, ReportingLine, Source, Statement, Text } from '../knowledge/schemas.js';
import { analyzeText, foldText, GENERIC_WORDS, STOPWORDS, termsOf } from './normalize.js';

/** What a fact says about its owner. */
export type FactKind =
  | 'reporting'
  | 'responsibility'
  | 'competence'
  | 'education'
  | 'condition'
  | 'requirement'
  | 'offer'
  | 'date'
  | 'contact'
  | 'figure'
  | 'membership'
  | 'description'
  | 'detail'
  | 'fact'
  | 'meeting'
  | 'policy'
  | 'programme';

/** One answerable fact. */
export interface FactRecord {
  readonly id: string;
  readonly kind: FactKind;
  /** Id of the item the fact is about. */
  readonly owner: string;
  /** The fact in both languages (for dates: the label; the date is rendered when answering). */
  readonly text: Text;
  readonly source: Source;
  readonly date?: DateEntry;
  readonly person?: Person;
  readonly line?: ReportingLine;
  readonly figure?: Figure;
  /** Terms of the fact's own text. */
  readonly textTerms: ReadonlySet<string>;
  /** Terms of the owner's own names. */
  readonly ownTerms: ReadonlySet<string>;
  /** Terms of the names of what the owner relates to, and of the fact's kind. */
  readonly contextTerms: ReadonlySet<string>;
  /** Ids of the owner and the items it relates to. */
  readonly related: ReadonlySet<string>;
}

/** Words that name each kind of fact, so "ansvar", "deadline" or "phone" find the right kind. */
const KIND_WORDS: Record<FactKind, string> = {
  reporting: 'refererer reference til reports report to leder chef nærmeste leder manager boss reporting line',
  responsibility: 'ansvar ansvarsområde opgave opgaver rolle responsibility responsibilities task tasks duties role',
  competence: 'kompetence kompetencer kvalifikation profil evner competence competences skills qualifications profile',
  education: 'uddannelse erfaring baggrund education experience background degree',
  condition: 'vilkår løn arbejdstid ansættelse conditions pay salary hours employment terms',
  requirement: 'krav kræves forventer ansøgning requirement requirements required expected application',
  offer: 'tilbyder tilbud får offer offers benefits',
  date: 'dato datoer hvornår date dates when',
  contact: 'kontakt kontaktperson ringe telefon tlf spørge contact person call phone ask',
  figure: 'antal hvor mange number count how many',
  membership: 'medlemmer består sidder ledelse ledergruppe members consists sits leadership group team',
  description: 'beskrivelse om hvad er description about what is',
  detail: '',
  fact: '',
  meeting: 'møde møder forum fora mødes meeting meetings forum forums',
  policy: 'politik politikker strategi strategier lov love aftale ramme rammer policy policies strategy strategies law laws agreement framework',
  programme: 'program programmer værktøj værktøjer metode redskab programme program tool tools method',
};

const DATE_KIND_WORDS: Record<DateEntry['kind'], string> = {
  'application-deadline': 'ansøgningsfrist frist ansøgning søge deadline application apply',
  interview: 'samtale samtaler jobsamtale interview interviews runde round',
  start: 'ansættelse tiltrædelse start opstart tiltræde starting start date employment begins',
  evaluation: 'evaluering evaluation',
  status: 'status',
  established: 'etableret oprettet åbnede established founded opened',
  event: 'begivenhed arrangement event',
  deadline: 'frist deadline senest due',
  'budget-deadline': 'budgetfrist budget frist deadline due',
  'reporting-deadline': 'indberetning afrapportering frist deadline reporting due',
  'registration-deadline': 'tilmelding tilmeldingsfrist frist registration deadline',
  period: 'periode period',
  seminar: 'seminar temadag internat seminar',
  other: '',
};

const DOCUMENT_KIND_WORDS: Record<string, string> = {
  'job-posting': 'stillingsopslag jobopslag opslag annonce job posting advert advertisement vacancy',
  'job-profile': 'jobprofil kompetenceprofil profil job profile competence profile',
  'leadership-profile': 'ledelsesprofil profil leadership profile',
  'status-report': 'statusrapport status rapport notat status report',
  other: '',
};

const POLICY_TYPE_WORDS: Record<string, string> = {
  policy: 'politik policy',
  strategy: 'strategi strategy',
  law: 'lov loven law act',
  agreement: 'aftale agreement',
  framework: 'ramme rammer framework',
  plan: 'plan',
  profile: 'profil profile',
  other: '',
};

/** All names of an item (Danish and English), for matching. */
export function namesOf(entry: KbItem): string[] {
  const item = entry.item as Partial<Record<'name' | 'labelEn', string>> & Partial<Record<'names' | 'namesEn', string[]>>;
  const names: string[] = [];
  if (item.name) names.push(item.name);
  if (item.labelEn) names.push(item.labelEn);
  names.push(...(item.names ?? []), ...(item.namesEn ?? []));
  if (entry.kind === 'people') names.push(entry.item.title.da, entry.item.title.en);
  return names;
}

/** The ids an item points to (its unit, municipality, role, parent, ...), one step. */
export function relationsOf(entry: KbItem): string[] {
  const ids: string[] = [];
  const item = entry.item as unknown as Record<string, unknown>;
  for (const key of ['municipality', 'unit', 'parent', 'role', 'owner', 'partOf', 'about', 'from', 'to']) {
    const value = item[key];
    if (typeof value === 'string') ids.push(value);
    if (Array.isArray(value)) ids.push(...value.filter((v): v is string => typeof v === 'string'));
  }
  for (const key of ['contactFor', 'relevantFor', 'usedBy', 'participants', 'contacts']) {
    const value = item[key];
    if (Array.isArray(value)) ids.push(...value.filter((v): v is string => typeof v === 'string'));
  }
  if (entry.kind === 'meetings') ids.push(...participantIds(entry.item).filter((id) => !ids.includes(id)));
  if (entry.kind === 'leadershipGroups') ids.push(...entry.item.members.map((m) => m.ref));
  return ids;
}

/** The display name of an item in a language: English keeps the official Danish name in brackets. */
export function displayName(entry: KbItem, lang: 'da' | 'en'): string {
  if (entry.kind === 'people') return entry.item.name;
  // A dated entry is known by its label (a contact "for the leadership seminar"), never by its id.
  if (entry.kind === 'dates') return entry.item.label[lang];
  if (entry.kind === 'facts' || entry.kind === 'reportingLines' || entry.kind === 'deputies') return entry.item.id;
  const { name, labelEn } = entry.item;
  if (lang === 'da') return name;
  // Data often writes the Danish name into the English label already: "pedagogical leader (pædagogisk leder)".
  if (labelEn.toLowerCase().includes(name.toLowerCase())) return labelEn;
  return `${labelEn} (${name})`;
}

/**
 * The Danish definite form of an item's name when its names list it ("dagtilbudschef" ->
 * "dagtilbudschefen", "pædagogisk leder" -> "den pædagogiske leder"); in English, the display name.
 */
export function definiteName(entry: KbItem, lang: 'da' | 'en'): string {
  if (lang === 'en' || entry.kind === 'people' || !('names' in entry.item)) return displayName(entry, lang);
  const { name, names } = entry.item;
  const lower = name.toLowerCase();
  const words = lower.split(' ');
  const candidates = [`${lower}en`, `${lower}n`, `${lower}et`];
  if (words.length === 2) candidates.push(`den ${words[0]}e ${words[1]}en`, `det ${words[0]}e ${words[1]}et`, `den ${words[0]}e ${words[1]}`);
  return names.find((n) => candidates.includes(n.toLowerCase())) ?? name;
}

/**
 * Finds the items a text names by one of their names, word by word on stems ("fagchefen" names the role
 * "fagchef", "Leila Hasanović Berg" the person). A one-word name must be a word of its own (not a generic word).
 */
export function itemNameFinder(kb: KnowledgeBase): (texts: readonly string[]) => string[] {
  const stemsOfName = (name: string) => analyzeText(foldText(name)).filter((t) => !STOPWORDS.has(t.form)).map((t) => t.terms[0]!);
  const byFirst = new Map<string, Array<{ stems: string[]; id: string }>>();
  const { data } = kb;
  const items: KbItem[] = [
    ...data.roles.map((item) => ({ kind: 'roles', item }) as KbItem),
    ...data.units.map((item) => ({ kind: 'units', item }) as KbItem),
    ...data.people.map((item) => ({ kind: 'people', item }) as KbItem),
    ...data.leadershipGroups.map((item) => ({ kind: 'leadershipGroups', item }) as KbItem),
    ...data.meetings.map((item) => ({ kind: 'meetings', item }) as KbItem),
    ...data.policies.map((item) => ({ kind: 'policies', item }) as KbItem),
    ...data.programmes.map((item) => ({ kind: 'programmes', item }) as KbItem),
  ];
  for (const entry of items) {
    const own = entry.kind === 'people' ? [entry.item.name] : namesOf(entry);
    for (const name of own) {
      const stems = stemsOfName(name);
      if (stems.length === 0 || (stems.length === 1 && (stems[0]!.length < 4 || GENERIC_WORDS.has(stems[0]!)))) continue;
      const list = byFirst.get(stems[0]!) ?? [];
      if (!list.some((e) => e.id === entry.item.id && e.stems.join(' ') === stems.join(' '))) list.push({ stems, id: entry.item.id });
      byFirst.set(stems[0]!, list);
    }
  }
  return (texts) => {
    const found = new Set<string>();
    for (const text of texts) {
      const tokens = analyzeText(foldText(text)).filter((t) => !STOPWORDS.has(t.form));
      tokens.forEach((token, i) => {
        for (const term of token.terms) {
          for (const e of byFirst.get(term) ?? []) if (e.stems.every((s, k) => tokens[i + k]?.terms.includes(s))) found.add(e.id);
        }
      });
    }
    return [...found];
  };
}

/** Builds the fact records of a knowledge base. */
export function buildFacts(kb: KnowledgeBase): FactRecord[] {
  const contextCache = new Map<string, { own: Set<string>; terms: Set<string>; related: Set<string> }>();
  // Names and kind words recur in the contexts of many items: analyse each once (for this build only).
  const phraseTerms = new Map<string, ReadonlySet<string>>();
  const termsOfPhrase = (phrase: string): ReadonlySet<string> => {
    let terms = phraseTerms.get(phrase);
    if (!terms) phraseTerms.set(phrase, (terms = termsOf(phrase)));
    return terms;
  };

  // The context of an item: its own names, plus the names of what it relates to, two steps out,
  // and the names of the municipality it belongs to.
  // Each item is visited from the contexts of many others: read its relations once (for this build only).
  const relationsCache = new Map<string, string[]>();
  const relationsOfId = (id: string, entry: KbItem): string[] => {
    let ids = relationsCache.get(id);
    if (!ids) relationsCache.set(id, (ids = relationsOf(entry)));
    return ids;
  };
  const contextOf = (id: string): { own: Set<string>; terms: Set<string>; related: Set<string> } => {
    const cached = contextCache.get(id);
    if (cached) return cached;
    const own = new Set<string>();
    const owner = kb.get(id);
    if (owner) for (const name of namesOf(owner)) for (const term of termsOfPhrase(name)) own.add(term);
    const terms = new Set<string>();
    const related = new Set<string>();
    // Related ids reach two steps (a date -> its posting -> the posting's unit); names only one, so
    // that a fact's words stay about it and the index stays small as the knowledge base grows.
    const visit = (itemId: string, depth: number) => {
      if (related.has(itemId)) return;
      const entry = kb.get(itemId);
      if (!entry) return;
      related.add(itemId);
      if (depth >= 1) for (const name of namesOf(entry)) for (const term of termsOfPhrase(name)) terms.add(term);
      if (depth === 0) return;
      for (const next of relationsOfId(itemId, entry)) visit(next, depth - 1);
    };
    visit(id, 2);
    const result = { own, terms, related };
    contextCache.set(id, result);
    return result;
  };

  // The source document's title and kind belong to every fact's context: "what does the status
  // report say about ...", "hvad står der i jobopslaget om ...".
  const documentTerms = new Map<string, Set<string>>();
  for (const doc of kb.data.documents) {
    documentTerms.set(doc.id, termsOf([doc.title, doc.titleEn, DOCUMENT_KIND_WORDS[doc.kind]].join(' ')));
  }

  const facts: FactRecord[] = [];
  const sharedContexts = new Map<string, { terms: Set<string>; related: Set<string> }>();
  const add = (
    fields: Omit<FactRecord, 'id' | 'textTerms' | 'ownTerms' | 'contextTerms' | 'related'> & {
      extraContext?: string[];
      extraText?: string[];
      alsoRelated?: string[];
      /** Items the fact's text names: related to it themselves, without their own neighbourhood. */
      mentions?: string[];
    },
  ) => {
    const { extraContext = [], extraText = [], alsoRelated = [], mentions = [], ...rest } = fields;
    const context = contextOf(fields.owner);
    // Facts of one owner, kind and document share one context set: memory grows with items, not facts.
    const key = [fields.owner, fields.kind, fields.source.doc, ...extraContext, '|', ...alsoRelated, '|', ...mentions].join('\u0000');
    let shared = sharedContexts.get(key);
    if (!shared) {
      const terms = new Set(context.terms);
      const related = new Set(context.related);
      for (const words of [KIND_WORDS[fields.kind], ...extraContext]) for (const term of termsOfPhrase(words)) terms.add(term);
      for (const term of documentTerms.get(fields.source.doc) ?? []) terms.add(term);
      for (const id of alsoRelated) {
        const other = contextOf(id);
        for (const term of other.own) terms.add(term);
        for (const term of other.terms) terms.add(term);
        for (const rel of other.related) related.add(rel);
      }
      for (const id of mentions) related.add(id);
      shared = { terms, related };
      sharedContexts.set(key, shared);
    }
    const { terms: contextTerms, related } = shared;
    facts.push({
      ...rest,
      id: `${fields.owner}#${facts.length}`,
      textTerms: termsOf([fields.text.da, fields.text.en, ...extraText].join(' ')),
      ownTerms: context.own,
      contextTerms,
      related,
    });
  };
  const addStatements = (owner: string, kind: FactKind, statements: readonly Statement[], extraContext: string[] = []) => {
    for (const s of statements) add({ kind, owner, text: { da: s.da, en: s.en }, source: s.source, extraContext });
  };
  const addFigures = (owner: string, figures: readonly Figure[]) => {
    // A figure of several units together is no fact of the unit it is stated on (their parent), nor of one of them:
    // the figures answer gives it when all of them are asked about.
    for (const figure of figures) if (figure.ofUnits === undefined) add({ kind: 'figure', owner, text: figure.text, source: figure.source, figure });
  };
  const addDescription = (owner: string, description: Text | undefined, source: Source, kind: FactKind = 'description', extraText: string[] = []) => {
    if (description) add({ kind, owner, text: description, source, extraText });
  };

  const { data } = kb;
  for (const m of data.municipalities) {
    addDescription(m.id, m.description, m.source);
    addFigures(m.id, m.figures);
  }
  for (const u of data.units) {
    addDescription(u.id, u.description, u.source);
    addFigures(u.id, u.figures);
    addStatements(u.id, 'fact', u.facts);
  }
  for (const r of data.roles) {
    addDescription(r.id, r.description, r.source);
    addStatements(r.id, 'responsibility', r.responsibilities);
    addStatements(r.id, 'competence', r.competences);
    addStatements(r.id, 'education', r.education);
    addStatements(r.id, 'condition', r.conditions);
    if (r.teamSize) add({ kind: 'figure', owner: r.id, text: r.teamSize.text, source: r.teamSize.source, figure: r.teamSize });
  }
  for (const line of data.reportingLines) {
    add({ kind: 'reporting', owner: line.from, text: line.text, source: line.source, line, alsoRelated: [line.to] });
  }
  // A role's `reportsTo` without a reporting line of its own still answers "who does X report to".
  const stated = new Set(data.reportingLines.map((line) => `${line.from}>${line.to}`));
  for (const role of data.roles) {
    for (const to of role.reportsTo) {
      const target = kb.get(to);
      if (stated.has(`${role.id}>${to}`) || !target) continue;
      const line: ReportingLine = {
        id: `${role.id}-reports-to-${to}`,
        from: role.id,
        to,
        text: {
          da: `${role.name} refererer til ${displayName(target, 'da')}.`,
          en: `The ${displayName({ kind: 'roles', item: role }, 'en')} reports to the ${displayName(target, 'en')}.`,
        },
        source: role.source,
      };
      add({ kind: 'reporting', owner: role.id, text: line.text, source: role.source, line, alsoRelated: [to] });
    }
  }
  for (const g of data.leadershipGroups) {
    addDescription(g.id, g.description, g.source, 'membership');
    const memberList = (lang: 'da' | 'en') =>
      g.members
        .map((m) => {
          const entry = kb.get(m.ref);
          const name = entry ? displayName(entry, lang) : m.ref;
          return m.note ? `${name} (${m.note[lang]})` : name;
        })
        .join(', ');
    add({
      kind: 'membership',
      owner: g.id,
      text: {
        da: `${g.name}: ${memberList('da')}`,
        en: `${displayName({ kind: 'leadershipGroups', item: g }, 'en')}: ${memberList('en')}`,
      },
      source: g.source,
    });
    addStatements(g.id, 'responsibility', g.responsibilities);
  }
  for (const p of data.people) {
    add({ kind: 'contact', owner: p.id, text: p.title, source: p.source, person: p, alsoRelated: p.contactFor });
  }
  for (const p of data.postings) {
    addDescription(p.id, p.description, p.source);
    addStatements(p.id, 'requirement', p.requirements);
    addStatements(p.id, 'offer', p.offers);
    addStatements(p.id, 'condition', p.conditions);
  }
  // "Budgetønsker for 2028 sendes til fagchefen": an annual calendar's date belongs to the whole area, but its label
  // names whom it concerns; a question naming that role ("sidste frist for budgetønsker til fagchefen") asks about it.
  const mentionedIn = itemNameFinder(kb);
  for (const d of data.dates) {
    const subject = d.subject ? [d.subject.da, d.subject.en] : [];
    add({ kind: 'date', owner: d.about, text: d.label, source: d.source, date: d, extraText: [DATE_KIND_WORDS[d.kind], ...subject], mentions: mentionedIn([d.label.da, d.label.en, ...subject]) });
  }
  for (const m of data.meetings) {
    const parts = [m.description, m.purpose, m.frequency].filter((t): t is Text => t !== undefined);
    const text = parts.length > 0 ? { da: parts.map((t) => t.da).join(' '), en: parts.map((t) => t.en).join(' ') } : { da: m.name, en: m.labelEn };
    add({ kind: 'meeting', owner: m.id, text, source: m.source, alsoRelated: participantIds(m) });
  }
  for (const p of data.policies) {
    const typeWords = [POLICY_TYPE_WORDS[p.type] ?? ''];
    addDescription(p.id, p.description ?? { da: p.name, en: p.labelEn }, p.source, 'policy', typeWords);
    addStatements(p.id, 'detail', p.requires, typeWords);
  }
  for (const p of data.programmes) {
    addDescription(p.id, p.description ?? { da: p.name, en: p.labelEn }, p.source, 'programme');
    addStatements(p.id, 'detail', p.facts);
  }
  for (const c of data.concepts) {
    addDescription(c.id, c.description, c.source);
    addStatements(c.id, 'detail', c.details);
  }
  for (const f of data.facts) {
    const [owner, ...others] = f.about;
    add({ kind: 'fact', owner: owner!, text: f.text, source: f.source, alsoRelated: others });
  }
  return facts;
}
