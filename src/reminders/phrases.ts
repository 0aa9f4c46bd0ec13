/**
 * What the reminder feature says, in Danish and English. Titles typed by users are passed in already
 * escaped by the caller where the medium needs it.
 */
import { formatDate } from '../time/format-date.js';

/** A language the bot writes in. */
export type PhraseLang = 'da' | 'en';

/** The reminder feature's phrases in one language. */
export interface ReminderPhrases {
  readonly subscribed: string;
  readonly alreadySubscribed: string;
  readonly unsubscribed: string;
  readonly notSubscribed: string;
  readonly personalOnly: string;
  readonly digestSubscribed: string;
  readonly digestAlreadySubscribed: string;
  readonly digestUnsubscribed: string;
  readonly digestNotSubscribed: string;
  readonly channelOnly: string;
  readonly leadersOnly: string;
  readonly deadlineAdded: (title: string, date: string) => string;
  readonly deadlineExists: (title: string, date: string) => string;
  readonly deadlineNoDate: (dateText: string) => string;
  readonly deadlineNoTitle: string;
  readonly deadlinePast: (date: string) => string;
  readonly noDeadlines: string;
  readonly deadlinesTitle: string;
  readonly deadlineLine: (title: string, date: string, daysLeft: number) => string;
  readonly reminderTitle: (kind: 'deadline' | 'date' | 'task') => string;
  readonly when: (daysLeft: number) => string;
  readonly reminderText: (title: string, date: string, daysLeft: number) => string;
  readonly taskOwner: string;
  readonly done: string;
  readonly digestTitle: (today: string) => string;
  readonly digestEmpty: string;
  readonly noDue: string;
  readonly overdue: string;
  readonly help: readonly string[];
}

const daWhen = (daysLeft: number) => (daysLeft === 0 ? 'i dag' : daysLeft === 1 ? 'i morgen' : `om ${daysLeft} dage`);
const enWhen = (daysLeft: number) => (daysLeft === 0 ? 'today' : daysLeft === 1 ? 'tomorrow' : `in ${daysLeft} days`);

const DA: ReminderPhrases = {
  subscribed: 'Du får nu påmindelser om kommende frister og datoer: dem, "frister" viser, fra dokumenterne og chatten. Skriv "stop påmindelser" for at stoppe dem.',
  alreadySubscribed: 'Du får allerede påmindelser om frister. Skriv "stop påmindelser" for at stoppe dem.',
  unsubscribed: 'Du får ikke længere påmindelser om frister. Skriv "påmind mig" for at starte igen.',
  notSubscribed: 'Du får ingen påmindelser om frister. Skriv "påmind mig" for at få dem.',
  personalOnly: 'Påmindelser sendes i en personlig chat: skriv "påmind mig" til mig direkte.',
  digestSubscribed: 'Jeg poster listen over åbne opgaver her efter den faste plan.',
  digestAlreadySubscribed: 'Jeg poster allerede opgavelisten her efter den faste plan.',
  digestUnsubscribed: 'Jeg poster ikke længere opgavelisten her.',
  digestNotSubscribed: 'Jeg poster ikke opgavelisten her.',
  channelOnly: 'Opgavelisten kan kun postes i en kanal: nævn mig med @ i kanalen og skriv "post opgaver her".',
  leadersOnly: 'Kun ledelsen kan tilføje frister.',
  deadlineAdded: (title, date) => `Fristen "${title}" er gemt: ${formatDate(date, 'da')}. Abonnenter får påmindelser.`,
  deadlineExists: (title, date) => `Fristen "${title}" ${formatDate(date, 'da')} findes allerede.`,
  deadlineNoDate: (dateText) =>
    `Jeg kunne ikke læse datoen "${dateText}". Skriv fx "frist Budgetopfølgning 15. maj" eller "frist Budgetopfølgning 2026-05-15".`,
  deadlineNoTitle: 'Fristen mangler en titel. Skriv fx "frist Budgetopfølgning 15. maj".',
  deadlinePast: (date) => `${formatDate(date, 'da')} er allerede passeret. Skriv en dato fra i dag og frem.`,
  noDeadlines: 'Der er ingen kommende frister.',
  deadlinesTitle: 'Kommende frister og datoer',
  deadlineLine: (title, date, daysLeft) => `${formatDate(date, 'da')} (${daWhen(daysLeft)}): ${title}`,
  reminderTitle: (kind) => (kind === 'task' ? 'Påmindelse om opgave' : kind === 'date' ? 'Påmindelse om kommende dato' : 'Påmindelse om frist'),
  when: daWhen,
  reminderText: (title, date, daysLeft) => `Påmindelse: ${title} — ${formatDate(date, 'da')} (${daWhen(daysLeft)}).`,
  taskOwner: 'Ansvarlig',
  done: 'Færdig',
  digestTitle: (today) => `Åbne opgaver pr. ${formatDate(today, 'da')}`,
  digestEmpty: 'Der er ingen åbne opgaver.',
  noDue: 'ingen frist',
  overdue: 'overskredet',
  help: [
    'påmind mig / stop påmindelser: påmindelser om frister og datoer, som "frister" viser dem (personlig chat)',
    'post opgaver her / stop opgaver her: ugentlig opgaveliste i kanalen',
    'frist <titel> <dato>: tilføj en frist (ledelsen) · frister: vis kommende frister',
  ],
};

const EN: ReminderPhrases = {
  subscribed: 'You will now get reminders of upcoming deadlines and dates: the ones "deadlines" lists, from the documents and the chat. Write "stop reminders" to stop them.',
  alreadySubscribed: 'You already get deadline reminders. Write "stop reminders" to stop them.',
  unsubscribed: 'You will no longer get deadline reminders. Write "remind me" to start again.',
  notSubscribed: 'You do not get deadline reminders. Write "remind me" to get them.',
  personalOnly: 'Reminders are sent in a personal chat: write "remind me" to me directly.',
  digestSubscribed: 'I will post the list of open tasks here on the regular schedule.',
  digestAlreadySubscribed: 'I already post the task list here on the regular schedule.',
  digestUnsubscribed: 'I will no longer post the task list here.',
  digestNotSubscribed: 'I do not post the task list here.',
  channelOnly: 'The task list can only be posted in a channel: @mention me in the channel and write "post tasks here".',
  leadersOnly: 'Only the leadership team can add deadlines.',
  deadlineAdded: (title, date) => `The deadline "${title}" is saved: ${formatDate(date, 'en')}. Subscribers will be reminded.`,
  deadlineExists: (title, date) => `The deadline "${title}" on ${formatDate(date, 'en')} already exists.`,
  deadlineNoDate: (dateText) =>
    `I could not read the date "${dateText}". Write e.g. "deadline Budget follow-up 15 May" or "deadline Budget follow-up 2026-05-15".`,
  deadlineNoTitle: 'The deadline needs a title. Write e.g. "deadline Budget follow-up 15 May".',
  deadlinePast: (date) => `${formatDate(date, 'en')} has already passed. Give a date from today on.`,
  noDeadlines: 'There are no upcoming deadlines.',
  deadlinesTitle: 'Upcoming deadlines and dates',
  deadlineLine: (title, date, daysLeft) => `${formatDate(date, 'en')} (${enWhen(daysLeft)}): ${title}`,
  reminderTitle: (kind) => (kind === 'task' ? 'Task reminder' : kind === 'date' ? 'Reminder of a coming date' : 'Deadline reminder'),
  when: enWhen,
  reminderText: (title, date, daysLeft) => `Reminder: ${title} — ${formatDate(date, 'en')} (${enWhen(daysLeft)}).`,
  taskOwner: 'Owner',
  done: 'Done',
  digestTitle: (today) => `Open tasks as of ${formatDate(today, 'en')}`,
  digestEmpty: 'There are no open tasks.',
  noDue: 'no due date',
  overdue: 'overdue',
  help: [
    'remind me / stop reminders: reminders of the deadlines and dates "deadlines" lists (personal chat)',
    'post tasks here / stop tasks here: weekly task list in the channel',
    'deadline <title> <date>: add a deadline (leaders) · deadlines: list upcoming deadlines',
  ],
};

/** The phrases in a language. */
export function reminderPhrases(lang: PhraseLang): ReminderPhrases {
  return lang === 'da' ? DA : EN;
}
