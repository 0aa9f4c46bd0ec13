/**
 * What the bot says about tasks, in Danish and English. Titles and names arrive already escaped for display.
 */
import type { UsageCommand, UsageProblem } from './commands.js';
import type { TaskScope } from './task-store.js';

/** The task wording of one language. */
export interface TaskPhrases {
  created(number: number, title: string): string;
  ownerLabel: string;
  dueLabel: string;
  noDue: string;
  completed(number: number, title: string): string;
  reopened(number: number, title: string): string;
  moved(number: number, title: string, due: string): string;
  dueRemoved(number: number, title: string): string;
  assigned(number: number, title: string, owner: string): string;
  notFound(number: number): string;
  alreadyDone(number: number): string;
  notDone(number: number): string;
  notAllowed: string;
  listTitle(scope: TaskScope, total: number): string;
  emptyList(scope: TaskScope): string;
  overdueSummary(count: number): string;
  overdueMark: string;
  dueToday: string;
  doneMark: string;
  more(count: number): string;
  by(name: string): string;
  usage(command: UsageCommand): string;
  problem(problem: UsageProblem, detail: string | undefined): string;
  dateForms: string;
  completeButton: string;
  reopenButton: string;
  help: readonly string[];
}

const da: TaskPhrases = {
  created: (n, title) => `Opgave #${n} oprettet: ${title}`,
  ownerLabel: 'Ansvarlig',
  dueLabel: 'Frist',
  noDue: 'ingen',
  completed: (n, title) => `Opgave #${n} er færdig: ${title}`,
  reopened: (n, title) => `Opgave #${n} er åben igen: ${title}`,
  moved: (n, title, due) => `Opgave #${n} har nu frist ${due}: ${title}`,
  dueRemoved: (n, title) => `Opgave #${n} har ikke længere en frist: ${title}`,
  assigned: (n, title, owner) => `Opgave #${n} har nu ${owner} som ansvarlig: ${title}`,
  notFound: (n) => `Jeg kan ikke finde opgave #${n}. Skriv »opgaver« for at se listen.`,
  alreadyDone: (n) => `Opgave #${n} er allerede færdig. Skriv »genåbn ${n}« for at åbne den igen.`,
  notDone: (n) => `Opgave #${n} er ikke færdig, så der er intet at genåbne.`,
  notAllowed: 'Beklager, kun ledelsesteamet kan oprette og ændre opgaver. Du kan stadig se listen: skriv »opgaver«.',
  listTitle: (scope, total) => `${{ open: 'Åbne opgaver', mine: 'Mine åbne opgaver', all: 'Alle opgaver' }[scope]} (${total})`,
  emptyList: (scope) =>
    ({
      open: 'Der er ingen åbne opgaver. Opret en med: opgave <titel> [@person] [senest <dato>]',
      mine: 'Du har ingen åbne opgaver.',
      all: 'Der er ingen opgaver endnu. Opret en med: opgave <titel> [@person] [senest <dato>]',
    })[scope],
  overdueSummary: (count) => (count === 1 ? '1 opgave har overskredet fristen.' : `${count} opgaver har overskredet fristen.`),
  overdueMark: '⚠ overskredet',
  dueToday: 'i dag',
  doneMark: '✓ færdig',
  more: (count) => `… og ${count} mere. Skriv »alle opgaver« eller se den fulde liste i kanalen.`,
  by: (name) => `af ${name}`,
  usage: (command) =>
    ({
      create: 'Sådan opretter du en opgave: opgave <titel> [@person] [senest <dato>]\nFx: opgave Følg op på kapacitetsplanen @Tanja senest fredag',
      complete: 'Sådan markerer du en opgave som færdig: færdig <nr>, fx færdig 3',
      reopen: 'Sådan genåbner du en opgave: genåbn <nr>, fx genåbn 3',
      move: 'Sådan flytter du en frist: flyt <nr> <dato>, fx flyt 3 næste fredag (eller flyt 3 ingen frist)',
      assign: 'Sådan giver du en opgave til en anden: giv <nr> @person, fx giv 3 @Tanja',
    })[command],
  problem: (problem, detail) =>
    ({
      'missing-title': 'Opgaven mangler en titel.',
      'title-too-long': `Titlen er for lang (${detail ?? ''} tegn, højst 200).`,
      'invisible-title': 'Titlen har ingen synlige tegn (kun mellemrum eller usynlige tegn). Skriv en titel, man kan læse.',
      'bad-date': `Jeg kan ikke læse datoen »${detail ?? ''}«.`,
      'missing-date': 'Der mangler en dato.',
      'missing-number': 'Der mangler et opgavenummer.',
      'missing-person': 'Der mangler en person: nævn vedkommende med @.',
      'unknown-person': `Jeg kender ikke »${detail ?? ''}«. Nævn personen med @ i Teams, eller brug et navn fra vidensbasen.`,
      'several-owners': 'En opgave har én ansvarlig: nævn kun én person.',
    })[problem],
  dateForms: 'Datoer kan fx skrives 1. december, 1/12, 2026-12-01, i dag, i morgen, fredag, næste fredag, om 3 dage eller uge 50.',
  completeButton: 'Færdig',
  reopenButton: 'Genåbn',
  help: [
    'opgave <titel> [@person] [senest <dato>]: opretter en opgave',
    'opgaver / mine opgaver / alle opgaver: viser opgaverne',
    'færdig <nr>, genåbn <nr>, flyt <nr> <dato>, giv <nr> @person: ændrer en opgave',
  ],
};

const en: TaskPhrases = {
  created: (n, title) => `Task #${n} created: ${title}`,
  ownerLabel: 'Owner',
  dueLabel: 'Due',
  noDue: 'none',
  completed: (n, title) => `Task #${n} is done: ${title}`,
  reopened: (n, title) => `Task #${n} is open again: ${title}`,
  moved: (n, title, due) => `Task #${n} is now due ${due}: ${title}`,
  dueRemoved: (n, title) => `Task #${n} no longer has a due date: ${title}`,
  assigned: (n, title, owner) => `Task #${n} is now owned by ${owner}: ${title}`,
  notFound: (n) => `I can't find task #${n}. Type “tasks” to see the list.`,
  alreadyDone: (n) => `Task #${n} is already done. Type “reopen ${n}” to open it again.`,
  notDone: (n) => `Task #${n} is not done, so there is nothing to reopen.`,
  notAllowed: 'Sorry, only the leadership team can create and change tasks. You can still see the list: type “tasks”.',
  listTitle: (scope, total) => `${{ open: 'Open tasks', mine: 'My open tasks', all: 'All tasks' }[scope]} (${total})`,
  emptyList: (scope) =>
    ({
      open: 'There are no open tasks. Create one with: task <title> [@person] [due <date>]',
      mine: 'You have no open tasks.',
      all: 'There are no tasks yet. Create one with: task <title> [@person] [due <date>]',
    })[scope],
  overdueSummary: (count) => (count === 1 ? '1 task is overdue.' : `${count} tasks are overdue.`),
  overdueMark: '⚠ overdue',
  dueToday: 'today',
  doneMark: '✓ done',
  more: (count) => `… and ${count} more. Type “all tasks” or see the full list in the channel.`,
  by: (name) => `by ${name}`,
  usage: (command) =>
    ({
      create: 'To create a task: task <title> [@person] [due <date>]\nFor example: task Follow up on the capacity plan @Tanja by Friday',
      complete: 'To mark a task as done: done <n>, e.g. done 3',
      reopen: 'To reopen a task: reopen <n>, e.g. reopen 3',
      move: 'To change a due date: move <n> <date>, e.g. move 3 next friday (or move 3 no date)',
      assign: 'To give a task to someone else: assign <n> @person, e.g. assign 3 @Tanja',
    })[command],
  problem: (problem, detail) =>
    ({
      'missing-title': 'The task needs a title.',
      'title-too-long': `The title is too long (${detail ?? ''} characters, at most 200).`,
      'invisible-title': 'The title has no visible characters (only spaces or invisible characters). Please write a title people can read.',
      'bad-date': `I can't read the date “${detail ?? ''}”.`,
      'missing-date': 'The date is missing.',
      'missing-number': 'The task number is missing.',
      'missing-person': 'The person is missing: mention them with @.',
      'unknown-person': `I don't know “${detail ?? ''}”. Mention them with @ in Teams, or use a name from the knowledge base.`,
      'several-owners': 'A task has one owner: mention only one person.',
    })[problem],
  dateForms: 'Dates can be written e.g. December 1, 1/12, 2026-12-01, today, tomorrow, friday, next friday, in 3 days or week 50.',
  completeButton: 'Done',
  reopenButton: 'Reopen',
  help: [
    'task <title> [@person] [due <date>]: creates a task',
    'tasks / my tasks / all tasks: shows the tasks',
    'done <n>, reopen <n>, move <n> <date>, assign <n> @person: changes a task',
  ],
};

/** The task wording in a language. */
export function taskPhrases(lang: 'da' | 'en'): TaskPhrases {
  return lang === 'da' ? da : en;
}
