/**
 * Language detection from the text itself; Teams' locale is only a tie-breaker.
 */
import type { Lang } from './types.js';
import { stripMarkup } from './normalize.js';

const DANISH_WORDS = new Set(
  `hvem hvad hvor hvornår hvordan hvorfor hvilke hvilken hvilket er og til af på med for det den der som ikke
  jeg mig min mit mine vi har skal kan må være bliver om i en et de hos fra ved efter før hvor mange
  refererer leder lederen lederne opgave opgaver frist fristen ansøgningsfrist samtale samtaler kontakt ringe
  politik politikker strategi børn dagtilbud hjælp tak hej godmorgen færdig påmind mig næste uge dag dage
  telefonnummer nummer løn adresse møde møder mødet medlemmer chef chefen overordnede også eller men lige gerne
  venligst stillingen stilling hedder hele vejen op under sig deltager sidder ansvar ansvaret datoer hvornår`
    .split(/\s+/)
    .filter(Boolean),
);

const ENGLISH_WORDS = new Set(
  `who what where when how why which is are the a an and to of on with for it that as not i me my we have
  should can must be will about from by after before many much does do did report reports manage manages
  leader leaders task tasks deadline deadlines interview interviews contact call policy policies strategy
  children day care help thanks hello next week days is there any job position application staff unit head
  email phone number salary address meeting meetings members member boss manager date dates start whose whom
  their them they this these those has had was were been than then here all each every please pls need know
  tell give show find vacancy post role title up above under top chain line`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Detects Danish or English from the words used. Danish letters weigh for Danish; the locale hint
 * ("da-DK", "en-US") decides only when the words do not.
 */
export function detectLanguage(text: string, localeHint?: string): Lang {
  const clean = stripMarkup(text).toLowerCase();
  const words = clean.match(/[a-zæøåé]+/g) ?? [];
  // Danish letters tip the balance only: an English question may name "Jens Ærø Dahl" or "Mågen".
  let da = /[æøå]/.test(clean) ? 0.5 : 0;
  let en = 0;
  for (const word of words) {
    if (DANISH_WORDS.has(word)) da += 1;
    if (ENGLISH_WORDS.has(word)) en += 1;
  }
  if (da > en) return 'da';
  if (en > da) return 'en';
  if (localeHint?.toLowerCase().startsWith('en')) return 'en';
  if (localeHint?.toLowerCase().startsWith('da')) return 'da';
  return 'da';
}
