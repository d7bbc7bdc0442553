/** Which files a figure comes from: the bundled fictional sample, or the user's own. Never mixed. */
export type Dataset = 'sample' | 'user';
