import { understand } from '/work/wt/policies/src/answering/understand.js';
import { loadLexicon } from "/work/wt/policies/src/answering/lexicon/lexicon.js"; const LEXICON = loadLexicon();
for (const q of process.argv.slice(2)) { const u = understand(q, new Date(), LEXICON as any, () => true); console.log(q, [...u.intents.keys?.() ?? u.intents], [...u.kinds.keys()], u.attributes, [...u.policyTypes]); }
