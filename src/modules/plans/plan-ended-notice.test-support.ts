/**
 * The plan-ended notice (issue 14) as its readers get it, for tests that compare whole bodies: what
 * stays the same around every ending is said here once, and each test gives the lines of its ending.
 */

/** The subject a Polish-reading family member gets for Alpha's plan: Polish first, then English. */
export const POLISH_PLAN_ENDED_SUBJECT = 'Zakończenie planu ochrony dziecka: Alpha Testington / Child protection plan ended: Alpha Testington';

/** The English notice to `name`: how the plan ended (`ended`, one or more lines) and the help that continues. */
export function englishPlanEndedNotice(name: string, ending: { ended: string; help: string }): string {
  return `Dear ${name},\n\n${ending.ended}\nHelp that continues: ${ending.help}.\n\n`
    + 'You are told because you were invited to a conference about the child. Please keep this information confidential.';
}

/** The notice to a Polish-reading family member: the ending's Polish lines, then the same English notice. */
export function polishPlanEndedNotice(name: string, polishLines: string, english: string): string {
  return `Szanowna Pani / Szanowny Panie (${name}),\n\n${polishLines}\n\n`
    + 'Otrzymuje Pan/Pani tę wiadomość, ponieważ był(a) Pan/Pani zaproszony(-a) na konferencję w sprawie dziecka. Prosimy zachować te informacje w tajemnicy.\n\n'
    + `Poniżej ta sama wiadomość w języku angielskim.\n\n---\n\n${english}`;
}
