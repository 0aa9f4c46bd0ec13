/**
 * The dialog (task module) of the "Opret opgave" / "Create task" message action: the title prefilled from the
 * message, the owner and the due date to choose, and a link back to the message.
 */
import type { TaskLang } from '../../tasks/index.js';
import type { AdaptiveCard, CardElement } from './adaptive-card.js';
import { ADAPTIVE_CARD_SCHEMA, ADAPTIVE_CARD_VERSION } from './adaptive-card.js';

/** A choice of owner: its value (`me`, `author`, `kb:<person id>`) and what the list shows. */
export interface OwnerChoice {
  readonly value: string;
  readonly title: string;
}

/** What the dialog shows. */
export interface TaskDialogContent {
  readonly lang: TaskLang;
  readonly title: string;
  readonly owners: readonly OwnerChoice[];
  /** The message's link (`linkToMessage`), when Teams sent one. */
  readonly link?: string;
  /** The message's text as Teams showed it, for reference (shortened). */
  readonly excerpt: string;
  readonly titleMaxLength: number;
}

const LABELS: Record<TaskLang, { dialog: string; title: string; owner: string; due: string; create: string; from: string; open: string }> = {
  da: { dialog: 'Opret opgave', title: 'Titel', owner: 'Ansvarlig', due: 'Frist (valgfri)', create: 'Opret opgave', from: 'Fra beskeden', open: 'Åbn beskeden' },
  en: { dialog: 'Create task', title: 'Title', owner: 'Owner', due: 'Due date (optional)', create: 'Create task', from: 'From the message', open: 'Open the message' },
};

/** The dialog's title in the user's language. */
export function taskDialogTitle(lang: TaskLang): string {
  return LABELS[lang].dialog;
}

/** The dialog card; its submit carries the inputs plus the language and the link. */
export function buildTaskDialogCard(content: TaskDialogContent): AdaptiveCard {
  const labels = LABELS[content.lang];
  const body: CardElement[] = [
    { type: 'TextBlock', text: labels.from, size: 'Small', isSubtle: true, wrap: true },
    // A TextBlock renders Markdown; the excerpt is shown as typed, so its Markdown is escaped by the caller.
    { type: 'TextBlock', text: content.excerpt, wrap: true, maxLines: 4, spacing: 'None' },
    { type: 'Input.Text', id: 'title', label: labels.title, value: content.title, isRequired: true, maxLength: content.titleMaxLength, errorMessage: labels.title },
    {
      type: 'Input.ChoiceSet',
      id: 'owner',
      label: labels.owner,
      style: 'compact',
      value: content.owners[0]?.value ?? 'me',
      choices: content.owners.map((owner) => ({ title: owner.title, value: owner.value })),
    },
    { type: 'Input.Date', id: 'due', label: labels.due },
  ];
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: ADAPTIVE_CARD_VERSION,
    body,
    actions: [
      { type: 'Action.Submit', title: labels.create, data: { lang: content.lang, ...(content.link !== undefined && { link: content.link }) } },
      ...(content.link !== undefined ? [{ type: 'Action.OpenUrl', title: labels.open, url: content.link }] : []),
    ],
  };
}
