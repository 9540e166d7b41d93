/**
 * The layers of Coal Checkpoint, checked on every `npm test` (scripts/test.mjs runs `npm run lint:layers`).
 *   src-renderer ─┐
 *   services ─────┼─► src-shared (contract, pure rules, the data they read)
 *   db, drivers ──┘
 *   services (src-main/services, the city hub's src-main/hub, …) ─► db, drivers;   shells (electron, host, cli, demo) ─► services
 * Type-only imports count: a cycle through types is still a cycle for a reader.
 */
const SERVICES = '^src-main/(services|hub|tickets|security|signing|paths[.]ts|app[.]ts)';
const SHELLS = '^src-main/(electron|host|cli|demo)/';

/** A layer may import itself, the layers named, npm packages and (except where said) nothing else. */
const only = (name, from, allowed, comment) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from },
  to: { pathNot: [...allowed, '^node_modules/'], dependencyTypesNot: ['core'] },
});

module.exports = {
  forbidden: [
    only('shared-is-the-bottom', '^src-shared/', ['^src-shared/', '^data/.+[.]json$'], 'The shared layer imports only itself and its data.'),
    {
      name: 'shared-touches-no-node',
      comment: 'The shared layer runs in the renderer too: no Node built-ins.',
      severity: 'error',
      from: { path: '^src-shared/' },
      to: { dependencyTypes: ['core'] },
    },
    only('renderer-sees-only-shared', '^src-renderer/', ['^src-renderer/', '^src-shared/'], 'The renderer reaches the app only through the contract.'),
    {
      name: 'renderer-touches-no-node',
      severity: 'error',
      from: { path: '^src-renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    only('db-sees-only-shared', '^db/', ['^db/', '^src-shared/'], 'Repositories know the shared shapes, never the services.'),
    only('drivers-see-only-shared', '^drivers/', ['^drivers/', '^src-shared/'], 'Device drivers know the shared shapes and Node, nothing of the app.'),
    only('services-go-down', SERVICES, [SERVICES, '^src-shared/', '^db/', '^drivers/', '^data/'], 'Services use shared, db and drivers; never a shell.'),
    only('shells-call-services', SHELLS, ['^src-main/', '^src-shared/', '^drivers/', '^data/'], 'Shells reach the app through the services and the dispatcher.'),
    {
      name: 'no-cycles',
      comment: 'Import cycles, type-only ones included.',
      severity: 'error',
      from: { path: '^(src-|db/|drivers/)' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
    exclude: { path: ['node_modules', '^dist-', '^test-results'] },
  },
};
