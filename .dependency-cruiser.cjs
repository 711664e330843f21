/**
 * The arrows of ARCHITECTURE.md, checked on every `npm run lint`:
 * web → modules → db; domain and policies import only themselves (and packages); no cycles.
 * Crossings that existed when the check was introduced are listed in
 * .dependency-cruiser-known-violations.json and may only shrink (regenerate it with
 * `npm run lint:baseline` after removing some, never to add one).
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain holds rules and calculations with no I/O: it may import only itself and packages.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/', pathNot: '^src/domain/' },
    },
    {
      name: 'policies-are-pure',
      comment: 'src/policies decide who may do what from plain facts: only themselves, the domain and packages.',
      severity: 'error',
      from: { path: '^src/policies/' },
      to: { path: '^src/', pathNot: ['^src/policies/', '^src/domain/'] },
    },
    {
      name: 'web-never-touches-the-database',
      comment: 'Pages call modules (actions and named load-* queries); only modules talk to src/db.',
      severity: 'error',
      // Not even the composition root (app.ts): it names the database's type through modules/shared/database.ts.
      from: { path: '^src/web/' },
      to: { path: '^src/db/' },
    },
    {
      name: 'modules-do-not-reach-up',
      comment: 'Actions and queries know nothing of pages, the CLI or the HTTP layer.',
      severity: 'error',
      from: { path: '^src/(modules|db|documents)/' },
      to: { path: '^src/(web|cli)/' },
    },
    {
      name: 'pages-keep-to-their-folder',
      comment: 'A page folder does not import another page folder: shared pieces live in src/web/components or src/web/forms.',
      severity: 'error',
      from: { path: '^src/web/pages/([^/]+)/' },
      to: { path: '^src/web/pages/', pathNot: ['^src/web/pages/$1/', '\\.njk$'] },
    },
    {
      name: 'no-circular',
      comment: 'A cycle means two files are one idea split badly, or a shared piece is in the wrong place.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$|\\.test-support\\.ts$' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js'] },
  },
};
