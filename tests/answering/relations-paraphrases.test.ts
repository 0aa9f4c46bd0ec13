/**
 * Robustness of the contacts, policies, partly-known and decisions answers: questions of kinds the working question
 * bank holds, asked in other words (everyday and formal, English with Danish names, ASCII spellings, split compounds,
 * other word order, the relation from the other side) on several knowledge bases. Each states the core fact and never
 * the tempting wrong one. A phone number is written "#<digits>" and matched with any spacing; "~" starts a regular
 * expression.
 */
import { describe, it } from 'vitest';
import { KB_DIRS, phrasedCaseCheck, type PhrasedCase } from '../helpers/answerers.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const DIRS = KB_DIRS;
type Kb = keyof typeof DIRS;
type Case = PhrasedCase & { readonly kb: Kb };

const check = phrasedCaseCheck(DIRS, NOW);

const CONTACTS: Case[] = [
  { kb: 'seed', q: 'hvem kan jeg spørge om stillingen i stjernehuset', must: ['helle kristensen', 'charlotte sønderhave'] },
  { kb: 'seed', q: 'who do i call about the job in stjernehuset', must: ['helle kristensen', 'charlotte sønderhave'] },
  { kb: 'seed', q: 'hvem skal man ringe til angående jobbet som leder af staben', must: ['tanja steffe nøhr', '#21648304'] },
  { kb: 'seed', q: 'whom should I phone regarding the staben vacancy', must: ['tanja steffe nøhr'] },
  { kb: 'seed', q: 'jeg overvejer at soege stillingen i stjernehuset - hvem kan jeg ringe til', must: ['helle kristensen', '#44771847'] },
  { kb: 'seed', q: 'Hej, hvem kan jeg ringe til angående stillingen i Baltorp?', must: ['helle kristensen'] },
  { kb: 'seed', q: 'who should applicants for the staff unit job contact', must: ['tanja steffe nøhr'] },
  { kb: 'other', q: 'hvem kan jeg spørge om jobbet i maagen', must: ['mette kjærgaard holm'] },
  { kb: 'other', q: 'who can I ring about the institutionsleder post in Mågen', must: ['mette kjærgaard holm', '#61223344'] },
  { kb: 'other', q: 'hvem besvarer spørgsmål om stillingen som pædagogisk koordinator', must: ['sofie brønd', 'jens ærø dahl'] },
  { kb: 'other', q: 'who do I ring about the coordinator position in the south area', must: ['sofie brønd', 'jens ærø dahl'] },
  { kb: 'bkk', q: 'hvem kan jeg snakke med om jobbet i kløverengen', must: ['birgitte lundsgaard friis', 'jonas eskildsen'] },
  { kb: 'bkk', q: 'who is listed as contact on the kloeverengen job ad', must: ['birgitte lundsgaard friis', 'jonas eskildsen'] },
  { kb: 'hbj', q: 'hvem skal jeg kontakte hvis jeg vil søge stillingen', must: ['kim vadstrup olesen', 'camilla krog hansen', 'louise dam winther'] },
  { kb: 'hbj', q: 'who can tell me more about the raevehoej job', must: ['kim vadstrup olesen', 'camilla krog hansen'] },
  { kb: 'rvs', q: 'hvem kan jeg kontakte om lederjobbet i reden', must: ['rasmus ellegaard nyborg', 'sofie bundgaard lund', 'ida kjeldsen frost'] },
  { kb: 'slv', q: 'hvem kan jeg ringe til om huschef jobbet i Kastanjen', must: ['lone birkmose ravn', 'mads hvid kjeldsen', 'nanna bach iversen'] },
  { kb: 'slv', q: 'who do i call about the huschef job in kastanjen', must: ['lone birkmose ravn', 'mads hvid kjeldsen'] },
  { kb: 'slv', q: 'kontaktpersoner på kastanjen stillingen', must: ['lone birkmose ravn', 'nanna bach iversen'] },
  { kb: 'slv', q: 'hvem er kontakt på opslaget og hvad er deres numre', must: ['lone birkmose ravn', '#72415260', '#72416607'] },
  { kb: 'hbj', q: 'hvem er kontaktperson på stillingen og hvad er hendes mail', must: ['kim vadstrup olesen', 'giver ingen e-mailadresse'], not: ['@'] },
  { kb: 'hbj', q: 'hvem skal jeg kontakte om lederdagen', must: ['birthe nørgaard lynge'], not: ['jeppe holmgaard ravn'] },
  // The relation from the other side.
  { kb: 'hbj', q: 'hvilket job er kim vadstrup olesen kontakt på', must: ['rævehøj'] },
  { kb: 'slv', q: 'which posting is nanna bach iversen contact for', must: ['kastanjen'] },
  // A document's contact, asked by its kind in everyday words.
  { kb: 'hbj', q: 'hvem kan jeg spørge om årshjulet', must: ['birthe nørgaard lynge'] },
  { kb: 'hbj', q: 'who knows about the annual calendar', must: ['birthe nørgaard lynge'] },
  { kb: 'slv', q: 'who knows about the annual calendar', must: ['jeppe lund kjær'] },
  { kb: 'hbj', q: 'hvem kan jeg spørge om protokollen fra udvalget', must: ['per kold damsgaard'] },
  { kb: 'hbj', q: 'hvem skal jeg kontakte om referatet fra familie- og sundhedsudvalget', must: ['per kold damsgaard'] },
  { kb: 'rvs', q: 'hvem kan svare på spørgsmål om referatet fra udvalget', must: ['line hedegaard mørk'] },
  // No one is named as the contact for Hvidmose's minutes: neither the calendar's nor the function description's contact.
  { kb: 'hvm', q: 'hvem kan jeg kontakte om referatet fra udvalgsmødet', must: [], kind: 'unknown', not: ['rikke damgaard lund', 'lone vestbjerg'] },
  { kb: 'slv', q: 'hvem kan jeg spørge om mødekalenderen', must: ['jeppe lund kjær'] },
  { kb: 'rvs', q: 'who can I ask about the year planner', must: ['dorthe skou andersen'] },
  { kb: 'hvm', q: 'hvem kan jeg spørge om rollebeskrivelsen for souschefen', must: ['rikke damgaard lund'] },
  { kb: 'slv', q: 'who to contact about the minutes of the committee', must: ['susanne frahm'] },
  { kb: 'hvm', q: 'who can I ask about the souschef function description', must: ['rikke damgaard lund'] },
  // How to reach a person, or a person known by their title.
  { kb: 'seed', q: 'how can I reach helle kristensen', must: ['#44771847'] },
  { kb: 'other', q: 'hvordan får jeg fat i mette kjærgaard holm', must: ['mkh@fjordby.example'] },
  { kb: 'rvs', q: 'what number do I call for sofie bundgaard lund', must: ['#58373512'] },
  { kb: 'hbj', q: 'hvad er nummeret på tillidsrepræsentanten i rævehøj', must: ['louise dam winther', '#96483515'], not: ['#96483512'] },
  { kb: 'rvs', q: 'telefonnummer på tillidsrepræsentanten i lærkereden', must: ['ida kjeldsen frost', '#58373515'], not: ['#58373512'] },
  { kb: 'hbj', q: "what's the administrative coordinator's phone number", must: ['birthe nørgaard lynge', '#96482005'], not: ['nadia fjeldsted krogh'] },
  { kb: 'rvs', q: 'pædagogisk koordinator i lærkereden tlf', must: ['#58373512'] },
  { kb: 'seed', q: 'What is the phone number of the head of day care?', must: [], kind: 'unknown', not: ['#21648304'] },
  { kb: 'slv', q: 'sekretariatskoordinatorens e-mail', must: ['birh@solvang.dk'] },
  { kb: 'hbj', q: 'mobilnummer til kim vadstrup olesen', must: ['#23814766'] },
  { kb: 'rvs', q: 'line hedegaard mørk mobile?', must: ['#58371044'] },
  // A document that names no contact, said more surely than one that does, is not answered with the other's contact.
  { kb: 'slv', q: 'who do i ring with questions on the pfl function description', must: [], kind: 'unknown', not: ['birgitte ravn holm'] },
  { kb: 'hjs', q: 'hvem kan jeg spørge om referatet fra udvalget', must: ['rasmus ploug hedegaard'] },
  { kb: 'hjs', q: 'who do I ask about the year planner', must: ['signe vestergaard bak'] },
  { kb: 'slv', q: 'nummeret til tillidsrepræsentanten i kastanjen', must: ['nanna bach iversen', '#72416607'], not: ['#72416603'] },
  { kb: 'slv', q: 'pfl i kastanjen telefonnummer', must: ['mads hvid kjeldsen', '#72416603'], not: ['#72416607'] },
  { kb: 'slv', q: 'mail til fællestillidsrepræsentanten', must: ['jonas brink holst'], kind: 'unknown', not: ['@'] },
  { kb: 'hbj', q: 'telefonnummer til formanden for forældrebestyrelsen i rævehøj', must: ['anders brøndum'], kind: 'unknown', not: ['#96483512', '#96483515', '#23814766'] },
];

const POLICIES: Case[] = [
  { kb: 'hbj', q: 'hvornår gælder den nye mad politik', must: ['1. januar 2027'], not: ['sandflugten', 'enhed hede'] },
  { kb: 'rvs', q: 'hvornår gælder den nye mad politik', must: ['1. januar 2027'], not: ['ravneklit'] },
  { kb: 'hbj', q: 'when does the new food policy take effect', must: ['1 january 2027'] },
  { kb: 'hbj', q: 'hvem har vedtaget kostpolitikken', must: ['familie- og sundhedsudvalget'] },
  { kb: 'hbj', q: 'hvem har besluttet mad politikken', must: ['familie- og sundhedsudvalget', 'måltidspolitik'], not: ['sandflugten'] },
  { kb: 'slv', q: 'hvem har vedtaget bevægelses politikken', must: ['småbørns- og familieudvalget'], not: ['årshjul'] },
  { kb: 'hbj', q: 'hvilken periode dækker måltids politikken', must: ['2027-2030'] },
  { kb: 'rvs', q: 'hvem vedtog bordkultur politikken', must: ['børne- og dagtilbudsudvalget'] },
  { kb: 'slv', q: 'hvornår blev forældresamarbejds rammen vedtaget', must: ['3. juni 2026'] },
  { kb: 'hbj', q: 'hvad kræver madpolitikken af den daglige leder', must: ['måltidsplan'] },
  { kb: 'slv', q: 'what does the movement policy require of the huschef', must: ['bevægelsesvejleder'] },
  { kb: 'hbj', q: 'which policies apply to forstanderen', must: ['driftsoverenskomst', 'måltidspolitik'] },
  { kb: 'rvs', q: 'which policies does a matrikelleder need to know', must: ['mad og bordkultur'] },
  { kb: 'slv', q: 'hvilke politikker skal en kredsleder kende', must: ['bevægelsespolitik'] },
  { kb: 'bkk', q: 'hvilke politikker gælder for dagplejelederen', must: ['tidlig indsats'] },
  { kb: 'hbj', q: 'gælder madpolitikken også for sundhedsplejen', must: ['~^ja\\b', 'sundhedspleje'] },
  { kb: 'rvs', q: 'gælder mad politikken for dagplejerne', must: ['~^ja\\b', 'mad og bordkultur'] },
  { kb: 'slv', q: 'gælder bevægelsespolitikken for dagplejen', must: ['~^ja\\b', 'dagplejen solvang'] },
  { kb: 'bkk', q: 'gælder tidlig indsats politikken for dagplejelederen', must: ['~^ja\\b', 'dagplejeleder'] },
  { kb: 'rvs', q: 'gælder madpolitikken også for bølgen', must: ['~^ja\\b', 'selvejende'] },
  { kb: 'hbj', q: 'does the food policy apply to Fyrtårnet', must: ['~^yes\\b', 'self-governing'] },
  { kb: 'hbj', q: 'gælder madpolitikken for sekretariatet', must: [], kind: 'unknown', not: ['~^ja\\b'] },
  { kb: 'bkk', q: 'which period does the early intervention policy cover', must: ['2026-2029'] },
  { kb: 'other', q: 'hvem vedtog læringsstrategien', must: ['børne- og familieudvalget'] },
  // What a policy says about a topic, named or as "the policy".
  { kb: 'hjs', q: 'hvad siger politikken om personalets mobiltelefoner', must: ['uden for børnegruppen'] },
  { kb: 'hjs', q: 'what does the new policy say about screen time', must: ['at most one shared screen session'] },
  { kb: 'hbj', q: 'does the food policy say anything about allergies', must: ['allerg', 'every other year'] },
  { kb: 'hbj', q: 'hvad siger politikken om fødselsdage', must: ['kage'] },
  { kb: 'hbj', q: 'må vi servere saftevand til frokost efter madpolitikken', must: ['sukkerholdige'] },
  // Who sees to a policy: the duties that name it, by the question's own words.
  { kb: 'slv', q: 'hvem skal sørge for at rammen for forældresamarbejde bliver fulgt', must: ['huschef'] },
  { kb: 'hjs', q: 'who makes sure the transitions framework is followed', must: ['enhedsleder'] },
  { kb: 'rvs', q: 'who follows up on the meal policy at supervision', must: ['fællesleder', 'dagplejeafdelingsleder'] },
  { kb: 'other', q: 'hvem skal sikre at læringsstrategien bliver omsat til praksis', must: ['dagtilbudsdirektør'] },
  { kb: 'bkk', q: 'hvem gælder politikken om tidlig indsats for', must: ['børnehusleder', 'dagplejeleder', 'områdechef'], not: ['småbørnschef'] },
  // Two things asked of a policy at once: its period and a date of it.
  { kb: 'bkk', q: 'tidlig indsats, hvilken periode gælder den og hvornår evalueres den', must: ['2026-2029', 'september 2028'] },
  { kb: 'hbj', q: 'hvilken periode dækker madpolitikken og hvornår træder den i kraft', must: ['2027-2030', '1. januar 2027'] },
  { kb: 'seed', q: 'which strategies does the head of day care in htk need to know', must: ['inklusionsstrategi', 'sprogstrategi'] },
];

const PARTLY_KNOWN: Case[] = [
  { kb: 'seed', q: 'hvor gammel er helle kristensen', must: ['helle kristensen'], kind: 'unknown' },
  { kb: 'seed', q: 'hvad tjener tanja steffe nøhr', must: ['tanja steffe nøhr'], kind: 'unknown', not: ['#21648304'] },
  { kb: 'bkk', q: 'hvad er mona ravns telefonnummer', must: ['mona ravn', 'telefon'], kind: 'unknown', not: ['#41526374'] },
  { kb: 'bkk', q: "what is kasper thorhauge's email address", must: ['kasper thorhauge', 'e-mail'], kind: 'unknown' },
  { kb: 'hbj', q: 'hvad er gitte lassens tlf', must: ['gitte lassen'], kind: 'unknown', not: ['#96481044'] },
  { kb: 'hbj', q: 'hvad er adressen på børnegården rævehøj', must: ['rævehøj', 'adresse'], kind: 'unknown' },
  { kb: 'rvs', q: 'michael thorsøs email', must: ['michael thorsø'], kind: 'unknown' },
  { kb: 'slv', q: 'telefonnummer til camilla sejr', must: ['camilla sejr'], kind: 'unknown', not: ['#72416603'] },
  { kb: 'slv', q: "what is henriette lykke dahl's phone number", must: ['henriette lykke dahl'], kind: 'unknown' },
  { kb: 'other', q: 'hvad er jens ærø dahls mail', must: ['jens ærø dahl'], kind: 'unknown', not: ['@'] },
  { kb: 'hvm', q: 'hvad er rikke damgaard lunds mail', must: ['rikke damgaard lund'], kind: 'unknown', not: ['lonve@'] },
];

const DECISIONS: Case[] = [
  { kb: 'hbj', q: 'hvornår skal dagplejen flyttes under hede', must: ['1. maj 2027'] },
  { kb: 'egs', q: 'hvornår flytter dagplejen til engen', must: ['1. marts 2027'] },
  { kb: 'hbj', q: 'from when is dagplejen part of enhed hede', must: ['1 may 2027'] },
  { kb: 'hbj', q: 'hvor mange stemte imod at flytte dagplejen', must: ['3'] },
  { kb: 'hbj', q: 'blev sandflugten vedtaget enstemmigt', must: ['ja', 'enstemmigt'] },
  { kb: 'rvs', q: 'was the food policy adopted unanimously', must: ['~\\b7\\b', '~\\b2\\b'], not: ['~^yes'] },
  { kb: 'hbj', q: 'hvilken beslutning ændrede dagplejechefens reference', must: ['dagplejen havbjerg lægges under enhed hede'] },
  { kb: 'rvs', q: 'which decision moved the dagplejeafdelingsleder to mosen', must: ['fællesledelse mosen'] },
  { kb: 'slv', q: 'hvad besluttede udvalget om åbningstiden', must: ['mælkebøtten', '1. april 2027'] },
  { kb: 'slv', q: 'what did the committee decide about the opening hours', must: ['mælkebøtten', '1 april 2027'] },
  { kb: 'rvs', q: 'hvornår flyttes dagplejen under mosen', must: ['1. maj 2027'] },
  { kb: 'slv', q: 'hvornår lægges bakken og skoven sammen', must: ['1. august 2027'] },
  { kb: 'slv', q: 'who voted against the merger', must: ['lokallisten'] },
  { kb: 'slv', q: 'hvem godkendte funktionsbeskrivelsen for pfl', must: ['kredsforum'] },
  { kb: 'hvm', q: 'hvordan gik afstemningen om kvartererne', must: ['7', '2'] },
  { kb: 'hvm', q: 'was the souschef decision unanimous', must: ['yes'] },
  { kb: 'egs', q: 'what did the committee decide about dagplejen', must: ['engen', '1 march 2027'] },
  { kb: 'hvm', q: 'hvornår kommer der flere souschefer', must: ['1. august 2027'] },
];

describe('contacts in other words', () => it.each(CONTACTS)('$kb: $q', check));
describe('policies in other words', () => it.each(POLICIES)('$kb: $q', check));
describe('partly known in other words', () => it.each(PARTLY_KNOWN)('$kb: $q', check));
describe('decisions in other words', () => it.each(DECISIONS)('$kb: $q', check));

// Session 15: new paraphrases of passing working questions, on other knowledge bases and in other words.
const CONTACTS_15: Case[] = [
  // A document named by its kind and the item its title names.
  { kb: 'slv', q: 'who can I ask about the organisation description of solvang småbørn', must: ['birgitte ravn holm'] },
  { kb: 'hjs', q: 'who do I ask about the organisation description of dagtilbudskontoret', must: ['kim aaberg stentoft'] },
  { kb: 'rvs', q: 'hvem kan jeg lige ringe til om ledertræffet', must: ['dorthe skou andersen'] },
  { kb: 'hjs', q: 'hvem ved mere om teamchefstillingen i midt', must: ['pernille skau andersen', 'thomas bro eriksen'] },
  { kb: 'hjs', q: 'jeg vil gerne høre lidt mere om jobbet som teamchef, hvem ringer jeg til', must: ['pernille skau andersen', '#76234100'] },
  { kb: 'rvs', q: 'who can I talk to about the laerkereden vacancy', must: ['rasmus ellegaard nyborg', 'sofie bundgaard lund'] },
  { kb: 'rvs', q: 'hvem er kontaktpersonerne på matrikellederjobbet', must: ['rasmus ellegaard nyborg', 'ida kjeldsen frost'] },
  { kb: 'slv', q: 'hvem ved noget om årshjulet for 2027', must: ['jeppe lund kjær'] },
  { kb: 'hjs', q: 'hvem kan svare på spørgsmål om funktionsbeskrivelsen for vicelederne', must: ['louise tang poulsen'] },
  { kb: 'hjs', q: 'who do I contact with questions about the viceleder role description', must: ['louise tang poulsen'] },
  { kb: 'hjs', q: 'hvem skal jeg kontakte om udvalgets beslutningsprotokol', must: ['rasmus ploug hedegaard'] },
  { kb: 'slv', q: 'hvem kan jeg egentlig spørge om huschefstillingen i kastanjen', must: ['lone birkmose ravn'] },
  { kb: 'hjs', q: 'telefonnummeret til kontorchefen', must: ['pernille skau andersen', '#76234100'] },
  { kb: 'rvs', q: 'whats the phone no. of the fællesleder in mosen', must: ['rasmus ellegaard nyborg', '#40126395'] },
];

const POLICIES_15: Case[] = [
  { kb: 'hjs', q: 'hvem har vedtaget skærmpolitikken', must: ['udvalget for børn, familier og fritid'] },
  { kb: 'hjs', q: 'who adopted the digital policy', must: ['committee for children, families and leisure'] },
  { kb: 'hjs', q: 'hvad kræver politikken for digital dannelse af enhedslederne', must: ['forældre'] },
  { kb: 'hjs', q: 'hvilke politikker skal en enhedsleder kende', must: ['digital dannelse', 'gode overgange'] },
  { kb: 'hjs', q: 'hvornår træder den digitale politik i kraft', must: ['1. februar 2027'] },
  { kb: 'slv', q: 'hvad siger bevægelsespolitikken om vinteren', must: ['bevægelsesbånd'] },
  { kb: 'slv', q: 'hvem har ansvaret for at forældresamarbejdsrammen bliver fulgt', must: ['huschef'] },
  { kb: 'rvs', q: 'hvad siger madpolitikken om sukkerholdige drikke', must: ['sukker'] },
  { kb: 'rvs', q: 'which policies apply to the dagplejeafdelingsleder', must: ['mad og bordkultur'] },
  { kb: 'hjs', q: 'gælder politikken om digital dannelse også for dagplejen', must: ['~^ja\\b', 'dagpleje'] },
  { kb: 'slv', q: 'who adopted the framework for cooperation with parents', must: ['kredsforum'] },
  { kb: 'bkk', q: 'hvem har ansvaret for at tidlig indsats følges i praksis', must: ['børnehusleder'] },
  { kb: 'bkk', q: 'hvem skal sikre at tidlig indsats bliver omsat i husene', must: ['småbørnschef'] },
  { kb: 'hbj', q: 'hvem følger op på madpolitikken i institutionerne', must: ['enhedschef'] },
  { kb: 'hjs', q: 'hvad kræver overgangsrammen', must: ['overleveringsmøde'] },
];

const MEMBERSHIP_15: Case[] = [
  { kb: 'slv', q: 'which people sit in kredsforum', must: ['børneområdechef', 'dagplejeinspektør'] },
  { kb: 'hjs', q: 'hvem sidder i kontorledelsen', must: ['kontorchef', 'teamchef', 'rådgivningschef'] },
  { kb: 'hjs', q: 'who is on the lederkollegiet', must: ['enhedsleder', 'teamchef'] },
  { kb: 'hjs', q: 'er vicelederen med i kontorledelsen', must: ['~^nej\\b'] },
  { kb: 'rvs', q: 'hvem består sektorledelsen af', must: ['sektorchef', 'fællesleder', 'sundhedsplejeleder', 'videnscenterleder'] },
  { kb: 'rvs', q: 'is the videnscenterleder part of sektorledelsen', must: ['~^yes\\b'] },
  { kb: 'slv', q: 'hvem er med i kredsteamet', must: ['kredsleder', 'huschef'] },
  { kb: 'hbj', q: 'hvem sidder egentlig i chefgruppen', must: ['fagchef', 'enhedschef', 'teamkoordinator'] },
  { kb: 'hbj', q: 'er teamkoordinatoren med i chefgruppen', must: ['~^ja\\b'] },
  { kb: 'rvs', q: 'who is in the leadership team of a fællesledelse', must: ['fællesleder', 'matrikelleder', 'bestyrer'] },
  { kb: 'other', q: 'hvem er med i områdeledelsen', must: ['områdeleder'] },
  { kb: 'hjs', q: 'hvilke grupper er teamcheferne med i', must: ['lederkollegiet'] },
];

const RESPONSIBILITIES_15: Case[] = [
  // A filler word is no part of a name and no task asked.
  { kb: 'hjs', q: 'what does a viceleder actually do', must: ['vagtplan'] },
  { kb: 'rvs', q: 'hvad laver en sprogvejleder egentlig', must: ['sprogvurdering'] },
  // What a unit is part of, asked of a unit with one undated parent.
  { kb: 'hbj', q: 'hvilken enhed ligger rævehøj i', must: ['enhed'], kind: 'answer' },
  { kb: 'rvs', q: 'which fællesledelse does lærkereden belong to', must: ['mosen'] },
  { kb: 'hjs', q: 'hvilket team er børnecenter kildebo en del af', must: ['øst'] },
  { kb: 'slv', q: 'hvilken børnekreds hører mælkebøtten under', must: ['kreds'] },
  { kb: 'rvs', q: 'hvem holder tilsyn med dagplejerne', must: ['dagplejekonsulent'] },
  { kb: 'slv', q: 'hvem tager referat i kredsforum', must: ['sekretariatskoordinator'], not: ['børneområdechef'] },
  { kb: 'bkk', q: 'hvem holder tilsyn med dagplejerne', must: ['dagplejepædagog'] },
  { kb: 'hjs', q: 'hvad beslutter kontorledelsen', must: ['pulje'], not: ['teamstruktur'] },
  { kb: 'rvs', q: 'what does sektorledelsen decide on', must: ['capacity'], not: ['votes'] },
  { kb: 'hjs', q: 'hvad laver vicelederen', must: ['vagtplan'] },
  { kb: 'hjs', q: 'what is the kontorchef responsible for', must: ['økonomi'] },
  { kb: 'rvs', q: 'hvad er sprogvejledernes opgaver', must: ['sprogvurdering'] },
  { kb: 'slv', q: 'hvad har huschefen ansvaret for', must: ['forældresamarbejde'] },
  { kb: 'slv', q: 'what does the kredsleder do', must: ['huschef'] },
  { kb: 'hjs', q: 'hvem fører tilsyn med dagplejehjemmene', must: ['dagplejevejleder'] },
  { kb: 'hjs', q: 'hvem skriver referat af kontorledelsens møder', must: ['driftsleder'] },
  { kb: 'rvs', q: 'hvad står trivselskonsulenterne for', must: ['særlige behov'] },
];

const DEFINITIONS_15: Case[] = [
  // An abbreviation one item bears as a name, asked what it is: what it stands for, not an item whose name contains it.
  { kb: 'bkk', q: 'hvad betyder LUF', must: ['lederudviklingsforum'] },
  { kb: 'hvm', q: 'hvad betyder SLG', must: ['strategisk ledergruppe'] },
  { kb: 'rvs', q: 'forklar hvad en selvejende institution er', must: ['driftsoverenskomst'] },
  { kb: 'rvs', q: 'can you explain what LTS is', must: ['1 february'] },
  { kb: 'hjs', q: 'hvad er en fælles skærmstund', must: ['20 minutter'] },
  { kb: 'hjs', q: 'what does LUS stand for in hjortsø', must: ['lederudviklingssamtale'] },
  { kb: 'slv', q: 'hvad betyder bevægelsesbånd', must: ['30 minutter'] },
  { kb: 'slv', q: 'what is a nødpasningshus', must: ['summer'] },
  { kb: 'rvs', q: 'hvad menes der med pladsgaranti', must: ['tre måneder'] },
  { kb: 'rvs', q: 'what is LTS', must: ['1 february'] },
  { kb: 'hbj', q: 'hvad er et måltidsfællesskab', must: ['spiser'] },
];

const PROGRAMMES_15: Case[] = [
  { kb: 'slv', q: 'which houses use legeløftet', must: ['kastanjen'] },
  { kb: 'slv', q: 'hvor bruges legeløftet', must: ['ressourcecenter'] },
  { kb: 'hjs', q: 'hvad går sansestien ud på', must: ['tre gange om ugen'] },
  { kb: 'hjs', q: 'who works with barnets kompas', must: ['viceleder'] },
  { kb: 'rvs', q: 'hvem underviser i snakketøjet', must: ['sprogvejleder'] },
  { kb: 'rvs', q: 'what is madværkstedet', must: ['kitchen'] },
  { kb: 'slv', q: 'hvad bruges fodspor til', must: ['trivsel'] },
  { kb: 'hbj', q: 'hvad er ordkassen for noget', must: ['sprog'] },
  { kb: 'hbj', q: 'who teaches the word box method', must: ['language consultant'] },
];

const DECISIONS_15: Case[] = [
  { kb: 'hjs', q: 'hvad har kontorledelsen godkendt', must: ['viceleder', 'årshjul'], not: ['teamstruktur'] },
  { kb: 'hjs', q: 'hvad besluttede udvalget om legepladspuljen', must: ['legeplads'] },
  { kb: 'hjs', q: 'blev den digitale politik vedtaget enstemmigt', must: ['7', '2'], not: ['~^ja\\b'] },
  { kb: 'hjs', q: 'hvad har kontorledelsen godkendt', must: ['viceleder'] },
  { kb: 'rvs', q: 'what was decided about ravneklit', must: ['ravneklit'] },
  { kb: 'rvs', q: 'hvordan stemte de om dagplejen', must: ['5', '4'] },
  { kb: 'slv', q: 'hvad vedtog kredsforum i juni', must: ['forældresamarbejde'] },
  { kb: 'hbj', q: 'what did the committee decide about sandflugten', must: ['sandflugten'] },
  { kb: 'hjs', q: 'who voted against the new team structure', must: ['hjortsø borgerliste'] },
];

describe('session 15: contacts in other words', () => it.each(CONTACTS_15)('$kb: $q', check));
describe('session 15: policies in other words', () => it.each(POLICIES_15)('$kb: $q', check));
describe('session 15: membership in other words', () => it.each(MEMBERSHIP_15)('$kb: $q', check));
describe('session 15: responsibilities in other words', () => it.each(RESPONSIBILITIES_15)('$kb: $q', check));
describe('session 15: definitions in other words', () => it.each(DEFINITIONS_15)('$kb: $q', check));
describe('session 15: programmes in other words', () => it.each(PROGRAMMES_15)('$kb: $q', check));
describe('session 15: decisions in other words', () => it.each(DECISIONS_15)('$kb: $q', check));
