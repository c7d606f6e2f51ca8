// npm run eval:match — precision and recall of watch matching per category on the labelled set
// (test/eval/match/cases.yaml), with the project's gazetteer and alias groups. Exit 1 below target.
import { loadAliasGroups } from '../src/match/aliases';
import { createMatchContext } from '../src/match/context';
import { loadGazetteer } from '../src/match/gazetteer';
import { formatReport, loadCases, runEval, TARGET_CATEGORY, TARGET_OVERALL } from '../test/eval/match/evaluate';

const aliases = loadAliasGroups();
if (!aliases.ok) {
  console.error(`config/aliases.yaml: ${aliases.error}`);
  process.exit(2);
}
const ctx = createMatchContext({ places: loadGazetteer(), aliasGroups: aliases.value });
const report = runEval(loadCases(), ctx);
console.log(formatReport(report));
const worst = Math.min(...report.scores.flatMap((s) => [s.precision, s.recall]));
const ok =
  report.overall.precision >= TARGET_OVERALL && report.overall.recall >= TARGET_OVERALL && worst >= TARGET_CATEGORY;
console.log(ok ? 'targets met' : `below target (overall >= ${TARGET_OVERALL}, every category >= ${TARGET_CATEGORY})`);
process.exit(ok ? 0 : 1);
