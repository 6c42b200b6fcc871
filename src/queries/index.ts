export * from './sql.ts';
export * from './filters.ts';
export * from './households.ts';
export * from './shuangdao.ts';
export * from './rectifications.ts';
export * from './places.ts';
export * from './projects.ts';
export * from './projectFindings.ts';
